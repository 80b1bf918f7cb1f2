// Range: reads and writes a rectangle in one call, as the real one does. Writes check dimensions
// and protections first, then change nothing on failure.
import { columnToLetters } from './a1';
import { type Cell, type Rect, type SheetData, type Validation } from './model';
import { FakeDataValidation, FakeProtection, FakeRichTextValue, newProtection } from './objects';
import { checkDimensions, OUTSIDE_MESSAGE, rectA1, type Env } from './shared';
import { displayValue, parseTyped, type CellValue } from './values';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Attr = 'note' | 'bg' | 'fontColor' | 'weight' | 'style' | 'line' | 'wrap' | 'hAlign' | 'vAlign' | 'numberFormat' | 'fontSize' | 'fontFamily';

const DEFAULTS: Record<Attr, unknown> = {
  note: '', bg: '#ffffff', fontColor: '#000000', weight: 'normal', style: 'normal', line: 'none', wrap: true,
  hAlign: 'general', vAlign: 'bottom', numberFormat: '0.###############', fontSize: 10, fontFamily: 'Arial',
};

type FakeRangeApi = Pick<Range,
  | 'getA1Notation' | 'getRow' | 'getColumn' | 'getLastRow' | 'getLastColumn' | 'getNumRows' | 'getNumColumns'
  | 'getSheet' | 'getCell' | 'offset' | 'getValue' | 'getValues' | 'getDisplayValue' | 'getDisplayValues'
  | 'setValue' | 'setValues' | 'getFormula' | 'getFormulas' | 'setFormula' | 'setFormulas' | 'isBlank'
  | 'getNote' | 'getNotes' | 'setNote' | 'setNotes' | 'clearNote'
  | 'getBackground' | 'getBackgrounds' | 'setBackground' | 'setBackgrounds'
  | 'getFontWeight' | 'getFontWeights' | 'setFontWeight' | 'setFontWeights'
  | 'getFontColor' | 'getFontColors' | 'setFontColor' | 'setFontColors'
  | 'getFontStyle' | 'getFontStyles' | 'setFontStyle' | 'setFontStyles'
  | 'getFontLine' | 'getFontLines' | 'setFontLine' | 'setFontLines'
  | 'getFontSize' | 'getFontSizes' | 'setFontSize' | 'setFontSizes' | 'getFontFamily' | 'setFontFamily'
  | 'getWrap' | 'getWraps' | 'setWrap' | 'setWraps'
  | 'getHorizontalAlignment' | 'getHorizontalAlignments' | 'setHorizontalAlignment' | 'setHorizontalAlignments'
  | 'getVerticalAlignment' | 'getVerticalAlignments' | 'setVerticalAlignment' | 'setVerticalAlignments'
  | 'getNumberFormat' | 'getNumberFormats' | 'setNumberFormat' | 'setNumberFormats'
  | 'clear' | 'clearContent' | 'clearFormat' | 'clearDataValidations'
  | 'getDataValidation' | 'getDataValidations' | 'setDataValidation' | 'setDataValidations'
  | 'protect' | 'activate' | 'shiftColumnGroupDepth' | 'collapseGroups' | 'expandGroups'
  | 'setBorder' | 'merge' | 'breakApart' | 'setRichTextValue' | 'getRichTextValue' | 'getRichTextValues'
  | 'setShowHyperlink' | 'getDataRegion' | 'copyTo' | 'setWrapStrategy' | 'getGridId'
>;

export class FakeRange implements FakeRangeApi {
  constructor(private readonly env: Env, readonly sheet: SheetData, readonly rect: Rect) {}

