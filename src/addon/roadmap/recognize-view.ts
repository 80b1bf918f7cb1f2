// What recognition understood of a pasted sheet, shaped for the person to check and correct in the
// recognise sidebar: every source column with its header, a sample and its meaning; how each body
// row was read; the plan period; the first items as they would be written. Pure.
import type { ColumnMeaning, Field, Recognition, RecognizeChoices, RowRole, SourceColumn } from '../../core';
import { columnLetter } from '../../core/a1';
import { cellText, clipText } from '../../core/roadmap/text';
import type { ChoicesWire, RecognitionView, ViewRow } from '../../contract/roadmap';

const SAMPLE_SIZE = 3;
const SAMPLE_CHARS = 60;
/** Body rows listed one by one; past these only rows that are not items are listed. */
const LISTED_ROWS = 150;
const MAX_LISTED = 300;
const PREVIEW_ITEMS = 8;

export function choicesFromWire(w: ChoicesWire): RecognizeChoices {
  const c: RecognizeChoices = {};
  if (w.mapping.length) c.mapping = Object.fromEntries(w.mapping.map((m) => [m.column, m.meaning]));
  if (w.headerRow !== null) c.headerRow = w.headerRow;
  if (w.firstDataRow !== null) c.firstDataRow = w.firstDataRow;
  if (w.rowRoles.length) c.rowRoles = Object.fromEntries(w.rowRoles.map((r) => [r.row, r.role]));
  if (w.plan) c.plan = { start: w.plan.start, end: w.plan.end };
  return c;
}

export function choicesToWire(c: RecognizeChoices | null): ChoicesWire {
  const entries = <T>(record: Record<number, T> | undefined): [number, T][] =>
    Object.entries(record ?? {}).map(([k, v]) => [Number(k), v as T]);
  return {
    mapping: entries(c?.mapping).map(([column, meaning]) => ({ column, meaning })),
    headerRow: c?.headerRow ?? null,
    firstDataRow: c?.firstDataRow ?? null,
    rowRoles: entries(c?.rowRoles).map(([row, role]) => ({ row, role })),
    plan: c?.plan ? { start: c.plan.start, end: c.plan.end } : null,
  };
}

/** The first non-empty cells of a column below `from`. */
function sampleOf(rows: readonly (readonly unknown[])[], column: number, from: number): string[] {
  const out: string[] = [];
  for (let r = from; r < rows.length && out.length < SAMPLE_SIZE; r++) {
    const text = cellText(rows[r]?.[column]);
    if (text) out.push(clipText(text, SAMPLE_CHARS));
  }
  return out;
}

/**
 * Every source column with what it was taken to mean: recognition's own list when it gives one,
 * else derived from its columns and extra columns (a column in neither is not carried over).
 */
export function sourceColumnsOf(recognition: Recognition, cells: readonly (readonly unknown[])[]): SourceColumn[] {
  if (recognition.sourceColumns?.length) return recognition.sourceColumns;
  const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
  const byColumn = new Map<number, ColumnMeaning>();
  for (const [f, c] of Object.entries(recognition.columns) as [Field, number][]) if (!byColumn.has(c)) byColumn.set(c, f);
  for (const x of recognition.extraColumns ?? []) if (!byColumn.has(x.column)) byColumn.set(x.column, 'extra');
  const headerRow = recognition.headerRow;
  const out: SourceColumn[] = [];
  for (let c = 0; c < width; c++) {
    const header = headerRow >= 0 ? cellText(cells[headerRow]?.[c]) : '';
    const sample = sampleOf(cells, c, headerRow + 1);
    if (!header && sample.length === 0) continue;
    out.push({ column: c, header, meaning: byColumn.get(c) ?? 'skip', sample });
  }
  return out;
}

/** How each body row was read: recognition's own list when it gives one, else from the items. */
export function rowRolesOf(recognition: Recognition): { row: number; role: RowRole }[] {
  if (recognition.rowRoles?.length) return recognition.rowRoles;
  const roles: { row: number; role: RowRole }[] = [];
  for (const it of recognition.items) {
    it.sourceRows.forEach((row, k) => roles.push({ row, role: k > 0 ? 'continuation' : it.isSection ? 'section' : 'item' }));
  }
  return roles.sort((a, b) => a.row - b.row);
}

function rowText(row: readonly unknown[] | undefined): string {
  return clipText((row ?? []).map(cellText).filter(Boolean).join(' | '), 90);
}

/** Body rows to list: the first ones, then those that are not plain items (bounded). */
function listedRows(roles: readonly { row: number; role: RowRole }[], cells: readonly (readonly unknown[])[]): { rows: ViewRow[]; omitted: number } {
  const rows: ViewRow[] = [];
  roles.forEach((r, i) => {
    if (rows.length >= MAX_LISTED) return;
    if (i < LISTED_ROWS || r.role !== 'item') rows.push({ row: r.row, role: r.role, text: rowText(cells[r.row]) });
  });
  return { rows, omitted: roles.length - rows.length };
}

export interface ViewInput {
  sourceSheetId: number;
  sourceName: string;
  /** What recognition read (dates as text, formulas taken back). */
  cells: readonly (readonly unknown[])[];
  recognition: Recognition;
  /** Headers of the extra columns the new sheet would get. */
  extraColumns: string[];
  refusal: string | null;
  choices: RecognizeChoices | null;
}

export function buildView(input: ViewInput): RecognitionView {
  const { recognition, cells } = input;
  const roles = rowRolesOf(recognition);
  const { rows, omitted } = listedRows(roles, cells);
  const items = recognition.items;
  const headerRow = recognition.headerRow >= 0 ? recognition.headerRow : null;
  const firstBody = roles[0]?.row ?? null;
  return {
    sourceSheetId: input.sourceSheetId,
    sourceName: input.sourceName,
    rowCount: cells.length,
    headerRow,
    firstDataRow: input.choices?.firstDataRow ?? firstBody,
    columns: sourceColumnsOf(recognition, cells).map((c) => ({
      column: c.column,
      letter: columnLetter(c.column + 1),
      header: clipText(c.header, SAMPLE_CHARS),
      sample: c.sample.map((t) => clipText(t, SAMPLE_CHARS)),
      meaning: c.meaning,
    })),
    rows,
    rowsOmitted: omitted,
    plan: recognition.plan ? { title: clipText(recognition.plan.title, 200), start: recognition.plan.start, end: recognition.plan.end } : null,
    items: items.filter((it) => !it.isSection).length,
    sections: items.filter((it) => it.isSection).length,
    notes: items.filter((it) => it.note).length,
    extraColumns: input.extraColumns.map((h) => clipText(h, SAMPLE_CHARS)),
    preview: items.slice(0, PREVIEW_ITEMS).map((it) => ({
      number: clipText(it.number, 20),
      activity: clipText(it.activity, 120),
      deadline: clipText(it.deadline, 60),
      responsible: clipText(it.responsible, 60),
      isSection: it.isSection,
    })),
    warnings: recognition.warnings.slice(0, 30).map((w) => clipText(w, 400)),
    refusal: input.refusal,
    choices: choicesToWire(input.choices),
  };
}
