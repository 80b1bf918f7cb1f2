import * as z from 'zod/mini';
import { spec } from './define';

export interface PanelState {
  spreadsheetName: string;
  sheetName: string;
  /** 'yyyy-MM-dd' in the spreadsheet's time zone. */
  today: string;
  timeZone: string;
}

export const panelApi = {
  getPanelState: spec<z.ZodMiniTuple<[]>, PanelState>(z.tuple([])),
};
