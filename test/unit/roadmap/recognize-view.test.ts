// What the recognise sidebar shows of a recognition (pure): the person's choices survive the wire
// both ways, rows are listed within bounds with every row that is not an item, and a recognition
// that gives no per-column or per-row account still shows every column and row.
import { describe, expect, it } from 'vitest';
import type { Recognition } from '../../../src/core';
import { buildView, choicesFromWire, choicesToWire, rowRolesOf, sourceColumnsOf } from '../../../src/addon/roadmap/recognize-view';

const item = (number: string, rows: number[], isSection = false): Recognition['items'][number] => ({
  number, level: 1, isSection, activity: `Пункт ${number}`, deadline: isSection ? '' : 'Май 2023', responsible: '', result: '', sourceRows: rows,
});

describe('recognise view', () => {
  it('choices cross the wire and come back the same', () => {
    const choices = { mapping: { 4: 'result' as const, 0: 'skip' as const }, headerRow: 2, rowRoles: { 7: 'note' as const }, plan: { start: '2023-09-01', end: '2024-08-31' } };
    const wire = choicesToWire(choices);
    expect(wire).toEqual({
      mapping: [{ column: 0, meaning: 'skip' }, { column: 4, meaning: 'result' }],
      headerRow: 2, firstDataRow: null, rowRoles: [{ row: 7, role: 'note' }], plan: { start: '2023-09-01', end: '2024-08-31' },
    });
    expect(choicesFromWire(wire)).toEqual(choices);
    expect(choicesFromWire(choicesToWire(null))).toEqual({});
  });

  it('without an account from recognition, columns and row roles are derived from what it found', () => {
    const cells = [['№', 'Мероприятие', 'Срок', 'Примечание'], ['1.', 'Раздел', '', ''], ['1.1.', 'Семинар', 'Май', 'важно'], ['', 'продолжение', '', '']];
    const rec: Recognition = { headerRow: 0, columns: { number: 0, activity: 1, deadline: 2 }, plan: null, warnings: [], items: [item('1.', [1], true), item('1.1.', [2, 3])] };
    expect(sourceColumnsOf(rec, cells).map((c) => [c.header, c.meaning, c.sample])).toEqual([
      ['№', 'number', ['1.', '1.1.']], ['Мероприятие', 'activity', ['Раздел', 'Семинар', 'продолжение']], ['Срок', 'deadline', ['Май']], ['Примечание', 'skip', ['важно']],
    ]);
    expect(rowRolesOf(rec)).toEqual([{ row: 1, role: 'section' }, { row: 2, role: 'item' }, { row: 3, role: 'continuation' }]);
  });

  it('lists the first rows, then only rows that are not items, never more than 300', () => {
    const rows = Array.from({ length: 2_000 }, (_, r) => ({ row: r + 1, role: (r % 50 === 49 ? 'section' : 'item') as 'item' | 'section' }));
    const cells = Array.from({ length: 2_001 }, (_, r) => [`${r}`, `Текст ${r}`]);
    const rec: Recognition = { headerRow: 0, columns: { number: 0, activity: 1 }, plan: null, warnings: [], items: [item('1.', [1])], rowRoles: rows };
    const view = buildView({ sourceSheetId: 1, sourceName: 'Лист', cells, recognition: rec, extraColumns: [], refusal: null, choices: null });
    expect(view.rows.slice(0, 150).every((r, i) => r.row === i + 1)).toBe(true);
    const after = view.rows.slice(150);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => r.role === 'section')).toBe(true);
    expect(view.rows.length + view.rowsOmitted).toBe(2_000);
    expect(view.rows.length).toBeLessThanOrEqual(300);
    expect(view.firstDataRow).toBe(1);
  });
});
