// Builders of order documents (ГОСТ Р 7.0.97): the approval order with the roadmap as appendix
// № 1, and a draft order for one roadmap row whose result is an order.
import type { ISODate } from '../types';
import { formatOrderDate, numberSign, numericDate, periodText, type DateStyle } from './format';
import { orderHeadingFor } from './heading';
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
import { organisationIn, organisationOf } from './organisation';
import type { Requisites } from './requisites';

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
}

export const DEFAULT_BASIS =
  'В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», ' +
  'распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении ' +
  'методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную ' +
  'деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего ' +
  'профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися»';

export const TABLE_HEADER = ['№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственные', 'Результат'];
const TABLE_WIDTHS = [0.08, 0.37, 0.15, 0.2, 0.2];

const BODY: ParagraphStyle = { align: 'justify', indentFirstLineCm: 1.25, lineSpacing: 1 };
const para = (role: ParagraphRole, text: string, style: ParagraphStyle): ParagraphBlock => ({ kind: 'paragraph', role, text, style });

/** "плана мероприятий (дорожной карты) … в МБОУ … на 2022–2024 годы", in the genitive after "утверждении". */
function planPhrase(requisites: Requisites, roadmap: OrderRoadmap, genitive: boolean): string {
  const doc = genitive ? 'плана мероприятий (дорожной карты)' : 'план мероприятий (дорожную карту)';
  const period = roadmap.period ? ` ${periodText(roadmap.period.start, roadmap.period.end)}` : '';
  return `${doc} по внедрению целевой модели наставничества в ${organisationIn(requisites)}${period}`;
}

/** "План мероприятий (дорожная карта) по внедрению … на 2023 год": the appendix title when the sheet has none. */
export function defaultPlanTitle(requisites: Requisites, roadmap: OrderRoadmap): string {
  return `План мероприятий (дорожная карта)${planPhrase(requisites, roadmap, false).slice('план мероприятий (дорожную карту)'.length)}`;
}

