// Where the district chooses that schools fill only status, completion date and mark
// (core/district SchoolsEdit 'progress'): the school sheet's protection (the district alone, then)
// excepts those columns and the helper columns (setUnprotectedRanges), and those columns are
// protected again for the school and the district — no other school may write them. Google's
// pattern: a protected sheet "may include unprotected regions"
// (https://developers.google.com/apps-script/reference/spreadsheet/protection). In 'all' mode the
// exceptions and the extra protections are removed. Calls depend on column runs, never on rows.
import { PROGRESS_KEYS, type SchoolProtection } from '../../core/district';
import { locateLayout } from '../roadmap/analyse';
import { columnRuns, configure, type ProtectionSession } from './protect';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Descriptions of the progress columns' protections (core progressColumnsDescription). */
const OPEN_MARK = /^Дорожная карта: статус, дата выполнения/;

/** 0-based status, completion date and mark columns, from the sheet's header row(s). */
export function progressColumns(values: readonly (readonly unknown[])[], width: number): number[] {
  const layout = locateLayout(values, width);
  if (!layout) return [];
  return PROGRESS_KEYS.map((k) => layout.columns[k]).filter((x): x is number => x !== undefined && x < width);
}

export function applySchoolsEdit(sheet: Sheet, target: SchoolProtection, session: ProtectionSession, helperRuns: readonly { column: number; count: number }[]): void {
  const whole = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (!whole) return;
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (OPEN_MARK.test(p.getDescription())) p.remove();
  }
  if (!target.open) {
    if (whole.getUnprotectedRanges().length) whole.setUnprotectedRanges([]);
    return;
  }
  const width = sheet.getLastColumn();
  const runs = columnRuns(progressColumns(sheet.getRange(1, 1, 1, width).getValues(), width));
  const rows = sheet.getMaxRows();
  whole.setUnprotectedRanges([...runs, ...helperRuns].map((r) => sheet.getRange(1, r.column, rows, r.count)));
  for (const r of runs) configure(sheet.getRange(1, r.column, rows, r.count).protect(), target.open, session, { fresh: true });
}
