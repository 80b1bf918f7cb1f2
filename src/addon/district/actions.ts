// District mode's menu items and sidebar endpoints. Thin: each delegates to one module and turns
// any failure into a Russian message.
import type { DistrictState } from '../../contract/district';
import { ORG_SHEET } from '../../core/org';
import { sheetProblems } from '../../core/district';
import { implement, menuAction as runMenuAction, notify } from '../endpoint';
import { ensureOrgSheet } from '../orders/requisites-sheet';
import { readSchoolsEdit, readSettings, writeSchoolsEdit } from '../roadmap/settings';
import { showSidebar } from '../sidebar';
import { knownSchoolSheets } from './checkpoint';
import { checkAll } from './check-all';
import { accessProblems, continueDistribution, pendingDistribution, startDistribution } from './distribute';
import { isDistrictUser, readDistrict } from './people';
import { schoolTimelinesBatch } from './school-timelines';
import { buildSummary } from './summary-sheet';
import { withDocumentLock } from '../lock';

const TITLE = 'Дорожная карта — район';

const menuAction = (fn: () => void): void => runMenuAction(TITLE, fn);

/** «Организации»: the registry (created when missing), with what district mode needs from it. */
export function openDistrictRegistry(): void {
  menuAction(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const { sheet, created } = ensureOrgSheet(ss);
    sheet.activate();
    notify(
      ss,
      created
        ? 'Вторая строка — район (в «Редакторах» — e-mail сотрудников района), ниже — по строке на школу: наименование, лист, e-mail её редакторов.'
        : 'Строка 2 — район, ниже — школы. После изменений выберите «Разослать школам».',
      ORG_SHEET,
    );
  });
}

export function openDistribute(): void {
  menuAction(() => showSidebar('district', 'Разослать школам'));
}

export function openDistrictSummary(): void {
  menuAction(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const result = buildSummary(ss);
    try {
      ss.getSheetByName(result.sheetName)?.activate();
    } catch {
      // «Свод» is built; going to it is a courtesy the toast below makes up for.
    }
    notify(ss, result.message, TITLE);
  });
}

/** «Календарные графики школ»: every school's timeline, a batch per run; choosing it again continues. */
export function buildSchoolTimelines(): void {
  menuAction(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const result = withDocumentLock(() => schoolTimelinesBatch(ss));
    notify(ss, result.message, TITLE);
  });
}

export function openCheckAll(): void {
  menuAction(() => showSidebar('district-check', 'Проверка листов школ'));
}

function state(): DistrictState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = readDistrict(ss);
  const settings = readSettings();
  const schoolIds = new Set(knownSchoolSheets());
  const sheets = ss.getSheets();
  const names = new Set(sheets.map((s) => s.getName().toLowerCase()));
  const templates = sheets
    .filter((s) => settings.sheets[String(s.getSheetId())] && !schoolIds.has(s.getSheetId()))
    .map((s) => ({ sheetId: s.getSheetId(), name: s.getName() }));
  const districtSheet = ctx.registry.district?.sheetName.toLowerCase();
  const preferred = templates.find((t) => t.name.toLowerCase() === districtSheet) ?? templates[0];
  return {
    role: isDistrictUser(ctx) ? 'district' : ctx.caller.schoolSheets.length ? 'school' : 'none',
    districtName: ctx.registry.district?.shortName ?? '',
    schools: ctx.registry.schools.map((s) => ({
      row: s.row, name: s.shortName || s.sheetName, sheetName: s.sheetName, exists: names.has(s.sheetName.toLowerCase()), editors: s.editors.length,
    })),
    problems: [...ctx.registry.problems, ...sheetProblems(ctx.registry, sheets.map((s) => s.getName()), ctx.values[0] ?? []), ...accessProblems(ss, ctx)]
      .map((p) => ({ row: p.row, severity: p.severity, message: p.message })),
    templates,
    defaultTemplateId: preferred?.sheetId ?? null,
    pending: pendingDistribution(),
    schoolsEdit: readSchoolsEdit(),
  };
}

export const getDistrictState = implement('getDistrictState', () => state());
export const startDistributionEndpoint = implement('startDistribution', (templateId, schoolsEdit) => {
  // The district's choice holds for this run and every later one (the role check allowed the district only).
  if (schoolsEdit) writeSchoolsEdit(schoolsEdit);
  return startDistribution(SpreadsheetApp.getActiveSpreadsheet(), templateId);
});
export const distributeNext = implement('distributeNext', () => continueDistribution(SpreadsheetApp.getActiveSpreadsheet()));
export const buildDistrictSummary = implement('buildDistrictSummary', () => buildSummary(SpreadsheetApp.getActiveSpreadsheet()));
export const checkAllSchools = implement('checkAllSchools', () => checkAll(SpreadsheetApp.getActiveSpreadsheet()));
