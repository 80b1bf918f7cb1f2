// «Распознать таблицу»: the pasted table of the active sheet → a NEW sheet in the canonical layout.
// The source sheet is only read (one getValues), never written.
import type { Field, Recognition, RecognizeChoices } from '../../core';
import { FIELD_TITLES, extraHeaderText, pluralRu, recognizeRoadmap, type CanonicalItem } from '../../core/roadmap';
import { columnLetter } from '../../core/a1';
import { foldForMatch } from '../../core/roadmap/text';
import type { RecognitionReport } from '../../contract/roadmap';
import { UserError } from '../endpoint';
import { prepareCanonical, writeCanonicalSheet, type CanonicalPlan } from './canonical-sheet';
import { twice } from '../atomic';
import { forgetSheet } from './settings';
import { dayInZone, datesAsText } from './values';

/** The most cells we accept in one go: far above real roadmaps, well inside the 6-minute limit. */
export const MAX_CELLS = 2_000_000;
const MAX_CELL_TEXT = 50_000;

export const SHEET_SUFFIX = ' — дорожная карта';

/** Russian, for the summary: "Мероприятие ← «Наименование мероприятий» (столбец 2)". */
export function describeColumns(recognition: Recognition, headerCells: readonly unknown[] | null): string[] {
  const order: Field[] = ['number', 'activity', 'deadline', 'responsible', 'result', 'status', 'doneDate'];
  return order.flatMap((f) => {
    const c = recognition.columns[f];
    if (c === undefined) return [];
    const text = headerCells ? String(headerCells[c] ?? '').replace(/\s+/g, ' ').trim() : '';
    return [`${FIELD_TITLES[f]} ← ${text ? `«${text.slice(0, 60)}» ` : ''}(столбец ${c + 1})`];
  });
}

/** The extra columns of the canonical sheet: headers, and which of recognition.extraColumns each takes. */
export interface ExtraLayout {
  headers: string[];
  /** Index in recognition.extraColumns (and item.extras) of each header. */
  from: number[];
  /** Index of the source's «Отметка о выполнении», which fills the canonical column of that name. */
  mark: number | null;
}

export function extraLayout(recognition: Recognition): ExtraLayout {
  const layout: ExtraLayout = { headers: [], from: [], mark: null };
  (recognition.extraColumns ?? []).forEach((x, k) => {
    if (layout.mark === null && /^отметк/.test(foldForMatch(x.header))) layout.mark = k;
    else {
      layout.headers.push(extraHeaderText(x.header, x.column));
      layout.from.push(k);
    }
  });
  return layout;
}

/** Items of the canonical sheet from a recognition: every text of the source kept (extras, notes). */
export function canonicalItems(recognition: Recognition, extras: ExtraLayout = extraLayout(recognition)): CanonicalItem[] {
  return recognition.items.map((it) => {
    const extra = it as CanonicalItem;
    const item: CanonicalItem = { ...it, status: extra.status ?? '', doneDate: extra.doneDate ?? '', mark: extras.mark === null ? '' : (it.extras?.[extras.mark] ?? '') };
    if (it.extras) item.extras = extras.from.map((k) => it.extras?.[k] ?? '');
    return item;
  });
}

/** Spreadsheet error values: what getValues() returns for a formula that failed. */
const FORMULA_ERROR = /^#(NAME\?|ERROR!|REF!|VALUE!|DIV\/0!|N\/A|NUM!|NULL!|SPILL!|CALC!)$/;

export function hasNumbers(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => row.some((v) => typeof v === 'number'));
}

/**
 * Numbers as the person sees them: «28,818» typed in a ru_RU sheet is the number 28.818, and
 * «1 500» or «15%» lose their look too; the displayed text is what was typed (or formatted).
 */
export function numbersAsShown(cells: unknown[][], display: readonly (readonly string[])[] | undefined): void {
  if (!display) return;
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const shown = display[r]?.[c];
      if (typeof v === 'number' && typeof shown === 'string' && shown !== '') row[c] = shown;
    }),
  );
}

export function hasFormulaErrors(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => row.some((v) => typeof v === 'string' && FORMULA_ERROR.test(v)));
}

/**
 * Text pasted from Word that Sheets took for a formula («- подготовка…», «=Приказ…») shows an
 * error («#NAME?», «#ERROR!») instead of the text. The formula holds what was typed: it is
 * taken back (an «=» Sheets put before a typed «-» or «+» is dropped). Returns the A1 names of the
 * cells taken back.
 */
