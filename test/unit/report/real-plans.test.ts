// Every real plan of the corpus (test/fixtures/roadmaps/real, each with its source address) as a
// whole-plan report: what the selection rule promises holds on real deadline texts.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDeadline, recognizeRoadmap } from '../../../src/core';
import { buildReportDocument, reportHeading, reportPeriod, roadmapReport, type ReportPeriod, type ReportSourceRow } from '../../../src/core/report';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';

const dir = fileURLToPath(new URL('../../fixtures/roadmaps/real/', import.meta.url));
const plans = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe.each(plans)('the whole-plan report of %s', (file) => {
  const fixture = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as { plan: [string, string] | null; cells: string[][] };
  const rec = recognizeRoadmap(fixture.cells);
  const plan = fixture.plan ? { start: fixture.plan[0], end: fixture.plan[1] } : null;
  const rows: ReportSourceRow[] = rec.items.map((i) => ({ ...i, status: '', doneDate: '', mark: '' }));
  const period = (plan ? reportPeriod({ kind: 'plan' }, plan) : reportPeriod({ kind: 'year', year: 2023 }, null)) as ReportPeriod;
  const today = plan?.end ?? '2023-12-31';
  const report = roadmapReport(rows, { plan, period, today, soonDays: 14 });
  const context = plan ? { planStart: plan.start, planEnd: plan.end } : { planStart: '2023-01-01', planEnd: '2023-12-31' };

  it('holds exactly the items with an occurrence in the period, each under its own section', () => {
    const expected = rec.items.filter((i) => !i.isSection && i.activity && parseDeadline(i.deadline, context).periods.some((p) => p.start <= period.end && p.end >= period.start));
    const items = report.lines.filter((l) => l.kind === 'item');
    expect(items.map((l) => l.activity)).toEqual(expected.map((i) => i.activity));
    expect(report.period.items).toBe(items.length);
    // A section line is always followed by an item of it.
    report.lines.forEach((l, k) => {
      if (l.kind === 'section') expect(report.lines[k + 1]?.kind).toBe('item');
    });
    // Bars add up to the period's items.
    expect(report.bars.reduce((n, b) => n + b.done + b.inProgress + b.overdue + b.cancelled + b.planned, 0)).toBe(items.length);
  });

  it('makes a titled, number-free document', () => {
    const heading = reportHeading(DERBENT_REQUISITES, { title: rec.plan?.title ?? rec.title ?? '', period: plan }, period);
    expect(heading).toMatch(/^Информация о ходе реализации \S/);
    expect(heading.endsWith(period.words)).toBe(true);
    expect(heading).not.toMatch(/undefined|null|\s{2}/);
    const doc = buildReportDocument({ requisites: DERBENT_REQUISITES, plan: { title: rec.plan?.title ?? rec.title ?? '', period: plan }, period, date: today, dateStyle: 'long', own: report });
    expect(doc.meta.number).toBe('');
    expect(doc.blocks.filter((b) => b.kind === 'table').length).toBeGreaterThanOrEqual(report.lines.length ? 2 : 1);
  });
});
