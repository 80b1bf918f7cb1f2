// A service call that fails midway (Google's «Service Spreadsheets failed…», a timeout) at every
// call k of «Разослать школам» and «Свод»: each school sheet is left as it was or complete, the
// summary is the old one or the new one, and running the action again finishes the job with no
// duplicate rows or sheets.
import { afterEach, describe, expect, it } from 'vitest';
import { continueDistribution, startDistribution } from '../../../src/addon/district/distribute';
import { PREPARED_SHEET } from '../../../src/addon/district/school-sheet';
import { buildSummary } from '../../../src/addon/district/summary-sheet';
import { METODIST, OWNER, SCHOOL1, SCHOOL2, createDistrict, fixture, registryRows, type District } from './harness';

let d: District;
afterEach(() => d.dispose());

const TWO_SCHOOLS = registryRows([
  ['Управление образования', 'Район', `${OWNER}, ${METODIST}`],
  ['МБОУ «СОШ № 1»', 'Школа 1', SCHOOL1],
  ['МБОУ «СОШ № 2»', 'Школа 2', SCHOOL2],
]);
const ONE_SCHOOL = TWO_SCHOOLS.slice(0, 3);
const NEW_ROW = 'Новое мероприятие района';

function distribute(): void {
  d.run(() => {
    let p = startDistribution(d.ss(), d.templateId);
    while (!p.finished) p = continueDistribution(d.ss());
  });
}

/** Runs `fn` with the add-on's k-th service call failing; returns whether it failed. */
function withFaultAt(k: number, fn: () => void): boolean {
  const calls = d.runtime.calls;
  const record = calls.record.bind(calls);
  let n = 0;
  calls.record = (key: string, cells?: number) => {
    if (++n === k) throw new Error('Service Spreadsheets failed while accessing document with id 1DorozhnayaKarta.');
    record(key, cells);
  };
  try {
    fn();
    return false;
  } catch {
    return true;
  } finally {
    calls.record = record;
  }
}

/** Sheet names, read without evaluating any formula (a snapshot computes every cell). */
const sheetNames = (): string[] => d.runtime.tracker.internal(() => d.ss().getSheets().map((s) => s.getName()));

function callsOf(fn: () => void): number {
  d.runtime.calls.reset();
  fn();
  return d.runtime.calls.total();
}

/** Column B (activities) and the protections of a sheet, read without a snapshot (which colours every cell). */
function peek(name: string) {
  return d.runtime.tracker.internal(() => {
    const sheet = d.ss().getSheetByName(name)!;
    const protections = [...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET), ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)];
    return {
      activities: sheet.getRange(1, 2, sheet.getLastRow(), 1).getValues().map((r) => String(r[0])),
      status3: String(sheet.getRange(3, 7).getValue()),
      protections: protections.map((p) => ({
        range: p.getProtectionType() === SpreadsheetApp.ProtectionType.RANGE, warningOnly: p.isWarningOnly(),
        editors: p.getEditors().map((u) => u.getEmail()).sort(),
      })),
    };
  });
}

/** A school sheet is whole: protected for its school and the district, helper columns for the district only. */
function expectWhole(name: string, school: string, rowsExpected: string[]): void {
  const s = peek(name);
  expect(s.activities).toEqual(rowsExpected);
  const sheetP = s.protections.filter((p) => !p.range);
  expect(sheetP).toHaveLength(1);
  expect(sheetP[0]!.editors).toEqual([METODIST, OWNER, school].sort());
  const helpers = s.protections.filter((p) => p.range);
  expect(helpers).toHaveLength(1);
  expect(helpers[0]!.editors).toEqual([METODIST, OWNER].sort());
  expect(helpers[0]!.warningOnly).toBe(false);
}

describe('a service call failing midway', () => {
  it('of a first distribution leaves the school sheet absent or whole, and a rerun completes it', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'), ONE_SCHOOL);
    const total = callsOf(distribute);
    const template = peek('Район').activities;
    d.dispose();
    // every other call (≈ 250 in all, most of them building the prepared sheet; the rerun test below takes every one)
    for (let k = 1; k <= total; k += 2) {
      d = createDistrict('2023-03-15', fixture('khabez-2021'), ONE_SCHOOL);
      withFaultAt(k, distribute);
      if (sheetNames().includes('Школа 1')) expectWhole('Школа 1', SCHOOL1, template);
      distribute();
      expect([k, sheetNames().sort()]).toEqual([k, ['Организации', 'Район', 'Школа 1'].sort()]);
      expectWhole('Школа 1', SCHOOL1, template);
      d.dispose();
    }
    d = createDistrict('2023-03-15', fixture('khabez-2021'), ONE_SCHOOL);
  }, 180_000);

  it('of a rerun that adds a template row leaves each sheet with or without it, never half', () => {
    const setup = () => {
      d = createDistrict('2023-03-15', fixture('khabez-2021'), TWO_SCHOOLS);
      distribute();
      d.runtime.userEdit('Школа 1', 3, 7, 'Выполнено', { user: SCHOOL1 });
      d.run(() => {
        const t = d.ss().getSheetById(d.templateId)!;
        t.insertRowsAfter(4, 1);
        t.getRange(5, 1, 1, 6).setValues([['1.1.1.', NEW_ROW, 'Апрель 2023', 'Директор', 'Приказ', 'Не начато']]);
      });
    };
    setup();
    const before = peek('Школа 1').activities;
    const total = callsOf(distribute);
    const after = peek('Школа 1').activities;
    expect(after).toHaveLength(before.length + 1);
    d.dispose();
    for (let k = 1; k <= total; k++) {
      setup();
      withFaultAt(k, distribute);
      for (const [name, school] of [['Школа 1', SCHOOL1], ['Школа 2', SCHOOL2]] as const) {
        const now = peek(name);
        expect([k, name, now.activities.length === before.length ? before : after]).toEqual([k, name, now.activities]);
        expect(now.protections.filter((p) => !p.range)[0]!.editors).toContain(school);
      }
      expect(sheetNames()).not.toContain(PREPARED_SHEET);
      distribute();
      for (const [name, school] of [['Школа 1', SCHOOL1], ['Школа 2', SCHOOL2]] as const) expectWhole(name, school, after);
      expect(peek('Школа 1').status3).toBe('Выполнено');
      d.dispose();
    }
    setup();
  }, 180_000);

  it('of «Свод» leaves the previous summary, whole, or the new one', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'), TWO_SCHOOLS);
    distribute();
    d.run(() => buildSummary(d.ss()));
    const formulas = () => d.runtime.tracker.internal(() => {
      const s = d.ss().getSheetByName('Свод')!;
      return [s.getRange(1, 1, 6, 10).getFormulas(), s.getRange(1, 1, 6, 2).getValues(), s.getCharts().length, s.getProtections(SpreadsheetApp.ProtectionType.SHEET).length];
    });
    const whole = formulas();
    expect(whole[2]).toBe(1);
    const sheetsBefore = sheetNames();
    const total = callsOf(() => d.run(() => buildSummary(d.ss())));
    for (let k = 1; k <= total; k++) {
      withFaultAt(k, () => d.run(() => buildSummary(d.ss())));
      // the same registry: the old summary and the new one are alike, and nothing else is left
      expect([k, formulas()]).toEqual([k, whole]);
      expect([k, sheetNames()]).toEqual([k, sheetsBefore]);
    }
  }, 180_000);
});
