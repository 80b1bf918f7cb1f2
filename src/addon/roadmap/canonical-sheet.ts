// Writes a NEW sheet in the add-on's canonical layout (never an existing one): everything is
// computed first, then written in a handful of calls whatever the number of rows; if any write
// fails, the new sheet is deleted so nothing half-written is left behind.
import type { ISODate } from '../../core';
import { toSheetSerial } from '../../core/dates';
import {
  CANONICAL_COLUMNS, FIRST_HELPER_INDEX, STATUS_VALUES, itemsToRows, parseDayText, withExtras, type CanonicalItem,
} from '../../core/roadmap';
import { extraHelperHeaders, ruleSpecs } from '../../core/roadmap/colour';
import { analyseSheet, helperFormat, ruleColumns, type SheetAnalysis } from './analyse';
import { applyRules } from './colour-rules';
import { forgetSheet, readSettings, writeSheetSettings } from './settings';
import { insertSheetOrNothing } from '../atomic';
import { freeName } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const USER_COLUMNS = CANONICAL_COLUMNS.slice(0, FIRST_HELPER_INDEX);
const EXTRA_WIDTH = 200;
const MAX_ABBREVIATION_CHARS = 3_000; // the sheet's settings property stays far below 9 KB
const HELPER_DESCRIPTION = 'Служебные столбцы дополнения «Дорожная карта»: заполняются автоматически, не меняйте их вручную.';
const STATUS_HELP = `Выберите статус: ${STATUS_VALUES.join(', ')}.`;

export interface CanonicalPlan {
  title: string;
  planStart: ISODate | null;
  planEnd: ISODate | null;
  /** The list of abbreviations under the source's title, one a line: a note on the header and in the settings. */
  abbreviations?: string[];
}

export interface PreparedSheet {
  values: (string | number)[][];
  formats: string[][];
  width: number;
  analysis: SheetAnalysis;
  /** Extra columns (the source's columns that match no canonical one), right after the person's columns. */
  extraCount: number;
  /** 0-based offsets among the extra columns of those with no text below the header: hidden, not dropped. */
  emptyExtras: number[];
  /** Notes of the «Мероприятие» cells, one a data row (null: no item has a note). */
  activityNotes: string[] | null;
  /** Note of the «Мероприятие» header: the plan's abbreviations. */
  headerNote: string | null;
}

const ACTIVITY_INDEX = CANONICAL_COLUMNS.findIndex((c) => c.key === 'activity');

/** The abbreviations, one a line, bounded in size. */
export function abbreviationsNote(lines: readonly string[] | undefined): string | null {
  const kept = clipLines(lines ?? []);
  return kept.length ? `Сокращения, принятые в плане:\n${kept.join('\n')}` : null;
}

function clipLines(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    const text = line.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (size + text.length > MAX_ABBREVIATION_CHARS) break;
    kept.push(text);
    size += text.length + 1;
  }
  return kept;
}

/**
 * The whole new sheet in memory: header, items, the source's extra columns (`extraHeaders`, texts in
 * item.extras), helper columns (pure).
 */
