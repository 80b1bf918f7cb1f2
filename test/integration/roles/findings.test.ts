// The findings of issue 14 about roles, one test each, through the add-on's entry points.
import { afterEach, describe, expect, it } from 'vitest';
import * as main from '../../../src/addon/main';
import { PROTECTED_MESSAGE, toUserError } from '../../../src/addon/errors';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { toSheetSerial } from '../../../src/core/dates';
import {
  DISTRICT_SHEET, METODIST, OWNER, SCHOOL1, SCHOOL1_SHEET, SCHOOL2, SCHOOL2_SHEET, createWorld, orderRequest, type World,
} from './world';

const PROTECTED = /protected cell/;
const column = (key: string): number => CANONICAL_COLUMNS.findIndex((c) => c.key === key) + 1;
const DEADLINE = column('deadline');
const HELPER_START = CANONICAL_COLUMNS.findIndex((c) => c.key === 'helperStart') + 1;

let w: World;
afterEach(() => w.dispose());

const cells = (name: string): string[][] => w.snapshot().sheets.find((s) => s.name === name)!.cells.map((r) => r.map((c) => c?.text ?? ''));
const firstItemRow = (name: string): number => cells(name).findIndex((r, i) => i > 0 && r[1] !== '' && r[10] !== 'section') + 1;
/** A helper date cell shows the day, or its serial where the row has no date format yet. */
const day = (iso: string): string[] => [iso, String(toSheetSerial(iso))];
const storeBytes = (props: Record<string, string>): number => Object.entries(props).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);

describe('what the district owns is the district\'s', () => {
  it("a school's editor cannot type into the district's roadmap, registry, journal or «Свод»", () => {
    w = createWorld();
    for (const sheet of [DISTRICT_SHEET, 'Организации', 'Журнал приказов', 'Свод']) {
      expect(() => w.runtime.userEdit(sheet, 3, 2, 'правка школы', { user: SCHOOL1 }), sheet).toThrow(PROTECTED);
      // …and the district's editors still can
      w.runtime.userEdit(sheet, 40, 2, 'правка района', { user: METODIST });
    }
  });

  it('48 crafted settings calls by a school fill nothing: recognition still works for everyone', () => {
    w = createWorld();
    const before = storeBytes(w.properties());
    const sheets = (k: number) => Array.from({ length: 200 }, (_, i) => ({ sheetId: 10_000 + k * 200 + i, isRoadmap: true, planStart: '2023-01-01', planEnd: '2023-12-31' }));
    let refused = 0;
    for (let k = 0; k < 48; k++) {
      try {
        w.as(SCHOOL1, SCHOOL1_SHEET, () => main.saveRoadmapSettings({ soonDays: 14, sheets: sheets(k) }));
      } catch {
        refused++;
      }
    }
    expect(refused).toBe(48);
    expect(storeBytes(w.properties())).toBe(before);
    expect(w.as(METODIST, DISTRICT_SHEET, () => main.checkRoadmap()).sheetName).toBe(DISTRICT_SHEET);
  });
});

describe('each organisation numbers its own orders', () => {
  it("a school's № 1 does not block the district's № 1, and neither sees the other's journal", () => {
    w = createWorld(); // the district has made its order № 1
    const school = w.as(SCHOOL1, SCHOOL1_SHEET, () => main.createOrder(orderRequest('1')));
    expect(school.number).toBe('1');
    expect(cells('Журнал приказов — Школа 1').map((r) => r[1])).toEqual(['Номер', '1']);
    expect(cells('Журнал приказов').map((r) => r[1])).toEqual(['Номер', '1']);
    expect(w.as(SCHOOL1, SCHOOL1_SHEET, () => main.getOrderSetup('approval')).nextNumber).toBe('2');
    expect(w.as(SCHOOL2, SCHOOL2_SHEET, () => main.getOrderSetup('approval')).nextNumber).toBe('1');
    expect(w.as(METODIST, DISTRICT_SHEET, () => main.getOrderSetup('approval')).nextNumber).toBe('2');
    // on the district's sheet the order panel says at once that the order is not the school's
    const foreign = w.as(SCHOOL1, DISTRICT_SHEET, () => main.getOrderSetup('approval'));
    expect(foreign.blocking[0]).toBe('Лист «Район» — дорожная карта района: приказ по нему издаёт и регистрирует в своём журнале только район. Чтобы сформировать приказ своей школы, откройте её лист: «Школа 1».');
    expect(w.as(SCHOOL1, SCHOOL1_SHEET, () => main.getOrderSetup('approval')).blocking).toEqual([]);
    // a second № 1 of the same school is still a duplicate
    expect(() => w.as(SCHOOL1, SCHOOL1_SHEET, () => main.createOrder(orderRequest('1')))).toThrow(/уже есть в журнале/);
    // the school's journal is the school's and the district's: another school cannot write it
    expect(() => w.runtime.userEdit('Журнал приказов — Школа 1', 5, 2, '99', { user: SCHOOL2 })).toThrow(PROTECTED);
    w.runtime.userEdit('Журнал приказов — Школа 1', 5, 3, 'примечание школы', { user: SCHOOL1 });
    w.runtime.userEdit('Журнал приказов — Школа 1', 6, 3, 'примечание района', { user: METODIST });
  });
});

