// The script's clock. Apps Script code reads the time only through `new Date()` and Date.now(),
// so the runtime pins both to runtime.now(), whether the code runs in a loaded bundle or in-process.

const HostDate = Date;

/** The host's wall clock: the default runtime clock (read through the host Date, never the pinned one). */
export const wallClock = (): Date => new HostDate();

/**
 * The script's Date: the host's Date (so dates cross between the script and the fakes as one kind,
 * as they do in Apps Script, where getValues() returns the script's own Date) reading the runtime clock.
 */
export function clockDate(now: () => number): DateConstructor {
  const HostDate = Date;
  class ClockDate extends HostDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [number, number]));
    }
    static override now(): number {
      return now();
    }
    static override [Symbol.hasInstance](x: unknown): boolean {
      return x instanceof HostDate;
    }
  }
  return ClockDate as unknown as DateConstructor;
}
