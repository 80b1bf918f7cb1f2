// One school's sheet. A new one is a copy of a prepared sheet (Sheet.copyTo carries values, number
// formats, conditional formats, validation, widths and hidden columns in one call:
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet)), sized
// to its rows, then named and protected. An existing one is brought up to date with the template by
// inserting the rows it lacks — Sheets moves the school's rows, nothing of theirs is rewritten — after
// checking, right before writing, that the sheet is still as it was read.
import { SPARE_ROWS, blankForSchool, insertionsOf, planMerge, type Insertion, type SchoolEntry, type SchoolProtection } from '../../core/district';
import { toSheetSerial } from '../../core/dates';
import { CANONICAL_COLUMNS, rowsToItems, type CanonicalItem, type CanonicalKey } from '../../core/roadmap';
import { extraHelperHeaders } from '../../core/roadmap/colour';
import { twice } from '../atomic';
import { UserError } from '../endpoint';
import { analyseSheet, contiguousRuns, helperFormat, locateLayout } from '../roadmap/analyse';
import { prepareCanonical, writeCanonicalSheet } from '../roadmap/canonical-sheet';
import { forgetSheet, planOf, type RoadmapSettings, type SheetSettings } from '../roadmap/settings';
import { datesAsText, dayInZone } from '../roadmap/values';
import { columnRuns, protectHelpers, protectSheet, type ProtectionSession } from './protect';
import { applySchoolsEdit } from './school-protection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Template {
  sheetName: string;
  items: CanonicalItem[];
  plan: { title: string; planStart: string | null; planEnd: string | null };
}

export interface SchoolOutcome {
  kind: 'created' | 'updated' | 'unchanged';
  sheet: Sheet;
  sheetId: number;
  added: number;
  /** Rows whose text differs from the template (left as the school has it). */
  differences: number;
  /** Settings for a sheet not registered yet (written once per batch). */
  register: SheetSettings | null;
}

/** A protection call failed: the sheet may be editable by people it should not be. */
export class ProtectionFailed extends Error {
  constructor(readonly sheetName: string, override readonly cause: unknown) {
    super(`protection of ${sheetName} failed`);
  }
}

/** The hidden sheet a batch copies for every new school; deleted when the batch ends. */
export const PREPARED_SHEET = 'Дорожная карта: заготовка листа школы';

export interface Prepared {
  sheet: Sheet;
  id: number;
  helperRuns: { column: number; count: number }[];
}

const USER_KEYS: readonly CanonicalKey[] = CANONICAL_COLUMNS.filter((c) => !c.helper).map((c) => c.key);
const WIDTH = CANONICAL_COLUMNS.length + extraHelperHeaders().length;

/** Rows × columns of a new school sheet for this template (what the cell limit is checked against). */
export function schoolSheetSize(template: Template): { rows: number; columns: number; cells: number } {
  const rows = template.items.length + 1 + SPARE_ROWS;
  return { rows, columns: WIDTH, cells: rows * WIDTH };
}

/** 0-based columns of the add-on's helper columns on a sheet, from its header row. */
function helperColumns(values: readonly (readonly unknown[])[], width: number): number[] {
  const layout = locateLayout(values, width);
  if (!layout) return [];
  const cols = [layout.columns.helperStart, layout.columns.helperEnd, layout.columns.helperKind].filter((c): c is number => c !== undefined);
  for (let c = layout.extra.state; c <= layout.extra.problems; c++) cols.push(c);
  return cols.filter((c) => c < width);
}

const protectedBy = <T>(sheetName: string, fn: () => T): T => {
  try {
    return fn();
  } catch (error) {
    throw new ProtectionFailed(sheetName, error);
  }
};

/** The protections of a school sheet (whole sheet, helper columns, and the district's choice of what the school fills). */
function protectSchool(sheet: Sheet, sheetName: string, runs: { column: number; count: number }[], target: SchoolProtection, session: ProtectionSession, fresh = false): void {
  protectedBy(sheetName, () => {
    protectSheet(sheet, target.sheet, session, fresh);
    protectHelpers(sheet, runs, target.helpers, session, fresh);
    applySchoolsEdit(sheet, target, session, runs);
  });
}

