// «Календарный график»: bars drawn by conditional formatting over the roadmap's helper columns,
// for a fixed today, staying right as days pass with nothing re-run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSheet } from '../../../preview/gas/spreadsheet/sheet';
import { onEdit } from '../../../src/addon/roadmap/actions';
import { recognizeTable } from '../../../src/addon/roadmap/actions';
import { buildTimeline } from '../../../src/addon/roadmap/timeline';
import { BAR_LEGEND } from '../../../src/core/roadmap/timeline';
import { createHarness, recognisedHarness, texts, type Harness } from './harness';
import { pastedRoadmap } from './tables';

let h: Harness;
afterEach(() => {
  vi.restoreAllMocks();
  h?.dispose();
});

const COLOUR = new Map(BAR_LEGEND.map((l) => [l.background, l.key]));

const TABLE: unknown[][] = [
  ['План мероприятий (дорожная карта) на 2022-2023 гг.'],
  ['№ п/п', 'Мероприятие', 'Срок', 'Ответственные', 'Результат', 'Статус', 'Дата выполнения'],
  ['1.', 'Организация', '', '', '', '', ''],
  ['1.1.', 'Отчёт о наставничестве', 'Май 2022,2023г', 'Куратор', 'Отчёт', '', ''],
  ['1.2.', 'Зимняя школа наставников', 'Декабрь 2022 - февраль 2023', 'Методист', 'Программа', '', ''],
  ['1.3.', 'Положение', 'До 01.03.2022', 'Директор', 'Приказ', '', ''],
  ['1.4.', 'Рабочая группа', 'Январь 2022', 'Директор', 'Приказ', 'Выполнено', '20.01.2022'],
  ['1.5.', 'Форум', 'Июнь-июль 2023 года', 'Директор', 'Программа', '', ''],
];

/** Bar colours of one timeline row by column label, e.g. { 'май 2022': 'upcoming' }. */
function bars(h: Harness, sheetName: string, activity: string): Record<string, string> {
  const sheet = h.sheet(sheetName);
  const t = texts(sheet);
  const row = t.findIndex((r) => r[1] === activity);
  expect(row, activity).toBeGreaterThan(0);
  const out: Record<string, string> = {};
  let year = '';
  for (let c = 4; c < t[3]!.length; c++) {
    if (sheet.hiddenColumns.includes(c + 1)) break;
    if (t[2]![c]) year = t[2]![c]!;
    const key = COLOUR.get(sheet.cells[row]![c]?.background ?? '');
    if (key && key !== 'today') out[`${t[3]![c]} ${year}`] = key;
  }
  return out;
}

function setup(today: string): string {
  let name: string;
  ({ h, sheet: name } = recognisedHarness(today, TABLE));
  h.run(() => buildTimeline());
  expect(h.alerts()).toEqual([]);
  return name;
}

