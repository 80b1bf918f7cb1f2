// Nothing a person typed is lost: the source's columns that match no canonical column become extra
// columns of the roadmap sheet (after the person's columns, before the helper columns), empty ones
// hidden; note rows become notes on the activity; the list of abbreviations is kept.
import { afterEach, describe, expect, it } from 'vitest';
import type { Recognition } from '../../../src/core';
import { rowsToItems } from '../../../src/core/roadmap';
import { checkRoadmap, getRecognitionReport, recognizeTable, refreshRoadmap } from '../../../src/addon/roadmap/actions';
import { prepareCanonical, writeCanonicalSheet } from '../../../src/addon/roadmap/canonical-sheet';
import { canonicalItems, extraLayout, hasFormulaErrors, planRecognition, recoverFormulaText } from '../../../src/addon/roadmap/recognize';
import { readSettings } from '../../../src/addon/roadmap/settings';
import { createHarness, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

/** What recognition returns for a plan with a «Примечание», a financing and a completion-mark column. */
function recognition(): Recognition {
  const item = (number: string, activity: string, deadline: string, extras: string[], more: Partial<Recognition['items'][number]> = {}) => ({
    number, level: number.split('.').filter(Boolean).length, isSection: false, activity, deadline, responsible: deadline ? 'Куратор' : '', result: '', sourceRows: [0], extras, ...more,
  });
  return {
    headerRow: 2,
    columns: { number: 0, activity: 1, deadline: 2, responsible: 3 },
    plan: { title: 'План мероприятий на 2023 год', start: '2023-01-01', end: '2023-12-31' },
    items: [
      item('1.', 'Организационные мероприятия', '', ['', '', ''], { isSection: true, sourceRows: [3] }),
      item('1.1.', 'Назначить куратора', 'Февраль 2023', ['Приказ ОО', '', 'выполнено'], { sourceRows: [4], note: '(в ред. приказа от 10.03.2023 № 12)' }),
      item('1.2.', 'Провести семинар', 'Май 2023', ['', '', ''], { sourceRows: [6] }),
    ],
    warnings: [],
    extraColumns: [
      { column: 4, header: 'Примечание' },
      { column: 5, header: 'Источник финансирования' },
      { column: 6, header: 'Отметка о выполнении' },
    ],
    abbreviations: ['ЦМН – целевая модель наставничества', 'ОО – образовательные организации'],
  };
}

function written(): string {
  const r = recognition();
  const extras = extraLayout(r);
  const plan = { title: r.plan!.title, planStart: r.plan!.start, planEnd: r.plan!.end, abbreviations: r.abbreviations! };
  return h.run(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return writeCanonicalSheet(ss, 'Карта', prepareCanonical(canonicalItems(r, extras), plan, '2023-03-15', extras.headers), plan).getName();
  });
}

describe('extra columns of the roadmap sheet', () => {
  it('keep their header and text between the person\'s columns and the helper columns; empty ones are hidden', () => {
    h = createHarness('2023-03-15');
    const name = written();
    const t = texts(h.sheet(name));
    expect(t[0]!.slice(0, 11)).toEqual([
      '№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат (вид документа)', 'Статус', 'Дата выполнения', 'Отметка о выполнении',
      'Примечание', 'Источник финансирования', 'Начало (служебное)',
    ]);
    expect(t[2]!.slice(7, 10)).toEqual(['выполнено', 'Приказ ОО', '']); // the source's mark fills the canonical column
    const snap = h.sheet(name);
    expect(snap.hiddenColumns).toContain(10); // «Источник финансирования»: empty, hidden, still there
    expect(snap.hiddenColumns).not.toContain(9);
    expect(snap.hiddenColumns).toContain(11); // the helper columns
    expect(snap.cells[2]![1]!.note).toBe('(в ред. приказа от 10.03.2023 № 12)');
    expect(snap.cells[0]![1]!.note).toBe('Сокращения, принятые в плане:\nЦМН – целевая модель наставничества\nОО – образовательные организации');
    const own = h.run(() => readSettings()).sheets[String(snap.sheetId)];
    expect(own?.abbreviations).toEqual(['ЦМН – целевая модель наставничества', 'ОО – образовательные организации']);
  });

  it('are read back, survive «Обновить сроки и цвета», and checks ignore them', () => {
    h = createHarness('2023-03-15');
    const name = written();
    h.run(() => refreshRoadmap());
    const t = texts(h.sheet(name));
    expect(t[2]![8]).toBe('Приказ ОО');
    const read = rowsToItems(t, 1);
    expect(read.extraColumns.map((x) => x.header)).toEqual(['Примечание', 'Источник финансирования']);
    expect(read.items[1]!.extras).toEqual(['Приказ ОО', '']);
    const report = h.run(() => checkRoadmap());
    const columns = report.rows.flatMap((r) => r.problems).map((p) => p.columnTitle);
    expect(columns).not.toContain('Примечание');
    expect(columns).not.toContain('Источник финансирования');
  });
});

