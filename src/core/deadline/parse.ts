// Free Russian deadline text → kind + real periods. Never throws, never invents a date.
import type { Deadline, DeadlineKind, ISODate, Period, PlanContext } from '../types';
import { addDays, isISODate } from '../dates';
import { iso as toISO, isValidDay, monthLength as daysInMonth } from './calendar';
import { MONTH_GENITIVE, monthByTypo } from './months';
import { monthOf, normalize, ordinalOf, tokenize, wordClass, type Tok } from './tokens';

type UnitType = 'day' | 'month' | 'year' | 'quarter' | 'half' | 'decade' | 'school';

/** One calendar unit as written; y = null until stated or inferred. d/m are 0 when not yet known. */
interface Unit {
  u: UnitType;
  d: number;
  m: number;
  n: number;
  y: number | null;
  raw: string;
}

interface Clause {
  /** 0 none, 1 "до" (before the unit), 2 "не позднее" / "до конца" (by its end). */
  by: 0 | 1 | 2;
  from: boolean;
  range: boolean;
  a: Unit | null;
  b: Unit | null;
  /** How this clause was separated from the previous one. */
  sep: 'list' | 'newline' | 'none';
}

interface Entry {
  kind: DeadlineKind;
  period: Period;
}

const FORMULA = /^\s*=/;
const SHEET_ERROR = /^\s*#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!)/i;
const HAS_CONTENT = /[0-9a-zA-Zа-яА-ЯёЁ]/;
const UNIT_WORDS = { quarter: 'quarter', half: 'half', decade: 'decade' } as const;
const EVERY = /^(?:(кв)|(месяц)|(год)|(недел|день|дня))/;

const newClause = (sep: Clause['sep']): Clause => ({ by: 0, from: false, range: false, a: null, b: null, sep });
const unit = (u: UnitType, raw: string, d = 0, m = 0, n = 0, y: number | null = null): Unit => ({ u, d, m, n, y, raw });

const unrecognized = (warnings: string[]): Deadline => ({ kind: 'unrecognized', periods: [], warnings });

/** Collects clauses as tokens arrive (a class, not per-call closures: this runs for every row). */
class ClauseBuilder {
  clauses: Clause[] = [];
  cur: Clause = newClause('none');

  push(sep: Clause['sep']): void {
    const cur = this.cur;
    if (cur.a) this.clauses.push(cur);
    this.cur = newClause(cur.a ? sep : cur.sep === 'none' ? sep : cur.sep);
  }

  atom(x: Unit): void {
    const cur = this.cur;
    if (!cur.a) cur.a = x;
    else if (cur.range && !cur.b) cur.b = x;
    else {
      this.push('none');
      this.cur.a = x;
    }
  }

  /** A year belongs to the unit written just before it ("май 2022"), else it is a unit itself. */
  year(y: number, raw: string): void {
    const cur = this.cur;
    const last = cur.range && !cur.b ? null : (cur.b ?? cur.a);
    if (last && last.u !== 'year' && last.u !== 'school' && last.y === null) last.y = y;
    else this.atom(unit('year', raw, 0, 0, 0, y));
  }
}

export function parseDeadline(text: string, plan: PlanContext): Deadline {
  try {
    return parse(typeof text === 'string' ? text : String(text ?? ''), plan);
  } catch {
    // Defensive: a bug must cost one cell its colour, not the whole run.
    return unrecognized(['Срок не распознан из-за внутренней ошибки.']);
  }
}

