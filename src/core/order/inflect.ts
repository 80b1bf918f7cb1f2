// Rule-based Russian declension of nominative nouns and adjectives into the prepositional case
// (о чём?). Only what an order heading needs: the head phrase of an activity ("Разработка и
// утверждение…", "Ежегодный аналитический доклад…"). Unknown shapes are returned unchanged.

const HUSHING = /[жшчщ]$/;
const VELAR_OR_HUSHING = /[гкхжшчщ]$/;

/** Nouns whose prepositional form does not follow the rules below (lower case). */
const NOUN_EXCEPTIONS: Record<string, string> = {
  день: 'дне',
  список: 'списке',
  кружок: 'кружке',
  итог: 'итоге',
  фестиваль: 'фестивале',
  контроль: 'контроле',
  модуль: 'модуле',
  профиль: 'профиле',
  стиль: 'стиле',
  портфель: 'портфеле',
  апрель: 'апреле',
  июль: 'июле',
  сентябрь: 'сентябре',
  октябрь: 'октябре',
  ноябрь: 'ноябре',
  декабрь: 'декабре',
  январь: 'январе',
  февраль: 'феврале',
  календарь: 'календаре',
  словарь: 'словаре',
  путь: 'пути',
  мать: 'матери',
  дочь: 'дочери',
  время: 'времени',
  имя: 'имени',
  знамя: 'знамени',
  кофе: 'кофе',
  пари: 'пари',
  меню: 'меню',
  интервью: 'интервью',
  портфолио: 'портфолио',
  кейс: 'кейсе',
  бой: 'бое',
  настрой: 'настрое',
  критерий: 'критерии',
  сценарий: 'сценарии',
  комментарий: 'комментарии',
  семинарий: 'семинарии',
};

/** Words ending like adjectives that are nouns (lower case). */
const NOT_ADJECTIVES = new Set(['бой', 'настрой', 'покой', 'герой', 'строй', 'слой', 'критерий', 'сценарий', 'комментарий']);

/** Plural adjectives that end in -ние and would otherwise read as verbal nouns. */
const SOFT_ADJECTIVES = new Set([
  'внутренние', 'последние', 'средние', 'зимние', 'летние', 'весенние', 'осенние', 'ранние',
  'поздние', 'древние', 'утренние', 'вечерние', 'внешние', 'домашние', 'сегодняшние', 'нынешние',
  'внутренний', 'последний', 'средний', 'зимний', 'летний', 'весенний', 'осенний', 'ранний',
  'поздний', 'внешний', 'домашний', 'нынешний', 'сегодняшний', 'утренний', 'вечерний',
  'внутренняя', 'последняя', 'средняя', 'внутреннее', 'последнее', 'среднее',
]);

const PLURAL_NEUTER_IA =
  /(мероприяти|заняти|совещани|заседани|событи|задани|собрани|упражнени|достижени|предложени|положени|решени|издани|учреждени|изменени)я$/;

export type WordKind = 'adjective' | 'noun';

/** Is this lower-case word a nominative adjective or participle (full form)? */
export function isNominativeAdjective(lower: string): boolean {
  if (NOT_ADJECTIVES.has(lower) || lower.length < 4) return false;
  if (SOFT_ADJECTIVES.has(lower)) return true;
  if (/(ый|ой|ая|яя|ое|ее|ые)$/.test(lower)) return true;
  // -ий is an adjective after к/г/х/ж/ш/ч/щ or soft -ний (педагогический, общий, последний);
  // nouns in -ий (критерий) end in other letters.
  if (/[гкхжшчщ]ий$/.test(lower)) return true;
  // -ие: plural adjectives (-кие, -гие, -хие, -шие, -щие, -чие, -жие); verbal nouns end in -ние/-тие.
  if (/[гкхжшчщ]ие$/.test(lower)) return true;
  return false;
}

