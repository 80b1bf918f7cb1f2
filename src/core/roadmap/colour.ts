// Deadline colours that stay right every day: machine-readable helper values per row, and the few
// conditional-format rules (custom formulas with TODAY()) that turn them into colours.
//
// A row's helper values are written by «Обновить сроки и цвета» and by onEdit; the rules compare
// them with TODAY(), so nothing needs re-running as days pass. A recurring deadline («Май
// 2022,2023,2024г») keeps up to OCCURRENCE_SLOTS occurrences: slot 1 is the layout's own
// helperStart/helperEnd (the period relevant on the day of writing), slots 2… are our extra
// columns. The rules reproduce deadlineStatus() of the deadline engine:
//   overdue — every occurrence ended before today;
//   soon    — an occurrence ends within [today, today + soonDays];
//   active  — an occurrence contains today.
// (They differ from deadlineStatus() only for overlapping occurrences, which real roadmaps lack.)
import type { Deadline, DeadlineStatus, Field, ISODate, Period, PlanContext, Problem } from '../types';
import { addDays, toSheetSerial } from '../dates';
import { parseDeadline } from '../deadline/parse';
import { relevantPeriod } from '../deadline/status';
import { columnLetter } from '../a1';
import { STATUS_DONE, STATUS_VALUES } from './layout';
import { pluralRu } from './summary';

/** Occurrences a row can carry (slot 1 + extras). Monthly deadlines stay exact for this many months after a refresh. */
export const OCCURRENCE_SLOTS = 6;

/** What the "Расцветка" helper column holds: a row's state before dates are compared with TODAY(). */
export const ROW_STATE = {
  section: 'раздел',
  done: 'выполнено',
  cancelled: 'отменено',
  invalid: 'не распознан',
  nodate: 'без даты',
  ongoing: 'весь период',
  dated: 'по датам',
} as const;
export type RowStateKey = keyof typeof ROW_STATE;

/** The add-on's extra helper columns (after the layout's helperStart/helperEnd/helperKind), by header text. */
export const STATE_HEADER = 'Расцветка (служебное)';
export const PROBLEMS_HEADER = 'Замечания (служебное)';
export const extraStartHeader = (slot: number): string => `Начало ${slot} (служебное)`;
export const extraEndHeader = (slot: number): string => `Окончание ${slot} (служебное)`;

/** Headers of the extra helper block, in order: state, starts 2…K, ends 2…K, problems. */
export function extraHelperHeaders(): string[] {
  const starts: string[] = [];
  const ends: string[] = [];
  for (let s = 2; s <= OCCURRENCE_SLOTS; s++) {
    starts.push(extraStartHeader(s));
    ends.push(extraEndHeader(s));
  }
  return [STATE_HEADER, ...starts, ...ends, PROBLEMS_HEADER];
}

/** Word for each field in the "Замечания" column; the rules find a field's word with COUNTIF(…,"*word*"). */
export const PROBLEM_TOKENS: Readonly<Record<Field, string>> = {
  number: 'номер',
  activity: 'мероприятие',
  deadline: 'срок',
  responsible: 'ответственные',
  result: 'результат',
  status: 'статус',
  doneDate: 'дата выполнения',
};

export interface RowHelper {
  state: RowStateKey;
  /** The layout's helper columns: the period relevant on `today`, and the deadline kind. */
  start: ISODate | '';
  end: ISODate | '';
  kind: Deadline['kind'] | 'section' | '';
  /** Extra occurrences (slots 2…K), padded by repeating slot 1 so formulas never meet blanks. */
  extraStarts: (ISODate | '')[];
  extraEnds: (ISODate | '')[];
}

export interface RowInput {
  isSection: boolean;
  deadline: string;
  status?: string;
}

