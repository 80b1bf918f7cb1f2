// The person corrects recognition in the sidebar: each change is previewed (nothing written), one
// click writes the roadmap sheet anew in place of the old one, and the choice is remembered for
// the pasted sheet, so «Распознать таблицу» run again gives the same result.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChoicesWire } from '../../../src/contract/roadmap';
import {
  applyRecognition, getRecognitionReport, previewRecognition, recognizeTable,
} from '../../../src/addon/roadmap/actions';
import { MAX_CHOICES_CHARS, loadChoices, saveChoices } from '../../../src/addon/roadmap/choices-store';
import { createHarness, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

// A constructed example (not a real document): its result column is headed «Выход», which the
// recogniser does not take for «Результат».
const TABLE = [
  ['План работы на 2023 год'],
  ['№', 'Содержание работы', 'Дата', 'Исполнитель', 'Выход'],
  ['1.', 'Организационные мероприятия', '', '', ''],
  ['1.1.', 'Семинар для наставников', 'Май 2023', 'Иванова А.А.', 'Справка'],
  ['1.2.', 'Отчёт о работе', 'Июнь 2023', 'Петров П.П.', 'Отчёт'],
];
const NONE: ChoicesWire = { mapping: [], headerRow: null, firstDataRow: null, rowRoles: [], plan: null };
const SHEET = 'Вставка — дорожная карта';

function recognised() {
  h = createHarness('2023-03-15');
  h.runtime.seedSheet('Вставка', TABLE);
  h.run(() => recognizeTable());
  return h.run(() => getRecognitionReport());
}

describe('correcting recognition', () => {
  it('shows every source column with its header, a sample and its meaning', () => {
    const { view } = recognised();
    expect(view!.columns.map((c) => [c.letter, c.header, c.meaning])).toEqual([
      ['A', '№', 'number'], ['B', 'Содержание работы', 'activity'], ['C', 'Дата', 'deadline'], ['D', 'Исполнитель', 'responsible'], ['E', 'Выход', 'extra'],
    ]);
    expect(view!.columns[4]!.sample).toEqual(['Справка', 'Отчёт']);
    expect(view!.headerRow).toBe(1);
    expect(view!.rows.map((r) => [r.row, r.role])).toEqual([[2, 'section'], [3, 'item'], [4, 'item']]);
    expect(texts(h.sheet(SHEET))[0]!.slice(8, 9)).toEqual(['Выход']); // kept as an extra column
  });

  it('a column meaning is corrected in one step: previewed without writing, then the sheet is made anew', () => {
    const { view, report } = recognised();
    const before = JSON.stringify(h.runtime.snapshot());
    const choices: ChoicesWire = { ...NONE, mapping: [{ column: 4, meaning: 'result' }] };
    const preview = h.run(() => previewRecognition(view!.sourceSheetId, choices));
    expect(preview.columns[4]!.meaning).toBe('result');
    expect(preview.extraColumns).toEqual([]);
    expect(JSON.stringify(h.runtime.snapshot())).toBe(before);

    const state = h.run(() => applyRecognition(view!.sourceSheetId, choices, report!.sheetId));
    expect(state.report!.sheetName).toBe(SHEET);
    expect(h.runtime.snapshot().sheets.map((s) => s.name)).toEqual(['Вставка', SHEET]);
    const t = texts(h.sheet(SHEET));
    expect(t[0]![4]).toBe('Результат (вид документа)');
    expect(t[2]![4]).toBe('Справка');
    expect(t[0]).not.toContain('Выход');
    expect(state.view!.choices.mapping).toEqual([{ column: 4, meaning: 'result' }]);
  });

  it('the choice is remembered for the pasted sheet: recognising it again gives the same result', () => {
    const { view, report } = recognised();
    h.run(() => applyRecognition(view!.sourceSheetId, { ...NONE, mapping: [{ column: 4, meaning: 'result' }] }, report!.sheetId));
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().setActiveSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!));
    h.run(() => recognizeTable());
    expect(texts(h.sheet(`${SHEET} (2)`))[2]![4]).toBe('Справка');
    expect(h.run(() => getRecognitionReport()).view!.choices.mapping).toEqual([{ column: 4, meaning: 'result' }]);
  });

  it('rows can be switched (an item read as a section, a row left out) and the plan period set', () => {
    const { view, report } = recognised();
    const choices: ChoicesWire = { ...NONE, rowRoles: [{ row: 2, role: 'item' }, { row: 4, role: 'skip' }], plan: { start: '2022-09-01', end: '2023-08-31' } };
    const preview = h.run(() => previewRecognition(view!.sourceSheetId, choices));
    expect([preview.items, preview.sections]).toEqual([2, 0]);
    expect(preview.plan).toMatchObject({ start: '2022-09-01', end: '2023-08-31' });
    h.run(() => applyRecognition(view!.sourceSheetId, choices, report!.sheetId));
    const t = texts(h.sheet(SHEET));
    expect(t.slice(1).map((r) => r[0])).toEqual(['1.', '1.1.']);
    expect(h.run(() => getRecognitionReport()).report!.plan).toMatchObject({ start: '2022-09-01', end: '2023-08-31' });
  });

  it('only the sheet this source\'s last recognition made is replaced', () => {
    const { view } = recognised();
    h.runtime.seedSheet('Чужой лист', [['важные данные']]);
    const other = h.sheet('Чужой лист').sheetId;
    h.run(() => applyRecognition(view!.sourceSheetId, NONE, other));
    expect(texts(h.sheet('Чужой лист'))).toEqual([['важные данные']]);
    expect(h.runtime.snapshot().sheets.map((s) => s.name)).toContain(`${SHEET} (2)`);
  });

  it('refuses bad choices in Russian, before anything is written', () => {
    const { view, report } = recognised();
    const before = JSON.stringify(h.runtime.snapshot());
    const id = view!.sourceSheetId;
    expect(() => h.run(() => applyRecognition(id, { ...NONE, plan: { start: '2024-01-01', end: '2023-01-01' } }, report!.sheetId))).toThrow(/дата начала плана позже даты окончания/);
    expect(() => h.run(() => applyRecognition(id, { ...NONE, headerRow: 3, firstDataRow: 2 }, null))).toThrow(/первая строка данных должна быть ниже строки заголовков/);
    const many = Array.from({ length: 301 }, (_, row) => ({ row, role: 'skip' as const }));
    expect(() => h.run(() => previewRecognition(id, { ...NONE, rowRoles: many }))).toThrow(/не больше 300 строк/);
    expect(() => h.run(() => previewRecognition(id, { ...NONE, mapping: [{ column: 1, meaning: 'чепуха' as never }] }))).toThrow(/Неверный запрос к серверу/);
    expect(() => h.run(() => previewRecognition(999, NONE))).toThrow(/Лист с исходной таблицей не найден/);
    // Every row left out: no table to write, said before writing.
    const allSkipped: ChoicesWire = { ...NONE, rowRoles: [2, 3, 4].map((row) => ({ row, role: 'skip' as const })) };
    expect(h.run(() => previewRecognition(id, allSkipped)).refusal).toMatch(/Таблица не распознана/);
    expect(() => h.run(() => applyRecognition(id, allSkipped, report!.sheetId))).toThrow(/Таблица не распознана/);
    expect(JSON.stringify(h.runtime.snapshot())).toBe(before);
  });

  it('an emptied source still shows the last report, and says why no sheet can be made', () => {
    recognised();
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!.clearContents());
    const state = h.run(() => getRecognitionReport());
    expect(state.report?.sheetName).toBe(SHEET);
    expect(state.view?.refusal).toMatch(/Лист пуст/);
  });

  it('the remembered choices stay bounded in size', () => {
    h = createHarness('2023-03-15');
    const rowRoles = Object.fromEntries(Array.from({ length: 2_000 }, (_, r) => [r + 100_000, 'continuation' as const]));
    expect(() => h.run(() => saveChoices(1, { rowRoles }))).toThrow(/Исправлений слишком много/);
    expect(h.run(() => loadChoices(1))).toBeNull();
    h.run(() => saveChoices(1, { mapping: { 4: 'result' } }));
    expect(h.run(() => loadChoices(1))).toEqual({ mapping: { 4: 'result' } });
    expect(JSON.stringify({ mapping: { 4: 'result' } }).length).toBeLessThan(MAX_CHOICES_CHARS);
    h.run(() => saveChoices(1, {}));
    expect(h.run(() => loadChoices(1))).toBeNull();
  });
});
