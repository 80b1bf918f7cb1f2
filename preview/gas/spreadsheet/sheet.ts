// Sheet: geometry, rows, layout (frozen rows, hidden columns, widths), protections, conditional
// format rules and charts of one sheet.
import { parseA1 } from './a1';
import { DEFAULT_ROWS, SheetData, type Cell, type Rect } from './model';
import {
  FakeConditionalFormatRule, FakeEmbeddedChart, FakeEmbeddedChartBuilder, FakeProtection, FakeNamedRange, newProtection,
} from './objects';
import { FakeRange } from './range';
import type { Env } from './shared';

/** Cells a spreadsheet may hold over all its sheets. */
const CELL_LIMIT = 10_000_000;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

type FakeSheetApi = Pick<Sheet,
  | 'getName' | 'setName' | 'getSheetId' | 'getSheetName' | 'getIndex' | 'getParent' | 'getRange' | 'getRangeList' | 'getDataRange'
  | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'insertRows' | 'insertRowsAfter' | 'insertRowsBefore'
  | 'insertRowAfter' | 'insertRowBefore' | 'deleteRows' | 'deleteRow' | 'appendRow' | 'insertColumnsAfter' | 'deleteColumns'
  | 'clear' | 'clearContents' | 'clearFormats' | 'clearNotes' | 'setFrozenRows' | 'setFrozenColumns' | 'getFrozenRows'
  | 'getFrozenColumns' | 'hideColumns' | 'showColumns' | 'unhideColumn' | 'isColumnHiddenByUser' | 'hideRows' | 'showRows'
  | 'isRowHiddenByUser' | 'hideSheet' | 'showSheet'
  | 'isSheetHidden' | 'setColumnWidth' | 'setColumnWidths' | 'getColumnWidth' | 'setRowHeight' | 'setRowHeights'
  | 'getRowHeight' | 'autoResizeColumns' | 'protect' | 'getProtections' | 'getConditionalFormatRules'
  | 'setConditionalFormatRules' | 'clearConditionalFormatRules' | 'newChart' | 'insertChart' | 'getCharts' | 'removeChart'
  | 'updateChart' | 'activate' | 'copyTo' | 'getNamedRanges' | 'setTabColor' | 'getTabColor' | 'getActiveRange'
  | 'setActiveRange' | 'setActiveSelection' | 'getCurrentCell' | 'setCurrentCell' | 'collapseAllColumnGroups' | 'expandAllColumnGroups' | 'getColumnGroupDepth'
>;

export class FakeSheet implements FakeSheetApi {
  constructor(private readonly env: Env, readonly data: SheetData) {}

  private self(): Sheet { return this as unknown as Sheet; }
  private write(rect: Rect | null = null): void { this.env.assertCanEdit(this.data, rect); }

  getName(): string { return this.data.name; }
  getSheetName(): string { return this.data.name; }
  setName(name: string): Sheet {
    this.write();
    const clash = this.env.wb.sheets.find((s) => s !== this.data && s.name.toLowerCase() === String(name).toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.data.name = String(name);
    return this.self();
  }
  getSheetId(): number { return this.data.id; }
  getIndex(): number { return this.env.wb.sheets.indexOf(this.data) + 1; }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet { return this.env.spreadsheetHandle(); }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a1OrRow === 'string') {
      const ref = parseA1(a1OrRow);
      if (!ref) throw new Error('Range not found');
      const sheet = ref.sheet === null ? this.data : this.env.wb.sheetByName(ref.sheet);
      if (!sheet) throw new Error('Range not found');
      return FakeRange.handle(this.env, sheet, this.env.wb.rectOf(sheet, ref));
    }
    if (column === undefined) throw new Error('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    return FakeRange.handle(this.env, this.data, { row: a1OrRow, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 });
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    const ranges = a1Notations.map((a1) => this.getRange(a1));
    const list = {
      getRanges: () => ranges,
      setBackground: (color: string | null) => { for (const r of ranges) r.setBackground(color); return handle; },
      setFontWeight: (w: GoogleAppsScript.Spreadsheet.FontWeight | null) => { for (const r of ranges) r.setFontWeight(w); return handle; },
      clearContent: () => { for (const r of ranges) r.clearContent(); return handle; },
      clear: () => { for (const r of ranges) r.clear(); return handle; },
      setValue: (v: unknown) => { for (const r of ranges) r.setValue(v); return handle; },
    };
    const handle: GoogleAppsScript.Spreadsheet.RangeList = this.env.wrap(list, 'RangeList');
    return handle;
  }
  getDataRange(): Range {
    return FakeRange.handle(this.env, this.data, { row: 1, column: 1, numRows: Math.max(1, this.data.lastRow()), numColumns: Math.max(1, this.data.lastColumn()) });
  }
  getLastRow(): number { return this.data.lastRow(); }
  getLastColumn(): number { return this.data.lastColumn(); }
  getMaxRows(): number { return this.data.maxRows; }
  getMaxColumns(): number { return this.data.maxColumns; }