/**
 * Which occurrences to keep when there are more than the slots: the ones from today on first.
 *
 * How many the helper columns keep, and what happens past them: OCCURRENCE_SLOTS (6). A weekly
 * rule («каждый понедельник») has some 52 occurrences a year, a monthly one («ежемесячно 20
 * числа») 12; the row keeps the next five exactly, and the sixth slot spans from the sixth
 * occurrence to the last one. So, refreshed once (by «Проверить», «Обновить сроки и цвета» or an
 * edit of the row), the colours are exact for the next five occurrences: five weeks of a weekly
 * rule, five months of a monthly one. Past them the row shows «идёт срок» (never a false
 * «просрочено») until the last occurrence, and is exact again from its next refresh.
 */
export function pickOccurrences(periods: readonly Period[], today: ISODate, slots = OCCURRENCE_SLOTS): Period[] {
  const sorted = [...periods].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.start < b.start ? -1 : 1));
  if (sorted.length <= slots) return sorted;
  let first = sorted.findIndex((p) => p.end >= today);
  if (first < 0) first = sorted.length;
  const from = Math.max(0, Math.min(first, sorted.length - slots));
  const kept = sorted.slice(from, from + slots);
  if (from + slots < sorted.length) {
    const last = sorted[sorted.length - 1] as Period;
    kept[slots - 1] = { start: (kept[slots - 1] as Period).start, end: last.end };
  }
  return kept;
}

/** The helper values of one row, as of `today` (the day of writing). Pure; never throws. */
export function rowHelper(row: RowInput, plan: PlanContext | null, today: ISODate): RowHelper {
  const blank = (state: RowStateKey, kind: RowHelper['kind']): RowHelper => ({
    state, start: '', end: '', kind,
    extraStarts: new Array<ISODate | ''>(OCCURRENCE_SLOTS - 1).fill(''),
    extraEnds: new Array<ISODate | ''>(OCCURRENCE_SLOTS - 1).fill(''),
  });
  if (row.isSection) return blank('section', 'section');
  // Without a plan period a month without a year cannot be placed; the year of today stands in.
  const context: PlanContext = plan ?? { planStart: `${today.slice(0, 4)}-01-01`, planEnd: `${today.slice(0, 4)}-12-31` };
  const deadline = parseDeadline(row.deadline, context);
  const status = (row.status ?? '').trim().toLowerCase();
  const withDates = (state: RowStateKey): RowHelper => {
    const kept = pickOccurrences(deadline.periods, today);
    const relevant = relevantPeriod({ ...deadline, periods: kept }, today);
    if (!relevant) return blank(state, deadline.kind);
    const others = kept.filter((p) => p !== relevant);
    const pad = (k: number): Period => others[k] ?? relevant;
    const extra = Array.from({ length: OCCURRENCE_SLOTS - 1 }, (_, k) => pad(k));
    return {
      state, start: relevant.start, end: relevant.end, kind: deadline.kind,
      extraStarts: extra.map((p) => p.start), extraEnds: extra.map((p) => p.end),
    };
  };
  if (status === STATUS_DONE.toLowerCase()) return withDates('done');
  if (status === 'отменено') return withDates('cancelled');
  switch (deadline.kind) {
    case 'unrecognized':
      return blank('invalid', deadline.kind);
    case 'external':
    case 'empty':
      return blank('nodate', deadline.kind);
    case 'throughout':
      return withDates('ongoing');
    default:
      return withDates(deadline.periods.length ? 'dated' : 'invalid');
  }
}

/** The "Замечания" text of a row: the words of the fields with problems, e.g. "срок; ответственные". */
export function problemTokens(problems: readonly Pick<Problem, 'field'>[]): string {
  const fields = new Set<Field>();
  // A missing mark is a remark of «Проверить» only: it has no highlight of its own.
  for (const p of problems) if (p.field && p.field !== 'mark') fields.add(p.field);
  return (Object.keys(PROBLEM_TOKENS) as Field[]).filter((f) => fields.has(f)).map((f) => PROBLEM_TOKENS[f]).join('; ');
}

