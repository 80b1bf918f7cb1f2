// Builders of order documents (ГОСТ Р 7.0.97-2025): the approval order with the roadmap as appendix
// № 1, and a draft order for one roadmap row whose result is an order.
import type { ISODate } from '../types';
import { basisText, planSubject, suggestBasis } from './basis';
import { executorSpacingPt } from './checklist';
import { formatOrderDate, numberSign, numericDate, type DateStyle } from './format';
import {
  GOST_FONT,
  GOST_PAGE,
  type FontSettings,
  type OrderBlock,
  type OrderDocument,
  type PageSetup,
  type ParagraphBlock,
  type ParagraphRole,
  type ParagraphStyle,
  type TableRow,
} from './model';
import { personGender, personInCase, signatureName } from './names';
import { organisationOf } from './organisation';
import { planName, type PlanName } from './plan-title';
import type { Requisites } from './requisites';
import {
  kindHeading,
  kindPoints,
  responsiblePerson,
  rowOrderHeading,
  suggestedKind,
  type Addressee,
  type ApprovingOrder,
  type OrderKind,
} from './row-order';

/** A roadmap row as the order needs it (RecognizedItem plus a status). */
export interface OrderRow {
  number: string;
  isSection: boolean;
  activity: string;
  deadline: string;
  responsible: string;
  result: string;
  /** 'done' rows are left out with appendixRows: 'not-done'. */
  status?: string;
  /** Texts of the roadmap's extra columns (OrderRoadmap.extraHeaders), for an appendix that includes them. */
  extras?: string[];
}

export interface OrderRoadmap {
  /** The roadmap's own title; the appendix shows it, or the default title when empty. */
  title: string;
  period: { start: ISODate; end: ISODate } | null;
  items: OrderRow[];
  /** Headers of the roadmap sheet's extra columns (kept from the pasted table); items carry their texts. */
  extraHeaders?: string[];
}

export interface Person {
  position: string;
  name: string;
}

export type AppendixRows = 'all' | 'not-done' | { sections: string[] };

/** What every order takes from the person issuing it. */
export interface OrderOptions {
  date: ISODate;
  number: string;
  dateStyle: DateStyle;
  /** 'row': date left and number right on one line; 'stacked': two lines. */
  dateNumberLayout?: 'row' | 'stacked';
  heading?: string;
  basis?: string;
  /** Replaces the default points entirely. */
  points?: string[];
  /** Who controls execution; "оставляю за собой" when absent. */
  control?: Person;
  /** Who signs; the head from the requisites when absent. */
  signatory?: Person;
  page?: PageSetup;
  font?: FontSettings;
}

export interface ApprovalOrderOptions extends OrderOptions {
  /** The appendix also shows the roadmap's extra columns (default: only the five usual ones). */
  appendixExtras?: boolean;
  /** Who is appointed responsible for the roadmap (the curator); a point appears when given. */
  curator?: Person;
  appendixRows: AppendixRows;
  /** The appendix on landscape pages (its own section). */
  landscapeAppendix?: boolean;
}

/** The basis of a mentorship (ЦМН) plan's order; other plans get theirs from suggestBasis(title). */
export const DEFAULT_BASIS = basisText(suggestBasis('целевая модель наставничества'));

export const TABLE_HEADER = ['№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственные', 'Результат'];
const TABLE_WIDTHS = [0.08, 0.37, 0.15, 0.2, 0.2];

const BODY: ParagraphStyle = { align: 'justify', indentFirstLineCm: 1.25, lineSpacing: 1 };
const para = (role: ParagraphRole, text: string, style: ParagraphStyle): ParagraphBlock => ({ kind: 'paragraph', role, text, style });

/** The plan's name in every case, from its own title (organisation and period added where missing). */
export function planNameOf(requisites: Requisites, roadmap: Pick<OrderRoadmap, 'title' | 'period'>): PlanName {
  return planName(requisites, roadmap);
}

/** The appendix title: the plan's own title in sentence case, with organisation and period where missing. */
export function defaultPlanTitle(requisites: Requisites, roadmap: OrderRoadmap): string {
  return planNameOf(requisites, roadmap).nominative;
}

/** "Об утверждении плана мероприятий (дорожной карты) по …": the heading for the plan's own title. */
export function defaultApprovalHeading(requisites: Requisites, roadmap: OrderRoadmap): string {
  return `Об утверждении ${planNameOf(requisites, roadmap).genitive}`;
}

export type Agreement = 'm' | 'f' | 'n' | 'pl';

