// «Календарный график» at 10 / 1,000 / 10,000 items: our way (one read and one write of the
// roadmap's helper columns, one block write of the timeline, eight conditional-format rules)
// beside a naive way that writes each label cell and paints each bar cell one call at a time.
// Service calls decide the real run time in Apps Script; the estimate uses a stated per-call cost.
import { createGasRuntime } from '../preview/gas/index';
import { recognizeTable } from '../src/addon/roadmap/actions';
import { buildTimeline } from '../src/addon/roadmap/timeline';
import { parseDeadline } from '../src/core';
import { timelinePeriods } from '../src/core/roadmap/timeline';
import { pastedRoadmap } from '../test/integration/roadmap/tables';

const SIZES = [10, 1_000, 10_000];
/** Rough cost of one Spreadsheet service call in Apps Script, ms (as in sheet.bench.ts). */
const MS_PER_CALL = 7;
const TODAY = '2023-05-20';
const SHEET = 'Вставка — дорожная карта';

function setup(items: number) {
  const now = new Date(`${TODAY}T09:00:00+03:00`);
  const runtime = createGasRuntime({ now: () => now, htmlFile: (p) => `<p>${p}</p>` });
  const uninstall = runtime.install();
  runtime.seedSheet('Вставка', pastedRoadmap(items));
  runtime.run('FULL', () => recognizeTable());
  runtime.calls.reset();
  return { runtime, uninstall };
}

function ours(items: number): { calls: number; ms: number } {
  const { runtime, uninstall } = setup(items);
  try {
    const t0 = performance.now();
    runtime.run('FULL', () => buildTimeline());
    return { calls: runtime.calls.total(), ms: performance.now() - t0 };
  } finally {
    uninstall();
  }
}

/** Per row: read the deadline, write four label cells, paint every month the deadline touches. */
function naive(items: number): { calls: number; ms: number } {
  const { runtime, uninstall } = setup(items);
  try {
    const t0 = performance.now();
    runtime.run('FULL', () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const source = ss.getSheetByName(SHEET)!;
      const sheet = ss.insertSheet('График');
      const plan = { planStart: '2023-01-01', planEnd: '2024-12-31' };
      const { periods } = timelinePeriods(plan.planStart, plan.planEnd);
      const last = source.getLastRow();
      if (last > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
      if (periods.length + 4 > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), periods.length + 4 - sheet.getMaxColumns());
      for (let r = 2; r <= last; r++) {
        for (let c = 1; c <= 3; c++) sheet.getRange(r, c).setValue(source.getRange(r, c).getValue());
        const d = parseDeadline(String(source.getRange(r, 3).getValue()), plan);
        periods.forEach((p, k) => {
          if (d.periods.some((o) => o.start <= p.end && o.end >= p.start)) sheet.getRange(r, 5 + k).setBackground('#6d9eeb');
        });
      }
    });
    return { calls: runtime.calls.total(), ms: performance.now() - t0 };
  } finally {
    uninstall();
  }
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function run(): Promise<void> {
  const header = ['items', 'way', 'service calls', 'in-memory ms', `Apps Script estimate (${MS_PER_CALL} ms/call), s`];
  const body: string[][] = [];
  for (const n of SIZES) {
    for (const [way, fn] of [['one read + one block write + 8 rules', ours], ['cell by cell (getValue/setValue/setBackground)', naive]] as const) {
      const r = fn(n);
      body.push([fmt(n), way, fmt(r.calls), fmt(r.ms, 1), fmt((r.calls * MS_PER_CALL) / 1000, 1)]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  console.log('Календарный график (timeline sheet)');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const b of body) console.log(line(b));
  await Promise.resolve();
}
