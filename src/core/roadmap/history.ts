// «История изменений»: every change of a row's status, completion date or deadline made by a person
// in a roadmap sheet, as rows of the add-on's hidden history sheet. Pure: what a record says, how it
// is written as cells, and how a row's last changes are read back for the panel.
import type { Field, ISODate } from '../types';
import { fromSheetSerial } from '../dates';

export const HISTORY_SHEET = 'История изменений';
export const HISTORY_HEADERS = ['Когда', 'Кто', 'Лист', 'Строка', 'Столбец', 'Было', 'Стало'] as const;
/** The fields whose changes are recorded. */
export const TRACKED_FIELDS: readonly Field[] = ['status', 'doneDate', 'deadline'];
/** Shown where Google does not tell who edited (a simple trigger outside the owner's domain). */
export const UNKNOWN_USER = 'не сообщается Google';
/** Shown as the old value of a cell changed by a paste of several cells (Google sends none). */
export const UNKNOWN_BEFORE = '(неизвестно: вставка нескольких ячеек)';

export interface HistoryRecord {
  /** 'yyyy-MM-dd HH:mm' in the spreadsheet's time zone. */
  at: string;
  who: string;
  sheet: string;
  row: number;
  /** The column's header as the sheet names it. */
  column: string;
  before: string;
  after: string;
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

/** A record as one row of the history sheet (the sheet's columns are plain text). */
export function historyRow(r: HistoryRecord): string[] {
  return [r.at, r.who || UNKNOWN_USER, r.sheet, String(r.row), r.column, r.before, r.after];
}

/** The last `limit` changes of one row of one sheet, newest first, from the history sheet's values. */
export function lastChanges(values: readonly (readonly unknown[])[], sheet: string, row: number, limit = 5): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  for (let i = values.length - 1; i >= 1 && out.length < limit; i--) {
    const v = values[i]!.map((c) => (c === null || c === undefined ? '' : String(c)));
    if (v[2] !== sheet || Number(v[3]) !== row) continue;
    out.push({ at: v[0] ?? '', who: v[1] ?? '', sheet: v[2] ?? '', row, column: v[4] ?? '', before: v[5] ?? '', after: v[6] ?? '' });
  }
  return out;
}
