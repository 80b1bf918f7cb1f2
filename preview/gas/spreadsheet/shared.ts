// What the Apps Script classes of the spreadsheet share: the workbook, the run context, the
// tracking wrapper, and the checks every write goes through (dimensions, protections).
import type { GasContext } from '../context';
import { complete } from '../services/partial';
import { columnToLetters, quoteSheet, toA1 } from './a1';
import { contains, intersects, type ProtectionData, type Rect, type SheetData, type Workbook } from './model';

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
export const OUTSIDE_MESSAGE = 'The coordinates of the range are outside the dimensions of the sheet.';

export class Env {
  /** Who is editing: a person in userEdit(), otherwise whoever runs the script. */
  actingUser: string | null = null;
  /** Wrapped proxy → the fake behind it (for arguments the add-on hands back to us). */
  private readonly impls = new WeakMap<object, object>();
  toasts: { title: string; message: string }[] = [];
  onToast: ((title: string, message: string) => void) | null = null;

  /** Handle factories, set by the service (avoids import cycles between the classes). */
  sheetHandle!: (sheet: SheetData) => GoogleAppsScript.Spreadsheet.Sheet;
  rangeHandle!: (sheet: SheetData, rect: Rect) => GoogleAppsScript.Spreadsheet.Range;
  spreadsheetHandle!: () => GoogleAppsScript.Spreadsheet.Spreadsheet;

  /** The sheet and rectangle behind a Range handle the add-on passes back. */
  rangeRect!: (range: unknown) => { sheet: SheetData; rect: Rect };
  /** The sheet behind a Sheet handle. */
  sheetOf!: (sheet: unknown) => { data: SheetData };

  constructor(readonly ctx: GasContext, readonly wb: Workbook) {}

  user(): string {
    return this.actingUser ?? this.ctx.currentUser();
  }

  /** Tracked handle of a fake: counted calls; unimplemented methods throw "not implemented". */
  wrap<T extends object, F extends object>(fake: F, className: string): T {
    const handle = this.ctx.tracker.wrap(complete(fake as unknown as Partial<T>, className), className);
    this.impls.set(handle, fake);
    return handle;
  }

  unwrap<F>(handle: unknown, kind: new (...args: never[]) => F, what: string): F {
    const fake = typeof handle === 'object' && handle !== null ? this.impls.get(handle) ?? handle : handle;
    if (!(fake instanceof kind)) throw new Error(`Invalid argument: ${what}`);
    return fake;
  }

  /** Throws as Google does when the acting user may not write this rectangle of sheet. */
  assertCanEdit(sheet: SheetData, rect: Rect | null): void {
    const user = this.user();
    for (const p of this.wb.protections) {
      if (p.removed || p.sheet !== sheet || p.warningOnly || canEdit(this.wb, p, user)) continue;
      if (p.type === 'RANGE') {
        if (rect === null || intersects(p.rect!, rect)) throw new Error(PROTECTED_MESSAGE);
      } else if (rect === null || !coveredByUnprotected(p, rect)) {
        throw new Error(PROTECTED_MESSAGE);
      }
    }
  }
}

/** The spreadsheet owner is always an editor; otherwise the protection's editor list decides. */
export function canEdit(wb: Workbook, p: ProtectionData, user: string): boolean {
  return user === wb.owner || p.editors.has(user);
}

function coveredByUnprotected(p: ProtectionData, rect: Rect): boolean {
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
      if (!p.unprotected.some((u) => contains(u, r, c))) return false;
    }
  }
  return true;
}

export function checkDimensions(data: unknown, rect: Rect): unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
    throw new Error('The parameters (String) don\'t match the method signature.');
  }
  const rows = data as unknown[][];
  if (rows.length !== rect.numRows) {
    throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${rect.numRows}.`);
  }
  for (const row of rows) {
    if (row.length !== rect.numColumns) {
      throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numColumns}.`);
    }
  }
  return rows;
}

export function rectA1(rect: Rect, sheet?: SheetData): string {
  const prefix = sheet ? `${quoteSheet(sheet.name)}!` : '';
  if (rect.numRows >= 1 && rect.row === 1 && sheet && rect.numRows === sheet.maxRows) {
    return `${prefix}${columnToLetters(rect.column)}:${columnToLetters(rect.column + rect.numColumns - 1)}`;
  }
  return prefix + toA1(rect.row, rect.column, rect.numRows, rect.numColumns);
}
