// The roadmap an order carries, read from the add-on's canonical roadmap sheet (values of one
// getValues): the items, the title rows above the header (the plan's title and period) and the
// validation problems the sidebar lists before the person decides to go on.
import { inferPlanPeriod } from '../deadline/plan-period';
import { STATUS_DONE, rowsToItems, type CanonicalItem } from '../roadmap/layout';
import { validateRoadmap } from '../roadmap/validate';
import type { ISODate } from '../types';
import type { OrderRoadmap, OrderRow } from './build';

export interface RoadmapForOrder {
  roadmap: OrderRoadmap;
  /** Sheet rows (1-based) of roadmap.items, in the same order. */
  sheetRows: number[];
  /** Errors first, then warnings; Russian, row and column named. */
  problems: string[];
  errorCount: number;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v)).replace(/\s+/g, ' ').trim();

export function isDoneStatus(status: string | undefined): boolean {
  return !!status && status.trim().toLowerCase() === STATUS_DONE.toLowerCase();
}

export function toOrderRow(item: CanonicalItem): OrderRow {
  return {
    number: item.number,
    isSection: item.isSection,
    activity: item.activity,
    deadline: item.deadline,
    responsible: item.responsible,
    result: item.result,
    // selectAppendixRows leaves out rows whose status is 'done'.
    status: isDoneStatus(item.status) ? 'done' : (item.status ?? ''),
    ...(item.extras ? { extras: item.extras } : {}),
  };
}

/**
 * The plan's title and period: what the roadmap settings hold for the sheet, else the title rows
 * above the header (and the period read from them).
 */
export function planOfSheet(
  values: unknown[][],
  headerRow: number,
  options: { plan?: { start: ISODate; end: ISODate } | null; title?: string },
): { title: string; period: { start: ISODate; end: ISODate } | null } {
  const titleRows = values
    .slice(0, headerRow)
    .map((row) => (Array.isArray(row) ? row.map(text).filter(Boolean).join(' ') : ''))
    .filter(Boolean)
    .join(' ');
  const title = options.title?.trim() || titleRows;
  return { title, period: options.plan ?? inferPlanPeriod(title) };
}

/**
 * Reads a canonical roadmap sheet for an order; null when the sheet holds no roadmap header.
 * `title` and `plan` are what the roadmap settings hold for the sheet (the add-on's sheet has its
 * header in row 1); without them, title rows above the header are read.
 */
export function roadmapForOrder(
  values: unknown[][],
  today: ISODate,
  options: { firstRow?: number; plan?: { start: ISODate; end: ISODate } | null; title?: string } = {},
): RoadmapForOrder | null {
  const firstRow = options.firstRow ?? 1;
  const read = rowsToItems(values, firstRow);
  if (read.headerRow < 0) return null;
  const { title, period } = planOfSheet(values, read.headerRow, options);
  const problems = validateRoadmap(read.items, { planStart: period?.start ?? '', planEnd: period?.end ?? '' }, today, { firstRow });
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    roadmap: {
      title,
      period,
      items: read.items.map(toOrderRow),
      ...(read.extraColumns.length ? { extraHeaders: read.extraColumns.map((x) => x.header) } : {}),
    },
    sheetRows: read.items.map((it) => firstRow + (it.sourceRows[0] ?? 0)),
    problems: sorted.map((p) => p.message),
    errorCount: problems.filter((p) => p.severity === 'error').length,
  };
}

/** Sections of the roadmap for the «chosen sections» choice. */
export function roadmapSections(roadmap: OrderRoadmap): { number: string; text: string }[] {
  return roadmap.items.filter((r) => r.isSection).map((r) => ({ number: r.number, text: r.activity }));
}

/** Results that call for an order of their own: «Приказ ОО», «Приказ о назначении куратора». */
export function resultIsOrder(result: string): boolean {
  return /(^|[^а-яё])приказ/i.test(result);
}
