// «Распознать таблицу»: the pasted table of the active sheet → a NEW sheet in the canonical layout.
// The source sheet is only read (one getValues), never written.
import type { Field, Recognition } from '../../core';
import { FIELD_TITLES, pluralRu, recognizeRoadmap, type CanonicalItem } from '../../core/roadmap';
import type { RecognitionReport } from '../../contract/roadmap';
import { UserError } from '../endpoint';
import { prepareCanonical, writeCanonicalSheet, type CanonicalPlan } from './canonical-sheet';
import { twice } from '../atomic';
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

/** Items of the canonical sheet from a recognition. */
export function canonicalItems(recognition: Recognition): CanonicalItem[] {
  return recognition.items.map((it) => {
    const extra = it as CanonicalItem;
    return { ...it, status: extra.status ?? '', doneDate: extra.doneDate ?? '', mark: '' };
  });
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
  /** getValues() of the source (Dates allowed). */
  values: unknown[][];
  timeZone: string;
  /** Said about the source before recognition (e.g. "the document has 3 tables"). */
  notes?: string[];
  today: string;
}

export interface RecognizePlan {
  recognition: Recognition;
  plan: CanonicalPlan;
  items: CanonicalItem[];
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

/** Pure part: recognition, or a UserError with the reason. */
export function planRecognition(input: RecognizeInput): RecognizePlan {
  const huge = tooLarge(input.values);
  if (huge) throw new UserError(huge);
  const cells = datesAsText(input.values, input.timeZone);
  let recognition = recognizeRoadmap(cells);
  const numberColumn = recognition.columns.number;
  if (numberColumn !== undefined && restoreNumbers(cells, input.values, numberColumn, input.timeZone) > 0) {
    recognition = recognizeRoadmap(cells);
    recognition.warnings.unshift('Google Таблицы приняли некоторые номера пунктов за даты (например, «1.1» — за 1 января); они восстановлены как номера («1.1.»). Проверьте нумерацию.');
  }
  // A spreadsheet whose locale reads «1.10» as a number (en_US) keeps 1.1: the zero is gone for good.
  if (numberColumn !== undefined && input.values.some((row) => typeof row[numberColumn] === 'number' && !Number.isInteger(row[numberColumn]))) {
    recognition.warnings.unshift('Google Таблицы приняли некоторые номера пунктов за дробные числа (так читает номера локаль таблицы, например английская): «1.10» становится 1,1, и ноль в конце теряется. Проверьте нумерацию или вставьте таблицу в таблицу с русской локалью («Файл → Настройки»).');
  }
  const reason = rejectSource(input.values, recognition);
  if (reason) throw new UserError(reason);
  const plan: CanonicalPlan = {
    title: recognition.plan?.title || input.source,
    planStart: recognition.plan?.start ?? null,
    planEnd: recognition.plan?.end ?? null,
  };
  return { recognition, plan, items: canonicalItems(recognition) };
}

/** Writes the canonical sheet; returns the summary (the caller shows it). Inside the document lock. */
export function recognizeInto(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  input: RecognizeInput,
  index?: number,
): RecognitionReport {
  const { recognition, plan, items } = planRecognition(input);
  const prepared = prepareCanonical(items, plan, input.today);
  const sheet = writeCanonicalSheet(ss, `${input.source}${SHEET_SUFFIX}`, prepared, plan, index);
  // The sheet exists from here on: reads that Google fails once are asked again, not reported as a failed recognition.
  const sheetName = twice(() => sheet.getName());
  const sheetId = twice(() => sheet.getSheetId());
  const problems = prepared.analysis.problems;
  const headerCells = recognition.headerRow >= 0 ? (input.values[recognition.headerRow] ?? null) : null;
  const report: RecognitionReport = {
    source: input.source,
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
