// Item numbers as people type them: "1", "1.", "3.1.1.", "1.5", "10.1".

export interface ParsedNumber {
  /** [3, 1, 1] for "3.1.1." */
  parts: number[];
  /** Canonical key without the trailing dot: "3.1.1". */
  key: string;
}

const NUMBER = /^(\d{1,4}(?:\s?\.\s?\d{1,4}){0,9})\s?\.?$/;
const ROMAN = /^([IVXLC]{1,7})\.?$/;

function romanValue(text: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const cur = v[text[i] as string] ?? 0;
    const next = v[text[i + 1] as string] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
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
  if (r) {
    const n = romanValue(r[1] as string);
    return n > 0 ? { parts: [n], key: String(n) } : null;
  }
  return null;
}

/** Nesting depth from the number ("3.1.1." → 3); 1 when there is no number. */
export function levelOf(number: string): number {
  return parseNumber(number)?.parts.length ?? 1;
}

/** A number followed by text in one cell: "1. Подготовка условий" → ["1.", "Подготовка условий"]. */
export function splitLeadingNumber(text: string): [string, string] | null {
  const m = /^(\d{1,4}(?:\.\d{1,4}){0,9}\.?)\s+(\S[\s\S]*)$/.exec(text.trim());
  return m ? [m[1] as string, m[2] as string] : null;
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