export function prepareCanonical(items: readonly CanonicalItem[], plan: CanonicalPlan, today: ISODate, extraHeaders: readonly string[] = []): PreparedSheet {
  const extraCount = extraHeaders.length;
  const header = [...withExtras(CANONICAL_COLUMNS.map((c) => c.header), extraHeaders), ...extraHelperHeaders()];
  const width = header.length;
  const doneIndex = CANONICAL_COLUMNS.findIndex((c) => c.key === 'doneDate');
  const canonicalRows = itemsToRows(items);
  const userRows = items.map((it, i) => {
    const extras = Array.from({ length: extraCount }, (_, k) => it.extras?.[k] ?? '');
    const row = withExtras(canonicalRows[i]!, extras);
    const full: (string | number)[] = [...row, ...new Array<string>(width - row.length).fill('')];
    // Completion dates as dd.MM.yyyy text for the analysis (what a person sees).
    const iso = parseDayText(String(full[doneIndex] ?? ''));
    if (iso) full[doneIndex] = `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    return full;
  });
  const forAnalysis = [header, ...userRows];
  const hasPlan = !!(plan.planStart && plan.planEnd);
  const analysis = analyseSheet(forAnalysis, width, {
    plan: hasPlan ? { planStart: plan.planStart!, planEnd: plan.planEnd! } : null,
    today,
  });
  if (!analysis) throw new Error('canonical header not recognised'); // cannot happen: we wrote it
  const values = forAnalysis.map((row) => [...row]);
  for (const [c, cells] of analysis.helperColumns) cells.forEach((v, r) => (values[r]![c] = v));
  // Completion dates are written as serial numbers: a date whatever the locale.
  for (let r = 1; r < values.length; r++) {
    const iso = parseDayText(String(values[r]![doneIndex] ?? ''));
    if (iso) values[r]![doneIndex] = toSheetSerial(iso);
  }
  const formatOf = (c: number): string =>
    c < FIRST_HELPER_INDEX ? CANONICAL_COLUMNS[c]!.numberFormat : c < FIRST_HELPER_INDEX + extraCount ? '@' : helperFormat(analysis.layout, c);
  const formats = values.map((_, r) => header.map((_h, c) => (r === 0 ? '@' : formatOf(c))));
  const emptyExtras = extraHeaders.flatMap((_h, k) => (items.some((it) => (it.extras?.[k] ?? '') !== '') ? [] : [k]));
  const activityNotes = items.some((it) => it.note) ? items.map((it) => it.note ?? '') : null;
  return { values, formats, width, analysis, extraCount, emptyExtras, activityNotes, headerNote: abbreviationsNote(plan.abbreviations) };
}

/** Column runs [first, count] (1-based) sharing a property. */
function runsOf<T>(values: readonly T[]): { first: number; count: number; value: T }[] {
  const runs: { first: number; count: number; value: T }[] = [];
  values.forEach((v, i) => {
    const last = runs[runs.length - 1];
    if (last && last.value === v) last.count++;
    else runs.push({ first: i + 1, count: 1, value: v });
  });
  return runs;
}

/**
 * Inserts the sheet under a free name based on `baseName` and writes `prepared` into it.
 * Returns the new sheet; registers it (plan, title) in the document settings.
 */
export function writeCanonicalSheet(
  ss: Spreadsheet,
  baseName: string,
  prepared: PreparedSheet,
  plan: CanonicalPlan,
  index?: number,
): Sheet {
  const settings = readSettings();
  const name = freeName(baseName, (n) => ss.getSheetByName(n) !== null);
  const sheet = insertSheetOrNothing(ss, name, index);
  let registered: string | null = null;
  try {
    const height = prepared.values.length;
    const width = prepared.width;
    const sheetId = sheet.getSheetId();
    let maxRows = sheet.getMaxRows();
    const maxColumns = sheet.getMaxColumns();
    if (height + 50 > maxRows) {
      sheet.insertRowsAfter(maxRows, height + 50 - maxRows);
      maxRows = height + 50;
    }
    if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);

    // Formats of whole columns first, so text stays text in rows people add later too.
    const columnFormats = prepared.formats[1] ?? prepared.formats[0]!;
    for (const run of runsOf(columnFormats)) sheet.getRange(2, run.first, maxRows - 1, run.count).setNumberFormat(run.value);
    sheet.getRange(1, 1, 1, width).setNumberFormat('@');
    sheet.getRange(1, 1, height, width).setValues(prepared.values);

    sheet.getRange(1, 1, maxRows, width).setVerticalAlignment('top');
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#f1f3f4').setVerticalAlignment('middle');
    sheet.setFrozenRows(1);
    const extraCount = prepared.extraCount;
    const wraps = [...withExtras(CANONICAL_COLUMNS.map((c) => c.wrap), new Array<boolean>(extraCount).fill(true)), ...extraHelperHeaders().map(() => false)];
    for (const run of runsOf(wraps)) sheet.getRange(1, run.first, maxRows, run.count).setWrap(run.value);
    [...USER_COLUMNS.map((c) => c.width), ...new Array<number>(extraCount).fill(EXTRA_WIDTH)].forEach((w, i) => sheet.setColumnWidth(i + 1, w));
    // Extra columns nobody filled are hidden (never dropped): unhiding shows them with their header.
    for (const run of runsOf(Array.from({ length: extraCount }, (_, k) => prepared.emptyExtras.includes(k)))) {
      if (run.value) sheet.hideColumns(USER_COLUMNS.length + run.first, run.count);
    }
    if (prepared.activityNotes) sheet.getRange(2, ACTIVITY_INDEX + 1, prepared.activityNotes.length, 1).setNotes(prepared.activityNotes.map((n) => [n]));
    if (prepared.headerNote) sheet.getRange(1, ACTIVITY_INDEX + 1).setNote(prepared.headerNote);

    const statusColumn = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
    const statusRule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...STATUS_VALUES], true)
      .setAllowInvalid(true)
      .setHelpText(STATUS_HELP)
      .build();
    sheet.getRange(2, statusColumn, maxRows - 1, 1).setDataValidation(statusRule);

    const firstHelper = USER_COLUMNS.length + extraCount + 1;
    const helperCount = width - USER_COLUMNS.length - extraCount;
    sheet.getRange(1, firstHelper, maxRows, helperCount).protect().setDescription(HELPER_DESCRIPTION).setWarningOnly(true);
    sheet.hideColumns(firstHelper, helperCount);

    const cols = ruleColumns(prepared.analysis.layout)!;
    applyRules(sheet, ruleSpecs(cols, 2, maxRows, settings.soonDays), []); // a new sheet has no rules of others

    const abbreviations = clipLines(plan.abbreviations ?? []);
    registered = String(sheetId);
    writeSheetSettings(registered, {
      title: plan.title.slice(0, 500),
      planStart: plan.planStart,
      planEnd: plan.planEnd,
      ...(abbreviations.length ? { abbreviations } : {}),
    });
    sheet.activate();
    return sheet;
  } catch (error) {
    try {
      ss.deleteSheet(sheet);
      // Settings Google may have stored before failing would describe a sheet that is gone.
      if (registered !== null) forgetSheet(registered);
    } catch {
      // The error below still tells the user the action failed.
    }
    throw error;
  }
}