  static handle(env: Env, sheet: SheetData, rect: Rect): Range {
    if (rect.row < 1 || rect.column < 1 || rect.numRows < 1 || rect.numColumns < 1) {
      throw new Error(rect.numRows < 1 || rect.numColumns < 1 ? 'The number of rows in the range must be at least 1.' : OUTSIDE_MESSAGE);
    }
    if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns) {
      throw new Error(OUTSIDE_MESSAGE);
    }
    return env.wrap<Range, FakeRange>(new FakeRange(env, sheet, rect), 'Range');
  }

  private self(): Range {
    return this as unknown as Range;
  }

  // ---- geometry ----
  getA1Notation(): string { return rectA1(this.rect, undefined); }
  getRow(): number { return this.rect.row; }
  getColumn(): number { return this.rect.column; }
  getLastRow(): number { return this.rect.row + this.rect.numRows - 1; }
  getLastColumn(): number { return this.rect.column + this.rect.numColumns - 1; }
  getNumRows(): number { return this.rect.numRows; }
  getNumColumns(): number { return this.rect.numColumns; }
  getGridId(): number { return this.sheet.id; }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet { return this.env.sheetHandle(this.sheet); }
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) throw new Error('Cell reference out of range');
    return FakeRange.handle(this.env, this.sheet, { row: this.rect.row + row - 1, column: this.rect.column + column - 1, numRows: 1, numColumns: 1 });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return FakeRange.handle(this.env, this.sheet, {
      row: this.rect.row + rowOffset,
      column: this.rect.column + columnOffset,
      numRows: numRows ?? this.rect.numRows,
      numColumns: numColumns ?? this.rect.numColumns,
    });
  }
  getDataRegion(): Range {
    return FakeRange.handle(this.env, this.sheet, { row: 1, column: 1, numRows: Math.max(1, this.sheet.lastRow()), numColumns: Math.max(1, this.sheet.lastColumn()) });
  }

  // ---- iteration helpers ----
  private map<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.rect;
    const out: T[][] = new Array<T[]>(numRows);
    for (let r = 0; r < numRows; r++) {
      const cells = this.sheet.rows[row + r - 1];
      const line = new Array<T>(numColumns);
      for (let c = 0; c < numColumns; c++) line[c] = fn(cells?.[column + c - 1], row + r, column + c);
      out[r] = line;
    }
    return out;
  }
  private each(fn: (cell: Cell, r: number, c: number) => void): void {
    const { row, column, numRows, numColumns } = this.rect;
    for (let r = 0; r < numRows; r++) for (let c = 0; c < numColumns; c++) fn(this.sheet.ensure(row + r, column + c), r, c);
  }
  private existing(fn: (cell: Cell) => void): void {
    const { row, column, numRows, numColumns } = this.rect;
    for (let r = row; r < row + numRows; r++) {
      const cells = this.sheet.rows[r - 1];
      if (!cells) continue;
      for (let c = column; c < column + numColumns; c++) {
        const cell = cells[c - 1];
        if (cell) fn(cell);
      }
    }
  }
  private write(): void {
    this.env.assertCanEdit(this.sheet, this.rect);
  }
  private attrs<T>(attr: Attr): T[][] {
    const def = DEFAULTS[attr] as T;
    return this.map((cell) => ((cell?.[attr] as T | undefined) ?? def));
  }
  private setAttr(attr: Attr, value: unknown): Range {
    this.write();
    this.each((cell) => {
      if (value === null || value === undefined) delete cell[attr];
      else (cell as unknown as Record<string, unknown>)[attr] = value;
    });
    return this.self();
  }
  private setAttrs(attr: Attr, values: unknown): Range {
    const rows = checkDimensions(values, this.rect);
    this.write();
    this.each((cell, r, c) => {
      const v = rows[r]![c];
      if (v === null || v === undefined) delete cell[attr];
      else (cell as unknown as Record<string, unknown>)[attr] = v;
    });
    return this.self();
  }

  // ---- values ----
  getValues(): CellValue[][] {
    const wb = this.env.wb;
    return this.map((cell, r, c) => (cell === undefined ? '' : wb.value(this.sheet, r, c)));
  }
  getValue(): CellValue { return this.env.wb.value(this.sheet, this.rect.row, this.rect.column); }
  getDisplayValues(): string[][] {
    const { timeZone, locale } = this.env.wb;
    const formats = this.attrs<string>('numberFormat');
    return this.getValues().map((row, r) => row.map((v, c) => displayValue(v, timeZone, formats[r]?.[c], locale)));
  }
  getDisplayValue(): string { return this.getDisplayValues()[0]![0]!; }
  isBlank(): boolean {
    let blank = true;
    this.existing((cell) => {
      if (cell.f !== undefined || (cell.v !== null && cell.v !== '')) blank = false;
    });
    return blank;
  }

  /** Stores a value as Sheets would (see values.ts for how strings are interpreted). */
  private store(cell: Cell, value: unknown): void {
    if (value === null || value === undefined || value === '') {
      cell.v = null;
      delete cell.f;
      return;
    }
    if (typeof value === 'string') {
      const typed = parseTyped(value, this.env.wb.typing(), cell.numberFormat === '@');
      cell.v = typed.value;
      if (typed.formula !== undefined) cell.f = typed.formula;
      else delete cell.f;
      if (typed.format && cell.numberFormat === undefined) cell.numberFormat = typed.format;
      return;
    }
    delete cell.f;
    if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) cell.v = value;
    else cell.v = String(value);
  }
  setValues(values: unknown[][]): Range {
    const rows = checkDimensions(values, this.rect);
    this.write();
    this.each((cell, r, c) => this.store(cell, rows[r]![c]));
    return this.self();
  }
  setValue(value: unknown): Range {
    this.write();
    this.each((cell) => this.store(cell, value));
    return this.self();
  }
  getFormulas(): string[][] { return this.map((cell) => cell?.f ?? ''); }
  getFormula(): string { return this.sheet.cell(this.rect.row, this.rect.column)?.f ?? ''; }
  setFormula(formula: string): Range {
    this.write();
    this.each((cell) => this.storeFormula(cell, formula));
    return this.self();
  }
  setFormulas(formulas: string[][]): Range {
    const rows = checkDimensions(formulas, this.rect);
    this.write();
    this.each((cell, r, c) => this.storeFormula(cell, rows[r]![c]));
    return this.self();
  }
  private storeFormula(cell: Cell, formula: unknown): void {
    const f = String(formula ?? '');
    if (f === '') {
      cell.v = null;
      delete cell.f;
    } else if (f.startsWith('=')) {
      cell.v = '';
      cell.f = f;
    } else {
      this.store(cell, f);
    }
  }

  // ---- notes and formats ----
  getNotes(): string[][] { return this.attrs('note'); }
  getNote(): string { return this.attrs<string>('note')[0]![0]!; }
  setNote(note: string | null): Range { return this.setAttr('note', note === '' ? null : note); }
  setNotes(notes: unknown[][]): Range {
    const cleaned = checkDimensions(notes, this.rect).map((row) => row.map((n) => (n === '' ? null : n)));
    return this.setAttrs('note', cleaned);
  }
  clearNote(): Range { return this.setAttr('note', null); }
  getBackgrounds(): string[][] { return this.attrs('bg'); }
  getBackground(): string { return this.getBackgrounds()[0]![0]!; }
  setBackground(color: string | null): Range { return this.setAttr('bg', color); }
  setBackgrounds(color: string[][]): Range { return this.setAttrs('bg', color); }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] { return this.attrs('weight'); }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight { return this.getFontWeights()[0]![0]!; }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range { return this.setAttr('weight', fontWeight); }
  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): Range { return this.setAttrs('weight', fontWeights); }
  getFontColors(): string[][] { return this.attrs('fontColor'); }
  getFontColor(): string { return this.getFontColors()[0]![0]!; }
  setFontColor(color: string | null): Range { return this.setAttr('fontColor', color); }
  setFontColors(colors: unknown[][]): Range { return this.setAttrs('fontColor', colors); }
  getFontStyles(): GoogleAppsScript.Spreadsheet.FontStyle[][] { return this.attrs('style'); }
  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle { return this.getFontStyles()[0]![0]!; }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): Range { return this.setAttr('style', fontStyle); }
  setFontStyles(fontStyles: Array<Array<GoogleAppsScript.Spreadsheet.FontStyle | null>>): Range { return this.setAttrs('style', fontStyles); }
  getFontLines(): GoogleAppsScript.Spreadsheet.FontLine[][] { return this.attrs('line'); }
  getFontLine(): GoogleAppsScript.Spreadsheet.FontLine { return this.getFontLines()[0]![0]!; }
  setFontLine(fontLine: GoogleAppsScript.Spreadsheet.FontLine | null): Range { return this.setAttr('line', fontLine); }
  setFontLines(fontLines: Array<Array<GoogleAppsScript.Spreadsheet.FontLine | null>>): Range { return this.setAttrs('line', fontLines); }
  getFontSizes(): number[][] { return this.attrs('fontSize'); }
  getFontSize(): number { return this.getFontSizes()[0]![0]!; }
  setFontSize(size: number): Range { return this.setAttr('fontSize', size); }
  setFontSizes(sizes: number[][]): Range { return this.setAttrs('fontSize', sizes); }
  getFontFamily(): string { return this.attrs<string>('fontFamily')[0]![0]!; }
  setFontFamily(fontFamily: string | null): Range { return this.setAttr('fontFamily', fontFamily); }
  getWraps(): boolean[][] { return this.attrs('wrap'); }
  getWrap(): boolean { return this.getWraps()[0]![0]!; }
  setWrap(isWrapEnabled: boolean): Range { return this.setAttr('wrap', isWrapEnabled); }
  setWraps(isWrapEnabled: boolean[][]): Range { return this.setAttrs('wrap', isWrapEnabled); }
  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): Range {
    return this.setAttr('wrap', String(strategy) === 'WRAP');
  }
  getHorizontalAlignments(): string[][] { return this.attrs('hAlign'); }
  getHorizontalAlignment(): string { return this.getHorizontalAlignments()[0]![0]!; }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range { return this.setAttr('hAlign', alignment); }
  setHorizontalAlignments(alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>): Range { return this.setAttrs('hAlign', alignments); }
  getVerticalAlignments(): string[][] { return this.attrs('vAlign'); }
  getVerticalAlignment(): string { return this.getVerticalAlignments()[0]![0]!; }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): Range { return this.setAttr('vAlign', alignment); }
  setVerticalAlignments(alignments: Array<Array<'top' | 'middle' | 'bottom' | null>>): Range { return this.setAttrs('vAlign', alignments); }
  getNumberFormats(): string[][] { return this.attrs('numberFormat'); }
  getNumberFormat(): string { return this.getNumberFormats()[0]![0]!; }
  setNumberFormat(numberFormat: string): Range { return this.setAttr('numberFormat', numberFormat); }
  setNumberFormats(numberFormats: unknown[][]): Range { return this.setAttrs('numberFormat', numberFormats); }
  setBorder(): Range { this.write(); return this.self(); }
  merge(): Range { this.write(); return this.self(); }
  breakApart(): Range { this.write(); return this.self(); }
  setShowHyperlink(): Range { return this.self(); }

  // ---- rich text (links) ----
  setRichTextValue(value: GoogleAppsScript.Spreadsheet.RichTextValue): Range {
    const rich = this.env.unwrap(value, FakeRichTextValue, 'value');
    this.write();
    this.each((cell) => {
      // A rich text value is text as it stands: never read as a number, date or formula.
      cell.v = rich.text === '' ? null : rich.text;
      delete cell.f;
      if (rich.links.length) cell.links = rich.links.map((l) => ({ ...l }));
      else delete cell.links;
      if (rich.styles.length) cell.textStyles = rich.styles.map((l) => ({ ...l, style: { ...l.style } }));
      else delete cell.textStyles;
    });
    return this.self();
  }
  getRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValue | null { return this.getRichTextValues()[0]![0]!; }
  getRichTextValues(): Array<Array<GoogleAppsScript.Spreadsheet.RichTextValue | null>> {
    const display = this.getDisplayValues();
    return this.map((cell, r, c) => FakeRichTextValue.handle(this.env, display[r - this.rect.row]![c - this.rect.column]!, cell?.links ?? [], cell?.textStyles ?? []));
  }

  // ---- clearing ----
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): Range {
    this.write();
    const o = options ?? {};
    const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
    this.existing((cell) => {
      if (all || o.contentsOnly) { cell.v = null; delete cell.f; delete cell.links; delete cell.textStyles; }
      if (all || o.formatOnly) clearFormat(cell);
      if (all || o.validationsOnly) delete cell.validation;
    });
    return this.self();
  }
  clearContent(): Range { return this.clear({ contentsOnly: true }); }
  clearFormat(): Range { return this.clear({ formatOnly: true }); }
  clearDataValidations(): Range { return this.clear({ validationsOnly: true }); }

  // ---- data validation ----
  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this.map((cell) => (cell?.validation ? FakeDataValidation.handle(this.env, cell.validation) : null));
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null { return this.getDataValidations()[0]![0]!; }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    const v: Validation | null = rule === null ? null : this.env.unwrap(rule, FakeDataValidation, 'rule').data;
    this.write();
    this.each((cell) => {
      if (v) cell.validation = v;
      else delete cell.validation;
    });
    return this.self();
  }
  setDataValidations(rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>): Range {
    const rows = checkDimensions(rules, this.rect);
    const data = rows.map((row) => row.map((r) => (r === null || r === undefined ? null : this.env.unwrap(r, FakeDataValidation, 'rules').data)));
    this.write();
    this.each((cell, r, c) => {
      const v = data[r]![c];
      if (v) cell.validation = v;
      else delete cell.validation;
    });
    return this.self();
  }

  // ---- protection, selection, groups, copy ----
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.write();
    return FakeProtection.handle(this.env, newProtection(this.env, 'RANGE', this.sheet, { ...this.rect }));
  }
  activate(): Range {
    this.env.wb.select(this.sheet, this.rect);
    return this.self();
  }
  shiftColumnGroupDepth(delta: number): Range {
    for (let c = this.rect.column; c < this.rect.column + this.rect.numColumns; c++) {
      const depth = Math.max(0, (this.sheet.columnGroupDepth.get(c) ?? 0) + delta);
      if (depth === 0) this.sheet.columnGroupDepth.delete(c);
      else this.sheet.columnGroupDepth.set(c, depth);
    }
    return this.self();
  }
  collapseGroups(): Range {
    for (let c = this.rect.column; c < this.rect.column + this.rect.numColumns; c++) {
      if (this.sheet.columnGroupDepth.has(c)) this.sheet.collapsedGroups.add(c);
    }
    return this.self();
  }
  expandGroups(): Range {
    for (let c = this.rect.column; c < this.rect.column + this.rect.numColumns; c++) this.sheet.collapsedGroups.delete(c);
    return this.self();
  }
  copyTo(destination: Range): void {
    const dest = this.env.unwrap(destination, FakeRange, 'destination');
    dest.write();
    const src = this.map((cell) => (cell ? { ...cell } : undefined));
    for (let r = 0; r < this.rect.numRows; r++) {
      for (let c = 0; c < this.rect.numColumns; c++) {
        const from = src[r]![c];
        const row = dest.rect.row + r;
        const column = dest.rect.column + c;
        if (row > dest.sheet.maxRows || column > dest.sheet.maxColumns) continue;
        if (from) {
          dest.sheet.ensure(row, column);
          dest.sheet.rows[row - 1]![column - 1] = from;
        } else if (dest.sheet.cell(row, column)) {
          dest.sheet.rows[row - 1]![column - 1] = undefined;
        }
      }
    }
  }
}

function clearFormat(cell: Cell): void {
  for (const key of ['bg', 'fontColor', 'weight', 'style', 'line', 'wrap', 'hAlign', 'vAlign', 'numberFormat', 'fontSize', 'fontFamily'] as const) {
    delete cell[key];
  }
}

export const columnLabel = columnToLetters;