export function defaultApprovalHeading(requisites: Requisites, roadmap: OrderRoadmap): string {
  return `Об утверждении ${planPhrase(requisites, roadmap, true)}`;
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

function orderTail(requisites: Requisites, signatory: Person | undefined): OrderBlock[] {
  const who = signatory ?? { position: requisites.headPosition, name: requisites.headName };
  const blocks: OrderBlock[] = [{ kind: 'signature', position: who.position.trim(), name: signatureName(who.name) }];
  const executor = [requisites.executorName?.trim(), requisites.executorPhone?.trim()].filter((x): x is string => !!x);
  if (executor.length) blocks.push(para('executor', executor.join('\n'), { align: 'left', fontSizePt: 12, spaceBeforePt: 36 }));
  return blocks;
}

export function orderDocName(number: string, date: ISODate, heading: string, maxLength = 200): string {
  const name = `Приказ № ${number.trim()} от ${numericDate(date)} — ${heading.replace(/\s+/g, ' ').trim()}`;
  if (name.length <= maxLength) return name;
  const cut = name.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:(«-]+$/, '')}…`;
}

export function buildApprovalOrder(input: { requisites: Requisites; roadmap: OrderRoadmap; options: ApprovalOrderOptions }): OrderDocument {
  const { requisites, roadmap, options } = input;
  const heading = options.heading?.trim() || defaultApprovalHeading(requisites, roadmap);
  const basis = ensureComma(options.basis?.trim() || DEFAULT_BASIS);
  const points = options.points?.map(ensureStop) ?? [
    `Утвердить ${planPhrase(requisites, roadmap, false)} (приложение № 1).`,
    ...(options.curator
      ? [`Назначить ${personInCase(options.curator.position, options.curator.name, 'accusative')} ${personGender(options.curator.name) === 'female' ? 'ответственной' : 'ответственным'} за реализацию плана мероприятий (дорожной карты).`]
      : []),
    'Ответственным исполнителям обеспечить выполнение мероприятий плана в установленные сроки.',
    controlPoint(options.control),
  ];
  const dateText = formatOrderDate(options.date, options.dateStyle);
  const no = numberSign(options.number);
  const title = roadmap.title.trim() || defaultPlanTitle(requisites, roadmap);
  const font = options.font ?? GOST_FONT;
  const rows = selectAppendixRows(roadmap.items, options.appendixRows);
  const blocks: OrderBlock[] = [
    ...orderHead(requisites, { date: options.date, number: options.number, dateStyle: options.dateStyle, layout: options.dateNumberLayout ?? 'row', heading, basis }),
    { kind: 'points', items: points, style: BODY },
    ...orderTail(requisites, options.signatory),
    { kind: 'pageBreak' },
    para('appendixMark', `Приложение № 1\nк приказу ${organisationOf(requisites)}\nот ${dateText} ${no}`, { align: 'left', indentStartCm: 9 }),
    para('approvalStamp', `${approvedWord(title)}\nприказом ${organisationOf(requisites)}\nот ${dateText} ${no}`, { align: 'left', indentStartCm: 9, spaceBeforePt: 12 }),
    para('appendixTitle', title, { align: 'center', bold: true, spaceBeforePt: 12, spaceAfterPt: 12 }),
    { kind: 'table', ...appendixTable(rows, options.appendixExtras ? (roadmap.extraHeaders ?? []) : []), fontSizePt: font.tablePt },
  ];
  return {
    name: orderDocName(options.number, options.date, heading),
    page: options.page ?? GOST_PAGE,
    font,
    blocks,
    meta: { date: options.date, dateText, number: options.number, heading, organisation: requisites.shortName.trim() },
  };
}

export type RowOrderOptions = OrderOptions;

const ORDER_WORD = /(^|[^а-яё])приказ/i;

/** Does this row call for an order? Its result names one ("Приказ ОО", "Приказы о создании…") or its activity prepares one. */
export function isOrderRow(row: Pick<OrderRow, 'isSection' | 'activity' | 'result'>): boolean {
  if (row.isSection) return false;
  return ORDER_WORD.test(row.result) || /^(подготовка|издание)\s+приказ/i.test(row.activity.trim());
}

/**
 * The heading of a row's order: the result's own wording when it reads "Приказ о …" (the author
 * already named the order), otherwise derived from the activity.
 */
export function rowOrderHeading(row: Pick<OrderRow, 'activity' | 'result'>): string {
  const named = /^\s*приказы?\s+(?:об?|обо)\s/i.test(row.result) ? orderHeadingFor(row.result.replace(/,\s*(?:об?|обо)\s.*$/i, '')) : '';
  return named || orderHeadingFor(row.activity);
}

/** A draft order for one roadmap row whose result is an order ("Приказ о назначении куратора"). */
export function buildRowOrder(item: OrderRow, requisites: Requisites, options: RowOrderOptions): OrderDocument {
  const heading = options.heading?.trim() || rowOrderHeading(item) || `Об исполнении пункта ${sectionKey(item.number)} плана мероприятий`;
  const basis = ensureComma(options.basis?.trim() || `${DEFAULT_BASIS}, во исполнение плана мероприятий (дорожной карты) по внедрению целевой модели наставничества`);
  const deadline = item.deadline.trim();
  const responsible = item.responsible.trim();
  const points = options.points?.map(ensureStop) ?? [
    ensureStop(`Обеспечить выполнение мероприятия «${item.activity.replace(/\s*\(далее[^)]*\)/gi, '').replace(/\s+/g, ' ').trim().replace(/[.;,:]+$/, '')}» (пункт ${sectionKey(item.number)} плана мероприятий)${deadline ? `, срок — ${deadline.replace(/[.;,]+$/, '')}` : ''}`),
    ...(responsible ? [ensureStop(`Ответственные за исполнение: ${lowerFirstWord(responsible.replace(/[.;,]+$/, ''))}`)] : []),
    controlPoint(options.control),
  ];
  const font = options.font ?? GOST_FONT;
  return {
    name: orderDocName(options.number, options.date, heading),
    page: options.page ?? GOST_PAGE,
    font,
    blocks: [
      ...orderHead(requisites, { date: options.date, number: options.number, dateStyle: options.dateStyle, layout: options.dateNumberLayout ?? 'row', heading, basis }),
      { kind: 'points', items: points, style: BODY },
      ...orderTail(requisites, options.signatory),
    ],
    meta: { date: options.date, dateText: formatOrderDate(options.date, options.dateStyle), number: options.number, heading, organisation: requisites.shortName.trim() },
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
