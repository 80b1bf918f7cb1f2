// Roles, decided on the server for every entry point of main.ts: the district's editors, a school's
// editors, anyone else (core/district/roles says who is who). Each entry point declares here, in one
// table, what it needs; endpoint.ts checks it before the endpoint runs, so a sidebar (or a crafted
// google.script.run call) cannot reach past the caller's role. Reading is open to every editor of
// the spreadsheet — Sheets shows them every cell anyway; what is checked is what changes.
import {
  districtRefusal, mayWriteSheet, schoolOfSheet, sheetRefusal, callerOf, type Caller, type DistrictRegistry,
} from '../core/district';
import { ORG_SHEET } from '../core/org';
import { UserError } from './errors';
import { activeEmail, ownerOf, registryOf } from './district/people';
import { readSettings, requiresMark } from './roadmap/settings';
import { timelineSource } from './roadmap/timeline';
import type * as Main from './main';

/** Every function Apps Script can call: the exports of main.ts. */
export type EntryName = keyof typeof Main;

export type Requirement =
  /** Reads, opens a sidebar or moves the selection: nothing of the document changes. */
  | 'anyone'
  /** Changes what the district owns: new roadmap sheets, the order template, distribution, «Свод». */
  | 'district'
  /** Changes the active sheet: the district, or the school whose sheet it is. */
  | 'activeSheet'
  /** Changes the sheet named by the request's `sheetId`: the district, or the school whose sheet it is. */
  | 'sheetArg'
  /** Roadmap settings: the district any, a school the plan of its own sheet only. */
  | 'settings'
  /** An order: only its organisation (by the active sheet and the row's sheet) journals it. */
  | 'order'
  /** A progress report: the district's consolidated one by the district; a sheet's by its organisation. */
  | 'report'
  /** A timeline: whoever may change the roadmap it draws (the district, or the school whose sheet it is). */
  | 'timelineSource';

export const REQUIREMENTS: Record<EntryName, Requirement> = {
  // Triggers. onOpen runs in AuthMode.NONE and builds the menu only; onEdit runs as the person who
  // typed, with that person's own rights, and writes only the helper cells of the rows they edited.
  onOpen: 'anyone',
  onInstall: 'anyone',
  onEdit: 'anyone',
  // The reminders' clock trigger runs as the account that switched reminders on (the district's, or
  // an editor of a single roadmap): it checks on every run that this account is still the sender.
  sendReminders: 'anyone',
  // Sidebars and dialogs open for everyone; their endpoints are checked one by one.
  openPanel: 'anyone',
  getPanelState: 'anyone',
  openFromPanel: 'anyone',
  openCheck: 'anyone',
  openRoadmapSettings: 'anyone',
  openOrderSidebar: 'anyone',
  openRowOrderSidebar: 'anyone',
  openDistribute: 'anyone',
  openCheckAll: 'anyone',
  openReminders: 'anyone',
  // Shows who gets what and the log; writes nothing.
  getReminders: 'anyone',
  getRecognitionReport: 'anyone',
  // Shows what recognition would make with the person's choices; writes nothing.
  previewRecognition: 'anyone',
  getRoadmapSettings: 'anyone',
  getOrderSetup: 'anyone',
  getDistrictState: 'anyone',
  selectCell: 'anyone',
  // A school's editor gets their own schools only (check-all.ts filters by the same role).
  checkAllSchools: 'anyone',
  // Creates «Организации» only where there is none (then there is no district mode yet); else shows it.
  openRequisites: 'anyone',
  openRequisitesSheet: 'anyone',
  openDistrictRegistry: 'anyone',
  // New roadmap sheets: in district mode a school's sheet comes from «Разослать школам».
  createRoadmap: 'district',
  recognizeTable: 'district',
  applyRecognition: 'district',
  importFromDoc: 'district',
  // The order template is the district's: every organisation's «по своему шаблону» order uses it.
  openOrderTemplate: 'district',
  createOrderTemplate: 'district',
  startDistribution: 'district',
  distributeNext: 'district',
  openDistrictSummary: 'district',
  // «Календарный график» of the active roadmap (or of the timeline's own): a school builds its own
  // sheet's (it refreshes that sheet's helper columns); «Календарные графики школ» is the district's.
  buildTimeline: 'timelineSource',
  buildSchoolTimelines: 'district',
  buildDistrictSummary: 'district',
  // Switching the e-mail reminders on or off: the district's in district mode (it mails every school);
  // with one organisation, any editor of the roadmap.
  saveReminders: 'district',
  checkRoadmap: 'activeSheet',
  refreshRoadmap: 'activeSheet',
  refreshColours: 'activeSheet',
  fixDeadline: 'sheetArg',
  saveRoadmapSettings: 'settings',
  createOrder: 'order',
  // «Отчёт о выполнении»: the sidebar and its preview read only; the report is journalled by its organisation.
  openReportSidebar: 'anyone',
  getReportSetup: 'anyone',
  previewReport: 'anyone',
  createReport: 'report',
};

