// Free Russian deadline text → kind + real periods. Never throws, never invents a date.
import type { Deadline, DeadlineKind, DeadlineRepeat, ISODate, Period, PlanContext } from '../types';
import { addDays, isISODate } from '../dates';
import { iso as toISO, isValidDay, monthLength as daysInMonth } from './calendar';
import { MONTH_GENITIVE, MONTH_NAMES, monthByTypo } from './months';
import { isWeekdayPlural, monthOf, normalize, ordinalOf, tokenize, weekdayOf, wordClass, type Tok } from './tokens';
import { monthlyOccurrences, nthWeekday, schoolTerms, weekOfMonth, weeklyOccurrences } from './repeat';
import { lookAlikeWarning, suggestFix } from './fix';

/**
 * 'week': the n-th Monday–Sunday week of month m, counted from the week holding the 1st and cut
 * to the month (n = -1: the last week). 'wday': the n-th weekday d of month m ("вторая среда
 * марта"). 'dom': day d of a month not yet known ("20 числа").
 */
type UnitType = 'day' | 'month' | 'year' | 'quarter' | 'half' | 'decade' | 'school' | 'week' | 'wday' | 'dom';

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
const EVERY = /^(?:(кв)|(месяц)|(год)|(четверт)|(недел|день|дня))/;
const PLACEHOLDER_LETTERS = new Set(['x', 'х', 'n']);
const LATIN_LETTER = /[A-Za-z]/;

const newClause = (sep: Clause['sep']): Clause => ({ by: 0, from: false, range: false, a: null, b: null, sep });
const unit = (u: UnitType, raw: string, d = 0, m = 0, n = 0, y: number | null = null): Unit => ({ u, d, m, n, y, raw });