function parse(text: string, plan: PlanContext): Deadline {
  const shown = text.trim();
  if (!shown || !HAS_CONTENT.test(shown)) return { kind: 'empty', periods: [], warnings: [] };
  if (FORMULA.test(shown)) return unrecognized([`Вместо срока записана формула «${clip(shown)}»; срок не распознан.`]);
  if (SHEET_ERROR.test(shown)) return unrecognized([`В ячейке срока ошибка формулы «${clip(shown)}»; срок не распознан.`]);

  const planOk = planIsValid(plan);
  const toks = tokenize(normalize(shown));
  const warnings: string[] = [];
  const unknown: string[] = [];
  const strays: string[] = [];
  const flags = { throughout: false, external: false, yearly: false, quarterly: false, monthly: false };
  let poisoned = false;

  const st = new ClauseBuilder();

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    switch (t.k) {
      case 'date':
        st.atom(unit('day', t.raw, t.d, t.m, 0, t.y));
        break;
      case 'monthyear':
        st.atom(unit('month', t.raw, 0, t.m, 0, t.y));
        break;
      case 'dash':
        if (st.cur.a && !st.cur.b) st.cur.range = true;
        break;
      case 'slash':
        if ((st.cur.a?.u === 'year' || st.cur.a?.u === 'half') && !st.cur.b) st.cur.range = true;
        break;
      case 'list':
        // A line break right after a dash continues the range ("Сентябрь 2022-\nянварь 2023").
        if (t.newline && st.cur.range && !st.cur.b) break;
        st.push(t.newline ? 'newline' : 'list');
        break;
      case 'num': {
        if (t.raw.length === 4 && t.n >= 1900 && t.n <= 2100) {
          st.year(t.n, t.raw);
          break;
        }
        // A footnote digit glued to a year: "май 20221".
        if (t.raw.length === 5 && t.n % 10 !== 0 && t.n >= 19001 && t.n <= 21009) {
          st.year(Math.floor(t.n / 10), t.raw.slice(0, 4));
          strays.push(t.raw.slice(4));
          break;
        }
        // "2022/23 учебный год": a two-digit second year after a slash.
        if (st.cur.range && !st.cur.b && st.cur.a?.u === 'year' && t.raw.length === 2 && st.cur.a.y !== null && (st.cur.a.y + 1) % 100 === t.n) {
          st.year(st.cur.a.y + 1, t.raw);
          break;
        }
        i = number(toks, i, t.n, t.raw, st, strays);
        break;
      }
      case 'word': {
        const w = t.w;
        const month = monthOf(w);
        if (month !== undefined) {
          // "первая декада сентября": the month completes the decade written before it.
          const last = st.cur.b ?? st.cur.a;
          if (last?.u === 'decade' && last.m === 0) last.m = month;
          else st.atom(unit('month', w, 0, month));
          break;
        }
        const cls = wordClass(w);
        switch (cls) {
          case 'filler':
          case 'suffix':
          case 'quarter':
          case 'half':
          case 'decade':
            break;
          case 'throughout':
          case 'external':
          case 'yearly':
          case 'quarterly':
          case 'monthly':
            flags[cls] = true;
            break;
          case 'and':
            st.push('list');
            break;
          case 'span': {
            // "период реализации", "всего периода": the whole plan.
            const prev = toks[i - 1];
            const next = toks[i + 1];
            if ((next?.k === 'word' && next.w === 'реализации') || (prev?.k === 'word' && (prev.w === 'всего' || prev.w === 'весь'))) flags.throughout = true;
            break;
          }
          case 'each': {
            // "1 раз в квартал", "до 25 числа каждого месяца"
            let j = i + 1;
            const skip = toks[j];
            if (skip?.k === 'word' && (skip.w === 'в' || skip.w === 'во')) j++;
            const what = toks[j];
            const every = what?.k === 'word' ? EVERY.exec(what.w) : null;
            if (every) {
              flags[every[1] ? 'quarterly' : every[2] ? 'monthly' : every[3] ? 'yearly' : 'throughout'] = true;
              i = j;
            }
            break;
          }
          case 'from':
            if (st.cur.a) st.push('none');
            st.cur.from = true;
            break;
          case 'to':
            if (st.cur.a && !st.cur.b) st.cur.range = true;
            break;
          case 'by':
            if (st.cur.from && st.cur.a && !st.cur.b) st.cur.range = true;
            else {
              if (st.cur.a) st.push('none');
              st.cur.by = 1;
            }
            break;
          case 'byEnd':
            if (st.cur.a) st.push('none');
            st.cur.by = 2;
            break;
          case 'end':
            if (st.cur.by) st.cur.by = 2;
            break;
          case 'school':
            // "2022-2023 учебный год", "2022/2023 уч. г."
            if (st.cur.a?.u === 'year' && st.cur.b?.u === 'year' && st.cur.a.y !== null && st.cur.b.y === st.cur.a.y + 1) {
              st.cur.a = unit('school', `${st.cur.a.raw}/${st.cur.b.raw}`, 0, 0, 0, st.cur.a.y);
              st.cur.b = null;
              st.cur.range = false;
            } else if (st.cur.a?.u === 'half' && st.cur.b?.u === 'year' && st.cur.a.y !== null && st.cur.b.y === st.cur.a.y + 1) {
              // "I полугодие 2022-2023 учебного года": September–December, then January–May.
              const y = st.cur.a.y;
              const first = st.cur.a.n === 1;
              st.cur.b = unit('month', st.cur.a.raw, 0, first ? 12 : 5, 0, first ? y : y + 1);
              st.cur.a = unit('month', st.cur.a.raw, 0, first ? 9 : 1, 0, first ? y : y + 1);
            } else if (st.cur.a?.u === 'year' && !st.cur.b && !st.cur.range && st.cur.a.y !== null) {
              st.cur.a = unit('school', st.cur.a.raw, 0, 0, 0, st.cur.a.y);
            }
            break;
          default: {
            const ord = ordinalOf(w);
            if (ord !== undefined && unitAfterNumber(toks, i) !== null) {
              i = number(toks, i, ord, w, st, strays);
              break;
            }
            const typo = monthByTypo(w);
            if (typo) {
              warnings.push(`Слово «${w}» распознано как месяц «${typo.form}».`);
              st.atom(unit('month', w, 0, typo.month));
            } else {
              unknown.push(w);
              // "мартобря 2022", "30 мартобря": a number next to an unknown word is not to be trusted.
              const prev = toks[i - 1];
              const next = toks[i + 1];
              if (prev?.k === 'num' || next?.k === 'num') poisoned = true;
            }
          }
        }
        break;
      }
    }
  }
  st.push('none');

  const shownClip = clip(shown);
  if (poisoned) return unrecognized([`Срок не распознан: не распознано «${unknown.join(' ')}» в «${shownClip}».`]);

  const anyFlag = flags.throughout || flags.external || flags.yearly || flags.quarterly || flags.monthly;
  if (unknown.length && st.clauses.length && !anyFlag) warnings.push(`Не распознано и пропущено: «${unknown.join(' ')}».`);
  if (strays.length && st.clauses.length) {
    warnings.push(strays.length > 1
      ? `Числа «${strays.join(', ')}» не похожи на даты и пропущены (возможно, это сноски).`
      : `Число «${strays.join(', ')}» не похоже на дату и пропущено (возможно, это сноска).`);
  }

  if (!st.clauses.length) {
    if (flags.external) return { kind: 'external', periods: [], warnings };
    if (!planOk && (flags.throughout || flags.yearly || flags.quarterly || flags.monthly)) {
      return { kind: 'throughout', periods: [], warnings: [...warnings, 'Период плана не задан: срок «на весь период» не к чему привязать.'] };
    }
    if (flags.yearly) return finish(everyUnit(plan, 12), 'recurring', warnings);
    if (flags.quarterly) return finish(everyUnit(plan, 3), 'recurring', warnings);
    if (flags.monthly) return finish(everyUnit(plan, 1), 'recurring', warnings);
    if (flags.throughout) return { kind: 'throughout', periods: [{ start: plan.planStart, end: plan.planEnd }], warnings };
    return unrecognized([`Срок не распознан: «${shownClip}».`]);
  }

  shareAcrossLists(st.clauses);

  const entries: Entry[] = [];
  for (const c of st.clauses) {
    const error = resolveClause(c, planOk ? plan : null, flags.yearly, entries);
    if (error) return unrecognized([...warnings, error]);
  }
  entries.sort((x, y) => (x.period.start < y.period.start ? -1 : x.period.start > y.period.start ? 1 : x.period.end < y.period.end ? -1 : 1));
  const unique: Entry[] = [];
  for (const e of entries) {
    const last = unique[unique.length - 1];
    if (!last || last.period.start !== e.period.start || last.period.end !== e.period.end) unique.push(e);
  }
  const kind: DeadlineKind = unique.length === 1 ? (unique[0] as Entry).kind : 'recurring';
  return { kind, periods: unique.map((e) => e.period), warnings };
}

