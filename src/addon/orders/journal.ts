// «Журнал приказов»: read with one getValues, one row written per created order (under the
// document lock, by create.ts). Layout and numbering rules are core's (src/core/order/journal).
import { JOURNAL_HEADER, JOURNAL_SHEET, JOURNAL_WIDTHS, readJournal, type JournalEntry } from '../../core/order/journal';
import { isoDays } from '../roadmap/values';
import { buildNewSheet, insertSheetOrNothing } from '../atomic';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The journal sheet, made when missing. `header` is its first row as read: a journal made before
 * the «Состояние» column existed gets that header cell.
 */
export function ensureJournalSheet(ss: Spreadsheet, header?: readonly unknown[]): Sheet {
  const existing = ss.getSheetByName(JOURNAL_SHEET);
  if (existing) {
    const last = JOURNAL_HEADER.length;
    if (header && String(header[last - 1] ?? '') !== JOURNAL_HEADER[last - 1]) {
      existing.getRange(1, last).setValue(JOURNAL_HEADER[last - 1]).setFontWeight('bold').setBackground('#e8f0fe');
      existing.setColumnWidth(last, JOURNAL_WIDTHS[last - 1]!);
    }
    return existing;
  }
  const sheet = insertSheetOrNothing(ss, JOURNAL_SHEET);
  // No half-made journal: without its formats, numbers like "5/1" would turn into dates.
  return buildNewSheet(ss, sheet, () => {
    const width = JOURNAL_HEADER.length;
    const rows = sheet.getMaxRows();
    // Numbers such as "5/1" or "12-од" stay text; dates are written as serials shown dd.MM.yyyy.
    sheet.getRange(1, 2, rows, 1).setNumberFormat('@');
    sheet.getRange(2, 1, rows - 1, 1).setNumberFormat('dd.mm.yyyy');
    sheet.getRange(1, 1, 1, width).setValues([[...JOURNAL_HEADER]]).setFontWeight('bold').setBackground('#e8f0fe');
    sheet.setFrozenRows(1);
    JOURNAL_WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
    return sheet;
  });
}

export interface JournalRead {
  sheet: Sheet | null;
  /** getValues() as read (Date cells are Dates). */
  raw: unknown[][];
  /** The same with Date cells turned into 'yyyy-MM-dd' days of the spreadsheet's time zone (for readJournal). */
  days: unknown[][];
  /** A row as it was read, as wide as the journal (blank beyond the data), to write back unchanged. */
  rowValues(row: number): unknown[];
}

/** The journal in one read. */
export function readJournalSheet(sheet: Sheet | null, timeZone: string): JournalRead {
  const raw = sheet ? sheet.getDataRange().getValues() : [];
  const days = raw.map((row) => row.map((v: unknown) => (v instanceof Date ? isoDays(v, timeZone) : v)));
  const rowValues = (row: number) => JOURNAL_HEADER.map((_, c) => raw[row - 1]?.[c] ?? '');
  return { sheet, raw, days, rowValues };
}

export function journalEntries(ss: Spreadsheet, timeZone: string): JournalEntry[] {
  return readJournal(readJournalSheet(ss.getSheetByName(JOURNAL_SHEET), timeZone).days);
}
