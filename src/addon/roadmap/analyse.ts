// The add-on's roadmap sheet, analysed in memory from one getValues(): where its columns are now
// (people reorder and rename them), its items, their problems and the helper columns to write.
// Pure: no Apps Script globals (the lead may move it to core).
import type { Field, ISODate, PlanContext, Problem, ProblemField, Recognition } from '../../core';
import {
  CANONICAL_COLUMNS, findCanonicalHeader, rowsToItems, validateRoadmap,
  type CanonicalItem, type CanonicalKey,
} from '../../core/roadmap';
import { cellText, foldForMatch } from '../../core/roadmap/text';
import {
  OCCURRENCE_SLOTS, PROBLEMS_HEADER, STATE_HEADER, extraEndHeader, extraHelperHeaders, extraStartHeader,
  helperCells, problemTokens, rowHelper, type RowHelper, type RuleColumns,
} from '../../core/roadmap/colour';

const LAYOUT_HELPERS = ['helperStart', 'helperEnd', 'helperKind'] as const;
const USER_FIELDS: readonly Field[] = ['number', 'activity', 'deadline', 'responsible', 'result', 'status', 'doneDate'];
/** Problems that depend on other rows (numbering): onEdit of one row cannot judge them. */
export const CROSS_ROW_CODES: ReadonlySet<string> = new Set(['number-duplicate', 'number-gap', 'number-order', 'section-missing', 'number-missing']);

/** Where everything is, 0-based in the values read from A1. */
export interface SheetLayout {
  headerRow: number;
  columns: Partial<Record<CanonicalKey, number>>;
  /** Our extra helper block: state, starts 2…K, ends 2…K, problems (contiguous). */
  extra: { state: number; starts: number; ends: number; problems: number };
  /** Helper columns that are missing and will be added at `appendAt` (header texts in order). */
  missing: { appendAt: number; headers: string[] } | null;
  /** Header text of each user field (and of the mark) as the sheet names it (for messages). */
  titles: Partial<Record<ProblemField, string>>;
}

const EXTRA_COUNT = extraHelperHeaders().length;

/** Finds the add-on's header row and every column; null when the sheet is not a roadmap of ours. */
export function locateLayout(values: readonly (readonly unknown[])[], width: number): SheetLayout | null {
  const header = findCanonicalHeader(values as unknown[][]);
  if (!header) return null;
  const headerCells = (values[header.row] ?? []).map((v) => foldForMatch(cellText(v)));
  const columns = { ...header.columns };
  const titles: Partial<Record<ProblemField, string>> = {};
  for (const f of [...USER_FIELDS, 'mark'] as const) {
    const c = columns[f];
    if (c !== undefined) titles[f] = cellText(values[header.row]?.[c]) || undefined;
  }
  // Our extra block: the first state column followed by the expected headers.
  const expected = extraHelperHeaders().map(foldForMatch);
  let extraAt = -1;
  for (let c = 0; c + EXTRA_COUNT <= headerCells.length && extraAt < 0; c++) {
    if (headerCells[c] === expected[0] && expected.every((h, k) => headerCells[c + k] === h)) extraAt = c;
  }
  const missingHeaders: string[] = [];
  for (const key of LAYOUT_HELPERS) {
    if (columns[key] === undefined) missingHeaders.push(CANONICAL_COLUMNS.find((d) => d.key === key)!.header);
  }
  let appendAt = Math.max(width, headerCells.length);
  for (const [i, h] of missingHeaders.entries()) {
    const key = LAYOUT_HELPERS.find((k) => CANONICAL_COLUMNS.find((d) => d.key === k)!.header === h)!;
    columns[key] = appendAt + i;
  }
  if (extraAt < 0) {
    extraAt = appendAt + missingHeaders.length;
    missingHeaders.push(...extraHelperHeaders());
  }
  const extra = { state: extraAt, starts: extraAt + 1, ends: extraAt + OCCURRENCE_SLOTS, problems: extraAt + 2 * OCCURRENCE_SLOTS - 1 };
  if (!missingHeaders.length) appendAt = -1;
  return {
    headerRow: header.row,
    columns,
    extra,
    missing: missingHeaders.length ? { appendAt, headers: missingHeaders } : null,
    titles,
  };
}

export interface AnalyseOptions {
  plan: PlanContext | null;
  today: ISODate;
  /** Only some rows were read (onEdit): drop problems that depend on the other rows. */
  rowLocal?: boolean;
  /** Warn about items «Выполнено» with an empty «Отметка о выполнении» (the setting; the sheet must have the column). */
  requireMark?: boolean;
}

export interface SheetAnalysis {
  layout: SheetLayout;
  items: CanonicalItem[];
  /** For each item, its helper values. */
  helpers: RowHelper[];
  problems: Problem[];
  /**
   * Helper columns to write, 0-based column → cells from the header row down to the last row
   * (header text first). Only the add-on's columns: user columns are never in here.
   */
  helperColumns: Map<number, (string | number)[]>;
  /** About the sheet as a whole (missing columns, no plan), Russian. */
  notes: string[];
}