/** Gender/number of the approved document's title, from its first word(s): План → m, Дорожная карта → f. */
export function documentAgreement(title: string): Agreement {
  const words = title.replace(/[«»"()]/g, ' ').trim().split(/\s+/).map((w) => w.toLowerCase());
  for (const w of words) {
    if (/(ый|ий|ой)$/.test(w)) return 'm';
    if (/(ая|яя)$/.test(w)) return 'f';
    if (/(ое|ее)$/.test(w)) return 'n';
    if (/(ые)$/.test(w) || /[гкхжшчщ]ие$/.test(w)) return 'pl';
    if (/(мероприятия|положения|изменения|правила|планы|программы|карты)$/.test(w)) return 'pl';
    if (/[ая]$/.test(w)) return 'f';
    if (/[оеё]$/.test(w)) return 'n';
    if (/[ыи]$/.test(w)) return 'pl';
    if (/ь$/.test(w)) return /(тель|арь)$/.test(w) ? 'm' : 'f';
    if (/[а-яё]$/.test(w)) return 'm';
  }
  return 'm';
}

/** УТВЕРЖДЕН / УТВЕРЖДЕНА / УТВЕРЖДЕНО / УТВЕРЖДЕНЫ agreeing with the approved document. */
export function approvedWord(title: string): string {
  return { m: 'УТВЕРЖДЕН', f: 'УТВЕРЖДЕНА', n: 'УТВЕРЖДЕНО', pl: 'УТВЕРЖДЕНЫ' }[documentAgreement(title)];
}

const sectionKey = (n: string) => n.trim().replace(/\.+$/, '');

/** The rows that go into the appendix; a section row stays only when some of its items stay. */
export function selectAppendixRows(items: OrderRow[], which: AppendixRows): OrderRow[] {
  const wanted = (row: OrderRow, section: OrderRow | null): boolean => {
    if (which === 'all') return true;
    if (which === 'not-done') return row.status !== 'done';
    const keys = new Set(which.sections.map(sectionKey));
    return section !== null && keys.has(sectionKey(section.number));
  };
  const out: OrderRow[] = [];
  let section: OrderRow | null = null;
  let sectionEmitted = false;
  for (const row of items) {
    if (row.isSection) {
      section = row;
      sectionEmitted = false;
      if (which === 'all') {
        out.push(row);
        sectionEmitted = true;
      }
      continue;
    }
    if (!wanted(row, section)) continue;
    if (section && !sectionEmitted) {
      out.push(section);
      sectionEmitted = true;
    }
    out.push(row);
  }
  return out;
}

/** Relative width of an extra column before the widths are scaled to sum 1. */
const EXTRA_WIDTH = 0.15;

/** The appendix table: the five usual columns, then the extra columns given (their texts from item.extras). */
function appendixTable(items: OrderRow[], extraHeaders: readonly string[]): { columnWidths: number[]; rows: TableRow[] } {
  const widths = [...TABLE_WIDTHS, ...extraHeaders.map(() => EXTRA_WIDTH)];
  const sum = widths.reduce((a, b) => a + b, 0);
  return {
    columnWidths: widths.map((w) => w / sum),
    rows: [
      { kind: 'header', cells: [...TABLE_HEADER, ...extraHeaders] },
      ...items.map((r): TableRow =>
        r.isSection
          ? { kind: 'section', number: r.number, text: r.activity }
          : { kind: 'item', cells: [r.number, r.activity, r.deadline, r.responsible, r.result, ...extraHeaders.map((_h, k) => r.extras?.[k] ?? '')] },
      ),
    ],
  };
}

const ensureStop = (s: string) => (/[.!?…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

function controlPoint(control: Person | undefined): string {
  return control
    ? ensureStop(`Контроль за исполнением настоящего приказа возложить на ${personInCase(control.position, control.name, 'accusative')}`)
    : 'Контроль за исполнением настоящего приказа оставляю за собой.';
}

/** The head of the order: organisation, ПРИКАЗ, date and number, place, heading, basis, ПРИКАЗЫВАЮ:. */
function orderHead(requisites: Requisites, o: { date: ISODate; number: string; dateStyle: DateStyle; layout: 'row' | 'stacked'; heading: string; basis: string }): OrderBlock[] {
  const dateText = formatOrderDate(o.date, o.dateStyle);
  const blocks: OrderBlock[] = [
    para('organisation', requisites.fullName.trim(), { align: 'center', bold: true, spaceAfterPt: 12 }),
    para('docType', 'ПРИКАЗ', { align: 'center', bold: true, spaceAfterPt: 12, fontSizePt: 16 }),
  ];
  if (o.layout === 'row') blocks.push({ kind: 'dateNumberRow', date: dateText, number: numberSign(o.number) });
  else blocks.push(para('dateNumber', `${dateText}\n${numberSign(o.number)}`, { align: 'left' }));
  if (requisites.place?.trim()) blocks.push(para('place', requisites.place.trim(), { align: 'center' }));
  blocks.push(
    para('heading', o.heading, { align: 'left', bold: true, spaceBeforePt: 12, spaceAfterPt: 12, indentFirstLineCm: 0 }),
    para('basis', o.basis, BODY),
    para('command', 'ПРИКАЗЫВАЮ:', { align: 'left', spaceBeforePt: 6, spaceAfterPt: 6 }),
  );
  return blocks;
}

/** Signature (the head, or who signs) and the executor note: the foot of every document the add-on issues. */
export function orderTail(requisites: Requisites, signatory: Person | undefined): OrderBlock[] {
  const who = signatory ?? { position: requisites.headPosition, name: requisites.headName };
  const blocks: OrderBlock[] = [{ kind: 'signature', position: who.position.trim(), name: signatureName(who.name) }];
  const executor = [requisites.executorName?.trim(), requisites.executorPhone?.trim()].filter((x): x is string => !!x);
  if (executor.length) blocks.push(para('executor', executor.join('\n'), { align: 'left', fontSizePt: 12, spaceBeforePt: 36 }));
  return blocks;
}

/** The executor note goes to the foot of the order's last page (ГОСТ): spacing before it fills the page. */
function placeExecutor(blocks: OrderBlock[], page: PageSetup, font: FontSettings): OrderBlock[] {
  const at = blocks.findIndex((b) => b.kind === 'paragraph' && b.role === 'executor');
  if (at < 0) return blocks;
  const executor = blocks[at] as ParagraphBlock;
  const space = executorSpacingPt(blocks.slice(0, at + 1), { page, font });
  if (space === null) return blocks;
  const out = [...blocks];
  out[at] = { ...executor, style: { ...executor.style, spaceBeforePt: space } };
  return out;
}

export function orderDocName(number: string, date: ISODate, heading: string, maxLength = 200): string {
  return clipDocName(`Приказ № ${number.trim()} от ${numericDate(date)} — ${heading.replace(/\s+/g, ' ').trim()}`, maxLength);
}

/** A Doc name cut at a word to `maxLength` characters, with «…». */
export function clipDocName(name: string, maxLength = 200): string {
  if (name.length <= maxLength) return name;
  const cut = name.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:(«-]+$/, '')}…`;
}

export function buildApprovalOrder(input: { requisites: Requisites; roadmap: OrderRoadmap; options: ApprovalOrderOptions }): OrderDocument {
  const { requisites, roadmap, options } = input;
  const plan = planNameOf(requisites, roadmap);
  const heading = options.heading?.trim() || `Об утверждении ${plan.genitive}`;
  const basis = ensureComma(options.basis?.trim() || basisText(suggestBasis(roadmap.title)));
  const points = options.points?.map(ensureStop) ?? [
    `Утвердить ${plan.accusative} (приложение № 1).`,
    ...(options.curator
      ? [`Назначить ${personInCase(options.curator.position, options.curator.name, 'accusative')} ${personGender(options.curator.name) === 'female' ? 'ответственной' : 'ответственным'} за реализацию ${plan.documentGenitive}.`]
      : []),
    'Ответственным исполнителям обеспечить выполнение мероприятий плана в установленные сроки.',
    controlPoint(options.control),
  ];
  const dateText = formatOrderDate(options.date, options.dateStyle);
  const no = numberSign(options.number);
  const title = plan.nominative;
  const font = options.font ?? GOST_FONT;
  const rows = selectAppendixRows(roadmap.items, options.appendixRows);
  const page = options.page ?? GOST_PAGE;
  const blocks: OrderBlock[] = [
    ...placeExecutor([
      ...orderHead(requisites, { date: options.date, number: options.number, dateStyle: options.dateStyle, layout: options.dateNumberLayout ?? 'row', heading, basis }),
      { kind: 'points', items: points, style: BODY },
      ...orderTail(requisites, options.signatory),
    ], page, font),
    options.landscapeAppendix ? { kind: 'sectionBreak', orientation: 'landscape' } : { kind: 'pageBreak' },
    para('appendixMark', `Приложение № 1\nк приказу ${organisationOf(requisites)}\nот ${dateText} ${no}`, { align: 'left', indentStartCm: 9 }),
    para('approvalStamp', `${approvedWord(title)}\nприказом ${organisationOf(requisites)}\nот ${dateText} ${no}`, { align: 'left', indentStartCm: 9, spaceBeforePt: 12 }),
    para('appendixTitle', title, { align: 'center', bold: true, spaceBeforePt: 12, spaceAfterPt: 12 }),
    { kind: 'table', ...appendixTable(rows, options.appendixExtras ? (roadmap.extraHeaders ?? []) : []), fontSizePt: font.tablePt, repeatHeaderRows: 1 },
  ];
  return {
    name: orderDocName(options.number, options.date, heading),
    page,
    font,
    blocks,
    meta: { date: options.date, dateText, number: options.number, heading, organisation: requisites.shortName.trim(), planTitle: roadmap.title },
  };
}

export interface RowOrderOptions extends OrderOptions {
  /** The plan the row belongs to (its title and period), for «пункт … плана …» and the basis. */
  plan?: Pick<OrderRoadmap, 'title' | 'period'>;
  /** The order that approved the plan, from «Журнал приказов». */
  approvedBy?: ApprovingOrder | null;
  /** Who carries the points out; from «Ответственные» when absent. */
  addressee?: Addressee;
  /** The kind of order; suggested from the row when absent. */
  kind?: OrderKind;
}

const ORDER_WORD = /(^|[^а-яё])приказ/i;

/** Does this row call for an order? Its result names one ("Приказ ОО", "Приказы о создании…") or its activity prepares one. */
export function isOrderRow(row: Pick<OrderRow, 'isSection' | 'activity' | 'result'>): boolean {
  if (row.isSection) return false;
  return ORDER_WORD.test(row.result) || /^(подготовка|издание)\s+приказ/i.test(row.activity.trim());
}

export { rowOrderHeading };

/** The basis of a row's order: the plan's own acts (the points cite the plan and its approving order). */
function rowBasis(title: string): string {
  return basisText(suggestBasis(title));
}

/** A draft order for one roadmap row whose result is an order ("Приказ о назначении куратора"). */
export function buildRowOrder(item: OrderRow, requisites: Requisites, options: RowOrderOptions): OrderDocument {
  const planInput = options.plan ?? { title: '', period: null };
  const plan = planNameOf(requisites, planInput);
  const isMentorship = planSubject(`${planInput.title} ${item.activity}`) === 'mentorship';
  const kind = options.kind ?? suggestedKind(item, isMentorship);
  const heading = options.heading?.trim() || kindHeading(kind, item) || `Об исполнении пункта ${sectionKey(item.number)} ${plan.documentGenitive}`;
  const basis = ensureComma(options.basis?.trim() || rowBasis(planInput.title));
  const addressee = options.addressee?.position.trim() || options.addressee?.name.trim() ? options.addressee : responsiblePerson(item.responsible) ?? undefined;
  // A deadline without a year ("Январь") takes it from the plan period, else from the order's calendar year.
  const year = options.date.slice(0, 4);
  const period = planInput.period ?? { start: `${year}-01-01`, end: `${year}-12-31` };
  const ctx = { planGenitive: plan.genitive, organisationOf: organisationOf(requisites), approvedBy: options.approvedBy ?? null, period, isMentorship };
  const points = options.points?.map(ensureStop) ?? [
    ...kindPoints(kind, item, heading, addressee ?? null, ctx).map(ensureStop),
    ...(!addressee && item.responsible.trim() ? [ensureStop(`Ответственные за исполнение: ${lowerFirstWord(item.responsible.trim().replace(/[.;,]+$/, ''))}`)] : []),
    controlPoint(options.control),
  ];
  const font = options.font ?? GOST_FONT;
  return {
    name: orderDocName(options.number, options.date, heading),
    page: options.page ?? GOST_PAGE,
    font,
    blocks: placeExecutor([
      ...orderHead(requisites, { date: options.date, number: options.number, dateStyle: options.dateStyle, layout: options.dateNumberLayout ?? 'row', heading, basis }),
      { kind: 'points', items: points, style: BODY },
      ...orderTail(requisites, options.signatory),
    ], options.page ?? GOST_PAGE, font),
    meta: { date: options.date, dateText: formatOrderDate(options.date, options.dateStyle), number: options.number, heading, organisation: requisites.shortName.trim(), planTitle: planInput.title },
  };
}

/** "Образовательные организации" → "образовательные организации"; "МКУ …", "ОО" stay. */
function lowerFirstWord(s: string): string {
  const first = /^[^\s,]+/.exec(s)?.[0] ?? '';
  return first.length > 1 && first === first.toUpperCase() ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

/** The basis runs into ПРИКАЗЫВАЮ:, so it ends with a comma. */
function ensureComma(s: string): string {
  return `${s.replace(/[\s.,;:]+$/, '')},`;
}
