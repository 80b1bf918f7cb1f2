import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recognizeRoadmap, rowsToItems, validateRoadmap, itemsToRows } from '../../../src/core';
import { FIXTURE_NAMES, loadRoadmap } from './fixtures';

const fixtures = FIXTURE_NAMES.map(loadRoadmap);
const fixtureCells = fixtures.flatMap((f) => f.cells.flat());

const cell = fc.oneof(
  fc.constant(''),
  fc.string(),
  fc.constantFrom(...fixtureCells),
  fc.constantFrom('№', 'Мероприятие', 'Сроки', 'Ответственные', 'Результат', 'Статус', 'Дата выполнения', 'Выполнено', '1.', '1.1.', '2', '=A1', '-', '<p>x</p>', '&nbsp;'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date(),
  fc.constant(null),
);
const table = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 });
const today = fc.constantFrom(undefined, '2023-06-01', 'не дата');
const plan = fc.constantFrom({ planStart: '2023-01-01', planEnd: '2023-12-31' }, { planStart: 'x', planEnd: '' });

describe('recognise → validate on random tables', () => {
  it('never throws and never changes the input', () => {
    fc.assert(
      fc.property(table, plan, today, (cells, p, t) => {
        const before = structuredClone(cells);
        const r = recognizeRoadmap(cells);
        const itemsBefore = structuredClone(r.items);
        const problems = validateRoadmap(r.items, p, t);
        expect(cells).toEqual(before);
        expect(r.items).toEqual(itemsBefore);
        for (const pr of problems) expect(pr.item).toBeLessThan(r.items.length);
      }),
      { numRuns: 300 },
    );
  });

  it('fixture tables with random cells blanked or split still recognise without losing sourceRows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(fc.nat(), { maxLength: 10 }), (f, blanks) => {
        const cells = f.cells.map((r) => [...r]);
        for (const b of blanks) {
          const row = cells[b % cells.length] as unknown[];
          row[b % Math.max(1, row.length)] = '';
        }
        const r = recognizeRoadmap(cells);
        const rows = r.items.flatMap((i) => i.sourceRows);
        expect(new Set(rows).size).toBe(rows.length);
        expect(rows.every((x) => x > r.headerRow && x < cells.length)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reading back any table as a canonical sheet never throws and never changes it', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 1000 }), (cells, first) => {
        const before = structuredClone(cells);
        const back = rowsToItems(cells, first);
        itemsToRows(back.items);
        validateRoadmap(back.items, { planStart: '2023-01-01', planEnd: '2023-12-31' }, '2023-06-01', { firstRow: first });
        expect(cells).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe('scale', () => {
  it('recognises and validates a 10,000-row table built from fixture rows', () => {
    const derbent = loadRoadmap('derbent-2023');
    const r0 = recognizeRoadmap(derbent.cells);
    const body = derbent.cells.slice(r0.headerRow + 1);
    const head = derbent.cells.slice(0, r0.headerRow + 1);
    const cells: unknown[][] = [...head];
    let copies = 0;
    while (cells.length - head.length + body.length <= 10_000) {
      cells.push(...body);
      copies++;
    }
    const r = recognizeRoadmap(cells);
    expect(r.items).toHaveLength(copies * r0.items.length);
    const problems = validateRoadmap(r.items, { planStart: derbent.plan[0], planEnd: derbent.plan[1] }, '2023-06-01');
    // Every copy after the first repeats numbers already used above.
    expect(problems.filter((p) => p.code === 'number-duplicate')).toHaveLength((copies - 1) * r0.items.length);
  });
});
