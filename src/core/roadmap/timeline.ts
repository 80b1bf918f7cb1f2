// «Календарный график»: the roadmap as a timeline sheet. Items down the side, the plan's months
// (weeks for a short plan) across the top, each item's periods drawn as bars by conditional
// formatting. Everything here is layout and formula text; the Apps Script glue writes it in one go.
//
// Live by construction: the timeline's cells are formulas over the roadmap sheet (labels and the
// machine-readable helper columns of colour.ts), and the bars are rules comparing those helper
// dates with each column's bounds and TODAY(). Edits of the roadmap (onEdit rewrites the helper
// columns) and the passing days show without a rebuild; only new rows need «Календарный график» again.
//
// Formulas are locale-safe the way colour.ts's are: English function names, commas, no decimal or
// date literals (dates are serial numbers in cells), text compared only with our own fixed words.
import type { ISODate, PlanContext } from '../types';
import { addDays, daysBetween, dayNumber, lastOfMonth, parseISO, toISO, toSheetSerial } from '../dates';
import { columnLetter } from '../a1';
import { quoteSheet } from '../district/summary';
import { MONTH_NAMES } from '../deadline/months';
import { OCCURRENCE_SLOTS, ROW_STATE, type RowHelper } from './colour';
import { STATUS_DONE } from './layout';

export const TIMELINE_SHEET_NAME = 'Календарный график';

/** A plan shorter than this many days is drawn by weeks, a longer one by months. */
export const WEEKS_BELOW_DAYS = 120;
/** At most ten years of months: a longer span is cut to the plan period (or to ten years from its start). */
export const MAX_MONTHS = 120;

/** Sheet rows (1-based) of the fixed part. */
export const TIMELINE_ROWS = { title: 1, note: 2, group: 3, label: 4, starts: 5, ends: 6, firstItem: 7 } as const;
/** Label columns (1-based) before the period columns. */
export const LABEL_COLUMNS = [
  { header: '№', width: 40 },
  // Not «Мероприятие»: the roadmap header finder must never take this sheet for a roadmap.
  { header: 'Пункт плана', width: 230 },
  { header: 'Срок', width: 110 },
  { header: 'Статус', width: 80 },
] as const;
const FIRST_PERIOD = LABEL_COLUMNS.length + 1;
/** Hidden helper columns after the periods: state, then the starts and the ends of every occurrence slot. */
const HELPER_COUNT = 1 + 2 * OCCURRENCE_SLOTS;
/** Printable width of A4 landscape at Sheets' default margins, px (297 mm − 2 × 19 mm at 96 dpi ≈ 980). */
export const A4_LANDSCAPE_PX = 980;

const MONTH_SHORT = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

export type TimelineScale = 'month' | 'week';
export interface TimelinePeriod {
  start: ISODate;
  end: ISODate;
  /** Column heading: «янв» or «06.01». */
  label: string;
  /** Heading of a group (year, or month of weeks) on its first column, else ''. */
  group: string;
}

export type BarKey = 'done' | 'cancelled' | 'overdue' | 'active' | 'upcoming' | 'past' | 'today';
export interface BarLegend {
  key: BarKey;
  label: string;
  background: string;
}

export const BAR_LEGEND: readonly BarLegend[] = [
  { key: 'done', label: 'Выполнено', background: '#93c47d' },
  { key: 'overdue', label: 'Срок прошёл, не выполнено', background: '#e06666' },
  { key: 'active', label: 'Идёт срок выполнения', background: '#6d9eeb' },
  { key: 'upcoming', label: 'Предстоит', background: '#c9daf8' },
  { key: 'past', label: 'Прошедший срок повторяющегося или постоянного мероприятия', background: '#b7b7b7' },
  { key: 'cancelled', label: 'Отменено', background: '#efefef' },
  { key: 'today', label: 'Текущий период (сегодня)', background: '#fce5cd' },
];
const TODAY_HEADER = { background: '#e69138', fontColor: '#ffffff' };

/** One roadmap row as the timeline needs it. */
export interface TimelineRowInput {
  /** 1-based row of the roadmap sheet. */
  row: number;
  isSection: boolean;
  helper: RowHelper;
}

