import { describe, expect, it } from 'vitest';
import { findCanonicalHeader } from '../../../src/core/roadmap/layout';
import { rowHelper } from '../../../src/core/roadmap/colour';
import {
  A4_LANDSCAPE_PX, LABEL_COLUMNS, MAX_MONTHS, periodWidth, timelineLayout, timelinePeriods, timelineSpan, type TimelineRowInput,
} from '../../../src/core/roadmap/timeline';

const plan = { planStart: '2022-09-01', planEnd: '2023-08-31' };
const row = (r: number, deadline: string, today = '2022-10-01'): TimelineRowInput => ({
  row: r, isSection: false, helper: rowHelper({ isSection: false, deadline }, plan, today),
});
const COLUMNS = { number: 1, activity: 2, deadline: 3, status: 6, state: 12, helperStart: 9, helperEnd: 10, extraStart: 13, extraEnd: 18 };

describe('timeline periods', () => {
  it('are months of an academic year, the year named where it starts and in January', () => {
    const { scale, periods } = timelinePeriods('2022-09-01', '2023-08-31');
    expect(scale).toBe('month');
    expect(periods.map((p) => p.label)).toEqual(['сен', 'окт', 'ноя', 'дек', 'янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг']);
    expect(periods.map((p) => p.group).filter(Boolean)).toEqual(['2022', '2023']);
    expect(periods[5]).toMatchObject({ start: '2023-02-01', end: '2023-02-28' });
  });

  it('are Monday-to-Sunday weeks for a span under four months', () => {
    const { scale, periods } = timelinePeriods('2024-02-20', '2024-03-05');
    expect(scale).toBe('week');
    expect(periods.map((p) => [p.start, p.end])).toEqual([['2024-02-19', '2024-02-25'], ['2024-02-26', '2024-03-03'], ['2024-03-04', '2024-03-10']]);
    expect(periods.map((p) => p.group)).toEqual(['февраль 2024', '', 'март 2024']);
  });

  it('cover the plan widened to dates outside it, and never more than ten years', () => {
    expect(timelineSpan(plan, [row(2, 'Октябрь 2023')], '2022-10-01')).toEqual({ start: '2022-09-01', end: '2023-10-31' });
    expect(timelineSpan(null, [], '2025-04-02')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    const long = timelineSpan({ planStart: '2020-01-01', planEnd: '2040-12-31' }, [], '2025-01-01');
    expect(timelinePeriods(long.start, long.end).periods).toHaveLength(MAX_MONTHS);
  });

  it('fit A4 landscape for a year, and stay readable for three years', () => {
    const labels = LABEL_COLUMNS.reduce((s, c) => s + c.width, 0);
    expect(labels + 12 * periodWidth(12)).toBeLessThanOrEqual(A4_LANDSCAPE_PX);
    expect(periodWidth(36)).toBeGreaterThanOrEqual(16);
  });
});

describe('timeline layout', () => {
  const layout = timelineLayout({
    sourceSheet: "Карта 'Школа'", title: 'План', plan, today: '2022-10-01',
    rows: [{ row: 2, isSection: true, helper: rowHelper({ isSection: true, deadline: '' }, plan, '2022-10-01') }, row(3, 'Май 2023'), row(4, 'Декабрь 2022 - январь 2023')],
    columns: COLUMNS,
  });

  it('is never taken for a roadmap sheet by the header finder', () => {
    expect(findCanonicalHeader(layout.values as unknown[][])).toBeNull();
  });

  it('reads the roadmap by formulas with the sheet name quoted, and keeps no formula in a text cell', () => {
    const item = layout.values[7]!;
    expect(item[1]).toBe(`=""&'Карта ''Школа'''!B3`);
    layout.values.forEach((r, i) => r.forEach((v, c) => {
      if (typeof v === 'string' && v.startsWith('=')) expect(layout.numberFormats[i]![c], `${i},${c}`).not.toBe('@');
    }));
    // The section row carries labels only: no dates, so no bars.
    expect(layout.values[6]!.slice(layout.hiddenColumns.column - 1).every((v) => v === '')).toBe(true);
  });

  it('uses only English function names and commas (locale-safe), one rule per colour', () => {
    expect(layout.rules.map((r) => r.key)).toEqual(['todayHeader', 'done', 'cancelled', 'overdue', 'active', 'upcoming', 'past', 'today']);
    for (const r of layout.rules) {
      expect(r.formula).not.toMatch(/;/);
      for (const fn of r.formula.match(/[A-Z]+(?=\()/g) ?? []) expect(['AND', 'OR', 'COUNTIFS', 'TODAY', 'N', 'MAX']).toContain(fn);
    }
  });
});
