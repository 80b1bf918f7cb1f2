// `npx tsx bench/index.ts district`: service calls, batches, cells and modelled Apps Script time of
// «Разослать школам» (first run, and a rerun with nothing to add), «Свод» and «Проверить все школы»
// for 5 / 50 / 300 / 500 schools whose template has 50 rows, and 5 / 300 with 10 rows: calls must
// grow with the number of schools only, never with rows. The runtime's clock advances by the
// modelled cost of every call (bench/cost-model.ts), so a batch ends where it would on Google and
// «batches» are real Apps Script executions. "w/o builders": without rule-builder calls, which
// assemble objects locally. Budgets: ≤ 40 calls a school, ≤ 3 batches for 300 schools.
import { performance } from 'node:perf_hooks';
import { createGasRuntime, type GasRuntime } from '../preview/gas';
import { costOf, estimate, reportTime, type Estimate } from './cost-model';
import { continueDistribution, startDistribution } from '../src/addon/district/distribute';
import { buildSummary } from '../src/addon/district/summary-sheet';
import { checkAll } from '../src/addon/district/check-all';
import { prepareCanonical, writeCanonicalSheet } from '../src/addon/roadmap/canonical-sheet';
import { newOrgSheetRows } from '../src/core/org';
import { SPREADSHEET_CELL_LIMIT } from '../src/core/district';
import type { CanonicalItem } from '../src/core/roadmap';

const TODAY = '2023-03-15';
const MONTHS = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];

/** A template of `rows` rows: a section every 10 rows, varied real-looking deadlines. */
function template(rows: number): CanonicalItem[] {
  const items: CanonicalItem[] = [];
  let section = 0;
  let item = 0;
  for (let r = 0; r < rows; r++) {
    if (r % 10 === 0) {
      section++;
      item = 0;
      items.push({ number: `${section}.`, level: 1, isSection: true, activity: `Раздел ${section}`, deadline: '', responsible: '', result: '', sourceRows: [r + 1] });
      continue;
    }
    item++;
    const deadline = r % 4 === 0 ? `До ${String((r % 28) + 1).padStart(2, '0')}.0${(r % 9) + 1}.2023` : r % 4 === 1 ? `${MONTHS[r % MONTHS.length]} 2023 г.` : r % 4 === 2 ? 'В течение года' : 'Май 2023, 2024';
    items.push({
      number: `${section}.${item}.`, level: 2, isSection: false, activity: `Мероприятие ${section}.${item} по внедрению целевой модели наставничества`,
      deadline, responsible: 'Заместитель директора по УВР', result: 'Приказ', sourceRows: [r + 1],
    });
  }
  return items;
}

function registry(schools: number): string[][] {
  const header = newOrgSheetRows()[0]!;
  const at = (re: RegExp) => header.findIndex((h) => re.test(h));
  const row = (short: string, sheet: string, editors: string) => {
    const r = header.map(() => '');
    r[at(/^Краткое/)] = short;
    r[at(/^Лист/)] = sheet;
    r[at(/^Редакторы/)] = editors;
    return r;
  };
  return [header, row('Управление образования', 'Район', 'rono@example.org, metodist@example.org'),
    ...Array.from({ length: schools }, (_, i) => row(`МБОУ «СОШ № ${i + 1}»`, `Школа ${i + 1}`, `school${i + 1}@example.org`))];
}

interface Measured { calls: number; server: number; ms: number; batches: number; executions: Estimate[] }

/** Builder calls (new…Rule, set…, build) assemble an object locally; the rest reach the document. */
const LOCAL = /^(SpreadsheetApp\.new|[A-Za-z]*Builder\.|BooleanCondition\.|ConditionalFormatRule\.)/;

/** A runtime whose clock moves by the modelled cost of each call the add-on makes. */
function modelledRuntime(): { rt: GasRuntime; settle: () => void } {
  const start = new Date(`${TODAY}T09:00:00+03:00`).getTime();
  let elapsed = 0;
  let seen = 0;
  const settle = () => {
    const events = rt.calls.events();
    for (; seen < events.length; seen++) elapsed += costOf(events[seen]!);
  };
  const rt: GasRuntime = createGasRuntime({
    now: () => {
      settle();
      return new Date(start + elapsed);
    },
    owner: 'rono@example.org',
    user: 'rono@example.org',
  });
  return { rt, settle: () => { settle(); seen = 0; } };
}

