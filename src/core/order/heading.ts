// The heading of an order from a roadmap activity: "Разработка и утверждение положения" →
// "О разработке и утверждении положения". Only the head phrase (coordinated adjectives + nouns at
// the start) is put into the prepositional case; genitive complements, prepositional phrases,
// quotes, parentheses and abbreviations stay exactly as typed.
import { inflectWord, isNominativeAdjective, isVerbalNoun, type InflectionCase } from './inflect';

const PREPOSITIONS = new Set([
  'в', 'во', 'на', 'о', 'об', 'обо', 'по', 'с', 'со', 'за', 'для', 'до', 'при', 'к', 'ко', 'из',
  'от', 'у', 'через', 'между', 'над', 'под', 'без', 'про', 'среди', 'после', 'перед', 'согласно',
  'как', 'что', 'который', 'которые', 'а', 'но',
]);
const COORDINATORS = new Set(['и', 'или']);
/** Prepositions that take the accusative: "на обучение и воспитание" keeps its accusative pair. */
const ACCUSATIVE_PREPOSITIONS = new Set(['в', 'во', 'на', 'за', 'через', 'про']);
/** Abbreviations after which a full stop does not end the sentence. */
const ABBREVIATIONS = /(?:^|\s)(?:г|гг|т|д|др|п|пп|ст|им|ул|№|р|руб|тыс|млн|с|стр)\.$/i;

/** «О» or «Об» for a phrase: «Об» before а, о, у, э, и (ы never starts a word); е, ё, ю, я take «О». */
export function aboutPreposition(phrase: string): 'О' | 'Об' {
  return /^[аоуэиАОУЭИ]/.test(phrase) ? 'Об' : 'О';
}

/** Strips HTML junk, list markers, item numbers and "(далее – …)" definitions. */
function clean(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[-–—•·*]\s*|\d+(?:\.\d+)*\.?\s+)+/, '')
    .replace(/\s*\(далее\s*[-–—]?[^)]*\)/gi, '')
    .trim();
}

/** The first sentence, before a colon or semicolon at the top level (not inside «» or ()). */
function firstClause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '«' || ch === '(' || ch === '“') depth++;
    else if ((ch === '»' || ch === ')' || ch === '”') && depth > 0) depth--;
    else if (depth === 0 && (ch === ':' || ch === ';')) return text.slice(0, i);
    else if (depth === 0 && ch === '.' && /^\s+[А-ЯЁA-Z0-9]/.test(text.slice(i + 1)) && !ABBREVIATIONS.test(text.slice(0, i + 1))) {
      return text.slice(0, i);
    }
  }
  return text;
}

const TRAILING = /[\s.,;:!?\-–—]+$/;

/** Drops trailing punctuation, but keeps the full stop of an abbreviation ("с 2022 г."). */
function dropTrailing(text: string): string {
  const stripped = text.replace(TRAILING, '').trim();
  const abbreviation = /(?:^|\s)(?:г|гг|др)$/.exec(stripped);
  return abbreviation && text.trim().startsWith(`${stripped}.`) ? `${stripped}.` : stripped;
}

interface Token {
  lead: string;
  core: string;
  trail: string;
}

function tokenize(text: string): Token[] {
  return text.split(' ').filter(Boolean).map((raw) => {
    const m = /^([^A-Za-zА-Яа-яЁё0-9]*)(.*?)([^A-Za-zА-Яа-яЁё0-9]*)$/.exec(raw);
    return { lead: m?.[1] ?? '', core: m?.[2] ?? raw, trail: m?.[3] ?? '' };
  });
}

const isAbbreviation = (core: string) => core.length >= 2 && core === core.toUpperCase() && /[А-ЯЁA-Z]/.test(core);
const isWord = (core: string) => /^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$/.test(core);

/** Inflects the head phrase (prepositional by default); the rest is untouched. */
export function inflectHeadPhrase(phrase: string, grammaticalCase: InflectionCase = 'prepositional'): string {
  const toCase = (word: string, kind: 'noun' | 'adjective') => inflectWord(word, kind, grammaticalCase);
  const tokens = tokenize(phrase);
  type State = 'head' | 'afterAdjective' | 'afterNoun' | 'tail';
  let state: State = 'head';
  let depth = 0;
  let lastPreposition = '';
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = t.core.toLowerCase();
    const plain = t.lead === '' && depth === 0 && isWord(t.core) && !isAbbreviation(t.core);
    let core = t.core;
    if (state !== 'tail' && !plain) state = 'tail';
    if (state === 'head' || state === 'afterAdjective') {
      if (COORDINATORS.has(lower) && state === 'afterAdjective') {
        // "методическое и организационное сопровождение"
      } else if (PREPOSITIONS.has(lower) || COORDINATORS.has(lower)) {
        state = 'tail';
      } else if (isNominativeAdjective(lower)) {
        core = toCase(t.core, 'adjective');
        state = 'afterAdjective';
      } else {
        core = toCase(t.core, 'noun');
        state = t.trail.startsWith(',') ? 'head' : 'afterNoun';
      }
    } else if (state === 'afterNoun') {
      state = COORDINATORS.has(lower) ? 'head' : 'tail';
    } else if (plain && depth === 0 && i > 0 && /(ние|тие)$/.test(lower) && isVerbalNoun(lower) && startsCoordinate(tokens[i - 1]!, lastPreposition)) {
      // "…за внедрение ЦМН, назначение куратора", "…данных о количестве … и представление форм":
      // a new coordinated head in the nominative.
      core = toCase(t.core, 'noun');
      state = t.trail.startsWith(',') ? 'head' : 'afterNoun';
    }
    if (state === 'tail' && depth === 0 && PREPOSITIONS.has(lower)) lastPreposition = lower;
    for (const ch of t.lead + t.core + t.trail) {
      if (ch === '«' || ch === '(' || ch === '“') depth++;
      else if ((ch === '»' || ch === ')' || ch === '”') && depth > 0) depth--;
    }
    out.push(t.lead + core + t.trail);
  }
  return out.join(' ');
}

/** After a comma, or after "и" unless an accusative preposition could govern the pair. */
function startsCoordinate(previous: Token, lastPreposition: string): boolean {
  if (previous.trail.startsWith(',')) return true;
  return previous.lead === '' && previous.trail === '' && COORDINATORS.has(previous.core.toLowerCase()) && !ACCUSATIVE_PREPOSITIONS.has(lastPreposition);
}

/** Lower-cases the first letter unless the first word is an abbreviation (ЦМН, МБОУ). */
function lowerFirst(text: string): string {
  const first = /^[^\s]+/.exec(text)?.[0] ?? '';
  const core = first.replace(/[^А-Яа-яЁёA-Za-z-]/g, '');
  if (isAbbreviation(core)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The heading of an order about an activity: «О/Об» + the activity's verbal-noun phrase in the
 * prepositional case. "Назначение кураторов внедрения ЦМН" → "О назначении кураторов внедрения
 * ЦМН"; a text that already reads "О …" or "Приказ о …" keeps its wording.
 */
export function orderHeadingFor(activity: string): string {
  let text = clean(activity);
  text = dropTrailing(firstClause(text));
  if (text === '') return '';
  const already = /^(?:приказы?\s+)?(об?|обо)\s+(.*)$/i.exec(text);
  if (already) {
    const rest = already[2] ?? '';
    return `${aboutPreposition(rest)} ${rest}`;
  }
  const phrase = lowerFirst(inflectHeadPhrase(text));
  return `${aboutPreposition(phrase)} ${phrase}`;
}
