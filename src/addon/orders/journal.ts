// «Журнал приказов»: read with one getValues, one row written per created order (under the
// document lock, by create.ts). Layout and numbering rules are core's (src/core/order/journal).
import { JOURNAL_HEADER, JOURNAL_SHEET, JOURNAL_WIDTHS, readJournal, type JournalEntry } from '../../core/order/journal';
import { isoDays } from '../roadmap/values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function ensureJournalSheet(ss: Spreadsheet): Sheet {
  const existing = ss.getSheetByName(JOURNAL_SHEET);
  if (existing) return existing;
  const sheet = ss.insertSheet(JOURNAL_SHEET);
  const width = JOURNAL_HEADER.length;
  const rows = sheet.getMaxRows();
  // Numbers such as "5/1" or "12-од" stay text; dates are written as serials shown dd.MM.yyyy.
  sheet.getRange(1, 2, rows, 1).setNumberFormat('@');
  sheet.getRange(2, 1, rows - 1, 1).setNumberFormat('dd.mm.yyyy');
  sheet.getRange(1, 1, 1, width).setValues([[...JOURNAL_HEADER]]).setFontWeight('bold').setBackground('#e8f0fe');
  sheet.setFrozenRows(1);
  JOURNAL_WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  return sheet;
}

/** Journal values with Date cells turned into 'yyyy-MM-dd' days of the spreadsheet's time zone. */
export function journalValues(sheet: Sheet | null, timeZone: string): unknown[][] {
  if (!sheet) return [];
  return sheet
    .getDataRange()
    .getValues()
    .map((row) => row.map((v: unknown) => (v instanceof Date ? isoDays(v, timeZone) : v)));
}

export function journalEntries(ss: Spreadsheet, timeZone: string): JournalEntry[] {
  return readJournal(journalValues(ss.getSheetByName(JOURNAL_SHEET), timeZone));
}
