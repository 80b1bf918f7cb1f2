// Fault injection for the in-memory Apps Script: the k-th service call the add-on makes fails the
// way Google's services fail now and then (a transient server error), so tests can check that
// every action leaves either the previous state or the complete new one.
//
// Google documents no list of transient errors; the one scripts meet is "We're sorry, a server
// error occurred. Please wait a bit and try again." (named in Apps Script's troubleshooting guide,
// https://developers.google.com/apps-script/guides/support/troubleshooting, and reported from every
// service, e.g. https://github.com/RemcoE33/apps-script-driveImage2sheets/issues/1), thrown as an
// `Exception`. The add-on must work whichever call fails and whether or not the call took effect,
// so both are offered: the call fails before it runs, or it runs and then reports the error (a
// write that succeeded on the server while the reply was lost).
import type { Tracker } from './track';

export const SERVER_ERROR = "We're sorry, a server error occurred. Please wait a bit and try again.";

/** The error a failed service call throws. */
export class ServiceError extends Error {
  override name = 'Exception';
}

export type FaultTiming = 'before' | 'after';

export interface Fault {
  /** 1-based index of the failing call among the add-on's calls since `armFault`. */
  at: number;
  timing?: FaultTiming;
}

/** Watches the add-on's service calls; the tracker asks it before (and after) each one. */
export class FaultInjector {
  private seen = 0;
  /** 'Class.method' of the call that failed, once it has. */
  fired: string | null = null;
  /** 'Class.method' of every call seen, in order (to choose which calls to fail). */
  readonly keys: string[] = [];

  constructor(private readonly fault: Fault | null) {}

  /** Calls seen so far. */
  get calls(): number {
    return this.seen;
  }

  /** Throws for the failing call when it must fail before running. Returns whether it fails after. */
  before(key: string): boolean {
    this.seen += 1;
    this.keys.push(key);
    if (!this.fault || this.seen !== this.fault.at || this.fired) return false;
    if ((this.fault.timing ?? 'before') === 'after') return true;
    this.fired = key;
    throw new ServiceError(SERVER_ERROR);
  }

  /** The call ran; it fails now when `before` said so. */
  after(key: string): void {
    this.fired = key;
    throw new ServiceError(SERVER_ERROR);
  }
}

/**
 * Counts the add-on's service calls from now on, and fails the `fault.at`-th one (once; later
 * calls succeed, as after a transient error). `null` only counts. Replaces any earlier injector.
 */
export function armFault(tracker: Tracker, fault: Fault | null): FaultInjector {
  const injector = new FaultInjector(fault);
  tracker.faults = injector;
  return injector;
}

/** Stops injecting and counting. */
export function disarmFault(tracker: Tracker): void {
  tracker.faults = null;
}
