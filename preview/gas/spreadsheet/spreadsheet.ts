// Spreadsheet (the bound file) and the SpreadsheetApp global.
import { parseA1 } from './a1';
import { DEFAULT_COLUMNS, SheetData } from './model';
import {
  FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder, FakeNamedRange, FakeProtection, FakeRichTextValueBuilder, FakeTextStyleBuilder, userHandle,
} from './objects';
import { FakeRange } from './range';
import { cloneSheet } from './sheet';
import type { Env } from './shared';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

type FakeSpreadsheetApi = Pick<Spreadsheet,
  | 'getId' | 'getUrl' | 'getName' | 'rename' | 'getSheets' | 'getNumSheets' | 'getSheetByName' | 'getSheetById' | 'insertSheet'
  | 'deleteSheet' | 'duplicateActiveSheet' | 'getActiveSheet' | 'setActiveSheet' | 'getActiveRange' | 'setActiveRange'
  | 'setActiveSelection' | 'getCurrentCell' | 'getRange' | 'getRangeByName' | 'setNamedRange' | 'getNamedRanges' | 'removeNamedRange'
  | 'getSpreadsheetTimeZone' | 'setSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'setSpreadsheetLocale' | 'getOwner' | 'getEditors' | 'addEditor'
  | 'addEditors' | 'removeEditor' | 'toast' | 'getProtections'
>;

export class FakeSpreadsheet implements FakeSpreadsheetApi {
  constructor(private readonly env: Env, readonly url: string) {}
  private self(): Spreadsheet { return this as unknown as Spreadsheet; }
  private get wb() { return this.env.wb; }

  getId(): string { return this.wb.id; }
  getUrl(): string { return this.url; }
  getName(): string { return this.wb.name; }
  rename(newName: string): void { this.wb.name = String(newName); }
  getSheets(): Sheet[] { return this.wb.sheets.map((s) => this.env.sheetHandle(s)); }
  getNumSheets(): number { return this.wb.sheets.length; }
  getSheetByName(name: string): Sheet | null {
    const s = this.wb.sheetByName(name);
    return s ? this.env.sheetHandle(s) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this.wb.sheets.find((x) => x.id === id);
    return s ? this.env.sheetHandle(s) : null;
  }
  /** insertSheet(), insertSheet(name), insertSheet(name, index), insertSheet(index). */
  insertSheet(nameOrIndex?: unknown, index?: unknown): Sheet {
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : null;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : typeof index === 'number' ? index : undefined;
    if (name !== null && this.wb.sheets.some((s) => s.name.toLowerCase() === name!.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (name === null) {
      const base = this.wb.locale.startsWith('ru') ? 'Лист' : 'Sheet';
      let n = this.wb.sheets.length + 1;
      while (this.wb.sheetByName(`${base}${n}`)) n++;
      name = `${base}${n}`;
    }
    const sheet = new SheetData(name, this.wb.nextSheetId++);
    sheet.maxColumns = DEFAULT_COLUMNS;
    if (at === undefined || at >= this.wb.sheets.length) this.wb.sheets.push(sheet);
    else this.wb.sheets.splice(Math.max(0, at), 0, sheet);
    // The new sheet becomes the active one, as in Sheets.
    this.wb.select(sheet);
    return this.env.sheetHandle(sheet);
  }
  deleteSheet(sheet: Sheet): void {
    const { data } = this.env.sheetOf(sheet);
    if (this.wb.sheets.length <= 1) throw new Error('You can\'t remove all the sheets in a document.');
    this.env.assertCanEdit(data, null);
    this.wb.sheets.splice(this.wb.sheets.indexOf(data), 1);
    for (let i = this.wb.protections.length - 1; i >= 0; i--) if (this.wb.protections[i]!.sheet === data) this.wb.protections.splice(i, 1);
    for (const [name, r] of this.wb.namedRanges) if (r.sheet === data) this.wb.namedRanges.delete(name);
    if (this.wb.activeSheet === data) this.wb.activeSheet = this.wb.sheets[0] ?? null;
  }
  duplicateActiveSheet(): Sheet {
    const src = this.wb.activeSheet ?? this.wb.sheets[0]!;
    const base = `${this.wb.locale.startsWith('ru') ? 'Копия' : 'Copy of'} ${src.name}`;
    let name = base;
    for (let i = 2; this.wb.sheetByName(name); i++) name = `${base} ${i}`;
    const copy = cloneSheet(src, name, this.wb.nextSheetId++);
    this.wb.sheets.splice(this.wb.sheets.indexOf(src) + 1, 0, copy);
    this.wb.activeSheet = copy;
    return this.env.sheetHandle(copy);
  }
  getActiveSheet(): Sheet { return this.env.sheetHandle(this.wb.activeSheet ?? this.wb.sheets[0]!); }
  setActiveSheet(sheet: Sheet): Sheet {
    const { data } = this.env.sheetOf(sheet);
    this.wb.select(data);
    return this.env.sheetHandle(data);
  }
  getActiveRange(): Range | null {
    const sheet = this.wb.activeSheet ?? this.wb.sheets[0]!;
    return FakeRange.handle(this.env, sheet, this.wb.activeRange ?? { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }
  setActiveRange(range: Range): Range {
    const { sheet, rect } = this.env.rangeRect(range);
    this.wb.select(sheet, rect);
    return FakeRange.handle(this.env, sheet, rect);
  }
  /** As setActiveRange; A1 notation without a sheet name is read on the active sheet. */
  setActiveSelection(range: Range): Range;
  setActiveSelection(a1Notation: string): Range;
  setActiveSelection(rangeOrA1: Range | string): Range {
    return this.setActiveRange(typeof rangeOrA1 === 'string' ? this.getRange(rangeOrA1) : rangeOrA1);
  }
  getCurrentCell(): Range | null {
    const sheet = this.wb.activeSheet ?? this.wb.sheets[0]!;
    const cc = this.wb.currentCell ?? { row: 1, column: 1 };
    return FakeRange.handle(this.env, sheet, { row: cc.row, column: cc.column, numRows: 1, numColumns: 1 });
  }
  /** A1 notation, sheet-qualified or on the active sheet. */
  getRange(a1Notation: string): Range {
    const ref = parseA1(a1Notation);
    if (!ref) throw new Error('Range not found');
    const sheet = ref.sheet === null ? this.wb.activeSheet ?? this.wb.sheets[0]! : this.wb.sheetByName(ref.sheet);
    if (!sheet) throw new Error('Range not found');
    return FakeRange.handle(this.env, sheet, this.wb.rectOf(sheet, ref));
  }
  getRangeByName(name: string): Range | null {
    const r = this.wb.namedRanges.get(name);
    return r ? FakeRange.handle(this.env, r.sheet, r.rect) : null;
  }
  setNamedRange(name: string, range: Range): void {
    // Google: a name starts with a letter or underscore, has no spaces, and is not A1-like.
    if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) || parseA1(name)) throw new Error('Invalid name for a named range.');
    this.wb.namedRanges.set(name, this.env.rangeRect(range));
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.wb.namedRanges.keys()].map((name) => FakeNamedRange.handle(this.env, name));
  }
  removeNamedRange(name: string): void {
    if (!this.wb.namedRanges.delete(name)) throw new Error('Range not found');
  }
  getSpreadsheetTimeZone(): string { return this.wb.timeZone; }
  setSpreadsheetTimeZone(timezone: string): void { this.wb.timeZone = timezone; }
  getSpreadsheetLocale(): string { return this.wb.locale; }
  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetLocale(String) */
  setSpreadsheetLocale(locale: string): void { this.wb.locale = String(locale); }
  getOwner(): GoogleAppsScript.Base.User { return userHandle(this.env, this.wb.owner); }
  getEditors(): GoogleAppsScript.Base.User[] {
    return [...new Set([this.wb.owner, ...this.wb.editors])].map((e) => userHandle(this.env, e));
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): Spreadsheet {
    this.wb.editors.add(typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail());
    return this.self();
  }
  addEditors(emailAddresses: string[]): Spreadsheet {
    for (const e of emailAddresses) this.wb.editors.add(e);
    return this.self();
  }
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): Spreadsheet {
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    if (email !== this.wb.owner) this.wb.editors.delete(email);
    return this.self();
  }
  toast(msg: string, title?: string, _timeoutSeconds?: unknown): void {
    const t = { title: title === undefined ? '' : String(title), message: String(msg) };
    this.env.toasts.push(t);
    this.env.onToast?.(t.title, t.message);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.wb.protections.filter((p) => !p.removed && p.type === String(type)).map((p) => FakeProtection.handle(this.env, p));
  }
}

