// What a progress report says about one roadmap: the items of the period, with sections kept, and
// the totals for the period and for the whole plan as of today.
//
// «In the period» means: an occurrence of the item's deadline overlaps the period (a «до 31.03»
// deadline falls in the quarter holding 31 March, «в течение года» in every quarter of the year,
// «Май 2022,2023,2024г» in each quarter holding a May), or the item was completed inside it (its
// «Дата выполнения»). An item without a usable date (empty, external, not recognised) is in the
// period only when it was completed in it.
//
// Status and totals are those of «Свод» (core/district/summary.ts), as of `today`: done =
// «Выполнено», in progress = «В работе», cancelled = «Отменено», overdue = open and every occurrence
// ended before today; % done = done / (items − cancelled). The plan's totals count every item of the
// plan, so they equal the school's «Свод» row on the same day.
import type { ISODate, Period, PlanContext } from '../types';
import type { ProgressBar } from './progress-chart';
import { addDays, isISODate } from '../dates';
import { parseDeadline } from '../deadline/parse';
import { relevantPeriod } from '../deadline/status';
import { classifyRow, isInProgress, summarizeRows, type RowCategory, type SchoolSummary, type SummaryRow } from '../district/summary';

/** A roadmap row as the report reads it (the canonical sheet's columns). */
export interface ReportSourceRow {
  number: string;
  isSection: boolean;
  activity: string;
  deadline: string;
  responsible: string;
  status: string;
  /** ISO when the cell is a date, else the text as typed ('' when empty). */
  doneDate: string;
  mark: string;
}

export interface ReportItem {
  number: string;
  activity: string;
  deadline: string;
  responsible: string;
  /** The status as the report prints it: «Выполнено», «Просрочено (в работе)», «Не начато»… */
  statusText: string;
  category: RowCategory;
  inProgress: boolean;
  doneDate: string;
  mark: string;
}

export type ReportLine = { kind: 'section'; number: string; text: string } | ({ kind: 'item' } & ReportItem);


export interface RoadmapReport {
  /** Sections and the items of the period, in sheet order; a section only when some item of it is in. */
  lines: ReportLine[];
  period: SchoolSummary;
  plan: SchoolSummary;
  /** Every overdue item of the plan as of today, with its responsible. */
  overdue: ReportItem[];
  /** Per section (items of the period). */
  bars: ProgressBar[];
  /** Items no period can hold (no deadline, an external one, or one not recognised), left out unless completed in it. */
  undated: number;
}

/** What the report prints for an item's status. */
export function statusText(category: RowCategory, inProgress: boolean): string {
  switch (category) {
    case 'done':
      return 'Выполнено';
    case 'cancelled':
      return 'Отменено';
    case 'overdue':
      return inProgress ? 'Просрочено (в работе)' : 'Просрочено';
    case 'ongoing':
      return inProgress ? 'В работе' : 'В течение периода';
    default:
      return inProgress ? 'В работе' : 'Не начато';
  }
}

const overlaps = (a: Period, b: Period): boolean => a.start <= b.end && a.end >= b.start;

interface Analysed {
  row: ReportSourceRow;
  summary: SummaryRow;
  periods: Period[];
  item: ReportItem | null;
}

function analyse(row: ReportSourceRow, plan: PlanContext, today: ISODate, soonLimit: ISODate): Analysed {
  const deadline = parseDeadline(row.deadline, plan);
  const relevant = deadline.periods.length ? relevantPeriod(deadline, today) : null;
  const summary: SummaryRow = {
    activity: row.activity,
    status: row.status,
    kind: row.isSection ? 'section' : deadline.kind,
    end: relevant?.end ?? '',
    extraEnds: deadline.periods.filter((p) => p !== relevant).map((p) => p.end),
    doneDate: isISODate(row.doneDate) ? row.doneDate : '',
  };
  if (row.isSection || !row.activity) return { row, summary, periods: deadline.periods, item: null };
  const category = classifyRow(summary, today, soonLimit);
  const inProgress = isInProgress(summary);
  return {
    row,
    summary,
    periods: deadline.periods,
    item: {
      number: row.number, activity: row.activity, deadline: row.deadline, responsible: row.responsible,
      statusText: statusText(category, inProgress), category, inProgress, doneDate: row.doneDate, mark: row.mark,
    },
  };
}

