// A school's sheet protected as core/district/protection plans it, in the district's chosen mode:
//  - 'all': the sheet for the school and the district; helper columns with a warning only.
//  - 'progress': the sheet for the district; the status, completion date and mark columns and the
//    helper columns are excepted from it (setUnprotectedRanges) and protected again for the school
//    and the district — so the school reports progress and runs its own check, nothing more, and
//    no other school may write there. Google's pattern: a protected sheet "may include unprotected
//    regions" (https://developers.google.com/apps-script/reference/spreadsheet/protection).
// Calls depend on the number of column runs and editors, never on rows.
import { schoolProtection, PROGRESS_KEYS, type People, type SchoolEntry, type SchoolsEdit } from '../../core/district';
import { locateLayout } from '../roadmap/analyse';
import { columnRuns, configure } from './protect';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Descriptions of range protections the add-on writes on a school sheet (helper or open columns). */
const OURS = /^(Служебные столбцы дополнения|Дорожная карта: служебные столбцы|Дорожная карта: статус, дата выполнения)/;

export interface SchoolColumns {
  /** 0-based: the add-on's helper columns. */
  helpers: number[];
  /** 0-based: status, completion date, mark. */
  progress: number[];
}

/** The columns that matter for protection, from the sheet's header rows (one read by the caller). */
export function schoolColumns(values: readonly (readonly unknown[])[], width: number): SchoolColumns {
  const layout = locateLayout(values, width);
  if (!layout) return { helpers: [], progress: [] };
  const c = layout.columns;
  const helpers = [c.helperStart, c.helperEnd, c.helperKind].filter((x): x is number => x !== undefined);
  for (let x = layout.extra.state; x <= layout.extra.problems; x++) helpers.push(x);
  const progress = PROGRESS_KEYS.map((k) => c[k]).filter((x): x is number => x !== undefined);
  return { helpers: helpers.filter((x) => x < width), progress: progress.filter((x) => x < width) };
}

export function protectSchoolSheet(sheet: Sheet, school: SchoolEntry, people: People, mode: SchoolsEdit, columns: SchoolColumns): void {
  const plan = schoolProtection(school.shortName || school.sheetName, school.editors, people, mode);
  const rows = sheet.getMaxRows();
  const whole = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
  configure(whole, plan.sheet, people);
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (OURS.test(p.getDescription())) p.remove();
  }
  if (plan.open) {
    const runs = columnRuns([...columns.progress, ...columns.helpers]);
    const ranges = runs.map((r) => sheet.getRange(1, r.column, rows, r.count));
    whole.setUnprotectedRanges(ranges);
    for (const range of ranges) configure(range.protect(), plan.open, people);
    return;
  }
  if (whole.getUnprotectedRanges().length) whole.setUnprotectedRanges([]);
  for (const run of columnRuns(columns.helpers)) {
    sheet.getRange(1, run.column, rows, run.count).protect().setDescription(plan.helpers.description).setWarningOnly(true);
  }
}
