// What the service modules of the in-memory Apps Script share. Built once per runtime by
// createGasRuntime (index.ts); the spreadsheet module and the other services both receive it.
import type { Tracker } from './track';
import type { GasRuntimeOptions } from './types';

export interface GasContext {
  readonly tracker: Tracker;
  readonly options: Required<GasRuntimeOptions>;
  /** The e-mail of whoever runs the current execution (Session.getActiveUser / protections). */
  currentUser(): string;
  /** 'yyyy-MM-dd' of the clock in the spreadsheet's time zone (TODAY() in formulas). */
  today(): string;
  /** The (tracked) Ui of the container, handed out by SpreadsheetApp.getUi(). */
  ui(): GoogleAppsScript.Base.Ui;
}

/** Thrown for a method of a real interface that the in-memory runtime does not implement. */
export function notImplemented(className: string, method: string): never {
  throw new Error(`${className}.${method} is not implemented in the in-memory Apps Script`);
}