/**
 * The template as a school receives it, on a hidden sheet sized to its rows and the canonical
 * columns (a default sheet is 1000 × 26 cells: 300 of them would take most of the spreadsheet's 10
 * million). It has no protection, so its copies have none either way (Google does not document
 * whether copyTo copies protections) and each copy gets its own.
 */
export function prepareSchoolSheet(ss: Spreadsheet, template: Template, today: string): Prepared {
  const items = template.items.map((it) => blankForSchool(it));
  const plan = { title: template.plan.title, planStart: template.plan.planStart, planEnd: template.plan.planEnd };
  const prepared = prepareCanonical(items, plan, today);
  const sheet = writeCanonicalSheet(ss, PREPARED_SHEET, prepared, plan);
  try {
    const id = sheet.getSheetId();
    const rows = prepared.values.length + SPARE_ROWS;
    const maxRows = sheet.getMaxRows();
    if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
    const maxColumns = sheet.getMaxColumns();
    if (maxColumns > prepared.width) sheet.deleteColumns(prepared.width + 1, maxColumns - prepared.width);
    const helperRuns = columnRuns(helperColumns(prepared.values.slice(0, 1), prepared.width));
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) p.remove();
    sheet.hideSheet();
    // writeCanonicalSheet registered it as a roadmap; it is scratch.
    forgetSheet(String(id));
    return { sheet, id, helperRuns };
  } catch (error) {
    removeScratch(ss);
    throw error;
  }
}

/**
 * Deletes every scratch sheet (the prepared sheet, and copies of it Google made while reporting
 * that copyTo failed: their names contain the prepared sheet's, whatever prefix Google gives a copy)
 * except `keep`, and forgets any roadmap settings stored for them. Only on failure paths: it reads
 * every sheet's name. Best effort: the error that brought us here is what the official is told.
 */
export function removeScratch(ss: Spreadsheet, keep?: number): void {
  try {
    for (const sheet of ss.getSheets()) {
      if (!sheet.getName().includes(PREPARED_SHEET)) continue;
      const id = sheet.getSheetId();
      if (id === keep) continue;
      forgetSheet(String(id));
      ss.deleteSheet(sheet);
    }
  } catch {
    // Left hidden; the next run removes a prepared sheet it finds before it starts.
  }
}

/** Deletes a scratch sheet; if Google fails that, looks again and deletes what is still there. */
export function discardPrepared(ss: Spreadsheet, sheet: Sheet, keep?: number): void {
  try {
    ss.deleteSheet(sheet);
  } catch {
    removeScratch(ss, keep);
  }
}

/** A new school sheet: a copy of the prepared sheet, named and protected; removed again if that fails. */
export function createSchoolSheet(ss: Spreadsheet, prepared: Prepared, school: SchoolEntry, template: Template, target: SchoolProtection, session: ProtectionSession): SchoolOutcome {
  let sheet: Sheet;
  try {
    sheet = prepared.sheet.copyTo(ss);
  } catch (error) {
    // Google may have made the copy while reporting failure: it must not stay as a stray sheet.
    removeScratch(ss, prepared.id);
    throw error;
  }
  let sheetId: number;
  try {
    // Asked before the sheet is finished: a failure here removes the copy instead of leaving a
    // finished sheet the batch cannot record.
    sheetId = sheet.getSheetId();
    sheet.setName(school.sheetName);
    sheet.showSheet();
    protectSchool(sheet, school.sheetName, prepared.helperRuns, target, session, true);
  } catch (error) {
    discardPrepared(ss, sheet, prepared.id);
    throw error;
  }
  return {
    kind: 'created', sheet, sheetId, added: 0, differences: 0,
    register: { title: (school.shortName || school.sheetName).slice(0, 120), planStart: template.plan.planStart, planEnd: template.plan.planEnd },
  };
}

/** A template row laid out in the columns of an existing sheet. */
function rowFor(item: CanonicalItem, columns: Partial<Record<CanonicalKey, number>>, width: number): unknown[] {
  const row = new Array<unknown>(width).fill('');
  const blank = blankForSchool(item);
  const byKey: Partial<Record<CanonicalKey, string>> = {
    number: blank.number, activity: blank.activity, deadline: blank.deadline, responsible: blank.responsible,
    result: blank.result, status: blank.status ?? '',
  };
  for (const key of USER_KEYS) {
    const c = columns[key];
    if (c !== undefined && c < width) row[c] = byKey[key] ?? '';
  }
  return row;
}

