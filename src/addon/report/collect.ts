// Reading what a progress report needs, then building it with core: the organisation's requisites
// (one read of «Организации»), the roadmap settings (one properties read), and each roadmap sheet
// in one getValues. A district's report reads the district's sheet and each school's: calls grow
// with the schools, never with the rows; each organisation's last change is two reads of the history
// sheet for all of them («Свод»'s `readLastChanges`).
import type { ReportRequest } from '../../contract/report';
import { planOfSheet } from '../../core/order/roadmap-source';
import { planTitleProblem } from '../../core/order/plan-title';
import { rowsToItems } from '../../core/roadmap/layout';
import { buildReportDocument, reportPeriod, roadmapReport, type ReportDocument, type ReportInput, type ReportSourceRow, type RoadmapReport, type SchoolPart } from '../../core/report';
import type { Period } from '../../core/types';
import { UserError } from '../endpoint';
import { readDistrict } from '../district/people';
import { summaryTargets } from '../district/summary-sheet';
import { readRequisites, sheetValues, type RequisitesState } from '../orders/sources';
import { planOf, readSettings, type RoadmapSettings } from '../roadmap/settings';
import { readLastChanges } from '../roadmap/history';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ReportSheet {
  sheetName: string;
  title: string;
  plan: Period | null;
  rows: ReportSourceRow[];
}

/** One roadmap sheet for the report (one getValues), or why it cannot be one. */
export function readReportSheet(ss: Spreadsheet, sheetName: string, timeZone: string, settings: RoadmapSettings): ReportSheet | string {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return 'лист не найден';
  const values = sheetValues(sheet, timeZone);
  const read = rowsToItems(values, 1);
  if (read.headerRow < 0) return 'не дорожная карта';
  const own = settings.sheets[String(sheet.getSheetId())];
  const plan = planOf(own);
  const { title, period } = planOfSheet(values, read.headerRow, { title: own?.title ?? '', plan: plan ? { start: plan.planStart, end: plan.planEnd } : null });
  return {
    sheetName,
    title,
    plan: period,
    rows: read.items.map((it) => ({
      number: it.number, isSection: it.isSection, activity: it.activity, deadline: it.deadline, responsible: it.responsible,
      status: it.status ?? '', doneDate: it.doneDate ?? '', mark: it.mark ?? '',
    })),
  };
}

/** The order's message about a title without a subject, said of the report's form. */
function reportTitleProblem(problem: string): string {
  return problem.replace('заголовок приказа', 'заголовок отчёта').replace(/ или сам заголовок в поле «Заголовок»/, '');
}

export interface CollectedReport {
  state: RequisitesState;
  doc: ReportDocument | null;
  /** Why the Doc cannot be made (missing requisites, no roadmap, a wrong period), Russian. */
  blocking: string[];
  /** School sheets that could not be counted. */
  problems: string[];
  /** Items of the period in the Doc's tables. */
  rows: number;
}

const itemsOf = (r: RoadmapReport | null): number => (r ? r.lines.filter((l) => l.kind === 'item').length : 0);

/** Everything of the report for a request, as of `today`; nothing is written. */
export function collectReport(ss: Spreadsheet, req: ReportRequest, today: string, timeZone: string): CollectedReport {
  const settings = readSettings();
  const district = req.scope === 'district' ? readDistrict(ss) : null;
  const targets = district ? summaryTargets(district.registry) : null;
  const ownSheet = targets ? (targets.district?.sheetName ?? '') : req.sheetName;
  const state = readRequisites(ss, ownSheet || ss.getActiveSheet().getName());
  const blocking = state.requisites ? [] : [`Не заполнены или неверны реквизиты организации.`, ...state.blocking];
  const own = ownSheet ? readReportSheet(ss, ownSheet, timeZone, settings) : null;
  if (!district && (own === null || typeof own === 'string')) {
    throw new UserError(`Лист «${req.sheetName}» не содержит дорожной карты (строки заголовков «№», «Мероприятие», «Срок»…). Откройте лист дорожной карты и выберите «Отчёт о выполнении» снова.`);
  }
  const ownRead = own && typeof own !== 'string' ? own : null;
  const plan = ownRead?.plan ?? null;
  const period = reportPeriod(req.period, plan);
  if (typeof period === 'string') return { state, doc: null, blocking: [...blocking, period], problems: [], rows: 0 };
  const soonDays = settings.soonDays;
  const reportOf = (s: ReportSheet) => roadmapReport(s.rows, { plan: s.plan, period, today, soonDays });
  const ownReport = ownRead ? reportOf(ownRead) : null;
  const problems: string[] = [];
  let schools: SchoolPart[] | undefined;
  let lastChanges: ReportInput['lastChanges'] = null;
  if (targets) {
    const changes = req.lastChanges ? readLastChanges(ss, [...(targets.district ? [targets.district] : []), ...targets.schools].map((t) => t.sheetName)) : null;
    if (changes) lastChanges = { own: targets.district ? changes.get(targets.district.sheetName) : undefined };
    if (!targets.schools.length) blocking.push('На листе «Организации» нет ни одной школы: сводный отчёт не из чего составить.');
    // The organisations «Свод» counts, in its order.
    schools = targets.schools.map(({ name, sheetName }) => {
      const read = readReportSheet(ss, sheetName, timeZone, settings);
      if (typeof read === 'string') {
        problems.push(`«${name}» (лист «${sheetName}»): ${read} — в отчёте без цифр.`);
        return { name, sheetName, report: null, problem: read, lastChange: changes?.get(sheetName) };
      }
      return { name, sheetName, report: reportOf(read), lastChange: changes?.get(sheetName) };
    });
  }
  const title = req.planTitle?.trim() || ownRead?.title || '';
  const titleProblem = planTitleProblem(title);
  if (titleProblem) blocking.push(reportTitleProblem(titleProblem));
  // Without valid requisites the figures are still previewed; the Doc is refused by `blocking`.
  const requisites = state.requisites ?? { fullName: '', shortName: state.organisation?.shortName ?? '', headPosition: '', headName: '', numberFormat: '{n}' };
  const input: ReportInput = {
    requisites,
    plan: { title, period: plan },
    period,
    date: today,
    dateStyle: req.dateStyle,
    signatory: req.signatory.name.trim() ? req.signatory : undefined,
    own: ownReport,
    schools,
    schoolItems: req.schoolItems,
    lastChanges,
  };
  const rows = itemsOf(ownReport) + (req.schoolItems && schools ? schools.reduce((n, s) => n + itemsOf(s.report), 0) : 0);
  return { state, doc: buildReportDocument(input), blocking, problems, rows };
}