describe("a school's editor works on its own sheet", () => {
  it('«Проверить» and «Обновить сроки и цвета» rewrite its helper columns; onEdit recolours its deadline edits', () => {
    w = createWorld();
    const row = firstItemRow(SCHOOL1_SHEET);
    // the school types a deadline; onEdit runs as the school (LIMITED) and writes that row's helper cells
    const event = w.runtime.userEdit(SCHOOL1_SHEET, row, DEADLINE, '01.02.2023', { user: SCHOOL1 });
    w.runtime.run('LIMITED', () => main.onEdit(event), { user: SCHOOL1 });
    expect(day('2023-02-01')).toContain(cells(SCHOOL1_SHEET)[row - 1]![HELPER_START - 1]);

    w.runtime.userEdit(SCHOOL1_SHEET, row, DEADLINE, '01.12.2023', { user: SCHOOL1 }); // no onEdit: as if the lock was busy
    const report = w.as(SCHOOL1, SCHOOL1_SHEET, () => main.checkRoadmap());
    expect(report.sheetName).toBe(SCHOOL1_SHEET);
    expect(day('2023-12-01')).toContain(cells(SCHOOL1_SHEET)[row - 1]![HELPER_START - 1]);
    w.runtime.userEdit(SCHOOL1_SHEET, row, DEADLINE, '01.03.2023', { user: SCHOOL1 });
    expect(w.as(SCHOOL1, SCHOOL1_SHEET, () => main.refreshRoadmap()).message).toMatch(/^Лист «Школа 1»: сроки и цвета обновлены/);
    expect(day('2023-03-01')).toContain(cells(SCHOOL1_SHEET)[row - 1]![HELPER_START - 1]);
    w.as(SCHOOL1, SCHOOL1_SHEET, () => main.refreshColours());
    expect(w.runtime.uiEvents.filter((e) => e.type === 'alert')).toEqual([]);
  });

  it('a protection that still refuses is explained in Russian, not in Google\'s English', () => {
    w = createWorld();
    let english = '';
    try {
      w.as(SCHOOL1, SCHOOL2_SHEET, () => SpreadsheetApp.getActiveSheet().getRange(2, HELPER_START).setValue('x'));
    } catch (error) {
      english = (error as Error).message;
    }
    expect(english).toMatch(PROTECTED);
    expect(toUserError(new Error(english)).message).toBe(PROTECTED_MESSAGE);
  });

  it('the district sidebar tells each role what it is', () => {
    w = createWorld();
    expect(['rono@example.org', SCHOOL1, 'stranger@example.org', ''].map((u) => w.as(u, null, () => main.getDistrictState()).role)).toEqual(['district', 'school', 'none', 'none']);
  });

  it('the owner keeps every right, in the roles as in the protections', () => {
    w = createWorld();
    expect(w.as(OWNER, SCHOOL2_SHEET, () => main.refreshRoadmap()).sheetName).toBe(SCHOOL2_SHEET);
  });
});

describe('where the district chooses, a school fills only status, completion date and mark', () => {
  it('locks activities, deadlines and responsibles; the school still reports and checks its own sheet', () => {
    w = createWorld();
    const templateId = w.sheetId(DISTRICT_SHEET);
    w.as(METODIST, DISTRICT_SHEET, () => main.startDistribution(templateId, 'progress'));
    expect(w.as(SCHOOL1, SCHOOL1_SHEET, () => main.getDistrictState()).schoolsEdit).toBe('progress');
    const row = firstItemRow(SCHOOL1_SHEET);
    for (const key of ['activity', 'deadline', 'responsible']) {
      expect(() => w.runtime.userEdit(SCHOOL1_SHEET, row, column(key), 'правка школы', { user: SCHOOL1 }), key).toThrow(PROTECTED);
    }
    w.runtime.userEdit(SCHOOL1_SHEET, row, column('status'), 'Выполнено', { user: SCHOOL1 });
    w.runtime.userEdit(SCHOOL1_SHEET, row, column('doneDate'), '10.03.2023', { user: SCHOOL1 });
    w.runtime.userEdit(SCHOOL1_SHEET, row, column('mark'), 'Приказ № 5 от 10.03.2023', { user: SCHOOL1 });
    // another school may not report for it
    expect(() => w.runtime.userEdit(SCHOOL1_SHEET, row, column('status'), 'Отменено', { user: SCHOOL2 })).toThrow(PROTECTED);
    // the school's own check and refresh still write its helper columns; the district's rules stay
    const rules = w.snapshot().sheets.find((x) => x.name === SCHOOL1_SHEET)!.conditionalRules;
    expect(w.as(SCHOOL1, SCHOOL1_SHEET, () => main.refreshRoadmap()).sheetName).toBe(SCHOOL1_SHEET);
    expect(cells(SCHOOL1_SHEET)[row - 1]![CANONICAL_COLUMNS.length]).toBe('выполнено');
    expect(w.snapshot().sheets.find((x) => x.name === SCHOOL1_SHEET)!.conditionalRules).toEqual(rules);
    // the district edits everything, and may give the sheets back to the schools
    w.runtime.userEdit(SCHOOL1_SHEET, row, column('deadline'), 'Апрель 2023', { user: METODIST });
    w.as(METODIST, DISTRICT_SHEET, () => main.startDistribution(templateId, 'all'));
    w.runtime.userEdit(SCHOOL1_SHEET, row, column('activity'), 'Уточнённое мероприятие', { user: SCHOOL1 });
    expect(() => w.runtime.userEdit(SCHOOL1_SHEET, row, column('status'), 'Отменено', { user: SCHOOL2 })).toThrow(PROTECTED);
  });
});
