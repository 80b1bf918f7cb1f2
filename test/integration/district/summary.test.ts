import { afterEach, describe, expect, it } from 'vitest';
import { startDistribution, continueDistribution } from '../../../src/addon/district/distribute';
import { buildSummary } from '../../../src/addon/district/summary-sheet';
import { BUSY_MESSAGE } from '../../../src/addon/lock';
import { analyseSheet } from '../../../src/addon/roadmap/analyse';
import { planOf, readSettings } from '../../../src/addon/roadmap/settings';
import { datesAsText } from '../../../src/addon/roadmap/values';
import { SUMMARY_HEADERS, summarizeRows, type SchoolSummary } from '../../../src/core/district';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { formatDayRu } from '../../../src/core/roadmap';
import { rowHelper } from '../../../src/core/roadmap/colour';
import { SCHOOL1, SCHOOL2, createDistrict, fixture, texts, type District } from './harness';

const STATUS = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
const DONE_DATE = CANONICAL_COLUMNS.findIndex((c) => c.key === 'doneDate') + 1;
const SHEETS = ['Район', 'Школа 1', 'Школа 2', 'МБОУ «Калиновская ООШ»'];

let d: District;
afterEach(() => d.dispose());

function distribute() {
  d.run(() => {
    let p = startDistribution(d.ss(), d.templateId);
    while (!p.finished) p = continueDistribution(d.ss());
  });
}

/** What core's maths says for a sheet, from its cells: helper values as of `written`, counted on `today`. */
function expected(name: string, written: string, today: string): SchoolSummary {
  return d.run(() => {
    const sheet = d.ss().getSheetByName(name)!;
    const values = datesAsText(sheet.getDataRange().getValues(), 'Europe/Moscow');
    const plan = planOf(readSettings().sheets[String(sheet.getSheetId())]);
    const analysis = analyseSheet(values, values[0]!.length, { plan, today: written })!;
    return summarizeRows(analysis.items.map((it) => {
      const h = rowHelper(it, plan, written);
      return { activity: it.activity, status: it.status ?? '', kind: it.isSection ? 'section' : h.kind, end: h.end, extraEnds: h.extraEnds, doneDate: it.doneDate ?? '' };
    }), today, readSettings().soonDays);
  });
}

/** The summary's row for a sheet, as the spreadsheet computes it (display texts). */
let cached: string[][] | null = null;
/** Reads the summary once per state (a snapshot evaluates every formula and colour rule). */
function summaryTexts(): string[][] {
  cached ??= texts(d.sheet('Свод'));
  return cached;
}
function shown(sheet: string): Record<string, string> {
  const rows = summaryTexts();
  const row = rows.find((r) => r[1] === sheet);
  if (!row) throw new Error(`no summary row for ${sheet}`);
  return Object.fromEntries(SUMMARY_HEADERS.map((h, i) => [h.key, row[i]!]));
}

const asShown = (s: SchoolSummary) => ({
  items: String(s.items), done: String(s.done), inProgress: String(s.inProgress), overdue: String(s.overdue), soon: String(s.soon), noDate: String(s.noDate),
  // shown as Sheets shows the '0%' format
  share: s.share === null ? '' : `${Math.round(s.share * 100)}%`,
  // MAX() of dates is a serial number (shown as a date under the column's format in Sheets)
  lastDone: s.lastDone ? formatDayRu(s.lastDone) : '', // a date cell shows the day, not its serial
});

describe('«Свод»', () => {
  it('counts every school right for a fixed today, with live formulas that follow edits and the calendar', () => {
    d = createDistrict('2023-03-15', fixture('derbent-2023'));
    distribute();
    const activities = texts(d.sheet('Школа 1')).map((r) => r[1]);
    const items = texts(d.sheet('Школа 1')).map((r, i) => ({ r, i })).filter(({ r }) => r[10] !== 'section' && r[1] && r[0] !== '№').map(({ i }) => i + 1);
    d.runtime.userEdit('Школа 1', items[0]!, STATUS, 'Выполнено', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 1', items[0]!, DONE_DATE, '01.03.2023', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 1', items[1]!, STATUS, 'Выполнено', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 1', items[1]!, DONE_DATE, '10.03.2023', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 1', items[2]!, STATUS, 'В работе', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 2', items[3]!, STATUS, 'Отменено', { user: SCHOOL2 });
    expect(activities.length).toBeGreaterThan(10);

    const result = d.run(() => buildSummary(d.ss()));
    cached = null;
    expect(result.rows).toBe(4);
    for (const name of SHEETS) expect(shown(name)).toMatchObject(asShown(expected(name, '2023-03-15', '2023-03-15')));
    const s1 = shown('Школа 1');
    expect([s1.done, s1.inProgress, s1.lastDone]).toEqual(['2', '1', '10.03.2023']);
    const marchOverdue = Number(shown('Школа 2').overdue);
    expect(marchOverdue).toBeGreaterThan(0);
    const total = summaryTexts().find((r) => r[0] === 'Итого')!;
    expect(total[3]).toBe(String(SHEETS.reduce((n, s) => n + Number(shown(s).done), 0)));

    // live: a school's edit shows without rebuilding
    d.runtime.userEdit('Школа 1', items[2]!, STATUS, 'Выполнено', { user: SCHOOL1 });
    cached = null;
    expect(shown('Школа 1').done).toBe('3');
    // …and so does the calendar: nothing re-run, three months later
    d.setToday('2023-06-15');
    cached = null;
    for (const name of SHEETS) expect(shown(name)).toMatchObject(asShown(expected(name, '2023-03-15', '2023-06-15')));
    expect(Number(shown('Школа 2').overdue)).toBeGreaterThan(marchOverdue);
  });

  it('says it is busy and writes nothing while another run holds the lock', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    distribute();
    const release = d.runtime.holdDocumentLock();
    expect(() => d.run(() => buildSummary(d.ss()))).toThrow(BUSY_MESSAGE);
    expect(d.runtime.snapshot().sheets.map((s) => s.name)).not.toContain('Свод');
    release();
  });

  it('is coloured, charted and editable by the district only', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    distribute();
    d.run(() => buildSummary(d.ss()));
    d.run(() => buildSummary(d.ss())); // a rebuild replaces, never duplicates
    const s = d.sheet('Свод');
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]!.type).toBe('BAR');
    expect(s.conditionalRules.length).toBe(5);
    expect(s.protections).toHaveLength(1);
    expect(s.protections[0]!.editors).not.toContain(SCHOOL1);
    expect(() => d.runtime.userEdit('Свод', 2, 3, '100', { user: SCHOOL1 })).toThrow(/protected/);
  });
});
