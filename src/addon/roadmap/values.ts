// Sheet values → what core expects: Dates become calendar days in the *spreadsheet's* time zone,
// computed with Intl instead of one Utilities.formatDate call per cell (Utilities only as a fallback).
import type { ISODate } from '../../core';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day of an instant in a time zone, 'YYYY-MM-DD'. */
export function dayInZone(date: Date, timeZone: string): ISODate {
  try {
    const parts = formatter(timeZone).formatToParts(date);
    const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
    const day = `${get('year')}-${get('month')}-${get('day')}`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  } catch {
    // fall through to the fallback
  }
  // An engine without the zone's data: Apps Script's own formatter (one call per date, still correct).
  if (typeof Utilities !== 'undefined') return Utilities.formatDate(date, timeZone, 'yyyy-MM-dd');
  throw new Error(`Cannot format dates in the time zone ${timeZone}`);
}

/** 'YYYY-MM-DD' → 'dd.MM.yyyy'. */
const ruDay = (iso: ISODate): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * getValues() output with every Date replaced by its 'dd.MM.yyyy' text in the spreadsheet's zone
 * (a person typed a date; core reads text). Other values pass through unchanged.
 */
export function datesAsText(values: readonly (readonly unknown[])[], timeZone: string): unknown[][] {
  return values.map((row) =>
    row.map((v) => (v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : ruDay(dayInZone(v, timeZone))) : v)),
  );
}

/** A sheet name of at most 100 characters (Sheets' limit), cut at a word where possible. */
export function clipSheetName(name: string, max = 100): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The first of base, "base (2)", "base (3)"… for which taken() is false. */
export function freeName(base: string, taken: (name: string) => boolean, limit = 200): string {
  const first = clipSheetName(base);
  if (!taken(first)) return first;
  for (let n = 2; n < limit; n++) {
    const suffix = ` (${n})`;
    const candidate = `${clipSheetName(base, 100 - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error('Не удалось подобрать свободное имя листа.');
}

/**
 * A Date cell as 'YYYY-MM-DD' in the zone, '' for an invalid Date: without a service call per cell
 * (date-formatted cells read back as Date, so a roadmap holds thousands of them).
 */
export const isoDays = (v: Date, timeZone: string): string => (Number.isNaN(v.getTime()) ? '' : dayInZone(v, timeZone));
