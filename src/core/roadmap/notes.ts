// Rows that are not items: editorial notes between items and the list of abbreviations under the title.

// «(Позиция в редакции приказа …)», «(в ред. приказа от …)», «(Пункт введен …)», «(утратил силу …)».
const EDITORIAL = /^\(?\s*(?:(?:позиция|пункт|строка|раздел|графа|абзац)\s+)?(?:в\s+ред(?:акции|\.)|введен|исключен|утратил|изменен)/i;
// «* …», «** …», «Примечание: …», «Прим.: …».
const FOOTNOTE = /^(?:\*{1,3}\s*\S|примечани[ея]\s*[:.]|прим\.\s*:?)/i;

// «(согласно индивидуальным планам работы учителей-предметников)»: a remark wholly in brackets.
const BRACKETED = /^\([^()]{3,300}\)\.?$/;

/** Text of a row that is a note, not an item: an editorial remark, a footnote or a bracketed remark. */
export function isNoteText(text: string): boolean {
  return EDITORIAL.test(text) || FOOTNOTE.test(text) || BRACKETED.test(text.trim());
}

/** A footnote «* …» belongs to the item that carries the same asterisks. */
export function footnoteMark(text: string): string | null {
  const m = /^(\*{1,3})/.exec(text.trim());
  return m ? (m[1] as string) : null;
}

// «ЦМН – целевая модель наставничества», «ОО - образовательные организации», «ИРО — …».
const ABBREVIATION = /^[«"]?([A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё0-9-]{1,9}(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ0-9-]{0,4})?)[»"]?\s*[–—-]\s+\S/;
// Words of a title, never abbreviations: «ДОРОЖНАЯ КАРТА – …», «ПЛАН – …».
const TITLE_WORD = /^(ПЛАН|ДОРОЖН|ПРИЛОЖЕН|УТВЕРЖД|ПРИКАЗ|ПОЛОЖЕН|ПРОГРАММ|СОГЛАСОВ)/;
const ABBREVIATIONS_HEADING = /^(?:список\s+)?(?:используемых\s+|принятых\s+|принятые\s+|используемые\s+)?сокращени[йя]\s*:?$|^(?:принятые|используемые|условные)\s+(?:сокращения|обозначения)\s*:?$/i;

/** «ЦМН – …»: a short token with at least two capitals, a dash, and its meaning. */
export function isAbbreviationLine(text: string): boolean {
  const m = ABBREVIATION.exec(text.trim());
  if (!m) return false;
  const token = m[1] as string;
  return (token.match(/[A-ZА-ЯЁ]/g) ?? []).length >= 2 && !TITLE_WORD.test(token.toUpperCase());
}

/** «Список сокращений:», «Используемые сокращения». */
export function isAbbreviationsHeading(text: string): boolean {
  return ABBREVIATIONS_HEADING.test(text.trim());
}

/**
 * Splits the lines above the header into the title and the abbreviations: abbreviation lines
 * (and their heading) anywhere above the table, one abbreviation a line; a line may hold several
 * separated by «;».
 */
export function splitAbbreviations(lines: readonly string[]): { rest: string[]; abbreviations: string[] } {
  const rest: string[] = [];
  const abbreviations: string[] = [];
  for (const line of lines) {
    if (isAbbreviationsHeading(line)) continue;
    const parts = line.split(/;\s*(?=\S)/).map((p) => p.trim().replace(/[;,.]$/, ''));
    if (parts.every(isAbbreviationLine)) abbreviations.push(...parts);
    else rest.push(line);
  }
  return { rest, abbreviations };
}
