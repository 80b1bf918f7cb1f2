// «Проверить»: problems grouped by row with the cell to select, highlights driven by the helper
// column (so they go when fixed), counts per colour; and the sidebar endpoints around it.
import { afterEach, describe, expect, it } from 'vitest';
import { legend } from '../../../src/core/roadmap/colour';
import {
  checkRoadmap, getRoadmapSettings, onEdit, recognizeTable, saveRoadmapSettings, selectCell,
} from '../../../src/addon/roadmap/actions';
import { FIXTURES, createHarness, fixture, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());
const BG = new Map(legend(14).map((l) => [l.key, l.background]));

describe('«Проверить»', () => {
  for (const name of FIXTURES) {
    it(`${name}: lists sensible problems, each naming its row and column and pointing at that cell`, () => {
      const f = fixture(name);
      h = createHarness(`${f.plan[0].slice(0, 4)}-06-01`);
      h.runtime.seedSheet('Вставка', f.cells);
      h.run(() => recognizeTable());
      const report = h.run(() => checkRoadmap());
      expect(report.sheetName).toBe('Вставка — дорожная карта');
      expect(report.plan).toEqual({ start: f.plan[0], end: f.plan[1] });
      const header = texts(h.sheet(report.sheetName))[0]!;
      for (const row of report.rows) {
        for (const p of row.problems) {
          expect(p.row).toBe(row.row);
          const where = `Строка ${p.row}${p.columnTitle ? `, столбец «${p.columnTitle}»` : ''}: `;
          expect(p.message.startsWith(where), p.message).toBe(true);
          if (p.column !== null) expect(header[p.column - 1]).toBe(p.columnTitle);
        }
      }
      // Every error with a column is highlighted on the sheet (unless a deadline colour takes the cell).
      const cells = h.sheet(report.sheetName).cells;
      for (const p of report.rows.flatMap((r) => r.problems)) {
        if (p.column === null || p.columnTitle === 'Срок') continue;
        expect(cells[p.row - 1]?.[p.column - 1]?.background, p.message).toBe(BG.get('problem'));
      }
      // What google.script.run carries: no Date, no undefined (either would be lost or null the whole reply).
      expect(JSON.parse(JSON.stringify(report))).toStrictEqual(report);
      const total = report.colours.reduce((n, c) => n + c.count, 0);
      expect(total).toBeGreaterThan(0);
    });
  }

  it('kalinovskaya-2022-2024: deadlines of December 2021 are reported outside the 2022–2024 plan', () => {
    h = createHarness('2022-06-01');
    h.runtime.seedSheet('Лист1', fixture('kalinovskaya-2022-2024').cells);
    h.run(() => recognizeTable());
    const report = h.run(() => checkRoadmap());
    const outside = report.rows.flatMap((r) => r.problems).filter((p) => p.code === 'deadline-outside-plan');
    expect(outside.length).toBeGreaterThan(3);
    expect(outside[0]!.message).toMatch(/вне периода плана \(01\.01\.2022–31\.12\.2024\)/);
  });

  it('selects the cell of a problem', () => {
    h = createHarness('2023-06-01');
    h.runtime.seedSheet('Вставка', [['План на 2023 год'], ['№', 'Мероприятие', 'Срок', 'Ответственные'], ['1.', 'Семинар', 'мартобря', '']]);
    h.run(() => recognizeTable());
    const report = h.run(() => checkRoadmap());
    const p = report.rows[0]!.problems.find((x) => x.code === 'responsible-missing')!;
    h.runtime.seedSheet('Другой', [['x']]);
    h.run(() => selectCell(report.sheetId, p.row, p.column));
    const snap = h.runtime.snapshot();
    expect(snap.activeSheet).toBe(report.sheetName);
    expect(() => h.run(() => selectCell(999, 1, 1))).toThrow(/Лист не найден/);
    expect(() => h.run(() => selectCell(report.sheetId, -1 as number, 1))).toThrow(/Неверный запрос/);
  });

  it('reports a sheet that is not a roadmap in Russian, without writing anything', () => {
    h = createHarness('2023-06-01');
    h.runtime.seedSheet('Заметки', [['Просто текст']]);
    const before = JSON.stringify(h.runtime.snapshot());
    expect(() => h.run(() => checkRoadmap())).toThrow(/не похож на дорожную карту/);
    expect(JSON.stringify(h.runtime.snapshot())).toBe(before);
  });
});

