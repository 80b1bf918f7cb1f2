// The add-on's own roadmap sheet: its columns, and pure mappings between items and sheet rows.
//
// Writing (decided here, done by the Apps Script writer):
//  - every text column has numberFormat '@' (plain text): the writer sets it on the whole column
//    *before* setValues, so that "1.5" stays "1.5" (not a number or a date) and text starting with
//    = + - @ stays text. itemsToRows therefore returns the text exactly as typed; use guardFormula
//    (apostrophe prefix) only when writing into cells whose format you do not control.
//  - date columns (Дата выполнения and the helper start/end) get ISO 'yyyy-MM-dd' strings, which
//    Sheets reads as dates under the column's date format; a writer may pass toSheetSerial(iso)
//    numbers instead to be independent of parsing.
//  - helper columns hold, for each item, the period that matters today (relevantPeriod of the
//    deadline engine) and the deadline kind; sections get kind 'section'. Conditional formatting
//    compares them with TODAY(), so colours follow the calendar without re-running anything.
import type { Deadline, DeadlineKind, Field, ISODate, RecognizedItem } from '../types';
import { relevantPeriod } from '../deadline/status';
import { fieldOfHeader } from './header';
import { markSections } from './recognize';
import { cellText, foldForMatch } from './text';
import { parseDayText } from './day';
import { levelOf, numberCellText } from './numbering';

export const STATUS_DONE = 'Выполнено';
export const STATUS_VALUES = ['Не начато', 'В работе', 'Выполнено', 'Отменено'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

export type CanonicalKey = Field | 'mark' | 'helperStart' | 'helperEnd' | 'helperKind';

export interface ColumnDef {
  key: CanonicalKey;
  /** Header text in row 1 of the sheet. */
  header: string;
  /** Column width in pixels. */
  width: number;
  wrap: boolean;
  /** Machine-readable column of the add-on (grouped/hidden, warning-only protection). */
  helper: boolean;
  /** Number format the writer sets on the column: '@' is plain text. */
  numberFormat: string;
}

export const CANONICAL_COLUMNS: readonly ColumnDef[] = [
  { key: 'number', header: '№', width: 60, wrap: false, helper: false, numberFormat: '@' },
  { key: 'activity', header: 'Мероприятие', width: 380, wrap: true, helper: false, numberFormat: '@' },
  { key: 'deadline', header: 'Срок', width: 160, wrap: true, helper: false, numberFormat: '@' },
  { key: 'responsible', header: 'Ответственные', width: 220, wrap: true, helper: false, numberFormat: '@' },
  { key: 'result', header: 'Результат (вид документа)', width: 240, wrap: true, helper: false, numberFormat: '@' },
  { key: 'status', header: 'Статус', width: 110, wrap: false, helper: false, numberFormat: '@' },
  { key: 'doneDate', header: 'Дата выполнения', width: 110, wrap: false, helper: false, numberFormat: 'dd.mm.yyyy' },
  { key: 'mark', header: 'Отметка о выполнении', width: 220, wrap: true, helper: false, numberFormat: '@' },
  { key: 'helperStart', header: 'Начало (служебное)', width: 100, wrap: false, helper: true, numberFormat: 'yyyy-mm-dd' },
  { key: 'helperEnd', header: 'Окончание (служебное)', width: 100, wrap: false, helper: true, numberFormat: 'yyyy-mm-dd' },
  { key: 'helperKind', header: 'Вид срока (служебное)', width: 100, wrap: false, helper: true, numberFormat: '@' },
];

/** 0-based position of each column in the canonical layout. */
export const CANONICAL_INDEX: Readonly<Record<CanonicalKey, number>> = Object.fromEntries(
  CANONICAL_COLUMNS.map((c, i) => [c.key, i]),
) as Record<CanonicalKey, number>;

/** Values of the helper columns: the period relevant today and the deadline kind. */
export interface HelperValues {
  start: ISODate | '';
  end: ISODate | '';
  kind: DeadlineKind | 'section' | '';
}

/**
 * Helper values for one item as of `today`: the period relevantPeriod() picks and the kind.
 * With these, TODAY()-based conditional formatting reproduces deadlineStatus(): kinds
 * 'unrecognized' → invalid, 'external'/'empty' → nodate, 'throughout' → ongoing, otherwise the
 * start/end dates decide overdue / soon / active / upcoming; the status column decides done.
 * A recurring deadline's relevant period moves with time, so it is refreshed on every write.
 */
export function helperValues(deadline: Deadline, today: ISODate, isSection = false): HelperValues {
  if (isSection) return { start: '', end: '', kind: 'section' };
  const p = deadline.periods.length > 0 ? relevantPeriod(deadline, today) : null;
  return { start: p?.start ?? '', end: p?.end ?? '', kind: deadline.kind };
}

export interface CanonicalItem extends RecognizedItem {
  status?: string;
  /** ISO 'YYYY-MM-DD' when it is a date, else the text as typed. */
  doneDate?: string;
  mark?: string;
  helper?: HelperValues;
}

/** Rows for setValues, in CANONICAL_COLUMNS order (no header row). Text is returned as typed. */
export function itemsToRows(items: readonly CanonicalItem[]): string[][] {
  return items.map((it) => {
    const done = it.doneDate ? (parseDayText(it.doneDate) ?? it.doneDate) : '';
    const helper = it.helper ?? { start: '', end: '', kind: it.isSection ? 'section' : '' };
    const byKey: Record<CanonicalKey, string> = {
      number: it.number,
      activity: it.activity,
      deadline: it.deadline,
      responsible: it.responsible,
      result: it.result,
      status: it.status ?? '',
      doneDate: done,
      mark: it.mark ?? '',
      helperStart: helper.start,
      helperEnd: helper.end,
      helperKind: helper.kind,
    };
    return CANONICAL_COLUMNS.map((c) => byKey[c.key]);
  });
}

/** 0-based column of the first helper column in CANONICAL_COLUMNS: the person's columns come before it. */
export const FIRST_HELPER_INDEX = CANONICAL_COLUMNS.findIndex((c) => c.helper);

/**
 * A canonical row (header or item) with the source's extra columns put right of the person's
 * columns and before the helper columns, where they stay visible and out of the add-on's way.
 */
export function withExtras<T>(row: readonly T[], extras: readonly T[]): T[] {
  return [...row.slice(0, FIRST_HELPER_INDEX), ...extras, ...row.slice(FIRST_HELPER_INDEX)];
}

/** Header text of an extra column: the source's header, or where it came from when it had none. */
export function extraHeaderText(header: string, sourceColumn: number): string {
  const text = header.replace(/\s+/g, ' ').trim();
  return text || `Столбец ${sourceColumn + 1} исходной таблицы`;
}

/** Our helper columns end their header with «(служебное)»; no person's column does. */
export const isHelperHeader = (text: string): boolean => /\(служебное\)$/.test(text.trim());

/** The header row: [header texts] in CANONICAL_COLUMNS order. */
export function canonicalHeaderRow(): string[] {
  return CANONICAL_COLUMNS.map((c) => c.header);
}

const BY_HEADER = new Map(CANONICAL_COLUMNS.map((c) => [foldForMatch(c.header), c.key]));

export interface CanonicalHeader {
  /** 0-based row in `values`. */
  row: number;
  /** 0-based column of each canonical column found. */
  columns: Partial<Record<CanonicalKey, number>>;
}

/**
 * Finds the add-on's header row (by header text, in any column order; a renamed column is
 * still recognised by meaning). Looks at the first 30 rows; null when none has «Мероприятие»
 * and at least two more of our columns.
 */
export function findCanonicalHeader(values: readonly unknown[][]): CanonicalHeader | null {
  const limit = Math.min(values.length, 30);
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const columns: Partial<Record<CanonicalKey, number>> = {};
    row.forEach((v, c) => {
      const text = cellText(v);
      if (!text) return;
      const key = BY_HEADER.get(foldForMatch(text)) ?? fieldOfHeader(text) ?? (/отметка/.test(foldForMatch(text)) ? 'mark' : null);
      if (key && columns[key] === undefined) columns[key] = c;
    });
    if (columns.activity !== undefined && Object.keys(columns).length >= 3) return { row: r, columns };
  }
  return null;
}