/** Runs `fn`, which calls `execution(step)` once per Apps Script execution (a batch). */
function measure(rt: GasRuntime, settle: () => void, fn: (execution: <T>(step: () => T) => T) => number): Measured {
  settle();
  rt.calls.reset();
  const executions: Estimate[] = [];
  const calls = { total: 0, server: 0 };
  const execution = <T>(step: () => T): T => {
    const result = rt.run('FULL', step);
    const all = Object.entries(rt.calls.snapshot());
    calls.total += rt.calls.total();
    calls.server += all.filter(([k]) => !LOCAL.test(k)).reduce((n, [, v]) => n + v, 0);
    executions.push(estimate(rt.calls.events()));
    settle();
    rt.calls.reset();
    return result;
  };
  const t0 = performance.now();
  const batches = fn(execution);
  return { calls: calls.total, server: calls.server, ms: performance.now() - t0, batches, executions };
}

/** Cells of every sheet (rows × columns, as Google counts them), not counted as calls. */
function cellsUsed(rt: GasRuntime): number {
  return rt.tracker.internal(() => SpreadsheetApp.getActiveSpreadsheet().getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0));
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

function scenario(schools: number, rows: number): Record<string, string | number> {
  const { rt, settle } = modelledRuntime();
  const uninstall = rt.install();
  try {
    rt.seedSheet('Организации', registry(schools));
    const templateId = rt.run('FULL', () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      // Protections can name only people the spreadsheet is shared with.
      ss.addEditors(['metodist@example.org', ...Array.from({ length: schools }, (_, i) => `school${i + 1}@example.org`)]);
      const plan = { title: 'Дорожная карта района', planStart: '2023-01-01', planEnd: '2024-12-31' };
      return writeCanonicalSheet(ss, 'Район', prepareCanonical(template(rows), plan, TODAY), plan).getSheetId();
    });
    const distribute = (execution: <T>(step: () => T) => T) => {
      let p = execution(() => startDistribution(SpreadsheetApp.getActiveSpreadsheet(), templateId));
      let n = 1;
      while (!p.finished) {
        p = execution(() => continueDistribution(SpreadsheetApp.getActiveSpreadsheet()));
        n++;
      }
      return n;
    };
    const first = measure(rt, settle, distribute);
    const cells = cellsUsed(rt);
    const again = measure(rt, settle, distribute);
    const summary = measure(rt, settle, (execution) => {
      execution(() => buildSummary(SpreadsheetApp.getActiveSpreadsheet()));
      return 1;
    });
    const check = measure(rt, settle, (execution) => {
      execution(() => checkAll(SpreadsheetApp.getActiveSpreadsheet()));
      return 1;
    });
    const label = `${schools} schools, ${rows}-row template`;
    const timed = [
      reportTime(`«Разослать школам», ${label}`, first.executions),
      reportTime(`«Разослать школам» again, ${label}`, again.executions),
      reportTime(`«Свод», ${label}`, summary.executions),
      reportTime(`«Проверить все школы», ${label}`, check.executions),
    ];
    const per = (m: Measured) => `${(m.calls / schools).toFixed(1)} (${(m.server / schools).toFixed(1)})`;
    const time = (i: number) => `${seconds(timed[i]!.total.ms)} / ${seconds(timed[i]!.perExecution.ms)}`;
    return {
      schools, rows,
      'distribute calls': first.calls, 'per school (w/o builders)': per(first), batches: first.batches, 'modelled s (total / longest batch)': time(0),
      'rerun per school': per(again), 'rerun batches': again.batches, 'rerun modelled s': time(1),
      'summary per school': per(summary), 'summary modelled s': time(2),
      'check-all per school': per(check), 'check-all modelled s': time(3),
      'cells used': `${cells} (${((100 * cells) / SPREADSHEET_CELL_LIMIT).toFixed(1)}% of 10M)`,
    };
  } finally {
    uninstall();
  }
}

export async function run(): Promise<void> {
  const table: Record<string, string | number>[] = [];
  for (const [schools, rows] of [[5, 10], [5, 50], [50, 50], [300, 10], [300, 50], [500, 50]] as const) table.push(scenario(schools, rows));
  console.table(table);
  console.log('Calls per school are the same for 10 and 50 template rows: nothing is done row by row. Budgets: ≤ 40 calls a school, ≤ 3 batches for 300 schools.');
}