const unrecognized = (warnings: string[], fix: string | null = null): Deadline =>
  fix ? { kind: 'unrecognized', periods: [], warnings, fix } : { kind: 'unrecognized', periods: [], warnings };

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

  /** "2009 2011 годы": two bare years written side by side with a plural «годы» are a span. */
  joinYears(): void {
    const cur = this.cur;
    const prev = this.clauses[this.clauses.length - 1];
    if (cur.a?.u !== 'year' || cur.b || cur.range || cur.by || cur.sep !== 'none') return;
    if (!prev || prev.a?.u !== 'year' || prev.b || prev.range || prev.by || (prev.a.y ?? 0) >= (cur.a.y ?? 0)) return;
    prev.b = cur.a;
    prev.range = true;
    this.clauses.pop();
    this.cur = prev;
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

  if (shown.includes('_')) return unrecognized([`Срок «${clip(shown)}» не заполнен: вместо даты оставлены пропуски «__» из шаблона.`]);

  const planOk = planIsValid(plan);
  const extras: Extras = { times: null, notes: null, typo: false };
  const toks = prepare(tokenize(normalize(shown)), extras);
  const warnings: string[] = [];
  const lookAlike = LATIN_LETTER.test(shown) ? lookAlikeWarning(shown) : null;
  if (lookAlike) {
    warnings.push(lookAlike);
    extras.typo = true;
  }
  const unknown: string[] = [];
  const strays: string[] = [];
  const flags = { throughout: false, external: false, yearly: false, quarterly: false, monthly: false, term: false, following: false, monthWord: false };
  let weekdays: number[] | null = null;
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
        if (PLACEHOLDER_LETTERS.has(w)) return unrecognized([`Срок «${clip(shown)}» записан через условное обозначение «${w.toUpperCase()}»: укажите настоящую дату.`]);
        const month = monthOf(w);
        if (month !== undefined) {
          // "первая декада сентября": the month completes the decade written before it.
          const last = st.cur.b ?? st.cur.a;
          if (last?.u === 'decade' && last.m === 0) last.m = month;
          else st.atom(unit('month', w, 0, month));
          break;
        }
        const cls = wordClass(w);
        // "числа месяца", "неделя месяца": a day or week of every month.
        if (w.startsWith('месяц')) flags.monthWord = true;
        switch (cls) {
          case 'filler':
          case 'suffix':
          case 'quarter':
          case 'half':
          case 'decade':
          case 'hour':
          case 'dayOf':
          case 'of':
          case 'week':
            break;
          case 'following':
            flags.following = true;
            break;
          case 'term':
            if (toks[i - 1]?.k === 'word' && ((toks[i - 1] as { w: string }).w === 'в' || (toks[i - 1] as { w: string }).w === 'во')) flags.term = true;
            break;
          case 'plural':
            st.joinYears();
            break;
          case 'last': {
            // "последняя неделя декабря", "последний понедельник месяца"
            const next = toks[i + 1];
            if (next?.k === 'word' && wordClass(next.w) === 'week') i = weekUnit(toks, i + 1, -1, w, st);
            else if (next?.k === 'word' && weekdayOf(next.w) !== undefined) i = weekdayUnit(toks, i + 1, -1, w, st);
            break;
          }
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
              flags[every[1] ? 'quarterly' : every[2] ? 'monthly' : every[3] ? 'yearly' : every[4] ? 'term' : 'throughout'] = true;
              i = j;
            } else if (what?.k === 'word' && weekdayOf(what.w) !== undefined) {
              // "каждый понедельник", "каждую среду"
              (weekdays ??= []).push(weekdayOf(what.w) as number);
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
            const wd = weekdayOf(w);
            if (wd !== undefined) {
              // "по средам", "еженедельно по пятницам": every such day; a single weekday beside a date is a note.
              if (isWeekdayPlural(w)) (weekdays ??= []).push(wd);
              else note(extras, w);
              break;
            }
            const ord = ordinalOf(w);
            const after = toks[i + 1];
            if (ord !== undefined && after?.k === 'word' && weekdayOf(after.w) !== undefined) {
              i = weekdayUnit(toks, i + 1, ord, w, st);
              break;
            }
            if (ord !== undefined && unitAfterNumber(toks, i) !== null) {
              i = number(toks, i, ord, w, st, strays);
              break;
            }
            const typo = monthByTypo(w);
            if (typo) {
              extras.typo = true;
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
    if (weekdays && planOk) {
      const days = [...new Set(weekdays)].sort();
      return withExtras({ kind: 'recurring', periods: weeklyOccurrences(plan, days), warnings, repeat: { every: 'week', weekdays: days } }, extras, shown);
    }
    if (flags.external) return withExtras({ kind: 'external', periods: [], warnings }, extras, shown);
    if (!planOk && (flags.throughout || flags.yearly || flags.quarterly || flags.monthly || flags.term || weekdays)) {
      return withExtras({ kind: 'throughout', periods: [], warnings: [...warnings, 'Период плана не задан: срок «на весь период» не к чему привязать.'] }, extras, shown);
    }
    if (flags.yearly) return withExtras({ kind: 'recurring', periods: everyUnit(plan, 12), warnings, repeat: { every: 'year' } }, extras, shown);
    if (flags.quarterly) return withExtras({ kind: 'recurring', periods: everyUnit(plan, 3), warnings, repeat: { every: 'quarter' } }, extras, shown);
    if (flags.monthly) return withExtras({ kind: 'recurring', periods: everyUnit(plan, 1), warnings, repeat: { every: 'month' } }, extras, shown);
    if (flags.term) return withExtras({ kind: 'recurring', periods: schoolTerms(plan), warnings, repeat: { every: 'term' } }, extras, shown);
    if (flags.throughout) return withExtras({ kind: 'throughout', periods: [{ start: plan.planStart, end: plan.planEnd }], warnings }, extras, shown);
    return unrecognized([`Срок не распознан: «${shownClip}».`], suggestFix(shown));
  }

  shareAcrossLists(st.clauses);

  // "март, июнь, сентябрь, декабрь 20 числа": the day applies to every month listed before it.
  const repeat = monthDays(st.clauses, flags, planOk ? plan : null, warnings);
  if (repeat) {
    if ('error' in repeat) return unrecognized([...warnings, repeat.error]);
    return withExtras({ kind: 'recurring', periods: repeat.periods, warnings, repeat: repeat.rule }, extras, shown);
  }

  const entries: Entry[] = [];
  for (const c of st.clauses) {
    const error = resolveClause(c, planOk ? plan : null, flags.yearly, entries, warnings);
    if (error) return unrecognized([...warnings, error], suggestFix(shown));
  }
  entries.sort((x, y) => (x.period.start < y.period.start ? -1 : x.period.start > y.period.start ? 1 : x.period.end < y.period.end ? -1 : 1));
  const unique: Entry[] = [];
  for (const e of entries) {
    // No read past the end: an out-of-bounds read is a slow path in V8.
    const last = unique.length ? unique[unique.length - 1] : undefined;
    if (!last || last.period.start !== e.period.start || last.period.end !== e.period.end) unique.push(e);
  }
  // "2 раза в год (декабрь, май)": of every year's occurrences, those the plan holds.
  const kept = flags.yearly && planOk && unique.length > 1
    ? unique.filter((e) => e.period.start <= plan.planEnd && e.period.end >= plan.planStart)
    : unique;
  const final = kept.length ? kept : unique;
  const kind: DeadlineKind = final.length === 1 ? (final[0] as Entry).kind : 'recurring';
  const periods: Period[] = [];
  for (const e of final) periods.push(e.period);
  return withExtras({ kind, periods, warnings }, extras, shown);
}

// Allocated only when a cell has them: this runs for every row of a sheet.
interface Extras {
  times: string[] | null;
  notes: string[] | null;
  /** A misspelt month or Latin letters in a Russian word was read: worth offering a fix. */
  typo: boolean;
}

const note = (e: Extras, text: string): void => {
  (e.notes ??= []).push(text);
};
const time = (e: Extras, text: string): void => {
  (e.times ??= []).push(text);
};

function withExtras(d: Deadline, extras: Extras, shown: string): Deadline {
  if (extras.times) d.times = extras.times;
  if (extras.notes) d.notes = extras.notes;
  // Only a misspelt month or a Latin look-alike can have a fix in a text that was understood.
  const fix = extras.typo ? suggestFix(shown) : null;
  if (fix) d.fix = fix;
  return d;
}

/**
 * Sets aside what is not the date, so the grammar sees only dates: brackets and quoted names
 * without a date in them ("(9 дней)", "(суббота)", "«70 лет Победы»"), times ("10.00", "в 15 час."), document numbers ("№ 671-р")
 * and the dates of documents ("распоряжение от 12.05.2022").
 */
function prepare(toks: Tok[], extras: Extras): Tok[] {
  // Most cells have nothing to set aside: keep their tokens as they are.
  let needed = false;
  for (let i = 0; i < toks.length && !needed; i++) needed = needsPreparing(toks[i] as Tok, i, toks);
  if (!needed) return toks;
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    switch (t.k) {
      case 'open': {
        let j = i + 1;
        let dated = false;
        const words: string[] = [];
        for (; j < toks.length && toks[j]?.k !== 'close' && toks[j]?.k !== 'open'; j++) {
          const u = toks[j] as Tok;
          if (u.k === 'date' || u.k === 'monthyear' || (u.k === 'word' && monthOf(u.w) !== undefined)) dated = true;
          if (u.k === 'word') words.push(u.w);
          else if (u.k === 'num') words.push(u.raw);
        }
        // A bracket that is the whole text is the deadline itself ("(по графику)"); a quoted
        // number is the day of a date written «1» февраля.
        const alone = out.length === 0 && j >= toks.length - 1;
        const quotedDay = j === i + 2 && toks[i + 1]?.k === 'num';
        if (!dated && !alone && !quotedDay) {
          note(extras, `(${words.join(' ')})`);
          i = j;
        }
        break;
      }
      case 'close':
        break;
      case 'time':
        time(extras, t.raw);
        break;
      case 'numero': {
        // "№ 671-р", "№ 12/3", "№1е": the number of a document. Not "№22 – 9 февраля": a dash
        // followed by a number starts the date.
        let j = i + 1;
        if (toks[j]?.k === 'num') j++;
        for (;;) {
          const sep = toks[j];
          const part = toks[j + 1];
          const shortWord = part?.k === 'word' && part.w.length <= 3 && monthOf(part.w) === undefined;
          if (sep?.k === 'word' && sep.w.length <= 2 && monthOf(sep.w) === undefined && j === i + 2) j++;
          else if ((sep?.k === 'dash' || sep?.k === 'slash') && shortWord) j += 2;
          else if (sep?.k === 'slash' && part?.k === 'num') j += 2;
          else break;
        }
        i = j - 1;
        break;
      }
      case 'num': {
        const next = toks[i + 1];
        if (next?.k === 'word' && wordClass(next.w) === 'hour' && t.n <= 23) {
          time(extras, `${t.n}:00`);
          i++;
        } else out.push(t);
        break;
      }
      case 'word': {
        const next = toks[i + 1];
        if (wordClass(t.w) === 'of' && (next?.k === 'date' || next?.k === 'monthyear')) {
          note(extras, `от ${next.raw}`);
          i++;
        } else out.push(t);
        break;
      }
      default:
        out.push(t);
    }
  }
  return out;
}

