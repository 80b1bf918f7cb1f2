// What the user reads after «Распознать таблицу», and where a problem sits on the sheet.
import type { Problem, ProblemField, Recognition, RecognizedItem } from '../types';
import { formatDayRu } from './day';

/** Russian plural: plural(5, ['раздел', 'раздела', 'разделов']) → 'разделов'. */
export function pluralRu(n: number, forms: readonly [string, string, string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** One Russian paragraph per line: counts, plan period, then every warning. */
export function summarizeRecognition(rec: Recognition): string[] {
  const sections = rec.items.filter((i) => i.isSection).length;
  const activities = rec.items.length - sections;
  const lines = [
    `Распознано: ${sections} ${pluralRu(sections, ['раздел', 'раздела', 'разделов'])}, ${activities} ${pluralRu(activities, ['мероприятие', 'мероприятия', 'мероприятий'])}.`,
  ];
  if (rec.plan) lines.push(`Период плана: ${formatDayRu(rec.plan.start)}–${formatDayRu(rec.plan.end)}.`);
  return [...lines, ...rec.warnings];
}

/**
 * The sheet cell a problem points at, 1-based for getRange(row, column): row = firstRow +
 * the item's first source row; column from the recognised (or canonical) column map, or null
 * when the problem concerns the whole row or the column is absent.
 */
export function problemCell(
  problem: Problem,
  items: readonly RecognizedItem[],
  columns: Partial<Record<ProblemField, number>>,
  firstRow = 1,
): { row: number; column: number | null } | null {
  const src = items[problem.item]?.sourceRows[0];
  if (src === undefined) return null;
  const c = problem.field ? columns[problem.field] : undefined;
  return { row: firstRow + src, column: c === undefined ? null : c + 1 };
}