export interface CallerRead {
  caller: Caller;
  /** Null when the spreadsheet has no «Организации». */
  registry: DistrictRegistry | null;
}

/**
 * The caller's role from one read of «Организации». Outside district mode nothing else is read: there
 * every editor acts for the one organisation.
 */
export function readCaller(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CallerRead {
  const sheet = ss.getSheetByName(ORG_SHEET);
  if (!sheet) return { caller: callerOf('', '', null), registry: null };
  const { registry, schoolRows } = registryOf(sheet.getDataRange().getValues());
  if (!schoolRows) return { caller: callerOf('', '', registry, 0), registry };
  return { caller: callerOf(activeEmail(), ownerOf(ss), registry, schoolRows), registry };
}

export const SOON_DAYS_DISTRICT_ONLY =
  'Порог «срок скоро» — общая настройка всей таблицы: её меняют только сотрудники района. Верните прежнее значение.';
export const REQUIRE_MARK_DISTRICT_ONLY =
  'Предупреждение о выполненных мероприятиях без отметки о выполнении — общая настройка всей таблицы: её меняют только сотрудники района. Верните прежнее значение.';
export const UNREGISTER_DISTRICT_ONLY =
  'Снять с листа школы отметку «Дорожная карта» могут только сотрудники района: лист участвует в рассылке и своде.';
export const noSuchSheet = (id: number): string =>
  `Листа с кодом ${id} в таблице нет (возможно, его удалили). Закройте панель настроек и откройте её снова.`;

interface SettingsInput {
  soonDays: number;
  requireMark?: boolean;
  sheets: { sheetId: number; isRoadmap: boolean; planStart: string | null; planEnd: string | null }[];
}

/**
 * Settings may register existing sheets only (the property store holds one small entry per sheet,
 * so it stays bounded by the spreadsheet); a school changes the plan of its own sheets only.
 */
function checkSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, who: CallerRead, input: SettingsInput): void {
  const settings = readSettings();
  const names = new Map(ss.getSheets().map((s) => [s.getSheetId(), s.getName()]));
  for (const s of input.sheets) {
    const current = settings.sheets[String(s.sheetId)];
    const unchanged = !!current === s.isRoadmap && (!s.isRoadmap || (current!.planStart === s.planStart && current!.planEnd === s.planEnd));
    if (unchanged) continue;
    const name = names.get(s.sheetId);
    if (name === undefined) throw new UserError(noSuchSheet(s.sheetId));
    if (who.caller.district) continue;
    if (!mayWriteSheet(who.caller, name)) throw new UserError(sheetRefusal(who.caller, name, who.registry));
    if (!s.isRoadmap) throw new UserError(UNREGISTER_DISTRICT_ONLY);
  }
  if (!who.caller.district && input.soonDays !== settings.soonDays) {
    throw new UserError(who.caller.email ? SOON_DAYS_DISTRICT_ONLY : districtRefusal(who.caller));
  }
  if (!who.caller.district && input.requireMark !== undefined && input.requireMark !== requiresMark(settings)) {
    throw new UserError(who.caller.email ? REQUIRE_MARK_DISTRICT_ONLY : districtRefusal(who.caller));
  }
}

