// Menu action and sidebar endpoints of «Отчёт о выполнении» (src/contract/report.ts).
import type { ReportPreview, ReportRequest, ReportSetup, ReportTotalsView } from '../../contract/report';
import { percentText, reportChecklist, reportYears, defaultReportChoice } from '../../core/report';
import type { SchoolSummary } from '../../core/district/summary';
import { implement } from '../endpoint';
import { readCaller, reportRefusal } from '../roles';
import { showSidebar } from '../sidebar';
import { orgPreferences } from '../orders/preferences';
import { readRequisites } from '../orders/sources';
import { readSettings } from '../roadmap/settings';
import { collectReport, readReportSheet } from './collect';
import { createReport as createReportImpl } from './create';

/** Menu: «Отчёт о выполнении». */
export function openReportSidebar(): void {
  showSidebar('report', 'Отчёт о выполнении');
}

const todayIn = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');

export const getReportSetup = implement('getReportSetup', (): ReportSetup => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = todayIn(ss);
  const settings = readSettings();
  const who = readCaller(ss);
  const districtOffered = who.caller.districtMode && who.caller.district;
  const active = ss.getActiveSheet().getName();
  const state = readRequisites(ss, active);
  // The active sheet, else the organisation's roadmap sheet, else the district's own.
  const candidates = [active, state.organisation?.roadmapSheet ?? '', who.registry?.district?.sheetName ?? ''].filter((n, i, all) => n && all.indexOf(n) === i);
  let sheet: ReturnType<typeof readReportSheet> = 'не дорожная карта';
  for (const name of candidates) {
    sheet = readReportSheet(ss, name, timeZone, settings);
    if (typeof sheet !== 'string') break;
  }
  const found = typeof sheet === 'string' ? null : sheet;
  const scope = districtOffered && (!found || found.sheetName === who.registry?.district?.sheetName) ? 'district' : 'sheet';
  const org = state.organisation;
  const prefs = orgPreferences(org?.shortName ?? '');
  const refusal = found ? reportRefusal(ss, { scope: 'sheet', sheetName: found.sheetName }) : null;
  return {
    today,
    sheetName: found?.sheetName ?? '',
    roadmapMissing: found ? null : 'Откройте лист дорожной карты: на этом листе её нет (строки заголовков «№», «Мероприятие», «Срок»…).',
    districtOffered,
    scope,
    plan: found?.plan ?? null,
    planTitle: found?.title ?? '',
    years: reportYears(found?.plan ?? null, today),
    period: defaultReportChoice(found?.plan ?? null, today),
    signatory: { position: org?.headPosition ?? '', name: org?.headName ?? '' },
    dateStyle: prefs.dateStyle,
    blocking: [...(scope === 'sheet' && refusal ? [refusal] : []), ...state.blocking],
  };
});

const totals = (s: SchoolSummary): ReportTotalsView => ({
  items: s.items, done: s.done, inProgress: s.inProgress, overdue: s.overdue, cancelled: s.cancelled, percent: percentText(s.share),
});

export const previewReport = implement('previewReport', (req: ReportRequest): ReportPreview => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const collected = collectReport(ss, req, todayIn(ss), ss.getSpreadsheetTimeZone());
  const refusal = reportRefusal(ss, req);
  const doc = collected.doc;
  const empty: ReportTotalsView = { items: 0, done: 0, inProgress: 0, overdue: 0, cancelled: 0, percent: '—' };
  return {
    heading: doc?.meta.heading ?? '',
    periodText: doc?.figures.periodWords ?? '',
    period: doc ? totals(doc.figures.period) : empty,
    plan: doc?.figures.plan ? totals(doc.figures.plan) : empty,
    schools: doc ? doc.figures.schools.map((s) => ({ name: s.name, ...(s.summary ? totals(s.summary) : empty), lastChange: s.lastChange ?? null })) : [],
    problems: collected.problems,
    overdue: doc?.figures.overdue ?? 0,
    undated: doc?.figures.undated ?? 0,
    rows: collected.rows,
    blocking: [...(refusal ? [refusal] : []), ...collected.blocking],
    checklist: doc && collected.state.requisites
      ? reportChecklist(doc, { executor: !!(collected.state.requisites.executorName?.trim() || collected.state.requisites.executorPhone?.trim()) }).map(({ label, ok }) => ({ label, ok }))
      : [],
  };
});

export const createReport = implement('createReport', (req) => createReportImpl(req));
