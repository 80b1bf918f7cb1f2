// Per-school «Календарный график» in a district: a school's editor builds the timeline of their own
// sheet, the district any school's (from that sheet) or every school's in resumable batches. Each is
// the add-on's own sheet, named after the school and protected like the school's sheet.
import { afterEach, describe, expect, it } from 'vitest';
import * as main from '../../../src/addon/main';
import { schoolTimelinesBatch, TIMELINES_RUN_KEY } from '../../../src/addon/district/school-timelines';
import { BAR_LEGEND } from '../../../src/core/roadmap/timeline';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { METODIST, OWNER, SCHOOL1, SCHOOL1_NAME, SCHOOL1_SHEET, SCHOOL2, SCHOOL2_SHEET, createWorld, type World } from '../roles/world';

let w: World;
afterEach(() => w?.dispose());

const TL1 = `Календарный график — ${SCHOOL1_NAME}`;
const TL2 = 'Календарный график — МБОУ «СОШ № 2»';
const COLOUR = new Map(BAR_LEGEND.map((l) => [l.background, l.key]));
const DEADLINE = CANONICAL_COLUMNS.findIndex((c) => c.key === 'deadline') + 1;

const sheet = (name: string) => w.snapshot().sheets.find((s) => s.name === name);
const texts = (name: string) => sheet(name)!.cells.map((r) => r.map((c) => c?.text ?? ''));
const alerts = () => w.runtime.uiEvents.filter((e) => e.type === 'alert').map((e) => (e.type === 'alert' ? e.message : ''));

/** Bar colours of one timeline row by month label, e.g. { 'дек 2021': 'overdue' }. */
function bars(name: string, activity: string): Record<string, string> {
  const s = w.runtime.snapshot({ evaluate: true }).sheets.find((x) => x.name === name)!;
  const t = s.cells.map((r) => r.map((c) => c?.text ?? ''));
  const row = t.findIndex((r) => r[1] === activity);
  expect(row, activity).toBeGreaterThan(0);
  const out: Record<string, string> = {};
  let year = '';
  for (let c = 4; c < t[3]!.length; c++) {
    if (s.hiddenColumns.includes(c + 1)) break;
    if (t[2]![c]) year = t[2]![c]!;
    const key = COLOUR.get(s.cells[row]![c]?.background ?? '');
    if (key && key !== 'today') out[`${t[3]![c]} ${year}`] = key;
  }
  return out;
}

/** The first item row of a school sheet (1-based) and its activity text. */
function firstItem(name: string): { row: number; activity: string } {
  const t = texts(name);
  const row = t.findIndex((r, i) => i > 0 && /^\d+\./.test(r[0]!) && r[DEADLINE - 1] !== '');
  return { row: row + 1, activity: t[row]![1]! };
}

