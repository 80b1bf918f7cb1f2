// Deadline engine vs chrono-node's Russian parser: accuracy on the labelled corpus and throughput.
import * as chrono from 'chrono-node';
import { performance } from 'node:perf_hooks';
import { parseDeadline } from '../src/core/deadline';
import { daysInMonth, toISO } from '../src/core/dates';
import type { DeadlineKind, Period, PlanContext } from '../src/core/types';
import { isAcceptable, loadCorpus, type LabelledDeadline } from '../test/unit/deadline/corpus';

interface Answer {
  kind: DeadlineKind;
  periods: Period[];
}

const BY = /^\s*(?:до|не\s+позднее|не\s+позже|к|ко)\s/i;
const DASH_ONLY = /^\s*[-–—]?\s*$/;

type Components = chrono.ParsedResult['start'];

function startOf(c: Components): string {
  const y = c.get('year') ?? 2000;
  return toISO(y, c.isCertain('month') || c.isCertain('day') ? (c.get('month') ?? 1) : 1, c.isCertain('day') ? (c.get('day') ?? 1) : 1);
}
function endOf(c: Components): string {
  const y = c.get('year') ?? 2000;
  if (c.isCertain('day')) return toISO(y, c.get('month') ?? 1, c.get('day') ?? 1);
  if (c.isCertain('month')) return toISO(y, c.get('month') ?? 1, daysInMonth(y, c.get('month') ?? 1));
  return toISO(y, 12, 31);
}

/**
 * A fair adapter: each chrono result at its own granularity (day, month or year); results joined
 * only by a dash ("Июнь-" + "июль 2020") merged into one range; "до/не позднее/к" → by;
 * several results → recurring. Nothing of our grammar is added.
 */
export function chronoDeadline(text: string, plan: PlanContext): Answer {
  if (!text.trim()) return { kind: 'empty', periods: [] };
  const ref = new Date(`${plan.planStart}T12:00:00Z`);
  const results = chrono.ru.parse(text, ref, { forwardDate: true });
  if (!results.length) return { kind: 'unrecognized', periods: [] };
  const periods: Period[] = [];
  let dayOnly = results.length === 1;
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as chrono.ParsedResult;
    let end = r.end ? endOf(r.end) : endOf(r.start);
    const next = results[i + 1];
    const gap = next ? text.slice(r.index + r.text.length, next.index) : '';
    if (next && (r.text.trim().endsWith('-') || gap.includes('-')) && DASH_ONLY.test(gap)) {
      end = next.end ? endOf(next.end) : endOf(next.start);
      i++;
      dayOnly = false;
    }
    if (!r.start.isCertain('day') || r.end) dayOnly = false;
    periods.push({ start: startOf(r.start), end });
  }
  periods.sort((a, b) => (a.start < b.start ? -1 : 1));
  if (BY.test(text) && periods.length === 1) return { kind: 'by', periods: [{ start: plan.planStart, end: (periods[0] as Period).end }] };
  if (periods.length > 1) return { kind: 'recurring', periods };
  return { kind: dayOnly ? 'date' : 'period', periods };
}

/**
 * Parses per second over all texts for each parser: best of several rounds, the parsers taking
 * turns round by round so that both meet the same load (the machine is shared).
 */
function throughput(
  texts: Array<{ text: string; plan: PlanContext }>,
  parsers: Array<{ parse: (t: string, p: PlanContext) => unknown; sample: number }>,
  rounds: number,
): number[] {
  for (const { parse } of parsers) for (let i = 0; i < 5000; i++) parse(texts[i % texts.length]!.text, texts[i % texts.length]!.plan); // warm-up
  const best = parsers.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    parsers.forEach(({ parse, sample }, k) => {
      const t0 = performance.now();
      for (let i = 0; i < sample; i++) parse(texts[i]!.text, texts[i]!.plan);
      best[k] = Math.min(best[k]!, (performance.now() - t0) / sample);
    });
  }
  return best.map((msPerParse) => 1000 / msPerParse);
}

interface Score {
  ours: number;
  theirs: number;
  theirPeriods: number;
  total: number;
  misses: string[];
}

function score(corpus: LabelledDeadline[]): Score {
  const out: Score = { ours: 0, theirs: 0, theirPeriods: 0, total: corpus.length, misses: [] };
  for (const e of corpus) {
    const plan = { planStart: e.plan[0], planEnd: e.plan[1] };
    if (isAcceptable(parseDeadline(e.text, plan), e.accept)) out.ours++;
    else out.misses.push(`ours: ${JSON.stringify(e.text)}`);
    const c = chronoDeadline(e.text, plan);
    if (isAcceptable(c, e.accept)) out.theirs++;
    // Still more generous: any kind, only the periods must be right.
    if (isAcceptable(c, e.accept.map((a) => ({ ...a, kinds: [c.kind] })))) out.theirPeriods++;
  }
  return out;
}

export async function run(): Promise<void> {
  const seed = loadCorpus('seed');
  const real = loadCorpus('real');
  const all = [...seed, ...real];
  const scores: Array<[string, Score]> = [
    [`seed roadmaps (${seed.length})`, score(seed)],
    [`real documents (${real.length} cells, ${new Set(real.map((e) => e.src)).size} documents)`, score(real)],
    [`all together (${all.length})`, score(all)],
  ];

  const N = 50_000;
  const texts = Array.from({ length: N }, (_, i) => {
    const e = all[i % all.length]!;
    return { text: e.text, plan: { planStart: e.plan[0], planEnd: e.plan[1] } };
  });
  // Each round: all N cells through ours, a fifth of them through chrono (about as long).
  const [oursPerSecond = 0, chronoPerSecond = 1] = throughput(texts, [{ parse: parseDeadline, sample: N }, { parse: chronoDeadline, sample: N / 5 }], 7);

  const pct = (n: number, total: number): string => `${n}/${total} (${((100 * n) / total).toFixed(1)} %)`;
  const rows: string[][] = [['', 'parseDeadline', 'chrono.ru + adapter']];
  for (const [name, s] of scores) {
    rows.push([`${name}: kind and periods`, pct(s.ours, s.total), pct(s.theirs, s.total)]);
    rows.push([`${name}: periods only`, pct(s.ours, s.total), pct(s.theirPeriods, s.total)]);
  }
  rows.push([`parses per second (cells of both corpora, best of 7 alternating rounds)`, Math.round(oursPerSecond).toLocaleString('en'), Math.round(chronoPerSecond).toLocaleString('en')]);
  rows.push(['speed-up', `${(oursPerSecond / chronoPerSecond).toFixed(1)}×`, '1×']);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  │  '));
  for (const m of scores[2]?.[1].misses ?? []) console.log(`  miss ${m}`);
}
