// Fault injection: for every action, the k-th service call fails (every k, both before the call
// takes effect and after it did), in a fresh world each time. No run may leave a half state, a
// rerun must finish the job without duplicates, and the message must tell the truth in Russian.
import { describe, expect, it } from 'vitest';
import type { FaultTiming } from '../../../preview/gas';
import { runFaultSuite, summaryLine, type Scenario } from './harness';
import { checkAll, editTrigger, order, recognise, refresh, summary, templateOrder } from './scenarios';

const ONLY = process.env.FAULTS?.split(',');
const SCENARIOS = ([recognise, refresh, editTrigger, order, templateOrder, summary, checkAll] as Scenario<never>[])
  .filter((s) => !ONLY || ONLY.some((o) => s.name.startsWith(o)));
const TIMINGS: FaultTiming[] = ['before', 'after'];

describe('a fault at any service call', () => {
  for (const scenario of SCENARIOS) {
    for (const timing of TIMINGS) {
      it(`${scenario.name}, fault ${timing} the call: no half state, the rerun completes, the message is true and Russian`, () => {
        const report = runFaultSuite(scenario, timing);
        console.log(summaryLine(report));
        expect(report.runs).toBe(report.calls > (scenario.maxRuns ?? Infinity) ? expect.any(Number) : report.calls);
        expect({ half: report.verdicts.half, notConverged: report.notConverged, untruthful: report.untruthful, english: report.english, examples: report.examples })
          .toEqual({ half: 0, notConverged: 0, untruthful: 0, english: 0, examples: [] });
      });
    }
  }
});