describe('cells that show a formula error', () => {
  it('are taken back from the formula a person typed, with a warning naming the cells', () => {
    const values = [['№', 'Мероприятие', 'Срок', 'Ответственные'], ['1.', '#ERROR!', 'Май 2023', '#NAME?'], ['2.', 'Семинар', 'Июнь 2023', 'Куратор']];
    const formulas = [['', '', '', ''], ['', '=- подготовка кадров', '', '=Иванов'], ['', '', '', '']];
    expect(hasFormulaErrors(values)).toBe(true);
    const cells = values.map((r) => [...r]) as unknown[][];
    expect(recoverFormulaText(cells, formulas)).toEqual(['B2', 'D2']);
    expect(cells[1]).toEqual(['1.', '- подготовка кадров', 'Май 2023', '=Иванов']);
    const plan = planRecognition({ source: 'Вставка', values, formulas, timeZone: 'Europe/Moscow', today: '2023-03-15' });
    expect(plan.items[0]!.activity).toBe('- подготовка кадров');
    expect(plan.recognition.warnings[0]).toMatch(/В ячейках B2, D2 вместо текста была ошибка формулы/);
  });
});

describe('a pasted table with formulas', () => {
  it('is recognised from the values people see, and «#NAME?» cells from the text they typed', () => {
    h = createHarness('2023-03-15');
    h.runtime.seedSheet('Вставка', [
      ['План мероприятий на 2023 год'],
      ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат'],
      ['1.', 'Семинар', 'Май 2023', 'Куратор', 'Справка'],
      ['2.', 'Отчёт', 'Июнь 2023', 'Куратор', 'Отчёт'],
    ]);
    h.run(() => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!;
      sheet.getRange('D3').setFormula('=ФИО(1)'); // a name Sheets does not know: shows #NAME?
      sheet.getRange('E4').setFormula('=2+3'); // a working formula: its value is what people see
    });
    const before = JSON.stringify(h.sheet('Вставка'));
    expect(h.sheet('Вставка').cells[2]![3]!.text).toBe('#NAME?');
    h.run(() => recognizeTable());
    expect(h.alerts()).toEqual([]);
    const t = texts(h.sheet('Вставка — дорожная карта'));
    expect(t[1]!.slice(0, 5)).toEqual(['1.', 'Семинар', 'Май 2023', '=ФИО(1)', 'Справка']);
    expect(t[2]!.slice(0, 5)).toEqual(['2.', 'Отчёт', 'Июнь 2023', 'Куратор', '5']);
    expect(h.sheet('Вставка — дорожная карта').cells[1]![3]!.formula).toBeUndefined(); // text, not a formula
    expect(h.run(() => getRecognitionReport()).report!.warnings.join(' ')).toMatch(/В ячейке D3 вместо текста была ошибка формулы/);
    expect(JSON.stringify(h.sheet('Вставка'))).toBe(before);
  });
});
