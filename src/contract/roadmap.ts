// Sidebar endpoints of the roadmap sheet (issue 4): recognition summary, «Проверить», refresh,
// selecting a problem's cell, settings. Results are wire-safe: dates are 'yyyy-MM-dd' strings,
// "no value" is null.
import * as z from 'zod/mini';
import type { ColumnMeaning, RowRole } from '../core/types';
import { spec } from './define';
import { isoDate } from './fields';


export interface LegendItem {
  key: string;
  label: string;
  background: string;
  fontColor: string | null;
}

export interface RecognitionReport {
  /** Where the table came from: the sheet name or the document title. */
  source: string;
  /** The sheet the table was pasted into (null: imported from a document). */
  sourceSheetId: number | null;
  /** Headers of the source's columns kept as extra columns of the new sheet. */
  extraColumns: string[];
  /** Items that carry a note row of the source (kept as a note on the «Мероприятие» cell). */
  notes: number;
  /** Lines of the list of abbreviations kept (a note on the «Мероприятие» header). */
  abbreviations: number;
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

/** The person's corrections to recognition, as they cross the wire (0-based rows and columns). */
export interface ChoicesWire {
  /** Source columns whose meaning the person chose. */
  mapping: { column: number; meaning: ColumnMeaning }[];
  /** The (last) header row; null: found by recognition. */
  headerRow: number | null;
  /** The first data row; null: the row after the header. */
  firstDataRow: number | null;
  /** Rows whose role the person chose. */
  rowRoles: { row: number; role: RowRole }[];
  plan: { start: string; end: string } | null;
}

export interface ViewColumn {
  /** 0-based source column and its letter («C»). */
  column: number;
  letter: string;
  header: string;
  /** The first few non-empty cells below the header. */
  sample: string[];
  meaning: ColumnMeaning;
}

export interface ViewRow {
  /** 0-based source row. */
  row: number;
  role: RowRole;
  /** The row's text, shortened. */
  text: string;
}

/** What recognition understood of a source sheet, for the person to correct (nothing written). */
export interface RecognitionView {
  sourceSheetId: number;
  sourceName: string;
  /** Rows of the source (bounds of the header and first-row choices). */
  rowCount: number;
  /** 0-based; null: no header row was found. */
  headerRow: number | null;
  firstDataRow: number | null;
  columns: ViewColumn[];
  /** Body rows and how each was read (the first ones, then only those that are not items). */
  rows: ViewRow[];
  /** Body rows not listed. */
  rowsOmitted: number;
  plan: { title: string; start: string; end: string } | null;
  items: number;
  sections: number;
  notes: number;
  extraColumns: string[];
  /** The first items as they would appear on the new sheet. */
  preview: { number: string; activity: string; deadline: string; responsible: string; isSection: boolean }[];
  warnings: string[];
  /** Why no sheet can be made with these choices (null: it can). */
  refusal: string | null;
  choices: ChoicesWire;
}

export interface RecognitionState {
  report: RecognitionReport | null;
  /** What was understood of the source sheet, to correct; null for a document import or a deleted sheet. */
  view: RecognitionView | null;
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
  /** «Проверить» warns about items «Выполнено» with an empty «Отметка о выполнении». */
  requireMark: boolean;
  activeSheetId: number;
  sheets: SettingsSheet[];
}

/** Every column meaning and row role, in the order the sidebar lists them. */
export const COLUMN_MEANINGS = ['number', 'activity', 'deadline', 'responsible', 'result', 'status', 'doneDate', 'section', 'extra', 'skip'] as const satisfies readonly ColumnMeaning[];
export const ROW_ROLES = ['item', 'section', 'note', 'continuation', 'skip'] as const satisfies readonly RowRole[];
// Compile-time: the lists name every meaning and role of the core types.
const _allMeanings: Exclude<ColumnMeaning, (typeof COLUMN_MEANINGS)[number]> extends never ? true : never = true;
const _allRoles: Exclude<RowRole, (typeof ROW_ROLES)[number]> extends never ? true : never = true;
void _allMeanings;
void _allRoles;

export const columnMeaning = z.enum(COLUMN_MEANINGS);
export const rowRole = z.enum(ROW_ROLES);
const sourceIndex = z.number().check(z.int(), z.nonnegative(), z.lte(10_000_000));
const sheetIdArg = z.number().check(z.int(), z.nonnegative());

const choicesArg = z
  .object({
    mapping: z.array(z.object({ column: z.number().check(z.int(), z.nonnegative(), z.lte(18_277)), meaning: columnMeaning })).check(z.maxLength(500)),
    headerRow: z.nullable(sourceIndex),
    firstDataRow: z.nullable(sourceIndex),
    rowRoles: z.array(z.object({ row: sourceIndex, role: rowRole })).check(z.maxLength(300, 'можно изменить не больше 300 строк')),
    plan: z.nullable(z.object({ start: isoDate, end: isoDate })),
  })
  .check(
    z.refine((c) => !c.plan || c.plan.start <= c.plan.end, 'дата начала плана позже даты окончания'),
    z.refine((c) => c.headerRow === null || c.firstDataRow === null || c.firstDataRow > c.headerRow, 'первая строка данных должна быть ниже строки заголовков'),
  );

const previewArgs = z.tuple([sheetIdArg, choicesArg]);
const applyArgs = z.tuple([sheetIdArg, choicesArg, z.nullable(sheetIdArg)]);

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
    /** Absent: left as it is. */
    requireMark: z.optional(z.boolean()),
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
  getRecognitionReport: spec<NoArgs, RecognitionState>(noArgs),
  /** (sourceSheetId, choices): recognition of the source with these corrections; writes nothing. */
  previewRecognition: spec<typeof previewArgs, RecognitionView>(previewArgs),
  /**
   * (sourceSheetId, choices, replaceSheetId | null): remembers the corrections for the source and
   * writes the roadmap sheet anew, in place of the sheet this source's last recognition made.
   */
  applyRecognition: spec<typeof applyArgs, RecognitionState>(applyArgs),
  checkRoadmap: spec<NoArgs, CheckReport>(noArgs),
  refreshRoadmap: spec<NoArgs, RefreshReport>(noArgs),
  /** (sheetId, row, column | null): selects a problem's cell (or row). */
  selectCell: spec<typeof selectCellArgs, boolean>(selectCellArgs),
  /** Writes an offered deadline fix into its cell (only that cell), if the cell still holds the text checked. */
  fixDeadline: spec<typeof fixDeadlineArgs, { written: boolean; message: string }>(fixDeadlineArgs),
  getRoadmapSettings: spec<NoArgs, SettingsView>(noArgs),
  saveRoadmapSettings: spec<typeof settingsArgs, SettingsView>(settingsArgs),
};
