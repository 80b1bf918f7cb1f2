// Cell values as Sheets stores them, and how typed text becomes a value.
//
// Sheets stores a date as a serial number (days since 1899-12-30) shown through a date number
// format (https://developers.google.com/sheets/api/guides/formats, «About date and time values»),
// and Range.getValue(s) return a Date for it (ValueType: Number, Boolean, Date or String,
// https://developers.google.com/apps-script/reference/spreadsheet/value-type). readValue() does
// that conversion. A date shows by its cell's date format (formatSheetsDate), or without one in the
// locale's order; a typed date gives an automatic cell the format of its spelling.
//
// Strings written with setValue(s) are interpreted as if a person typed them, by the spreadsheet's
// locale (Google documents that the locale decides date and number formats, not the exact grammar;
// the cases below are what the live checks in src/live compare with real Sheets):
//   both:  "+7", "-3" → numbers; "2021-02-01" (ISO) → a Date; "TRUE"/"FALSE" → booleans;
//          "=…" → a formula; "'=x" (leading apostrophe) → the text "=x" (the apostrophe is not stored)
//   ru_RU: "1,5", "1 234,5" → numbers (comma decimal); "01.02.2021", "1.2.21" → dates;
//          "1.1", "1.5" → dates of the current year (day.month); "ИСТИНА"/"ЛОЖЬ" → booleans
//   en_US: "1.5", "1,234.5" → numbers; "2/1/2021", "2/1/21" → dates (month/day); "2/1" → a date of
//          the current year; "01.02.2021" stays text
//   anything else → the text as typed.
// In a range whose number format is '@' (plain text) every string is kept exactly as written.
// Non-string values (numbers, booleans, Dates) are stored as they are.

export type CellValue = string | number | boolean | Date;

export interface Typed {
  value: CellValue;
  formula?: string;
  /** The number format Sheets gives an automatic cell for what was typed (a date keeps its spelling). */
  format?: string;
}

/** Milliseconds to add to a UTC wall-clock time to get the instant in `timeZone`. */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets by zone and hour: Intl is slow and 10,000-row sheets repeat a few days. */
const offsets = new Map<string, number>();

function zoneOffsetMs(instant: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant / 3_600_000)}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(new Date(instant));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = asUtc - Math.floor(instant / 1000) * 1000;
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** Midnight of a calendar day in a time zone, as a Date (what Sheets returns for a date cell). */
export function zonedDate(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  const offset = zoneOffsetMs(guess, timeZone);
  return new Date(guess - offset);
}

/** The calendar day of an instant in a time zone. */
export function zonedParts(date: Date, timeZone: string): { year: number; month: number; day: number } {
  const shifted = new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Whether a spreadsheet locale writes numbers and dates the Russian way (comma decimal, d.m.y). */
export const isCommaLocale = (locale: string): boolean => /^(ru|uk|be|kk|de|fr|es|it|pt|pl|cs|tr)/.test(locale);

const NUMBER_COMMA = /^[+-]?(\d{1,3}(\u00a0| )(\d{3}(\u00a0| ))*\d{3}|\d+)?(,\d+)?$/;
const NUMBER_DOT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?$/;
const SLASHED_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export interface TypingContext {
  timeZone: string;
  locale: string;
  /** The year a date typed without one falls in (today's, in the spreadsheet's zone). */
  year: number;
}

function dateOf(year: number, month: number, day: number, timeZone: string): Date | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || probe.getUTCFullYear() !== year) return null;
  return zonedDate(year, month, day, timeZone);
}

const fullYear = (text: string | undefined, current: number): number => {
  if (text === undefined) return current;
  const y = Number(text);
  return text.length === 2 ? y + (y < 30 ? 2000 : 1900) : y;
};

/** A typed date by the locale's order, with the format its spelling gives the cell; or null. */
function typedDate(text: string, ctx: TypingContext): { value: Date; format: string } | null {
  const iso = ISO_DATE.exec(text);
  const found = (value: Date | null, format: string) => (value ? { value, format } : null);
  if (iso) return found(dateOf(Number(iso[1]), Number(iso[2]), Number(iso[3]), ctx.timeZone), 'yyyy-mm-dd');
  if (isCommaLocale(ctx.locale)) {
    const d = DOTTED_DATE.exec(text);
    return d ? found(dateOf(fullYear(d[3], ctx.year), Number(d[2]), Number(d[1]), ctx.timeZone), 'dd.mm.yyyy') : null;
  }
  const d = SLASHED_DATE.exec(text);
  return d ? found(dateOf(fullYear(d[3], ctx.year), Number(d[1]), Number(d[2]), ctx.timeZone), 'M/d/yyyy') : null;
}

/** Interprets a string the way a spreadsheet in `ctx.locale` interprets typed input. */
export function parseTyped(text: string, ctx: TypingContext, plainText: boolean): Typed {
  if (plainText) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  if (trimmed === '') return { value: text };
  if (isCommaLocale(ctx.locale)) {
    if (NUMBER_COMMA.test(trimmed) && /\d/.test(trimmed)) return { value: Number(trimmed.replace(/[\u00a0 ]/g, '').replace(',', '.')) };
  } else if (NUMBER_DOT.test(trimmed) && /\d/.test(trimmed)) {
    return { value: Number(trimmed.replace(/,/g, '')) };
  }
  const date = typedDate(trimmed, ctx);
  if (date) return date;
  const upper = trimmed.toUpperCase();
  if (upper === 'ИСТИНА' || upper === 'TRUE') return { value: true };
  if (upper === 'ЛОЖЬ' || upper === 'FALSE') return { value: false };
  return { value: text };
}

