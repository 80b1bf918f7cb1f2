// The fault suite's engine: an action runs once without faults (its call count and its complete
// new state), then once per chosen k in a fresh, identically seeded world with the k-th service
// call failing. Each run is classified by what it left: the previous state, the complete new
// state, a failure the add-on recorded (orders: a Doc it could not remove, listed in the journal
// as unfinished, with its link), or a half state (anything else). A run that did not reach the
// complete state is then repeated without faults, as a person would, and must reach it.
import { HISTORY_SHEET } from '../../../src/core/roadmap/history';
import { HISTORY_KEY } from '../../../src/addon/roadmap/history';
import { armFault, disarmFault, SERVER_ERROR, type DocSnapshot, type FaultTiming, type GasRuntime } from '../../../preview/gas';

/** What the person saw at the end of the action. */
export interface Outcome {
  ok: boolean;
  message: string;
}

export interface World {
  rt: GasRuntime;
  dispose(): void;
}

export interface Scenario<W extends World = World> {
  name: string;
  /** A fresh world, seeded the same way every time (nothing of it is counted as the action's). */
  setup(): W;
  /** The action, as the person starts it. */
  act(w: W): Outcome;
  /** What the person does after a failure; default: the action again. */
  rerun?(w: W): Outcome;
  /** When the rerun itself changes state (another edit): the reference is act + rerun without faults. */
  rerunAddsWork?: boolean;
  /** A failure the add-on recorded and told the person about (e.g. an unfinished Doc in the journal). */
  recorded?(w: W, outcome: Outcome, states: { previous: string; complete: string; now: string }): boolean | 'final';
  /** An action that only reads: the previous state with a report is its success. */
  readOnly?: boolean;
  /**
   * A Doc Google leaves no way to avoid: made while Google reported that making it failed, so the
   * add-on never had it. Left out of the comparison and counted in `leftovers`.
   */
  unavoidable?(doc: DocSnapshot): boolean;
  /** Limit the runs for an action with very many calls: every kind of call is still failed at least once. */
  /** A test timeout for a scenario whose world is slow to set up (default: vitest's). */
  timeoutMs?: number;
  maxRuns?: number;
}

export type Verdict = 'previous' | 'complete' | 'recorded' | 'half';

export interface FaultReport {
  name: string;
  calls: number;
  runs: number;
  verdicts: Record<Verdict, number>;
  /** Runs whose rerun did not reach the complete state (duplicates, refusals, leftovers). */
  notConverged: number;
  /** Runs that reached the complete state but showed an error, or left the previous state but said «done». */
  untruthful: number;
  /** Messages that show Google's English text to the person. */
  english: number;
  /** Recorded runs the add-on finished in a lesser form and said so (no rerun expected). */
  degraded: number;
  /** Runs that left an unavoidable Doc (see Scenario.unavoidable). */
  leftovers: number;
  /** Examples of each problem, for a failing assertion's message. */
  examples: string[];
}

/**
 * The document state a person could notice: every sheet (values, formats, colours, protections,
 * rules, charts), every Doc, and the document properties. Ids the runtime hands out in sequence
 * (sheet ids, Doc ids) are replaced by stable names, so runs that made and deleted a sheet compare
 * equal to runs that did not; the selection and the order of tabs are not state.
 */
