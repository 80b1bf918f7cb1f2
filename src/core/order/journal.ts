// The «Журнал приказов» sheet: one row per created order. Numbering restarts every calendar year
// (the usual office practice), so "next free" and "duplicate" look at orders of the same year.
import { fromSheetSerial, parseISO, toSheetSerial } from '../dates';
import type { ISODate } from '../types';
import { formatOrderNumber, parseOrderNumber } from './format';

export const JOURNAL_SHEET = 'Журнал приказов';
/** Every organisation numbers its own orders: a school's journal is its own sheet, named after the school's sheet. */
export const SCHOOL_JOURNAL_PREFIX = `${JOURNAL_SHEET} — `;

/** The journal sheet of the organisation whose roadmap is `schoolSheet` (null: the district, or the only organisation). */
export function journalSheetName(schoolSheet: string | null): string {
  if (!schoolSheet) return JOURNAL_SHEET;
  const name = `${SCHOOL_JOURNAL_PREFIX}${schoolSheet}`;
  return name.length <= 100 ? name : `${name.slice(0, 99)}…`; // Sheets' limit on a sheet name
}
export const JOURNAL_HEADER = ['Дата', 'Номер', 'Заголовок', 'Ссылка', 'Кто создал', 'Когда создан', 'Состояние', 'Вид документа'] as const;
export const JOURNAL_WIDTHS = [100, 90, 420, 300, 200, 140, 260, 110] as const;
/** Columns a journal made by an earlier version may lack: «Состояние», «Вид документа». */
export const JOURNAL_LATER_COLUMNS = 6;

/**
 * «Вид документа»: orders and progress reports share the organisation's journal. An empty cell (a
 * row of a journal made before the column existed) is an order. A report has no registration
 * number: its «Номер» is «б/н», and numbering and duplicate checks look at orders only.
 */
export const KIND_ORDER = 'приказ';
export const KIND_REPORT = 'отчёт';
export const NO_NUMBER = 'б/н';

/**
 * «Состояние» of a row: empty for a finished order (and for rows of journals made before the
 * column existed). A number is reserved under the lock before its Doc exists, so a failure midway
 * leaves a row that says so, with the Doc's link; pressing again with that number finishes it.
 */
export const STATE_CREATING = 'создаётся…';
export const STATE_UNFINISHED = 'не завершён: документ заполнен не полностью';

export interface JournalEntry {
  /** 1-based sheet row. */
  row: number;
  /** ISO day, or '' when the cell is not a date. */
  date: ISODate | '';
  number: string;
  heading: string;
  url: string;
  author: string;
  createdAt: string;
  /** '' for a finished order; STATE_CREATING or STATE_UNFINISHED while its Doc is not complete. */
  state: string;
  /** KIND_ORDER (or '' in an older journal) or KIND_REPORT. */
  kind: string;
}

export const isReport = (e: Pick<JournalEntry, 'kind'>): boolean => e.kind.toLowerCase() === KIND_REPORT;

/** A reserved number whose Doc was not completed: the next order with this number finishes it. */
export const isUnfinished = (e: JournalEntry): boolean => e.state !== '';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v)).trim();
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A journal date cell as an ISO day: the adapter turns Date cells into ISO first; typed text is read too. */
function dayOf(v: unknown): ISODate | '' {
  // A date cell read as its serial number (what a date-formatted number is underneath).
  if (typeof v === 'number' && v > 20_000 && v < 80_000) return fromSheetSerial(v);
  const t = text(v);
  if (ISO.test(t)) return t;
  const m = DOTTED.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return '';
}

/** Entries of the journal (values of one getValues; row 1 is the header). */
export function readJournal(values: readonly (readonly unknown[])[]): JournalEntry[] {
  return values.slice(1).flatMap((r, i) => {
    if (r.every((v) => text(v) === '')) return [];
    return [{
      row: i + 2,
      date: dayOf(r[0]),
      number: text(r[1]),
      heading: text(r[2]),
      url: text(r[3]),
      author: text(r[4]),
      createdAt: text(r[5]),
      state: text(r[6]),
      kind: text(r[7]),
    }];
  });
}

const sameYear = (a: ISODate | '', b: ISODate) => a !== '' && parseISO(a).year === parseISO(b).year;
// A leading apostrophe is how a sheet keeps text that looks like a formula: it is not part of the number.
const normalizeNumber = (n: string) => n.replace(/^'/, '').replace(/^№\s*/, '').replace(/\s+/g, '').toLowerCase();

/** The next free number for an order dated `date`: one more than the largest of that year. */
export function nextOrderNumber(entries: readonly JournalEntry[], format: string, date: ISODate): string {
  let max = 0;
  for (const e of entries) {
    if (!sameYear(e.date, date) || isReport(e)) continue;
    const n = parseOrderNumber(format, normalizeNumber(e.number)) ?? parseOrderNumber('{n}', normalizeNumber(e.number));
    if (n !== null && n > max) max = n;
  }
  return formatOrderNumber(format, max + 1, date);
}

/** An order of the same year already registered under this number, if any. */
export function findDuplicate(entries: readonly JournalEntry[], number: string, date: ISODate): JournalEntry | null {
  const wanted = normalizeNumber(number);
  return entries.find((e) => sameYear(e.date, date) && !isReport(e) && normalizeNumber(e.number) === wanted) ?? null;
}

/** Russian message refusing a duplicate number. */
export function duplicateMessage(dup: JournalEntry, number: string): string {
  const when = dup.date ? ` от ${dup.date.split('-').reverse().join('.')}` : '';
  return `Приказ № ${number}${when} уже есть в журнале (лист «${JOURNAL_SHEET}», строка ${dup.row}: «${dup.heading}»). Укажите другой номер.`;
}

/** Text a spreadsheet would read as a formula (= + - @) is kept as text with a leading apostrophe. */
export function asSheetText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * Number formats of a journal row, written with it: the date is a date in every locale, the rest is
 * plain text ('@'), so "5/1", "+ О мерах" or "=…" stay as typed whatever row the journal has reached.
 */
export const JOURNAL_FORMATS = ['dd.mm.yyyy', '@', '@', '@', '@', '@', '@', '@'] as const;

/**
 * The row written for a new order, under JOURNAL_FORMATS. The date is a serial number (Sheets'
 * own date value), not text that only a ru_RU spreadsheet would read as a date.
 */
export function journalRow(entry: Omit<JournalEntry, 'row' | 'state' | 'kind'> & { date: ISODate; state?: string; kind?: string }): (string | number)[] {
  return [toSheetSerial(entry.date), entry.number, entry.heading, entry.url, entry.author, entry.createdAt, entry.state ?? '', entry.kind ?? KIND_ORDER];
}
