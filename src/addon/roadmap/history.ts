// «История изменений»: onEdit appends what a person changed in the status, completion date or
// deadline column of a roadmap sheet to the add-on's hidden history sheet (core/roadmap/history.ts).
// A fixed number of calls per edit, whatever the size of either sheet: the header block read, the
// edited cells read only for a multi-cell paste, one append. Never throws (a simple trigger's error
// would only be logged, and recording must never get in the way of the edit itself).
//
// The sheet is hidden and protected with a warning only: onEdit runs as the person who edited, so a
// protection limited to the owner would stop every other editor's changes from being recorded.
import {
  HISTORY_HEADERS, HISTORY_SHEET, TRACKED_FIELDS, UNKNOWN_BEFORE, historyRow, historyValue, itemKey, lastChangeBySheet, lastChanges, tailStart,
  type HistoryRecord,
} from '../../core/roadmap/history';
import { CANONICAL_COLUMNS } from '../../core/roadmap';
import { locateLayout } from './analyse';
import { readSettings } from './settings';
import { datesAsText } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows searched for the header (as onEdit's own update does). */
const HEADER_SCAN = 30;
/** A paste larger than this is not recorded cell by cell (it stays well inside onEdit's 30 s). */
const MAX_CELLS = 500;

function editorEmail(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  // Google fills e.user (and Session) only where its policy lets the script see who edited.
  try {
    return e.user?.getEmail() ?? '';
  } catch {
    return '';
  }
}

/** Document property holding the id of the add-on's history sheet (a user sheet of the same name is never written). */
export const HISTORY_KEY = 'dorozhnayaKarta.history.sheetId';

function ownHistorySheet(ss: Spreadsheet): Sheet | null {
  const id = Number(PropertiesService.getDocumentProperties().getProperty(HISTORY_KEY));
  return id ? ss.getSheetById(id) : null;
}

/** The add-on's history sheet, created hidden and protected (warning only) on first use. */
function historySheet(ss: Spreadsheet): Sheet {
  const existing = ownHistorySheet(ss);
  if (existing) return existing;
  let name = HISTORY_SHEET;
  for (let k = 2; ss.getSheetByName(name); k++) name = `${HISTORY_SHEET} (${k})`;
  // insertSheet activates the new sheet, as in Sheets: the person stays on the sheet they edit.
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  sheet.getRange(1, 1, 1, HISTORY_HEADERS.length).setValues([[...HISTORY_HEADERS]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.protect().setWarningOnly(true).setDescription('История изменений ведётся дополнением «Дорожная карта»: не изменяйте её вручную.');
  sheet.hideSheet();
  active.activate();
  PropertiesService.getDocumentProperties().setProperty(HISTORY_KEY, String(sheet.getSheetId()));
  return sheet;
}

/** The records of one edit (none when it touched no tracked column of a roadmap sheet). */
function recordsOf(e: GoogleAppsScript.Events.SheetsOnEdit, ss: Spreadsheet): HistoryRecord[] {
  const range = e.range;
  const sheet = range.getSheet();
  if (!readSettings().sheets[String(sheet.getSheetId())]) return [];
  const first = { row: range.getRow(), column: range.getColumn() };
  const size = { rows: range.getNumRows(), columns: range.getNumColumns() };
  if (size.rows * size.columns > MAX_CELLS) return [];
  const lastColumn = sheet.getLastColumn();
  const lastRow = sheet.getLastRow();
  if (lastColumn < 1 || lastRow < 1) return [];
  const header = sheet.getRange(1, 1, Math.min(HEADER_SCAN, lastRow), lastColumn).getValues();
  const layout = locateLayout(header, lastColumn);
  if (!layout) return [];
  const tracked = TRACKED_FIELDS.flatMap((field) => {
    const c = layout.columns[field];
    return c !== undefined && c + 1 >= first.column && c + 1 < first.column + size.columns ? [{ field, column: c + 1 }] : [];
  });
  const fromRow = Math.max(first.row, layout.headerRow + 2);
  if (!tracked.length || fromRow > first.row + size.rows - 1) return [];

  const single = size.rows === 1 && size.columns === 1;
  const timeZone = ss.getSpreadsheetTimeZone();
  const values = single ? [[e.value ?? '']] : datesAsText(range.getValues(), timeZone);
  const at = Utilities.formatDate(new Date(), timeZone, 'dd.MM.yyyy HH:mm');
  const who = editorEmail(e);
  const numbers = itemNumbers(sheet, header, layout.columns.number, fromRow, first.row + size.rows - 1);
  const records: HistoryRecord[] = [];
  for (let row = fromRow; row < first.row + size.rows; row++) {
    for (const t of tracked) {
      const cell = values[row - first.row]?.[t.column - first.column];
      const after = historyValue(t.field, String(cell ?? ''));
      const before = single ? historyValue(t.field, e.oldValue ?? '') : UNKNOWN_BEFORE;
      if (single && before === after) continue;
      records.push({
        at, who, sheet: sheet.getName(), row,
        column: layout.titles[t.field] ?? CANONICAL_COLUMNS.find((d) => d.key === t.field)!.header,
        before, after, item: numbers[row - fromRow] ?? '',
      });
    }
  }
  return records;
}

/** The item numbers of rows from…to: from the header block already read, else one read of the number column. */
function itemNumbers(sheet: Sheet, header: readonly (readonly unknown[])[], column: number | undefined, from: number, to: number): string[] {
  if (column === undefined) return [];
  const cells = to <= header.length
    ? header.slice(from - 1, to).map((r) => r[column])
    : sheet.getRange(from, column + 1, to - from + 1, 1).getValues().map((r) => r[0]);
  return cells.map(itemKey);
}

/** onEdit's one call: records the edit's tracked changes. */
export function recordEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  if (!e?.range) return;
  try {
    const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
    const records = recordsOf(e, ss);
    if (!records.length) return;
    const lock = LockService.getDocumentLock();
    if (!lock || !lock.tryLock(5_000)) {
      console.log('Дорожная карта: история изменений не записана: документ занят другим действием.');
      return;
    }
    try {
      appendRecords(ss, records);
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  } catch (error) {
    console.log(`Дорожная карта: история изменений не записана: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** One append to the history sheet (made on first use); the caller holds the document lock and flushes before releasing it. */
function appendRecords(ss: Spreadsheet, records: readonly HistoryRecord[]): void {
  const sheet = historySheet(ss);
  const rows = records.map(historyRow);
  // A sheet made by the first version has seven columns: its new column gets its header once.
  if (sheet.getLastColumn() < HISTORY_HEADERS.length) sheet.getRange(1, HISTORY_HEADERS.length).setValue(HISTORY_HEADERS[HISTORY_HEADERS.length - 1]!).setFontWeight('bold');
  const at = sheet.getLastRow() + 1;
  const maxRows = sheet.getMaxRows();
  if (at + rows.length - 1 > maxRows) sheet.insertRowsAfter(maxRows, at + rows.length - 1 - maxRows);
  // Plain text: «=…» typed in a cell is recorded as text, «1.1.» never becomes a date.
  sheet.getRange(at, 1, rows.length, HISTORY_HEADERS.length).setNumberFormat('@').setValues(rows);
}

/**
 * Records the add-on's own change of a row (a deadline fixed from «Проверить», an order's line in
 * the mark). Apps Script never runs onEdit for a script's writes ("Script executions and API
 * requests do not cause triggers to run", https://developers.google.com/apps-script/guides/triggers#restrictions),
 * so the action records what it wrote. Called inside the action's document lock. Never throws: the
 * change itself is made and stays made; a record that could not be written is only logged.
 */
export function recordOwnChange(ss: Spreadsheet, change: Omit<HistoryRecord, 'at'>): boolean {
  try {
    const at = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'dd.MM.yyyy HH:mm');
    appendRecords(ss, [{ ...change, at }]);
    return true;
  } catch (error) {
    console.log(`Дорожная карта: история изменений не записана: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * The last changes of one item (for the panel): `item` is the number its row shows now, found in
 * history whatever row it stood in then. One read of the history sheet, none if it does not exist.
 */
export function rowHistory(ss: Spreadsheet, sheetName: string, row: number, item: unknown, limit = 5): HistoryRecord[] {
  const sheet = ownHistorySheet(ss);
  if (!sheet) return [];
  return lastChanges(sheet.getDataRange().getValues(), sheetName, row, limit, itemKey(item));
}

/**
 * The latest change of each of `sheetNames` (absent: never changed, or no history yet), for «Свод»
 * and the progress report. Two reads whatever the history's length: the «Лист» column, then all
 * columns of the rows from the oldest of those latest changes down. History grows to tens of
 * thousands of rows; reading all seven columns of it would cost seven times the cells.
 */
export function readLastChanges(ss: Spreadsheet, sheetNames: readonly string[]): Map<string, HistoryRecord> {
  const sheet = ownHistorySheet(ss);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2 || !sheetNames.length) return new Map();
  const names = sheet.getRange(2, 3, last - 1, 1).getValues().map((r) => r[0]);
  const start = tailStart(names, new Set(sheetNames));
  if (start < 0) return new Map();
  const rows = sheet.getRange(start + 2, 1, last - start - 1, HISTORY_HEADERS.length).getValues();
  const wanted = new Set(sheetNames);
  return new Map([...lastChangeBySheet([[...HISTORY_HEADERS], ...rows])].filter(([name]) => wanted.has(name)));
}