/** Everything «Проверить» and «Обновить сроки и цвета» need, from one read. `values` start at A1. */
export function analyseSheet(values: readonly (readonly unknown[])[], width: number, options: AnalyseOptions): SheetAnalysis | null {
  const layout = locateLayout(values, width);
  if (!layout) return null;
  const read = rowsToItems(values as unknown[][], 1);
  const notes = read.warnings.filter((w) => !/служебн/.test(w));
  if (!options.plan) {
    notes.push('Период плана не задан: сроки без года отнесены к текущему году, проверка выхода за период плана не выполнена. Укажите период в меню «Расширения → Дорожная карта → Настройки дорожной карты».');
  }
  const items = read.items;
  const problems = validateRoadmap(items, options.plan ?? { planStart: '', planEnd: '' }, options.today, {
    firstRow: 1,
    columnTitles: layout.titles,
    requireMark: options.requireMark && layout.columns.mark !== undefined
      ? { columnTitle: layout.titles.mark ?? CANONICAL_COLUMNS.find((d) => d.key === 'mark')!.header }
      : undefined,
  }).filter((p) => !options.rowLocal || !CROSS_ROW_CODES.has(p.code));
  const helpers = items.map((it) => rowHelper(it, options.plan, options.today));
  const byItem = new Map<number, Problem[]>();
  for (const p of problems) {
    const list = byItem.get(p.item) ?? [];
    list.push(p);
    byItem.set(p.item, list);
  }

  const height = values.length - layout.headerRow;
  const helperColumns = new Map<number, (string | number)[]>();
  const column = (c: number, header: string): (string | number)[] => {
    const cells = new Array<string | number>(height).fill('');
    cells[0] = header;
    helperColumns.set(c, cells);
    return cells;
  };
  const headerOf = (key: CanonicalKey): string => CANONICAL_COLUMNS.find((d) => d.key === key)!.header;
  const layoutCols = LAYOUT_HELPERS.map((k) => column(layout.columns[k]!, headerOf(k)));
  const extraHeaders = extraHelperHeaders();
  const extraCols = extraHeaders.map((h, k) => column(layout.extra.state + k, h));
  items.forEach((it, i) => {
    const at = (it.sourceRows[0] ?? 0) - layout.headerRow;
    if (at <= 0 || at >= height) return;
    const cells = helperCells(helpers[i]!);
    cells.layout.forEach((v, k) => (layoutCols[k]![at] = v));
    cells.extra.forEach((v, k) => (extraCols[k]![at] = v));
    extraCols[extraCols.length - 1]![at] = problemTokens(byItem.get(i) ?? []);
  });
  return { layout, items, helpers, problems, helperColumns, notes };
}

/**
 * A person's sheet read through recognition (the read-only «Проверить» of a pasted table): the
 * problems and colours of its items, pointing at the source cells. Nothing to write: no helper columns.
 */
export function analyseRecognized(recognition: Recognition, items: CanonicalItem[], headerCells: readonly unknown[], options: AnalyseOptions): SheetAnalysis {
  const titles: Partial<Record<Field, string>> = {};
  for (const f of USER_FIELDS) {
    const c = recognition.columns[f];
    if (c !== undefined) titles[f] = cellText(headerCells[c]) || undefined;
  }
  const layout: SheetLayout = {
    headerRow: Math.max(recognition.headerRow, 0),
    columns: { ...recognition.columns },
    extra: { state: -1, starts: -1, ends: -1, problems: -1 },
    missing: null,
    titles,
  };
  const problems = validateRoadmap(items, options.plan ?? { planStart: '', planEnd: '' }, options.today, { firstRow: 1, columnTitles: titles });
  const helpers = items.map((it) => rowHelper(it, options.plan, options.today));
  return { layout, items, helpers, problems, helperColumns: new Map(), notes: [] };
}

/** Contiguous runs of helper columns: each becomes one setValues. */
export function contiguousRuns(columns: ReadonlyMap<number, (string | number)[]>): { column: number; values: (string | number)[][] }[] {
  const keys = [...columns.keys()].sort((a, b) => a - b);
  const runs: { column: number; cols: (string | number)[][] }[] = [];
  for (const k of keys) {
    const last = runs[runs.length - 1];
    if (last && last.column + last.cols.length === k) last.cols.push(columns.get(k)!);
    else runs.push({ column: k, cols: [columns.get(k)!] });
  }
  return runs.map((run) => {
    const height = run.cols[0]!.length;
    const rows: (string | number)[][] = [];
    for (let r = 0; r < height; r++) rows.push(run.cols.map((c) => c[r] ?? ''));
    return { column: run.column, values: rows };
  });
}

/** 1-based columns for the rule formulas. */
export function ruleColumns(layout: SheetLayout): RuleColumns | null {
  const c = layout.columns;
  if (c.deadline === undefined) return null;
  const fields: Partial<Record<Field, number>> = {};
  for (const f of USER_FIELDS) if (c[f] !== undefined) fields[f] = c[f]! + 1;
  return {
    deadline: c.deadline + 1,
    helperStart: c.helperStart! + 1,
    helperEnd: c.helperEnd! + 1,
    state: layout.extra.state + 1,
    extraStart: layout.extra.starts + 1,
    extraEnd: layout.extra.ends + 1,
    problems: layout.extra.problems + 1,
    fields,
  };
}

/** Number formats of helper columns: dates for the occurrence columns, plain text for the rest. */
export function helperFormat(layout: SheetLayout, column: number): string {
  const dateCols = new Set<number>([layout.columns.helperStart!, layout.columns.helperEnd!]);
  for (let k = 0; k < OCCURRENCE_SLOTS - 1; k++) {
    dateCols.add(layout.extra.starts + k);
    dateCols.add(layout.extra.ends + k);
  }
  return dateCols.has(column) ? 'yyyy-mm-dd' : '@';
}

export { STATE_HEADER, PROBLEMS_HEADER, extraStartHeader, extraEndHeader };
