// What the district owns, protected for the district's editors only (core/district/protection):
// «Организации» (its «Редакторы» column grants access), the district's roadmap and the template the
// schools receive, «Журнал приказов» (the district's own orders) and «Свод». Run by «Разослать
// школам», which is when schools get access; the calls grow with these few sheets only.
import { districtOnly } from '../../core/district';
import { JOURNAL_SHEET } from '../../core/order/journal';
import { ORG_SHEET } from '../../core/org';
import type { DistrictContext } from './people';
import { protectSheet } from './protect';
import { SUMMARY_SHEET } from './summary-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The district's sheets that exist, the template first; never a school's sheet. */
export function districtSheets(ss: Spreadsheet, ctx: DistrictContext, templateId: number | null): Sheet[] {
  const schools = new Set(ctx.registry.schools.map((s) => s.sheetName.toLowerCase()));
  const found: Sheet[] = [];
  const add = (sheet: Sheet | null): void => {
    if (!sheet || schools.has(sheet.getName().toLowerCase())) return;
    if (!found.some((s) => s.getSheetId() === sheet.getSheetId())) found.push(sheet);
  };
  if (templateId !== null) add(ss.getSheetById(templateId));
  if (ctx.registry.district?.sheetName) add(ss.getSheetByName(ctx.registry.district.sheetName));
  for (const name of [ORG_SHEET, JOURNAL_SHEET, SUMMARY_SHEET]) add(ss.getSheetByName(name));
  return found;
}

/** Protects every sheet the district owns for the district's editors (and the owner and the runner). */
export function protectDistrictSheets(ss: Spreadsheet, ctx: DistrictContext, templateId: number | null): void {
  const target = districtOnly(ctx.people);
  for (const sheet of districtSheets(ss, ctx, templateId)) protectSheet(sheet, target, ctx.people);
}
