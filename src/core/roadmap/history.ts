// «История изменений»: every change of a row's status, completion date or deadline made by a person
// in a roadmap sheet, as rows of the add-on's hidden history sheet. Pure: what a record says, how it
// is written as cells, and how a row's last changes are read back for the panel.
import type { Field, ISODate } from '../types';
import { fromSheetSerial } from '../dates';
import { numberCellText } from './numbering';
import { cellText, clipText } from './text';

export const HISTORY_SHEET = 'История изменений';
/** «Пункт» came last (after the first version), so an older sheet's rows simply have it empty. */
export const HISTORY_HEADERS = ['Когда', 'Кто', 'Лист', 'Строка', 'Столбец', 'Было', 'Стало', 'Пункт'] as const;
/** The fields whose changes are recorded. */
export const TRACKED_FIELDS: readonly Field[] = ['status', 'doneDate', 'deadline'];
/** Shown where Google does not tell who edited (a simple trigger outside the owner's domain). */
export const UNKNOWN_USER = 'не сообщается Google';
/** Shown as the old value of a cell changed by a paste of several cells (Google sends none). */
export const UNKNOWN_BEFORE = '(неизвестно: вставка нескольких ячеек)';

export interface HistoryRecord {
  /** 'dd.MM.yyyy HH:mm' in the spreadsheet's time zone. */
  at: string;
  who: string;
  sheet: string;
  row: number;
  /** The column's header as the sheet names it. */
  column: string;
  before: string;
  after: string;
  /**
   * The item's number as the row showed it («2.1.»): rows inserted or deleted later move an item to
   * another row, and the number still finds its history. Empty when the row had none.
   */
  item?: string;
}

/** An item's number cell as history keeps it: a number the locale took for a date is its number again. */
export function itemKey(value: unknown): string {
  return (numberCellText(value)?.text ?? cellText(value)).trim();
}

/**
 * A cell value as the history shows it. onEdit passes values as strings, a date as its serial
 * number: a completion date becomes «20.01.2023» rather than «44946».
 */
export function historyValue(field: Field, raw: string): string {
  const text = raw.trim();
  if (field === 'doneDate' && /^\d{5}(\.\d+)?$/.test(text)) {
    const iso: ISODate = fromSheetSerial(Number(text));
    return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  }
  return raw;
}

/** «Кто» of a change the add-on made on a person's request: «ivanova@school.ru (дополнение: приказ № 45-о)». */
export function byAddon(who: string, action: string): string {
  return `${who || UNKNOWN_USER} (дополнение: ${action})`;
}

/** A record as one row of the history sheet (the sheet's columns are plain text). */
export function historyRow(r: HistoryRecord): string[] {
  return [r.at, r.who || UNKNOWN_USER, r.sheet, String(r.row), r.column, r.before, r.after, r.item ?? ''];
}

const recordOf = (cells: readonly unknown[]): HistoryRecord => {
  const v = cells.map((c) => (c === null || c === undefined ? '' : String(c)));
  return { at: v[0] ?? '', who: v[1] ?? '', sheet: v[2] ?? '', row: Number(v[3]) || 0, column: v[4] ?? '', before: v[5] ?? '', after: v[6] ?? '', item: v[7] ?? '' };
};

/**
 * The latest change of every sheet, from the history sheet's values (header row first, rows in the
 * order they were appended, which is the order of time). Sheets never changed are absent.
 */
export function lastChangeBySheet(values: readonly (readonly unknown[])[]): Map<string, HistoryRecord> {
  const out = new Map<string, HistoryRecord>();
  for (let i = values.length - 1; i >= 1; i--) {
    const sheet = values[i]![2];
    const name = sheet === null || sheet === undefined ? '' : String(sheet);
    if (name && !out.has(name)) out.set(name, recordOf(values[i]!));
  }
  return out;
}

/**
 * The history rows that hold the latest change of each wanted sheet lie at or below the returned
 * index of `sheets` (the «Лист» column, in row order); -1 when none of them ever changed. Reading
 * that column first and then only the rows from there keeps a long history cheap to read.
 */
export function tailStart(sheets: readonly unknown[], wanted: ReadonlySet<string>): number {
  const seen = new Set<string>();
  let start = -1;
  for (let i = sheets.length - 1; i >= 0 && seen.size < wanted.size; i--) {
    const name = String(sheets[i] ?? '');
    if (!wanted.has(name) || seen.has(name)) continue;
    seen.add(name);
    start = i;
  }
  return start;
}

/** «07.12.2026 14:05, ivanova@school.ru: строка 12, Статус: В работе → Выполнено» (empty values shown as «—»). */
export function describeChange(r: HistoryRecord): string {
  const value = (text: string) => clipText(text, 60) || '—';
  return `${r.at}, ${r.who || UNKNOWN_USER}: строка ${r.row}, ${r.column}: ${value(r.before)} → ${value(r.after)}`;
}

/**
 * The last `limit` changes of one item of one sheet, newest first, from the history sheet's values.
 * A record that knows its item's number matches by number (the row may have moved since); an older
 * record, or a row without a number, by row.
 */
export function lastChanges(values: readonly (readonly unknown[])[], sheet: string, row: number, limit = 5, item = ''): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  for (let i = values.length - 1; i >= 1 && out.length < limit; i--) {
    const r = recordOf(values[i]!);
    if (r.sheet !== sheet) continue;
    if (item && r.item ? r.item === item : r.row === row) out.push(r);
  }
  return out;
}