/** Fields named in a "Замечания" text (the inverse of problemTokens). */
export function fieldsOfTokens(text: string): Field[] {
  const words = new Set(text.split(';').map((w) => w.trim()).filter(Boolean));
  return (Object.keys(PROBLEM_TOKENS) as Field[]).filter((f) => words.has(PROBLEM_TOKENS[f]));
}

/** Helper values as sheet cells: dates become serial numbers (time-zone proof), blanks ''. */
export function helperCells(h: RowHelper): { layout: [number | '', number | '', string]; extra: (number | string)[] } {
  const serial = (d: ISODate | ''): number | '' => (d ? toSheetSerial(d) : '');
  return {
    layout: [serial(h.start), serial(h.end), h.kind],
    extra: [ROW_STATE[h.state], ...h.extraStarts.map(serial), ...h.extraEnds.map(serial)],
  };
}

// ---- Colours and rules ----

export type ColourKey = 'overdue' | 'soon' | 'active' | 'done' | 'nodate' | 'invalid' | 'problem';

export interface LegendEntry {
  key: ColourKey;
  label: string;
  background: string;
  fontColor: string | null;
}

export const DEFAULT_SOON_DAYS = 14;

export function legend(soonDays: number): LegendEntry[] {
  return [
    { key: 'overdue', label: 'Срок прошёл, не выполнено', background: '#f4a7a3', fontColor: null },
    { key: 'soon', label: soonDays === 0 ? 'Срок истекает сегодня' : `Срок истекает в течение ${soonDays} ${pluralRu(soonDays, ['дня', 'дней', 'дней'])}`, background: '#ffe599', fontColor: null },
    { key: 'active', label: 'Идёт срок выполнения (в том числе «постоянно», «в течение года»)', background: '#c9daf8', fontColor: null },
    { key: 'done', label: 'Выполнено', background: '#b6d7a8', fontColor: null },
    { key: 'nodate', label: 'Нет конкретной даты (срок не указан или задаётся извне)', background: '#e0e0e0', fontColor: null },
    { key: 'invalid', label: 'Срок не распознан', background: '#d5a6bd', fontColor: null },
    { key: 'problem', label: 'Ячейка с замечанием (см. «Проверить»)', background: '#fce5cd', fontColor: '#b45f06' },
  ];
}


/** The colour a row shows on `today` according to deadlineStatus() (null: no colour). */
export function colourOfStatus(status: DeadlineStatus): ColourKey | null {
  switch (status) {
    case 'done': return 'done';
    case 'overdue': return 'overdue';
    case 'soon': return 'soon';
    case 'active':
    case 'ongoing': return 'active';
    case 'nodate': return 'nodate';
    case 'invalid': return 'invalid';
    default: return null;
  }
}

/**
 * The colour the rules give a row on `day`, computed from its helper values exactly as the
 * formulas do (for the sidebar's counts and for tests that compare with deadlineStatus()).
 */
export function colourOfHelper(h: RowHelper, day: ISODate, soonDays: number): ColourKey | null {
  switch (h.state) {
    case 'done': return 'done';
    case 'invalid': return 'invalid';
    case 'nodate': return 'nodate';
    case 'ongoing': return 'active';
    case 'dated': break;
    default: return null;
  }
  if (!h.end) return null;
  const starts = [h.start, ...h.extraStarts];
  const ends = [h.end, ...h.extraEnds];
  const soonLimit = addDays(day, soonDays);
  if (ends.every((e) => e !== '' && e < day)) return 'overdue';
  if (ends.some((e) => e !== '' && e >= day && e <= soonLimit)) return 'soon';
  if (starts.some((s, i) => s !== '' && s <= day && (ends[i] ?? '') >= day)) return 'active';
  return null;
}

/** Marks our rules: N(text) is 0, so the formula keeps its meaning; other rules never contain it. */
export const RULE_MARK = 'N("Дорожная карта")=0';