function orderRefusal(caller: Caller, sheetName: string, registry: DistrictRegistry | null): string {
  const school = schoolOfSheet(registry, sheetName);
  if (!caller.email) return districtRefusal(caller);
  const whose = school ? `школы «${school.shortName || school.sheetName}»` : 'района';
  const mine = caller.schoolSheets.length ? ` Чтобы сформировать приказ своей школы, откройте её лист: ${caller.schoolSheets.map((s) => `«${s}»`).join(', ')}.` : '';
  return `Лист «${sheetName}» — дорожная карта ${whose}: приказ по нему издаёт и регистрирует в своём журнале только ${school ? 'эта школа' : 'район'}.${mine}`;
}

/** Why the caller may not issue an order whose organisation the sheets decide, or null. */
function orderProblem(who: CallerRead, sheets: readonly string[]): string | null {
  if (!who.caller.districtMode) return null;
  for (const name of sheets) {
    const school = schoolOfSheet(who.registry, name);
    const ok = school ? who.caller.schoolSheets.includes(school.sheetName) : who.caller.district;
    if (!ok) return orderRefusal(who.caller, name, who.registry);
  }
  return null;
}

/** The sheets that decide whose order it is: the active one (its organisation's requisites) and the row's. */
function checkOrder(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, who: CallerRead, req: { mode: string; row: { sheetName: string } | null }): void {
  const sheets = [ss.getActiveSheet().getName()];
  if (req.mode === 'row' && req.row) sheets.push(req.row.sheetName);
  const problem = orderProblem(who, sheets);
  if (problem) throw new UserError(problem);
}

/**
 * Why the caller may not make this report, or null: the consolidated report is the district's; a
 * sheet's report is its organisation's (it goes into that organisation's journal).
 */
export function reportRefusal(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, req: { scope: string; sheetName: string }, who: CallerRead = readCaller(ss)): string | null {
  if (!who.caller.districtMode) return null;
  if (req.scope === 'district') return who.caller.district ? null : `Сводный отчёт района формируют сотрудники района. ${districtRefusal(who.caller)}`;
  return orderProblem(who, [req.sheetName])?.replace(/приказ по нему издаёт/, 'отчёт по нему формирует').replace('Чтобы сформировать приказ своей школы', 'Чтобы сформировать отчёт своей школы') ?? null;
}

/** For the order sidebar: why the caller could not issue an order on this sheet (shown before they fill it in). */
export function orderRefusalOnSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string): string | null {
  return orderProblem(readCaller(ss), [sheetName]);
}

/** Throws a Russian UserError when the caller may not run `name` with these (validated) arguments. */
export function authorize(name: EntryName, args: readonly unknown[]): void {
  const need = REQUIREMENTS[name];
  if (need === 'anyone') return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const who = readCaller(ss);
  // One organisation: every editor acts for it (settings still register existing sheets only).
  if (!who.caller.districtMode && need !== 'settings') return;
  switch (need) {
    case 'settings':
      return checkSettings(ss, who, args[0] as SettingsInput);
    case 'district':
      if (!who.caller.district) throw new UserError(districtRefusal(who.caller));
      return;
    case 'activeSheet': {
      const sheet = ss.getActiveSheet().getName();
      if (!mayWriteSheet(who.caller, sheet)) throw new UserError(sheetRefusal(who.caller, sheet, who.registry));
      return;
    }
    case 'sheetArg': {
      const sheet = ss.getSheetById((args[0] as { sheetId: number }).sheetId);
      // A missing sheet is the endpoint's to report; there is nothing to write.
      if (sheet && !mayWriteSheet(who.caller, sheet.getName())) throw new UserError(sheetRefusal(who.caller, sheet.getName(), who.registry));
      return;
    }
    case 'order':
      return checkOrder(ss, who, args[0] as { mode: string; row: { sheetName: string } | null });
    case 'report': {
      const problem = reportRefusal(ss, args[0] as { scope: string; sheetName: string }, who);
      if (problem) throw new UserError(problem);
      return;
    }
    case 'timelineSource': {
      let sheet: string;
      try {
        sheet = timelineSource(ss).getName();
      } catch {
        return; // no roadmap to draw: the endpoint says so, and writes nothing
      }
      if (!mayWriteSheet(who.caller, sheet)) throw new UserError(sheetRefusal(who.caller, sheet, who.registry));
      return;
    }
  }
}
