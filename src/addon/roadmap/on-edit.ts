// onEdit (simple trigger, LIMITED mode, 30 s): a person edited cells of a roadmap sheet → that
// row's helper columns (dates, state, problem fields) are recomputed at once, so colours and
// highlights follow the edit. Two reads (the header rows, the edited rows), one write; nothing
// else. Never throws: a simple trigger's error is invisible to the person and would only be logged.
import { PROBLEM_TOKENS } from '../../core/roadmap/colour';
import { analyseSheet, contiguousRuns, type SheetLayout } from './analyse';
import { recordEdit } from './history';
import { planOf, readSettings } from './settings';
import { dayInZone, datesAsText } from './values';

/** Rows searched for the header (findCanonicalHeader looks at the first 30). */
const HEADER_SCAN = 30;
/** A paste larger than this is left to «Обновить сроки и цвета» (keeps onEdit well inside 30 s). */
const MAX_ROWS = 5_000;

const USER_KEYS = ['number', 'activity', 'deadline', 'responsible', 'result', 'status', 'doneDate'] as const;

function touchesUserColumns(layout: SheetLayout, first: number, count: number): boolean {
  return USER_KEYS.some((k) => {
    const c = layout.columns[k];
    return c !== undefined && c + 1 >= first && c + 1 < first + count;
  });
}

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  if (!e?.range) return;
  try {
    updateEditedRows(e);
  } catch (error) {
    console.log(`Дорожная карта: onEdit не обновил служебные столбцы: ${error instanceof Error ? error.message : String(error)}`);
  }
  recordEdit(e);
}

function updateEditedRows(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const settings = readSettings();
  const own = settings.sheets[String(sheet.getSheetId())];
  if (!own) return;
  const firstRow = range.getRow();
  const numRows = range.getNumRows();
  const firstColumn = range.getColumn();
  const numColumns = range.getNumColumns();
  if (numRows > MAX_ROWS) return;

  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(5_000)) return; // another action is rewriting the sheet; it recomputes everything
  try {
    const lastColumn = sheet.getLastColumn();
    const lastRow = sheet.getLastRow();
    if (lastColumn < 1 || lastRow < 1) return;
    const headerBlock = sheet.getRange(1, 1, Math.min(HEADER_SCAN, lastRow), lastColumn).getValues();
    const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const today = dayInZone(new Date(), timeZone);
    const plan = planOf(own);
    const probe = analyseSheet(datesAsText(headerBlock, timeZone), lastColumn, { plan, today, rowLocal: true });
    if (!probe || probe.layout.missing) return; // columns of ours are gone: «Обновить сроки и цвета» restores them
    const layout = probe.layout;
    const headerRow = layout.headerRow + 1;
    const from = Math.max(firstRow, headerRow + 1);
    const to = Math.min(firstRow + numRows - 1, lastRow);
    if (from > to || !touchesUserColumns(layout, firstColumn, numColumns)) return;

    const rows = sheet.getRange(from, 1, to - from + 1, lastColumn).getValues();
    const header = headerBlock[layout.headerRow] ?? [];
    const analysis = analyseSheet(datesAsText([header, ...rows], timeZone), lastColumn, { plan, today, rowLocal: true });
    if (!analysis) return;

    // Numbering problems need the other rows: keep the row's old mark unless its number changed.
    const numberColumn = layout.columns.number;
    const numberEdited = numberColumn !== undefined && numberColumn + 1 >= firstColumn && numberColumn + 1 < firstColumn + numColumns;
    const problemsColumn = analysis.helperColumns.get(layout.extra.problems);
    if (problemsColumn && !numberEdited) {
      rows.forEach((row, i) => {
        const old = String(row[layout.extra.problems] ?? '');
        const now = String(problemsColumn[i + 1] ?? '');
        const hadNumber = old.split(';').some((w) => w.trim() === PROBLEM_TOKENS.number);
        const hasNumber = now.split(';').some((w) => w.trim() === PROBLEM_TOKENS.number);
        if (hadNumber && !hasNumber) problemsColumn[i + 1] = [PROBLEM_TOKENS.number, now].filter(Boolean).join('; ');
      });
    }
    for (const run of contiguousRuns(analysis.helperColumns)) {
      const body = run.values.slice(1); // without the header cell
      sheet.getRange(from, run.column + 1, body.length, body[0]!.length).setValues(body);
    }
    SpreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}
