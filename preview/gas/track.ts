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

export class CallLog {
  private readonly counts = new Map<string, number>();

  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
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
          if (this.depth === 0) {
            const denied = this.policy(this.mode, className, prop);
            if (denied) throw new AuthorizationError(denied);
            this.calls.record(`${className}.${prop}`);
          }
          const key = `${className}.${prop}`;
          const failAfter = this.depth === 0 && this.faults ? this.faults.before(key) : false;
          this.depth += 1;
          let result: unknown;
          try {
            result = (value as (...a: unknown[]) => unknown).apply(obj, args);
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
