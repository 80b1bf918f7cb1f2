// The plan period from a roadmap's title rows, in the forms real plans use: "на 2022-2024 гг.",
// "за 2021 год", "в 2020 — 2021 гг.", "на 2022 г.", "на 2023/2024 учебный год", "2022-2023 уч. год",
// "на 2020 – 2024 учебный год", "(сентябрь 2022 г. – май 2024 г.)", "на 2011 год и на период до
// 2013 года", "на период до 2030 года" (from the document's own year), a title split over lines.
import type { ISODate } from '../types';
import { daysInMonth, toISO } from '../dates';
import { MONTH_FORMS } from './months';
import { normalize } from './tokens';

const B = '(?:^|[^а-яa-z0-9])';
// "на 2023/2024 учебный год", "2022-2023 уч. год", "в 2016-2017 учебном году", "на 2020 – 2024 учебный год".
const ACADEMIC = /(?:^|[^\d])(\d{4})\s*[/-]\s*(\d{4}|\d{2})\s*(?:-?\s*(?:й|ый|х)\s*)?(?:уч(?:ебн|\.|\s)|учеб)/;
const YEARS = new RegExp(`${B}(?:на|в|за|период|срок)\\s+(?:период\\s+)?(?:с\\s+)?(\\d{4})\\s*(?:г\\.?|года?)?\\s*(?:-|по|/)\\s*(\\d{4})\\s*(?:г|год|гг)?`);
const BARE_YEARS = /(?:^|[^\d])(\d{4})\s*-\s*(\d{4})\s*(?:гг|годы|годах|г\.\s*г|год)/;
const YEAR = new RegExp(`${B}(?:на|в|за)\\s+(\\d{4})\\s*(?:г|год)`);
// "(сентябрь 2022 г. - май 2024 г.)", "с января 2023 года по декабрь 2024 года".
const MONTH_RANGE = /([а-я]+)\s+(\d{4})\s*(?:г\.?|года?)?\s*(?:-|по)\s*([а-я]+)\s+(\d{4})/;
// "на период до 2030 года", "на среднесрочный период до 2013 года", "до 2024 г.".
const UNTIL = new RegExp(`${B}(?:на\\s+)?(?:[а-я]+\\s+)?период\\s+до\\s+(\\d{4})\\s*(?:г|год)`);
// Last resort: a roadmap approved by an order of a date, without a stated period, is for that year.
const APPROVED =
  /утвержд[её]н[аоы]?\s+приказом[^]{0,200}?от\s+(?:(?:\d{1,2})[./](?:\d{1,2})[./](\d{4})|«?\s*\d{1,2}\s*»?\s+[а-я]+\s+(\d{4}))/;
// The document's own date: "от 17.12.2012", "от 5 июля 2019 г.", "«31» 08. 2020 г.".
const DOCUMENT_DATE = /от\s+(?:«?\s*\d{1,2}\s*»?[./\s]+(?:\d{1,2}|[а-я]+)[./\s]+(\d{4}))/;

const plausible = (y: number): boolean => y >= 1990 && y <= 2100;
const yearPeriod = (y: number): { start: ISODate; end: ISODate } => ({ start: toISO(y, 1, 1), end: toISO(y, 12, 31) });

export function inferPlanPeriod(text: string): { start: ISODate; end: ISODate } | null {
  if (typeof text !== 'string' || !text) return null;
  const s = normalize(text).replace(/\s+/g, ' ');

  let m = ACADEMIC.exec(s);
  if (m) {
    const y1 = Number(m[1]);
    const y2raw = m[2] ?? '';
    const y2 = y2raw.length === 2 ? Math.floor(y1 / 100) * 100 + Number(y2raw) : Number(y2raw);
    // A plan for school years covers them up to the next September, summer included.
    if (plausible(y1) && y2 > y1 && y2 - y1 <= 10) return { start: toISO(y1, 9, 1), end: toISO(y2, 8, 31) };
  }
  m = MONTH_RANGE.exec(s);
  if (m) {
    const [m1, m2] = [MONTH_FORMS.get(m[1] as string), MONTH_FORMS.get(m[3] as string)];
    const [y1, y2] = [Number(m[2]), Number(m[4])];
    if (m1 && m2 && plausible(y1) && plausible(y2) && (y1 < y2 || (y1 === y2 && m1 <= m2))) {
      return { start: toISO(y1, m1, 1), end: toISO(y2, m2, daysInMonth(y2, m2)) };
    }
  }
  m = YEARS.exec(s) ?? BARE_YEARS.exec(s);
  if (m) {
    const y1 = Number(m[1]);
    const y2 = Number(m[2]);
    if (plausible(y1) && plausible(y2) && y1 <= y2 && y2 - y1 <= 20) return { start: toISO(y1, 1, 1), end: toISO(y2, 12, 31) };
  }
  const until = UNTIL.exec(s);
  m = YEAR.exec(s);
  if (until && plausible(Number(until[1]))) {
    // "на 2011 год и на период до 2013 года": from the stated year; else from the document's year.
    const end = Number(until[1]);
    const from = m && plausible(Number(m[1])) ? Number(m[1]) : Number(DOCUMENT_DATE.exec(s)?.[1] ?? 0);
    if (plausible(from) && from <= end) return { start: toISO(from, 1, 1), end: toISO(end, 12, 31) };
  }
  if (m && plausible(Number(m[1]))) return yearPeriod(Number(m[1]));
  m = APPROVED.exec(s);
  const approved = Number(m?.[1] ?? m?.[2] ?? 0);
  return plausible(approved) ? yearPeriod(approved) : null;
}
