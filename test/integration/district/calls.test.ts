import { afterEach, describe, expect, it } from 'vitest';
import { continueDistribution, startDistribution } from '../../../src/addon/district/distribute';
import { buildSummary } from '../../../src/addon/district/summary-sheet';
import { createDistrict, fixture, registryRows, texts, type District } from './harness';

let d: District;
afterEach(() => d.dispose());

/** Server calls of a first distribution, a rerun and the summary (builders assemble locally and are left out). */
function measure(name: 'khabez-2021' | 'kalinovskaya-2022-2024', schools: number) {
  const registry = registryRows([
    ['Управление образования', 'Район', 'rono@example.org'],
    ...Array.from({ length: schools }, (_, i): [string, string, string] => [`Школа ${i + 1}`, `Школа ${i + 1}`, `s${i + 1}@example.org`]),
  ]);
  d = createDistrict('2023-03-15', fixture(name), registry);
  d.run(() => d.ss().addEditors(Array.from({ length: schools }, (_, i) => `s${i + 1}@example.org`)));
  const rows = texts(d.sheet('Район')).length;
  const count = (fn: () => void): number => {
    d.runtime.calls.reset();
    d.run(fn);
    return Object.entries(d.runtime.calls.snapshot()).filter(([k]) => !/^(SpreadsheetApp\.new|[A-Za-z]*Builder\.|BooleanCondition\.|ConditionalFormatRule\.)/.test(k)).reduce((n, [, v]) => n + v, 0);
  };
  const distribute = () => {
    let p = startDistribution(d.ss(), d.templateId);
    while (!p.finished) p = continueDistribution(d.ss());
  };
  const result = { rows, first: count(distribute), rerun: count(distribute), summary: count(() => { buildSummary(d.ss()); }) };
  d.dispose();
  d = { dispose: () => undefined } as District;
  return result;
}

describe('service calls', () => {
  it('grow with the number of schools, never with the number of rows', () => {
    const small = measure('khabez-2021', 2);
    const big = measure('kalinovskaya-2022-2024', 2);
    expect(big.rows).toBeGreaterThan(small.rows + 10);
    expect(big).toMatchObject({ first: small.first, rerun: small.rerun, summary: small.summary });
    const more = measure('khabez-2021', 4);
    // two more schools cost the same again per school (the rest is a fixed overhead)
    expect(more.first - small.first).toBeGreaterThan(0);
    expect(measure('khabez-2021', 6).first - more.first).toBe(more.first - small.first);
    // the budget: at most 40 calls a school, a rerun cheaper still
    const perSchool = (more.first - small.first) / 2;
    expect(perSchool).toBeLessThanOrEqual(40);
    expect((more.rerun - small.rerun) / 2).toBeLessThan(perSchool);
  });
});
