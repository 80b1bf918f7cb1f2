// Recognition on the real-roadmap corpus: every labelled fact of every plan, and the totals the
// README and `npm run bench` report (before this work: 9 of 34 fully right, 288 of 413 checks).
import { describe, expect, it } from 'vitest';
import { recognizeRoadmap } from '../../../src/core';
import { loadRealCorpus, scoreCorpus, scoreRoadmap } from './corpus';

const corpus = loadRealCorpus();

describe('the real-roadmap corpus', () => {
  it('holds at least 30 plans, each with its source address and labels', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const r of corpus) {
      expect(r.source).toMatch(/^https?:\/\//);
      expect(r.expect.items.length).toBeGreaterThan(0);
    }
    expect(new Set(corpus.map((r) => r.source)).size).toBe(corpus.length);
  });

  it.each(corpus.map((r) => [r.slug, r] as const))('%s is recognised as labelled', (_slug, r) => {
    expect(scoreRoadmap(r, recognizeRoadmap(r.cells)).failures).toEqual([]);
  });

  it('every source column is carried: mapped to a field, kept as an extra column, or empty', () => {
    for (const r of corpus) {
      const rec = recognizeRoadmap(r.cells);
      for (const c of rec.sourceColumns ?? []) expect(c.meaning, `${r.slug} column ${c.column}`).not.toBe('skip');
      expect(rec.warnings.join(' ')).not.toMatch(/не перенесен/);
    }
  });

  it('reports the totals', () => {
    const s = scoreCorpus((cells) => recognizeRoadmap(cells), corpus);
    expect({ fullyRight: s.fullyRight, passed: s.passed }).toEqual({ fullyRight: s.roadmaps, passed: s.checks });
  });
});
