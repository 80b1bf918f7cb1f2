// Orders for one roadmap row: the heading is the order the row names («Приказ о назначении
// куратора» → «О назначении куратора …», «Подготовка приказа «О внедрении …»» → «О внедрении …»),
// points name an addressee in the right case, a deadline with its year («до 1 февраля 2026 г.»)
// and the order that approved the plan when the journal has it. Kinds of orders a roadmap calls
// for (назначение, рабочая группа, наставнические пары, положение, мониторинг, поощрение) come
// with their typical points.
import { parseDeadline } from '../deadline/parse';
import type { ISODate } from '../types';
import { formatOrderDate, numberSign } from './format';
import { orderHeadingFor } from './heading';
import { nameInCase, parsePersonName, personGender, positionInCase } from './names';
import { quote } from './quotes';

export interface RowItem {
  number: string;
  activity: string;
  deadline: string;
  responsible: string;
  result: string;
}

export interface Addressee {
  position: string;
  name: string;
}

/** The approval order of the plan, as the journal has it. */
export interface ApprovingOrder {
  date: ISODate;
  number: string;
}

export const ORDER_KINDS = ['named', 'appoint', 'workingGroup', 'pairs', 'regulation', 'monitoring', 'reward'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_KIND_LABELS: Record<OrderKind, string> = {
  named: 'Как назван в строке',
  appoint: 'О назначении ответственного',
  workingGroup: 'О создании рабочей группы',
  pairs: 'О формировании наставнических пар (групп)',
  regulation: 'Об утверждении положения',
  monitoring: 'О проведении мониторинга',
  reward: 'О поощрении',
};

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const noStop = (s: string) => squash(s).replace(/[.;,:]+$/, '');

/** The quoted order title in a text: «Подготовка Приказа по Управлению образования «О внедрении …»» → «О внедрении …». */
function quotedOrderTitle(text: string): string {
  const start = text.search(/«\s*О(?:б|бо)?\s/);
  if (start < 0) return '';
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '«') depth++;
    else if (text[i] === '»' && --depth === 0) return squash(text.slice(start + 1, i));
  }
  // Unbalanced (the author left a quote open): drop only the closing marks that have no opening.
  let rest = squash(text.slice(start + 1));
  const count = (ch: string) => rest.split(ch).length - 1;
  while (rest.endsWith('»') && count('»') > count('«')) rest = rest.slice(0, -1);
  return rest;
}

/** "Приказ о назначении …", "Приказ ОО о создании …", "Приказы о …" → "О назначении …"; '' when the result names no order. */
function namedOrder(result: string): string {
  const m = /^\s*(?:проект\s+)?приказ[а-яё]*(?:\s+[А-ЯЁ]{2,}[А-ЯЁа-яё]*)?(?:\s+(?:по|директора|руководителя|начальника)\s+[^«]*?)?\s+((?:об?|обо)\s.+)$/i.exec(squash(result));
  if (!m) return '';
  // Several orders listed ("о назначении …, о создании …"): the first one.
  return orderHeadingFor(m[1]!.replace(/[,;]\s*(?:об?|обо)\s.*$/i, ''));
}

/** Capital «О», no trailing punctuation (quotes inside a heading stay «…»: the heading itself is not quoted). */
function asHeading(text: string): string {
  return squash(text).replace(/[.;,:]+$/, '').replace(/^об?(?=\s)/i, (m) => m.charAt(0).toUpperCase() + m.slice(1));
}

/**
 * The heading of a row's order. Priority: a quoted title in the activity or result («Подготовка
 * приказа «О …»»), the order the result names (made more specific by the activity when the
 * activity continues it), the activity itself.
 */
