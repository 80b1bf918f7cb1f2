// Random tables through recognise → check → refresh: no exception, nothing a person typed changes
// (the pasted sheet stays as it was; on the roadmap sheet, check and refresh leave user columns alone).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRoadmap, getRecognitionReport, onEdit, recognizeTable, refreshRoadmap } from '../../../src/addon/roadmap/actions';
import { createHarness, texts, type Harness } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEADLINES = (JSON.parse(readFileSync(path.join(here, '../../fixtures/deadlines.json'), 'utf8')) as { text: string }[]).map((d) => d.text);

let h: Harness | undefined;
afterEach(() => h?.dispose());

const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DEADLINES) },
  { weight: 2, arbitrary: fc.constantFrom('1.', '1.1.', '2', '3.1.1.', '1.5', 'I.', '', '', '') },
  { weight: 2, arbitrary: fc.constantFrom('Мероприятие', 'Срок', 'Ответственные', 'Результат', 'Статус', 'Дата выполнения', '№ п/п', 'Наименование мероприятий') },
  { weight: 2, arbitrary: fc.constantFrom('Выполнено', 'В работе', '05.03.2023', "'=важно", "'+7 999", '- пункт', '@канал', '<p>Текст&nbsp;с HTML</p>', '=1/0', '=2+3') },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 3000 }) },
  { weight: 1, arbitrary: fc.constant('План мероприятий (дорожная карта) на 2022-2024 гг.') },
);
const table = fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { minLength: 0, maxLength: 25 });

const CYRILLIC = /[а-яё]/i;

describe('random tables', () => {
  it('never throw and never change what a person typed', () => {
    let recognised = 0;
    fc.assert(
      fc.property(table, (cells) => {
        h?.dispose();
        h = createHarness('2023-05-20');
        const hh = h;
        hh.runtime.seedSheet('Вставка', cells);
        const source = JSON.stringify(hh.sheet('Вставка').cells.map((r) => r.map((c) => c?.text ?? '')));
        hh.run(() => recognizeTable());
        expect(JSON.stringify(hh.sheet('Вставка').cells.map((r) => r.map((c) => c?.text ?? '')))).toBe(source);
        const alerts = hh.alerts();
        if (alerts.length) {
          expect(alerts).toHaveLength(1);
          expect(alerts[0]).toMatch(CYRILLIC);
          expect(hh.runtime.snapshot().sheets).toHaveLength(1);
          return;
        }
        recognised++;
        const report = hh.run(() => getRecognitionReport()).report!;
        const user = (): string[][] => texts(hh.sheet(report.sheetName)).map((r) => r.slice(0, 8));
        const before = user();
        hh.run(() => checkRoadmap());
        hh.setToday('2024-02-29');
        hh.run(() => refreshRoadmap());
        expect(user()).toEqual(before);
      }),
      { numRuns: 60 },
    );
    // The generator must reach the writing paths, not only the refusals.
    expect(recognised).toBeGreaterThan(10);
  });
});

describe('random edits', () => {
  it('onEdit leaves the helper columns exactly as a full refresh would', () => {
    const edit = fc.record({
      row: fc.integer({ min: 2, max: 24 }),
      field: fc.constantFrom('Срок', 'Статус', 'Дата выполнения', 'Ответственные', 'Мероприятие'),
      value: fc.oneof(fc.constantFrom(...DEADLINES), fc.constantFrom('Выполнено', 'В работе', 'Отменено', '05.03.2023', '31.12.2030', '', 'Куратор', "'=x")),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        h?.dispose();
        h = createHarness('2023-05-20');
        const hh = h;
        hh.runtime.seedSheet('Вставка', [['План мероприятий на 2023 год'], ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат'],
          ...Array.from({ length: 22 }, (_, i) => [`1.${i + 1}.`, `Мероприятие ${i + 1}`, `${['Май', 'Июнь', 'Март'][i % 3]} 2023`, 'Куратор', 'Справка'])]);
        hh.run(() => recognizeTable());
        const name = 'Вставка — дорожная карта';
        const header = texts(hh.sheet(name))[0]!;
        for (const e of edits) {
          const event = hh.runtime.userEdit(name, e.row, header.indexOf(e.field) + 1, e.value);
          hh.run(() => onEdit(event), 'LIMITED');
        }
        // Numbering problems need every row: onEdit keeps the old mark, «Проверить» re-judges it.
        const withoutNumbering = (text: string): string => text.split('; ').filter((w) => w !== 'номер').join('; ');
        const helpers = (): string[][] => texts(hh.sheet(name)).map((r) => r.slice(8).map((v, i, all) => (i === all.length - 1 ? withoutNumbering(v) : v)));
        const afterEdits = helpers();
        hh.run(() => refreshRoadmap());
        expect(afterEdits).toEqual(helpers());
      }),
      { numRuns: 25 },
    );
  });
});
