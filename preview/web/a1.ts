// A1 notation for the grid: column letters and ranges ("A1:C5", "B:B", "2:4", "'Лист 1'!A1").

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based inclusive bounds; an open side (whole column/row) is Infinity. */
export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(a1: string): Bounds | null {
  const ref = a1.slice(a1.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from = '', to = from] = ref.split(':');
  const a = /^([A-Za-z]*)(\d*)$/.exec(from);
  const b = /^([A-Za-z]*)(\d*)$/.exec(to);
  if (!a || !b || (!a[1] && !a[2])) return null;
  return {
    left: a[1] ? columnNumber(a[1]) : 1,
    top: a[2] ? Number(a[2]) : 1,
    right: b[1] ? columnNumber(b[1]) : Infinity,
    bottom: b[2] ? Number(b[2]) : Infinity,
  };
}

/** The sheet named in a range ("'Лист 1'!A1:B2" → "Лист 1"), or null. */
export function rangeSheet(a1: string): string | null {
  const i = a1.lastIndexOf('!');
  if (i < 0) return null;
  return a1.slice(0, i).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
}

export function contains(b: Bounds, row: number, column: number): boolean {
  return row >= b.top && row <= b.bottom && column >= b.left && column <= b.right;
}
