// The «Проверить» report: problems grouped by sheet row, each with the cell to select, and how
// many rows show each colour today. Pure (built from the in-memory analysis).
import { CANONICAL_COLUMNS, FIELD_TITLES, pluralRu } from '../../core/roadmap';
import { colourOfHelper, legend, type ColourKey } from '../../core/roadmap/colour';
import { clipText } from '../../core/roadmap/text';
import type { CheckProblem, CheckReport, CheckRow } from '../../contract/roadmap';
import type { SheetAnalysis } from './analyse';

export interface ReportInput {
  sheetName: string;
  sheetId: number;
  today: string;
  soonDays: number;
  plan: { planStart: string; planEnd: string } | null;
  analysis: SheetAnalysis;
}

const MARK_HEADER = CANONICAL_COLUMNS.find((c) => c.key === 'mark')!.header;

/** Rows listed in the sidebar: beyond this the list helps nobody, and the highlights remain on the sheet. */
export const MAX_ROWS = 300;

export function buildCheckReport(input: ReportInput): CheckReport {
  const { analysis } = input;
  const { layout, items } = analysis;
  const rows = new Map<number, CheckRow>();
  for (const p of analysis.problems) {
    const item = items[p.item];
    const row = (item?.sourceRows[0] ?? layout.headerRow) + 1;
    const column = p.field && layout.columns[p.field] !== undefined ? layout.columns[p.field]! + 1 : null;
    const problem: CheckProblem = {
      row,
      column,
      columnTitle: p.field ? (layout.titles[p.field] ?? (p.field === 'mark' ? MARK_HEADER : FIELD_TITLES[p.field])) : null,
      severity: p.severity,
      code: p.code,
      message: p.message,
      fix: p.fix && item ? { text: item.deadline, fix: p.fix } : null,
    };
    let group = rows.get(row);
    if (!group) {
      const label = item ? clipText(`${item.number ? `${item.number} ` : ''}${item.activity || '(без названия)'}`, 90) : `Строка ${row}`;
      group = { row, label, problems: [] };
      rows.set(row, group);
    }
    group.problems.push(problem);
  }
  const counts = new Map<ColourKey, number>();
  for (const h of analysis.helpers) {
    const c = colourOfHelper(h, input.today, input.soonDays);
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const legendItems = legend(input.soonDays);
  const grouped = [...rows.values()].sort((a, b) => a.row - b.row);
  const notes = [...analysis.notes];
  if (grouped.length > MAX_ROWS) {
    notes.push(`Замечания есть в ${grouped.length} ${pluralRu(grouped.length, ['строке', 'строках', 'строках'])}; здесь показаны первые ${MAX_ROWS}. Ячейки с замечаниями выделены на листе цветом.`);
  }
  return {
    sheetName: input.sheetName,
    sheetId: input.sheetId,
    today: input.today,
    plan: input.plan ? { start: input.plan.planStart, end: input.plan.planEnd } : null,
    soonDays: input.soonDays,
    errors: analysis.problems.filter((p) => p.severity === 'error').length,
    warnings: analysis.problems.filter((p) => p.severity === 'warning').length,
    rows: grouped.slice(0, MAX_ROWS),
    colours: legendItems
      .filter((l) => l.key !== 'problem')
      .map((l) => ({ key: l.key, label: l.label, background: l.background, count: counts.get(l.key) ?? 0 })),
    legend: legendItems.map((l) => ({ key: l.key, label: l.label, background: l.background, fontColor: l.fontColor })),
    notes,
  };
}
