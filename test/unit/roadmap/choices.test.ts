// The person's corrections: recognition re-runs with their mapping, header row, row roles and plan.
import { describe, expect, it } from 'vitest';
import { recognizeRoadmap } from '../../../src/core';
import { loadRoadmap } from './fixtures';
import { loadRealCorpus } from './corpus';

const kalin = loadRoadmap('kalinovskaya-2022-2024');
const khabez = loadRoadmap('khabez-2021');

describe('recognizeRoadmap with the person’s choices', () => {
  it('lists every source column with its header, meaning and a sample', () => {
    const r = recognizeRoadmap(kalin.cells);
    expect(r.sourceColumns?.map((c) => [c.column, c.header, c.meaning])).toEqual([
      [0, '№ п/п', 'number'],
      [1, 'Наименование мероприятий', 'activity'],
      [2, 'Срок реализации', 'deadline'],
      [3, 'Ответственный исполнитель', 'responsible'],
      [4, 'Результат. Вид документа', 'result'],
    ]);
    expect(r.sourceColumns?.[0]?.sample).toEqual(['1', '1.1.', '1.2.']);
    expect(r.extraColumns).toEqual([]);
  });

  it('a mapping moves a field to another column; the column that had it stays as an extra column', () => {
    // Хабез: the person says «Результат» is a note to keep, and «Ответственные» is the result.
    const r = recognizeRoadmap(khabez.cells, { mapping: { 3: 'extra', 2: 'result' } });
    expect(r.columns).toEqual({ number: 0, activity: 1, result: 2, deadline: 4 });
    expect(r.extraColumns).toEqual([{ column: 3, header: 'Результат' }]);
    const second = r.items[1];
    expect(second?.result).toBe(khabez.cells[13]?.[2]);
    expect(second?.extras).toEqual([khabez.cells[13]?.[3]]);
    expect(r.sourceColumns?.find((c) => c.column === 2)?.meaning).toBe('result');
  });

  it('«не переносить» drops a column on purpose; nothing else changes', () => {
    const r = recognizeRoadmap(khabez.cells, { mapping: { 3: 'skip' } });
    expect(r.columns.result).toBeUndefined();
    expect(r.extraColumns).toEqual([]);
    expect(r.items.every((i) => i.result === '')).toBe(true);
    expect(r.items).toHaveLength(11);
  });

  it('a chosen header row and first data row are taken as given', () => {
    const r = recognizeRoadmap(kalin.cells, { headerRow: 1, firstDataRow: 5 });
    expect(r.headerRow).toBe(1);
    expect(r.items[0]?.sourceRows[0]).toBe(5);
  });

  it('row roles: a row taken as an item can be made a section, a note, a continuation or skipped', () => {
    const base = recognizeRoadmap(kalin.cells);
    const row = (n: string): number => base.items.find((i) => i.number === n)?.sourceRows[0] as number;
    expect(base.rowRoles?.find((x) => x.row === row('1'))?.role).toBe('section');
    expect(base.rowRoles?.find((x) => x.row === row('1.2.'))?.role).toBe('item');

    const r = recognizeRoadmap(kalin.cells, { rowRoles: { [row('1.2.')]: 'section', [row('1.3.')]: 'note', [row('1.4.')]: 'continuation', [row('1.5')]: 'skip' } });
    const numbers = r.items.map((i) => i.number);
    expect(numbers).not.toContain('1.3.');
    expect(numbers).not.toContain('1.4.');
    expect(numbers).not.toContain('1.5');
    const item12 = r.items.find((i) => i.number === '1.2.');
    expect(item12?.isSection).toBe(true);
    expect(item12?.note).toContain('Разработка, согласование и утверждение дорожной карты');
    expect(item12?.activity).toContain('Разработка положения о программе наставничества');
    expect(r.rowRoles?.find((x) => x.row === row('1.5'))?.role).toBe('skip');
  });

  it('a chosen plan period replaces the one read from the title, the title is kept', () => {
    const r = recognizeRoadmap(kalin.cells, { plan: { start: '2022-09-01', end: '2023-08-31' } });
    expect(r.plan).toEqual({ title: expect.stringMatching(/^ПЛАН МЕРОПРИЯТИЙ/), start: '2022-09-01', end: '2023-08-31' });
  });
});

describe('choices that repeat what was recognised change nothing (the sidebar sends them back)', () => {
  const corpus = loadRealCorpus();
  it.each(corpus.map((r) => [r.slug, r] as const))('%s', (_slug, r) => {
    const auto = recognizeRoadmap(r.cells);
    const mapping = Object.fromEntries((auto.sourceColumns ?? []).map((c) => [c.column, c.meaning]));
    const again = recognizeRoadmap(r.cells, { mapping, headerRow: auto.headerRow, plan: auto.plan ?? undefined });
    expect(again.items).toEqual(auto.items);
    expect(again.columns).toEqual(auto.columns);
    expect(again.extraColumns).toEqual(auto.extraColumns);
  });
});

describe('a wrongly recognised real table is corrected in one step', () => {
  it('Ижемский район: the person makes «Последствия нереализации …» the result; «Ожидаемый результат» stays as an extra column', () => {
    const r = loadRealCorpus().find((x) => x.slug === 'garant-izhma-education-program');
    if (!r) throw new Error('fixture missing');
    const fixed = recognizeRoadmap(r.cells, { mapping: { 6: 'result' } });
    expect(fixed.columns.result).toBe(6);
    expect(fixed.extraColumns?.map((e) => e.column)).toEqual([5, 7]);
    expect(fixed.sourceColumns?.find((c) => c.column === 5)?.meaning).toBe('extra');
  });
});
