// «Проверить» warns about an item «Выполнено» whose «Отметка о выполнении» is empty (a setting, on by
// default, switched off in «Настройки дорожной карты»); the same check on a district's school sheets.
import { afterEach, describe, expect, it } from 'vitest';
import { checkRoadmap, getRoadmapSettings, onEdit, saveRoadmapSettings } from '../../../src/addon/roadmap/actions';
import { checkAll } from '../../../src/addon/district/check-all';
import { continueDistribution, startDistribution } from '../../../src/addon/district/distribute';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { SETTINGS_KEY } from '../../../src/addon/roadmap/settings';
import { recognisedHarness, texts, type Harness } from './harness';
import { SCHOOL1, createDistrict, fixture, type District } from '../district/harness';

const col = (key: string) => CANONICAL_COLUMNS.findIndex((c) => c.key === key) + 1;
const [STATUS, DONE_DATE, MARK] = [col('status'), col('doneDate'), col('mark')];

const TABLE: unknown[][] = [
  ['План мероприятий на 2023 год'],
  ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат'],
  ['1.', 'Педсовет', 'Январь 2023', 'Директор', 'Протокол'],
  ['2.', 'Назначение куратора', 'Февраль 2023', 'Директор', 'Приказ'],
  ['3.', 'Семинар наставников', 'Март 2023', 'Куратор', 'Программа'],
];

let h: Harness | undefined;
let d: District | undefined;
afterEach(() => {
  h?.dispose();
  d?.dispose();
  h = d = undefined;
});

/** Rows 2–4 of the recognised sheet (its header is row 1): done without a mark, done with one, in progress without one. */
function seeded(): string {
  const r = recognisedHarness('2023-06-01', TABLE);
  h = r.h;
  h.run(() => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(r.sheet)!;
    sheet.getRange(2, STATUS, 3, 2).setValues([['Выполнено', '20.01.2023'], ['Выполнено', '15.02.2023'], ['В работе', '']]);
    sheet.getRange(3, MARK).setValue('Протокол № 3 от 15.02.2023');
    sheet.activate();
  });
  return r.sheet;
}

const markWarnings = () => h!.run(() => checkRoadmap()).rows.flatMap((r) => r.problems).filter((p) => p.code === 'done-without-mark');

describe('«Выполнено» without a mark', () => {
  it('is a warning naming the row and the column «Отметка о выполнении», pointing at that cell; a filled mark or an open item is not', () => {
    const sheet = seeded();
    const warnings = markWarnings();
    expect(warnings).toEqual([{
      row: 2, column: MARK, columnTitle: 'Отметка о выполнении', severity: 'warning', code: 'done-without-mark', fix: null,
      message: 'Строка 2, столбец «Отметка о выполнении»: статус «Выполнено», но отметка о выполнении пуста: укажите документ или ссылку, подтверждающие выполнение.',
    }]);
    expect(texts(h!.sheet(sheet))[0]![MARK - 1]).toBe('Отметка о выполнении');
    // A warning only: no highlight of the row's cells for it.
    expect(h!.sheet(sheet).cells[1]![MARK - 1]?.background).toBeUndefined();
    expect(h!.sheet(sheet).cells[1]![DONE_DATE - 1]?.background).toBeUndefined();
  });

  it('is switched off and on again in «Настройки дорожной карты» (on by default), for the whole spreadsheet', () => {
    seeded();
    // A status change made the hidden «История изменений»: the settings do not offer it as a roadmap.
    const e = h!.runtime.userEdit('План — дорожная карта', 4, STATUS, 'Выполнено');
    h!.run(() => onEdit(e), 'LIMITED');
    expect(h!.runtime.snapshot().sheets.map((s) => s.name)).toContain('История изменений');
    const view = h!.run(() => getRoadmapSettings());
    expect(view.sheets.map((s) => s.name)).toEqual(['План', 'План — дорожная карта']);
    expect(view.requireMark).toBe(true);
    const sheets = view.sheets.map((s) => ({ sheetId: s.sheetId, isRoadmap: s.isRoadmap, planStart: s.planStart, planEnd: s.planEnd }));
    const saved = h!.run(() => saveRoadmapSettings({ soonDays: view.soonDays, requireMark: false, sheets }));
    expect(saved.requireMark).toBe(false);
    expect(JSON.parse(h!.runtime.properties('document')[SETTINGS_KEY]!)).toEqual({ soonDays: view.soonDays, requireMark: false });
    expect(markWarnings()).toEqual([]);
    // A sidebar that does not send the setting leaves it as it is.
    h!.run(() => saveRoadmapSettings({ soonDays: view.soonDays, sheets }));
    expect(markWarnings()).toEqual([]);
    h!.run(() => saveRoadmapSettings({ soonDays: view.soonDays, requireMark: true, sheets }));
    expect(markWarnings().map((p) => p.row)).toEqual([2, 4]);
  });
});

describe('«Проверить все школы»', () => {
  it('warns about a school\'s row marked done without a mark, with the school sheet\'s row and column', () => {
    d = createDistrict('2023-03-15', fixture('derbent-2023'));
    d.run(() => {
      let p = startDistribution(d!.ss(), d!.templateId);
      while (!p.finished) p = continueDistribution(d!.ss());
    });
    const rows = texts(d.sheet('Школа 1'));
    const item = rows.findIndex((r, i) => i > 0 && r[10] !== 'section' && r[1] !== '') + 1;
    d.runtime.userEdit('Школа 1', item, STATUS, 'Выполнено', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 1', item, DONE_DATE, '01.03.2023', { user: SCHOOL1 });
    const school = d.run(() => checkAll(d!.ss())).schools.find((s) => s.sheetName === 'Школа 1')!;
    const flagged = school.report!.rows.find((r) => r.row === item)!.problems.filter((p) => p.code === 'done-without-mark');
    expect(flagged.map((p) => p.message)).toEqual([
      `Строка ${item}, столбец «Отметка о выполнении»: статус «Выполнено», но отметка о выполнении пуста: укажите документ или ссылку, подтверждающие выполнение.`,
    ]);
    d.runtime.userEdit('Школа 1', item, MARK, 'Приказ № 12 от 01.03.2023', { user: SCHOOL1 });
    const again = d.run(() => checkAll(d!.ss())).schools.find((s) => s.sheetName === 'Школа 1')!;
    expect(again.report!.rows.flatMap((r) => r.problems).filter((p) => p.code === 'done-without-mark')).toEqual([]);
  });
});