const blankRow = (row: readonly unknown[] | undefined): boolean => !row || row.every((v) => v === '' || v === null);
const sameText = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined, columns: readonly number[]): boolean =>
  columns.every((c) => String(a?.[c] ?? '') === String(b?.[c] ?? ''));

/** 1-based first sheet row of each insertion once all are made (they were made bottom-up). */
function startsAfterInsert(groups: readonly Insertion[]): number[] {
  return groups.map((g) => g.after + 1 + groups.filter((o) => o.after < g.after).reduce((n, o) => n + o.templateIndices.length, 0));
}

/**
 * Removes rows this run inserted (bottom-up) when a later step of the same school failed. Only rows
 * that are blank now, or hold exactly what this run wrote, are removed: if the school moved rows
 * meanwhile, a row of theirs may sit where ours was planned, and a blank row left behind costs nothing.
 */
function undoInsertions(sheet: Sheet, groups: readonly Insertion[], written: ReadonlyMap<Insertion, unknown[][]>): void {
  if (!groups.length) return;
  try {
    const now = sheet.getDataRange().getValues();
    const starts = startsAfterInsert(groups);
    const order = groups.map((g, i) => ({ g, start: starts[i]!, count: g.templateIndices.length })).sort((a, b) => b.start - a.start);
    for (const o of order) {
      const rows = Array.from({ length: o.count }, (_, k) => now[o.start - 1 + k]);
      const mine = written.get(o.g);
      const ours = rows.every((row, k) => blankRow(row) || (mine !== undefined && sameText(row, mine[k], mine[k]!.map((_, c) => c))));
      if (ours) sheet.deleteRows(o.start, o.count);
    }
  } catch {
    // Best effort; the error that brought us here is what the official is told.
  }
}

export interface UpdateContext {
  template: Template;
  settings: RoadmapSettings;
  timeZone: string;
  today: string;
  session: ProtectionSession;
  /** Sheets whose helper protections the last finished run set to today's target (not re-read). */
  trusted: ReadonlySet<number>;
}

/**
 * Brings an existing school sheet up to date: inserts the template rows it lacks, refreshes the
 * helper columns when they are stale, and checks its protections. Runs inside the document lock;
 * if a step before the protections fails, the rows it inserted are removed again.
 */
