// Calendar-day arithmetic on ISO dates ('YYYY-MM-DD'). Days, not instants: no time zones here;
// the add-on converts sheet Dates to days in the spreadsheet's time zone before core sees them.
import type { ISODate } from './types';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar day (rejects 2023-02-30, 2023-13-01). */
export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 1000 && year <= 9999 &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

export function isISODate(text: string): boolean {
  const m = ISO.exec(text);
  return !!m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function toISO(year: number, month: number, day: number): ISODate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseISO(date: ISODate): { year: number; month: number; day: number } {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`Not an ISO date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Days since 1970-01-01 (for differences and serials). */
export function dayNumber(date: ISODate): number {
  const { year, month, day } = parseISO(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function fromDayNumber(n: number): ISODate {
  const d = new Date(n * 86_400_000);
  return toISO(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: ISODate, days: number): ISODate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: ISODate, to: ISODate): number {
  return dayNumber(to) - dayNumber(from);
}

export function firstOfMonth(year: number, month: number): ISODate {
  return toISO(year, month, 1);
}

export function lastOfMonth(year: number, month: number): ISODate {
  return toISO(year, month, daysInMonth(year, month));
}

/** ISO dates compare correctly as strings; these read better at call sites. */
export const minDate = (a: ISODate, b: ISODate): ISODate => (a <= b ? a : b);
export const maxDate = (a: ISODate, b: ISODate): ISODate => (a >= b ? a : b);

/** Google Sheets' serial day number (1899-12-30 is day 0), for writing dates as numbers. */
export function toSheetSerial(date: ISODate): number {
  return dayNumber(date) + 25_569;
}

export function fromSheetSerial(serial: number): ISODate {
  return fromDayNumber(Math.floor(serial) - 25_569);
}
