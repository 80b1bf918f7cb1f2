// «Информация о ходе реализации …»: the progress report as the organisation's official document,
// in the order builder's document model (core/order/model.ts), so the same DocumentApp renderer
// lays it out: requisites of the organisation, the date (a report carries no number), the heading
// with the plan's own subject in the genitive («… плана мероприятий (дорожной карты) по …»), the
// totals, the items of the period with sections kept, the overdue items with their responsible,
// the signature block and the executor note (ГОСТ Р 7.0.97-2025).
import type { ISODate, Period } from '../types';
import { clipDocName, orderTail, type Person } from '../order/build';
import { formatOrderDate, numericDate, type DateStyle } from '../order/format';
import { GOST_FONT, GOST_PAGE, type FontSettings, type OrderBlock, type OrderDocument, type ParagraphBlock, type ParagraphStyle, type TableBlock, type TableRow } from '../order/model';
import { planName } from '../order/plan-title';
import type { Requisites } from '../order/requisites';
import { formatDayRu } from '../roadmap/day';
import { pluralRu } from '../roadmap/summary';
import type { SchoolSummary } from '../district/summary';
import { describeChange, type HistoryRecord } from '../roadmap/history';
import type { ReportPeriod } from './period';
import type { ProgressBar } from './progress-chart';
import { addSummaries as addUp, percentText, type ReportItem, type ReportLine, type RoadmapReport } from './select';

/** A school's part of a district's report: its figures for the period, or why it could not be read. */
export interface SchoolPart {
  name: string;
  sheetName: string;
  report: RoadmapReport | null;
  /** Why the sheet could not be counted («лист не найден», «не дорожная карта»). */
  problem?: string;
  /** The sheet's latest recorded change (with `lastChanges`; absent: none recorded). */
  lastChange?: HistoryRecord;
}

export interface ReportInput {
  requisites: Requisites;
  /** The plan's own title and period (the roadmap's, or the district's). */
  plan: { title: string; period: Period | null };
  period: ReportPeriod;
  /** The day the report is made and dated (figures are as of this day). */
  date: ISODate;
  dateStyle: DateStyle;
  signatory?: Person;
  font?: FontSettings;
  /** The roadmap's report: a school's own, or the district's own items. */
  own: RoadmapReport | null;
  /** District: one row per school; with `schoolItems`, each school's items too. */
  schools?: SchoolPart[];
  schoolItems?: boolean;
  /** District: a table of each organisation's last recorded change after the figures; `own` is the district sheet's. */
  lastChanges?: { own?: HistoryRecord } | null;
}

export interface ReportDocument extends OrderDocument {
  /** Index in `blocks` of the totals table: the chart image goes right after it. */
  chartAfter: number;
  /** The bars of the chart: per section of a roadmap, per school of a district. */
  bars: ProgressBar[];
  /** The figures the Doc prints, for the sidebar's preview. */
  figures: {
    periodWords: string;
    period: SchoolSummary;
    plan: SchoolSummary | null;
    /** District: the district's own items first, then each school (null: its sheet could not be read). */
    schools: { name: string; summary: SchoolSummary | null; /** With `lastChanges`: «Свод»'s wording, '' when none. */ lastChange?: string }[];
    overdue: number;
    /** Items left out of the period for want of a date. */
    undated: number;
  };
}

export const REPORT_TITLE_START = 'Информация о ходе реализации';
export const TOTALS_HEADER = ['Показатель', 'За отчётный период', 'По плану в целом'];
export const ITEMS_HEADER = ['№ п/п', 'Наименование мероприятия', 'Срок', 'Статус', 'Дата выполнения', 'Отметка о выполнении'];
/** The «Свод» figures of each organisation for the period (cancelled items count in the % only, as in «Свод»). */
export const SCHOOLS_HEADER = ['Организация', 'Всего мероприятий', 'Выполнено', 'В работе', 'Просрочено', '% выполнения'];
const ITEMS_WIDTHS = [0.07, 0.33, 0.14, 0.14, 0.12, 0.2];
const SCHOOLS_WIDTHS = [0.3, 0.14, 0.14, 0.14, 0.14, 0.14];
/** Six figure columns leave no room for a change's text: it gets a table of its own, in the same order. */
/** The header «Свод» gives the same text. */
export const CHANGES_HEADER = ['Организация', 'Последнее изменение'];
const CHANGES_WIDTHS = [0.3, 0.7];
/** A school with no recorded change (none made since the history began). */
export const NO_CHANGE = '—';

const BODY: ParagraphStyle = { align: 'justify', indentFirstLineCm: 1.25, lineSpacing: 1 };
const SUBHEADING: ParagraphStyle = { align: 'left', bold: true, spaceBeforePt: 12, spaceAfterPt: 6 };
const para = (role: ParagraphBlock['role'], text: string, style: ParagraphStyle): ParagraphBlock => ({ kind: 'paragraph', role, text, style });

const dayText = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDayRu(iso) : iso);