function adjectivePrepositional(w: string): string {
  const lower = w.toLowerCase();
  const stem2 = w.slice(0, -2);
  if (/ый$|ой$/.test(lower)) return stem2 + 'ом';
  if (/ий$/.test(lower)) {
    if (SOFT_ADJECTIVES.has(lower) || HUSHING.test(stem2.toLowerCase())) return stem2 + 'ем';
    return stem2 + 'ом';
  }
  if (/ая$/.test(lower)) return stem2 + (HUSHING.test(stem2.toLowerCase()) ? 'ей' : 'ой');
  if (/яя$/.test(lower)) return stem2 + 'ей';
  if (/ое$/.test(lower)) return stem2 + 'ом';
  if (/ее$/.test(lower)) return stem2 + 'ем';
  if (/ые$/.test(lower)) return stem2 + 'ых';
  if (/ие$/.test(lower)) return stem2 + 'их';
  return w;
}

/** Keeps the capitalisation pattern of the original (Положение → Положении). */
function withCase(original: string, inflected: string): string {
  if (original === original.toUpperCase() && original.length > 1) return inflected.toUpperCase();
  return inflected;
}

function nounPrepositional(w: string): string {
  const lower = w.toLowerCase();
  const exception = NOUN_EXCEPTIONS[lower];
  if (exception !== undefined) return w.slice(0, 1) + exception.slice(1);
  const stem1 = w.slice(0, -1);
  const stem2 = w.slice(0, -2);
  // Plural neuter verbal nouns (мероприятия, совещания, занятия) before singular -ия (организация).
  if (PLURAL_NEUTER_IA.test(lower)) return w + 'х';
  if (/ия$/.test(lower)) return stem1 + 'и';
  if (/ие$/.test(lower)) return stem1 + 'и';
  if (/ье$/.test(lower)) return w;
  if (/ии$/.test(lower)) return stem1 + 'ях'; // консультации → консультациях
  if (/[ао]$/.test(lower)) return stem1 + 'е';
  if (/я$/.test(lower)) return stem1 + 'е';
  if (/ы$/.test(lower)) return stem1 + 'ах';
  if (/и$/.test(lower)) return stem1 + (VELAR_OR_HUSHING.test(stem1.toLowerCase()) ? 'ах' : 'ях');
  if (/ость$/.test(lower)) return stem1 + 'и';
  if (/тель$/.test(lower) || /арь$/.test(lower)) return stem1 + 'е';
  if (/ень$/.test(lower)) return w.slice(0, -3) + 'не'; // перечень → перечне, уровень → уровне
  if (/ь$/.test(lower)) return stem1 + 'и'; // feminine: модель → модели, помощь → помощи
  if (/ец$/.test(lower)) return stem2 + 'це'; // образец → образце
  if (/ий$/.test(lower)) return stem1 + 'и'; // критерий-like nouns not in the list
  if (/[ей]$/.test(lower)) return stem1 + 'е';
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return w + 'е';
  return w;
}

function adjectiveGenitive(w: string): string {
  const lower = w.toLowerCase();
  const stem2 = w.slice(0, -2);
  const hushing = HUSHING.test(stem2.toLowerCase());
  if (/(ый|ой|ое)$/.test(lower)) return stem2 + 'ого';
  if (/ий$/.test(lower)) return stem2 + (SOFT_ADJECTIVES.has(lower) || hushing ? 'его' : 'ого');
  if (/ее$/.test(lower)) return stem2 + 'его';
  if (/ая$/.test(lower)) return stem2 + (hushing ? 'ей' : 'ой');
  if (/яя$/.test(lower)) return stem2 + 'ей';
  if (/ые$/.test(lower)) return stem2 + 'ых';
  if (/ие$/.test(lower)) return stem2 + 'их';
  return w;
}

