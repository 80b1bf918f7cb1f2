// Bad input gets a clear Russian message, and nothing is lost or half-written.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSheet } from '../../../preview/gas/spreadsheet/sheet';
import {
  checkRoadmap, createRoadmap, getRecognitionReport, recognizeTable, refreshColours, refreshRoadmap,
} from '../../../src/addon/roadmap/actions';
import { legend } from '../../../src/core/roadmap/colour';
import { createHarness, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => {
  vi.restoreAllMocks();
  h?.dispose();
});
const BG = new Map(legend(14).map((l) => [l.key, l.background]));
const HEADER = ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат'];

function recognizeFails(cells: unknown[][], message: RegExp): void {
  h = createHarness('2023-06-01');
  h.runtime.seedSheet('Вставка', cells);
  const before = JSON.stringify(h.runtime.snapshot());
  h.run(() => recognizeTable());
  expect(h.alerts()).toHaveLength(1);
  expect(h.alerts()[0]).toMatch(message);
  expect(JSON.stringify(h.runtime.snapshot())).toBe(before); // no new sheet, source untouched
}

function recognizeOk(cells: unknown[][]) {
  h = createHarness('2023-06-01');
  h.runtime.seedSheet('Вставка', cells);
  const source = JSON.stringify(h.sheet('Вставка'));
  h.run(() => recognizeTable());
  expect(h.alerts()).toEqual([]);
  expect(JSON.stringify(h.sheet('Вставка'))).toBe(source);
  return { report: h.run(() => getRecognitionReport()).report!, rows: texts(h.sheet('Вставка — дорожная карта')) };
}

