// Lexing of deadline text: normalisation, tokens and the vocabulary of deadline words.
import { MONTH_FORMS } from './months';

export type Tok =
  | { k: 'date'; d: number; m: number; y: number | null; raw: string }
  | { k: 'monthyear'; m: number; y: number; raw: string }
  | { k: 'num'; n: number; raw: string }
  | { k: 'word'; w: string }
  | { k: 'dash' }
  | { k: 'list'; newline: boolean }
  | { k: 'slash' }
  /** A time of day written beside a date: "14:30", "10.00". */
  | { k: 'time'; raw: string }
  | { k: 'open' }
  | { k: 'close' }
  /** "№": the number after it names a document, not a date. */
  | { k: 'numero' };

export type WordClass =
  | 'filler' | 'throughout' | 'external' | 'yearly' | 'quarterly' | 'monthly'
  | 'each' | 'span' | 'by' | 'byEnd' | 'end' | 'from' | 'to' | 'and' | 'quarter' | 'half' | 'decade' | 'school' | 'suffix'
  | 'week' | 'term' | 'dayOf' | 'hour' | 'of' | 'last' | 'following' | 'plural';

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const YO = /ё/g;
const NON_ASCII_DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const SPACES = /\s+/g;
const HOLIDAYS = /(?:д(?:ень|ня|ню|нем|не)\s+(учителя|знаний|защиты\s+детей|победы|народного\s+единства|российской\s+науки|космонавтики))|(?:международн\w*\s+женск\w*\s+дн\w*)/g;
const HOLIDAY_DATES: Record<string, string> = {
  учителя: ' 5 октября ',
  знаний: ' 1 сентября ',
  'защиты детей': ' 1 июня ',
  победы: ' 9 мая ',
  'народного единства': ' 4 ноября ',
  'российской науки': ' 8 февраля ',
  космонавтики: ' 12 апреля ',
};

// Latin letters that look Cyrillic, typed by mistake inside Russian words ("aпреля" with a Latin a).
const LOOK_ALIKE: Record<string, string> = { a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у' };
// One pass over words (no nested quantifiers: a 50,000-letter word must not backtrack).
const WORD = /[a-zа-я]+/g;
const LATIN = /[a-z]/;
const CYRILLIC = /[а-я]/;
const fixLookAlikes = (word: string): string => {
  if (!LATIN.test(word) || !CYRILLIC.test(word)) return word;
  let out = '';
  for (const ch of word) out += LOOK_ALIKE[ch] ?? ch;
  return out;
};

/** Lower case, ё → е, Latin look-alikes inside Russian words → Cyrillic, every dash → '-', well-known days → their dates. */
export function normalize(text: string): string {
  let s = text.toLowerCase();
  if (LATIN.test(s) && CYRILLIC.test(s)) s = s.replace(WORD, fixLookAlikes);
  // Guards first: most cells have none of these, and a failed includes() is cheaper than a replace.
  if (s.includes('ё')) s = s.replace(YO, 'е');
  if (NON_ASCII_DASH.test(s)) s = s.replace(DASHES, '-');
  if (s.includes('дн') || s.includes('ден')) s = s.replace(HOLIDAYS, (_m, name: string | undefined) => HOLIDAY_DATES[(name ?? '').replace(SPACES, ' ')] ?? ' 8 марта ');
  return s;
}

// A hand-written scanner (no regex per token): deadlines are lexed for every row of a sheet.
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 1072 && c <= 1103) || c === 1110; // a-z, а-я, і

/** Reads up to max digits at i; returns [value, length]. */
function digits(s: string, i: number, max: number): [number, number] {
  let v = 0;
  let n = 0;
  while (n < max && i + n < s.length && isDigit(s.charCodeAt(i + n))) v = v * 10 + (s.charCodeAt(i + n++) - 48);
  return [v, n];
}

const followedByDigit = (s: string, i: number): boolean => i < s.length && isDigit(s.charCodeAt(i));

/**
 * Tokens of normalised text. Numeric dates are recognised here: 2021-02-01, 01.02.2021, 1/2/21,
 * 09.2022 (a month), 25.05 (a day without a year).
 */
