// «Проверить все школы»: every school sheet is checked, read-only (one read per sheet, so 300 schools fit
// in one run), problems grouped by school. A school's editor gets only their own school's sheets,
// with the items listed. Helper columns a school could not write (they are protected) are
// refreshed by the next «Разослать школам».
import { colourOfHelper } from '../../core/roadmap/colour';
import type { CheckAllReport, SchoolCheck, SchoolItem } from '../../contract/district';
import type { CheckReport } from '../../contract/roadmap';
import { toUserError } from '../errors';
import { analyseSheet, type SheetAnalysis } from '../roadmap/analyse';
import { buildCheckReport } from '../roadmap/check-report';
import { notRoadmapMessage } from '../roadmap/process';
import { planOf, readSettings, requiresMark } from '../roadmap/settings';
import { datesAsText, dayInZone } from '../roadmap/values';
import { isDistrictUser, readDistrict } from './people';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Problem rows kept per school in the district's view (the response must stay small). */
export const ROWS_PER_SCHOOL = 40;
/** Stop reading sheets after this long and say which were not checked (Apps Script allows 6 minutes). */
export const CHECK_BUDGET_MS = 240_000;

function itemsOf(analysis: SheetAnalysis, today: string, soonDays: number): SchoolItem[] {
  return analysis.items.flatMap((it, i) => {
    if (it.isSection || !it.activity) return [];
    const h = analysis.helpers[i]!;
    return [{
      row: (it.sourceRows[0] ?? 0) + 1,
      number: it.number,
      activity: it.activity.length > 160 ? `${it.activity.slice(0, 159)}…` : it.activity,
      deadline: it.deadline,
      status: it.status ?? '',
      colour: colourOfHelper(h, today, soonDays) ?? '',
    }];
  });
}

export function checkAll(ss: Spreadsheet): CheckAllReport {
  const ctx = readDistrict(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = dayInZone(new Date(), timeZone);
  const district = isDistrictUser(ctx);
  const own = new Set(ctx.caller.schoolSheets);
  const schools = district ? ctx.registry.schools : ctx.registry.schools.filter((s) => own.has(s.sheetName));
  const settings = readSettings();

  const one = (school: { shortName: string; sheetName: string }): SchoolCheck => {
    const base = { school: school.shortName || school.sheetName, sheetName: school.sheetName, items: [] as SchoolItem[] };
    const sheet = ss.getSheetByName(school.sheetName);
    if (!sheet) return { ...base, report: null, note: 'Лист школы ещё не создан: выберите «Разослать школам».' };
    try {
      const soonDays = settings.soonDays;
      const sheetId = sheet.getSheetId();
      const plan = planOf(settings.sheets[String(sheetId)]);
      const values = sheet.getDataRange().getValues();
      const analysis: SheetAnalysis | null = analyseSheet(datesAsText(values, timeZone), values[0]?.length ?? 0, { plan, today, requireMark: requiresMark(settings) });
      if (!analysis) return { ...base, report: null, note: notRoadmapMessage(school.sheetName) };
      // Four calls a school (find, id, range, read): 500 schools stay well inside the 6 minutes.
      const report: CheckReport = buildCheckReport({ sheetName: school.sheetName, sheetId, today, soonDays, plan, analysis });
      if (district && report.rows.length > ROWS_PER_SCHOOL) {
        const more = report.rows.length - ROWS_PER_SCHOOL;
        report.rows = report.rows.slice(0, ROWS_PER_SCHOOL);
        report.notes = [...report.notes, `Показаны первые ${ROWS_PER_SCHOOL} строк с замечаниями; ещё ${more} — откройте лист школы и выберите «Проверить».`];
      }
      return { ...base, items: district ? [] : itemsOf(analysis, today, soonDays), report, note: null };
    } catch (error) {
      return { ...base, report: null, note: toUserError(error).message };
    }
  };

  const started = Date.now();
  const checked: SchoolCheck[] = [];
  for (const school of schools) {
    if (Date.now() - started > CHECK_BUDGET_MS) {
      checked.push({ school: school.shortName || school.sheetName, sheetName: school.sheetName, items: [], report: null, note: 'Не проверен: проверка заняла слишком много времени. Запустите «Проверить все школы» ещё раз или проверьте лист школы отдельно.' });
      continue;
    }
    checked.push(one(school));
  }
  return { today, schools: checked, registry: district ? ctx.registry.problems.map((p) => p.message) : [] };
}