describe('«Распознать таблицу» on bad input', () => {
  it('an empty sheet', () => recognizeFails([], /Лист пуст/));
  it('only a title', () => recognizeFails([['План мероприятий на 2023 год']], /Не найдена строка заголовков/));
  it('a header with nothing under it', () => recognizeFails([HEADER], /ни одного мероприятия/));

  it('no header row, but numbered rows: columns taken in the usual order, with a warning', () => {
    const { report, rows } = recognizeOk([['1.', 'Семинар', 'Май 2023', 'Методист'], ['2.', 'Отчёт', 'Июнь 2023', 'Куратор']]);
    expect(report.warnings.join(' ')).toMatch(/Строка заголовков не найдена/);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([['1.', 'Семинар', 'Май 2023', 'Методист'], ['2.', 'Отчёт', 'Июнь 2023', 'Куратор']]);
  });

  it('two tables on one sheet: the first is taken and the second named in a warning', () => {
    const second = ['№ п/п', 'Наименование мероприятия', 'Сроки', 'Исполнители', 'Итог'];
    const { report } = recognizeOk([HEADER, ['1.', 'Семинар', 'Май 2023', 'Методист', ''], [], second, ['1.', 'Другое', 'Июнь 2023', 'Куратор', '']]);
    expect(report.items).toBe(1);
    expect(report.warnings.join(' ')).toMatch(/вторая таблица/);
  });

  it('merged cells (text only in the first cell) become a section', () => {
    const { rows } = recognizeOk([HEADER, ['1. Организационные мероприятия', '', '', '', ''], ['1.1.', 'Семинар', 'Май 2023', 'Методист', '']]);
    expect(rows[1]!.slice(0, 3)).toEqual(['1.', 'Организационные мероприятия', '']);
  });

  it('numbers and Dates where text is expected are kept as the text a person saw', () => {
    const { rows } = recognizeOk([HEADER, [1, 2023, '20.02.2023', 'Куратор', 15], [2, 'Отчёт', '01.03.23', 'Куратор', '']]);
    expect(rows[1]!.slice(0, 5)).toEqual(['1', '2023', '20.02.2023', 'Куратор', '15']);
    expect(rows[2]![2]).toBe('01.03.2023'); // typed 01.03.23: Sheets made it a date; its day is kept
  });

  it('a 50,000-character cell is carried over intact; a longer one (from a document) is refused', () => {
    const long = 'а'.repeat(50_000);
    const { rows } = recognizeOk([HEADER, ['1.', long, 'Май 2023', 'Методист', '']]);
    expect(rows[1]![1]).toBe(long);
    h.dispose();
    recognizeFails([HEADER, ['1.', `${long}бб`, 'Май 2023', 'Методист', '']], /50 000/);
  });

  it('formulas: their values are taken, and text that looks like a formula stays text', () => {
    const { rows } = recognizeOk([HEADER, ['1.', '=2+3', 'Май 2023', "'=Куратор", "'+ отчёт"]]);
    expect(rows[1]!.slice(0, 5)).toEqual(['1.', '5', 'Май 2023', '=Куратор', '+ отчёт']);
    const cells = h.sheet('Вставка — дорожная карта').cells[1]!;
    expect(cells[3]!.formula).toBeUndefined();
    const report = h.run(() => checkRoadmap());
    expect(report.rows[0]!.problems.some((p) => p.code === 'formula-like' && p.columnTitle === 'Ответственные')).toBe(true);
  });

  it('a sheet the add-on already laid out is not copied again', () => {
    recognizeOk([HEADER, ['1.', 'Семинар', 'Май 2023', 'Методист', '']]);
    h.run(() => h.runtime.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка — дорожная карта')!.activate());
    h.run(() => recognizeTable());
    expect(h.alerts()[0]).toMatch(/уже оформлен как дорожная карта/);
  });

  it('never overwrites an existing sheet: picks a free name', () => {
    h = createHarness('2023-06-01');
    h.runtime.seedSheet('Вставка', [HEADER, ['1.', 'Семинар', 'Май 2023', 'Методист', '']]);
    h.runtime.seedSheet('Вставка — дорожная карта', [['чужие данные']]);
    h.run(() => h.runtime.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!.activate());
    h.run(() => recognizeTable());
    expect(texts(h.sheet('Вставка — дорожная карта'))).toEqual([['чужие данные']]);
    expect(texts(h.sheet('Вставка — дорожная карта (2)'))[1]![1]).toBe('Семинар');
  });

  it('a failure while writing leaves no half-written sheet behind', () => {
    h = createHarness('2023-06-01');
    h.runtime.seedSheet('Вставка', [HEADER, ['1.', 'Семинар', 'Май 2023', 'Методист', '']]);
    const before = JSON.stringify(h.runtime.snapshot());
    vi.spyOn(FakeSheet.prototype, 'setConditionalFormatRules').mockImplementation(() => {
      throw new Error('Service Spreadsheets failed while accessing document');
    });
    h.run(() => recognizeTable());
    expect(h.alerts()[0]).toMatch(/^Не удалось выполнить действие\. Сервер Google временно не ответил\. Подождите минуту и повторите действие\.$/);
    expect(JSON.stringify(h.runtime.snapshot())).toBe(before);
  });

  it('the document lock held elsewhere: a clear message and nothing written', () => {
    h = createHarness('2023-06-01');
    h.runtime.seedSheet('Вставка', [HEADER, ['1.', 'Семинар', 'Май 2023', 'Методист', '']]);
    const release = h.runtime.holdDocumentLock();
    const before = JSON.stringify(h.runtime.snapshot());
    h.run(() => recognizeTable());
    release();
    expect(h.alerts()[0]).toMatch(/Повторите через несколько секунд/);
    expect(JSON.stringify(h.runtime.snapshot())).toBe(before);
  });
});

describe('the roadmap sheet after people changed it', () => {
  function created(): string {
    recognizeOk([['План на 2023 год'], HEADER, ['1.', 'Семинар', 'Май 2023', 'Методист', ''], ['2.', 'Отчёт', 'Июнь 2023', 'Куратор', '']]);
    return 'Вставка — дорожная карта';
  }

  it('renamed: still recognised, its plan period kept', () => {
    const name = created();
    h.run(() => h.runtime.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!.setName('Моя карта'));
    const report = h.run(() => checkRoadmap());
    expect(report.sheetName).toBe('Моя карта');
    expect(report.plan).toEqual({ start: '2023-01-01', end: '2023-12-31' });
  });

  it('columns reordered: rules follow the Срок column wherever it is, user values untouched', () => {
    const name = created();
    const rows = texts(h.sheet(name));
    // Swap «Срок» and «Ответственные» as a person dragging columns would.
    const swapped = rows.map((r) => r.map((v, c) => (c === 2 ? r[3]! : c === 3 ? r[2]! : v)));
    h.runtime.seedSheet(name, swapped);
    const userBefore = texts(h.sheet(name)).map((r) => r.slice(0, 8));
    h.run(() => refreshRoadmap());
    expect(texts(h.sheet(name)).map((r) => r.slice(0, 8))).toEqual(userBefore);
    const cells = h.sheet(name).cells;
    expect(cells[1]![3]!.background).toBe(BG.get('overdue')); // «Май 2023» ended 31.05; today 01.06
    expect(cells[2]![3]!.background).toBe(BG.get('active'));
    expect(cells[1]![2]!.background).toBeUndefined(); // «Ответственные» now in column C: no deadline colour
  });

  it('helper columns deleted: «Обновить сроки и цвета» puts them back', () => {
    const name = created();
    const rows = texts(h.sheet(name)).map((r) => r.slice(0, 8));
    h.run(() => {
      const sheet = h.runtime.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
      sheet.getRange(1, 9, sheet.getMaxRows(), sheet.getMaxColumns() - 8).clear();
      sheet.setConditionalFormatRules([]);
    });
    h.run(() => refreshColours());
    expect(h.alerts()).toEqual([]);
    const after = texts(h.sheet(name));
    expect(after.map((r) => r.slice(0, 8))).toEqual(rows);
    expect(after[0]).toContain('Расцветка (служебное)');
    expect(h.sheet(name).cells[2]![2]!.background).toBe(BG.get('active'));
  });

  it('a failure while refreshing puts the helper columns back as they were', () => {
    const name = created();
    // A person changed a deadline while the add-on was not listening (no onEdit): helpers are stale.
    const rows = texts(h.sheet(name));
    rows[2]![2] = 'Декабрь 2023';
    h.runtime.seedSheet(name, rows.map((r) => r.slice(0, 8)));
    const before = JSON.stringify(h.sheet(name).cells);
    vi.spyOn(FakeSheet.prototype, 'setConditionalFormatRules').mockImplementation(() => {
      throw new Error('Service Spreadsheets failed while accessing document');
    });
    expect(() => h.run(() => refreshRoadmap())).toThrow(/Не удалось выполнить действие/);
    expect(JSON.stringify(h.sheet(name).cells)).toBe(before);
  });

  it('«Создать дорожную карту» asks for the plan period and refuses one it cannot read', () => {
    h = createHarness('2023-06-01');
    h.runtime.answerNext({ button: 'OK', text: 'когда-нибудь' });
    h.run(() => createRoadmap());
    expect(h.alerts()[0]).toMatch(/Период плана «когда-нибудь» не распознан/);
    h.runtime.answerNext({ button: 'OK', text: '2024–2026' });
    h.run(() => createRoadmap());
    const report = h.run(() => checkRoadmap());
    expect(report.sheetName).toBe('Дорожная карта');
    expect(report.plan).toEqual({ start: '2024-01-01', end: '2026-12-31' });
    expect(texts(h.sheet('Дорожная карта'))[0]!.slice(0, 8)).toEqual(['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат (вид документа)', 'Статус', 'Дата выполнения', 'Отметка о выполнении']);
    const snap = h.sheet('Дорожная карта');
    expect(snap.frozenRows).toBe(1);
    expect(snap.hiddenColumns).toContain(9);
    expect(snap.protections.some((p) => p.warningOnly)).toBe(true);
    expect(snap.validations.some((v) => v.values.includes('Выполнено'))).toBe(true);
  });
});

describe('item numbers the spreadsheet read as dates', () => {
  it('«1.1» and «1.2» that became 1 January and 1 February are restored as «1.1.» and «1.2.»', () => {
    h = createHarness('2023-06-01');
    const asDate = (d: number, m: number): Date => new Date(Date.UTC(2023, m - 1, d) - 3 * 3_600_000); // midnight in Moscow
    h.runtime.seedSheet('Вставка', [HEADER, ['1.', 'Раздел', '', '', ''], [asDate(1, 1), 'Семинар', 'Май 2023', 'Методист', ''], [asDate(1, 2), 'Отчёт', 'Июнь 2023', 'Куратор', '']]);
    h.run(() => recognizeTable());
    expect(h.alerts()).toEqual([]);
    const rows = texts(h.sheet('Вставка — дорожная карта'));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1.', '1.1.', '1.2.']);
    expect(h.run(() => getRecognitionReport()).report!.warnings[0]).toMatch(/приняли некоторые номера пунктов за даты/);
  });
});

describe('a sheet far larger than a roadmap', () => {
  it('is refused before any work, with the reason', async () => {
    const { planRecognition } = await import('../../../src/addon/roadmap/recognize');
    const row = new Array<string>(100).fill('x');
    const values = Array.from({ length: 20_001 }, () => row);
    expect(() => planRecognition({ source: 'Лист1', values, timeZone: 'Europe/Moscow', today: '2023-06-01' })).toThrow(/больше, чем дополнение обрабатывает/);
  });
});
