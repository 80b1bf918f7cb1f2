// Loads the real roadmaps copied into test/fixtures (never from outside the repository).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RoadmapFixture {
  name: string;
  cells: unknown[][];
  plan: [string, string];
}

export const FIXTURE_NAMES = ['derbent-2023', 'kalinovskaya-2022-2024', 'khabez-2021'] as const;

export function loadRoadmap(name: (typeof FIXTURE_NAMES)[number]): RoadmapFixture {
  const url = new URL(`../../fixtures/roadmaps/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as RoadmapFixture;
}

/** The fixture's raw row whose first cell is `number` (as typed). */
export function rawRow(f: RoadmapFixture, number: string): string[] {
  const row = f.cells.find((r) => r[0] === number);
  if (!row) throw new Error(`no row ${number}`);
  return row.map((c) => String(c));
}