export function updateSchoolSheet(sheet: Sheet, school: SchoolEntry, target: SchoolProtection, u: UpdateContext): SchoolOutcome {
  const name = school.sheetName;
  const sheetId = sheet.getSheetId();
  // A sheet a failed batch made but could not register gets the settings a new sheet gets, and its
  // helper columns are computed with them, as on a sheet that was registered at once.
  const registered = u.settings.sheets[String(sheetId)];
  const register: SheetSettings | null = registered ? null : { title: (school.shortName || name).slice(0, 120), planStart: u.template.plan.planStart, planEnd: u.template.plan.planEnd };
  const own = registered ?? register!;
  const values = sheet.getDataRange().getValues();
  const read = rowsToItems(datesAsText(values, u.timeZone), 1);
  if (read.headerRow < 0) {
    throw new UserError(`Лист «${name}» есть, но это не дорожная карта дополнения (не найдена строка заголовков). Переименуйте его или укажите для школы другой лист в «Организациях».`);
  }
  const plan = planMerge(u.template.items, read.items);
  const groups = insertionsOf(plan, read.items, read.headerRow);
  const width = values[0]?.length ?? WIDTH;
  let current = values;
  if (groups.length) {
    // Rows are inserted, never rewritten: what the school typed anywhere stays where Sheets moves it.
    const done: Insertion[] = [];
    const written = new Map<Insertion, unknown[][]>();
    try {
      // Google may insert the rows and still report failure: the row count tells whether they
      // landed, so that rows made that way are removed again too.
      let rows = sheet.getMaxRows();
      for (const g of groups) {
        try {
          sheet.insertRowsAfter(g.after, g.templateIndices.length);
        } catch (error) {
          if (twice(() => sheet.getMaxRows()) === rows + g.templateIndices.length) done.push(g);
          throw error;
        }
        rows += g.templateIndices.length;
        done.push(g);
      }
      // Compare, then write: the inserted rows are still blank and sit under the rows they were
      // planned after (a school inserting or deleting rows meanwhile would shift them).
      current = sheet.getDataRange().getValues();
      const starts = startsAfterInsert(groups);
      const anchorColumns = [read.columns.number, read.columns.activity].filter((c): c is number => c !== undefined);
      const intact = groups.every((g, i) => {
        const start = starts[i]!;
        const anchor = current[start - 2];
        const planned = values[g.after - 1];
        return sameText(anchor, planned, anchorColumns) && g.templateIndices.every((_, k) => blankRow(current[start - 1 + k]));
      });
      if (!intact) {
        done.length = 0; // the sheet moved under us: our blank rows are left where they are
        throw new UserError(`Лист «${name}» менялся во время рассылки (вставлены или удалены строки): новые строки образца на него не добавлены, то, что ввела школа, не тронуто. Запустите рассылку ещё раз.`);
      }
      const formats = rowFormats(values, width);
      groups.forEach((g, i) => {
        const rows = g.templateIndices.map((t) => rowFor(u.template.items[t]!, read.columns, width));
        const range = sheet.getRange(starts[i]!, 1, rows.length, width);
        range.setNumberFormats(rows.map(() => formats));
        written.set(g, rows);
        range.setValues(rows);
        rows.forEach((r, k) => (current[starts[i]! - 1 + k] = r));
      });
      refreshHelpers(sheet, own, current, u);
      protectSchool(sheet, name, columnRuns(helperColumns(current, width)), target, u.session);
    } catch (error) {
      if (!(error instanceof ProtectionFailed)) undoInsertions(sheet, done, written);
      throw error;
    }
  } else {
    refreshHelpers(sheet, own, current, u);
    // A school can change its sheet's protection (its editors are the protection's editors), never
    // the helper columns' one: that is re-read only when its target changed.
    const runs = u.trusted.has(sheetId) ? null : columnRuns(helperColumns(current, width));
    protectedBy(name, () => {
      protectSheet(sheet, target.sheet, u.session);
      if (runs) protectHelpers(sheet, runs, target.helpers, u.session);
      applySchoolsEdit(sheet, target, u.session, runs ?? columnRuns(helperColumns(current, width)));
    });
  }
  return {
    kind: groups.length ? 'updated' : 'unchanged',
    sheet,
    sheetId,
    added: plan.added.length,
    differences: plan.differences.length,
    register,
  };
}

/** Number formats of a row: user columns as the canonical layout has them, helper columns as analyse says. */
function rowFormats(values: readonly (readonly unknown[])[], width: number): string[] {
  const layout = locateLayout(values, width);
  const userFormat = new Map<number, string>();
  if (layout) {
    for (const c of CANONICAL_COLUMNS) {
      const at = layout.columns[c.key];
      if (!c.helper && at !== undefined) userFormat.set(at, c.numberFormat);
    }
  }
  const helpers = new Set(layout ? helperColumns(values, width) : []);
  return Array.from({ length: width }, (_, c) => (layout && helpers.has(c) ? helperFormat(layout, c) : userFormat.get(c) ?? '@'));
}

/** A helper cell as a comparable value: dates (Date or serial) as their serial number. */
function comparable(v: unknown, timeZone: string): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : String(toSheetSerial(dayInZone(v, timeZone)));
  return String(v ?? '');
}

/** Writes the helper columns (district-only, so no school value is touched) where they are stale. */
function refreshHelpers(sheet: Sheet, own: SheetSettings, values: unknown[][], u: UpdateContext): void {
  const width = values[0]?.length ?? 0;
  const analysis = analyseSheet(datesAsText(values, u.timeZone), width, { plan: planOf(own), today: u.today });
  if (!analysis || analysis.layout.missing) return; // «Обновить сроки и цвета» on that sheet adds missing columns
  const headerRow = analysis.layout.headerRow;
  for (const run of contiguousRuns(analysis.helperColumns)) {
    const w = run.values[0]!.length;
    const stale = run.values.some((row, r) => row.some((v, k) => comparable(values[headerRow + r]?.[run.column + k], u.timeZone) !== String(v)));
    if (!stale) continue;
    const range = sheet.getRange(headerRow + 1, run.column + 1, run.values.length, w);
    range.setNumberFormats(run.values.map((_, r) => Array.from({ length: w }, (_c, k) => (r === 0 ? '@' : helperFormat(analysis.layout, run.column + k)))));
    range.setValues(run.values);
  }
}
