// Validate + refresh helper columns + rules of a roadmap sheet at 10 / 1,000 / 10,000 rows, our way
// (one read, core in memory, one write, a few rules) beside the naive cell-by-cell way
// (getValue / setValue / setBackground per cell), both against the same in-memory Apps Script.
// In-memory calls cost microseconds; in Apps Script each costs milliseconds, so the calls decide
// the real run time: the estimate column is bench/cost-model.ts's price of the recorded calls.
import { createGasRuntime } from '../preview/gas/index';
import { estimate, reportTime, type Estimate } from './cost-model';
import { analyseSheet } from '../src/addon/roadmap/analyse';
import { datesAsText } from '../src/addon/roadmap/values';
import { checkRoadmap, onEdit, recognizeTable } from '../src/addon/roadmap/actions';
import { deadlineStatus, parseDeadline } from '../src/core';
import { colourOfStatus, legend } from '../src/core/roadmap/colour';
import { pastedRoadmap } from '../test/integration/roadmap/tables';

const SIZES = [10, 1_000, 10_000];
/** The naive run at 10,000 rows makes ~60,000 calls; in memory that is quick, so it is not capped. */
const NAIVE_CAP = 10_000;
const TODAY = '2023-05-20';

interface Row {
  rows: number;
  way: string;
  calls: number;
  ms: number;
  coreMsPer1000: number | null;
  model: Estimate;
}

function setup(items: number) {
  const now = new Date(`${TODAY}T09:00:00+03:00`);
  const runtime = createGasRuntime({ now: () => now, htmlFile: (p) => `<p>${p}</p>` });
  const uninstall = runtime.install();
  runtime.seedSheet('Вставка', pastedRoadmap(items));
  const t0 = performance.now();
  runtime.run('FULL', () => recognizeTable());
  const recogniseMs = performance.now() - t0;
  const recognise = estimate(runtime.calls.events());
  return { runtime, uninstall, recogniseMs, recognise };
}

function ours(items: number): Row & { recogniseMs: number } {
  const { runtime, uninstall, recogniseMs, recognise } = setup(items);
  try {
    reportTime(`«Распознать таблицу», ${fmt(items)} rows`, [recognise]);
    runtime.calls.reset();
    const t0 = performance.now();
    runtime.run('FULL', () => checkRoadmap());
    const ms = performance.now() - t0;
    const calls = runtime.calls.total();
    const model = estimate(runtime.calls.events());
    reportTime(`«Проверить», ${fmt(items)} rows`, [model]);
    // A deadline typed into the last row: the simple trigger, LIMITED mode, 30 s at most.
    const sheetName = 'Вставка — дорожная карта';
    const header = runtime.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!.getRange(1, 1, 1, 10).getValues()[0]!);
    const edit = runtime.userEdit(sheetName, items + 1, header.indexOf('Срок') + 1, 'До 01.09.2023');
    runtime.calls.reset();
    runtime.run('LIMITED', () => onEdit(edit));
    reportTime(`onEdit of a deadline, ${fmt(items)} rows`, [estimate(runtime.calls.events())], 'onEdit');
    // Core alone: the in-memory analysis of the values read.
    const values = runtime.run('FULL', () =>
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка — дорожная карта')!.getDataRange().getValues(),
    );
    const analyse = (): unknown =>
      analyseSheet(datesAsText(values, 'Europe/Moscow'), values[0]!.length, { plan: { planStart: '2023-01-01', planEnd: '2024-12-31' }, today: TODAY });
    const reps = Math.max(3, Math.round(20_000 / items));
    for (let i = 0; i < reps; i++) analyse(); // warm-up (JIT)
    const c0 = performance.now();
    for (let i = 0; i < reps; i++) analyse();
    const coreMs = (performance.now() - c0) / reps;
    return { rows: items, way: 'one read + one write + rules', calls, ms, coreMsPer1000: (coreMs / Math.max(1, values.length)) * 1000, recogniseMs, model };
  } finally {
    uninstall();
  }
}

/** The way a first script would do it: per row, read two cells, write helper cells, colour the cell. */
function naive(items: number): Row {
  const { runtime, uninstall } = setup(items);
  const BG = new Map(legend(14).map((l) => [l.key, l.background]));
  try {
    runtime.calls.reset();
    const t0 = performance.now();
    runtime.run('FULL', () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка — дорожная карта')!;
      const last = Math.min(sheet.getLastRow(), NAIVE_CAP + 1);
      const plan = { planStart: '2023-01-01', planEnd: '2024-12-31' };
      for (let r = 2; r <= last; r++) {
        const text = String(sheet.getRange(r, 3).getValue());
        const status = String(sheet.getRange(r, 6).getValue());
        const d = parseDeadline(text, plan);
        const period = d.periods[0];
        sheet.getRange(r, 9).setValue(period?.start ?? '');
        sheet.getRange(r, 10).setValue(period?.end ?? '');
        const colour = colourOfStatus(deadlineStatus(d, { today: TODAY, done: status === 'Выполнено', soonDays: 14 }));
        sheet.getRange(r, 3).setBackground(colour ? BG.get(colour)! : null);
      }
    });
    const ms = performance.now() - t0;
    return { rows: items, way: 'cell by cell (getValue/setValue/setBackground)', calls: runtime.calls.total(), ms, coreMsPer1000: null, model: estimate(runtime.calls.events()) };
  } finally {
    uninstall();
  }
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function run(): Promise<void> {
  const rows: Row[] = [];
  const recognise: string[] = [];
  for (const n of SIZES) {
    const o = ours(n);
    rows.push(o);
    recognise.push(`${fmt(n)} rows: recognise + write the canonical sheet, ${fmt(o.recogniseMs)} ms in memory`);
    rows.push(naive(n));
  }
  const header = ['rows', 'way', 'service calls', 'in-memory ms', 'core ms per 1,000 rows', 'modelled Apps Script s'];
  const body = rows.map((r) => [
    fmt(r.rows), r.way, fmt(r.calls), fmt(r.ms, 1), r.coreMsPer1000 === null ? '—' : fmt(r.coreMsPer1000, 1), fmt(r.model.ms / 1000, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  console.log('Check + helper columns + conditional-format rules');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const b of body) console.log(line(b));
  console.log(recognise.join('\n'));
  await Promise.resolve();
}