function emptyBar(label: string): ProgressBar {
  return { label, done: 0, inProgress: 0, overdue: 0, cancelled: 0, planned: 0 };
}

/** Adds one item to its bar (disjoint: done, cancelled, overdue, then in progress, else planned). */
export function countInBar(bar: ProgressBar, item: Pick<ReportItem, 'category' | 'inProgress'>): void {
  if (item.category === 'done' || item.category === 'cancelled' || item.category === 'overdue') bar[item.category]++;
  else if (item.inProgress) bar.inProgress++;
  else bar.planned++;
}

/** A short bar label: «1. Нормативно-правовое обеспечение» cut to `max` characters. */
export function barLabel(number: string, text: string, max = 40): string {
  const full = `${number.trim()} ${text.replace(/\s+/g, ' ').trim()}`.trim();
  return full.length <= max ? full : `${full.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The report of one roadmap for `period` as of `today`. `plan` places deadlines without a year;
 * without one, the calendar year of today stands in (as for the sheet's colours).
 */
export function roadmapReport(rows: readonly ReportSourceRow[], o: { plan: Period | null; period: Period; today: ISODate; soonDays: number }): RoadmapReport {
  const context: PlanContext = o.plan ? { planStart: o.plan.start, planEnd: o.plan.end } : { planStart: `${o.today.slice(0, 4)}-01-01`, planEnd: `${o.today.slice(0, 4)}-12-31` };
  const soonLimit = addDays(o.today, o.soonDays);
  const all = rows.map((r) => analyse(r, context, o.today, soonLimit));
  const inPeriod = (a: Analysed): boolean =>
    a.periods.some((p) => overlaps(p, o.period)) || (isISODate(a.row.doneDate) && a.row.doneDate >= o.period.start && a.row.doneDate <= o.period.end);

  const lines: ReportLine[] = [];
  const bars: ProgressBar[] = [];
  const selected: SummaryRow[] = [];
  let section: ReportSourceRow | null = null;
  let sectionShown = false;
  let bar: ProgressBar | null = null;
  for (const a of all) {
    if (a.row.isSection) {
      section = a.row;
      sectionShown = false;
      continue;
    }
    if (!a.item || !inPeriod(a)) continue;
    if (!sectionShown) {
      sectionShown = true;
      if (section) lines.push({ kind: 'section', number: section.number, text: section.activity });
      bar = emptyBar(section ? barLabel(section.number, section.activity) : 'Без раздела');
      bars.push(bar);
    }
    lines.push({ kind: 'item', ...a.item });
    selected.push(a.summary);
    countInBar(bar!, a.item);
  }
  return {
    lines,
    period: summarizeRows(selected, o.today, o.soonDays),
    plan: summarizeRows(all.map((a) => a.summary), o.today, o.soonDays),
    overdue: all.flatMap((a) => (a.item?.category === 'overdue' ? [a.item] : [])),
    bars,
    undated: all.filter((a) => a.item && !a.periods.length && !inPeriod(a)).length,
  };
}

/** The figures of several summaries added up (the district's «Итого»); % done from the sums. */
export function addSummaries(list: readonly SchoolSummary[]): SchoolSummary {
  const s: SchoolSummary = { items: 0, done: 0, inProgress: 0, cancelled: 0, overdue: 0, soon: 0, noDate: 0, share: null, lastDone: null };
  for (const x of list) {
    s.items += x.items;
    s.done += x.done;
    s.inProgress += x.inProgress;
    s.cancelled += x.cancelled;
    s.overdue += x.overdue;
    s.soon += x.soon;
    s.noDate += x.noDate;
    if (x.lastDone && (!s.lastDone || x.lastDone > s.lastDone)) s.lastDone = x.lastDone;
  }
  const base = s.items - s.cancelled;
  s.share = base > 0 ? s.done / base : null;
  return s;
}

/** «45 %» (whole percent, rounded half up), or «—» when there is nothing to do. */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}
