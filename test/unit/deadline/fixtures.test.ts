import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../src/core/deadline';
import { isAcceptable, loadCorpus } from './corpus';

const seed = loadCorpus('seed');
const real = loadCorpus('real');

describe('parseDeadline on the labelled corpus from the seed roadmaps', () => {
  it('has the corpus to check', () => {
    expect(seed.length).toBeGreaterThanOrEqual(40);
  });

  it.each(seed.map((e) => [e.text, e] as const))('%j', (_text, e) => {
    const got = parseDeadline(e.text, { planStart: e.plan[0], planEnd: e.plan[1] });
    expect(isAcceptable(got, e.accept), JSON.stringify(got)).toBe(true);
  });
});

describe('parseDeadline on real cells from public planning documents', () => {
  it('has the corpus to check: 300 cells or more from 50 documents or more, each with its source address', () => {
    expect(real.length).toBeGreaterThanOrEqual(300);
    expect(new Set(real.map((e) => e.src)).size).toBeGreaterThanOrEqual(50);
    for (const e of real) expect(e.src, e.text).toMatch(/^https?:\/\//);
  });

  it.each(real.map((e) => [e.text, e] as const))('%j', (_text, e) => {
    const got = parseDeadline(e.text, { planStart: e.plan[0], planEnd: e.plan[1] });
    expect(isAcceptable(got, e.accept), `${JSON.stringify(got)}\n${e.src}`).toBe(true);
  });
});