export function rowOrderHeading(row: { activity: string; result: string }): string {
  const quoted = quotedOrderTitle(row.result) || quotedOrderTitle(row.activity);
  if (quoted) return asHeading(quoted);
  const fromActivity = /^(?:подготовка|издание|разработка)\s+(?:проекта\s+)?приказ/i.test(squash(row.activity)) ? '' : orderHeadingFor(row.activity);
  const named = namedOrder(row.result);
  if (named) {
    const key = named.toLowerCase().replace(/[«»"]/g, '');
    // The activity continues the named order ("О назначении куратора" → "… куратора внедрения ЦМН"), unless it lists several.
    const continues = fromActivity && !fromActivity.includes(',') && fromActivity.toLowerCase().replace(/[«»"]/g, '').startsWith(key);
    return asHeading(continues ? fromActivity : named);
  }
  return fromActivity ? asHeading(fromActivity) : '';
}

/** The row's «Ответственные» as a person: "Заместитель директора по УВР Иванова М.П." → position and name. */
export function responsiblePerson(responsible: string): Addressee | null {
  const first = squash(responsible.split(/[;\n]/)[0] ?? '');
  if (!first || /,/.test(first)) return null;
  const words = first.split(' ');
  for (const take of [3, 2]) {
    if (words.length < take) continue;
    const name = words.slice(-take).join(' ');
    const parsed = parsePersonName(name);
    if (parsed && (parsed.initials || take === 3)) return { position: words.slice(0, -take).join(' '), name };
  }
  // "Иванова М.П." alone, or one person's position: "Куратор", "Муниципальный куратор", "Заместитель директора по УВР".
  if (parsePersonName(first)) return { position: '', name: first };
  const PERSON = /^(?:куратор|директор|заместитель|заведующ(?:ий|ая)|начальник|руководитель|специалист|методист|педагог(?:-[а-яё]+)?|учитель|советник|координатор|председатель|секретарь)$/i;
  const head = words.findIndex((w) => PERSON.test(w));
  if (head >= 0 && words.slice(0, head).every((w) => /(?:ый|ий|ой|ая)$/i.test(w))) return { position: first, name: '' };
  return null;
}

/** "заместителю директора Ивановой М.П." (dative) or accusative; positions keep abbreviations. */
export function addresseeIn(a: Addressee, c: 'dative' | 'accusative'): string {
  const position = a.position ? positionInCase(a.position, c) : '';
  const name = a.name ? nameInCase(a.name, c) : '';
  return [position, name].filter(Boolean).join(' ');
}

/** A name the declension library cannot decline (no gender known): the person checks the text. */
export function undeclinableName(a: Addressee | null): string | null {
  if (!a?.name) return null;
  if (!parsePersonName(a.name)) return `ФИО «${a.name}» не распознано: укажите «Фамилия И.О.» или «Фамилия Имя Отчество» в поле «Кому (ФИО)».`;
  if (personGender(a.name) === null) {
    return `Не удалось определить, как склонять «${a.name}» (по инициалам не видно, мужская это фамилия или женская): проверьте пункты приказа или укажите имя и отчество полностью в поле «Кому (ФИО)».`;
  }
  return null;
}

/** "до 1 февраля 2026 г." from the row's deadline, or the text as typed with «срок: …». */
export function deadlineWords(deadline: string, plan: { start: ISODate; end: ISODate } | null): string {
  const text = noStop(deadline);
  if (!text) return '';
  const parsed = parseDeadline(text, { planStart: plan?.start ?? '', planEnd: plan?.end ?? '' });
  const last = parsed.periods[parsed.periods.length - 1];
  if ((parsed.kind === 'date' || parsed.kind === 'by' || parsed.kind === 'period') && last) return `в срок до ${formatOrderDate(last.end, 'long')}`;
  if (parsed.kind === 'throughout') return 'в течение срока реализации плана';
  return `в срок: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

export interface RowOrderContext {
  /** The plan in the genitive: "плана мероприятий (дорожной карты) по …". */
  planGenitive: string;
  /** "МКУ «Управление образования» …" in the genitive, for «утверждённого приказом …». */
  organisationOf: string;
  approvedBy?: ApprovingOrder | null;
  period: { start: ISODate; end: ISODate } | null;
  isMentorship: boolean;
}

const sectionKey = (n: string) => n.trim().replace(/\.+$/, '');

/** "(пункт 1.2 плана мероприятий …, утверждённого приказом … от … № …)". */
function planReference(item: RowItem, ctx: RowOrderContext): string {
  const approved = ctx.approvedBy
    ? `, утверждённого приказом ${ctx.organisationOf} от ${formatOrderDate(ctx.approvedBy.date, 'long')} ${numberSign(ctx.approvedBy.number)}`
    : '';
  return `пункт ${sectionKey(item.number)} ${ctx.planGenitive}${approved}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const withDeadline = (text: string, deadline: string) => (deadline ? `${text} ${deadline}` : text);
const responsibleWord = (a: Addressee | null) => (a?.name && personGender(a.name) === 'female' ? 'ответственной' : 'ответственным');

/** Role nouns after «О назначении» in the genitive and the instrumental the point needs («назначить … куратором»). */
const ROLES: [RegExp, string][] = [
  [/^куратора(?![а-яё])/i, 'куратором'],
  [/^координатора(?![а-яё])/i, 'координатором'],
  [/^руководителя(?![а-яё])/i, 'руководителем'],
  [/^наставника(?![а-яё])/i, 'наставником'],
];

/**
 * What the person is appointed as, from the heading: «О назначении ответственных за подготовку к ГИА-9»
 * → «ответственной за подготовку к ГИА-9»; «О назначении куратора внедрения ЦМН» → «куратором внедрения ЦМН»;
 * otherwise responsible for the row's activity.
 */
function appointedAs(heading: string, addressee: Addressee | null): string {
  const rest = /^О назначении\s+(.+)$/i.exec(heading)?.[1] ?? '';
  const forWhat = /^ответственн[а-яё]*(?:\s+лиц[а]?)?(?:\s+\([^)]*\))?\s+(за\s.+)$/i.exec(rest)?.[1];
  if (forWhat) return `${responsibleWord(addressee)} ${forWhat}`;
  for (const [re, role] of ROLES) if (re.test(rest)) return rest.replace(re, role);
  return `${responsibleWord(addressee)} за выполнение мероприятия «${rest || 'плана'}»`;
}

/** The activity as a quoted name: «Создание рабочей группы …». */
const activityQuoted = (item: RowItem) => quote(noStop(item.activity.replace(/\s*\(далее[^)]*\)/gi, '')));

/**
 * The typical points of a kind of order (without the control point, which the builder adds). The
 * first point cites the plan's item and the order that approved the plan.
 */
export function kindPoints(kind: OrderKind, item: RowItem, heading: string, addressee: Addressee | null, ctx: RowOrderContext): string[] {
  const points = typicalPoints(kind, item, heading, addressee, ctx);
  const reference = planReference(item, ctx);
  if (points[0] && !points.some((p) => p.includes(reference))) points[0] = `${points[0].replace(/[.;]+$/, '')} (${reference})`;
  return points;
}

function typicalPoints(kind: OrderKind, item: RowItem, heading: string, addressee: Addressee | null, ctx: RowOrderContext): string[] {
  const deadline = deadlineWords(item.deadline, ctx.period);
  const who = addressee ? addresseeIn(addressee, 'dative') : '';
  const whom = addressee ? addresseeIn(addressee, 'accusative') : '';
  const ensure = (what: string) => withDeadline(who ? `${capital(who)} ${what}` : capital(what), deadline);
  const subject = heading.replace(/^О(?:б|бо)?\s+\S+\s*/i, '').trim();
  const execute = ensure(`обеспечить выполнение мероприятия ${activityQuoted(item)} (${planReference(item, ctx)})`);
  switch (kind) {
    case 'named':
      return [execute];
    case 'appoint': {
      if (!whom) return [execute];
      return [`Назначить ${whom} ${appointedAs(heading, addressee)} (${planReference(item, ctx)})`, ensure('обеспечить выполнение мероприятия')];
    }
    case 'workingGroup':
      return [
        `Создать рабочую группу ${/^рабочей группы\s+/i.test(subject) ? subject.replace(/^рабочей группы\s+/i, '') : `по выполнению мероприятия ${activityQuoted(item)}`} в составе согласно приложению № 1`,
        ...(whom ? [`Назначить руководителем рабочей группы ${whom}`] : []),
        withDeadline(`Рабочей группе обеспечить выполнение мероприятия ${activityQuoted(item)} (${planReference(item, ctx)})`, deadline),
      ];
    case 'pairs':
      return [
        'Утвердить состав наставнических пар (групп) согласно приложению № 1',
        ensure('обеспечить сопровождение работы наставнических пар (групп) и ведение документации'),
      ];
    case 'regulation': {
      const title = /положени/i.test(subject) ? subject.replace(/^положения/i, 'Положение') : `Положение о ${noStop(item.activity).toLowerCase()}`;
      return [`Утвердить ${title} (приложение № 1)`, ensure('ознакомить работников с Положением под подпись')];
    }
    case 'monitoring':
      return [
        withDeadline(`Провести ${/^мониторинга/i.test(subject) ? subject.replace(/^мониторинга/i, 'мониторинг') : `мониторинг выполнения мероприятия ${activityQuoted(item)}`}`, deadline),
        ensure('подготовить аналитическую справку по итогам мониторинга'),
      ];
    case 'reward':
      return [
        `Объявить благодарность работникам согласно приложению № 1 за активное участие в выполнении мероприятия ${activityQuoted(item)} (${planReference(item, ctx)})`,
        ensure('довести настоящий приказ до сведения работников'),
      ];
  }
}

/** The heading of a kind of order when the row does not name one. */
export function kindHeading(kind: OrderKind, item: RowItem): string {
  const named = rowOrderHeading(item);
  const starts = (re: RegExp) => (re.test(named) ? named : '');
  const activity = quote(noStop(item.activity));
  switch (kind) {
    case 'named':
      return named;
    case 'appoint':
      return starts(/^О назначении/i) || `О назначении ответственного за выполнение мероприятия ${activity}`;
    case 'workingGroup':
      return starts(/^О создании рабочей группы/i) || `О создании рабочей группы по выполнению мероприятия ${activity}`;
    case 'pairs':
      return starts(/наставническ[а-яё]+ пар/i) || 'О формировании наставнических пар (групп)';
    case 'regulation':
      return starts(/^Об утверждении положени/i) || `Об утверждении положения о ${noStop(item.activity).charAt(0).toLowerCase()}${noStop(item.activity).slice(1)}`;
    case 'monitoring':
      return starts(/^О проведении мониторинга/i) || `О проведении мониторинга выполнения мероприятия ${activity}`;
    case 'reward':
      return starts(/^О поощрении/i) || 'О поощрении работников';
  }
}

/** The kind that fits a row, from the order it names; 'named' when nothing more specific fits. */
export function suggestedKind(item: RowItem, isMentorship: boolean): OrderKind {
  const text = `${rowOrderHeading(item)} ${item.result}`.toLowerCase();
  if (/назначени/.test(text)) return 'appoint';
  if (/рабоч[а-яё]* групп/.test(text)) return 'workingGroup';
  if (isMentorship && /наставническ[а-яё]* пар|закреплени[а-яё]* наставник/.test(text)) return 'pairs';
  if (/утверждени[а-яё]* положени|положени[ея] о/.test(text)) return 'regulation';
  if (/мониторинг/.test(text)) return 'monitoring';
  if (/поощрени|благодарност/.test(text)) return 'reward';
  return 'named';
}

/** Kinds offered for a plan: mentorship pairs only for a mentorship plan. */
export function offeredKinds(isMentorship: boolean): OrderKind[] {
  return ORDER_KINDS.filter((k) => k !== 'pairs' || isMentorship);
}
