// The plan period from a roadmap's title rows: "на 2022-2024 гг.", "за 2021 год",
// "в 2020 — 2021 гг.", "на 2022 г.", "на 2023/2024 учебный год".
import type { ISODate } from '../types';
import { toISO } from '../dates';
import { normalize } from './tokens';

const B = '(?:^|[^а-яa-z0-9])';
const ACADEMIC = new RegExp(`${B}(?:на|в|за)\\s+(\\d{4})\\s*[/-]\\s*(\\d{4}|\\d{2})\\s*(?:-?\\s*(?:й|ый)\\s*)?уч`);
const YEARS = new RegExp(`${B}(?:на|в|за|период|срок)\\s+(?:период\\s+)?(?:с\\s+)?(\\d{4})\\s*(?:г\\.?|года?)?\\s*(?:-|по|/)\\s*(\\d{4})\\s*(?:г|год|гг)?`);
const BARE_YEARS = /(?:^|[^\d])(\d{4})\s*-\s*(\d{4})\s*(?:гг|годы|г\.\s*г)/;
const YEAR = new RegExp(`${B}(?:на|в|за)\\s+(\\d{4})\\s*(?:г|год)`);
// Last resort: a roadmap approved by an order of a date, without a stated period, is for that year.
const APPROVED =
  /утвержд[её]н[аоы]?\s+приказом[^]{0,200}?от\s+(?:(?:\d{1,2})[./](?:\d{1,2})[./](\d{4})|«?\s*\d{1,2}\s*»?\s+[а-я]+\s+(\d{4}))/;

const plausible = (y: number): boolean => y >= 1990 && y <= 2100;

export function inferPlanPeriod(text: string): { start: ISODate; end: ISODate } | null {
  if (typeof text !== 'string' || !text) return null;
  const s = normalize(text).replace(/\s+/g, ' ');

  let m = ACADEMIC.exec(s);
  if (m) {
    const y1 = Number(m[1]);
    const y2raw = m[2] ?? '';
    const y2 = y2raw.length === 2 ? Math.floor(y1 / 100) * 100 + Number(y2raw) : Number(y2raw);
    // A plan for a school year covers it up to the next one, summer included.
    if (plausible(y1) && y2 === y1 + 1) return { start: toISO(y1, 9, 1), end: toISO(y2, 8, 31) };
  }
  m = YEARS.exec(s) ?? BARE_YEARS.exec(s);
  if (m) {
    const y1 = Number(m[1]);
    const y2 = Number(m[2]);
    if (plausible(y1) && plausible(y2) && y1 <= y2 && y2 - y1 <= 10) return { start: toISO(y1, 1, 1), end: toISO(y2, 12, 31) };
  }
  m = YEAR.exec(s);
  if (m && plausible(Number(m[1]))) return yearPeriod(Number(m[1]));
  m = APPROVED.exec(s);
  const approved = Number(m?.[1] ?? m?.[2] ?? 0);
  return plausible(approved) ? yearPeriod(approved) : null;
}

const yearPeriod = (y: number): { start: ISODate; end: ISODate } => ({ start: toISO(y, 1, 1), end: toISO(y, 12, 31) });
