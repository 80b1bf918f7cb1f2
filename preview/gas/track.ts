// Call counting and authorization for the in-memory Apps Script.
//
// Every fake service object is wrapped by `tracked()`. A method call coming from the add-on
// (depth 0) is counted as 'Class.method' and checked against the run's authorization mode; calls
// the fakes make to each other while serving it (depth > 0) are neither counted nor checked, so a
// count is exactly what the add-on's own code asked Apps Script to do.

import type { FaultInjector } from './faults';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** Decides whether `Class.method` may run in `mode`; returns a reason when it may not. */
export type AuthPolicy = (mode: AuthMode, className: string, method: string) => string | null;

/** One call as the add-on made it, in order: what the time model in bench/cost-model.ts prices. */
export interface CallEvent {
  key: string;
  /** Cells carried by a 2-D array argument or result (setValues, getBackgrounds…); 0 for others. */
  cells: number;
}

/** Events kept per log; past this only counts grow (a long preview session must not leak). */
const MAX_EVENTS = 500_000;

export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly trace: CallEvent[] = [];
  private dropped = 0;

  record(key: string, cells = 0): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.trace.length < MAX_EVENTS) this.trace.push({ key, cells });
    else this.dropped += 1;
  }
  /** Adds the cells a call carried, once its result is known (the last event is that call's). */
  addCells(cells: number): void {
    const last = this.trace[this.trace.length - 1];
    if (last && cells > 0) last.cells += cells;
  }
  /** The calls since the last reset, in order; throws if some were dropped (the model would lie). */
  events(): readonly CallEvent[] {
    if (this.dropped > 0) throw new Error(`${this.dropped} calls past ${MAX_EVENTS} were not traced; reset the log more often`);
    return this.trace;
  }
  /** Calls of one 'Class.method', or of every method of a class when given just 'Class'. */
  count(key: string): number {
    if (key.includes('.')) return this.counts.get(key) ?? 0;
    let n = 0;
    for (const [k, v] of this.counts) if (k.startsWith(`${key}.`)) n += v;
    return n;
  }
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
  reset(): void {
    this.counts.clear();
    this.trace.length = 0;
    this.dropped = 0;
  }
}

/** Thrown where Google would refuse a call for lack of authorization. */
export class AuthorizationError extends Error {
  override name = 'Exception';
}

export class Tracker {
  readonly calls = new CallLog();
  mode: AuthMode = 'FULL';
  /** Fails a chosen call of the add-on (tests of faults; see faults.ts). */
  faults: FaultInjector | null = null;
  private depth = 0;

  constructor(private readonly policy: AuthPolicy) {}

  /** Runs `fn` as one Apps Script execution in `mode`. */
  run<T>(mode: AuthMode, fn: () => T): T {
    const previous = this.mode;
    this.mode = mode;
    try {
      return fn();
    } finally {
      this.mode = previous;
    }
  }

  /** Runs fake-internal work without counting or auth checks (seeding, snapshots, the preview UI). */
  internal<T>(fn: () => T): T {
    this.depth += 1;
    try {
      return fn();
    } finally {
      this.depth -= 1;
    }
  }

  /** Wraps a fake so that the add-on's calls on it are counted and authorised. */
  wrap<T extends object>(target: T, className: string): T {
    const proxy: T = new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
        return (...args: unknown[]) => {
          const outer = this.depth === 0;
          if (outer) {
            const denied = this.policy(this.mode, className, prop);
            if (denied) throw new AuthorizationError(denied);
            this.calls.record(`${className}.${prop}`, args.reduce<number>((n, a) => n + gridCells(a), 0));
          }
          const key = `${className}.${prop}`;
          const failAfter = outer && this.faults ? this.faults.before(key) : false;
          this.depth += 1;
          let result: unknown;
          try {
            result = (value as (...a: unknown[]) => unknown).apply(obj, args);
            if (outer) this.calls.addCells(gridCells(result));
          } finally {
            this.depth -= 1;
          }
          if (failAfter) this.faults!.after(key);
          return result === obj ? proxy : result; // builders return `this`: keep chains tracked
        };
      },
    });
    return proxy;
  }
}

/** Cells in a 2-D array (a grid of values, formats, colours…); 0 for anything else. */
function gridCells(value: unknown): number {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return 0;
  let n = 0;
  for (const row of value as unknown[]) if (Array.isArray(row)) n += row.length;
  return n;
}
