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
  src: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function loadCorpus(): LabelledDeadline[] {
  return JSON.parse(readFileSync(path.join(here, '../../fixtures/deadlines.json'), 'utf8')) as LabelledDeadline[];
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
