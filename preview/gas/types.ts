// The public face of the in-memory Apps Script: what tests, benchmarks and the local preview use.
// Service implementations live beside this file; they are typed against @types/google-apps-script.
import type { AuthMode, CallLog, Tracker } from './track';
import type { SentMail } from './services/mail';
import type { TriggerRecord } from './services/script';

export interface GasRuntimeOptions {
  /** The spreadsheet's time zone (getSpreadsheetTimeZone). Default 'Europe/Moscow'. */
  timeZone?: string;
  /** The script's time zone (Session.getScriptTimeZone), from appsscript.json. Default 'Europe/Moscow'. */
  scriptTimeZone?: string;
  /** Default 'Дорожная карта'. */
  spreadsheetName?: string;
  /** Default 'ru_RU': governs how strings written with setValue(s) are parsed into numbers/dates. */
  locale?: string;
  /** The active user's e-mail. Default 'metodist@example.org'. */
  user?: string;
  /** The spreadsheet owner's e-mail. Default: the user. */
  owner?: string;
  /** Source of HtmlService.createHtmlOutputFromFile(name): the built dist/<name>.html, or null. */
  htmlFile?: (name: string) => string | null;
  /** The clock (TODAY() in formulas, file dates, and the script's `new Date()`). Default: the real one. */
  now?: () => Date;
  /** The manifest's oauthScopes; a call needing another scope is refused. Default: appsscript.json's. */
  oauthScopes?: string[];
  /** Recipients each user may send e-mail to a day (MailApp). Default 100, a consumer account's quota. */
  mailQuota?: number;
}

/** What the add-on shows through Ui, recorded for tests and for the preview to display. */
export type UiEvent =
  | { type: 'menu'; title: string; items: MenuSnapshot[] }
  | { type: 'sidebar'; title: string; html: string }
  | { type: 'dialog'; title: string; html: string; width: number; height: number; modal: boolean }
  | { type: 'alert'; title: string; message: string; buttons: string; answer: string }
  | { type: 'prompt'; title: string; message: string; buttons: string; answer: string; text: string }
  | { type: 'toast'; title: string; message: string };

export type MenuSnapshot =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; items: MenuSnapshot[] };

// ---- Snapshots: plain JSON of the state, for the preview page and for assertions ----

export interface CellSnapshot {
  /** Display text (dates formatted dd.MM.yyyy, numbers as shown). */
  text: string;
  formula?: string;
  note?: string;
  /** Effective background: conditional formatting (as it evaluates today) over the cell's own. */
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  wrap?: boolean;
  horizontalAlignment?: string;
  /** A link over the whole text (cell hyperlink or rich text link). */
  link?: string;
  /** Links over parts of the text (rich text): 0-based, end exclusive. */
  links?: { start: number; end: number; url: string }[];
}

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  hidden: boolean;
  /** getLastRow() / getLastColumn(). */
  lastRow: number;
  lastColumn: number;
  /** [row][column], 0-based, lastRow × lastColumn; null for an empty, unformatted cell. */
  cells: (CellSnapshot | null)[][];
  frozenRows: number;
  frozenColumns: number;
  /** 1-based columns hidden by hideColumns or a collapsed group. */
  hiddenColumns: number[];
  hiddenRows: number[];
  /** 1-based column → width in pixels (only those set). */
  columnWidths: Record<number, number>;
  protections: { range: string | null; description: string; warningOnly: boolean; editors: string[] }[];
  conditionalRules: { ranges: string[]; formula: string | null; background: string | null; fontColor: string | null; bold: boolean | null }[];
  validations: { range: string; values: string[] }[];
  namedRanges: { name: string; range: string }[];
  charts: { title: string; type: string; ranges: string[] }[];
}

export interface WorkbookSnapshot {
  name: string;
  id: string;
  url: string;
  timeZone: string;
  /** 'yyyy-MM-dd' of the runtime clock in the spreadsheet's time zone. */
  today: string;
  activeSheet: string;
  sheets: SheetSnapshot[];
}

