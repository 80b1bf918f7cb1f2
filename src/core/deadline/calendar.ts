// Allocation-free versions of two src/core/dates helpers, for the per-row hot path
// (dates.daysInMonth builds a Date; toISO pads through padStart).
const LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function monthLength(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (LENGTHS[m - 1] ?? 0);
}

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** 'YYYY-MM-DD' for a four-digit year. */
export function iso(y: number, m: number, d: number): string {
  return `${y}-${two(m)}-${two(d)}`;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m);
}
