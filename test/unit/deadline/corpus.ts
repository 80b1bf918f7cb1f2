// The labelled fixture corpus and the rule for "an acceptable answer" (shared by tests and the bench).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeadlineKind, Period } from '../../../src/core/types';

export interface Accept {
  kinds: DeadlineKind[];
  /** [start, end, ...other acceptable ends]; a null start is not checked. */
  periods: Array<[string | null, ...string[]]>;
}

export interface LabelledDeadline {
  text: string;
  plan: [string, string];
  accept: Accept[];
  /** Where the cell comes from: a seed roadmap's number, or the public document's address. */
  src: string;
  /** The document's title, which gives the plan period (real corpus only). */
  title?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * 'seed': the 41 deadlines of the seed roadmaps the grammar was first built from.
 * 'real': cells harvested verbatim (line breaks kept) from public Russian planning documents,
 * each with its source address and the plan period its title gives.
 */
export type CorpusName = 'seed' | 'real';
const FILES: Record<CorpusName, string> = { seed: 'deadlines.json', real: 'deadlines-real.json' };

export function loadCorpus(name: CorpusName = 'seed'): LabelledDeadline[] {
  return JSON.parse(readFileSync(path.join(here, '../../fixtures', FILES[name]), 'utf8')) as LabelledDeadline[];
}

export function isAcceptable(got: { kind: DeadlineKind; periods: Period[] }, accept: Accept[]): boolean {
  return accept.some(
    (a) =>
      a.kinds.includes(got.kind) &&
      a.periods.length === got.periods.length &&
      a.periods.every(([start, ...ends], i) => {
        const p = got.periods[i];
        return !!p && (start === null || start === p.start) && ends.includes(p.end);
      }),
  );
}