function table(header: string[], widths: number[], rows: TableRow[], font: FontSettings): TableBlock {
  return { kind: 'table', columnWidths: widths, rows: [{ kind: 'header', cells: header }, ...rows], fontSizePt: font.tablePt, repeatHeaderRows: 1 };
}

function itemsTable(lines: readonly ReportLine[], font: FontSettings): TableBlock {
  return table(ITEMS_HEADER, ITEMS_WIDTHS, lines.map((l): TableRow =>
    l.kind === 'section'
      ? { kind: 'section', number: l.number, text: l.text }
      : { kind: 'item', cells: [l.number, l.activity, l.deadline, l.statusText, dayText(l.doneDate), l.mark] },
  ), font);
}

function totalsRows(period: SchoolSummary, plan: SchoolSummary | null): TableRow[] {
  const row = (label: string, f: (s: SchoolSummary) => string): TableRow => ({ kind: 'item', cells: [label, f(period), plan ? f(plan) : ''] });
  return [
    row('Мероприятий', (s) => String(s.items)),
    row('Выполнено', (s) => String(s.done)),
    row('В работе', (s) => String(s.inProgress)),
    row('Просрочено', (s) => String(s.overdue)),
    row('Отменено', (s) => String(s.cancelled)),
    row('Выполнено, % (без учёта отменённых)', (s) => percentText(s.share)),
  ];
}

const schoolRow = (name: string, s: SchoolSummary): TableRow => ({
  kind: 'item', cells: [name, String(s.items), String(s.done), String(s.inProgress), String(s.overdue), percentText(s.share)],
});

/** «Из 12 мероприятий отчётного периода выполнено 5 (45 %), в работе 3, просрочено 2, отменено 1.» */
export function totalsSentence(s: SchoolSummary): string {
  if (s.items === 0) return 'На отчётный период мероприятий плана не приходится.';
  const n = `${s.items} ${pluralRu(s.items, ['мероприятия', 'мероприятий', 'мероприятий'])}`;
  const share = s.share === null ? '' : ` (${percentText(s.share)})`;
  return `Из ${n} отчётного периода выполнено ${s.done}${share}, в работе ${s.inProgress}, просрочено ${s.overdue}, отменено ${s.cancelled}.`;
}

function overdueTable(rows: { org?: string; item: ReportItem }[], withOrg: boolean, font: FontSettings): TableBlock {
  const header = withOrg ? ['Организация', '№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственные'] : ['№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственные'];
  const widths = withOrg ? [0.2, 0.07, 0.35, 0.16, 0.22] : [0.08, 0.44, 0.18, 0.3];
  return table(header, widths, rows.map(({ org, item }): TableRow => ({
    kind: 'item', cells: [...(withOrg ? [org ?? ''] : []), item.number, item.activity, item.deadline, item.responsible],
  })), font);
}

/** The title: «Информация о ходе реализации плана мероприятий (дорожной карты) по … за I квартал 2024 года». */
export function reportHeading(requisites: Pick<Requisites, 'shortName' | 'shortNameIn'>, plan: ReportInput['plan'], period: ReportPeriod): string {
  return `${REPORT_TITLE_START} ${planName(requisites, plan).genitive} ${period.words}`.replace(/\s+/g, ' ').trim();
}

/** «Отчёт за I квартал 2024 г. от 10.04.2024 — Информация о ходе реализации …»: period and date first, so a cut name still tells reports apart. */
export function reportDocName(heading: string, period: Pick<ReportPeriod, 'label'>, date: ISODate): string {
  return clipDocName(`Отчёт за ${period.label} от ${numericDate(date)} — ${heading}`);
}

