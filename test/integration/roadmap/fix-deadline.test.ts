// «Проверить» offers the corrected text of an evident deadline typo; one confirmed click writes
// that cell only, under the document lock, and only if the cell still holds the checked text.
import { afterEach, describe, expect, it } from 'vitest';
import { checkRoadmap, recognizeTable } from '../../../src/addon/roadmap/actions';
import { fixDeadline } from '../../../src/addon/roadmap/fix-deadline';
import type { CheckProblem } from '../../../src/contract/roadmap';
import { BUSY_MESSAGE } from '../../../src/addon/lock';
import { HISTORY_SHEET } from '../../../src/core/roadmap/history';
import { createHarness, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

const TABLE: unknown[][] = [
  ['План мероприятий на 2023 год'],
  ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат'],
  ['1.', 'Летний лагерь', 'иголь 2023', 'Директор', 'Приказ'],
  ['2.', 'Педсовет', '01.13.2023', 'Завуч', 'Протокол'],
  ['3.', 'Семинар', 'мартобря', 'Методист', 'Программа'],
];

function setUp(): { sheetName: string; sheetId: number; fixes: CheckProblem[]; problems: CheckProblem[] } {
  h = createHarness('2023-02-01');
  h.runtime.seedSheet('Вставка', TABLE);
  h.run(() => recognizeTable());
  const report = h.run(() => checkRoadmap());
  const problems = report.rows.flatMap((r) => r.problems).filter((p) => p.columnTitle === 'Срок');
  return { sheetName: report.sheetName, sheetId: report.sheetId, fixes: problems.filter((p) => p.fix), problems };
}

describe('one-click fix of a deadline typo', () => {
  it('«Проверить» names what was not understood in plain Russian and offers the evident corrections only', () => {
    const { problems, fixes } = setUp();
    expect(fixes.map((p) => p.fix)).toEqual([
      { text: 'иголь 2023', fix: 'июль 2023' },
      { text: '01.13.2023', fix: '13.01.2023' },
    ]);
    const swapped = problems.find((p) => p.fix?.text === '01.13.2023')!;
    expect(swapped.message).toBe('Строка 3, столбец «Срок»: срок не распознан: «01.13.2023» — дата «01.13.2023» не существует: месяца 13 нет. Возможно, имелось в виду «13.01.2023».');
    const unknown = problems.find((p) => p.message.includes('мартобря'))!;
    expect(unknown.fix).toBeNull();
    expect(unknown.message).toMatch(/^Строка 4, столбец «Срок»: срок не распознан: «мартобря»/);
  });

  it('writes the corrected text into that cell and nothing else', () => {
    const { sheetName, sheetId, fixes } = setUp();
    const before = texts(h.sheet(sheetName));
    const p = fixes[0]!;
    const result = h.run(() => fixDeadline({ sheetId, row: p.row, column: p.column!, text: p.fix!.text, fix: p.fix!.fix }));
    expect(result.written).toBe(true);
    expect(result.message).toBe('Строка 2: срок «иголь 2023» исправлен на «июль 2023». Проверка повторена.');
    const after = texts(h.sheet(sheetName));
    const changed: string[] = [];
    after.forEach((row, r) => row.forEach((v, c) => { if (v !== before[r]?.[c]) changed.push(`${r + 1}:${c + 1}=${v}`); }));
    expect(changed).toEqual([`${p.row}:${p.column}=июль 2023`]);
    // Checked again, the row has no deadline problem left.
    const again = h.run(() => checkRoadmap()).rows.flatMap((r) => r.problems).filter((q) => q.row === p.row && q.columnTitle === 'Срок');
    expect(again).toEqual([]);
  });

  it('records the fix in «История изменений» (onEdit does not run for the add-on\'s own write)', () => {
    const { sheetName, sheetId, fixes } = setUp();
    const p = fixes[0]!;
    h.run(() => fixDeadline({ sheetId, row: p.row, column: p.column!, text: p.fix!.text, fix: p.fix!.fix }));
    const history = h.sheet(HISTORY_SHEET);
    expect(history.hidden).toBe(true);
    const row = history.cells[history.lastRow - 1]!.map((c) => c?.text ?? '');
    expect(row).toEqual(['01.02.2023 09:00', expect.stringMatching(/ \(дополнение: исправление срока\)$/), sheetName, String(p.row), 'Срок', 'иголь 2023', 'июль 2023', '1.']);
  });

  it('refuses when the cell changed after the check, and writes nothing', () => {
    const { sheetName, sheetId, fixes } = setUp();
    const p = fixes[0]!;
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!.getRange(p.row, p.column!).setValue('август 2023'));
    expect(() => h.run(() => fixDeadline({ sheetId, row: p.row, column: p.column!, text: p.fix!.text, fix: p.fix!.fix })))
      .toThrow('Срок в строке 2 изменился после проверки (сейчас «август 2023»), исправление не записано. Запустите проверку заново.');
    expect(texts(h.sheet(sheetName))[p.row - 1]?.[p.column! - 1]).toBe('август 2023');
  });

  it('refuses a text that is not the fix the engine offers, another column, or arguments that do not validate', () => {
    const { sheetName, sheetId, fixes } = setUp();
    const p = fixes[0]!;
    expect(() => h.run(() => fixDeadline({ sheetId, row: p.row, column: p.column!, text: p.fix!.text, fix: '=HYPERLINK("x")' })))
      .toThrow('Исправление «=HYPERLINK("x")» не совпадает с предложенным проверкой для «иголь 2023». Запустите проверку заново.');
    expect(() => h.run(() => fixDeadline({ sheetId, row: p.row, column: p.column! + 1, text: 'Директор', fix: 'Директор' })))
      .toThrow(/не срок мероприятия этого листа/);
    expect(() => h.run(() => (fixDeadline as (...a: unknown[]) => unknown)({ sheetId, row: 0, column: 3, text: 'a', fix: 'b' })))
      .toThrow(/^Неверный запрос к серверу\. Строка дорожной карты: слишком маленькое число: не меньше 1\./);
    expect(texts(h.sheet(sheetName))[p.row - 1]?.[p.column! - 1]).toBe('иголь 2023');
  });

  it('gives up with a clear message, writing nothing, while another execution holds the document lock', () => {
    const { sheetName, sheetId, fixes } = setUp();
    const p = fixes[0]!;
    const release = h.runtime.holdDocumentLock();
    try {
      expect(() => h.run(() => fixDeadline({ sheetId, row: p.row, column: p.column!, text: p.fix!.text, fix: p.fix!.fix }))).toThrow(BUSY_MESSAGE);
    } finally {
      release();
    }
    expect(texts(h.sheet(sheetName))[p.row - 1]?.[p.column! - 1]).toBe('иголь 2023');
  });
});
