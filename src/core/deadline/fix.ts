// Evident typos in a deadline, and the corrected text to offer the person as a one-click fix.
// Only corrections a careful reader would make without asking: a misspelt month («иголь» →
// «июль»), day and month swapped where the month cannot be a month («01.13.2023» → «13.01.2023»),
// Latin letters typed inside Russian words («aпреля» with a Latin a).
import { monthByTypo, MONTH_FORMS } from './months';
import { wordClass } from './tokens';

const WORD = /[A-Za-zА-Яа-яЁё]+/g;
const SWAPPED = /(^|[^\d])(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?!\d)/g;
const LOOK_ALIKE: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
};
const HAS_LATIN = /[A-Za-z]/;
const HAS_CYRILLIC = /[А-Яа-яЁё]/;

/** Words mixing Latin and Cyrillic letters, with the Latin look-alikes replaced. */
function mixedWords(text: string): Array<[string, string]> {
  if (!HAS_LATIN.test(text) || !HAS_CYRILLIC.test(text)) return [];
  const out: Array<[string, string]> = [];
  for (const w of text.match(WORD) ?? []) {
    if (!HAS_LATIN.test(w) || !HAS_CYRILLIC.test(w)) continue;
    let fixed = '';
    for (const ch of w) fixed += LOOK_ALIKE[ch] ?? ch;
    if (!HAS_LATIN.test(fixed)) out.push([w, fixed]);
  }
  return out;
}

/** Russian warning for Latin letters inside Russian words, or null. */
export function lookAlikeWarning(text: string): string | null {
  const words = mixedWords(text);
  if (!words.length) return null;
  const list = words.map(([w]) => `«${w}»`).join(', ');
  return words.length > 1
    ? `В словах ${list} есть латинские буквы вместо русских; слова прочитаны как русские.`
    : `В слове ${list} есть латинские буквы вместо русских; слово прочитано как «${words[0]?.[1] ?? ''}».`;
}

const keepCase = (typed: string, form: string): string =>
  typed[0] && typed[0] !== typed[0].toLowerCase() ? form[0]?.toUpperCase() + form.slice(1) : form;

/** The text with its evident typos corrected, or null when there is nothing evident to correct. */
export function suggestFix(text: string): string | null {
  if (typeof text !== 'string' || text.length > 500) return null;
  let out = text;
  for (const [w, fixed] of mixedWords(out)) out = out.replace(w, fixed);
  out = out.replace(WORD, (w) => {
    const lower = w.toLowerCase().replace(/ё/g, 'е');
    if (lower.length < 4 || MONTH_FORMS.has(lower) || wordClass(lower) !== undefined) return w;
    const typo = monthByTypo(lower);
    return typo ? keepCase(w, typo.form) : w;
  });
  out = out.replace(SWAPPED, (all, before: string, d: string, m: string, y: string) =>
    Number(m) > 12 && Number(m) <= 31 && Number(d) >= 1 && Number(d) <= 12 ? `${before}${m.padStart(2, '0')}.${d.padStart(2, '0')}.${y}` : all);
  return out !== text ? out : null;
}