/** 1-based columns of the roadmap sheet the timeline's formulas read (colour.ts RuleColumns). */
export interface TimelineSourceColumns {
  number?: number;
  activity?: number;
  deadline?: number;
  status?: number;
  state: number;
  helperStart: number;
  helperEnd: number;
  extraStart: number;
  extraEnd: number;
}

export interface TimelineInput {
  sourceSheet: string;
  title: string;
  plan: PlanContext | null;
  today: ISODate;
  rows: readonly TimelineRowInput[];
  columns: TimelineSourceColumns;
}

export interface TimelineRule {
  key: BarKey | 'todayHeader';
  formula: string;
  background: string;
  fontColor: string | null;
  /** 1-based rectangle. */
  range: { row: number; column: number; numRows: number; numColumns: number };
}

export interface TimelineLayout {
  scale: TimelineScale;
  periods: TimelinePeriod[];
  /** The whole block from A1, formulas as '=…' strings: one setValues. */
  values: (string | number)[][];
  numberFormats: string[][];
  backgrounds: (string | null)[][];
  fontWeights: ('bold' | 'normal')[][];
  height: number;
  width: number;
  frozenRows: number;
  frozenColumns: number;
  hiddenRows: { row: number; count: number };
  hiddenColumns: { column: number; count: number };
  /** Runs of equal widths: each is one setColumnWidths. */
  columnWidths: { column: number; count: number; width: number }[];
  /** In priority order (Sheets applies the first that matches). */
  rules: TimelineRule[];
  /** Rows of the items (first, count), for wrapping. */
  itemRows: { row: number; count: number };
}

/** The span to draw: the plan, widened to every date the rows carry, at most MAX_MONTHS. */
export function timelineSpan(plan: PlanContext | null, rows: readonly TimelineRowInput[], today: ISODate): { start: ISODate; end: ISODate } {
  const dates: ISODate[] = [];
  for (const r of rows) {
    const h = r.helper;
    for (const d of [h.start, h.end, ...h.extraStarts, ...h.extraEnds]) if (d) dates.push(d);
  }
  if (plan) dates.push(plan.planStart, plan.planEnd);
  if (!dates.length) return { start: `${today.slice(0, 4)}-01-01`, end: `${today.slice(0, 4)}-12-31` };
  dates.sort();
  let start = dates[0]!;
  let end = dates[dates.length - 1]!;
  if (monthsBetween(start, end) > MAX_MONTHS) {
    if (plan && monthsBetween(plan.planStart, plan.planEnd) <= MAX_MONTHS) ({ planStart: start, planEnd: end } = plan);
    else {
      const s = parseISO(start);
      const last = s.month - 1 + MAX_MONTHS - 1;
      end = lastOfMonth(s.year + Math.floor(last / 12), (last % 12) + 1);
    }
  }
  return { start, end };
}

