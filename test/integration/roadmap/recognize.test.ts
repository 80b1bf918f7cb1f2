import { afterEach, describe, expect, it } from 'vitest';
import { recognizeTable, getRecognitionReport } from '../../../src/addon/roadmap/actions';
import { recognizeRoadmap } from '../../../src/core';
import { FIXTURES, createHarness, fixture, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

describe('«Распознать таблицу» on the real roadmaps', () => {
  for (const name of FIXTURES) {
    it(`${name}: writes a new canonical sheet and leaves the pasted one untouched`, () => {
      const f = fixture(name);
      h = createHarness('2023-03-15');
      h.runtime.seedSheet('Вставка', f.cells);
      const before = JSON.stringify(h.sheet('Вставка'));
      h.run(() => recognizeTable());
      expect(h.alerts()).toEqual([]);
      expect(h.runtime.uiEvents.some((e) => e.type === 'sidebar' && e.html.includes('recognize'))).toBe(true);
      expect(JSON.stringify(h.sheet('Вставка'))).toBe(before);
      const sheet = h.sheet('Вставка — дорожная карта');
      const t = texts(sheet);
      expect(t[0]!.slice(0, 8)).toEqual(['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат (вид документа)', 'Статус', 'Дата выполнения', 'Отметка о выполнении']);
      const report = h.run(() => getRecognitionReport()).report!;
      expect(report.sheetName).toBe('Вставка — дорожная карта');
      expect(report.items).toBeGreaterThan(5);
      expect(report.plan?.start).toBe(f.plan[0]);
      expect(report.plan?.end).toBe(f.plan[1]);
      // Every recognised item is on the sheet, text exactly as recognised ("1.1." stays text, not a date).
      // A ru_RU sheet turns a pasted "1.5" into the 1st of May: the recognizer gives it back as "1.5.".
      const pasted = h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!.getDataRange().getValues());
      const turned = new Set(f.cells.flatMap((row, r) => row.filter((v, c) => typeof v === 'string' && pasted[r]?.[c] instanceof Date)));
      const items = recognizeRoadmap(f.cells).items;
      expect(report.items + report.sections).toBe(items.length);
      expect(t.slice(1, items.length + 1).map((r) => r.slice(0, 5))).toEqual(
        items.map((it) => [turned.has(it.number) ? `${it.number}.` : it.number, it.activity, it.deadline, it.responsible, it.result]),
      );
      if (turned.size > 0) expect(report.warnings.join(' ')).toContain('приняли некоторые номера пунктов за даты');
      expect(t.length).toBe(items.length + 1);
    });
  }
});

it('spot checks a person would make on khabez-2021', () => {
  h = createHarness('2021-03-01');
  h.runtime.seedSheet('Лист1', fixture('khabez-2021').cells);
  h.run(() => recognizeTable());
  const t = texts(h.sheet('Лист1 — дорожная карта'));
  const row = t.find((r) => r[1]!.startsWith('Создание управленческой команды'))!;
  expect(row.slice(0, 4)).toEqual(['2.', row[1], 'До 01.02.21 г.', row[3]]);
  expect(row[3]).not.toBe('');
  const report = h.run(() => getRecognitionReport()).report!;
  expect(report.columns.join('\n')).toMatch(/Срок ← «Сроки» \(столбец 5\)/);
});
