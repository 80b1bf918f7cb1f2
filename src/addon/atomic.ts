// Small tools for all-or-nothing writes. Sheets has no transactions: an action that makes a sheet
// builds it completely and deletes it if anything fails, and a call Google failed while it took
// effect (the reply was lost) must not leave what it made behind.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Runs a call that may safely be repeated (a read, a flush) once more if Google fails it. */
export function twice<T>(call: () => T): T {
  try {
    return call();
  } catch {
    return call();
  }
}

/**
 * Inserts a sheet named `name` (free: the caller checked). If Google reports a failure, a sheet
 * that was made all the same is deleted before the error goes on.
 */
export function insertSheetOrNothing(ss: Spreadsheet, name: string, index?: number): Sheet {
  try {
    return index === undefined ? ss.insertSheet(name) : ss.insertSheet(name, index);
  } catch (error) {
    try {
      const ghost = ss.getSheetByName(name);
      if (ghost) ss.deleteSheet(ghost);
    } catch {
      // The error below still says the action failed.
    }
    throw error;
  }
}

/** Builds a new sheet with `fill`; if anything fails, the sheet is deleted and the error goes on. */
export function buildNewSheet<T>(ss: Spreadsheet, sheet: Sheet, fill: () => T): T {
  try {
    return fill();
  } catch (error) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      // The error below still says the action failed.
    }
    throw error;
  }
}
