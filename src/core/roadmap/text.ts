// Turning raw sheet values into clean cell text: no time zones, no HTML, line breaks kept.

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * One value of getValues() as the text a person sees.
 * A Date becomes 'dd.MM.yyyy' from its *local* calendar parts: Apps Script builds a sheet date as
 * midnight in the spreadsheet's time zone, which equals the script's local day whenever the two
 * zones agree. Where they may differ, the caller converts Dates itself (Utilities.formatDate with
 * the spreadsheet's zone) before handing cells to core — strings pass through unchanged.
 */
export function normalizeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${pad2(value.getDate())}.${pad2(value.getMonth() + 1)}.${value.getFullYear()}`;
  }
  return '';
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", laquo: '«', raquo: '»',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·', shy: '', deg: '°', numero: '№',
  ldquo: '“', rdquo: '”', bdquo: '„', lsquo: '‘', rsquo: '’',
};

// Only real HTML element names, so that text such as "<5 лет>" survives.
const TAG = /<\/?(p|br|ul|ol|li|div|span|b|i|u|s|strong|em|font|a|sup|sub|h[1-6]|table|tbody|thead|tr|td|th|o:p)\b[^<>]{0,2000}>/gi;
const BLOCK_TAG = /^<\/?(p|br|ul|ol|li|div|h[1-6]|tr|table)\b/i;
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;

export function hasHtml(text: string): boolean {
  TAG.lastIndex = 0;
  ENTITY.lastIndex = 0;
  return TAG.test(text) || ENTITY.test(text);
}

function decodeEntity(whole: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[body.toLowerCase()] ?? whole;
}

/**
 * Removes HTML tags and entities that come with text copied from web forms. Block tags become
 * line breaks; inside former lists, inline " - item, - item" runs become one item per line.
 */
export function stripHtml(text: string): string {
  if (!hasHtml(text)) return text;
  const hadList = /<(ul|ol|li)\b/i.test(text);
  let out = text.replace(TAG, (tag) => (BLOCK_TAG.test(tag) ? '\n' : ''));
  out = out.replace(ENTITY, decodeEntity).replace(/[ \t\u00a0]+/g, ' ');
  if (hadList) out = out.replace(/([.,;:!?]) [-–—•] /g, '$1\n- ');
  out = out.replace(/^ ?[-–—•] /gm, '- ');
  // Spaces were collapsed first, so these patterns cannot backtrack over long runs.
  return out.replace(/ ?\n[ \n]*/g, '\n').replace(/^\n+|\n+$/g, '');
}

/** Collapses runs of spaces (not line breaks), trims every line, keeps at most one empty line. */
export function tidyText(text: string): string {
  // Most cells are already tidy; one scan instead of four replacements.
  if (!/\s\s|^\s|\s$|[\t\u00a0\u2007\u202f]/.test(text)) return text;
  return text
    .replace(/[ \t\u00a0\u2007\u202f]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text on one line, cut to `max` characters with «…» (for lists and messages). */
export function clipText(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Cell value → clean text as the user meant it. */
export function cellText(value: unknown): string {
  return tidyText(stripHtml(normalizeCell(value)));
}

/** A sheet would read this as a formula if typed or written as a value. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Apostrophe prefix: how to write text so that Sheets keeps it as text whatever the format. */
export function guardFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Lower case, ё → е, one space between words: for matching header names. */
export function foldForMatch(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * Joins a continuation (a row split by a page break) to the text above: a space when the
 * sentence goes on, a line break when the upper part ends a sentence or the lower part starts
 * a list item (dash, "2. ").
 */
export function joinContinuation(upper: string, lower: string): string {
  if (!upper) return lower;
  if (!lower) return upper;
  const endsSentence = /[.;:!?]$/.test(upper);
  const startsNew = /^[-–—•]|^\d+[.)]\s/.test(lower);
  return `${upper}${endsSentence || startsNew ? '\n' : ' '}${lower}`;
}
