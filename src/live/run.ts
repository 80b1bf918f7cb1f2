// Runs the live checks (src/live/checks.ts) in the current spreadsheet: each on a fresh scratch
// sheet, all with one scratch Doc; restores the spreadsheet's locale and deletes the scratch
// sheets afterwards. The result is plain JSON (the Apps Script API returns it to `clasp run`).
import { CHECKS, shown, type LiveCheck, type LiveContext } from './checks';

export interface LiveResult {
  name: string;
  ok: boolean;
  measure: boolean;
  expected: unknown;
  actual: unknown;
}

export interface LiveReport {
  locale: string;
  timeZone: string;
  results: LiveResult[];
  passed: number;
  failed: number;
}

/** Structural equality of JSON-like values. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function runOne(check: LiveCheck, base: Omit<LiveContext, 'sheet'>, index: number, runId: string): LiveResult {
  const { ss } = base;
  // Unique per run: a run stopped half-way (the 6-minute limit) may leave its sheets behind.
  const sheet = ss.insertSheet(`live-check ${runId}-${index + 1}`);
  const ctx: LiveContext = { ...base, sheet };
  let actual: unknown;
  let expected: unknown;
  try {
    if (check.locale) ss.setSpreadsheetLocale(check.locale);
    expected = check.expected(ctx);
    actual = shown(check.run(ctx), ctx.timeZone);
  } catch (error) {
    actual = `error: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    ss.deleteSheet(sheet);
  }
  const ok = check.measure ? typeof actual === 'number' : same(actual, expected);
  return { name: check.name, ok, measure: !!check.measure, expected: check.measure ? null : expected, actual };
}

export function runLiveChecks(checks: readonly LiveCheck[] = CHECKS): LiveReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const locale = ss.getSpreadsheetLocale();
  const timeZone = ss.getSpreadsheetTimeZone();
  const doc = DocumentApp.create('Дорожная карта: проверка на Google (можно удалить)');
  const year = Number(Utilities.formatDate(new Date(), timeZone, 'yyyy'));
  const results: LiveResult[] = [];
  const runId = Utilities.formatDate(new Date(), timeZone, 'HHmmss');
  try {
    checks.forEach((check, i) => results.push(runOne(check, { ss, doc, timeZone, year }, i, runId)));
  } finally {
    ss.setSpreadsheetLocale(locale);
    doc.saveAndClose();
  }
  const failed = results.filter((r) => !r.ok).length;
  return { locale, timeZone, results, passed: results.length - failed, failed };
}

export const RESULTS_SHEET = 'Проверка на Google';

/** For the Apps Script editor's Run button: the same checks, results written into a sheet. */
export function writeLiveReport(report: LiveReport): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(RESULTS_SHEET) ?? ss.insertSheet(RESULTS_SHEET);
  sheet.clear();
  const rows = [
    ['Проверка', 'Итог', 'Ожидается (наша модель)', 'Ответ Google'],
    ...report.results.map((r) => [r.name, r.measure ? 'замер' : r.ok ? 'совпадает' : 'РАСХОДИТСЯ', JSON.stringify(r.expected), JSON.stringify(r.actual)]),
    [`${report.passed} passed, ${report.failed} failed`, '', `локаль ${report.locale}`, `часовой пояс ${report.timeZone}`],
  ];
  const range = sheet.getRange(1, 1, rows.length, 4);
  range.setNumberFormat('@').setValues(rows);
  sheet.getRange(1, 1, 1, 4).setFontWeight('bold');
  sheet.setFrozenRows(1);
  ss.setActiveSheet(sheet);
  return sheet;
}
