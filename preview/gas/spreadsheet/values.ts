// Cell values as Sheets stores them, and how typed text becomes a value.
//
// Strings written with setValue(s) are interpreted as if a person typed them into a ru_RU
// spreadsheet (the add-on relies on this to protect user text):
//   "12", "-3", "1,5", "1 234,5"  → numbers (comma is the decimal separator in ru_RU);
//   "01.02.2021", "1.2.21"        → a Date (midnight in the spreadsheet's time zone);
//   "ИСТИНА"/"ЛОЖЬ", "TRUE"/"FALSE" → booleans;
//   "=…"                          → a formula (evaluated on read);
//   "'=x" (leading apostrophe)    → the text "=x" (the apostrophe is not stored);
//   anything else                 → the text as typed.
// In a range whose number format is '@' (plain text) every string is kept exactly as written.
// Non-string values (numbers, booleans, Dates) are stored as they are.

export type CellValue = string | number | boolean | Date;

export interface Typed {
  value: CellValue;
  formula?: string;
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

export function formatDayRu(date: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(date, timeZone);
  return `${pad(day)}.${pad(month)}.${year}`;
}

const NUMBER = /^[+-]?(\d{1,3}(\u00a0| )(\d{3}(\u00a0| ))*\d{3}|\d+)?(,\d+)?$/;
const DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;

/** Interprets a string the way a ru_RU spreadsheet interprets typed input. */
export function parseTyped(text: string, timeZone: string, plainText: boolean): Typed {
  if (plainText) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  if (trimmed === '') return { value: text };
  if (NUMBER.test(trimmed) && /\d/.test(trimmed)) {
    return { value: Number(trimmed.replace(/[\u00a0 ]/g, '').replace(',', '.')) };
  }
  const d = DATE.exec(trimmed);
  if (d) {
    const day = Number(d[1]);
    const month = Number(d[2]);
    let year = Number(d[3]);
    if (d[3]!.length === 2) year += year < 30 ? 2000 : 1900;
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { value: zonedDate(year, month, day, timeZone) };
    }
  }
  const upper = trimmed.toUpperCase();
  if (upper === 'ИСТИНА' || upper === 'TRUE') return { value: true };
  if (upper === 'ЛОЖЬ' || upper === 'FALSE') return { value: false };
  return { value: text };
}

/**
 * Display text of a value (ru_RU): dates dd.MM.yyyy, decimal comma, booleans as Sheets shows them.
 * Of number formats, the whole-number and percent ones ('0', '0%', '0.0%') change what a number shows.
 */
export function displayValue(value: CellValue | null, timeZone: string, numberFormat?: string): string {
  if (value === null || value === '') return '';
  if (value instanceof Date) return formatDayRu(value, timeZone);
  if (typeof value === 'number') {
    const fixed = numberFormat && /^0(?:\.(0+))?(%?)$/.exec(numberFormat);
    if (fixed) return `${(fixed[2] ? value * 100 : value).toFixed(fixed[1]?.length ?? 0).replace('.', ',')}${fixed[2]}`;
    return String(value).replace('.', ',');
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/** Days since 1899-12-30 (Sheets' serial date) of a Date's calendar day in a time zone. */
export function toSerial(date: Date, timeZone: string): number {
  const { year, month, day } = zonedParts(date, timeZone);
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function fromSerial(serial: number, timeZone: string): Date {
  const utc = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return zonedDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate(), timeZone);
}