// The same plan comes with every row of a sheet: remember the last answer.
let lastPlanStart = '';
let lastPlanEnd = '';
let lastPlanOk = false;
function planIsValid(plan: PlanContext): boolean {
  if (!plan || typeof plan.planStart !== 'string' || typeof plan.planEnd !== 'string') return false;
  if (plan.planStart !== lastPlanStart || plan.planEnd !== lastPlanEnd) {
    lastPlanStart = plan.planStart;
    lastPlanEnd = plan.planEnd;
    lastPlanOk = isISODate(lastPlanStart) && isISODate(lastPlanEnd) && lastPlanStart <= lastPlanEnd;
  }
  return lastPlanOk;
}

function finish(periods: Period[], kind: DeadlineKind, warnings: string[]): Deadline {
  return { kind, periods, warnings };
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** What a number at toks[i] counts (day of a month, quarter, half-year), looking past "-й" and ranges. */
function unitAfterNumber(toks: Tok[], i: number, depth = 0): { u: 'day' | 'quarter' | 'half' | 'decade'; j: number; m: number } | null {
  let j = i + 1;
  const after = toks[j];
  const suffix = toks[j + 1];
  if (after?.k === 'dash' && suffix?.k === 'word' && wordClass(suffix.w) === 'suffix') j += 2;
  else if (after?.k === 'word' && wordClass(after.w) === 'suffix') j += 1;
  const next = toks[j];
  if (next?.k === 'word') {
    const m = monthOf(next.w);
    if (m !== undefined) return { u: 'day', j, m };
    const cls = wordClass(next.w);
    if (cls === 'quarter' || cls === 'half' || cls === 'decade') return { u: UNIT_WORDS[cls], j, m: 0 };
    if ((cls === 'to' || cls === 'by' || cls === 'and') && depth === 0) return followedBy(toks, j, depth);
    return null;
  }
  if ((next?.k === 'dash' || next?.k === 'list') && depth === 0) return followedBy(toks, j, depth);
  return null;
}

/** "1-15 мая", "1 и 15 мая", "I-II квартал": the first number takes its unit from the second. */
function followedBy(toks: Tok[], j: number, depth: number): { u: 'day' | 'quarter' | 'half' | 'decade'; j: number; m: number } | null {
  const second = toks[j + 1];
  const isNumber = second?.k === 'num' ? second.raw.length <= 2 : second?.k === 'word' && ordinalOf(second.w) !== undefined;
  if (!isNumber) return null;
  const found = unitAfterNumber(toks, j + 1, depth + 1);
  // The first number does not consume anything: the second one will.
  return found ? { u: found.u, j: -1, m: 0 } : null;
}

function number(toks: Tok[], i: number, n: number, raw: string, st: ClauseBuilder, strays: string[]): number {
  const found = unitAfterNumber(toks, i);
  if (!found) {
    strays.push(raw);
    return i;
  }
  const word = found.j >= 0 ? toks[found.j] : undefined;
  if (found.u === 'day') st.atom(unit('day', word?.k === 'word' ? `${raw} ${word.w}` : raw, n, found.m));
  else st.atom(unit(found.u, raw, 0, 0, n));
  return found.j >= 0 ? found.j : i;
}

/**
 * Lists share what is written once: "Май 2022,2023,2024г" repeats the month for each year;
 * "сентябрь, декабрь 2022" and "10 и 24 марта" take the year (and month) written at the end.
 */
function shareAcrossLists(clauses: Clause[]): void {
  for (let k = 1; k < clauses.length; k++) {
    const c = clauses[k] as Clause;
    const p = clauses[k - 1] as Clause;
    // "Май, 2022": a comma between a month and its year.
    if (c.sep === 'list' && c.a?.u === 'year' && !c.b && !c.by && p.a && !p.b && p.a.u !== 'year' && p.a.u !== 'school' && p.a.y === null) {
      p.a.y = c.a.y;
      clauses.splice(k--, 1);
    }
  }
  for (let k = 1; k < clauses.length; k++) {
    const c = clauses[k] as Clause;
    const p = clauses[k - 1] as Clause;
    if (c.sep === 'list' && c.a?.u === 'year' && !c.b && !c.by && !p.b && p.a && p.a.u !== 'year' && p.a.u !== 'school' && p.a.y !== null) {
      c.a = { ...p.a, y: c.a.y, raw: `${p.a.raw} ${c.a.raw}` };
      c.by = p.by;
    }
  }
  for (let k = clauses.length - 2; k >= 0; k--) {
    const c = clauses[k] as Clause;
    const next = clauses[k + 1] as Clause;
    if (next.sep !== 'list' || !next.a || !c.a) continue;
    const last = c.b ?? c.a;
    if (last.u === 'day' && last.m === 0 && next.a.u === 'day') last.m = next.a.m;
    if (c.a.y === null && (c.b?.y ?? null) === null && next.a.u === c.a.u && next.a.y !== null) c.a.y = next.a.y;
  }
}

const startOf = (x: Unit, y: number): ISODate => {
  switch (x.u) {
    case 'day': return toISO(y, x.m, x.d);
    case 'month': return toISO(y, x.m, 1);
    case 'year': return toISO(y, 1, 1);
    case 'quarter': return toISO(y, x.n * 3 - 2, 1);
    case 'half': return toISO(y, x.n * 6 - 5, 1);
    case 'decade': return toISO(y, x.m, x.n * 10 - 9);
    case 'school': return toISO(y, 9, 1);
  }
};
const endOf = (x: Unit, y: number): ISODate => {
  switch (x.u) {
    case 'day': return toISO(y, x.m, x.d);
    case 'month': return toISO(y, x.m, daysInMonth(y, x.m));
    case 'year': return toISO(y, 12, 31);
    case 'quarter': return toISO(y, x.n * 3, daysInMonth(y, x.n * 3));
    case 'half': return toISO(y, x.n * 6, daysInMonth(y, x.n * 6));
    case 'decade': return toISO(y, x.m, x.n === 3 ? daysInMonth(y, x.m) : x.n * 10);
    // The school year runs from 1 September to the end of May (the summer is not part of it).
    case 'school': return toISO(y + 1, 5, 31);
  }
};

/** Russian reason why a unit is not a real date, or null. */
function invalid(x: Unit): string | null {
  if (x.y !== null && (x.y < 1900 || x.y > 2100)) return `Год в «${x.raw}» не распознан: ${x.y}.`;
  switch (x.u) {
    case 'day':
      if (x.m === 0) return `Не указан месяц для числа «${x.raw}».`;
      if (x.m < 1 || x.m > 12) return `Дата «${x.raw}» не существует: месяца ${x.m} нет.`;
      // Without a year, 29 февраля may still exist (leap years are checked when the year is known).
      if (!isValidDay(x.y ?? 2000, x.m, x.d)) {
        const day = `${x.d} ${MONTH_GENITIVE[x.m - 1] ?? ''}`;
        return x.y === null ? `Дата «${x.raw}» не существует: ${day} не бывает.` : `Дата «${x.raw}» не существует: в ${x.y} году нет ${day}.`;
      }
      return null;
    case 'month': return x.m >= 1 && x.m <= 12 ? null : `Месяц «${x.raw}» не существует.`;
    case 'quarter': return x.n >= 1 && x.n <= 4 ? null : `Квартала «${x.raw}» не существует: в году четыре квартала.`;
    case 'half': return x.n >= 1 && x.n <= 2 ? null : `Полугодия «${x.raw}» не существует: в году два полугодия.`;
    case 'decade':
      if (x.m < 1 || x.m > 12) return `Для декады «${x.raw}» не указан месяц.`;
      return x.n >= 1 && x.n <= 3 ? null : `Декады «${x.raw}» не существует: в месяце три декады.`;
    case 'year':
    case 'school': return x.y !== null && x.y >= 1900 && x.y <= 2100 ? null : `Год «${x.raw}» не распознан.`;
  }
}

/** First year that puts the unit inside the plan; else the first that touches it; else the plan's first year. */
function inferYear(x: Unit, plan: PlanContext): number {
  const first = Number(plan.planStart.slice(0, 4));
  const last = Number(plan.planEnd.slice(0, 4));
  const from = x.u === 'school' ? first - 1 : first;
  for (let y = from; y <= last; y++) {
    if (fits(x, y) && startOf(x, y) >= plan.planStart && endOf(x, y) <= plan.planEnd) return y;
  }
  for (let y = from; y <= last; y++) {
    if (fits(x, y) && startOf(x, y) <= plan.planEnd && endOf(x, y) >= plan.planStart) return y;
  }
  return first;
}

/** 29 февраля fits only leap years. */
const fits = (x: Unit, y: number): boolean => x.u !== 'day' || isValidDay(y, x.m, x.d);

/** Adds the clause's periods to out; returns a Russian error when the clause is not a real deadline. */
function resolveClause(c: Clause, plan: PlanContext | null, yearly: boolean, out: Entry[]): string | null {
  const a = c.a as Unit;
  const b = c.range ? c.b : null;
  if (b && (a.u === 'day' || a.u === 'decade') && a.m === 0 && b.u === a.u) a.m = b.m;
  for (const x of b ? [a, b] : [a]) {
    const bad = invalid(x);
    if (bad) return bad;
  }
  // "май 2023-2024гг": a month (day, quarter) repeated over a range of years.
  if (b && b.u === 'year' && a.u !== 'year' && a.u !== 'school') {
    if (a.y === null || b.y === null || b.y < a.y || b.y - a.y > 50) return `Не распознан диапазон лет в «${a.raw} … ${b.raw}».`;
    for (let y = a.y; y <= b.y; y++) {
      const error = resolveClause({ ...c, range: false, b: null, a: { ...a, y } }, plan, false, out);
      if (error) return error;
    }
    return null;
  }
  const years: number[] = [];
  const yearless = a.y === null && (b?.y ?? null) === null;
  if (yearless) {
    if (!plan) return `Год в сроке «${a.raw}» не указан, а период плана не задан.`;
    if (yearly) for (let y = Number(plan.planStart.slice(0, 4)); y <= Number(plan.planEnd.slice(0, 4)); y++) years.push(y);
    else years.push(inferYear(a, plan));
  } else years.push(a.y ?? -1);

  for (const y0 of years) {
    const ay = a.y ?? (b?.y != null && !yearless ? b.y : y0);
    let start = startFits(a, ay);
    let end: ISODate | null;
    if (b) {
      let by = b.y ?? ay;
      if (a.y === null && b.y !== null && start !== null && start > endOf(b, b.y)) start = startFits(a, ay - 1);
      end = endFits(b, by);
      if (b.y === null && end !== null && start !== null && end < start) end = endFits(b, (by += 1));
    } else end = endFits(a, ay);
    if (start === null || end === null) return `Дата «${a.raw}» не существует в ${ay} году.`;
    if (end < start) return `Конец периода раньше его начала: «${a.raw} – ${b?.raw ?? ''}».`;
    if (c.by) {
      const due = c.by === 1 && a.u !== 'day' ? addDays(start, -1) : end;
      const from = yearly ? toISO(Number(due.slice(0, 4)), 1, 1) : plan ? plan.planStart : due;
      out.push({ kind: 'by', period: { start: from <= due ? from : due, end: due } });
    } else if (c.from && !b && plan) {
      out.push({ kind: 'period', period: { start, end: plan.planEnd >= start ? plan.planEnd : end } });
    } else {
      out.push({ kind: b || a.u !== 'day' ? 'period' : 'date', period: { start, end } });
    }
  }
  return null;
}

const startFits = (x: Unit, y: number): ISODate | null => (fits(x, y) ? startOf(x, y) : null);
const endFits = (x: Unit, y: number): ISODate | null => (fits(x, y) ? endOf(x, y) : null);

/** Every year (step 12), quarter (3) or month (1) that touches the plan. */
function everyUnit(plan: PlanContext, months: 1 | 3 | 12): Period[] {
  const out: Period[] = [];
  let y = Number(plan.planStart.slice(0, 4));
  let m = months === 12 ? 1 : Math.floor((Number(plan.planStart.slice(5, 7)) - 1) / months) * months + 1;
  for (let guard = 0; guard < 600; guard++) {
    const start = toISO(y, m, 1);
    if (start > plan.planEnd) break;
    const endMonth = m + months - 1;
    out.push({ start, end: toISO(y, endMonth, daysInMonth(y, endMonth)) });
    m += months;
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  return out;
}
