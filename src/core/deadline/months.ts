// Russian month names in every grammatical case and common abbreviation, plus typo tolerance.

const SOFT_STEMS = ['январ', 'феврал', '', 'апрел', '', 'июн', 'июл', '', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const SOFT_ENDINGS = ['ь', 'я', 'е', 'ю', 'ем', 'ём'];
const HARD: Record<number, string> = { 3: 'март', 8: 'август' };
const HARD_ENDINGS = ['', 'а', 'е', 'у', 'ом'];
const ABBREVIATIONS: Record<string, number> = {
  янв: 1, фев: 2, февр: 2, мар: 3, апр: 4, июн: 6, июл: 7, авг: 8,
  сен: 9, сент: 9, окт: 10, ноя: 11, нояб: 11, дек: 12,
};

/** Lower-cased word (ё already folded to е) → month 1..12. */
export const MONTH_FORMS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  SOFT_STEMS.forEach((stem, i) => {
    if (stem) for (const end of SOFT_ENDINGS) map.set(stem + end, i + 1);
  });
  for (const [month, stem] of Object.entries(HARD)) for (const end of HARD_ENDINGS) map.set(stem + end, Number(month));
  for (const form of ['май', 'мая', 'мае', 'маю', 'маем']) map.set(form, 5);
  for (const [abbr, month] of Object.entries(ABBREVIATIONS)) map.set(abbr, month);
  return map;
})();

/** Nominative names, for messages. */
export const MONTH_NAMES = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
/** Genitive names, for "30 февраля" in messages. */
export const MONTH_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

// Typo candidates: full forms only (abbreviations are too short to fuzzy-match safely).
const TYPO_TARGETS: ReadonlyArray<readonly [string, number]> = [...MONTH_FORMS].filter(([w]) => w.length >= 4 && !(w in ABBREVIATIONS));

/** Optimal-string-alignment distance, capped: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev.push(j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * A misspelt month ("иголь", "сетябрь", "феварль"): same first letter, at most one edit for short
 * words and two for longer ones. Returns the month and the form it was taken for, or null.
 */
export function monthByTypo(word: string): { month: number; form: string } | null {
  if (word.length < 4) return null;
  const max = word.length >= 5 ? 2 : 1;
  let best: { month: number; form: string } | null = null;
  let bestDistance = max + 1;
  for (const [form, month] of TYPO_TARGETS) {
    if (form[0] !== word[0]) continue;
    const d = editDistance(word, form, max);
    if (d < bestDistance) {
      bestDistance = d;
      best = { month, form };
    }
  }
  return best;
}
