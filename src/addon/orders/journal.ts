// «Журнал приказов»: read with one getValues, one row written per created order (under the
// document lock, by create.ts). Layout and numbering rules are core's (src/core/order/journal).
// Every organisation keeps its own journal (journalSheetName): a school's № 1 does not block the
// district's № 1. In district mode a new journal is protected at once: the district's for the
// district's editors, a school's for the school and the district.
import { JOURNAL_HEADER, JOURNAL_LATER_COLUMNS, JOURNAL_SHEET, JOURNAL_WIDTHS, journalSheetName, readJournal, type JournalEntry } from '../../core/order/journal';
import { districtOnly, schoolProtection } from '../../core/district';
import { ORG_SHEET } from '../../core/org';
import { peopleOf, registryOf } from '../district/people';
import { protectSheet } from '../district/protect';

import { isoDays } from '../roadmap/values';
import { buildNewSheet, insertSheetOrNothing } from '../atomic';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** District mode only: who may write the journal `name` (the registry is read once). */
function protectJournal(ss: Spreadsheet, sheet: Sheet, name: string): void {
  const registryValues = ss.getSheetByName(ORG_SHEET)?.getDataRange().getValues();
  if (!registryValues) return;
  const { registry, schoolRows } = registryOf(registryValues);
  if (!schoolRows) return;
  const people = peopleOf(ss, registry.district?.editors ?? []);
  const school = registry.schools.find((s) => journalSheetName(s.sheetName) === name);
  const target = school ? schoolProtection(school.shortName || school.sheetName, school.editors, people).sheet : districtOnly(people);
  protectSheet(sheet, { ...target, description: school ? `Дорожная карта: журнал приказов школы «${school.shortName || school.sheetName}»` : target.description }, people);
}

/**
 * The journal sheet, made when missing. `header` is its first row as read: a journal made before
 * the «Состояние» column existed gets that header cell.
 */
export function ensureJournalSheet(ss: Spreadsheet, header?: readonly unknown[], name: string = JOURNAL_SHEET): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) {
    // A journal made by an earlier version gets the header cells it lacks («Состояние», «Вид документа»).
    const from = JOURNAL_HEADER.findIndex((h, c) => c >= JOURNAL_LATER_COLUMNS && String(header?.[c] ?? '') !== h);
    if (header && from >= 0) {
      existing.getRange(1, from + 1, 1, JOURNAL_HEADER.length - from).setValues([JOURNAL_HEADER.slice(from)]).setFontWeight('bold').setBackground('#e8f0fe');
      for (let c = from; c < JOURNAL_HEADER.length; c++) existing.setColumnWidth(c + 1, JOURNAL_WIDTHS[c]!);
    }
    return existing;
  }
  const sheet = insertSheetOrNothing(ss, name);
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
    protectJournal(ss, sheet, name);
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

export function journalEntries(ss: Spreadsheet, timeZone: string, name: string = JOURNAL_SHEET): JournalEntry[] {
  return readJournal(readJournalSheet(ss.getSheetByName(name), timeZone).days);
}
