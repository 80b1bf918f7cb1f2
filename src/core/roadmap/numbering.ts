// Item numbers as people type them: "1", "1.", "3.1.1.", "1.5", "10.1", "I.", "Раздел 2.", "1)", "а)".

export interface ParsedNumber {
  /** [3, 1, 1] for "3.1.1." */
  parts: number[];
  /** Canonical key without the trailing dot: "3.1.1". */
  key: string;
}

/** How a number is written: decimal parts, a Roman numeral, «Раздел N», or a letter «а)». */
export type NumberStyle = 'arabic' | 'roman' | 'part' | 'letter';

const NUMBER = /^(\d{1,4}(?:\s?\.\s?\d{1,4}){0,9})\s?[.)]?$/;
// Cyrillic І and Х stand in for Latin I and X in text extracted from PDF files.
const ROMAN = /^([IVXLCІХ]{1,7})[.)]?$/;
const PART = /^(?:раздел|этап|блок)\s+(\d{1,3}|[IVXLCІХ]{1,7})\s?[.:)]?$/i;
const LETTER = /^([а-еж-зик-нпр-уa-h])\)$/;

function romanValue(text: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, І: 1, Х: 10 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const cur = v[text[i] as string] ?? 0;
    const next = v[text[i + 1] as string] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

function single(n: number): ParsedNumber | null {
  return n > 0 ? { parts: [n], key: String(n) } : null;
}

/** null when the text is not an item number ("Раздел", "-", "а)"). */
export function parseNumber(text: string): ParsedNumber | null {
  const t = text.trim();
  const m = NUMBER.exec(t);
  if (m) {
    const parts = (m[1] as string).split('.').map((p) => Number(p.trim()));
    return { parts, key: parts.join('.') };
  }
  const r = ROMAN.exec(t);
  if (r) return single(romanValue(r[1] as string));
  const p = PART.exec(t);
  if (p) return single(/\d/.test(p[1] as string) ? Number(p[1]) : romanValue(p[1] as string));
  return null;
}

/** The style of an item number, or null when the text is none. */
export function numberStyle(text: string): NumberStyle | null {
  const t = text.trim();
  if (NUMBER.test(t)) return 'arabic';
  if (ROMAN.test(t)) return romanValue((ROMAN.exec(t) as RegExpExecArray)[1] as string) > 0 ? 'roman' : null;
  if (PART.test(t)) return 'part';
  if (LETTER.test(t)) return 'letter';
  return null;
}

/** Nesting depth from the number ("3.1.1." → 3); 1 when there is no number. */
export function levelOf(number: string): number {
  return parseNumber(number)?.parts.length ?? 1;
}

// "1. Подготовка", "1.2 Подготовка", "I. Подготовка", "II Подготовка", "Раздел 1. Подготовка", "1) Подготовка".
const LEADING =
  /^((?:[Рр]аздел|РАЗДЕЛ|[Ээ]тап|ЭТАП|[Бб]лок)\s+(?:\d{1,3}|[IVXLCІХ]{1,7})\s?[.:)]?|\d{1,3}(?:\.\d{1,3}){0,9}[.)]?|[IVXLCІХ]{1,7}[.)]?)\s+(\S[\s\S]*)$/;

/** A number followed by text in one cell: "1. Подготовка условий" → ["1.", "Подготовка условий"]. */
export function splitLeadingNumber(text: string): [string, string] | null {
  const m = LEADING.exec(text.trim());
  if (!m) return null;
  const [number, rest] = [m[1] as string, m[2] as string];
  // A bare Roman numeral must be followed by a capitalised heading: «I Этап», not «X лет».
  if (/^[IVXLCІХ]+$/.test(number) && !/^[А-ЯЁA-Z«"]/.test(rest)) return null;
  if (!parseNumber(number)) return null;
  return [number, rest];
}

/**
 * Text of a cell in the number column. A sheet in the Russian locale turns a typed "1.5" into
 * the date 1 May; the day and month give the number back ("1.10" survives as 1 October, while as
 * a plain number it would have become 1.1).
 */
export function numberCellText(value: unknown): { text: string; fromDate: boolean } | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { text: `${value.getDate()}.${value.getMonth() + 1}`, fromDate: true };
  }
  return null;
}