export interface CanonicalRead {
  /** 0-based row of the header in `values`; -1 when not found. */
  headerRow: number;
  columns: Partial<Record<CanonicalKey, number>>;
  /**
   * The person's other columns (extra columns kept from the source, columns added later): 0-based
   * column and header, left to right. Checks ignore them; item.extras holds their texts in this order.
   */
  extraColumns: { column: number; header: string }[];
  /** sourceRows are 0-based rows of `values`; sheet row = firstRow + sourceRows[0]. */
  items: CanonicalItem[];
  warnings: string[];
}

/**
 * Reads the add-on's sheet back. `values` is getValues() of the sheet from row `firstRow`
 * (1-based) down; columns may have been reordered by the user. Never throws.
 */
export function rowsToItems(values: unknown[][], firstRow: number): CanonicalRead {
  const warnings: string[] = [];
  const rows = Array.isArray(values) ? values : [];
  const header = findCanonicalHeader(rows);
  if (!header) {
    warnings.push('На листе не найдена строка заголовков дорожной карты (столбцы «№», «Мероприятие», «Срок»…). Восстановите строку заголовков или создайте дорожную карту заново.');
    return { headerRow: -1, columns: {}, extraColumns: [], items: [], warnings };
  }
  for (const c of CANONICAL_COLUMNS) {
    if (!c.helper && header.columns[c.key] === undefined) {
      warnings.push(`На листе нет столбца «${c.header}» (строка ${firstRow + header.row}).`);
    }
  }
  const items: CanonicalItem[] = [];
  const get = (row: unknown[], key: CanonicalKey): string => {
    const c = header.columns[key];
    return c === undefined ? '' : cellText(row[c]);
  };
  const mapped = new Set(Object.values(header.columns));
  const extraColumns = (rows[header.row] ?? []).flatMap((v, column) => {
    const text = cellText(v);
    return text && !mapped.has(column) && !isHelperHeader(text) ? [{ column, header: text }] : [];
  });
  for (let r = header.row + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    const numberColumn = header.columns.number;
    const number = (numberColumn === undefined ? null : numberCellText(row[numberColumn]))?.text ?? get(row, 'number');
    const item: CanonicalItem = {
      number,
      level: levelOf(number),
      isSection: false,
      activity: get(row, 'activity'),
      deadline: get(row, 'deadline'),
      responsible: get(row, 'responsible'),
      result: get(row, 'result'),
      status: get(row, 'status'),
      doneDate: readDay(get(row, 'doneDate')),
      mark: get(row, 'mark'),
      sourceRows: [r],
    };
    if (!number && !item.activity && !item.deadline && !item.responsible && !item.result && !item.status && !item.doneDate && !item.mark) continue;
    if (extraColumns.length) item.extras = extraColumns.map((x) => cellText(row[x.column]));
    items.push(item);
  }
  markSections(items, { deadline: header.columns.deadline, responsible: header.columns.responsible });
  return { headerRow: header.row, columns: header.columns, extraColumns, items, warnings };
}

function readDay(text: string): string {
  return text ? (parseDayText(text) ?? text) : '';
}
