// The real-roadmap corpus (test/fixtures/roadmaps/real): for every plan, the title recognition
// finds gives the approval order's heading and point 1 in the right case — or, when the title
// says nothing of the plan (none found, or an attachment mark), a message saying where to write it.
import { describe, expect, it } from 'vitest';
import { buildApprovalOrder, planName, planSubject, planTitleProblem, recognizeRoadmap } from '../../../src/core';
import { toOrderRow } from '../../../src/core/order/roadmap-source';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';
import { loadRealCorpus } from '../roadmap/corpus';

const corpus = loadRealCorpus();

describe.each(corpus.map((r) => [r.slug, r] as const))('real plan %s', (_, r) => {
  const rec = recognizeRoadmap(r.cells);
  const title = rec.plan?.title ?? rec.title ?? '';
  const period = rec.plan ? { start: rec.plan.start, end: rec.plan.end } : null;
  const problem = planTitleProblem(title);

  it(problem ? 'has no usable title: the person is told where to write one' : 'reads its own name in the heading, point 1 and the appendix title', () => {
    if (problem) {
      expect(problem).toMatch(/«Название плана».*«Заголовок»/);
      return;
    }
    const name = planName(DERBENT_REQUISITES, { title, period });
    const order = buildApprovalOrder({ requisites: DERBENT_REQUISITES, roadmap: { title, period, items: rec.items.map(toOrderRow) }, options: { date: '2026-02-01', number: '5', dateStyle: 'long', appendixRows: 'all' } });
    expect(order.meta.heading).toBe(`Об утверждении ${name.genitive}`);
    // Out of capitals: no run of two capitalised words left over from an ALL-CAPS title.
    expect(order.meta.heading).not.toMatch(/(?:^|\s)[А-ЯЁ]{4,}\s[А-ЯЁ]{4,}/);
    expect(order.meta.heading).not.toMatch(/«\s|\sГ\.|Приложение/);
    const points = order.blocks.find((b) => b.kind === 'points');
    expect(points?.kind === 'points' && points.items[0]).toBe(`Утвердить ${name.accusative} (приложение № 1).`);
    const text = order.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind === 'points' ? b.items.join(' ') : '')).join(' ');
    if (planSubject(title) !== 'mentorship') expect(text).not.toMatch(/Р-145/);
  });
});

describe('the corpus as a whole', () => {
  it('gives a heading for most plans and a message for the rest', () => {
    const withTitle = corpus.filter((r) => { const rec = recognizeRoadmap(r.cells); return !planTitleProblem(rec.plan?.title ?? rec.title ?? ''); }).length;
    // A title is kept also when no plan period can be read from it (it was lost then: 21 of 34 had one).
    expect(withTitle).toBeGreaterThanOrEqual(29);
  });
});