export function recoverFormulaText(cells: unknown[][], formulas: readonly (readonly string[])[] | undefined): string[] {
  if (!formulas) return [];
  const recovered: string[] = [];
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const formula = formulas[r]?.[c] ?? '';
      if (typeof v !== 'string' || !FORMULA_ERROR.test(v) || !formula) return;
      row[c] = /^=[-+]/.test(formula) ? formula.slice(1) : formula;
      recovered.push(`${columnLetter(c + 1)}${r + 1}`);
    }),
  );
  return recovered;
}

/** Checks that make a source unusable, with the Russian reason. */
export function tooLarge(values: readonly (readonly unknown[])[]): string | null {
  const cells = values.reduce((n, row) => n + row.length, 0);
  return cells > MAX_CELLS
    ? `На листе ${cells.toLocaleString('ru-RU')} ${pluralRu(cells, ['ячейка', 'ячейки', 'ячеек'])} — больше, чем дополнение обрабатывает за один раз (${MAX_CELLS.toLocaleString('ru-RU')}). Скопируйте таблицу дорожной карты на отдельный лист и распознайте его.`
    : null;
}

export function rejectSource(values: readonly (readonly unknown[])[], recognition: Recognition): string | null {
  if (recognition.items.length === 0) {
    const why = recognition.warnings.join(' ') || 'Таблица дорожной карты не найдена.';
    return `Таблица не распознана. ${why}`;
  }
  let longest = 0;
  for (const row of values) for (const v of row) if (typeof v === 'string' && v.length > longest) longest = v.length;
  if (longest > MAX_CELL_TEXT) {
    return `В таблице есть ячейка длиной ${longest.toLocaleString('ru-RU')} ${pluralRu(longest, ['знак', 'знака', 'знаков'])} — больше предела ячейки Google Таблиц (50 000). Сократите текст и повторите.`;
  }
  return null;
}

export interface RecognizeInput {
  /** What the table came from, for the summary and the new sheet's name. */
  source: string;
  /** The sheet the table was pasted into; null when it came from a document. */
  sourceSheetId?: number | null;
  /** getValues() of the source (Dates allowed). */
  values: unknown[][];
  /** getFormulas() of the same range: read only when some cell shows a formula error. */
  formulas?: string[][];
  /** getDisplayValues() of the same range: read only when some cell holds a number. */
  display?: string[][];
  /** The person's corrections (remembered for the source sheet). */
  choices?: RecognizeChoices;
  timeZone: string;
  /** Said about the source before recognition (e.g. "the document has 3 tables"). */
  notes?: string[];
  today: string;
}

export interface RecognizePlan {
  recognition: Recognition;
  plan: CanonicalPlan;
  items: CanonicalItem[];
  extras: ExtraLayout;
}

/**
 * Item numbers that the spreadsheet turned into dates: "1.1" typed in a ru_RU sheet becomes the
 * 1st of January. In the number column such a Date is read back as the number a person typed.
 */
export function restoreNumbers(cells: unknown[][], values: readonly (readonly unknown[])[], column: number, timeZone: string): number {
  let restored = 0;
  values.forEach((row, r) => {
    const v = row[column];
    if (!(v instanceof Date) || Number.isNaN(v.getTime())) return;
    const day = dayInZone(v, timeZone);
    cells[r]![column] = `${Number(day.slice(8, 10))}.${Number(day.slice(5, 7))}.`;
    restored++;
  });
  return restored;
}

/**
 * Recognition of the source with the person's choices, and the cells it read (dates as text,
 * formulas taken back). Never throws: the caller decides whether the table is usable.
 */
