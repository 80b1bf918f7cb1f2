// «Проверить» and «Обновить сроки и цвета» on a roadmap sheet: one read of the sheet, analysis in
// memory, then writes of the add-on's helper columns and rules only — never a user column.
// If a write fails, the helper columns are put back as they were, so the sheet is not left half-done.
import { ruleSpecs } from '../../core/roadmap/colour';
import { UserError } from '../endpoint';
import { analyseSheet, contiguousRuns, helperFormat, ruleColumns, type SheetAnalysis } from './analyse';
import { applyRules, foreignRules } from './colour-rules';
import { clearPending } from './on-edit';
import { planOf, settingsFromProperties, writeSettings, type RoadmapSettings } from './settings';
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

/** Today in the spreadsheet's time zone. */
export function todayOf(ss: Spreadsheet): string {
  return dayInZone(new Date(), ss.getSpreadsheetTimeZone());
}

export interface RoadmapRead {
  sheetId: number;
  sheetName: string;
  today: string;
  settings: RoadmapSettings;
  /** This sheet's entry in the settings, if it has one. */
  own: RoadmapSettings['sheets'][string] | undefined;
  /** getDataRange().getValues(), from A1. */
  values: unknown[][];
  /** The document's properties as read (settings, pending rows). */
  properties: Record<string, string>;
  analysis: SheetAnalysis;
}

/** One read of a roadmap sheet and its analysis; writes nothing. Throws a UserError for a sheet that is not ours. */
export function readRoadmapSheet(ss: Spreadsheet, sheet: Sheet): RoadmapRead {
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = dayInZone(new Date(), timeZone);
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const settings = settingsFromProperties(properties);
  const sheetId = sheet.getSheetId();
  const sheetName = sheet.getName();
  const values = sheet.getDataRange().getValues();
  const width = values[0]?.length ?? 0;
  const own = settings.sheets[String(sheetId)];
  const analysis = analyseSheet(datesAsText(values, timeZone), width, { plan: planOf(own), today });
  if (!analysis) throw new UserError(notRoadmapMessage(sheetName));
  return { sheetId, sheetName, today, settings, own, values, analysis, properties };
}

/** Runs inside the document lock. */
export function processRoadmapSheet(ss: Spreadsheet, sheet: Sheet): Processed {
  const { sheetId, sheetName, today, settings, own, values, analysis, properties } = readRoadmapSheet(ss, sheet);
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
    settings.sheets[String(sheetId)] = { title: sheetName, planStart: null, planEnd: null };
    writeSettings(settings);
  }
  // Every row is recomputed: edits that waited for the lock are done with.
  clearPending(properties, sheetId);
  return { sheet, sheetId, sheetName, today, settings, analysis, rules, rows: values.length - headerRow };
}
