// Every roadmap fixture in test/fixtures/roadmaps (more arrive with the recognition corpus): the
// approval order's heading, point 1 and appendix title are the plan's own name in the right case,
// with no mentorship text unless the plan is about mentorship.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildApprovalOrder, planName, planSubject } from '../../../src/core/order';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';
import { loadFixture } from './fixture-roadmaps';

const dir = fileURLToPath(new URL('../../fixtures/roadmaps/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

/** The title rows the way a person reads them: the lines that name the plan (not the order's own requisites). */
function titleOf(rows: string[]): string {
  const start = rows.findIndex((r) => /^(?:план|дорожная карта|комплекс|программа|перечень)/i.test(r.trim()));
  return (start >= 0 ? rows.slice(start) : rows).join(' ').replace(/\s+/g, ' ').trim();
}

describe.each(files)('approval order for the fixture %s', (file) => {
  const f = loadFixture(file);
  const title = titleOf(f.titleRows);
  const order = buildApprovalOrder({
    requisites: DERBENT_REQUISITES,
    roadmap: { title, period: { start: f.plan[0], end: f.plan[1] }, items: f.rows },
    options: { date: '2026-02-01', number: '5', dateStyle: 'long', appendixRows: 'all' },
  });
  const name = planName(DERBENT_REQUISITES, { title, period: { start: f.plan[0], end: f.plan[1] } });

  it('has a title with a subject', () => {
    expect(title.length).toBeGreaterThan(10);
    expect(name.hasSubject).toBe(true);
  });

  it('reads «Об утверждении <genitive>», «Утвердить <accusative> (приложение № 1).», appendix title in the nominative', () => {
    expect(order.meta.heading).toBe(`Об утверждении ${name.genitive}`);
    expect(order.meta.heading).not.toMatch(/[A-ZА-ЯЁ]{5,} [A-ZА-ЯЁ]{5,}/); // no ALL-CAPS run left from the title
    const points = order.blocks.find((b) => b.kind === 'points');
    expect(points?.kind === 'points' && points.items[0]).toBe(`Утвердить ${name.accusative} (приложение № 1).`);
    const appendixTitle = order.blocks.find((b) => b.kind === 'paragraph' && b.role === 'appendixTitle');
    expect(appendixTitle?.kind === 'paragraph' && appendixTitle.text).toBe(name.nominative);
    expect(name.nominative.charAt(0)).toBe(name.nominative.charAt(0).toUpperCase());
  });

  it('mentions mentorship only when the plan is about it', () => {
    const text = order.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'points').map((b) => (b.kind === 'points' ? b.items.join(' ') : b.kind === 'paragraph' ? b.text : '')).join(' ');
    if (planSubject(title) !== 'mentorship') expect(text).not.toMatch(/наставнич|Р-145/i);
    else expect(text).toMatch(/Р-145/);
  });
});
