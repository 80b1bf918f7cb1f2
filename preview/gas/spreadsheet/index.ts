// SpreadsheetApp of the in-memory Apps Script: the bound spreadsheet, its sheets and ranges.
// Every object handed to add-on code is wrapped by ctx.tracker so each call is counted once.
import type { GasContext } from '../context';
import type { WorkbookSnapshot } from '../types';
import { Workbook, SheetData, type Rect } from './model';
import { listValues, userHandle } from './objects';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import { Env } from './shared';
import { FakeSpreadsheet, createSpreadsheetApp } from './spreadsheet';
import { workbookSnapshot } from './snapshot';
import { parseTyped, toSerial, type CellValue } from './values';
import { toA1 } from './a1';

export interface SpreadsheetService {
  /** Tracked (ctx.tracker.wrap) SpreadsheetApp global; getUi() returns ctx.ui(). */
  readonly SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly id: string;
  readonly url: string;
  name(): string;
  /** Fills a sheet as a person pasting would (creates it if missing); not counted. */
  seedSheet(name: string, cells: unknown[][]): void;
  /** As a person typing; enforces protections and list validations that reject input; not counted. */
  userEdit(sheetName: string, row: number, column: number, value: string, user: string): GoogleAppsScript.Events.SheetsOnEdit;
  /** Not counted. */
  snapshot(options?: { evaluate?: boolean }): WorkbookSnapshot;
  /** Spreadsheet.toast calls, in order. */
  readonly toasts: ReadonlyArray<{ title: string; message: string }>;
  /** Called on every Spreadsheet.toast (e.g. to record a UiEvent). */
  onToast: ((title: string, message: string) => void) | null;
}

let serviceCount = 0;

export function createSpreadsheetService(ctx: GasContext): SpreadsheetService {
  serviceCount += 1;
  const id = `1DorozhnayaKarta${String(serviceCount).padStart(4, '0')}FakeSpreadsheetId`;
  const url = `https://docs.google.com/spreadsheets/d/${id}/edit`;
  const o = ctx.options;
  const wb = new Workbook(o.spreadsheetName, id, o.timeZone, o.locale, o.owner, () => ctx.today());
  wb.editors.add(o.user);
  const first = new SheetData(o.locale.startsWith('ru') ? 'Лист1' : 'Sheet1', wb.nextSheetId++);
  wb.sheets.push(first);
  wb.activeSheet = first;

  const env = new Env(ctx, wb);
  const sheetHandles = new WeakMap<SheetData, GoogleAppsScript.Spreadsheet.Sheet>();
  env.sheetHandle = (data) => {
    let h = sheetHandles.get(data);
    if (!h) {
      h = env.wrap<GoogleAppsScript.Spreadsheet.Sheet, FakeSheet>(new FakeSheet(env, data), 'Sheet');
      sheetHandles.set(data, h);
    }
    return h;
  };
  env.rangeHandle = (sheet, rect) => FakeRange.handle(env, sheet, rect);
  env.rangeRect = (range) => {
    const r = env.unwrap(range, FakeRange, 'range');
    return { sheet: r.sheet, rect: { ...r.rect } };
  };
  env.sheetOf = (sheet) => ({ data: env.unwrap(sheet, FakeSheet, 'sheet').data });
  const spreadsheetHandle = env.wrap<GoogleAppsScript.Spreadsheet.Spreadsheet, FakeSpreadsheet>(new FakeSpreadsheet(env, url), 'Spreadsheet');
  env.spreadsheetHandle = () => spreadsheetHandle;
  const app = createSpreadsheetApp(env, () => spreadsheetHandle);

  const sheetNamed = (name: string): SheetData => {
    const s = wb.sheetByName(name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  };

  const service: SpreadsheetService = {
    SpreadsheetApp: app,
    id,
    url,
    name: () => wb.name,
    get toasts() {
      return env.toasts;
    },
    get onToast() {
      return env.onToast;
    },
    set onToast(fn) {
      env.onToast = fn;
    },
    seedSheet(name, cells) {
      ctx.tracker.internal(() => {
        let sheet = wb.sheetByName(name);
        if (!sheet) {
          // The blank first sheet of a new file gives way to the first seeded one.
          if (wb.sheets.length === 1 && wb.sheets[0] === first && first.lastRow() === 0 && first.rules.length === 0) {
            first.name = name;
            sheet = first;
          } else {
            sheet = new SheetData(name, wb.nextSheetId++);
            wb.sheets.push(sheet);
          }
        }
        const width = cells.reduce((m, row) => Math.max(m, row.length), 0);
        sheet.maxRows = Math.max(sheet.maxRows, cells.length);
        sheet.maxColumns = Math.max(sheet.maxColumns, width);
        for (let r = 0; r < cells.length; r++) {
          const row = cells[r]!;
          for (let c = 0; c < row.length; c++) {
            const v = row[c];
            if (v === null || v === undefined || v === '') {
              const cell = sheet.cell(r + 1, c + 1);
              if (cell) { cell.v = null; delete cell.f; }
              continue;
            }
            const cell = sheet.ensure(r + 1, c + 1);
            if (typeof v === 'string') {
              const typed = parseTyped(v, wb.typing(), cell.numberFormat === '@');
              cell.v = typed.value;
              if (typed.formula) cell.f = typed.formula;
              else delete cell.f;
              if (typed.format && cell.numberFormat === undefined) cell.numberFormat = typed.format;
            } else {
              cell.v = typeof v === 'number' || typeof v === 'boolean' || v instanceof Date ? v : String(v);
              delete cell.f;
            }
          }
        }
      });
    },
    userEdit(sheetName, row, column, value, user) {
      return ctx.tracker.internal(() => {
        const sheet = sheetNamed(sheetName);
        const rect: Rect = { row, column, numRows: 1, numColumns: 1 };
        const previous = env.actingUser;
        env.actingUser = user;
        try {
          env.assertCanEdit(sheet, rect);
          const cell = sheet.cell(row, column);
          const validation = cell?.validation;
          if (validation && !validation.allowInvalid && validation.criteria === 'VALUE_IN_LIST' && value !== '' && !listValues(validation).includes(value)) {
            throw new Error(`The data you entered in cell ${toA1(row, column)} violates the data validation rules set on this cell.`);
          }
          const before = wb.value(sheet, row, column);
          const range = FakeRange.handle(env, sheet, rect);
          range.setValue(value);
          // Typing over a cell replaces its rich text: links and styles of the old text go with it.
          const typed = sheet.cell(row, column);
          if (typed) {
            delete typed.links;
            delete typed.textStyles;
          }
          const after = wb.value(sheet, row, column);
          const event: Record<string, unknown> = {
            authMode: 'LIMITED',
            range,
            source: spreadsheetHandle,
            user: userHandle(env, user),
            triggerUid: '',
          };
          // Google passes values as strings; dates as their serial number.
          const wire = (v: CellValue): string => (v instanceof Date ? String(toSerial(v, wb.timeZone)) : String(v));
          if (after !== '') event.value = wire(after);
          if (before !== '') event.oldValue = wire(before);
          return event as unknown as GoogleAppsScript.Events.SheetsOnEdit;
        } finally {
          env.actingUser = previous;
        }
      });
    },
    snapshot: (options) => ctx.tracker.internal(() => workbookSnapshot(wb, url, ctx.today(), options?.evaluate ?? true)),
  };
  return service;
}