/** Whether a number format shows a date or a time (d, m, y, h or s outside quoted text). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === '@') return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare);
}

/** Our runtime's mark of a cell whose format is automatic (Sheets picks one from what was typed). */
export const AUTOMATIC_FORMAT = '0.###############';

/** Whether a number format was set to show a plain number (digits, separators, percent). */
const isPlainNumberFormat = (format: string | undefined): boolean =>
  !!format && format !== AUTOMATIC_FORMAT && /^[0#?,.%\s]+$/.test(format);

/**
 * The value getValue(s) returns for what a cell holds: a number under a date format is a Date
 * (midnight plus the time of day in the spreadsheet's zone); a date under a plain number format
 * ('0', '0.00') is its serial number.
 */
export function readValue(value: CellValue, format: string | undefined, timeZone: string): CellValue {
  if (typeof value === 'number' && isDateFormat(format)) return fromSerial(value, timeZone);
  if (value instanceof Date && isPlainNumberFormat(format)) return toSerial(value, timeZone) + timeOfDay(value, timeZone);
  return value;
}

function timeOfDay(date: Date, timeZone: string): number {
  const { year, month, day } = zonedParts(date, timeZone);
  return (date.getTime() - zonedDate(year, month, day, timeZone).getTime()) / 86_400_000;
}

/**
 * Display text of a value in a locale: dates dd.MM.yyyy (ru_RU) or M/d/yyyy (en_US), the locale's
 * decimal separator, booleans as Sheets shows them. Of number formats, the whole-number and
 * percent ones ('0', '0%', '0.0%') change what a number shows; a date format shows a date.
 */
export function displayValue(value: CellValue | null, timeZone: string, numberFormat?: string, locale = 'ru_RU'): string {
  if (value === null || value === '') return '';
  const comma = isCommaLocale(locale);
  const shown = readValue(value, numberFormat, timeZone);
  if (shown instanceof Date) {
    // An explicit date format decides the display; without one, the locale's own date order.
    const pattern = numberFormat && numberFormat !== AUTOMATIC_FORMAT && isDateFormat(numberFormat) ? numberFormat : comma ? 'dd.mm.yyyy' : 'M/d/yyyy';
    return formatSheetsDate(shown, pattern, timeZone, locale);
  }
  if (typeof shown === 'number') {
    const decimal = (text: string): string => (comma ? text.replace('.', ',') : text);
    const fixed = numberFormat && /^0(?:\.(0+))?(%?)$/.exec(numberFormat);
    if (fixed) return `${decimal((fixed[2] ? shown * 100 : shown).toFixed(fixed[1]?.length ?? 0))}${fixed[2]}`;
    return decimal(String(shown));
  }
  if (typeof shown === 'boolean') return shown ? 'TRUE' : 'FALSE';
  return shown;
}

/**
 * A date through a Sheets date-time pattern (https://developers.google.com/sheets/api/guides/formats,
 * «Date and time format patterns»): d, dd, m/mm (month, or minutes after an hour or before
 * seconds), mmm/mmmm (month names in the locale), yy, yyyy, h, hh, s, ss; quoted text and \x literal.
 */
export function formatSheetsDate(date: Date, pattern: string, timeZone: string, locale: string): string {
  const { year, month, day } = zonedParts(date, timeZone);
  const ms = date.getTime() - zonedDate(year, month, day, timeZone).getTime();
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  const tokens = pattern.match(/"[^"]*"|\\.|([dDmMyYhHsS])\1*|[\s\S]/g) ?? [];
  const letter = (t: string | undefined): string => (t && /^[dmyhs]/i.test(t) ? t[0]!.toLowerCase() : '');
  const monthName = (width: 'short' | 'long'): string =>
    new Intl.DateTimeFormat(locale.replace('_', '-'), { month: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  let out = '';
  let afterHour = false;
  tokens.forEach((t, i) => {
    const c = letter(t);
    const n = t.length;
    if (t.startsWith('"')) out += t.slice(1, -1);
    else if (t.startsWith('\\')) out += t.slice(1);
    else if (c === 'y') out += n <= 2 ? pad(year % 100) : String(year);
    else if (c === 'd') out += n === 1 ? String(day) : pad(day);
    else if (c === 'h') out += n === 1 ? String(hours) : pad(hours);
    else if (c === 's') out += n === 1 ? String(seconds) : pad(seconds);
    else if (c === 'm') {
      const minute = n <= 2 && (afterHour || letter(tokens.slice(i + 1).find((x) => letter(x))) === 's');
      if (minute) out += n === 1 ? String(minutes) : pad(minutes);
      else out += n === 1 ? String(month) : n === 2 ? pad(month) : monthName(n === 3 ? 'short' : 'long');
    } else out += t;
    if (c) afterHour = c === 'h';
  });
  return out;
}

/** Days since 1899-12-30 (Sheets' serial date) of a Date's calendar day in a time zone. */
export function toSerial(date: Date, timeZone: string): number {
  const { year, month, day } = zonedParts(date, timeZone);
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The Date of a serial number: midnight of its day in the zone, plus its fraction of a day. */
export function fromSerial(serial: number, timeZone: string): Date {
  const days = Math.floor(serial);
  const utc = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  const midnight = zonedDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate(), timeZone);
  return new Date(midnight.getTime() + Math.round((serial - days) * 86_400_000));
}
