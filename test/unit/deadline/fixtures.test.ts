import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../src/core/deadline';
import { isAcceptable, loadCorpus } from './corpus';

const corpus = loadCorpus();

describe('parseDeadline on the labelled corpus from real roadmaps', () => {
  it('has the corpus to check', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus.map((e) => [e.text, e] as const))('%j', (_text, e) => {
    const got = parseDeadline(e.text, { planStart: e.plan[0], planEnd: e.plan[1] });
    expect(isAcceptable(got, e.accept), JSON.stringify(got)).toBe(true);
  });
});
