// «Проверить» and «Обновить сроки и цвета» on a roadmap sheet: one read of the sheet, analysis in
// memory, then writes of the add-on's helper columns and rules only — never a user column.
// If a write fails, the helper columns are put back as they were, so the sheet is not left half-done.
import { STATE_HEADER, ruleSpecs } from '../../core/roadmap/colour';
import { UserError } from '../endpoint';
import { analyseSheet, contiguousRuns, helperFormat, ruleColumns, type SheetAnalysis } from './analyse';
import { applyRules, foreignRules } from './colour-rules';
import { clearPending } from './on-edit';
import { planOf, settingsFromProperties, writeSettings, type RoadmapSettings, requiresMark } from './settings';
import { dayInZone, datesAsText } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Processed {
  sheet: Sheet;
  sheetId: number;
  sheetName: string;
  today: string;
  settings: RoadmapSettings;
  analysis: SheetAnalysis;
  rules: number;
  /** Data rows below the header. */
  rows: number;
}

export function notRoadmapMessage(name: string): string {
  return `Лист «${name}» не похож на дорожную карту дополнения: не найдена строка заголовков («№», «Мероприятие», «Срок», «Ответственные»…). ` +
    'Если сюда вставлена таблица, выберите «Распознать таблицу» — дополнение создаст лист дорожной карты рядом, не меняя этот.';
}

/**
 * The add-on's own roadmap sheet: registered in the settings (made by the add-on, or declared a
 * roadmap in its settings), or carrying the add-on's helper block (a copy of one). Any other sheet
 * is a person's: the add-on reads it and never writes into it.
 */
export function isCanonicalSheet(values: readonly (readonly unknown[])[], registered: boolean): boolean {
  return registered || hasHelperBlock(values);
}

/** The add-on's helper header («Расцветка (служебное)») in the first rows. */
export function hasHelperBlock(values: readonly (readonly unknown[])[]): boolean {
  return values.slice(0, 30).some((row) => row.some((v) => v === STATE_HEADER));
}

export function rawSheetMessage(name: string): string {
  return `Лист «${name}» не оформлен дополнением как дорожная карта, поэтому дополнение ничего в нём не меняет. ` +
    'Выберите «Распознать таблицу»: рядом будет создан лист дорожной карты, а этот лист останется как есть.';
}

/** Today in the spreadsheet's time zone. */
export function todayOf(ss: Spreadsheet): string {
  return dayInZone(new Date(), ss.getSpreadsheetTimeZone());
}

/** One read of a sheet, before anyone decides what it is. */
export interface SheetRead {
  sheetId: number;
  sheetName: string;
  timeZone: string;
  today: string;
  settings: RoadmapSettings;
  /** This sheet's entry in the settings, if it has one. */
  own: RoadmapSettings['sheets'][string] | undefined;
  /** getDataRange().getValues(), from A1. */
  values: unknown[][];
  /** The document's properties as read (settings, pending rows). */
  properties: Record<string, string>;
}

export interface RoadmapRead extends SheetRead {
  analysis: SheetAnalysis;
}

/** One getValues of the whole sheet, with the settings and the clock; writes nothing. */
export function readSheet(ss: Spreadsheet, sheet: Sheet): SheetRead {
  const timeZone = ss.getSpreadsheetTimeZone();
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const settings = settingsFromProperties(properties);
  const sheetId = sheet.getSheetId();
  return {
    properties,
    sheetId,
    sheetName: sheet.getName(),
    timeZone,
    today: dayInZone(new Date(), timeZone),
    settings,
    own: settings.sheets[String(sheetId)],
    values: sheet.getDataRange().getValues(),
  };
}

/** The analysis of a read roadmap sheet. Throws a UserError for a sheet without the roadmap header. */
export function analyseRead(read: SheetRead): RoadmapRead {
  const width = read.values[0]?.length ?? 0;
  const analysis = analyseSheet(datesAsText(read.values, read.timeZone), width, { plan: planOf(read.own), today: read.today, requireMark: requiresMark(read.settings) });
  if (!analysis) throw new UserError(notRoadmapMessage(read.sheetName));
  return { ...read, analysis };
}

/** One read of a roadmap sheet and its analysis; writes nothing. Throws a UserError for a sheet that is not ours. */
export function readRoadmapSheet(ss: Spreadsheet, sheet: Sheet): RoadmapRead {
  return analyseRead(readSheet(ss, sheet));
}

/**
 * Rewrites the helper columns and rules of one of the add-on's roadmap sheets (never of a person's
 * sheet: that is refused before anything is written). `read`: the sheet's one read, when the caller
 * already made it. Runs inside the document lock.
 */
export function processRoadmapSheet(ss: Spreadsheet, sheet: Sheet, read: SheetRead = readSheet(ss, sheet)): Processed {
  if (!isCanonicalSheet(read.values, !!read.own)) {
    // A person's sheet: say first that it is no roadmap at all when nothing looks like one.
    analyseRead(read);
    throw new UserError(rawSheetMessage(read.sheetName));
  }
  const { sheetId, sheetName, today, settings, own, values, analysis, properties } = analyseRead(read);
  const cols = ruleColumns(analysis.layout);
  if (!cols) {
    throw new UserError(`На листе «${sheetName}» нет столбца «Срок»: цвета сроков не к чему применить. Верните столбец «Срок» (его можно переставить, но не удалять).`);
  }

  const maxRows = sheet.getMaxRows();
  const maxColumns = analysis.layout.missing ? sheet.getMaxColumns() : 0;
  const keepRules = foreignRules(sheet);

  // All read and computed; now the writes.
  const missing = analysis.layout.missing;
  if (missing) {
    const needed = missing.appendAt + missing.headers.length;
    if (needed > maxColumns) sheet.insertColumnsAfter(maxColumns, needed - maxColumns);
  }
  const headerRow = analysis.layout.headerRow + 1;
  const runs = contiguousRuns(analysis.helperColumns);
  const written: { range: GoogleAppsScript.Spreadsheet.Range; before: unknown[][] }[] = [];
  let rules = 0;
  try {
    for (const run of runs) {
      const width = run.values[0]!.length;
      const range = sheet.getRange(headerRow, run.column + 1, run.values.length, width);
      const formats = run.values.map((_, r) =>
        Array.from({ length: width }, (_c, k) => (r === 0 ? '@' : helperFormat(analysis.layout, run.column + k))),
      );
      // What was there, from the one read (columns beyond the read were empty).
      const before = run.values.map((_, r) =>
        Array.from({ length: width }, (_c, k) => values[headerRow - 1 + r]?.[run.column + k] ?? ''),
      );
      // Listed before writing: a write Google failed to confirm may still have landed.
      written.push({ range, before });
      range.setNumberFormats(formats);
      range.setValues(run.values);
    }
    rules = applyRules(sheet, ruleSpecs(cols, headerRow + 1, Math.max(maxRows, headerRow + 1), settings.soonDays), keepRules);
  } catch (error) {
    for (const w of written.reverse()) {
      try {
        w.range.setValues(w.before);
      } catch {
        // Restoring is best effort; the original error is what the user needs to see.
      }
    }
    throw error;
  }
  if (!own) {
    // A copy of one of our sheets (it carries our helper block): register it like the original.
    settings.sheets[String(sheetId)] = { title: sheetName, planStart: null, planEnd: null };
    writeSettings(settings);
  }
  // Every row is recomputed: edits that waited for the lock are done with.
  clearPending(properties, sheetId);
  return { sheet, sheetId, sheetName, today, settings, analysis, rules, rows: values.length - headerRow };
}