export function buildReportDocument(input: ReportInput): ReportDocument {
  const font = input.font ?? GOST_FONT;
  const heading = reportHeading(input.requisites, input.plan, input.period);
  const dateText = formatOrderDate(input.date, input.dateStyle);
  const schools = input.schools ?? null;
  const parts = schools?.filter((s) => s.report) ?? [];
  const periodTotals = schools ? addUp([...(input.own ? [input.own.period] : []), ...parts.map((s) => s.report!.period)]) : input.own?.period ?? addUp([]);
  const planTotals = schools ? addUp([...(input.own ? [input.own.plan] : []), ...parts.map((s) => s.report!.plan)]) : input.own?.plan ?? null;

  const changes = schools ? input.lastChanges : null;
  // «Свод»'s wording ('' when nothing was recorded), only when asked for.
  const change = (r: HistoryRecord | undefined) => (changes ? { lastChange: r ? describeChange(r) : '' } : {});
  const schoolFigures = schools
    ? [
        ...(input.own ? [{ name: `${input.requisites.shortName.trim()} (мероприятия района)`, summary: input.own.period, ...change(changes?.own) }] : []),
        ...schools.map((s) => ({ name: s.report ? s.name : `${s.name} (${s.problem ?? 'нет данных'})`, summary: s.report?.period ?? null, ...change(s.lastChange) })),
      ]
    : [];
  const blocks: OrderBlock[] = [
    para('organisation', input.requisites.fullName.trim(), { align: 'center', bold: true, spaceAfterPt: 12 }),
    para('dateNumber', dateText, { align: 'left' }),
  ];
  if (input.requisites.place?.trim()) blocks.push(para('place', input.requisites.place.trim(), { align: 'center' }));
  blocks.push(
    para('heading', heading, { align: 'center', bold: true, spaceBeforePt: 12, spaceAfterPt: 12 }),
    para('text', `Отчётный период: с ${formatDayRu(input.period.start)} по ${formatDayRu(input.period.end)}. Сведения приведены по состоянию на ${dateText}${schools ? `; организаций в своде: ${schools.length}.` : /\.$/.test(dateText) ? '' : '.'}`, BODY),
    para('text', totalsSentence(periodTotals), BODY),
  );
  const undated = (input.own?.undated ?? 0) + parts.reduce((n, s) => n + s.report!.undated, 0);
  if (undated) {
    blocks.push(para('text', `Мероприятия без определённого срока (${undated}: срок не указан, установлен внешним документом или не распознан) в перечень за период не включены, кроме выполненных в нём; в итогах по плану в целом они учтены.`, BODY));
  }
  let n = 0;
  const sub = (text: string) => blocks.push(para('text', `${++n}. ${text}`, SUBHEADING));
  sub('Итоги выполнения');
  blocks.push(table(TOTALS_HEADER.map((h, i) => (i === 2 ? `${h} на ${numericDate(input.date)}` : h)), [0.5, 0.25, 0.25], totalsRows(periodTotals, planTotals), font));
  const chartAfter = blocks.length - 1;

  if (schools) {
    sub('Выполнение по организациям');
    const rows: TableRow[] = [];
    for (const s of schoolFigures) rows.push(s.summary ? schoolRow(s.name, s.summary) : { kind: 'item', cells: [s.name, '', '', '', '', ''] });
    rows.push(schoolRow('Итого', periodTotals));
    // Six columns of figures: a point smaller than the other tables (ГОСТ allows smaller type in tables).
    blocks.push({ ...table(SCHOOLS_HEADER, SCHOOLS_WIDTHS, rows, font), fontSizePt: Math.max(10, font.tablePt - 1) });
    if (changes) {
      blocks.push(para('text', `Последние изменения статуса, даты выполнения и срока мероприятий в планах организаций — по листу «История изменений» на ${numericDate(input.date)} («${NO_CHANGE}» — изменений не записано):`, BODY));
      blocks.push(table(CHANGES_HEADER, CHANGES_WIDTHS, schoolFigures.map((s): TableRow => ({ kind: 'item', cells: [s.name, s.lastChange || NO_CHANGE] })), font));
    }
  }
  if (input.own) {
    sub(schools ? 'Выполнение мероприятий района' : 'Выполнение мероприятий');
    blocks.push(input.own.lines.length ? itemsTable(input.own.lines, font) : para('text', 'На отчётный период мероприятий не приходится.', BODY));
  }
  if (schools && input.schoolItems) {
    sub('Выполнение мероприятий организациями');
    parts.forEach((s, k) => {
      blocks.push(para('text', `${n}.${k + 1}. ${s.name}`, { ...SUBHEADING, bold: false }));
      blocks.push(s.report!.lines.length ? itemsTable(s.report!.lines, font) : para('text', 'На отчётный период мероприятий не приходится.', BODY));
    });
  }
  const overdue = [
    ...(input.own?.overdue ?? []).map((item) => ({ org: schools ? input.requisites.shortName.trim() : undefined, item })),
    ...parts.flatMap((s) => s.report!.overdue.map((item) => ({ org: s.name, item }))),
  ];
  sub(`Просроченные мероприятия (на ${numericDate(input.date)})`);
  blocks.push(overdue.length ? overdueTable(overdue, !!schools, font) : para('text', 'Просроченных мероприятий нет.', BODY));
  blocks.push(...orderTail(input.requisites, input.signatory));

  const bars = schools
    ? [...(input.own ? [{ ...barOf(input.own), label: 'Мероприятия района' }] : []), ...parts.map((s) => ({ ...barOf(s.report!), label: s.name }))]
    : input.own?.bars ?? [];
  return {
    name: reportDocName(heading, input.period, input.date),
    page: GOST_PAGE,
    font,
    blocks,
    chartAfter,
    bars,
    figures: { periodWords: input.period.words, period: periodTotals, plan: planTotals, schools: schoolFigures, overdue: overdue.length, undated },
    meta: { date: input.date, dateText, number: '', heading, organisation: input.requisites.shortName.trim(), planTitle: input.plan.title },
  };
}

/** A whole roadmap's period as one bar (a school in the district's chart). */
function barOf(r: RoadmapReport): ProgressBar {
  const bar: ProgressBar = { label: '', done: 0, inProgress: 0, overdue: 0, cancelled: 0, planned: 0 };
  for (const b of r.bars) {
    bar.done += b.done;
    bar.inProgress += b.inProgress;
    bar.overdue += b.overdue;
    bar.cancelled += b.cancelled;
    bar.planned += b.planned;
  }
  return bar;
}