export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      const start = i;
      const [a, la] = digits(s, i, 32);
      i += la;
      const sep = s.charCodeAt(i);
      if (la === 4 && sep === 45 /* - */) {
        const [m, lm] = digits(s, i + 1, 3);
        if ((lm === 1 || lm === 2) && s.charCodeAt(i + 1 + lm) === 45) {
          const [d, ld] = digits(s, i + 2 + lm, 3);
          if (ld === 1 || ld === 2) {
            i += 2 + lm + ld;
            out.push({ k: 'date', y: a, m, d, raw: s.slice(start, i) });
            continue;
          }
        }
      } else if (la <= 2 && (sep === 46 /* . */ || sep === 47 /* / */ || sep === 58 /* : */)) {
        const [b, lb] = digits(s, i + 1, 5);
        if (lb === 4) {
          i += 1 + lb;
          out.push({ k: 'monthyear', m: a, y: b, raw: s.slice(start, i) });
          continue;
        }
        if (lb === 2 && a <= 23 && !(s.charCodeAt(i + 3) === 46 && followedByDigit(s, i + 4)) && (sep === 58 || isClock(s, i + 1, b))) {
          i += 3;
          out.push({ k: 'time', raw: `${a}:${s.slice(i - 2, i)}` });
          continue;
        }
        if (lb === 1 || lb === 2) {
          const sep2 = s.charCodeAt(i + 1 + lb);
          if (sep2 === 46 || sep2 === 47) {
            const [y, ly] = digits(s, i + 2 + lb, 5);
            if (ly === 2 || ly === 4) {
              i += 2 + lb + ly;
              out.push({ k: 'date', d: a, m: b, y: ly === 2 ? 2000 + y : y, raw: s.slice(start, i) });
              continue;
            }
          }
          if (sep === 46 && !(sep2 === 46 && followedByDigit(s, i + 2 + lb))) {
            i += 1 + lb + (sep2 === 46 ? 1 : 0);
            out.push({ k: 'date', d: a, m: b, y: null, raw: s.slice(start, i) });
            continue;
          }
        }
      }
      out.push({ k: 'num', n: la > 6 ? -1 : a, raw: s.slice(start, start + la) });
      continue;
    }
    if (isLetter(c)) {
      const start = i;
      while (i < s.length && isLetter(s.charCodeAt(i))) i++;
      out.push({ k: 'word', w: s.slice(start, i) });
      continue;
    }
    // A line break is a space: Word and PDF columns wrap phrases anywhere ("до\n05.10.2022",
    // "25 августа\n2022 года"); lists across lines still separate by their units.
    if (c === 45) out.push(DASH);
    else if (c === 44 || c === 59 || c === 43) out.push(LIST);
    else if (c === 47) out.push(SLASH);
    // Brackets, and the quotes around names («Сясьстройская СОШ №2», «70 лет Победы»).
    else if (c === 40 || c === 91 || c === 171 || c === 8220) out.push(OPEN);
    else if (c === 41 || c === 93 || c === 187 || c === 8221) out.push(CLOSE);
    else if (c === 8470) out.push(NUMERO);
    i++;
  }
  return out;
}

// Punctuation tokens carry no data: share them.
const DASH: Tok = { k: 'dash' };
const LIST: Tok = { k: 'list', newline: false };
const SLASH: Tok = { k: 'slash' };
const OPEN: Tok = { k: 'open' };
const CLOSE: Tok = { k: 'close' };
const NUMERO: Tok = { k: 'numero' };

/** "10.00", "15.30", "10.05 ч.": a clock time, not a day and month (minutes 00, past 12, or "ч"/"час" after). */
function isClock(s: string, i: number, minutes: number): boolean {
  if (minutes > 59) return false;
  if (minutes === 0 || minutes > 12) return true;
  let j = i + 2;
  while (s.charCodeAt(j) === 32) j++;
  return s.startsWith('ч', j) || s.startsWith('мин', j);
}

