// The plan's own name in the cases an order needs: "План мероприятий (дорожная карта) по
// подготовке к ГИА-9 в 2025 году" → genitive for the heading ("Об утверждении плана мероприятий
// (дорожной карты) по подготовке к государственной итоговой аттестации … в 2025 году"), accusative
// for point 1 ("Утвердить план мероприятий (дорожную карту) …"), nominative for the appendix title.
// Only the document words at the start decline; the plan's subject stays exactly as its author
// wrote it, except that an ALL-CAPS title is put into sentence case and ГИА / ЦМН after a
// preposition are spelled out in the heading. The organisation is added where the title does not
// name one: "в МБОУ …" for a school's own plan, "в образовательных организациях <территория>" for
// a district body's plan; the plan period is added when the title has no year.
import { periodText } from './format';
import { inflectHeadPhrase } from './heading';
import { inflectWord, isNominativeAdjective, type InflectionCase } from './inflect';
import { organisationIn } from './organisation';
import type { Requisites } from './requisites';

export type PlanCase = 'nominative' | 'genitive' | 'accusative';

export interface PlanName {
  /** Sentence-case title with organisation and period: the appendix title. */
  nominative: string;
  /** "плана мероприятий (дорожной карты) по …": after «Об утверждении», «за реализацию». */
  genitive: string;
  /** "план мероприятий (дорожную карту) по …": after «Утвердить». */
  accusative: string;
  /** The document words alone in the genitive: "плана мероприятий (дорожной карты)". */
  documentGenitive: string;
  /** False when the title says what the document is but not what it is about. */
  hasSubject: boolean;
}

/** Abbreviations kept in capitals when an ALL-CAPS title is put into sentence case. */
const ABBREVIATIONS = new Set(
  ('МБОУ МАОУ МКОУ МОУ МОБУ МБДОУ МАДОУ МКДОУ МДОУ МДОБУ ДОУ ОУ ОО ООШ СОШ НОШ ЦО МР МО ГО МКУ МУ МБУ МАУ РФ РД РСО ' +
    'ЦМН ГИА ОГЭ ЕГЭ ГВЭ ВПР ФГОС НОО ООО СОО ФОП ФООП ООП АООП ОВЗ ДО ДОД ГТО IT ЦРР СПО ЦДО ПМПК ИКТ ПДД ДДТТ ВСОКО ШНОР ' +
    'МБОУДО МАУДО МБУДО ДШИ ДЮСШ ЦДТ ЦВР СП ГБОУ ГАОУ ГКОУ ГБПОУ ОГБОУ КГБОУ').split(' '),
);

const LETTER = /[А-Яа-яЁёA-Za-z]/;

/** A lowered adjective of a place name before its noun gets its capital back ("свердловской области"). */
const PLACE_NOUN = /^(?:област|кра[йяею]|республик|район|округ|федераци)/i;
const PLACE_ADJECTIVE = /(?:ск|цк)(?:ой|ом|ая|ий|ого|ую|ие|их)$/i;

/**
 * "ПЛАН МЕРОПРИЯТИЙ … В МБОУ «КАЛИНОВСКАЯ ООШ»" → "План мероприятий … в МБОУ «Калиновская ООШ»".
 * Only words typed in capitals change (abbreviations stay); a word typed in mixed case is kept.
 * Place names lowered with the rest get their capital back before «области», «края», «Федерации».
 */
