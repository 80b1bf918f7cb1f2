// The workbook's state: sheets with cells stored in row arrays (sparse: a row or cell that was
// never touched is undefined), plus the per-sheet and per-workbook objects (protections, rules,
// validations, named ranges, charts). Pure data and bookkeeping; the Apps Script classes that the
// add-on sees (fakes.ts) operate on it.
import { DateSerial, evaluateFormula, FormulaError, type FormulaHost, type Matrix, type Scalar } from '../formula';
import type { A1Ref } from './a1';
import { fromSerial, readValue, toSerial, type CellValue, type TypingContext } from './values';

export interface Validation {
  criteria: string;
  values: unknown[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

export interface Cell {
  /** Stored value; null when empty. Formula cells keep '' here and are evaluated on read. */
  v: CellValue | null;
  f?: string;
  note?: string;
  bg?: string;
  fontColor?: string;
  weight?: string;
  style?: string;
  line?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  numberFormat?: string;
  fontSize?: number;
  fontFamily?: string;
  validation?: Validation;
  /** Linked substrings of the text (a whole-cell link is one run over all of it). */
  links?: { start: number; end: number; url: string }[];
  /** Text styles of substrings set through a rich text value (what a TextStyle sets). */
  textStyles?: { start: number; end: number; style: Record<string, string | number | boolean> }[];
}

export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ProtectionData {
  type: 'RANGE' | 'SHEET';
  sheet: SheetData;
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  editors: Set<string>;
  unprotected: Rect[];
  domainEdit: boolean;
  removed: boolean;
  rangeName: string | null;
}

export interface RuleData {
  ranges: { sheet: SheetData; rect: Rect }[];
  criteria: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export interface ChartData {
  id: number;
  type: string;
  ranges: { sheet: SheetData; rect: Rect }[];
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  options: Map<string, unknown>;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export const contains = (r: Rect, row: number, column: number): boolean =>
  row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns;

export const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;

export class SheetData {
  rows: (Cell | undefined)[][] = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Column group depth per 1-based column, and the collapsed state of groups by their start column. */
  readonly columnGroupDepth = new Map<number, number>();
  readonly collapsedGroups = new Set<number>();
  rules: RuleData[] = [];
  charts: ChartData[] = [];

  constructor(public name: string, readonly id: number) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  ensure(row: number, column: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[column - 1];
    if (!c) {
      c = { v: null };
      r[column - 1] = c;
    }
    return c;
  }

  /** Last row with content (a value or a formula), as getLastRow(). */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row && row.some((c) => c !== undefined && hasContent(c))) return r + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        const cell = row[c];
        if (cell && hasContent(cell)) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  isColumnHidden(column: number): boolean {
    if (this.hiddenColumns.has(column)) return true;
    return false;
  }
}

export const hasContent = (c: Cell): boolean => c.f !== undefined || (c.v !== null && c.v !== '');

/** What a formula sees in a cell. */
function toScalar(v: CellValue | null, timeZone: string): Scalar {
  if (v === null || v === '') return null;
  if (v instanceof Date) return new DateSerial(toSerial(v, timeZone));
  return v;
}

export class Workbook {
  readonly sheets: SheetData[] = [];
  readonly namedRanges = new Map<string, { sheet: SheetData; rect: Rect }>();
  readonly protections: ProtectionData[] = [];
  readonly editors = new Set<string>();
  nextSheetId = 0;
  nextChartId = 1;
  activeSheet: SheetData | null = null;
  activeRange: Rect | null = null;
  currentCell: { row: number; column: number } | null = null;
  private evaluating = new Set<Cell>();

  constructor(
    public name: string,
    readonly id: string,
    public timeZone: string,
    public locale: string,
    readonly owner: string,
    private readonly todayIso: () => string,
  ) {
    this.editors.add(owner);
  }

  /** Selects rect of sheet (default A1): it becomes the active sheet and range, its top-left the current cell. */
  select(sheet: SheetData, rect: Rect = { row: 1, column: 1, numRows: 1, numColumns: 1 }): void {
    this.activeSheet = sheet;
    this.activeRange = { ...rect };
    this.currentCell = { row: rect.row, column: rect.column };
  }

  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  todaySerial(): number {
    const [y, m, d] = this.todayIso().split('-').map(Number);
    return Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000);
  }

  /** How typed text is read in this spreadsheet: its locale, zone and current year. */
  typing(): TypingContext {
    return { timeZone: this.timeZone, locale: this.locale, year: Number(this.todayIso().slice(0, 4)) };
  }

  /** The value getValues() returns for a cell: formulas computed, dates as Date, '' for empty. */
  value(sheet: SheetData, row: number, column: number): CellValue {
    const c = sheet.cell(row, column);
    if (!c) return '';
    const raw = c.f === undefined ? c.v ?? '' : this.fromScalar(this.evaluateCell(sheet, c));
    return raw === '' ? raw : readValue(raw, c.numberFormat, this.timeZone);
  }

  fromScalar(s: Scalar): CellValue {
    if (s === null) return '';
    if (s instanceof DateSerial) return fromSerial(s.serial, this.timeZone);
    if (s instanceof FormulaError) return s.code;
    return s;
  }

  private evaluateCell(sheet: SheetData, c: Cell): Scalar {
    if (this.evaluating.has(c)) return new FormulaError('#REF!', 'Circular dependency detected.');
    this.evaluating.add(c);
    try {
      return evaluateFormula(c.f!, this.host(sheet));
    } finally {
      this.evaluating.delete(c);
    }
  }

  /** Evaluates a formula as if it sat at (row, column) of sheet, relative references shifted. */
  evaluateAt(sheet: SheetData, formula: string, rowOffset: number, columnOffset: number): Scalar {
    return evaluateFormula(formula, this.host(sheet), { rowOffset, columnOffset });
  }

  host(sheet: SheetData): FormulaHost {
    const resolve = (name: string | null): SheetData | FormulaError =>
      name === null ? sheet : this.sheetByName(name) ?? new FormulaError('#REF!', `Unresolved sheet name '${name}'.`);
    return {
      today: () => this.todaySerial(),
      bounds: (name) => {
        const s = resolve(name);
        return s instanceof FormulaError ? s : { lastRow: s.maxRows, lastColumn: s.maxColumns };
      },
      values: (name, row1, col1, row2, col2) => {
        const s = resolve(name);
        if (s instanceof FormulaError) return s;
        // Beyond the content the cells are blank: stop at the last row with anything in it.
        const last = Math.min(row2, Math.max(s.rows.length, row1 - 1));
        const out: Matrix = [];
        for (let r = row1; r <= row2; r++) {
          const line: Scalar[] = new Array<Scalar>(col2 - col1 + 1).fill(null);
          const cells = r <= last ? s.rows[r - 1] : undefined;
          if (cells) {
            for (let c = col1; c <= col2; c++) {
              const cell = cells[c - 1];
              if (!cell) continue;
              line[c - col1] = cell.f !== undefined ? this.evaluateCell(s, cell) : toScalar(cell.v, this.timeZone);
            }
          }
          out.push(line);
        }
        return out;
      },
    };
  }

  /**
   * Keeps the workbook's rectangles on `sheet` attached to their cells when rows are inserted
   * (delta > 0, before row `at`) or deleted (delta < 0, rows at..at-delta-1), as Sheets does.
   */
  shiftRows(sheet: SheetData, at: number, delta: number): void {
    const move = (r: Rect): Rect | null => {
      const end = r.row + r.numRows - 1;
      if (delta > 0) {
        if (r.row >= at) return { ...r, row: r.row + delta };
        if (end >= at) return { ...r, numRows: r.numRows + delta };
        return r;
      }
      const gone = -delta;
      const last = at + gone - 1;
      if (end < at) return r;
      if (r.row > last) return { ...r, row: r.row - gone };
      const keepTop = Math.max(0, at - r.row);
      const keepBottom = Math.max(0, end - last);
      if (keepTop + keepBottom === 0) return null;
      return { ...r, row: Math.min(r.row, at), numRows: keepTop + keepBottom };
    };
    for (const p of [...this.protections]) {
      if (p.sheet !== sheet) continue;
      const rect = p.rect && move(p.rect);
      if (p.rect && !rect) {
        // every protected row was deleted: the protected range goes with them
        p.removed = true;
        this.protections.splice(this.protections.indexOf(p), 1);
        continue;
      }
      p.rect = rect;
      p.unprotected = p.unprotected.map(move).filter((r): r is Rect => r !== null);
    }
    for (const [name, v] of this.namedRanges) {
      if (v.sheet !== sheet) continue;
      const r = move(v.rect);
      if (r) v.rect = r;
      else this.namedRanges.delete(name);
    }
    for (const s of this.sheets) {
      for (const rule of s.rules) {
        rule.ranges = rule.ranges.flatMap((x) => {
          if (x.sheet !== sheet) return [x];
          const r = move(x.rect);
          return r ? [{ sheet: x.sheet, rect: r }] : [];
        });
      }
    }
  }

  /** Resolves an A1 reference against a sheet's dimensions. */
  rectOf(sheet: SheetData, ref: A1Ref): Rect {
    const row1 = ref.row1 ?? 1;
    const col1 = ref.col1 ?? 1;
    const row2 = ref.row2 ?? sheet.maxRows;
    const col2 = ref.col2 ?? sheet.maxColumns;
    return {
      row: Math.min(row1, row2),
      column: Math.min(col1, col2),
      numRows: Math.abs(row2 - row1) + 1,
      numColumns: Math.abs(col2 - col1) + 1,
    };
  }
}
