// Real plan titles (test/fixtures/plan-titles.json, each with its source) → the heading and point 1
// of the order approving them, as a records clerk writes them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planName, planTitleProblem } from '../../../src/core/order';

interface Case {
  source: string;
  kind: string;
  organisation: string;
  title: string;
  period?: [string, string];
  heading: string;
  accusative?: string;
  real?: string;
}

const { cases } = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/plan-titles.json', import.meta.url)), 'utf8')) as { cases: Case[] };

const nameOf = (c: Case) =>
  planName({ shortName: c.organisation }, { title: c.title, period: c.period ? { start: c.period[0], end: c.period[1] } : null });

describe('real plan titles → the approval heading', () => {
  it('has at least 40 real titles, each with its source', () => {
    expect(cases.filter((c) => /^https?:\/\//.test(c.source)).length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.title, c] as const))('%s', (_, c) => {
    const name = nameOf(c);
    expect(`Об утверждении ${name.genitive}`).toBe(c.heading);
    if (c.accusative) expect(name.accusative).toBe(c.accusative);
    expect(name.hasSubject).toBe(true);
    expect(planTitleProblem(c.title)).toBeNull();
  });

  it('says nothing about mentorship unless the title does', () => {
    for (const c of cases.filter((x) => !/наставнич|ЦМН/i.test(x.title))) expect(nameOf(c).genitive).not.toMatch(/наставнич/i);
  });
});

describe('a title that says nothing of the subject', () => {
  it.each(['', 'План мероприятий', 'ДОРОЖНАЯ КАРТА', 'План мероприятий (дорожная карта) на 2024 год'])('«%s» gets a message saying where to write it', (title) => {
    const message = planTitleProblem(title);
    expect(message).toMatch(/«Название плана»/);
    expect(message).toMatch(/«Заголовок»/);
    expect(planName({ shortName: 'МБОУ «Калиновская ООШ»' }, { title, period: null }).hasSubject).toBe(false);
  });
});
