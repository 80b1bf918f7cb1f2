// Fault injection: for every action, the k-th service call fails (every k, both before the call
// takes effect and after it did), in a fresh world each time. No run may leave a half state, a
// rerun must finish the job without duplicates, and the message must tell the truth in Russian.
import { describe, expect, it } from 'vitest';
import type { FaultTiming } from '../../../preview/gas';
import { runFaultSuite, summaryLine } from './harness';
import { ALL } from './scenarios';

const ONLY = process.env.FAULTS?.split(',');
const SCENARIOS = ALL
  .filter((s) => !ONLY || ONLY.some((o) => s.name.startsWith(o)));
const TIMINGS = (process.env.FAULT_TIMINGS?.split(',') ?? ['before', 'after']) as FaultTiming[];

describe('a fault at any service call', () => {
  for (const scenario of SCENARIOS) {
    for (const timing of TIMINGS) {
      it(`${scenario.name}, fault ${timing} the call: no half state, the rerun completes, the message is true and Russian`, () => {
        const report = runFaultSuite(scenario, timing);
        console.log(summaryLine(report));
        expect(report.runs).toBeGreaterThanOrEqual(Math.min(report.calls, scenario.maxRuns ?? Infinity));
        expect({ half: report.verdicts.half, notConverged: report.notConverged, untruthful: report.untruthful, english: report.english, examples: report.examples })
          .toEqual({ half: 0, notConverged: 0, untruthful: 0, english: 0, examples: [] });
      }, scenario.timeoutMs);
    }
  }
});
