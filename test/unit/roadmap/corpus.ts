// The real-roadmap corpus (test/fixtures/roadmaps/real): each file is a plan as pasted into a
// sheet, its source address, and what a careful person expects. Shared by the corpus test and
// `npm run bench`, which both report roadmaps fully right / all and checks passed / all.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Field, Recognition } from '../../../src/core/types';

/** [number as written, level, isSection, the activity starts with]. */
export type ExpectedItem = [string, number, boolean, string];

export interface RealRoadmap {
  /** File name without .json. */
  slug: string;
  /** Where the document was found. */
  source: string;
  name: string;
  /** The plan period a person would set, or null when the document states none. */
  plan: [string, string] | null;
  cells: string[][];
  expect: {
    headerRow: number;
    columns: Partial<Record<Field, number>>;
    /** Headers of the extra columns, in source order. */
    extraColumns: string[];
    items: ExpectedItem[];
    plan: [string, string] | null;
    /** Item index → exact field texts. */
    fields?: Record<string, Partial<Record<'deadline' | 'responsible' | 'result' | 'activity', string>>>;
    /** Item index → the note starts with. */
    notes?: Record<string, string>;
    abbreviations?: string[];
  };
}

const DIR = new URL('../../fixtures/roadmaps/real/', import.meta.url);

export function loadRealCorpus(): RealRoadmap[] {
  return readdirSync(fileURLToPath(DIR))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ slug: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(fileURLToPath(new URL(f, DIR)), 'utf8')) as Omit<RealRoadmap, 'slug'>) }));
}

export interface Score {
  checks: number;
  passed: number;
  /** One Russian-free line per failed check, for the test message and the bench. */
  failures: string[];
}

/** Every labelled fact is one check; a roadmap is fully right when all its checks pass. */
export function scoreRoadmap(r: RealRoadmap, rec: Recognition): Score {
  const failures: string[] = [];
  let checks = 0;
  const check = (ok: boolean, what: string): void => {
    checks++;
    if (!ok) failures.push(what);
  };
  const e = r.expect;
  check(rec.headerRow === e.headerRow, `headerRow ${rec.headerRow} ≠ ${e.headerRow}`);
  for (const f of Object.keys(e.columns) as Field[]) check(rec.columns[f] === e.columns[f], `column ${f}: ${rec.columns[f]} ≠ ${e.columns[f]}`);
  const unexpected = (Object.keys(rec.columns) as Field[]).filter((f) => e.columns[f] === undefined);
  check(unexpected.length === 0, `columns taken for fields the table has not: ${unexpected.join(', ')}`);
  const extras = (rec.extraColumns ?? []).map((x) => x.header);
  check(JSON.stringify(extras) === JSON.stringify(e.extraColumns), `extra columns ${JSON.stringify(extras)} ≠ ${JSON.stringify(e.extraColumns)}`);
  check(rec.items.length === e.items.length, `${rec.items.length} items ≠ ${e.items.length}`);
  e.items.forEach(([number, level, isSection, start], i) => {
    const it = rec.items[i];
    const got = it ? `[${it.number}|${it.level}|${it.isSection}|${it.activity.slice(0, 30)}]` : 'none';
    check(!!it && it.number === number && it.level === level && it.isSection === isSection && it.activity.startsWith(start), `item ${i}: ${got} ≠ [${number}|${level}|${isSection}|${start}]`);
  });
  if (e.plan) check(!!rec.plan && rec.plan.start === e.plan[0] && rec.plan.end === e.plan[1], `plan ${rec.plan ? `${rec.plan.start}..${rec.plan.end}` : 'null'} ≠ ${e.plan.join('..')}`);
  for (const [i, want] of Object.entries(e.fields ?? {})) {
    for (const [f, text] of Object.entries(want)) {
      const got = rec.items[Number(i)]?.[f as 'deadline'];
      check(got === text, `item ${i} ${f}: ${JSON.stringify(got)} ≠ ${JSON.stringify(text)}`);
    }
  }
  for (const [i, start] of Object.entries(e.notes ?? {})) {
    const got = rec.items[Number(i)]?.note ?? '';
    check(got.startsWith(start), `item ${i} note: ${JSON.stringify(got.slice(0, 40))} ≠ ${JSON.stringify(start)}…`);
  }
  if (e.abbreviations) check(JSON.stringify(rec.abbreviations ?? []) === JSON.stringify(e.abbreviations), `abbreviations ${JSON.stringify(rec.abbreviations)}`);
  return { checks, passed: checks - failures.length, failures };
}

export interface CorpusScore {
  roadmaps: number;
  fullyRight: number;
  checks: number;
  passed: number;
  perRoadmap: Array<{ slug: string } & Score>;
}

export function scoreCorpus(recognize: (cells: unknown[][]) => Recognition, corpus = loadRealCorpus()): CorpusScore {
  const perRoadmap = corpus.map((r) => ({ slug: r.slug, ...scoreRoadmap(r, recognize(r.cells)) }));
  return {
    roadmaps: perRoadmap.length,
    fullyRight: perRoadmap.filter((s) => s.failures.length === 0).length,
    checks: perRoadmap.reduce((n, s) => n + s.checks, 0),
    passed: perRoadmap.reduce((n, s) => n + s.passed, 0),
    perRoadmap,
  };
}
