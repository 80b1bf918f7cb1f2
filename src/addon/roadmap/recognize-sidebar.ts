// The recognise sidebar's server side: what was understood of a pasted sheet (read, never
// written), the person's corrections previewed, and one call that remembers them and writes the
// roadmap sheet anew. Also the read-only «Проверить» of a pasted sheet, which reads it the same way.
import type { CheckReport, RecognitionState, RecognitionView } from '../../contract/roadmap';
import type { RecognizeChoices } from '../../core';
import { UserError, implement, toUserError } from '../endpoint';
import { withDocumentLock } from '../lock';
import { analyseRecognized } from './analyse';
import { buildCheckReport } from './check-report';
import { loadChoices, saveChoices } from './choices-store';
import { hasHelperBlock, notRoadmapMessage, type SheetRead } from './process';
import {
  UnrecognizedTable, clockOf, hasFormulaErrors, hasNumbers, planRecognition, recognizeInto, recognizeSource, tooLarge,
  type RecognizeInput,
} from './recognize';
import { buildView, choicesFromWire } from './recognize-view';
import { loadReport, saveReport } from './report-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * What recognition needs of a pasted sheet: one getValues, then getFormulas only when some cell
 * shows a formula error and getDisplayValues only when some cell holds a number; the clock and the
 * corrections (`choices`; undefined: those remembered for this sheet). Reads only.
 */
export function sourceInput(ss: Spreadsheet, sheet: Sheet, choices?: RecognizeChoices | null, values?: unknown[][]): RecognizeInput {
  const range = sheet.getDataRange();
  const read = values ?? range.getValues();
  const input: RecognizeInput = { source: sheet.getName(), sourceSheetId: sheet.getSheetId(), values: read, ...clockOf(ss) };
  if (hasFormulaErrors(read)) input.formulas = range.getFormulas();
  if (hasNumbers(read)) input.display = range.getDisplayValues();
  const chosen = choices === undefined ? loadChoices(sheet.getSheetId()) : choices;
  if (chosen) input.choices = chosen;
  return input;
}

export function alreadyOurs(name: string): UserError {
  return new UserError(`Лист «${name}» уже оформлен как дорожная карта. Чтобы найти ошибки, выберите «Проверить»; чтобы обновить цвета — «Обновить сроки и цвета».`);
}

/** The understanding of a source sheet with `choices` (none: those remembered); writes nothing. */
function viewOf(ss: Spreadsheet, sheet: Sheet, choices?: RecognizeChoices | null): RecognitionView {
  const input = sourceInput(ss, sheet, choices);
  const huge = tooLarge(input.values);
  if (huge) throw new UserError(huge);
  const { cells, recognition } = recognizeSource(input);
  let refusal: string | null = null;
  let extraColumns: string[] = [];
  try {
    extraColumns = planRecognition(input, recognition).extras.headers;
  } catch (error) {
    refusal = toUserError(error).message;
  }
  return buildView({ sourceSheetId: sheet.getSheetId(), sourceName: input.source, cells, recognition, extraColumns, refusal, choices: input.choices ?? null });
}

function sourceSheet(ss: Spreadsheet, sheetId: number): Sheet {
  const sheet = ss.getSheetById(sheetId);
  if (!sheet) throw new UserError('Лист с исходной таблицей не найден: возможно, его удалили или распознавание было в другой таблице. Вставьте таблицу и выберите «Распознать таблицу».');
  return sheet;
}

/**
 * The last report and, when its source sheet is still there, what was understood of it. A source
 * that can no longer be read as a table (emptied, grown too large) still shows the report.
 */
function stateOf(ss: Spreadsheet): RecognitionState {
  const report = loadReport(ss);
  const source = report?.sourceSheetId === null || report?.sourceSheetId === undefined ? null : ss.getSheetById(report.sourceSheetId);
  let view: RecognitionView | null = null;
  try {
    view = source ? viewOf(ss, source) : null;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
  return { report, view };
}

export const getRecognitionReport = implement('getRecognitionReport', () => stateOf(SpreadsheetApp.getActiveSpreadsheet()));

export const previewRecognition = implement('previewRecognition', (sourceSheetId, choices) => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return viewOf(ss, sourceSheet(ss, sourceSheetId), choicesFromWire(choices));
});

export const applyRecognition = implement('applyRecognition', (sourceSheetId, wire, replaceSheetId) => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const choices = choicesFromWire(wire);
  withDocumentLock(() => {
    const source = sourceSheet(ss, sourceSheetId);
    const input = sourceInput(ss, source, choices);
    if (hasHelperBlock(input.values)) throw alreadyOurs(input.source);
    planRecognition(input); // refuses, before anything is written, a table these choices cannot make
    // Only the sheet this source's last recognition made is replaced, never another.
    const last = loadReport(ss);
    const replace = replaceSheetId !== null && last?.sheetId === replaceSheetId && last.sourceSheetId === sourceSheetId ? ss.getSheetById(replaceSheetId) : null;
    saveChoices(sourceSheetId, choices);
    saveReport(ss, recognizeInto(ss, input, source.getIndex(), replace ?? undefined));
  });
  return stateOf(ss);
});

/**
 * «Проверить» on a person's sheet (a pasted table): the table is read through recognition and
 * checked, and nothing is written — no helper columns, no colours. The report says so.
 */
export function readOnlyCheck(ss: Spreadsheet, sheet: Sheet, read: SheetRead): CheckReport {
  const input = sourceInput(ss, sheet, undefined, read.values);
  let recognised: ReturnType<typeof planRecognition>;
  try {
    recognised = planRecognition(input);
  } catch (error) {
    throw error instanceof UnrecognizedTable ? new UserError(notRoadmapMessage(read.sheetName)) : error;
  }
  const { recognition, items } = recognised;
  const plan = recognition.plan ? { planStart: recognition.plan.start, planEnd: recognition.plan.end } : null;
  const analysis = analyseRecognized(recognition, items, read.values[recognition.headerRow] ?? [], { plan, today: read.today });
  analysis.notes.push(
    `Лист «${read.sheetName}» — вставленная таблица, а не лист дорожной карты дополнения: проверка выполнена только для чтения, на листе ничего не изменено, цвета сроков не выставлены. Чтобы следить за сроками, выберите «Распознать таблицу».`,
  );
  if (!plan) analysis.notes.push('Период плана не найден в заголовке таблицы: выход сроков за период плана не проверен.');
  const report = buildCheckReport({ sheetName: read.sheetName, sheetId: read.sheetId, today: read.today, soonDays: read.settings.soonDays, plan, analysis });
  // Nothing is written into a pasted table: no one-click fixes are offered for it.
  for (const row of report.rows) for (const p of row.problems) p.fix = null;
  return report;
}