export function stateOf(rt: GasRuntime, ignore: (doc: DocSnapshot) => boolean = () => false): string {
  const snapshot = rt.snapshot({ evaluate: false });
  // «История изменений» is a log of the edits made, not state an action must leave whole: an edit
  // made while the document lock is held, or whose recording meets a fault, is only logged.
  const wb = { ...snapshot, sheets: snapshot.sheets.filter((s) => !s.name.startsWith(HISTORY_SHEET)) };
  const docs = rt.documents().filter((d) => !ignore(d));
  const props = Object.fromEntries(Object.entries(rt.properties('document')).filter(([k]) => k !== HISTORY_KEY));
  const sheetName = new Map(wb.sheets.map((s) => [String(s.sheetId), s.name]));
  // Tab order is left out: a distribution that retries a school within its run adds that sheet last.
  const sheets = wb.sheets.map((s) => ({ ...s, sheetId: 0 })).sort((a, b) => a.name.localeCompare(b.name));
  const properties = Object.fromEntries(
    Object.entries(props)
      .map(([k, v]) => [k.replace(/\.(\d+)$/, (m, id: string) => `.<${sheetName.get(id) ?? `deleted sheet ${id}`}>`), idList(v)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  // A property listing sheet ids (the district's managed sheets): names, in order.
  function idList(v: string): string {
    if (/^\d+(,\d+)*$/.test(v)) return v.split(',').map((id) => sheetName.get(id) ?? `deleted sheet ${id}`).sort().join(',');
    // A map of sheet id → sheet id (the add-on's timelines and the roadmaps they draw): names too.
    if (/^\{("\d+":\d+,?)*\}$/.test(v)) {
      const name = (id: string) => sheetName.get(id) ?? `deleted sheet ${id}`;
      return JSON.stringify(Object.entries(JSON.parse(v) as Record<string, number>).map(([k, id]) => `${name(k)} → ${name(String(id))}`).sort());
    }
    return v;
  }
  let json = JSON.stringify({ sheets, docs, properties });
  docs.forEach((d, i) => (json = json.split(d.id).join(`<doc ${i + 1}>`)));
  return json;
}

/** Every call when there are few; else `max` evenly spread (first and last included) plus the first call of every kind ('Class.method'). */
function sample(keys: readonly string[], max: number): number[] {
  const calls = keys.length;
  if (calls <= max) return Array.from({ length: calls }, (_, i) => i + 1);
  const picked = new Set<number>();
  for (let i = 0; i < max; i++) picked.add(1 + Math.round((i * (calls - 1)) / (max - 1)));
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (!seen.has(key)) picked.add(i + 1);
    seen.add(key);
  });
  return [...picked].sort((a, b) => a - b);
}

const english = (message: string): boolean => message.includes(SERVER_ERROR) || /^[\x20-\x7e]+$/.test(message.trim());

export function runFaultSuite<W extends World>(scenario: Scenario<W>, timing: FaultTiming = 'before'): FaultReport {
  const rerun = scenario.rerun ?? scenario.act;
  const ignore = scenario.unavoidable ?? (() => false);
  const state = (w: World) => stateOf(w.rt, ignore);
  // The reference: no fault.
  const ref = scenario.setup();
  let previous: string;
  let complete: string;
  let calls: number;
  let keys: string[];
  let afterRerun: string;
  try {
    previous = state(ref);
    const counter = armFault(ref.rt.tracker, null);
    const first = scenario.act(ref);
    calls = counter.calls;
    keys = counter.keys;
    disarmFault(ref.rt.tracker);
    if (!first.ok) throw new Error(`${scenario.name}: the action fails without faults: ${first.message}`);
    complete = state(ref);
    if (scenario.rerunAddsWork) {
      rerun(ref);
      afterRerun = state(ref);
    } else {
      afterRerun = complete;
    }
  } finally {
    ref.dispose();
  }

  const report: FaultReport = {
    name: scenario.name, calls, runs: 0, verdicts: { previous: 0, complete: 0, recorded: 0, half: 0 },
    notConverged: 0, untruthful: 0, english: 0, leftovers: 0, degraded: 0, examples: [],
  };
  const note = (text: string) => void (report.examples.length < 12 && report.examples.push(text));
  for (const k of sample(keys, scenario.maxRuns ?? Infinity)) {
    const w = scenario.setup();
    try {
      const injector = armFault(w.rt.tracker, { at: k, timing });
      const outcome = scenario.act(w);
      disarmFault(w.rt.tracker);
      const fired = injector.fired ?? 'nothing';
      const now = state(w);
      const record = now === previous || now === complete ? false : scenario.recorded?.(w, outcome, { previous, complete, now }) ?? false;
      const verdict: Verdict = now === previous ? 'previous' : now === complete ? 'complete' : record ? 'recorded' : 'half';
      if (record === 'final') report.degraded += 1;
      report.runs += 1;
      report.verdicts[verdict] += 1;
      const where = `k=${k} (${fired}, ${timing})`;
      if (verdict === 'half') note(`${where}: half state; message: ${outcome.message}`);
      if ((verdict === 'complete' && !outcome.ok && !/выполнен|создан|обновл|построен/i.test(outcome.message)) || (verdict === 'previous' && outcome.ok && !scenario.rerunAddsWork && !scenario.readOnly)) {
        report.untruthful += 1;
        note(`${where}: ${verdict} state, but the message was ${outcome.ok ? 'success' : `«${outcome.message}»`}`);
      }
      if (!outcome.ok && english(outcome.message)) {
        report.english += 1;
        note(`${where}: English message «${outcome.message}»`);
      }
      if ((verdict !== 'complete' || scenario.rerunAddsWork) && record !== 'final') {
        const again = rerun(w);
        if (state(w) !== afterRerun) {
          report.notConverged += 1;
          note(`${where}: after a ${verdict} run, the rerun (${again.ok ? 'ok' : again.message}) did not reach the complete state`);
        }
      }
      if (w.rt.documents().some(ignore)) report.leftovers += 1;
    } finally {
      disarmFault(w.rt.tracker);
      w.dispose();
    }
  }
  return report;
}

/**
 * For actions that work sheet by sheet and say which sheets failed (a distribution): every sheet is
 * its previous or its complete self, and nothing else is left (properties aside: a checkpoint to
 * continue from is how such a run records where it stopped).
 */
export function eachSheetWhole(states: { previous: string; complete: string; now: string }): boolean {
  const sheets = (json: string) => new Map((JSON.parse(json) as { sheets: { name: string }[] }).sheets.map((sh) => [sh.name, JSON.stringify(sh)]));
  const [before, after, now] = [sheets(states.previous), sheets(states.complete), sheets(states.now)];
  for (const [name, sheet] of now) if (sheet !== before.get(name) && sheet !== after.get(name)) return false;
  for (const name of before.keys()) if (!now.has(name)) return false;
  return true;
}

/** One line for the log and the closing note. */
export function summaryLine(r: FaultReport): string {
  const v = r.verdicts;
  return `${r.name}: ${r.calls} calls, ${r.runs} runs — previous ${v.previous}, complete ${v.complete}, recorded ${v.recorded}, HALF ${v.half}; rerun not converged ${r.notConverged}; untruthful ${r.untruthful}; English ${r.english}; unavoidable leftovers ${r.leftovers}; finished in a lesser form, said so ${r.degraded}`;
}
