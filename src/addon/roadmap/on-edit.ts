// onEdit (simple trigger, LIMITED mode, 30 s): a person edited cells of a roadmap sheet → that
// row's helper columns (dates, state, problem fields) are recomputed at once, so colours and
// highlights follow the edit. Two reads (the header rows, the edited rows), one write; nothing
// else. Never throws: a simple trigger's error is invisible to the person and would only be logged.
//
// Nothing is forgotten: a transient Google error is answered by doing the update once more (it is
// idempotent), and an edit made while another action holds the document lock (an order, a
// distribution batch) is written down as a pending run of rows (one small document property, no
// read–modify–write, so edits racing each other cannot lose one). The next edit of that sheet, or
// «Обновить сроки и цвета» / «Проверить», recomputes those rows too.
import { PROBLEM_TOKENS } from '../../core/roadmap/colour';
import { analyseSheet, contiguousRuns, type SheetLayout } from './analyse';
import { recordEdit } from './history';
import { planOf, settingsFromProperties } from './settings';
import { dayInZone, datesAsText } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows searched for the header (findCanonicalHeader looks at the first 30). */
const HEADER_SCAN = 30;
/** A paste larger than this is left to «Обновить сроки и цвета» (keeps onEdit well inside 30 s). */
const MAX_ROWS = 5_000;
/** How long an edit waits for another action's lock before leaving its rows pending. */
const LOCK_WAIT_MS = 5_000;

const USER_KEYS = ['number', 'activity', 'deadline', 'responsible', 'result', 'status', 'doneDate'] as const;

/** Property keys of pending rows: `<prefix><sheetId>.<firstRow>-<lastRow>`. */
export const PENDING_PREFIX = 'dorozhnayaKarta.pendingRows.';
/** Pending runs recomputed by one edit (the rest wait for the next edit or a refresh). */
const PENDING_PER_EDIT = 20;
/** More pending runs than this for a sheet are not recorded one by one: the sheet needs a refresh. */
const MAX_PENDING = 200;

const pendingKey = (sheetId: number, from: number, to: number) => `${PENDING_PREFIX}${sheetId}.${from}-${to}`;

/** Pending runs of a sheet, from the document's properties (already read). */
export function pendingRuns(all: Readonly<Record<string, string>>, sheetId: number): { key: string; from: number; to: number }[] {
  const prefix = `${PENDING_PREFIX}${sheetId}.`;
  return Object.keys(all).flatMap((key) => {
    const m = key.startsWith(prefix) ? /^(\d+)-(\d+)$/.exec(key.slice(prefix.length)) : null;
    return m ? [{ key, from: Number(m[1]), to: Number(m[2]) }] : [];
  });
}

/**
 * Forgets a sheet's pending rows: it has just been recomputed as a whole. A failure here is
 * harmless (those rows are recomputed once more later), so it never fails the action.
 */
export function clearPending(all: Readonly<Record<string, string>>, sheetId: number): void {
  const runs = pendingRuns(all, sheetId);
  if (!runs.length) return;
  try {
    const props = PropertiesService.getDocumentProperties();
    for (const run of runs) props.deleteProperty(run.key);
  } catch {
    // See above.
  }
}

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
  } catch {
    try {
      updateEditedRows(e); // Google's errors are mostly transient, and recomputing rows twice is harmless
    } catch (error) {
      rememberPending(e);
      console.log(`Дорожная карта: onEdit не обновил служебные столбцы: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  recordEdit(e);
}

/** Writes the edited rows down for later; an error here has nowhere to go but the log. */
function rememberPending(e: GoogleAppsScript.Events.SheetsOnEdit, all?: Readonly<Record<string, string>>): void {
  try {
    const range = e.range;
    const sheetId = range.getSheet().getSheetId();
    const props = PropertiesService.getDocumentProperties();
    const known = all ?? props.getProperties();
    if (pendingRuns(known, sheetId).length >= MAX_PENDING) return; // «Обновить сроки и цвета» recomputes the sheet
    const from = range.getRow();
    props.setProperty(pendingKey(sheetId, from, from + range.getNumRows() - 1), '1');
  } catch (error) {
    console.log(`Дорожная карта: не удалось запомнить строки для пересчёта: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function updateEditedRows(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const props = PropertiesService.getDocumentProperties();
  const all = props.getProperties();
  const sheetId = sheet.getSheetId();
  const own = settingsFromProperties(all).sheets[String(sheetId)];
  if (!own) return;
  const firstRow = range.getRow();
  const numRows = range.getNumRows();
  const firstColumn = range.getColumn();
  const numColumns = range.getNumColumns();
  if (numRows > MAX_ROWS) return;

  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
    // Another action is writing; it may not look at this row again. Recompute it next time.
    rememberPending(e, all);
    return;
  }
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
    const header = headerBlock[probe.layout.headerRow] ?? [];
    const ctx: RowsContext = { sheet, layout: probe.layout, header, lastColumn, lastRow, timeZone, today, plan };

    if (touchesUserColumns(ctx.layout, firstColumn, numColumns)) {
      const numberColumn = ctx.layout.columns.number;
      const numberEdited = numberColumn !== undefined && numberColumn + 1 >= firstColumn && numberColumn + 1 < firstColumn + numColumns;
      recomputeRows(ctx, firstRow, firstRow + numRows - 1, numberEdited);
    }
    // Rows edited while another action held the lock.
    for (const run of pendingRuns(all, sheetId).slice(0, PENDING_PER_EDIT)) {
      recomputeRows(ctx, run.from, run.to, false);
      props.deleteProperty(run.key);
    }
    SpreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}

interface RowsContext {
  sheet: Sheet;
  layout: SheetLayout;
  header: unknown[];
  lastColumn: number;
  lastRow: number;
  timeZone: string;
  today: string;
  plan: ReturnType<typeof planOf>;
}

/** Recomputes the helper columns of rows first..last (1-based, clipped to the data): one read, one write per helper run. */
function recomputeRows(ctx: RowsContext, first: number, last: number, numberEdited: boolean): void {
  const { sheet, layout, lastColumn, timeZone } = ctx;
  const from = Math.max(first, layout.headerRow + 2);
  const to = Math.min(last, ctx.lastRow);
  if (from > to) return;
  const rows = sheet.getRange(from, 1, to - from + 1, lastColumn).getValues();
  const analysis = analyseSheet(datesAsText([ctx.header, ...rows], timeZone), lastColumn, { plan: ctx.plan, today: ctx.today, rowLocal: true });
  if (!analysis) return;

  // Numbering problems need the other rows: keep the row's old mark unless its number changed.
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
}