export function recognizeSource(input: RecognizeInput): { cells: unknown[][]; recognition: Recognition } {
  const cells = datesAsText(input.values, input.timeZone);
  numbersAsShown(cells, input.display);
  const recovered = recoverFormulaText(cells, input.formulas);
  const options = { firstRow: 1, ...(input.choices ?? {}) };
  let recognition = recognizeRoadmap(cells, options);
  const numberColumn = recognition.columns.number;
  if (numberColumn !== undefined && restoreNumbers(cells, input.values, numberColumn, input.timeZone) > 0) {
    recognition = recognizeRoadmap(cells, options);
    recognition.warnings.unshift('Google Таблицы приняли некоторые номера пунктов за даты (например, «1.1» — за 1 января); они восстановлены как номера («1.1.»). Проверьте нумерацию.');
  }
  // A spreadsheet whose locale reads «1.10» as a number (en_US) keeps 1.1: the zero is gone for good.
  if (numberColumn !== undefined && input.values.some((row) => typeof row[numberColumn] === 'number' && !Number.isInteger(row[numberColumn]))) {
    recognition.warnings.unshift('Google Таблицы приняли некоторые номера пунктов за дробные числа (так читает номера локаль таблицы, например английская): «1.10» становится 1,1, и ноль в конце теряется. Проверьте нумерацию или вставьте таблицу в таблицу с русской локалью («Файл → Настройки»).');
  }
  if (recovered.length) {
    const list = recovered.slice(0, 8).join(', ');
    recognition.warnings.unshift(
      `В ${pluralRu(recovered.length, ['ячейке', 'ячейках', 'ячейках'])} ${list}${recovered.length > 8 ? ` и ещё ${recovered.length - 8}` : ''} вместо текста была ошибка формулы (например, «#NAME?»): перенесён текст, который был введён. Проверьте эти ячейки.`,
    );
  }
  const chosen = input.choices?.plan;
  if (chosen) recognition.plan = { title: recognition.plan?.title ?? '', start: chosen.start, end: chosen.end };
  return { cells, recognition };
}

/** No roadmap table was found at all (as opposed to a table that cannot be written). */
export class UnrecognizedTable extends UserError {}

/** Pure part: recognition, or a UserError with the reason (before anything is written). */
export function planRecognition(input: RecognizeInput, recognized?: Recognition): RecognizePlan {
  const huge = tooLarge(input.values);
  if (huge) throw new UserError(huge);
  const recognition = recognized ?? recognizeSource(input).recognition;
  const reason = rejectSource(input.values, recognition);
  if (reason) throw recognition.items.length === 0 ? new UnrecognizedTable(reason) : new UserError(reason);
  const plan: CanonicalPlan = {
    title: recognition.plan?.title || input.source,
    planStart: recognition.plan?.start ?? null,
    planEnd: recognition.plan?.end ?? null,
    abbreviations: recognition.abbreviations ?? [],
  };
  const extras = extraLayout(recognition);
  return { recognition, plan, items: canonicalItems(recognition, extras), extras };
}

/**
 * Writes the canonical sheet; returns the summary (the caller shows it). Inside the document lock.
 * With `replace` (the sheet an earlier recognition of the same source made), the new sheet takes
 * its place and name once it is completely written; until then the old one stays.
 */
export function recognizeInto(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  input: RecognizeInput,
  index?: number,
  replace?: GoogleAppsScript.Spreadsheet.Sheet,
): RecognitionReport {
  const { recognition, plan, items, extras } = planRecognition(input);
  const prepared = prepareCanonical(items, plan, input.today, extras.headers);
  const sheet = writeCanonicalSheet(ss, `${input.source}${SHEET_SUFFIX}`, prepared, plan, replace ? replace.getIndex() - 1 : index);
  if (replace) {
    const name = replace.getName();
    const oldId = String(replace.getSheetId());
    ss.deleteSheet(replace);
    forgetSheet(oldId);
    sheet.setName(name);
  }
  // The sheet exists from here on: reads that Google fails once are asked again, not reported as a failed recognition.
  const sheetName = twice(() => sheet.getName());
  const sheetId = twice(() => sheet.getSheetId());
  const problems = prepared.analysis.problems;
  const headerCells = recognition.headerRow >= 0 ? (input.values[recognition.headerRow] ?? null) : null;
  const report: RecognitionReport = {
    source: input.source,
    sourceSheetId: input.sourceSheetId ?? null,
    extraColumns: extras.headers,
    notes: items.filter((it) => it.note).length,
    abbreviations: plan.abbreviations?.length ?? 0,
    sheetName,
    sheetId,
    items: items.filter((it) => !it.isSection).length,
    sections: items.filter((it) => it.isSection).length,
    headerRow: recognition.headerRow >= 0 ? recognition.headerRow + 1 : null,
    columns: describeColumns(recognition, headerCells),
    plan: recognition.plan ? { title: recognition.plan.title, start: recognition.plan.start, end: recognition.plan.end } : null,
    warnings: [...(input.notes ?? []), ...recognition.warnings],
    errors: problems.filter((p) => p.severity === 'error').length,
    problemWarnings: problems.filter((p) => p.severity === 'warning').length,
  };
  return report;
}

/** Today in the spreadsheet's zone, and the zone. */
export function clockOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { timeZone: string; today: string } {
  const timeZone = ss.getSpreadsheetTimeZone();
  return { timeZone, today: dayInZone(new Date(), timeZone) };
}
