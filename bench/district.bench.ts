// `npx tsx bench/index.ts district`: service calls and time of «Разослать школам» (first run, and a
// rerun with nothing to add), «Свод» and «Проверить все» for 5 / 50 / 300 schools whose template
// has 50 rows, and the same with 10 rows: calls must grow with the number of schools only, never
// with rows. Against the in-memory Apps Script; on Google each call costs roughly 20–200 ms, so the
// calls decide. "w/o builders": without rule-builder calls, which assemble objects locally.
import { performance } from 'node:perf_hooks';
import { createGasRuntime, type GasRuntime } from '../preview/gas';
import { estimate, reportTime, type Estimate } from './cost-model';
import { continueDistribution, startDistribution } from '../src/addon/district/distribute';
import { buildSummary } from '../src/addon/district/summary-sheet';
import { checkAll } from '../src/addon/district/check-all';
import { prepareCanonical, writeCanonicalSheet } from '../src/addon/roadmap/canonical-sheet';
import { newOrgSheetRows } from '../src/core/org';
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

/** Runs `fn`, which calls `execution(step)` once per Apps Script execution (a batch). */
function measure(rt: GasRuntime, fn: (execution: <T>(step: () => T) => T) => number): Measured {
  rt.calls.reset();
  const executions: Estimate[] = [];
  const calls = { total: 0, server: 0 };
  const execution = <T>(step: () => T): T => {
    const result = rt.run('FULL', step);
    const all = Object.entries(rt.calls.snapshot());
    calls.total += rt.calls.total();
    calls.server += all.filter(([k]) => !LOCAL.test(k)).reduce((n, [, v]) => n + v, 0);
    executions.push(estimate(rt.calls.events()));
    rt.calls.reset();
    return result;
  };
  const t0 = performance.now();
  const batches = fn(execution);
  return { calls: calls.total, server: calls.server, ms: performance.now() - t0, batches, executions };
}

function scenario(schools: number, rows: number): Record<string, string | number> {
  const rt = createGasRuntime({ now: () => new Date(`${TODAY}T09:00:00+03:00`), owner: 'rono@example.org', user: 'rono@example.org' });
  const uninstall = rt.install();
  try {
    rt.seedSheet('Организации', registry(schools));
    const templateId = rt.run('FULL', () => {
      const plan = { title: 'Дорожная карта района', planStart: '2023-01-01', planEnd: '2024-12-31' };
      return writeCanonicalSheet(SpreadsheetApp.getActiveSpreadsheet(), 'Район', prepareCanonical(template(rows), plan, TODAY), plan).getSheetId();
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
    const first = measure(rt, distribute);
    const again = measure(rt, distribute);
    const summary = measure(rt, (execution) => {
      execution(() => buildSummary(SpreadsheetApp.getActiveSpreadsheet()));
      return 1;
    });
    const check = measure(rt, (execution) => {
      execution(() => checkAll(SpreadsheetApp.getActiveSpreadsheet()));
      return 1;
    });
    const label = `${schools} schools, ${rows}-row template`;
    reportTime(`«Разослать школам», ${label}`, first.executions);
    reportTime(`«Разослать школам» again, ${label}`, again.executions);
    reportTime(`«Свод», ${label}`, summary.executions);
    reportTime(`«Проверить все школы», ${label}`, check.executions);
    const per = (m: Measured) => `${(m.calls / schools).toFixed(1)} (${(m.server / schools).toFixed(1)})`;
    return {
      schools, rows,
      'distribute calls': first.calls, 'per school (w/o builders)': per(first), batches: first.batches, ms: Math.round(first.ms),
      'rerun calls': again.calls, 'rerun per school': per(again), 'rerun ms': Math.round(again.ms),
      'summary calls': summary.calls, 'summary per school': per(summary), 'summary ms': Math.round(summary.ms),
      'check-all calls': check.calls, 'check-all ms': Math.round(check.ms),
    };
  } finally {
    uninstall();
  }
}

export async function run(): Promise<void> {
  const table: Record<string, string | number>[] = [];
  for (const schools of [5, 50, 300]) {
    for (const rows of [10, 50]) table.push(scenario(schools, rows));
  }
  console.table(table);
  console.log('Calls per school are the same for 10 and 50 template rows: nothing is done row by row.');
}
