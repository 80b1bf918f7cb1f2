// Read–change–write under the document lock: two people (or a person and onEdit) must not
// interleave. Flush before releasing so the next holder reads what we wrote.
import { twice } from './atomic';
import { UserError } from './endpoint';

export const BUSY_MESSAGE =
  'Таблицу сейчас изменяет другое действие дополнения «Дорожная карта» (возможно, запущенное другим пользователем). Повторите через несколько секунд.';

/** Runs fn holding the document lock; if another execution holds it past `waitMs`, fails with `busy`. */
export function withDocumentLock<T>(fn: () => T, { waitMs = 10_000, busy = BUSY_MESSAGE } = {}): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) throw new UserError(busy);
  try {
    const result = fn();
    // The work is done: a transient failure to flush is worth one more try, not a false «failed».
    twice(() => SpreadsheetApp.flush());
    return result;
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // Apps Script releases a finished execution's locks itself; the work above is what counts.
    }
  }
}
