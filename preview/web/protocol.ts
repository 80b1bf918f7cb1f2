// The JSON API between the preview page and preview/server.ts. Types only: shared by both sides.
import type { MenuSnapshot, UiEvent, WorkbookSnapshot } from '../gas/types';

/** The cell(s) the person has selected: the add-on sees it as the active sheet and range. */
export interface Selection {
  sheet: string;
  /** 1-based. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface DocumentSummary {
  id: string;
  name: string;
  /** The Google Docs URL the add-on sees; links to it open the preview's viewer. */
  url: string;
}

/** An e-mail the add-on sent through MailApp (the preview sends nothing: it shows it). */
export interface MailSummary {
  from: string;
  to: string[];
  subject: string;
  body: string;
  /** ISO instant. */
  at: string;
}

export interface PreviewState {
  workbook: WorkbookSnapshot;
  /** The add-on menu as the last onOpen built it. */
  menu: { title: string; items: MenuSnapshot[] } | null;
  documents: DocumentSummary[];
  /** «Отправленные письма», newest first. */
  mail: MailSummary[];
  /** Installed clock triggers: whose, which function. */
  triggers: { user: string; handler: string }[];
  /** The active range as the add-on sees it (an add-on may select a cell, e.g. a row with a problem). */
  selection: Selection | null;
  /** What is open: a sample's or the user's file name. */
  source: string;
  /** Sample roadmaps the page offers to open. */
  samples: string[];
  /** Who works in the spreadsheet now: their protections apply. */
  user: string;
  /** The owner and the e-mail addresses found in the workbook, to switch to. */
  users: string[];
}

export interface UserRequest {
  email: string;
}

export interface ActionResult {
  ok: boolean;
  /** A google.script.run result as the browser would receive it (JSON). */
  value?: unknown;
  /** The add-on's error message, as Sheets shows it. */
  error?: string;
  /** What the add-on showed through Ui during this action. */
  events: UiEvent[];
  state: PreviewState;
}

export interface MenuRequest {
  functionName: string;
  selection?: Selection;
}
export interface RunRequest {
  functionName: string;
  args: unknown[];
  selection?: Selection;
}
export interface EditRequest {
  sheet: string;
  row: number;
  column: number;
  value: string;
}
export interface PasteRequest {
  sheet: string;
  row: number;
  column: number;
  rows: string[][];
}
export interface OpenRequest {
  /** A sample name from PreviewState.samples, or an uploaded file. */
  sample?: string;
  fileName?: string;
  base64?: string;
}
