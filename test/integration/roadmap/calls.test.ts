// The number of Apps Script calls of every operation must not grow with the rows.
import { afterEach, describe, expect, it } from 'vitest';
import { checkRoadmap, onEdit, recognizeTable, refreshRoadmap } from '../../../src/addon/roadmap/actions';
import { createHarness, type Harness } from './harness';
import { pastedRoadmap } from './tables';

let h: Harness;
afterEach(() => h?.dispose());

function measure(items: number) {
  h = createHarness('2023-05-20');
  h.runtime.seedSheet('Вставка', pastedRoadmap(items));
  const counts: Record<string, Record<string, number>> = {};
  const count = (name: string, fn: () => void, mode: 'FULL' | 'LIMITED' = 'FULL'): void => {
    h.runtime.calls.reset();
    h.run(fn, mode);
    counts[name] = h.runtime.calls.snapshot();
  };
  count('recognize', () => recognizeTable());
  expect(h.alerts()).toEqual([]);
  count('refresh', () => void refreshRoadmap());
  count('check', () => void checkRoadmap());
  const e = h.runtime.userEdit('Вставка — дорожная карта', 5, 3, 'Июнь 2023');
  count('onEdit', () => onEdit(e), 'LIMITED'); // the first change of a deadline also creates «История изменений»
  const next = h.runtime.userEdit('Вставка — дорожная карта', 6, 3, 'Июль 2023');
  count('onEdit again', () => onEdit(next), 'LIMITED');
  h.dispose();
  return counts;
}

describe('service calls per operation', () => {
  it('are the same for 10 and 1,000 rows, with one read and one write of the block', () => {
    const small = measure(10);
    const large = measure(1_000);
    // The one difference: a new sheet has 1,000 rows, so a longer table first adds rows (one call).
    expect(large.recognize!['Sheet.insertRowsAfter']).toBe(1);
    expect(small.recognize!['Sheet.insertRowsAfter']).toBeUndefined();
    delete large.recognize!['Sheet.insertRowsAfter'];
    expect(large).toEqual(small);
    expect(small.refresh!['Range.getValues']).toBe(1);
    expect(small.refresh!['Range.setValues']).toBe(1);
    expect(small.refresh!['Sheet.setConditionalFormatRules']).toBe(1);
    expect(small.recognize!['Range.getValues']).toBe(1);
    expect(small.recognize!['Range.setValues']).toBe(1);
    // Helper columns: the header block and the edited rows read, one write; history: the header
    // block read again (its own hook, one call site in onEdit) and one append.
    expect(small['onEdit again']!['Range.getValues']).toBe(3);
    expect(small['onEdit again']!['Range.setValues']).toBe(2);
    for (const op of Object.keys(small)) console.log(op, Object.values(small[op]!).reduce((a, b) => a + b, 0), JSON.stringify(small[op]));
  });
});
