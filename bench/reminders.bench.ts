// Reminders (issue 15): one run of the trigger's handler, sendReminders, on a roadmap of 10 / 1,000 /
// 10,000 items — one getValues of the sheet, the quota asked once, one sendEmail per digest — beside a
// naive way that reads each row's deadline and status cell by cell. A district adds one read and one
// e-mail per school (measured on the role suite's district of two schools).
import { createGasRuntime, type GasRuntime } from '../preview/gas/index';
import { recognizeTable } from '../src/addon/roadmap/actions';
import * as main from '../src/addon/main';
import { estimate, reportTime } from './cost-model';
import { pastedRoadmap } from '../test/integration/roadmap/tables';
import { METODIST, createWorld } from '../test/integration/roles/world';

const SIZES = [10, 1_000, 10_000];
const SHEET = 'Вставка — дорожная карта';
const ON = { enabled: true, frequency: 'weekly' as const, weekday: 1, monthDay: 1, hour: 9, days: 14, addresses: 'zam@example.org' };
/** A Monday, 09:00 Moscow: the trigger's hour. */
const MONDAY = new Date('2023-05-22T09:00:00+03:00');

function setup(items: number): { runtime: GasRuntime; uninstall: () => void } {
  const runtime = createGasRuntime({ now: () => MONDAY, htmlFile: (p) => `<p>${p}</p>`, mailQuota: 1_500 });
  const uninstall = runtime.install();
  runtime.seedSheet('Вставка', pastedRoadmap(items));
  runtime.run('FULL', () => recognizeTable());
  runtime.run('FULL', () => main.saveReminders(ON));
  runtime.calls.reset();
  return { runtime, uninstall };
}

const fire = (rt: GasRuntime) => rt.fireClockTriggers({ sendReminders: main.sendReminders as (e: unknown) => unknown });

function ours(items: number) {
  const { runtime, uninstall } = setup(items);
  try {
    const t0 = performance.now();
    fire(runtime);
    return { calls: runtime.calls.total(), ms: performance.now() - t0, estimate: estimate(runtime.calls.events()), sent: runtime.sentMail().length - 1 };
  } finally {
    uninstall();
  }
}

/** Per row: the deadline and status cells read one by one (the digest itself computed the same way). */
function naive(items: number) {
  const { runtime, uninstall } = setup(items);
  try {
    const t0 = performance.now();
    runtime.run('FULL', () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET)!;
      const last = sheet.getLastRow();
      for (let r = 2; r <= last; r++) {
        sheet.getRange(r, 3).getValue();
        sheet.getRange(r, 6).getValue();
      }
      MailApp.getRemainingDailyQuota();
      MailApp.sendEmail('zam@example.org', 'Дорожная карта', '…');
    });
    return { calls: runtime.calls.total(), ms: performance.now() - t0, estimate: estimate(runtime.calls.events()), sent: 1 };
  } finally {
    uninstall();
  }
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function run(): void {
  const header = ['items', 'way', 'service calls', 'e-mails', 'modelled Apps Script s', 'in-memory ms'];
  const body: string[][] = [];
  for (const n of SIZES) {
    for (const [way, fn] of [['sendReminders (one read per sheet)', ours], ['cell by cell', naive]] as const) {
      const r = fn(n);
      body.push([fmt(n), way, fmt(r.calls), fmt(r.sent), fmt(r.estimate.ms / 1000, 1), fmt(r.ms, 1)]);
      if (fn === ours) reportTime(`Напоминания: запуск расписания, ${fmt(n)} items`, [r.estimate]);
    }
  }
  // A district: the district's digest and one per school.
  const w = createWorld();
  try {
    w.as(METODIST, null, () => main.saveReminders({ ...ON, weekday: 3 }));
    w.runtime.calls.reset();
    const before = w.runtime.sentMail().length;
    fire(w.runtime);
    const e = estimate(w.runtime.calls.events());
    body.push(['district + 2 schools', 'sendReminders', fmt(e.calls), fmt(w.runtime.sentMail().length - before), fmt(e.ms / 1000, 1), '']);
    reportTime('Напоминания: запуск расписания, район и 2 школы', [e]);
  } finally {
    w.dispose();
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  console.log('Напоминания о сроках (one run of the clock trigger)');
  console.log(line(header));
  for (const b of body) console.log(line(b));
}
