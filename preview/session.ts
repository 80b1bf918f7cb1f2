// One preview session: an in-memory Apps Script runtime, the built add-on (dist/Code.js) loaded
// into it, and the Ui events the page has not seen yet. Every action runs like its counterpart in
// Google Sheets: menu items and sidebar calls in FULL mode, onEdit as a simple trigger in LIMITED.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createGasRuntime } from './gas/index';
import { loadBundle } from './gas/bundle';
import { PROTECTED_MESSAGE } from './gas/spreadsheet/shared';
import type { AuthMode } from './gas/track';
import type { GasRuntime, UiEvent } from './gas/types';
import type { LoadedWorkbook } from './load/index';
import type { ActionResult, PreviewState, Selection } from './web/protocol';
import { injectScript, messageOf, toWire } from './wire';

export interface SessionOptions {
  workbook: LoadedWorkbook;
  /** dist/ with Code.js and the sidebar pages. */
  distDir: string;
  /** 'yyyy-MM-dd': a fixed clock (tests); default the real one. */
  today?: string;
  /** Script injected into every sidebar/dialog: the google.script.run shim. */
  shim: string;
  source: string;
  samples: string[];
}

type BundleFunctions = Record<string, (...args: unknown[]) => unknown>;

/** Who opens the preview: the spreadsheet's owner (e.g. the district's methodologist). */
const OWNER = 'metodist@example.org';
const EMAILS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** What Sheets shows a Russian user who types into a cell protected from them. */
const PROTECTED_RU = 'Вы пытаетесь изменить защищённую ячейку или объект. Чтобы изменить её, обратитесь к владельцу таблицы.';

/** A person's edit refused: the message as the Sheets interface shows it, in Russian. */
/** Google Sheets' limit of cells in a spreadsheet (https://support.google.com/drive/answer/37603). */
const MAX_CELLS = 10_000_000;
const editError = (error: unknown): string => (messageOf(error) === PROTECTED_MESSAGE ? PROTECTED_RU : messageOf(error));

export class PreviewSession {
  readonly runtime: GasRuntime;
  private readonly fns: BundleFunctions;
  private seen = 0;
  /** Who works in the spreadsheet now (a school's editor, say); null: the owner. */
  private user: string | null = null;

  constructor(private readonly options: SessionOptions) {
    const codeFile = path.join(options.distDir, 'Code.js');
    if (!existsSync(codeFile)) throw new Error(`${codeFile} is missing: run npm run build first`);
    const { today } = options;
    this.runtime = createGasRuntime({
      spreadsheetName: options.workbook.name,
      user: OWNER,
      htmlFile: (name) => {
        const file = path.join(options.distDir, `${name}.html`);
        return existsSync(file) ? readFileSync(file, 'utf8') : null;
      },
      ...(today ? { now: () => new Date(`${today}T09:00:00+03:00`) } : {}),
    });
    for (const sheet of options.workbook.sheets) this.runtime.seedSheet(sheet.name, sheet.cells);
    this.fns = loadBundle(this.runtime, readFileSync(codeFile, 'utf8'));
  }

  /** Opening the spreadsheet: onOpen builds the menu (LIMITED: the add-on is in use in this document). */
  open(): ActionResult {
    const onOpen = this.fns.onOpen;
    if (!onOpen) return this.result({ ok: false, error: 'В дополнении нет функции onOpen: меню не построено.' });
    return this.execute('LIMITED', () => onOpen({ authMode: 'LIMITED', source: null, user: null }));
  }

  state(): PreviewState {
    const menus = this.runtime.uiEvents.filter((e): e is Extract<UiEvent, { type: 'menu' }> => e.type === 'menu');
    const menu = menus[menus.length - 1];
    return {
      workbook: this.runtime.snapshot(),
      menu: menu ? { title: menu.title, items: menu.items } : null,
      documents: this.runtime.documents().map((d) => ({ id: d.id, name: d.name, url: d.url })),
      mail: this.runtime.sentMail().map((m) => ({ from: m.from, to: [...m.to, ...m.cc, ...m.bcc], subject: m.subject, body: m.body, at: m.at })).reverse(),
      triggers: this.runtime.triggers().map((t) => ({ user: t.user, handler: t.handler })),
      selection: this.activeRange(),
      source: this.options.source,
      samples: this.options.samples,
      user: this.user ?? OWNER,
      users: this.knownUsers(),
    };
  }

  /** «Запустить расписания сейчас»: every installed clock trigger runs now, as its creator (FULL). */
  fireTriggers(): ActionResult {
    try {
      const handlers = this.fns as Record<string, (e: unknown) => unknown>;
      const fired = this.runtime.fireClockTriggers(handlers, { now: true });
      return this.result({ ok: true, value: fired.length });
    } catch (error) {
      return this.result({ ok: false, error: messageOf(error) });
    }
  }

  /** Works as another person from now on: their protections apply to edits and to the add-on. */
  setUser(email: string): ActionResult {
    this.user = email === OWNER ? null : email;
    return this.result({ ok: true });
  }

  /** The owner and every e-mail address typed anywhere in the workbook (e.g. «Организации»). */
  private knownUsers(): string[] {
    const found = new Set<string>([OWNER]);
    for (const sheet of this.runtime.snapshot().sheets) {
      for (const row of sheet.cells) for (const cell of row) for (const m of cell?.text.match(EMAILS) ?? []) found.add(m.toLowerCase());
    }
    return [...found];
  }

  /**
   * The preview has no «Настройки доступа»: the spreadsheet counts as shared with everyone named in
   * it, as a district shares its file with the people of «Организации» (distribution leaves out
   * anyone it is not shared with). Not counted as the add-on's calls.
   */
  private shareWithKnownUsers(): void {
    const users = this.knownUsers();
    this.runtime.tracker.internal(() => this.runtime.globals.SpreadsheetApp.getActiveSpreadsheet().addEditors(users));
  }