const WORDS = new Map<string, WordClass>();
const add = (cls: WordClass, words: string): void => {
  for (const w of words.split(' ')) WORDS.set(w, cls);
};
add('filler', 'г год года году в во на срок сроки срока не м мес месяц месяца месяце за отчетным отчетного отчетный ' +
  'текущего текущий этого следующего ежегодного даты дата начало начала середина середины');
add('throughout', 'постоянно постоянная постоянный течение течении теч протяжении систематически регулярно ' +
  'еженедельно ежедневно весь');
add('hour', 'ч час часа часов мин минут');
// "Срок реализации" is a column header, not a deadline: these count only as "(весь) период реализации".
add('filler', 'всего всей всех реализации');
add('span', 'период периода периоде');
add('external', 'соответствии согласно мере необходимости графику графиком запросу запросам согласованию ' +
  'отдельному отдельным отдельно установленными установленные установленным сроками поступлении поступления ' +
  'плану планом особому распоряжению приказу расписанию требованию заявкам');
add('external', 'дней дня недели недель неделю месяцев рабочих календарных после момента получения');
add('each', 'раз раза каждого каждый каждую каждое каждом каждой');
add('yearly', 'ежегодно ежегодный ежегодная');
add('quarterly', 'ежеквартально ежеквартальный');
add('monthly', 'ежемесячно ежемесячный');
add('by', 'до к ко');
add('byEnd', 'позднее позже поздн позд');
add('end', 'конца окончания конец концу');
add('from', 'с со');
add('to', 'по');
add('and', 'и');
add('quarter', 'квартал квартала квартале кварталы кварталах кварталов кв');
add('half', 'полугодие полугодия полугодии полугод полуг');
add('decade', 'декада декады декаде декаду декадой');
add('school', 'учебный учебного учебном учебному уч учеб');
add('week', 'неделя недели неделю неделе');
add('term', 'четверть четверти четвертям');
add('dayOf', 'числа число');
add('of', 'от');
add('last', 'последняя последней последнюю последний последнего последняя последнее');
add('following', 'следующего следующем следующий');
add('plural', 'годы гг годов годах');
add('suffix', 'й ый ий ой го е ом м');

const ROMAN = new Map<string, number>([['i', 1], ['ii', 2], ['iii', 3], ['iv', 4], ['і', 1], ['іі', 2], ['ііі', 3], ['іv', 4]]);
const ORDINAL_STEMS: ReadonlyArray<readonly [string, number]> = [['перв', 1], ['втор', 2], ['трет', 3], ['четв', 4], ['пят', 5]];

export function wordClass(w: string): WordClass | undefined {
  return WORDS.get(w);
}

const WEEKDAY_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['понедельник', 1], ['вторник', 2], ['сред', 3], ['четверг', 4], ['пятниц', 5], ['суббот', 6], ['воскресень', 7],
];
const WEEKDAY_SHORT = new Map<string, number>([['пн', 1], ['вт', 2], ['ср', 3], ['чт', 4], ['пт', 5], ['сб', 6], ['вс', 7]]);

/** "понедельник", "средам", "пт" → 1..7 (Monday = 1), else undefined. */
export function weekdayOf(w: string): number | undefined {
  const short = WEEKDAY_SHORT.get(w);
  if (short !== undefined) return short;
  if (w.length < 4) return undefined;
  for (const [stem, n] of WEEKDAY_STEMS) if (w.startsWith(stem) && w.length <= stem.length + 3) return n;
  return undefined;
}

/** Dative plural "по средам", "по понедельникам": every such weekday. */
export const isWeekdayPlural = (w: string): boolean => w.endsWith('ам') || w.endsWith('ям');

export function monthOf(w: string): number | undefined {
  return MONTH_FORMS.get(w);
}

/** "I", "ii", "первый", "второе" as a number (quarters, half-years), else undefined. */
export function ordinalOf(w: string): number | undefined {
  const roman = ROMAN.get(w);
  if (roman !== undefined) return roman;
  if (w.length < 5) return undefined;
  for (const [stem, n] of ORDINAL_STEMS) if (w.startsWith(stem)) return n;
  return undefined;
}
