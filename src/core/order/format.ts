// Russian formatting of order requisites: dates per ГОСТ Р 7.0.97-2025 ("7 февраля 2023 г." or
// "07.02.2023", never «07» февраля), order numbers, the plan period.
import { parseISO } from '../dates';
import type { ISODate } from '../types';

export type DateStyle = 'long' | 'numeric';

const MONTHS_GENITIVE = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
  'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
] as const;

/** "7 февраля 2023 г." (long) or "07.02.2023" (numeric). */
export function formatOrderDate(date: ISODate, style: DateStyle = 'long'): string {
  const { year, month, day } = parseISO(date);
  if (style === 'numeric') return numericDate(date);
  return `${day} ${MONTHS_GENITIVE[month - 1]} ${year} г.`;
}

/** "07.02.2023": for document names and the journal whatever the style setting. */
export function numericDate(date: ISODate): string {
  const { year, month, day } = parseISO(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/**
 * Order-number formats an organisation may use: "{n}" (1982), "{n}/1" (5/1), "{n}-од" (12-од).
 * `{n}` is the running number; `{yyyy}` the year. Anything else is kept literally.
 */
export function formatOrderNumber(format: string, n: number, date?: ISODate): string {
  const year = date ? String(parseISO(date).year) : '';
  const f = format.trim() === '' ? '{n}' : format.trim();
  return f.replace(/\{n\}/g, String(n)).replace(/\{yyyy\}/g, year);
}

/** The running number of a formatted order number, if the format allows reading it back. */
export function parseOrderNumber(format: string, text: string): number | null {
  const f = format.trim() === '' ? '{n}' : format.trim();
  const pattern = f
    .split(/(\{n\}|\{yyyy\})/)
    .map((part) => (part === '{n}' ? '(\\d+)' : part === '{yyyy}' ? '\\d{4}' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const m = new RegExp(`^${pattern}$`, 'i').exec(text.trim());
  return m?.[1] ? Number(m[1]) : null;
}

/** "№ 1982": ГОСТ writes the number sign, a space, then the number. */
export function numberSign(number: string): string {
  return `№ ${number.trim().replace(/^№\s*/, '')}`;
}

/** "на 2023 год", "на 2022–2024 годы", or for a period within one academic year "на 2023/2024 учебный год". */
export function periodText(start: ISODate, end: ISODate): string {
  const a = parseISO(start).year;
  const b = parseISO(end).year;
  if (a === b) return `на ${a} год`;
  const s = parseISO(start);
  const e = parseISO(end);
  if (b === a + 1 && s.month >= 8 && e.month <= 8) return `на ${a}/${b} учебный год`;
  return `на ${a}–${b} годы`;
}