  /** A menu item: its global function runs in FULL mode. */
  runMenu(functionName: string, selection?: Selection): ActionResult {
    const fn = this.fns[functionName];
    if (!fn) return this.result({ ok: false, error: `Функция «${functionName}» не найдена в дополнении.` });
    this.select(selection);
    return this.execute('FULL', () => fn());
  }

  /** google.script.run from a sidebar or dialog: FULL mode; the result crosses the wire as JSON. */
  callServer(functionName: string, args: unknown[], selection?: Selection): ActionResult {
    const fn = this.fns[functionName];
    if (!fn || functionName.endsWith('_')) {
      return this.result({ ok: false, error: `Script function not found: ${functionName}` });
    }
    this.select(selection);
    return this.execute('FULL', () => fn(...args));
  }

  /** A person types into a cell: the value is written as typed, then onEdit fires (LIMITED). */
  edit(sheet: string, row: number, column: number, value: string): ActionResult {
    try {
      const event = this.runtime.userEdit(sheet, row, column, value, this.as());
      return this.fireOnEdit(event);
    } catch (error) {
      return this.result({ ok: false, error: editError(error) });
    }
  }

  /** Tab-separated text pasted at a cell fills the cells right and down; one onEdit for the range. */
  paste(sheet: string, row: number, column: number, rows: string[][]): ActionResult {
    let first: GoogleAppsScript.Events.SheetsOnEdit | null = null;
    try {
      this.growFor(sheet, row + rows.length - 1, column + Math.max(0, ...rows.map((r) => r.length)) - 1);
      rows.forEach((values, r) =>
        values.forEach((value, c) => {
          const event = this.runtime.userEdit(sheet, row + r, column + c, value, this.as());
          first ??= event;
        }),
      );
    } catch (error) {
      return this.result({ ok: false, error: editError(error) });
    }
    if (!first) return this.result({ ok: true });
    const width = Math.max(...rows.map((r) => r.length));
    const event: GoogleAppsScript.Events.SheetsOnEdit = { ...(first as GoogleAppsScript.Events.SheetsOnEdit) };
    if (rows.length > 1 || width > 1) {
      // Sheets reports a multi-cell paste as one edit of the whole range, without value/oldValue.
      const range = this.internal(() => event.range.getSheet().getRange(row, column, rows.length, width));
      Object.assign(event, { range, value: undefined, oldValue: undefined });
    }
    return this.fireOnEdit(event);
  }

  /**
   * A paste that reaches past the sheet's last row or column adds rows and columns, as Sheets'
   * editor does, so nothing pasted is dropped; past the spreadsheet's cell limit it is refused
   * whole, before any cell is written.
   */
  private growFor(sheetName: string, lastRow: number, lastColumn: number): void {
    this.internal(() => {
      const sheet = this.runtime.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
      if (!sheet) return;
      const rows = sheet.getMaxRows();
      const columns = sheet.getMaxColumns();
      if (Math.max(rows, lastRow) * Math.max(columns, lastColumn) > MAX_CELLS) {
        throw new Error(`Вставка не помещается: на листе может быть не больше ${MAX_CELLS.toLocaleString('ru-RU')} ячеек. Вставьте таблицу частями или на несколько листов.`);
      }
      if (lastRow > rows) sheet.insertRowsAfter(rows, lastRow - rows);
      if (lastColumn > columns) sheet.insertColumnsAfter(columns, lastColumn - columns);
    });
  }

  private fireOnEdit(event: GoogleAppsScript.Events.SheetsOnEdit): ActionResult {
    const onEdit = this.fns.onEdit;
    if (!onEdit) return this.result({ ok: true });
    return this.execute('LIMITED', () => onEdit(event));
  }

  private execute(mode: AuthMode, fn: () => unknown): ActionResult {
    try {
      this.shareWithKnownUsers();
      const value = this.runtime.run(mode, fn, this.as());
      return this.result({ ok: true, value: toWire(value) });
    } catch (error) {
      return this.result({ ok: false, error: messageOf(error) });
    }
  }

  /** The person's selection becomes the active sheet and range, as in Sheets. */
  private select(selection?: Selection): void {
    if (!selection) return;
    try {
      this.internal(() => {
        const ss = this.runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
        const sheet = ss.getSheetByName(selection.sheet);
        if (!sheet) return;
        ss.setActiveSheet(sheet);
        sheet.setActiveSelection(sheet.getRange(selection.row, selection.column, selection.rows, selection.columns));
      });
    } catch {
      // An in-memory runtime without selection support: the add-on sees the first sheet.
    }
  }

  private activeRange(): Selection | null {
    try {
      return this.internal(() => {
        const range = this.runtime.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
        if (!range) return null;
        return { sheet: range.getSheet().getName(), row: range.getRow(), column: range.getColumn(), rows: range.getNumRows(), columns: range.getNumColumns() };
      });
    } catch {
      return null;
    }
  }

  private as(): { user?: string } {
    return this.user ? { user: this.user } : {};
  }

  private internal<T>(fn: () => T): T {
    return this.runtime.tracker.internal(fn);
  }

  private result(partial: Omit<ActionResult, 'events' | 'state'>): ActionResult {
    const events = this.runtime.uiEvents.slice(this.seen).map((e) => this.withShim(e));
    this.seen = this.runtime.uiEvents.length;
    return { ...partial, events, state: this.state() };
  }

  private withShim(event: UiEvent): UiEvent {
    if (event.type !== 'sidebar' && event.type !== 'dialog') return event;
    return { ...event, html: injectScript(event.html, this.options.shim) };
  }
}