export function isOurRuleFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.includes(RULE_MARK);
}


/** 1-based columns of everything the rules read or colour. */
export interface RuleColumns {
  deadline: number;
  helperStart: number;
  helperEnd: number;
  state: number;
  /** First of the OCCURRENCE_SLOTS-1 contiguous extra start columns, and of the extra end columns. */
  extraStart: number;
  extraEnd: number;
  problems: number;
  /** User columns that get a problem highlight. */
  fields: Partial<Record<Field, number>>;
}

const STATUS_CANCELLED: (typeof STATUS_VALUES)[number] = 'Отменено';

export interface RuleSpec {
  key: ColourKey;
  formula: string;
  background: string;
  fontColor: string | null;
  /** 1-based columns, each coloured from firstRow down to lastRow. */
  columns: number[];
  firstRow: number;
  lastRow: number;
}

/**
 * The conditional-format rules, in priority order (Sheets applies the first that matches).
 * Formulas are written for the top-left cell of the range (row `firstRow`), columns absolute.
 */
export function ruleSpecs(cols: RuleColumns, firstRow: number, lastRow: number, soonDays: number): RuleSpec[] {
  const at = (c: number): string => `$${columnLetter(c)}${firstRow}`;
  const block = (c: number): string => `$${columnLetter(c)}${firstRow}:$${columnLetter(c + OCCURRENCE_SLOTS - 2)}${firstRow}`;
  const state = (s: RowStateKey): string => `${at(cols.state)}="${ROW_STATE[s]}"`;
  const starts = [at(cols.helperStart), block(cols.extraStart)];
  const ends = [at(cols.helperEnd), block(cols.extraEnd)];
  const dated = state('dated');
  const endsWithin = (from: string, to: string): string =>
    ends.map((e) => `COUNTIFS(${e},">="&(${from}),${e},"<="&(${to}))`).join('+');
  const covering = starts.map((s, i) => `COUNTIFS(${s},"<="&TODAY(),${ends[i]},">="&TODAY())`).join('+');
  const deadlineRange = [cols.deadline];
  const byKey = new Map(legend(soonDays).map((l) => [l.key, l]));
  const spec = (key: ColourKey, condition: string, columns: number[]): RuleSpec => {
    const l = byKey.get(key)!;
    return { key, formula: `=AND(${RULE_MARK},${condition})`, background: l.background, fontColor: l.fontColor, columns, firstRow, lastRow };
  };
  // The status a person types decides at once, even before the helper state is rewritten (a school
  // editor's onEdit cannot write the district-only helper columns): «Выполнено» colours the row
  // done, «Отменено» takes every deadline colour off.
  const status = cols.fields.status === undefined ? null : at(cols.fields.status);
  const typedDone = status ? `,${status}="${STATUS_DONE}"` : '';
  const open = status ? `${status}<>"${STATUS_DONE}",${status}<>"${STATUS_CANCELLED}",` : '';
  const rules: RuleSpec[] = [
    spec('done', `OR(${state('done')}${typedDone})`, deadlineRange),
    spec('invalid', `${open}${state('invalid')}`, deadlineRange),
    spec('nodate', `${open}${state('nodate')}`, deadlineRange),
    spec('overdue', `${open}${state('dated')},N(${at(cols.helperEnd)})>0,MAX(${ends.join(',')})<TODAY()`, deadlineRange),
    spec('soon', `${open}${dated},(${endsWithin('TODAY()', `TODAY()+${soonDays}`)})>0`, deadlineRange),
    spec('active', `${open}OR(${state('ongoing')},AND(${dated},(${covering})>0))`, deadlineRange),
  ];
  for (const [field, column] of Object.entries(cols.fields) as [Field, number][]) {
    rules.push(spec('problem', `COUNTIF(${at(cols.problems)},"*${PROBLEM_TOKENS[field]}*")>0`, [column]));
  }
  return rules;
}