describe('settings', () => {
  it('soon threshold and plan period change the colours and the problems', () => {
    h = createHarness('2023-06-10');
    h.runtime.seedSheet('План', [['План мероприятий'], ['№', 'Мероприятие', 'Срок', 'Ответственные'], ['1.', 'Отчёт', 'Июнь 2023', 'Куратор'], ['2.', 'Итоги', 'Декабрь 2024', 'Директор']]);
    h.run(() => recognizeTable());
    const sheetName = 'План — дорожная карта';
    const before = h.run(() => checkRoadmap());
    expect(before.plan).toBeNull();
    expect(before.notes.join(' ')).toMatch(/Период плана не задан/);
    expect(h.sheet(sheetName).cells[1]![2]!.background).toBe(BG.get('active'));
    const view = h.run(() => getRoadmapSettings());
    const own = view.sheets.find((s) => s.name === sheetName)!;
    expect(own.isRoadmap).toBe(true);
    h.run(() => saveRoadmapSettings({ soonDays: 30, sheets: [{ sheetId: own.sheetId, isRoadmap: true, planStart: '2023-01-01', planEnd: '2023-12-31' }] }));
    // 20 days to the end of June: "soon" with a 30-day threshold.
    expect(h.sheet(sheetName).cells[1]![2]!.background).toBe(legend(30).find((l) => l.key === 'soon')!.background);
    const after = h.run(() => checkRoadmap());
    expect(after.soonDays).toBe(30);
    expect(after.rows.flatMap((r) => r.problems).some((p) => p.code === 'deadline-outside-plan' && p.row === 3)).toBe(true);
    // onEdit (LIMITED) reads the same settings.
    const e = h.runtime.userEdit(sheetName, 2, 3, 'Август 2023'); // upcoming: no colour
    h.run(() => onEdit(e), 'LIMITED');
    expect(h.sheet(sheetName).cells[1]![2]!.background).toBeUndefined();
    const e2 = h.runtime.userEdit(sheetName, 2, 3, 'Декабрь 2022'); // outside the plan set above: highlighted
    h.run(() => onEdit(e2), 'LIMITED');
    expect(h.sheet(sheetName).cells[1]![2]!.background).toBe(BG.get('overdue'));
    expect(() => h.run(() => saveRoadmapSettings({ soonDays: -1, sheets: [] }))).toThrow(/Неверный запрос/);
    expect(() => h.run(() => saveRoadmapSettings({ soonDays: 5, sheets: [{ sheetId: own.sheetId, isRoadmap: true, planStart: '2024-01-01', planEnd: '2023-01-01' }] }))).toThrow(/позже/);
  });
});

describe('a long list of problems', () => {
  it('lists the first 300 rows and says how many there are', () => {
    h = createHarness('2023-06-01');
    const rows: unknown[][] = [['№', 'Мероприятие', 'Срок', 'Ответственные']];
    for (let i = 1; i <= 400; i++) rows.push([`${i}.`, `Мероприятие ${i}`, 'Май 2023', '']);
    h.runtime.seedSheet('Вставка', rows);
    h.run(() => recognizeTable());
    const report = h.run(() => checkRoadmap());
    expect(report.errors).toBe(400);
    expect(report.rows).toHaveLength(300);
    expect(report.notes.join(' ')).toMatch(/Замечания есть в 400 строках; здесь показаны первые 300/);
  });
});
