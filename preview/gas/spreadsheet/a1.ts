// A1 notation: 'B2', 'A2:H10', whole columns 'A:A', open ranges 'A2:H', whole rows '2:5',
// optionally sheet-qualified ("'Школа 1'!A2:A", "Лист1!B3"). Pure; no Apps Script globals.

export interface A1Ref {
  sheet: string | null;
  /** 1-based; null row means "from the first row" / "to the last row" (whole or open columns). */
  row1: number | null;
  col1: number | null;
  row2: number | null;
  col2: number | null;
  absRow1: boolean;
  absCol1: boolean;
  absRow2: boolean;
  absCol2: boolean;
}

export function columnToLetters(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const PART = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/;

interface Part { col: number | null; row: number | null; absCol: boolean; absRow: boolean }

function parsePart(text: string): Part | null {
  const m = PART.exec(text);
  if (!m || (!m[2] && !m[4])) return null;
  return {
    col: m[2] ? lettersToColumn(m[2]) : null,
    row: m[4] ? Number(m[4]) : null,
    absCol: m[1] === '$',
    absRow: m[3] === '$' || (!m[2] && m[1] === '$'),
  };
}

/** Splits "'Школа 1'!A2:B" into the sheet name (quotes undone) and the local part. */
export function splitSheet(a1: string): { sheet: string | null; local: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: a1.slice(bang + 1) };
}

export function parseA1(a1: string): A1Ref | null {
  const { sheet, local } = splitSheet(a1.trim());
  const [a, b, extra] = local.split(':');
  if (a === undefined || extra !== undefined) return null;
  const p1 = parsePart(a);
  if (!p1) return null;
  const p2 = b === undefined ? p1 : parsePart(b);
  if (!p2) return null;
  if (b === undefined && (p1.col === null || p1.row === null)) return null;
  return {
    sheet,
    row1: p1.row, col1: p1.col, row2: p2.row, col2: p2.col,
    absRow1: p1.absRow, absCol1: p1.absCol, absRow2: p2.absRow, absCol2: p2.absCol,
  };
}

/** Quotes a sheet name for A1 notation when Sheets would. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function toA1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnToLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnToLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