const needsPreparing = (t: Tok, i: number, toks: Tok[]): boolean => {
  if (t.k === 'open' || t.k === 'close' || t.k === 'time' || t.k === 'numero') return true;
  const next = toks[i + 1];
  if (t.k === 'word') return wordClass(t.w) === 'of' && (next?.k === 'date' || next?.k === 'monthyear');
  return t.k === 'num' && next?.k === 'word' && wordClass(next.w) === 'hour';
};

/** "4 неделя сентября", "первая неделя месяца": a week unit; returns the last token consumed. */
function weekUnit(toks: Tok[], j: number, n: number, raw: string, st: ClauseBuilder): number {
  const next = toks[j + 1];
  const m = next?.k === 'word' ? monthOf(next.w) : undefined;
  st.atom(unit('week', raw, 0, m ?? 0, n));
  return m !== undefined ? j + 1 : j;
}

/** "вторая среда марта", "последний понедельник месяца": the n-th weekday of a month. */
function weekdayUnit(toks: Tok[], j: number, n: number, raw: string, st: ClauseBuilder): number {
  const wd = weekdayOf((toks[j] as { w: string }).w) as number;
  const next = toks[j + 1];
  const m = next?.k === 'word' ? monthOf(next.w) : undefined;
  st.atom(unit('wday', raw, wd, m ?? 0, n));
  return m !== undefined ? j + 1 : j;
}

