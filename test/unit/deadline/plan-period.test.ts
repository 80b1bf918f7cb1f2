import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inferPlanPeriod } from '../../../src/core/deadline';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/roadmaps');
interface Roadmap { name: string; plan: [string, string]; cells: string[][] }
const roadmaps = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Roadmap);

/** Title rows: everything above the table, i.e. before the first row with several filled cells. */
function titleText(cells: string[][]): string {
  const rows: string[] = [];
  for (const row of cells) {
    if (row.filter((c) => c.trim()).length > 1) break;
    rows.push(row.join(' '));
  }
  return rows.join('\n');
}

describe('inferPlanPeriod', () => {
  it('has the three fixture roadmaps', () => expect(roadmaps).toHaveLength(3));

  it.each(roadmaps.map((r) => [r.name, r] as const))('finds the plan period of %s from its title rows', (_name, r) => {
    expect(inferPlanPeriod(titleText(r.cells))).toEqual({ start: r.plan[0], end: r.plan[1] });
  });

  it.each([
    ['План мероприятий (дорожная карта) на 2022-2024 гг.', '2022-01-01', '2024-12-31'],
    ['ПЛАН МЕРОПРИЯТИЙ НА 2022–2024 ГОДЫ', '2022-01-01', '2024-12-31'],
    ['Дорожная карта за 2021 год', '2021-01-01', '2021-12-31'],
    ['План работы по внедрению ЦМН в 2020 — 2021 гг.', '2020-01-01', '2021-12-31'],
    ['План мероприятий на 2022 г.', '2022-01-01', '2022-12-31'],
    ['План мероприятий на 2023/2024 учебный год', '2023-09-01', '2024-08-31'],
    ['План работы наставника на 2023-2024 уч. год', '2023-09-01', '2024-08-31'],
    ['на период с 2021 по 2023 год', '2021-01-01', '2023-12-31'],
  ])('%j → %s … %s', (title, start, end) => {
    expect(inferPlanPeriod(title)).toEqual({ start, end });
  });

  it('prefers the stated period to the date of the approving order', () => {
    expect(inferPlanPeriod('Утвержден приказом от 28.12.2021 № 305\nПлан мероприятий на 2022-2024 гг.')).toEqual({ start: '2022-01-01', end: '2024-12-31' });
  });

  it.each([[''], ['План мероприятий (дорожная карта)'], ['распоряжение Минпросвещения России № Р-145 (2019)']])('%j has no period', (title) => {
    expect(inferPlanPeriod(title)).toBeNull();
  });
});