/** Genitive singular of a nominative noun (organisation names: "Отдел образования" → "Отдела образования"). */
function nounGenitive(w: string): string {
  const lower = w.toLowerCase();
  const exception = NOUN_EXCEPTIONS[lower];
  const stem1 = w.slice(0, -1);
  if (exception !== undefined && lower.endsWith('ь') && exception.endsWith('е')) return stem1 + 'я'; // фестиваль → фестиваля
  if (lower === 'день') return w.slice(0, 1) + 'ня';
  if (/(список|кружок)$/.test(lower)) return w.slice(0, -2) + 'ка';
  if (/ие$|ье$/.test(lower)) return stem1 + 'я';
  if (/ия$/.test(lower)) return stem1 + 'и';
  if (/а$/.test(lower)) return stem1 + (VELAR_OR_HUSHING.test(stem1.toLowerCase()) ? 'и' : 'ы');
  if (/я$/.test(lower)) return stem1 + 'и';
  if (/о$/.test(lower)) return stem1 + 'а';
  if (/тель$|арь$/.test(lower)) return stem1 + 'я';
  if (/ень$/.test(lower)) return w.slice(0, -3) + 'ня';
  if (/ь$/.test(lower)) return stem1 + 'и';
  if (/ец$/.test(lower)) return w.slice(0, -2) + 'ца';
  if (/й$/.test(lower)) return stem1 + 'я';
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return w + 'а';
  return w;
}

/** Accusative of an inanimate nominative word: only feminine forms change (карта → карту, новая → новую). */
function adjectiveAccusative(w: string): string {
  const lower = w.toLowerCase();
  if (/ая$/.test(lower)) return w.slice(0, -2) + 'ую';
  if (/яя$/.test(lower)) return w.slice(0, -2) + 'юю';
  return w;
}

function nounAccusative(w: string): string {
  const lower = w.toLowerCase();
  if (/[^иы]а$/.test(lower)) return w.slice(0, -1) + 'у';
  if (/я$/.test(lower) && !PLURAL_NEUTER_IA.test(lower)) return w.slice(0, -1) + 'ю';
  return w;
}

export type InflectionCase = 'prepositional' | 'genitive' | 'accusative';

/** One nominative word in the prepositional, genitive or (inanimate) accusative case, as an adjective or a noun. */
export function inflectWord(word: string, kind: WordKind, grammaticalCase: InflectionCase): string {
  if (grammaticalCase === 'prepositional') return toPrepositional(word, kind);
  const genitive = grammaticalCase === 'genitive';
  const one = (p: string) =>
    withCase(p, kind === 'adjective' ? (genitive ? adjectiveGenitive(p) : adjectiveAccusative(p)) : genitive ? nounGenitive(p) : nounAccusative(p));
  if (!word.includes('-')) return one(word);
  const parts = word.split('-');
  return parts.map((p, i) => (i < parts.length - 1 && (kind === 'adjective' || /о$/i.test(p)) ? p : one(p))).join('-');
}

/** The prepositional form of one nominative word, as an adjective or a noun. */
export function toPrepositional(word: string, kind: WordKind): string {
  // Hyphenated compounds: "экспертно-консультационная" inflects its last part only,
  // "семинар-совещание" both parts.
  if (word.includes('-')) {
    const parts = word.split('-');
    const lastIndex = parts.length - 1;
    return parts
      .map((p, i) => {
        if (i < lastIndex && (kind === 'adjective' || /о$/i.test(p))) return p;
        return withCase(p, kind === 'adjective' ? adjectivePrepositional(p) : nounPrepositional(p));
      })
      .join('-');
  }
  return withCase(word, kind === 'adjective' ? adjectivePrepositional(word) : nounPrepositional(word));
}

/** A noun in a form that can head the phrase (nominative/accusative of a verbal noun, etc.). */
export function isVerbalNoun(lower: string): boolean {
  return /(ние|тие|ка|ция|ение|ание)$/.test(lower) && !SOFT_ADJECTIVES.has(lower);
}