describe('Календарный график', () => {
  it('draws each item\u2019s periods by month, across the year end and for every occurrence of a recurring deadline', () => {
    setup('2022-12-15');
    const tl = 'Календарный график';
    const labels = texts(h.sheet(tl))[3]!;
    expect(labels.slice(0, 6)).toEqual(['№', 'Пункт плана', 'Срок', 'Статус', 'янв', 'фев']);
    expect(bars(h, tl, 'Зимняя школа наставников')).toEqual({ 'дек 2022': 'active', 'янв 2023': 'active', 'фев 2023': 'active' });
    expect(bars(h, tl, 'Отчёт о наставничестве')).toEqual({ 'май 2022': 'past', 'май 2023': 'upcoming' });
    // «До 01.03.2022»: from the plan's start to 1 March inclusive.
    expect(bars(h, tl, 'Положение')).toEqual({ 'янв 2022': 'overdue', 'фев 2022': 'overdue', 'мар 2022': 'overdue' });
    expect(bars(h, tl, 'Рабочая группа')).toEqual({ 'янв 2022': 'done' });
    expect(bars(h, tl, 'Форум')).toEqual({ 'июн 2023': 'upcoming', 'июл 2023': 'upcoming' });
  });

  it('stays right as days pass and follows edits of the roadmap, with nothing rebuilt', () => {
    const roadmap = setup('2022-12-15');
    const tl = 'Календарный график';
    h.setToday('2023-05-10');
    expect(bars(h, tl, 'Отчёт о наставничестве')).toEqual({ 'май 2022': 'past', 'май 2023': 'active' });
    expect(bars(h, tl, 'Зимняя школа наставников')).toEqual({ 'дек 2022': 'overdue', 'янв 2023': 'overdue', 'фев 2023': 'overdue' });
    // Today's column: the header of May 2023 is marked, and so are the empty cells below it.
    const sheet = h.sheet(tl);
    const t = texts(sheet);
    const may2023 = t[3]!.findIndex((label, c) => label === 'май' && c > 4 + 12);
    expect(sheet.cells[3]![may2023]!.background).toBe('#e69138');
    const empty = t.findIndex((r) => r[1] === 'Рабочая группа');
    expect(COLOUR.get(sheet.cells[empty]![may2023]!.background ?? '')).toBe('today');
    // A person marks the winter school done on the roadmap: the timeline follows at once.
    const row = texts(h.sheet(roadmap)).findIndex((r) => r[1] === 'Зимняя школа наставников') + 1;
    const e = h.runtime.userEdit(roadmap, row, 6, 'Выполнено');
    h.run(() => onEdit(e), 'LIMITED');
    expect(bars(h, tl, 'Зимняя школа наставников')).toEqual({ 'дек 2022': 'done', 'янв 2023': 'done', 'фев 2023': 'done' });
    expect(texts(h.sheet(tl)).find((r) => r[1] === 'Зимняя школа наставников')![3]).toBe('Выполнено');
  });

  it('a short plan is drawn by weeks', () => {
    h = createHarness('2023-03-01');
    h.runtime.seedSheet('План', [
      ['План подготовки к ГИА на март-апрель 2023 г.'],
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['1.', 'Пробный экзамен', '15.03.2023', 'Завуч'],
      ['2.', 'Консультации', 'До 20.04.2023', 'Учителя'],
    ]);
    h.run(() => recognizeTable());
    h.run(() => buildTimeline());
    expect(h.alerts()).toEqual([]);
    const t = texts(h.sheet('Календарный график'));
    // No plan period is set, so «До 20.04.2023» runs from 1 January (the year of today stands in):
    // 1 January – 20 April is under four months. Weeks begin on Mondays: 26.12.2022 is the first.
    expect(t[3]!.slice(4, 6)).toEqual(['26.12', '02.01']);
    expect(t[2]!.slice(4, 6)).toEqual(['декабрь 2022', 'январь 2023']);
    expect(t[3]!.filter((label, c) => c >= 4 && label).length).toBe(17);
    expect(bars(h, 'Календарный график', 'Пробный экзамен')).toEqual({ '13.03 март 2023': 'upcoming' });
    // A bar takes the colour of its period as a whole: «До 20.04.2023» is under way in every week it spans.
    const consultations = Object.values(bars(h, 'Календарный график', 'Консультации'));
    expect(consultations).toEqual(new Array(17).fill('active'));
  });

  it('rebuilding replaces only its own sheet; a failure midway keeps the previous timeline', () => {
    setup('2022-12-15');
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('План')!.activate());
    // A person's own sheet called «Календарный график (2)» is never touched.
    h.runtime.seedSheet('Календарный график (2)', [['моё']]);
    const before = h.sheet('Календарный график');
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('План — дорожная карта')!.activate());
    vi.spyOn(FakeSheet.prototype, 'hideRows').mockImplementation(() => {
      throw new Error('Service Spreadsheets failed while accessing document');
    });
    h.run(() => buildTimeline());
    expect(h.alerts()[0]).toMatch(/Сервер Google временно не ответил/);
    const names = (): string[] => h.runtime.snapshot().sheets.map((s) => s.name);
    expect(names()).toEqual(['План', 'План — дорожная карта', 'Календарный график', 'Календарный график (2)']);
    expect(h.sheet('Календарный график')).toEqual(before);
    vi.restoreAllMocks();
    // From the timeline itself, rebuilding draws its roadmap again, in the same place.
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Календарный график')!.activate());
    h.run(() => buildTimeline());
    expect(h.alerts()).toHaveLength(1);
    expect(names()).toEqual(['План', 'План — дорожная карта', 'Календарный график', 'Календарный график (2)']);
    expect(texts(h.sheet('Календарный график (2)'))).toEqual([['моё']]);
    expect(h.sheet('Календарный график').sheetId).not.toBe(before.sheetId);
  });

  it('a sheet that is not a roadmap gets a Russian message and no timeline', () => {
    h = createHarness('2023-03-01');
    h.runtime.seedSheet('Заметки', [['просто текст']]);
    h.runtime.seedSheet('Ещё', [['и тут']]);
    h.run(() => buildTimeline());
    expect(h.alerts()[0]).toMatch(/не похож на дорожную карту/);
    expect(h.runtime.snapshot().sheets.map((s) => s.name)).toEqual(['Заметки', 'Ещё']);
  });

  it('service calls do not grow with rows: one read and one write of the block', () => {
    const measure = (items: number): Record<string, number> => {
      h = createHarness('2023-05-20');
      h.runtime.seedSheet('Вставка', pastedRoadmap(items));
      h.run(() => recognizeTable());
      h.runtime.calls.reset();
      h.run(() => buildTimeline());
      expect(h.alerts()).toEqual([]);
      const counts = h.runtime.calls.snapshot();
      h.dispose();
      return counts;
    };
    const small = measure(10);
    const large = measure(1_000);
    // The one difference: 1,000 items need more rows than a new sheet has (one call).
    expect(large['Sheet.insertRowsAfter']).toBe(1);
    delete large['Sheet.insertRowsAfter'];
    expect(large).toEqual(small);
    expect(small['Range.getValues']).toBe(1);
    expect(small['Range.setValues']).toBe(2); // the roadmap's helper columns, then the timeline
  });
});