export type DocBlockSnapshot =
  | {
      type: 'paragraph';
      text: string;
      heading: string;
      alignment: string | null;
      bold: boolean | null;
      italic: boolean | null;
      fontSize: number | null;
      fontFamily: string | null;
      indentFirstLine: number | null;
      indentStart: number | null;
      spacingBefore: number | null;
      spacingAfter: number | null;
      lineSpacing: number | null;
      /** Text runs with their own styling, when they differ within the paragraph. */
      runs?: { text: string; bold?: boolean; italic?: boolean; underline?: boolean; link?: string }[];
      /** Inline images of the paragraph, after its text; sizes in pixels. */
      images?: { contentType: string; base64: string; width: number; height: number; alt: string | null }[];
    }
  | { type: 'listItem'; text: string; nesting: number; glyph: string; alignment: string | null }
  | {
      type: 'table';
      rows: {
        cells: {
          text: string;
          bold: boolean | null;
          background: string | null;
          fontSize: number | null;
          colSpan: number;
          /** Alignment of the cell's first paragraph (the number and the signer stand right). */
          alignment?: string | null;
          /** Hidden under a merged head cell (Docs API mergeTableCells). */
          covered?: boolean;
        }[];
      }[];
      columnWidths: (number | null)[];
      borderWidth: number | null;
      /** Header rows repeated on every page (Docs API pinTableHeaderRows). */
      pinnedHeaderRows?: number;
    }
  | { type: 'pageBreak' }
  /** A section break starting a new page; `landscape` when that section flips the page orientation. */
  | { type: 'sectionBreak'; landscape: boolean };

export interface DocSnapshot {
  id: string;
  name: string;
  url: string;
  /** Points. */
  page: { width: number; height: number; marginTop: number; marginBottom: number; marginLeft: number; marginRight: number };
  header: DocBlockSnapshot[];
  footer: DocBlockSnapshot[];
  body: DocBlockSnapshot[];
}

export interface DriveFileSnapshot {
  id: string;
  name: string;
  mimeType: string;
  url: string;
  parents: string[];
  /** Bytes of a blob file (e.g. a PDF copy), base64. */
  base64?: string;
}

export interface GasGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Logger: GoogleAppsScript.Base.Logger;
  /** The advanced Docs service (Docs API v1), present when appsscript.json enables it. */
  Docs?: GoogleAppsScript.Docs;
}

export interface GasRuntime {
  /**
   * The service globals. Implementations cover the subset of each interface the add-on uses
   * (Pick<> of the real one); calling anything else throws "not implemented in the in-memory Apps Script".
   */
  readonly globals: GasGlobals;
  readonly tracker: Tracker;
  readonly calls: CallLog;
  /** Runs fn as one execution in an authorization mode, as a user (default: the runtime's user). */
  run<T>(mode: AuthMode, fn: () => T, as?: { user?: string }): T;
  /** Copies the globals and the runtime-clock Date onto target (default globalThis); returns a function that restores it. */
  install(target?: object): () => void;
  /** Everything shown through Ui, in order. */
  readonly uiEvents: UiEvent[];
  /** Scripted answers for the next alerts/prompts (default: 'OK'/'YES' and empty text). */
  answerNext(answer: { button: string; text?: string }): void;
  /** Fills a sheet as a person pasting would (creates it if missing); not counted. */
  seedSheet(name: string, cells: unknown[][]): void;
  /**
   * A person edits one cell in the UI: writes the value (as typed: strings parsed by locale) as `user`,
   * enforcing protections, and returns the simple-trigger event to pass to onEdit. Not counted.
   */
  userEdit(sheetName: string, row: number, column: number, value: string, as?: { user?: string }): GoogleAppsScript.Events.SheetsOnEdit;
  /** The workbook as a person sees it; `evaluate: false`: as stored (formulas not computed, conditional colours not applied), much faster. */
  snapshot(options?: { evaluate?: boolean }): WorkbookSnapshot;
  documents(): DocSnapshot[];
  driveFiles(): DriveFileSnapshot[];
  /** Another execution takes the document lock until the returned function is called (tests of lock failure). */
  holdDocumentLock(): () => void;
  /** Contents of a property store, not counted. */
  properties(store: 'document' | 'script' | { user: string }): Record<string, string>;
  /** What Logger.log wrote. */
  logs(): string;
  /** The runtime clock (options.now): the script's `new Date()` reads it too, loaded or installed. */
  now(): Date;
  /** How many more documents DocumentApp.create may make today (default 250); then Google's quota error. */
  setDocsQuota(remaining: number): void;
  /** Every e-mail MailApp sent, in order. */
  sentMail(): SentMail[];
  /** How many recipients each user may still send to today (MailApp.getRemainingDailyQuota). */
  setMailQuota(remaining: number): void;
  /** Every account's installable triggers. */
  triggers(): TriggerRecord[];
  /**
   * Fires the clock triggers whose schedule falls in the current hour of the runtime clock: each
   * handler runs as the trigger's creator in AuthMode.FULL with the time-driven event object.
   * Returns the ids of the triggers fired. `now`: every clock trigger fires, as if its time had come
   * (the preview's «Запустить расписания сейчас»).
   */
  fireClockTriggers(handlers: Record<string, (e: unknown) => unknown>, options?: { now?: boolean }): string[];
  /** The account loses access to the spreadsheet (unshared): its executions can no longer open it. */
  revokeAccess(user: string): void;
}
