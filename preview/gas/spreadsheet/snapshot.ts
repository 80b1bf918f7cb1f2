// Plain-JSON picture of the workbook for the preview page and for assertions. Conditional format
// rules are evaluated here per cell as Sheets does: the first rule (in list order) whose condition
// holds styles the cell; a custom formula is written for the top-left cell of the rule's first
// range and its relative references shift with the cell; TODAY() is the runtime's today.
import { DateSerial, FormulaError, type Scalar } from '../formula';
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from '../types';
import { contains, type RuleData, type SheetData, type Workbook } from './model';
import { listValues } from './objects';
import { rectA1 } from './shared';
import { displayValue } from './values';

type Style = Pick<RuleData, 'background' | 'fontColor' | 'bold' | 'italic' | 'strikethrough'>;

const truthy = (v: Scalar): boolean =>
  v === true || (typeof v === 'number' && v !== 0) || (v instanceof DateSerial && v.serial !== 0) ||
  (typeof v === 'string' && v.toUpperCase() === 'TRUE');

function ruleHolds(wb: Workbook, sheet: SheetData, rule: RuleData, row: number, column: number): boolean {
  const text = (): string => displayValue(wb.value(sheet, row, column), wb.timeZone, sheet.cell(row, column)?.numberFormat, wb.locale);
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA': {
      const anchor = rule.ranges[0]!.rect;
      const v = wb.evaluateAt(sheet, String(rule.values[0] ?? ''), row - anchor.row, column - anchor.column);
      return !(v instanceof FormulaError) && truthy(v);
    }
    case 'CELL_EMPTY': return text() === '';
    case 'CELL_NOT_EMPTY': return text() !== '';
    case 'TEXT_EQUAL_TO': return text() === String(rule.values[0] ?? '');
    case 'TEXT_CONTAINS': return text().includes(String(rule.values[0] ?? ''));
    default: return false;
  }
}

/** Conditional styles per cell (key: (row-1)*width + column-1) within lastRow × lastColumn. */
function conditionalStyles(wb: Workbook, sheet: SheetData, lastRow: number, lastColumn: number): Map<number, Style> {
  const out = new Map<number, Style>();
  for (const rule of sheet.rules) {
    for (const { rect } of rule.ranges) {
      const r2 = Math.min(lastRow, rect.row + rect.numRows - 1);
      const c2 = Math.min(lastColumn, rect.column + rect.numColumns - 1);
      for (let r = rect.row; r <= r2; r++) {
        for (let c = rect.column; c <= c2; c++) {
          const key = (r - 1) * lastColumn + (c - 1);
          if (out.has(key)) continue;
          if (ruleHolds(wb, sheet, rule, r, c)) out.set(key, rule);
        }
      }
    }
  }
  return out;
}

