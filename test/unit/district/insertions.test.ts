import { describe, expect, it } from 'vitest';
import { blankForSchool, insertionsOf, planMerge } from '../../../src/core/district';
import { recognizeRoadmap, type CanonicalItem } from '../../../src/core/roadmap';
import { loadRoadmap } from '../roadmap/fixtures';

const full = (): CanonicalItem[] => recognizeRoadmap(loadRoadmap('kalinovskaya-2022-2024').cells).items;

/** A school's sheet as rows (header first), with its items' sourceRows pointing at them. */
function sheetOf(items: CanonicalItem[], blankAfter: number[] = []): { rows: string[]; items: CanonicalItem[] } {
  const rows = ['header'];
  const placed = items.map((it, i) => {
    const item = { ...it, sourceRows: [rows.length] };
    rows.push(it.activity);
    if (blankAfter.includes(i)) rows.push('');
    return item;
  });
  return { rows, items: placed };
}

/** Applies the insertions in the order given (bottom-up) the way Sheet.insertRowsAfter would. */
function apply(rows: string[], template: CanonicalItem[], insertions: ReturnType<typeof insertionsOf>): string[] {
  const out = [...rows];
  for (const g of insertions) out.splice(g.after, 0, ...g.templateIndices.map((t) => template[t]!.activity));
  return out;
}

describe('insertions of the template rows a school lacks', () => {
  it('put every missing row after its predecessor, bottom-up, keeping blank rows where they are', () => {
    const template = full();
    const missing = new Set([0, 3, 4, 9, template.length - 1]);
    const school = sheetOf(template.filter((_, i) => !missing.has(i)).map((it) => blankForSchool(it)), [2]);
    const plan = planMerge(template, school.items);
    const groups = insertionsOf(plan, school.items, 0);
    expect(groups.map((g) => g.after)).toEqual([...groups.map((g) => g.after)].sort((a, b) => b - a));
    expect(groups.map((g) => g.templateIndices)).toEqual([[template.length - 1], [9], [3, 4], [0]]);
    const result = apply(school.rows, template, groups).filter((r) => r !== '');
    expect(result).toEqual(['header', ...template.map((t) => t.activity)]);
  });

  it('are none when the school has every row', () => {
    const template = full();
    const school = sheetOf(template.map((it) => ({ ...blankForSchool(it), status: 'Выполнено' })));
    expect(insertionsOf(planMerge(template, school.items), school.items, 0)).toEqual([]);
  });
});
