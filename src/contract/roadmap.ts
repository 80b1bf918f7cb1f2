// Sidebar endpoints of the roadmap sheet (issue 4): recognition summary, «Проверить», refresh,
// selecting a problem's cell, settings. Results are wire-safe: dates are 'yyyy-MM-dd' strings,
// "no value" is null.
import * as z from 'zod/mini';
import { spec } from './define';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'ожидается дата в формате ГГГГ-ММ-ДД'));

export interface LegendItem {
  key: string;
  label: string;
  background: string;
  fontColor: string | null;
}

export interface RecognitionReport {
  /** Where the table came from: the sheet name or the document title. */
  source: string;
  /** The new canonical sheet. */
  sheetName: string;
  sheetId: number;
  items: number;
  sections: number;
  /** Header row of the source (1-based), null when columns were guessed. */
  headerRow: number | null;
  /** "Мероприятие ← «Наименование мероприятий» (столбец 2)". */
  columns: string[];
  plan: { title: string; start: string; end: string } | null;
  warnings: string[];
  /** Problems found by a first check (count only; «Проверить» lists them). */
  errors: number;
  problemWarnings: number;
}

export interface CheckProblem {
  /** 1-based sheet row and column of the cell to select (column null: the whole row). */
  row: number;
  column: number | null;
  columnTitle: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** An evident typo's correction: `text` (the cell as checked) becomes `fix` with one click. */
  fix: { text: string; fix: string } | null;
}

export interface CheckRow {
  row: number;
  /** "1.2. Назначение куратора…", for the group heading. */
  label: string;
  problems: CheckProblem[];
}

export interface CheckReport {
  sheetName: string;
  sheetId: number;
  today: string;
  plan: { start: string; end: string } | null;
  soonDays: number;
  errors: number;
  warnings: number;
  rows: CheckRow[];
  /** Rows per deadline colour today (overdue, soon, active, done, nodate, invalid). */
  colours: { key: string; label: string; background: string; count: number }[];
  legend: LegendItem[];
  /** Problems of the sheet itself (no header, missing columns), Russian. */
  notes: string[];
}

export interface RefreshReport {
  sheetName: string;
  rows: number;
  rules: number;
  message: string;
}

export interface SettingsSheet {
  sheetId: number;
  name: string;
  isRoadmap: boolean;
  planStart: string | null;
  planEnd: string | null;
  title: string;
}

export interface SettingsView {
  soonDays: number;
  activeSheetId: number;
  sheets: SettingsSheet[];
}

const noArgs = z.tuple([]);
type NoArgs = typeof noArgs;

const selectCellArgs = z.tuple([
  z.number().check(z.int(), z.nonnegative()),
  z.number().check(z.int(), z.gte(1), z.lte(10_000_000)),
  z.nullable(z.number().check(z.int(), z.gte(1), z.lte(18_278))),
]);

const cellText = z.string().check(z.maxLength(50_000));
const fixDeadlineArgs = z.tuple([
  z.object({
    sheetId: z.number().check(z.int(), z.nonnegative()),
    row: z.number().check(z.int(), z.gte(1), z.lte(10_000_000)),
    column: z.number().check(z.int(), z.gte(1), z.lte(18_278)),
    /** The cell's text the person saw: the fix is written only if the cell still holds it. */
    text: cellText,
    fix: cellText,
  }),
]);

const settingsArgs = z.tuple([
  z.object({
    soonDays: z.number().check(z.int(), z.gte(0), z.lte(365)),
    sheets: z
      .array(
        z.object({
          sheetId: z.number().check(z.int(), z.nonnegative()),
          isRoadmap: z.boolean(),
          planStart: z.nullable(isoDate),
          planEnd: z.nullable(isoDate),
        }),
      )
      .check(z.maxLength(200)),
  }),
]);

export const roadmapApi = {
  /** The last recognition or import by this user in this spreadsheet (null: none yet). */
  getRecognitionReport: spec<NoArgs, { report: RecognitionReport | null }>(noArgs),
  checkRoadmap: spec<NoArgs, CheckReport>(noArgs),
  refreshRoadmap: spec<NoArgs, RefreshReport>(noArgs),
  /** (sheetId, row, column | null): selects a problem's cell (or row). */
  selectCell: spec<typeof selectCellArgs, boolean>(selectCellArgs),
  /** Writes an offered deadline fix into its cell (only that cell), if the cell still holds the text checked. */
  fixDeadline: spec<typeof fixDeadlineArgs, { written: boolean; message: string }>(fixDeadlineArgs),
  getRoadmapSettings: spec<NoArgs, SettingsView>(noArgs),
  saveRoadmapSettings: spec<typeof settingsArgs, SettingsView>(settingsArgs),
};