function sheetSnapshot(wb: Workbook, sheet: SheetData, evaluate: boolean): SheetSnapshot {
  const lastRow = sheet.lastRow();
  const lastColumn = sheet.lastColumn();
  const styles = evaluate ? conditionalStyles(wb, sheet, lastRow, lastColumn) : new Map<number, Style>();
  const cells: (CellSnapshot | null)[][] = [];
  for (let r = 1; r <= lastRow; r++) {
    const line: (CellSnapshot | null)[] = [];
    for (let c = 1; c <= lastColumn; c++) {
      const cell = sheet.cell(r, c);
      const style = styles.get((r - 1) * lastColumn + (c - 1));
      if (!cell && !style) {
        line.push(null);
        continue;
      }
      const snap: CellSnapshot = { text: cell?.f && !evaluate ? '' : displayValue(wb.value(sheet, r, c), wb.timeZone, cell?.numberFormat, wb.locale) };
      if (cell?.f) snap.formula = cell.f;
      if (cell?.note) snap.note = cell.note;
      const bg = style?.background ?? cell?.bg;
      if (bg) snap.background = bg;
      const fc = style?.fontColor ?? cell?.fontColor;
      if (fc) snap.fontColor = fc;
      const bold = style?.bold ?? (cell?.weight === undefined ? undefined : cell.weight === 'bold');
      if (bold !== undefined && bold !== null) snap.bold = bold;
      const italic = style?.italic ?? (cell?.style === undefined ? undefined : cell.style === 'italic');
      if (italic !== undefined && italic !== null) snap.italic = italic;
      const strike = style?.strikethrough ?? (cell?.line === undefined ? undefined : cell.line === 'line-through');
      if (strike !== undefined && strike !== null) snap.strikethrough = strike;
      if (cell?.wrap !== undefined) snap.wrap = cell.wrap;
      if (cell?.hAlign) snap.horizontalAlignment = cell.hAlign;
      const links = cell?.links ?? [];
      if (links.length === 1 && links[0]!.start === 0 && links[0]!.end >= snap.text.length) snap.link = links[0]!.url;
      else if (links.length) snap.links = links.map((l) => ({ ...l }));
      line.push(snap);
    }
    cells.push(line);
  }
  const hidden = new Set(sheet.hiddenColumns);
  for (const c of sheet.collapsedGroups) if (sheet.columnGroupDepth.has(c)) hidden.add(c);
  return {
    name: sheet.name,
    sheetId: sheet.id,
    hidden: sheet.hidden,
    lastRow,
    lastColumn,
    cells,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    hiddenColumns: [...hidden].sort((a, b) => a - b),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    columnWidths: Object.fromEntries(sheet.columnWidths),
    protections: wb.protections
      .filter((p) => p.sheet === sheet && !p.removed)
      .map((p) => ({
        range: p.rect ? rectA1(p.rect) : null,
        description: p.description,
        warningOnly: p.warningOnly,
        editors: [...new Set([wb.owner, ...p.editors])],
      })),
    conditionalRules: sheet.rules.map((r) => ({
      ranges: r.ranges.map((x) => rectA1(x.rect)),
      formula: r.criteria === 'CUSTOM_FORMULA' ? String(r.values[0] ?? '') : null,
      background: r.background,
      fontColor: r.fontColor,
      bold: r.bold,
    })),
    validations: validationRuns(sheet),
    namedRanges: [...wb.namedRanges].filter(([, v]) => v.sheet === sheet).map(([name, v]) => ({ name, range: rectA1(v.rect) })),
    charts: sheet.charts.map((ch) => ({
      title: String(ch.options.get('title') ?? ''),
      type: ch.type,
      ranges: ch.ranges.map((x) => rectA1(x.rect, x.sheet === sheet ? undefined : x.sheet)),
    })),
  };
}

/** Vertical runs of one validation object per column, as A1 ranges. */
function validationRuns(sheet: SheetData): { range: string; values: string[] }[] {
  const out: { range: string; values: string[]; column: number; row: number }[] = [];
  const open = new Map<number, { v: object; row: number; end: number }>();
  const flush = (column: number): void => {
    const run = open.get(column);
    if (!run) return;
    const v = run.v as Parameters<typeof listValues>[0];
    out.push({ range: rectA1({ row: run.row, column, numRows: run.end - run.row + 1, numColumns: 1 }), values: listValues(v), column, row: run.row });
    open.delete(column);
  };
  for (let r = 1; r <= sheet.rows.length; r++) {
    const row = sheet.rows[r - 1];
    const seen = new Set<number>();
    if (row) {
      for (let c = 1; c <= row.length; c++) {
        const v = row[c - 1]?.validation;
        if (!v) continue;
        seen.add(c);
        const run = open.get(c);
        if (run && run.v === v && run.end === r - 1) run.end = r;
        else {
          flush(c);
          open.set(c, { v, row: r, end: r });
        }
      }
    }
    for (const c of [...open.keys()]) if (!seen.has(c)) flush(c);
  }
  for (const c of [...open.keys()]) flush(c);
  return out.sort((a, b) => a.column - b.column || a.row - b.row).map(({ range, values }) => ({ range, values }));
}

/** `evaluate: false` skips formulas and conditional formats (their text is '', rules are listed): a fast picture of what is stored. */
export function workbookSnapshot(wb: Workbook, url: string, today: string, evaluate = true): WorkbookSnapshot {
  return {
    name: wb.name,
    id: wb.id,
    url,
    timeZone: wb.timeZone,
    today,
    activeSheet: (wb.activeSheet ?? wb.sheets[0])?.name ?? '',
    sheets: wb.sheets.map((s) => sheetSnapshot(wb, s, evaluate)),
  };
}

export { contains };