export function sentenceCase(title: string): string {
  const letters = title.match(/[А-ЯЁA-Zа-яёa-z]/g) ?? [];
  const upper = letters.filter((c) => c === c.toUpperCase()).length;
  if (letters.length === 0) return title;
  const mostlyCaps = upper / letters.length >= 0.6;
  // "ДОРОЖНАЯ КАРТА реализации …": only the leading document words are in capitals.
  const lead = mostlyCaps ? '' : /^((?:[А-ЯЁ]{2,}[\s(«»")-]+)+)(?=[А-ЯЁ]?[а-яё])/.exec(title)?.[1] ?? '';
  if (!mostlyCaps && (!lead || lead.split(/[^А-ЯЁ]+/).some((w) => ABBREVIATIONS.has(w)))) return title;
  const limit = mostlyCaps ? title.length : lead.length;
  const tokens = title.split(/(\s+)/);
  const lowered = new Set<number>();
  let at = 0;
  let quoteStart = true;
  const out = tokens.map((w, i) => {
    const start = at;
    at += w.length;
    if (/^\s+$/.test(w) || start >= limit) return w;
    const core = w.replace(/[^А-ЯЁA-Z0-9-]/gi, '');
    const letters = core.replace(/[^А-ЯЁа-яёA-Za-z]/g, '');
    const opensQuote = /^[(«"„]*[«"„]/.test(w);
    // In an ALL-CAPS title one-letter words are prepositions (В, С, И, К); «N» stands for №.
    const capsWord = letters === letters.toUpperCase() && (letters.length >= 2 || (mostlyCaps && letters.length === 1 && letters !== 'N'));
    const next = tokens[i + 2] ?? '';
    const abbreviation = ABBREVIATIONS.has(core.replace(/-\d+$/, '')) && !(core === 'ДО' && /^\d/.test(next));
    let word = w;
    if (capsWord && !abbreviation && !/\d/.test(core)) {
      word = w.toLowerCase();
      lowered.add(i);
    }
    if (i === 0 || (opensQuote && quoteStart && lowered.has(i))) word = word.replace(LETTER, (c) => c.toUpperCase());
    quoteStart = !/[»"“]/.test(w) || opensQuote;
    return word;
  });
  // Place names: "свердловской области", "российской федерации" → capitals back.
  for (const i of lowered) {
    const next = out[i + 2] ?? '';
    if (PLACE_ADJECTIVE.test(out[i]!.replace(/[^а-яё]/gi, '')) && PLACE_NOUN.test(next)) {
      out[i] = out[i]!.replace(LETTER, (c) => c.toUpperCase());
      if (/^федераци/i.test(next)) out[i + 2] = next.replace(LETTER, (c) => c.toUpperCase());
    }
  }
  // "правительства Российской Федерации" → the Government of a named place keeps its capital.
  for (const i of lowered) {
    if (/^правительств/i.test(out[i]!) && /^[А-ЯЁ]/.test(out[i + 2] ?? '')) out[i] = out[i]!.replace(LETTER, (c) => c.toUpperCase());
  }
  return out.join('');
}

/** Tidy text: one space between words, no trailing full stop (but "гг." keeps its stop). */
export function cleanPlanTitle(title: string): string {
  const squashed = title
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // "Приложение 1 к приказу №181/1 от 13.09.2021г. «Дорожная карта» реализации …": the approval mark is not the title.
    .replace(/^Приложение\s*(?:№\s*)?\d*\s+к\s+приказу\s[^«"]*?\s(?=[«"]?(?:Дорожная карта|План|Комплекс|Программа|Перечень)(?![а-яё]))/i, '')
    .replace(/^[«"](Дорожная карта|План мероприятий|План)[»"]/i, '$1')
    .replace(/«\s+/g, '«')
    .replace(/\s+»/g, '»');
  return sentenceCase(squashed.replace(/(?<!(?:г|гг))\.+$/i, '').trim());
}

const ADJECTIVES = '(?:[А-Яа-яЁё]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)\\s+)*';
const NOUNS = '(?:план-график|план|дорожная\\s+карта|комплекс|программа|перечень|концепция|стратегия|график|мероприятия)';
const COMPLEMENT = '(?:\\s+(?:основных\\s+|первоочередных\\s+)?(?:мероприятий|мер|действий|развития|воспитания|работы))?';
const PAREN_WORDS = '(?:дорожная\\s+карта|план\\s+мероприятий|план-график|план)';
const HEAD = new RegExp(`^(${ADJECTIVES}${NOUNS}${COMPLEMENT})(\\s*\\(\\s*[«"„]?\\s*${PAREN_WORDS}\\s*[»"“]?\\s*\\))?`, 'i');

/** Splits "План мероприятий (дорожная карта) по …" into the document words and the rest. */
export function splitPlanTitle(title: string): { head: string; paren: string; rest: string } | null {
  const m = HEAD.exec(title);
  if (!m) return null;
  return { head: m[1]!, paren: m[2] ?? '', rest: title.slice(m[0].length) };
}

/** Lower-cases the first letter unless the first word is an abbreviation (ФГОС, МБОУ). */
function lowerFirst(text: string): string {
  const first = (/^[^\s]+/.exec(text)?.[0] ?? '').replace(/[^А-ЯЁа-яёA-Za-z-]/g, '');
  if (first.length > 1 && first === first.toUpperCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function inCase(phrase: string, c: PlanCase): string {
  return c === 'nominative' ? phrase : inflectHeadPhrase(phrase, c as InflectionCase);
}

/** The parenthesis "(дорожная карта)" or "(«дорожная карта»)" in the case of the document words. */
function parenInCase(paren: string, c: PlanCase): string {
  return paren.replace(/^(\s*\(\s*[«"„]?\s*)(.*?)(\s*[»"“]?\s*\))$/, (_, open: string, inner: string, close: string) => `${open}${inCase(inner, c)}${close}`);
}

/** A participle right after the document words agrees with them: ", ориентированная на …" → ", ориентированной на …". */
function agreeingParticiple(rest: string, c: PlanCase): string {
  if (c === 'nominative') return rest;
  return rest.replace(/^([^,«(]{0,40}?,\s*)([А-Яа-яЁё]+)/, (all, lead: string, word: string) =>
    isNominativeAdjective(word.toLowerCase()) && /(ая|ый|ое|ий)$/i.test(word) ? `${lead}${inflectWord(word, 'adjective', c as InflectionCase)}` : all);
}

const EXPANSIONS: [RegExp, string][] = [
  [/ГИА\s*-\s*9\b|ГИА\s+9\b/, 'государственной итоговой аттестации по образовательным программам основного общего образования'],
  [/ГИА\s*-\s*11\b|ГИА\s+11\b/, 'государственной итоговой аттестации по образовательным программам среднего общего образования'],
  [/ГИА(?![А-ЯЁа-яё-])/, 'государственной итоговой аттестации'],
  [/ЦМН(?![А-ЯЁа-яё-])/, 'целевой модели наставничества'],
];
/** Words after which a feminine abbreviation stands in the genitive, dative or prepositional case (all alike). */
const OBLIQUE_BEFORE = '(?:к|по|для|до|при|о|об|подготовки|подготовке|проведения|проведению|проведении|организации|внедрения|внедрению|внедрении|реализации|итогам)';

/** "к ГИА-9" → "к государственной итоговой аттестации по образовательным программам основного общего образования". */
export function expandAbbreviations(text: string): string {
  let out = text;
  for (const [abbr, full] of EXPANSIONS) {
    out = out.replace(new RegExp(`(^|\\s)(${OBLIQUE_BEFORE})\\s+(?:${abbr.source})`, 'gi'), (_, lead: string, word: string) => `${lead}${word} ${full}`);
  }
  return out;
}

/** Does the title already say whose plan it is (an organisation, a territory, schools)? */
export function namesOrganisation(title: string, requisites?: Pick<Requisites, 'shortName'>): boolean {
  if (requisites && requisites.shortName.trim() && title.toLowerCase().includes(requisites.shortName.trim().toLowerCase())) return true;
  return /(?:^|[\s«"(])(?:МБОУ|МАОУ|МКОУ|МОУ|МОБУ|МБДОУ|МАДОУ|МКДОУ|МДОУ|МДОБУ|ГБОУ|ГАОУ|ГКОУ|ДОУ|ОУ|ОО|ООШ|СОШ|МР|МО|ГО|МКУ|МБУ|МАУ|МБУДО|МАУДО|ДШИ)(?=$|[\s»",.)№-])/.test(title) ||
    /школ[аыеуо]|лице[йяюе]|гимнази|детск[а-яё]+ сад|детского сада|учреждени[еяйи]|организаци(?:и|ях|й|ям)(?![а-яё])|район|округ|кра[йяею](?![а-яё])|област|республик|город|кожуун|г\.\s*[А-ЯЁ]|муниципальн[а-яё]+ образовани/i.test(title);
}

/** A district education body (управление, отдел, комитет, департамент образования), not a school. */
export function isDistrictBody(requisites: Pick<Requisites, 'shortName'>): boolean {
  return /(?:управлени[а-яё]*|отдел[а-яё]*|комитет[а-яё]*|департамент[а-яё]*|министерств[а-яё]*)\s+(?:общего\s+)?образования|по\s+образованию|образования\s+администрации/i.test(requisites.shortName);
}

/** The territory in a district body's name: "МКУ «Управление образования» МР «Дербентский район»" → "МР «Дербентский район»". */
export function territoryOf(requisites: Pick<Requisites, 'shortName'>): string {
  const name = requisites.shortName.replace(/\s+/g, ' ').trim();
  const afterQuote = /^[^«]*«[^»]*»\s+(.+)$/.exec(name);
  const tail = afterQuote?.[1] ?? /(?:образования|по образованию)\s+(.+)$/i.exec(name)?.[1] ?? '';
  return tail.replace(/^администрации\s+/i, '').trim();
}

/** "в образовательных организациях МР «Дербентский район»" or "в МБОУ «Калиновская ООШ»". */
export function organisationPlace(requisites: Pick<Requisites, 'shortName' | 'shortNameIn'>): string {
  if (!isDistrictBody(requisites)) return `в ${organisationIn(requisites)}`;
  const territory = territoryOf(requisites);
  return territory ? `в образовательных организациях ${territory}` : 'в подведомственных образовательных организациях';
}

const HAS_YEAR = /(?:^|\D)(?:19|20)\d\d(?:\D|$)/;
/** A trailing period expression: "на 2022-2024 гг.", "в 2025 году", "за 2021 год", "на 2023/2024 учебный год". */
const TRAILING_PERIOD = /\s+(?:на|в|за|с)\s+(?:период\s+)?(?:\d{4}\s*(?:[–—-]\s*\d{2,4}|\/\s*\d{2,4})?\s*(?:гг?\.?|годы|годов|года|году|год|учебн[а-яё]*\s+год[а-яё]*)?[\s.,–—-]*)+(?:\(.*\))?$/i;

/** What is left of the subject once document words, period and organisation are taken away. */
function subjectWords(rest: string, place: string): string {
  return rest.replace(TRAILING_PERIOD, '').replace(place, '').replace(/[^А-Яа-яЁёA-Za-z0-9\s-]/g, ' ').trim();
}

export interface PlanNameInput {
  title: string;
  period: { start: string; end: string } | null;
}

/** The plan's name in every case the order needs. */
export function planName(requisites: Pick<Requisites, 'shortName' | 'shortNameIn'>, roadmap: PlanNameInput): PlanName {
  const title = cleanPlanTitle(roadmap.title);
  const parts = splitPlanTitle(title);
  // A title that does not start with document words ("Развитие образования …") is the subject itself.
  const head = parts ? parts.head : 'План мероприятий';
  const paren = parts ? parts.paren : ' (дорожная карта)';
  let rest = parts ? parts.rest : title ? ` «${title.replace(/^[«"]|[»"]$/g, '')}»` : '';
  const place = !requisites.shortName.trim() || namesOrganisation(title, requisites) ? '' : organisationPlace(requisites);
  if (place) {
    const period = TRAILING_PERIOD.exec(rest);
    rest = period ? `${rest.slice(0, period.index)} ${place}${period[0]}` : `${rest} ${place}`;
  }
  if (!HAS_YEAR.test(title) && roadmap.period) rest = `${rest} ${periodText(roadmap.period.start, roadmap.period.end)}`;
  rest = rest.replace(/\s+/g, ' ');
  const hasSubject = subjectWords(parts ? parts.rest : title, '').length >= 3 && /[А-Яа-яЁё]{3,}/.test(subjectWords(parts ? parts.rest : title, ''));
  const form = (c: PlanCase): string => {
    const text = `${lowerFirst(inCase(head, c))}${parenInCase(paren, c)}${agreeingParticiple(rest, c)}`;
    return c === 'nominative' ? upperFirst(text) : expandAbbreviations(text);
  };
  return {
    nominative: form('nominative'),
    genitive: form('genitive'),
    accusative: form('accusative'),
    documentGenitive: `${lowerFirst(inCase(head, 'genitive'))}${parenInCase(paren, 'genitive')}`,
    hasSubject,
  };
}

/** Russian message for a title that says nothing about the plan's subject, or null. */
export function planTitleProblem(title: string): string | null {
  const clean = cleanPlanTitle(title);
  const parts = splitPlanTitle(clean);
  const subject = subjectWords(parts ? parts.rest : clean, '');
  // "Приложение к Акту готовности …": a mark on an attachment, not a plan's name.
  if (/^Приложение\s/i.test(clean)) {
    return `«${clean}» — это отметка о приложении, а не название плана. Впишите название плана в поле «Название плана» этой панели (например, «План мероприятий по подготовке к новому учебному году») или сам заголовок в поле «Заголовок».`;
  }
  if (clean !== '' && /[А-Яа-яЁё]{3,}/.test(subject)) return null;
  const what = clean === '' ? 'У дорожной карты нет названия' : `В названии плана «${clean}» не сказано, о чём он`;
  return `${what}: из него нельзя составить заголовок приказа. Впишите полное название в поле «Название плана» этой панели (например, «План мероприятий (дорожная карта) по подготовке к ГИА-9 в 2025 году») или сам заголовок в поле «Заголовок».`;
}