/** Months touched by [start, end], both ends counted. */
function monthsBetween(start: ISODate, end: ISODate): number {
  const a = parseISO(start);
  const b = parseISO(end);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

/** The columns of the span: months, or Monday-to-Sunday weeks for a span shorter than WEEKS_BELOW_DAYS. */
export function timelinePeriods(start: ISODate, end: ISODate): { scale: TimelineScale; periods: TimelinePeriod[] } {
  const periods: TimelinePeriod[] = [];
  if (daysBetween(start, end) + 1 < WEEKS_BELOW_DAYS) {
    // 1970-01-01 was a Thursday: day number + 3 counts from a Monday.
    let monday = addDays(start, -((dayNumber(start) + 3) % 7));
    let lastGroup = '';
    while (monday <= end) {
      const d = parseISO(monday);
      const group = `${MONTH_NAMES[d.month - 1]} ${d.year}`;
      periods.push({
        start: monday,
        end: addDays(monday, 6),
        label: `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}`,
        group: group === lastGroup ? '' : group,
      });
      lastGroup = group;
      monday = addDays(monday, 7);
    }
    return { scale: 'week', periods };
  }
  const s = parseISO(start);
  const count = monthsBetween(start, end);
  for (let k = 0; k < count; k++) {
    const m = s.month - 1 + k;
    const year = s.year + Math.floor(m / 12);
    const month = (m % 12) + 1;
    periods.push({
      start: toISO(year, month, 1),
      end: lastOfMonth(year, month),
      label: MONTH_SHORT[month - 1]!,
      group: k === 0 || month === 1 ? String(year) : '',
    });
  }
  return { scale: 'month', periods };
}

/** Width of a period column so that the sheet fits A4 landscape (within bounds a person can read). */
export function periodWidth(periods: number): number {
  const labels = LABEL_COLUMNS.reduce((s, c) => s + c.width, 0);
  return Math.max(16, Math.min(40, Math.floor((A4_LANDSCAPE_PX - labels) / Math.max(1, periods))));
}

/** The conditional-format rules of the bars and of today's column, in priority order. */
export function timelineRules(periodCount: number, itemCount: number, helperColumn: number): TimelineRule[] {
  const first = TIMELINE_ROWS.firstItem;
  const col = columnLetter(FIRST_PERIOD);
  const colStart = `${col}$${TIMELINE_ROWS.starts}`;
  const colEnd = `${col}$${TIMELINE_ROWS.ends}`;
  const L = (c: number): string => `$${columnLetter(c)}${first}`;
  const state = L(helperColumn);
  const starts = `${L(helperColumn + 1)}:${L(helperColumn + OCCURRENCE_SLOTS)}`;
  const ends = `${L(helperColumn + OCCURRENCE_SLOTS + 1)}:${L(helperColumn + 2 * OCCURRENCE_SLOTS)}`;
  const status = L(LABEL_COLUMNS.length);
  // An occurrence [start, end] overlaps this column [colStart, colEnd]; `more` narrows which.
  const hit = (more = ''): string => `COUNTIFS(${starts},"<="&${colEnd},${ends},">="&${colStart}${more})>0`;
  const grid = { row: first, column: FIRST_PERIOD, numRows: Math.max(1, itemCount), numColumns: periodCount };
  const bg = new Map(BAR_LEGEND.map((l) => [l.key, l.background]));
  const rule = (key: BarKey, condition: string): TimelineRule => ({ key, formula: `=AND(${condition})`, background: bg.get(key)!, fontColor: null, range: grid });
  const isToday = `${colStart}<=TODAY(),${colEnd}>=TODAY()`;
  return [
    {
      key: 'todayHeader', formula: `=AND(${isToday})`, ...TODAY_HEADER,
      range: { row: TIMELINE_ROWS.group, column: FIRST_PERIOD, numRows: 2, numColumns: periodCount },
    },
    // The status a person types decides at once, before the helper state is rewritten (as in colour.ts).
    rule('done', `OR(${state}="${ROW_STATE.done}",${status}="${STATUS_DONE}"),${hit()}`),
    rule('cancelled', `OR(${state}="${ROW_STATE.cancelled}",${status}="Отменено"),${hit()}`),
    // Overdue as the roadmap colours it: a dated item every occurrence of which has ended.
    rule('overdue', `${state}="${ROW_STATE.dated}",N(${L(helperColumn + 1)})>0,MAX(${ends})<TODAY(),${hit()}`),
    rule('active', hit(`,${starts},"<="&TODAY(),${ends},">="&TODAY()`)),
    rule('upcoming', hit(`,${starts},">"&TODAY()`)),
    rule('past', hit(`,${ends},"<"&TODAY()`)),
    rule('today', isToday),
  ];
}

/** The whole timeline sheet. Pure. */
export function timelineLayout(input: TimelineInput): TimelineLayout {
  const span = timelineSpan(input.plan, input.rows, input.today);
  const { scale, periods } = timelinePeriods(span.start, span.end);
  const n = periods.length;
  const helperColumn = FIRST_PERIOD + n;
  const width = helperColumn + HELPER_COUNT - 1;
  const items = input.rows.length;
  const legendRow = TIMELINE_ROWS.firstItem + items + 1;
  const height = legendRow + BAR_LEGEND.length;
  const blankRow = <T>(v: T): T[] => new Array<T>(width).fill(v);
  const values = Array.from({ length: height }, () => blankRow<string | number>(''));
  const numberFormats = Array.from({ length: height }, () => blankRow('@'));
  const backgrounds = Array.from({ length: height }, () => blankRow<string | null>(null));
  const fontWeights = Array.from({ length: height }, () => blankRow<'bold' | 'normal'>('normal'));
  const set = (row: number, column: number, v: string | number): void => {
    values[row - 1]![column - 1] = v;
  };

  const R = TIMELINE_ROWS;
  set(R.title, 1, `Календарный график: ${input.title}`);
  fontWeights[R.title - 1]![0] = 'bold';
  set(R.note, 1, `По листу «${input.sourceSheet}», ${scale === 'month' ? 'по месяцам' : 'по неделям'} с ${ruDate(periods[0]!.start)} по ${ruDate(periods[n - 1]!.end)}. ` +
    'Названия, сроки и статусы берутся из дорожной карты формулами, цвета меняются сами каждый день. ' +
    'Если в дорожную карту добавлены строки, выберите «Календарный график» снова.');
  LABEL_COLUMNS.forEach((c, k) => set(R.label, k + 1, c.header));
  periods.forEach((p, k) => {
    const c = FIRST_PERIOD + k;
    set(R.group, c, p.group);
    set(R.label, c, p.label);
    set(R.starts, c, toSheetSerial(p.start));
    set(R.ends, c, toSheetSerial(p.end));
    numberFormats[R.starts - 1]![c - 1] = 'yyyy-mm-dd';
    numberFormats[R.ends - 1]![c - 1] = 'yyyy-mm-dd';
  });
  for (const r of [R.group, R.label]) fontWeights[r - 1]!.fill('bold');

  const src = quoteSheet(input.sourceSheet);
  const ref = (column: number | undefined, row: number): string => (column === undefined ? '' : `${src}!${columnLetter(column)}${row}`);
  // Text labels: ""&… keeps a blank source cell blank (a bare reference could show 0).
  const text = (column: number | undefined, row: number): string => (column === undefined ? '' : `=""&${ref(column, row)}`);
  const cols = input.columns;
  const slotStarts = [cols.helperStart, ...range(cols.extraStart, OCCURRENCE_SLOTS - 1)];
  const slotEnds = [cols.helperEnd, ...range(cols.extraEnd, OCCURRENCE_SLOTS - 1)];
  // A formula must not land in a plain-text ('@') cell, where Sheets would keep it as text.
  const formula = (row: number, column: number, f: string, format: string): void => {
    if (!f) return;
    set(row, column, f);
    numberFormats[row - 1]![column - 1] = format;
  };
  input.rows.forEach((r, i) => {
    const row = R.firstItem + i;
    [cols.number, cols.activity, cols.deadline, cols.status].forEach((c, k) => formula(row, k + 1, text(c, r.row), '0'));
    if (r.isSection) {
      fontWeights[row - 1]!.fill('bold');
      return;
    }
    formula(row, helperColumn, text(cols.state, r.row), '0');
    [...slotStarts, ...slotEnds].forEach((c, k) => formula(row, helperColumn + 1 + k, `=${ref(c, r.row)}`, 'yyyy-mm-dd'));
  });

  set(legendRow - 1, 2, 'Условные обозначения');
  fontWeights[legendRow - 2]![1] = 'bold';
  BAR_LEGEND.forEach((l, k) => {
    backgrounds[legendRow - 1 + k]![0] = l.background;
    set(legendRow + k, 2, l.label);
  });

  const labelsWidth = LABEL_COLUMNS.map((c, k) => ({ column: k + 1, count: 1, width: c.width }));
  return {
    scale, periods, values, numberFormats, backgrounds, fontWeights, height, width,
    frozenRows: R.firstItem - 1,
    frozenColumns: LABEL_COLUMNS.length,
    hiddenRows: { row: R.starts, count: R.ends - R.starts + 1 },
    hiddenColumns: { column: helperColumn, count: HELPER_COUNT },
    columnWidths: [...labelsWidth, { column: FIRST_PERIOD, count: n, width: periodWidth(n) }],
    rules: timelineRules(n, items, helperColumn),
    itemRows: { row: R.firstItem, count: Math.max(1, items) },
  };
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from + k);
}

function ruDate(d: ISODate): string {
  const { year, month, day } = parseISO(d);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}