const isOpen = (c: Clause): boolean => !c.b && !!c.a && (c.a.u === 'dom' || c.a.u === 'week' || c.a.u === 'wday') && c.a.m === 0;

/**
 * Clauses made of days of a month not written ("20 числа", "первая неделя месяца"): a monthly or
 * quarterly rule, or the months listed before the day. Null when the clauses hold no such unit.
 */
function monthDays(
  clauses: Clause[],
  flags: { monthly: boolean; quarterly: boolean; following: boolean; monthWord: boolean },
  plan: PlanContext | null,
  warnings: string[],
): { periods: Period[]; rule: DeadlineRepeat } | { error: string } | null {
  let any = false;
  for (const c of clauses) if (isOpen(c)) any = true;
  if (!any) return null;
  const open = clauses.filter(isOpen);
  const months = clauses.filter((c) => !c.b && c.a?.u === 'month');
  if (months.length + open.length !== clauses.length) return { error: `Не указан месяц для «${(open[0]?.a as Unit).raw}».` };
  if (months.length) {
    // The day applies to each month listed: turn them into days and resolve as usual.
    const day = open[0]?.a as Unit;
    if (open.length !== 1 || day.u !== 'dom') return { error: `Не указан месяц для «${day.raw}».` };
    const out: Entry[] = [];
    for (const c of months) {
      const error = resolveClause({ ...c, by: open[0]?.by ?? c.by, a: { ...(c.a as Unit), u: 'day', d: day.d } }, plan, false, out, warnings);
      if (error) return { error };
    }
    out.sort((x, y) => (x.period.start < y.period.start ? -1 : 1));
    return { periods: out.map((e) => e.period), rule: { every: 'month', day: day.d } };
  }
  // "20 числа", "1 неделя" alone name no month: not a rule to guess.
  if (!flags.monthly && !flags.quarterly && !flags.monthWord) return { error: `Не указан месяц для «${(open[0]?.a as Unit).raw}».` };
  if (!plan) return { error: `Не указан месяц для «${(open[0]?.a as Unit).raw}», а период плана не задан.` };
  const periods: Period[] = [];
  for (const c of open) {
    const x = c.a as Unit;
    const by = c.by !== 0;
    // "ежеквартально до 5 числа месяца, следующего за отчётным": the month after each quarter.
    const quarterly = flags.quarterly && flags.following;
    const step = quarterly ? 3 : 1;
    for (const p of monthlyOccurrences(plan, step, (y, m) => {
      if (x.u === 'dom') return isValidDay(y, m, x.d) ? { start: by ? toISO(y, m, 1) : toISO(y, m, x.d), end: toISO(y, m, x.d) } : { start: toISO(y, m, 1), end: toISO(y, m, daysInMonth(y, m)) };
      if (x.u === 'week') return weekOfMonth(y, m, x.n);
      const d = nthWeekday(y, m, x.d, x.n);
      return d ? { start: d, end: d } : null;
    })) periods.push(p);
  }
  periods.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const first = open[0]?.a as Unit;
  return { periods, rule: { every: flags.quarterly && flags.following ? 'quarter' : 'month', ...(first.u === 'dom' ? { day: first.d } : {}) } };
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

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

type NumberUnit = 'day' | 'quarter' | 'half' | 'decade' | 'week' | 'dom';
interface Found {
  u: NumberUnit;
  /** Last token the unit consumed, or -1 when a later number consumes it ("1-15 мая": the 1). */
  j: number;
  m: number;
  /** The year of a date the number shares ("18-26.03.2023"). */
  y: number | null;
}

/**
 * What a number at toks[i] counts (day of a month, week, quarter, half-year, "20 числа"), looking
 * past "-й" and along ranges and lists of numbers ("1-15 мая", "2, 9, 16 октября", "3,4 неделя
 * января", "18-26.03.2023"). Bounded by the token count, so it cannot run away.
 */
function unitAfterNumber(toks: Tok[], i: number, depth = 0): Found | null {
  let j = i + 1;
  const after = toks[j];
  const suffix = toks[j + 1];
  if (after?.k === 'dash' && suffix?.k === 'word' && wordClass(suffix.w) === 'suffix') j += 2;
  else if (after?.k === 'word' && wordClass(after.w) === 'suffix') j += 1;
  const next = toks[j];
  if (next?.k === 'word') {
    const m = monthOf(next.w);
    if (m !== undefined) return { u: 'day', j, m, y: null };
    const cls = wordClass(next.w);
    if (cls === 'quarter' || cls === 'half' || cls === 'decade') return { u: UNIT_WORDS[cls], j, m: 0, y: null };
    if (cls === 'dayOf') return { u: 'dom', j, m: 0, y: null };
    if (cls === 'week') {
      const w = toks[j + 1];
      const wm = w?.k === 'word' ? monthOf(w.w) : undefined;
      return wm !== undefined ? { u: 'week', j: j + 1, m: wm, y: null } : { u: 'week', j, m: 0, y: null };
    }
    if ((cls === 'to' || cls === 'by' || cls === 'and') && depth < 40) return followedBy(toks, j, depth);
    return null;
  }
  if ((next?.k === 'dash' || next?.k === 'list') && depth < 40) {
    // "18-26.03.2023", "01.- 08.05.23г.": a day range ending in a full date.
    const d = toks[j + 1];
    if (next.k === 'dash' && d?.k === 'date') return { u: 'day', j: -1, m: d.m, y: d.y };
    return followedBy(toks, j, depth);
  }
  return null;
}

/** "1-15 мая", "1 и 15 мая", "I-II квартал": the first number takes its unit from the next one. */
function followedBy(toks: Tok[], j: number, depth: number): Found | null {
  const second = toks[j + 1];
  const isNumber = second?.k === 'num' ? second.raw.length <= 2 : second?.k === 'word' && ordinalOf(second.w) !== undefined;
  if (!isNumber) return null;
  const found = unitAfterNumber(toks, j + 1, depth + 1);
  // The first number does not consume anything: the later one will.
  return found ? { ...found, j: -1 } : null;
}

function number(toks: Tok[], i: number, n: number, raw: string, st: ClauseBuilder, strays: string[]): number {
  const found = unitAfterNumber(toks, i);
  if (!found) {
    // "2 раза в год": a count, not a date.
    const next = toks[i + 1];
    if (!(next?.k === 'word' && wordClass(next.w) === 'each')) strays.push(raw);
    return i;
  }
  const word = found.j >= 0 ? toks[found.j] : undefined;
  const shown = word?.k === 'word' ? `${raw} ${word.w}` : raw;
  if (found.u === 'day') st.atom(unit('day', shown, n, found.m, 0, found.y));
  else if (found.u === 'dom') st.atom(unit('dom', shown, n));
  else if (found.u === 'week') st.atom(unit('week', shown, 0, found.m, n));
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
    // "вторая среда марта (13.03.24)": the date written beside it gives the year.
    if (c.a?.u === 'wday' && c.a.y === null && !c.b && next.a?.u === 'day' && next.a.y !== null && next.a.m === c.a.m) c.a.y = next.a.y;
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
    case 'week': return weekOfMonth(y, x.m, x.n)?.start ?? toISO(y, x.m, 1);
    case 'wday': return nthWeekday(y, x.m, x.d, x.n) ?? toISO(y, x.m, 1);
    case 'dom': return toISO(y, 1, 1);
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
    case 'week': return weekOfMonth(y, x.m, x.n)?.end ?? toISO(y, x.m, 1);
    case 'wday': return nthWeekday(y, x.m, x.d, x.n) ?? toISO(y, x.m, 1);
    case 'dom': return toISO(y, 1, 1);
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
    case 'week':
      if (x.m < 1 || x.m > 12) return `Для недели «${x.raw}» не указан месяц.`;
      return x.n === -1 || (x.n >= 1 && x.n <= 6) ? null : `Недели «${x.raw}» не существует: в месяце не больше шести недель.`;
    case 'wday':
      if (x.m < 1 || x.m > 12) return `Для дня недели «${x.raw}» не указан месяц.`;
      return x.n === -1 || (x.n >= 1 && x.n <= 5) ? null : `Дня «${x.raw}» не существует: в месяце не больше пяти одинаковых дней недели.`;
    case 'dom': return `Не указан месяц для «${x.raw}».`;
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

/** 29 февраля fits only leap years; the fifth week or Monday of a month only some months. */
const fits = (x: Unit, y: number): boolean =>
  x.u === 'day' ? isValidDay(y, x.m, x.d) : x.u === 'week' ? weekOfMonth(y, x.m, x.n) !== null : x.u === 'wday' ? nthWeekday(y, x.m, x.d, x.n) !== null : true;

/** Adds the clause's periods to out; returns a Russian error when the clause is not a real deadline. */
function resolveClause(c: Clause, plan: PlanContext | null, yearly: boolean, out: Entry[], warnings: string[]): string | null {
  const a = c.a as Unit;
  const b = c.range ? c.b : null;
  if (b && (a.u === 'day' || a.u === 'decade' || a.u === 'week') && a.m === 0 && b.u === a.u) a.m = b.m;
  for (const x of b ? [a, b] : [a]) {
    const bad = invalid(x);
    if (bad) return bad;
  }
  // "май 2023-2024гг": a month (day, quarter) repeated over a range of years.
  if (b && b.u === 'year' && a.u !== 'year' && a.u !== 'school') {
    if (a.y === null || b.y === null || b.y < a.y || b.y - a.y > 50) return `Не распознан диапазон лет в «${a.raw} … ${b.raw}».`;
    for (let y = a.y; y <= b.y; y++) {
      const error = resolveClause({ ...c, range: false, b: null, a: { ...a, y } }, plan, false, out, warnings);
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
      end = endFits(b, by);
      if (a.y === null && b.y !== null && start !== null && start > endOf(b, b.y)) {
        // "Сентябрь-март 2020 года": the school year ending in 2020, or the one starting in it.
        const chosen = crossYear(a, b, b.y, plan, warnings);
        start = chosen.start;
        end = chosen.end;
      }
      if (b.y === null && end !== null && start !== null && end < start) end = endFits(b, (by += 1));
    } else end = endFits(a, ay);
    if (start === null || end === null) return `Дата «${a.raw}» не существует в ${ay} году.`;
    if (end < start) return `Конец периода раньше его начала: «${b?.raw ?? ''}» раньше «${a.raw}»; проверьте годы.`;
    if (c.by) {
      const due = c.by === 1 && a.u !== 'day' ? addDays(start, -1) : end;
      const from = yearly ? toISO(Number(due.slice(0, 4)), 1, 1) : plan ? plan.planStart : due;
      out.push({ kind: 'by', period: { start: from <= due ? from : due, end: due } });
    } else if (c.from && !b && plan) {
      out.push({ kind: 'period', period: { start, end: plan.planEnd >= start ? plan.planEnd : end } });
    } else {
      out.push({ kind: b || (a.u !== 'day' && a.u !== 'wday') ? 'period' : 'date', period: { start, end } });
    }
  }
  return null;
}

/**
 * A range whose end month precedes its start month, with one year written: the year ends it
 * (September 2019 – March 2020) or starts it (September 2020 – March 2021). The plan decides:
 * the reading that lies inside it, else the one that overlaps it more; a warning says so when
 * the plan does not settle it.
 */
function crossYear(a: Unit, b: Unit, y: number, plan: PlanContext | null, warnings: string[]): Period {
  const ending = { start: startOf(a, y - 1), end: endOf(b, y) };
  const starting = { start: startOf(a, y), end: endOf(b, y + 1) };
  if (!plan) {
    warnings.push(ambiguity(a, b, ending, starting));
    return ending;
  }
  const inside = (p: Period): boolean => p.start >= plan.planStart && p.end <= plan.planEnd;
  if (inside(ending) !== inside(starting)) return inside(ending) ? ending : starting;
  const overlap = (p: Period): number => {
    const from = p.start > plan.planStart ? p.start : plan.planStart;
    const to = p.end < plan.planEnd ? p.end : plan.planEnd;
    return to < from ? 0 : Number(to.slice(0, 4)) * 372 + Number(to.slice(5, 7)) * 31 - (Number(from.slice(0, 4)) * 372 + Number(from.slice(5, 7)) * 31) + 1;
  };
  const chosen = overlap(starting) > overlap(ending) ? starting : ending;
  warnings.push(ambiguity(a, b, chosen, chosen === ending ? starting : ending));
  return chosen;
}

const monthYear = (d: ISODate): string => `${MONTH_NAMES[Number(d.slice(5, 7)) - 1] ?? ''} ${d.slice(0, 4)}`;
const ambiguity = (a: Unit, b: Unit, chosen: Period, other: Period): string =>
  `Срок «${a.raw} – ${b.raw} ${b.y ?? ''}» можно прочитать двояко: принят период «${monthYear(chosen.start)} – ${monthYear(chosen.end)}»; ` +
  `если имелся в виду «${monthYear(other.start)} – ${monthYear(other.end)}», укажите оба года.`;

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
