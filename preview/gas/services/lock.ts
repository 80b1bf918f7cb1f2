// LockService: the document lock. Reference: https://developers.google.com/apps-script/reference/lock/lock
// Other executions cannot run concurrently here, so a test simulates one with holdDocumentLock().
import type { GasContext } from '../context';
import { complete } from './partial';

/** Google's message when waitLock times out. */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

type FakeLock = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'>;

export interface LockState {
  readonly service: GoogleAppsScript.Lock.LockService;
  /** Another execution takes the document lock until the returned function is called. */
  holdDocumentLock(): () => void;
  /** Called at the end of each run: Apps Script releases the locks of a finished execution. */
  endExecution(): void;
  /** Whether anyone holds the document lock now. */
  documentLocked(): boolean;
}

export function createLockService(ctx: GasContext): LockState {
  let holder: object | null = null;
  const makeLock = (): GoogleAppsScript.Lock.Lock => {
    const owner = {};
    const take = (): boolean => {
      if (holder === owner) return true;
      if (holder !== null) return false;
      holder = owner;
      return true;
    };
    const impl: FakeLock = {
      tryLock: (_ms: number) => take(),
      waitLock(_ms: number) {
        if (!take()) throw new Error(LOCK_TIMEOUT);
      },
      releaseLock() {
        if (holder === owner) holder = null;
      },
      hasLock: () => holder === owner,
    };
    return ctx.tracker.wrap(complete<GoogleAppsScript.Lock.Lock>(impl, 'Lock'), 'Lock');
  };
  // One execution gets the same lock back from every getDocumentLock() call, as in Apps Script.
  let current: GoogleAppsScript.Lock.Lock | null = null;
  // Script and user locks are left unimplemented: per-document state must use the document lock.
  const impl: Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock'> = {
    getDocumentLock: () => (current ??= makeLock()),
  };
  return {
    service: ctx.tracker.wrap(complete<GoogleAppsScript.Lock.LockService>(impl, 'LockService'), 'LockService'),
    holdDocumentLock() {
      if (holder !== null) throw new Error('The document lock is already held');
      const other = {};
      holder = other;
      return () => {
        if (holder === other) holder = null;
      };
    },
    endExecution() {
      if (current) ctx.tracker.internal(() => current!.releaseLock());
      current = null;
    },
    documentLocked: () => holder !== null,
  };
}
