// The report's progress chart (src/addon/report/progress-chart.ts) at 5 and 500 bars: one write of
// the data block, one chart updated, one picture — the calls do not grow with the bars. Measured
// on the second chart of a spreadsheet (the data sheet exists), which is every report's case but
// the first; the first adds the sheet's creation (a fixed handful of calls).
import { createGasRuntime } from '../preview/gas/index';
import { progressChartImage, type ProgressBar } from '../src/addon/report/progress-chart';
import { estimate, reportTime } from './cost-model';

const SIZES = [5, 500];

const bars = (n: number): ProgressBar[] =>
  Array.from({ length: n }, (_, i) => ({ label: `Школа № ${i + 1}`, done: i % 7, inProgress: 2, overdue: i % 3, cancelled: i % 2, planned: 4 }));

function measure(n: number): { calls: number; ms: number; png: number } {
  const runtime = createGasRuntime({ now: () => new Date('2024-03-15T09:00:00+03:00'), htmlFile: () => null });
  const uninstall = runtime.install();
  try {
    runtime.seedSheet('План', [['№', 'Мероприятие']]);
    const ss = runtime.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet());
    runtime.run('FULL', () => progressChartImage(ss, bars(3), 'Первый'));
    runtime.calls.reset();
    const t0 = performance.now();
    const blob = runtime.run('FULL', () => progressChartImage(ss, bars(n), 'Выполнение плана по школам'));
    const ms = performance.now() - t0;
    reportTime(`progress chart, ${n} bars`, [estimate(runtime.calls.events())]);
    return { calls: runtime.calls.total(), ms, png: blob?.getBytes().length ?? 0 };
  } finally {
    uninstall();
  }
}

export function run(): void {
  console.log('Диаграмма хода выполнения (progress chart → PNG)');
  console.table(SIZES.map((n) => {
    const r = measure(n);
    return { bars: n, 'service calls': r.calls, 'in-memory ms': Number(r.ms.toFixed(1)), 'PNG bytes': r.png };
  }));
}
