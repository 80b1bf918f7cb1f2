// «Открыть панель»: an overview of the active sheet — how many rows show each deadline colour
// today, how many problems «Проверить» would list — and buttons to the other sidebars.
import * as z from 'zod/mini';
import { spec } from './define';
import type { CheckReport } from './roadmap';

export interface PanelOverview {
  plan: CheckReport['plan'];
  soonDays: number;
  errors: number;
  warnings: number;
  colours: CheckReport['colours'];
  legend: CheckReport['legend'];
}

export interface PanelState {
  spreadsheetName: string;
  sheetName: string;
  /** 'yyyy-MM-dd' in the spreadsheet's time zone. */
  today: string;
  timeZone: string;
  /** Null when the active sheet is not a roadmap of the add-on; `hint` then says what to do. */
  overview: PanelOverview | null;
  hint: string | null;
  /** The last recorded changes of the selected row («История изменений»), newest first; null off a roadmap. */
  history: RowChanges | null;
}

export interface RowChanges {
  /** 1-based row of the active sheet. */
  row: number;
  changes: { at: string; who: string; column: string; before: string; after: string }[];
}

/** Sidebars the panel links to (each opens as its menu item does). */
export const PANEL_LINKS = ['check', 'order', 'report', 'roadmap-settings'] as const;
export type PanelLink = (typeof PANEL_LINKS)[number];

const noArgs = z.tuple([]);
const linkArg = z.tuple([z.enum(PANEL_LINKS)]);

export const panelApi = {
  getPanelState: spec<typeof noArgs, PanelState>(noArgs),
  openFromPanel: spec<typeof linkArg, null>(linkArg),
};