describe('«Календарный график» of a school', () => {
  it("a school's editor builds their own sheet's timeline: named after the school, protected for the school and the district, bars across a year end", () => {
    w = createWorld(); // today is 2023-03-15
    const item = firstItem(SCHOOL1_SHEET);
    w.runtime.userEdit(SCHOOL1_SHEET, item.row, DEADLINE, 'Декабрь 2021 - февраль 2022', { user: SCHOOL1 });
    w.as(SCHOOL1, SCHOOL1_SHEET, () => main.buildTimeline());
    expect(alerts()).toEqual([]);
    const tl = sheet(TL1)!;
    expect(tl).toBeDefined();
    const whole = tl.protections.find((p) => p.range === null)!;
    expect(whole.warningOnly).toBe(false);
    expect(whole.editors).toEqual(expect.arrayContaining([SCHOOL1, METODIST, OWNER]));
    expect(whole.editors).not.toContain(SCHOOL2);
    expect(bars(TL1, item.activity)).toEqual({ 'дек 2021': 'overdue', 'янв 2022': 'overdue', 'фев 2022': 'overdue' });
    // Another school cannot type into it; the school itself gets only what Sheets allows an editor.
    expect(() => w.runtime.userEdit(TL1, 2, 2, 'правка', { user: SCHOOL2 })).toThrow(/protected cell/);
    // The district's plan timeline is another sheet; this one draws the school's sheet only.
    expect(texts(TL1).flat().join(' ')).not.toContain('Район');
  });

  it("where schools fill only progress columns, a school's editor still builds their own timeline", () => {
    w = createWorld();
    w.as(OWNER, 'Район', () => {
      let p = main.startDistribution(w.sheetId('Район'), 'progress');
      while (!p.finished) p = main.distributeNext();
    });
    w.as(SCHOOL1, SCHOOL1_SHEET, () => main.buildTimeline());
    expect(alerts()).toEqual([]);
    expect(sheet(TL1)).toBeDefined();
  });

  it("a school's editor cannot build another school's timeline; the district can, from that school's sheet", () => {
    w = createWorld();
    w.as(SCHOOL1, SCHOOL2_SHEET, () => main.buildTimeline());
    expect(alerts().at(-1)).toMatch(/Лист «Школа 2» принадлежит школе/);
    expect(sheet(TL2)).toBeUndefined();
    w.as(METODIST, SCHOOL2_SHEET, () => main.buildTimeline());
    expect(sheet(TL2)).toBeDefined();
    expect(sheet(TL2)!.protections.find((p) => p.range === null)!.editors).toEqual(expect.arrayContaining([SCHOOL2, METODIST]));
  });

  it("the district's own roadmap: its timeline keeps the plain name and only the district may change it", () => {
    w = createWorld();
    w.as(METODIST, 'Район', () => main.buildTimeline());
    expect(alerts()).toEqual([]);
    const whole = sheet('Календарный график')!.protections.find((p) => p.range === null)!;
    expect(whole.warningOnly).toBe(false);
    expect(whole.editors).toEqual(expect.arrayContaining([OWNER, METODIST]));
    expect(whole.editors).not.toContain(SCHOOL1);
    expect(() => w.runtime.userEdit('Календарный график', 2, 2, 'правка', { user: SCHOOL1 })).toThrow(/protected cell/);
  });

  it('rebuilding swaps the school\u2019s timeline in whole, and a user sheet with the same name is never written', () => {
    w = createWorld();
    w.runtime.seedSheet(TL1, [['Мой лист', 'не трогать']]);
    w.as(SCHOOL1, SCHOOL1_SHEET, () => main.buildTimeline());
    expect(texts(TL1)[0]!.slice(0, 2)).toEqual(['Мой лист', 'не трогать']);
    const own = `${TL1} (2)`;
    const first = sheet(own)!.sheetId;
    // From the timeline itself: it rebuilds the timeline of its own school.
    w.as(SCHOOL1, own, () => main.buildTimeline());
    expect(alerts()).toEqual([]);
    const names = w.snapshot().sheets.map((s) => s.name).filter((n) => n.startsWith(TL1));
    expect(names.sort()).toEqual([TL1, own].sort());
    expect(sheet(own)!.sheetId).not.toBe(first);
    expect(texts(TL1)[0]!.slice(0, 2)).toEqual(['Мой лист', 'не трогать']);
  });

  it('the district builds every school\u2019s timeline in batches that resume where they stopped', () => {
    w = createWorld();
    // A batch with no time left still builds one school, then saves where it stopped.
    const first = w.as(OWNER, SCHOOL1_SHEET, () => schoolTimelinesBatch(SpreadsheetApp.getActiveSpreadsheet(), 0));
    expect(first).toMatchObject({ finished: false, done: 1, total: 2 });
    expect(first.message).toMatch(/Обработано 1 из 2 школ/);
    expect(sheet(TL1)).toBeDefined();
    expect(sheet(TL2)).toBeUndefined();
    expect(w.properties()[TIMELINES_RUN_KEY]).toBeDefined();
    // The official stays on the sheet they were on.
    expect(w.as(OWNER, null, () => SpreadsheetApp.getActiveSheet().getName())).toBe(SCHOOL1_SHEET);
    // The menu item continues from there.
    w.as(OWNER, SCHOOL1_SHEET, () => main.buildSchoolTimelines());
    expect(sheet(TL2)).toBeDefined();
    expect(w.properties()[TIMELINES_RUN_KEY]).toBeUndefined();
    const toast = w.runtime.uiEvents.filter((e) => e.type === 'toast').at(-1);
    expect(toast && toast.type === 'toast' ? toast.message : '').toMatch(/построены для 2 школ из 2/);
    expect(w.snapshot().sheets.filter((s) => s.name.startsWith('Календарный график'))).toHaveLength(2);
  });

  it("a school's editor may not run «Календарные графики школ»", () => {
    w = createWorld();
    w.as(SCHOOL1, SCHOOL1_SHEET, () => main.buildSchoolTimelines());
    expect(alerts().at(-1)).toMatch(/район/i);
    expect(sheet(TL1)).toBeUndefined();
  });

  it('calls per school do not grow with its rows', () => {
    const perSchool = (): number => {
      w = createWorld();
      w.runtime.calls.reset();
      w.as(METODIST, SCHOOL1_SHEET, () => main.buildTimeline());
      const n = w.runtime.calls.total();
      w.dispose();
      return n;
    };
    const small = perSchool();
    // The same build after the school's sheet grew by 300 rows.
    w = createWorld();
    w.as(METODIST, SCHOOL1_SHEET, () => {
      const s = SpreadsheetApp.getActiveSheet();
      const last = s.getLastRow();
      s.insertRowsAfter(s.getMaxRows(), 300);
      s.getRange(last + 1, 1, 300, 3).setValues(Array.from({ length: 300 }, (_, i) => [`9.${i + 1}.`, `Мероприятие ${i + 1}`, 'Май 2021']));
    });
    w.runtime.calls.reset();
    w.as(METODIST, SCHOOL1_SHEET, () => main.buildTimeline());
    expect(alerts()).toEqual([]);
    expect(w.runtime.calls.total()).toBeLessThanOrEqual(small + 2);
  });
});