const enumOf = <T>(...names: string[]): T => Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;

type SS = typeof GoogleAppsScript.Spreadsheet;

export function createSpreadsheetApp(env: Env, spreadsheet: () => Spreadsheet): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const app = {
    getActiveSpreadsheet: () => spreadsheet(),
    getActive: () => spreadsheet(),
    getActiveSheet: () => env.sheetHandle(env.wb.activeSheet ?? env.wb.sheets[0]!),
    getActiveRange: () => spreadsheet().getActiveRange(),
    getCurrentCell: () => spreadsheet().getCurrentCell(),
    getUi: () => env.ctx.ui(),
    flush: () => undefined,
    newConditionalFormatRule: () => FakeConditionalFormatRuleBuilder.handle(env),
    newDataValidation: () => FakeDataValidationBuilder.handle(env),
    newRichTextValue: () => FakeRichTextValueBuilder.handle(env),
    newTextStyle: () => FakeTextStyleBuilder.handle(env),
    ProtectionType: enumOf<SS['ProtectionType']>('RANGE', 'SHEET'),
    BooleanCriteria: enumOf<SS['BooleanCriteria']>(
      'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'CUSTOM_FORMULA', 'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_LESS_THAN', 'TEXT_CONTAINS', 'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH',
    ),
    DataValidationCriteria: enumOf<SS['DataValidationCriteria']>('VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CHECKBOX', 'CUSTOM_FORMULA', 'DATE_IS_VALID_DATE'),
    WrapStrategy: enumOf<SS['WrapStrategy']>('WRAP', 'OVERFLOW', 'CLIP'),
    Dimension: enumOf<SS['Dimension']>('ROWS', 'COLUMNS'),
    GroupControlTogglePosition: enumOf<SS['GroupControlTogglePosition']>('BEFORE', 'AFTER'),
    CopyPasteType: enumOf<SS['CopyPasteType']>('PASTE_NORMAL', 'PASTE_VALUES', 'PASTE_FORMAT', 'PASTE_DATA_VALIDATION'),
    BorderStyle: enumOf<SS['BorderStyle']>('SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOTTED', 'DASHED', 'DOUBLE'),
  };
  return env.wrap<GoogleAppsScript.Spreadsheet.SpreadsheetApp, typeof app>(app, 'SpreadsheetApp');
}