  // ---- rows and columns ----
  /** Inserts blank rows before `rowIndex` (1-based); cells below move down. */
  private insertAt(rowIndex: number, howMany: number): void {
    if (rowIndex < 1 || rowIndex > this.data.maxRows + 1 || howMany < 1) throw new Error('Those rows are out of bounds.');
    this.write();
    if (this.data.rows.length >= rowIndex) this.data.rows.splice(rowIndex - 1, 0, ...new Array<(Cell | undefined)[]>(howMany).fill([]).map(() => []));
    this.data.maxRows += howMany;
    this.env.wb.shiftRows(this.data, rowIndex, howMany);
  }
  insertRows(rowIndex: number, numRows?: number): void { this.insertAt(rowIndex, numRows ?? 1); }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet { this.insertAt(beforePosition, howMany); return this.self(); }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet { this.insertAt(afterPosition + 1, howMany); return this.self(); }
  insertRowBefore(beforePosition: number): Sheet { this.insertAt(beforePosition, 1); return this.self(); }
  insertRowAfter(afterPosition: number): Sheet { this.insertAt(afterPosition + 1, 1); return this.self(); }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.data.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= this.data.maxRows) throw new Error('You can\'t delete all the rows on the sheet.');
    this.write({ row: rowPosition, column: 1, numRows: howMany, numColumns: this.data.maxColumns });
    this.data.rows.splice(rowPosition - 1, howMany);
    this.data.maxRows -= howMany;
    this.env.wb.shiftRows(this.data, rowPosition, -howMany);
  }
  deleteRow(rowPosition: number): Sheet { this.deleteRows(rowPosition, 1); return this.self(); }
  appendRow(rowContents: unknown[]): Sheet {
    const row = this.data.lastRow() + 1;
    if (row > this.data.maxRows) this.data.maxRows = row;
    if (rowContents.length > this.data.maxColumns) this.data.maxColumns = rowContents.length;
    const range = FakeRange.handle(this.env, this.data, { row, column: 1, numRows: 1, numColumns: Math.max(1, rowContents.length) });
    this.env.ctx.tracker.internal(() => range.setValues([rowContents.length ? rowContents : ['']]));
    return this.self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.write();
    for (const row of this.data.rows) if (row && row.length > afterPosition) row.splice(afterPosition, 0, ...new Array<Cell | undefined>(howMany));
    this.data.maxColumns += howMany;
    return this.self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.data.maxColumns) throw new Error('Those columns are out of bounds.');
    this.write();
    for (const row of this.data.rows) if (row) row.splice(columnPosition - 1, howMany);
    this.data.maxColumns -= howMany;
  }

  // ---- clearing ----
  private everything(): Range {
    return FakeRange.handle(this.env, this.data, { row: 1, column: 1, numRows: this.data.maxRows, numColumns: this.data.maxColumns });
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    const range = this.everything();
    this.env.ctx.tracker.internal(() => range.clear(options ?? {}));
    return this.self();
  }
  clearContents(): Sheet { return this.clear({ contentsOnly: true }); }
  clearFormats(): Sheet { return this.clear({ formatOnly: true }); }
  clearNotes(): Sheet {
    this.write();
    for (const row of this.data.rows) if (row) for (const c of row) if (c) delete c.note;
    return this.self();
  }

  // ---- layout ----
  setFrozenRows(rows: number): void { this.data.frozenRows = rows; }
  setFrozenColumns(columns: number): void { this.data.frozenColumns = columns; }
  getFrozenRows(): number { return this.data.frozenRows; }
  getFrozenColumns(): number { return this.data.frozenColumns; }
  hideColumns(columnIndex: number, numColumns?: number): void {
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) this.data.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns?: number): void {
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) this.data.hiddenColumns.delete(c);
  }
  unhideColumn(column: Range): void {
    const { rect } = this.env.rangeRect(column);
    this.showColumns(rect.column, rect.numColumns);
  }
  isColumnHiddenByUser(columnPosition: number): boolean { return this.data.hiddenColumns.has(columnPosition); }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideRows(Integer,Integer)
  hideRows(rowIndex: number, numRows?: number): void {
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) this.data.hiddenRows.add(r);
  }
  showRows(rowIndex: number, numRows?: number): void {
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) this.data.hiddenRows.delete(r);
  }
  isRowHiddenByUser(rowPosition: number): boolean { return this.data.hiddenRows.has(rowPosition); }
  hideSheet(): Sheet {
    if (this.env.wb.sheets.filter((s) => !s.hidden).length <= 1 && !this.data.hidden) throw new Error('You can\'t hide all the sheets in a document.');
    this.data.hidden = true;
    return this.self();
  }
  showSheet(): Sheet { this.data.hidden = false; return this.self(); }
  isSheetHidden(): boolean { return this.data.hidden; }
  setColumnWidth(columnPosition: number, width: number): Sheet { this.data.columnWidths.set(columnPosition, width); return this.self(); }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.data.columnWidths.set(c, width);
    return this.self();
  }
  getColumnWidth(columnPosition: number): number { return this.data.columnWidths.get(columnPosition) ?? 100; }
  setRowHeight(rowPosition: number, height: number): Sheet { this.data.rowHeights.set(rowPosition, height); return this.self(); }
  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    for (let r = startRow; r < startRow + numRows; r++) this.data.rowHeights.set(r, height);
    return this.self();
  }
  getRowHeight(rowPosition: number): number { return this.data.rowHeights.get(rowPosition) ?? 21; }
  autoResizeColumns(): Sheet { return this.self(); }
  setTabColor(color: string | null): Sheet { this.data.tabColor = color; return this.self(); }
  getTabColor(): string | null { return this.data.tabColor; }
  getColumnGroupDepth(columnIndex: number): number { return this.data.columnGroupDepth.get(columnIndex) ?? 0; }
  collapseAllColumnGroups(): Sheet {
    for (const c of this.data.columnGroupDepth.keys()) this.data.collapsedGroups.add(c);
    return this.self();
  }
  expandAllColumnGroups(): Sheet { this.data.collapsedGroups.clear(); return this.self(); }

  // ---- protections ----
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.write();
    return FakeProtection.handle(this.env, newProtection(this.env, 'SHEET', this.data, null));
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.env.wb.protections
      .filter((p) => !p.removed && p.sheet === this.data && p.type === String(type))
      .map((p) => FakeProtection.handle(this.env, p));
  }

  // ---- conditional formatting ----
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.data.rules.map((r) => FakeConditionalFormatRule.handle(this.env, r));
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    const data = rules.map((r) => this.env.unwrap(r, FakeConditionalFormatRule, 'rules').data);
    for (const d of data) {
      if (d.ranges.some((r) => r.sheet !== this.data)) throw new Error('Conditional format rule cannot reference a different sheet.');
    }
    this.write();
    this.data.rules = data;
  }
  clearConditionalFormatRules(): void { this.data.rules = []; }

  // ---- charts ----
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return FakeEmbeddedChartBuilder.handle(this.env, {
      id: 0, type: 'COLUMN', ranges: [], position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 }, options: new Map(),
    });
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const data = this.env.unwrap(chart, FakeEmbeddedChart, 'chart').data;
    this.write();
    data.id = this.env.wb.nextChartId++;
    this.data.charts.push(data);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.data.charts.map((c) => FakeEmbeddedChart.handle(this.env, c));
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const id = this.env.unwrap(chart, FakeEmbeddedChart, 'chart').data.id;
    this.write();
    this.data.charts = this.data.charts.filter((c) => c.id !== id);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const data = this.env.unwrap(chart, FakeEmbeddedChart, 'chart').data;
    const i = this.data.charts.findIndex((c) => c.id === data.id);
    if (i < 0) throw new Error('The chart does not exist on this sheet.');
    this.write();
    this.data.charts[i] = data;
  }

  // ---- selection, copies, names ----
  activate(): Sheet {
    this.env.wb.select(this.data);
    return this.self();
  }
  getActiveRange(): Range | null {
    const wb = this.env.wb;
    const rect = wb.activeSheet === this.data && wb.activeRange ? wb.activeRange : { row: 1, column: 1, numRows: 1, numColumns: 1 };
    return FakeRange.handle(this.env, this.data, rect);
  }
  setActiveRange(range: Range): Range {
    const { sheet, rect } = this.env.rangeRect(range);
    this.env.wb.select(sheet, rect);
    return FakeRange.handle(this.env, sheet, rect);
  }
  /**
   * Selects a range (a handle, or A1 notation read on this sheet): it becomes the active range and
   * its top-left cell the current cell, as with setActiveRange. Returns the newly active range.
   */
  setActiveSelection(range: Range): Range;
  setActiveSelection(a1Notation: string): Range;
  setActiveSelection(rangeOrA1: Range | string): Range {
    return this.setActiveRange(typeof rangeOrA1 === 'string' ? this.getRange(rangeOrA1) : rangeOrA1);
  }
  getCurrentCell(): Range | null {
    const cc = this.env.wb.activeSheet === this.data ? this.env.wb.currentCell : null;
    return FakeRange.handle(this.env, this.data, { row: cc?.row ?? 1, column: cc?.column ?? 1, numRows: 1, numColumns: 1 });
  }
  setCurrentCell(cell: Range): Range { return this.setActiveRange(cell); }
  /**
   * Google: «Copies the sheet to a given spreadsheet, which can be the same spreadsheet as the
   * source. The copied sheet is named "Copy of [original name]".»
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet)).
   * The copy carries cells with their values, formats and validation, the grid size, frozen rows,
   * widths, hidden columns and conditional formats. Not documented, and not modelled here: whether
   * protections, the hidden state and named ranges come along (the add-on sets all three itself).
   * Only this spreadsheet exists in memory. A copy that would take the spreadsheet past its 10
   * million cells fails, as every grid change does on Sheets (https://support.google.com/drive/answer/37603).
   */
  copyTo(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
    if (spreadsheet !== this.env.spreadsheetHandle()) throw new Error('copyTo: only the bound spreadsheet exists in the in-memory Apps Script');
    const cells = this.env.wb.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0) + this.data.maxRows * this.data.maxColumns;
    if (cells > CELL_LIMIT) throw new Error(`This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`);
    const base = `Copy of ${this.data.name}`;
    let name = base;
    for (let i = 2; this.env.wb.sheetByName(name); i++) name = `${base} ${i}`;
    const copy = cloneSheet(this.data, name, this.env.wb.nextSheetId++);
    this.env.wb.sheets.push(copy);
    return this.env.sheetHandle(copy);
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.env.wb.namedRanges].filter(([, r]) => r.sheet === this.data).map(([name]) => FakeNamedRange.handle(this.env, name));
  }
}

export function cloneSheet(src: SheetData, name: string, id: number): SheetData {
  const copy = new SheetData(name, id);
  copy.rows = src.rows.map((row) => (row ? row.map((c) => (c ? { ...c } : undefined)) : row));
  copy.maxRows = src.maxRows;
  copy.maxColumns = src.maxColumns;
  copy.frozenRows = src.frozenRows;
  copy.frozenColumns = src.frozenColumns;
  for (const c of src.hiddenColumns) copy.hiddenColumns.add(c);
  for (const r of src.hiddenRows) copy.hiddenRows.add(r);
  for (const [k, v] of src.columnWidths) copy.columnWidths.set(k, v);
  for (const [k, v] of src.rowHeights) copy.rowHeights.set(k, v);
  for (const [k, v] of src.columnGroupDepth) copy.columnGroupDepth.set(k, v);
  copy.rules = src.rules.map((r) => ({ ...r, ranges: r.ranges.map((x) => ({ sheet: copy, rect: { ...x.rect } })) }));
  return copy;
}

export { DEFAULT_ROWS };
