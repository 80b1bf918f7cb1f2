// Status of a row for colouring and counting, and the one period that decides it.
// The add-on writes relevantPeriod() into helper date columns; conditional formatting with TODAY()
// then reproduces deadlineStatus() day after day without re-running anything:
//   done → done; kind unrecognized → invalid; external/empty → nodate; throughout → ongoing;
//   otherwise, with P = relevantPeriod(today): end < today → overdue;
//   end − today <= soonDays → soon; start <= today → active; else upcoming.
import type { Deadline, DeadlineStatus, ISODate, Period } from '../types';
import { daysBetween, isISODate } from '../dates';

/**
 * The occurrence that decides the status as of today: the current one (containing today; the one
 * ending first if several do), else the next one, else — all in the past — the last one.
 */
export function relevantPeriod(deadline: Deadline, today: ISODate): Period | null {
  let current: Period | null = null;
  let next: Period | null = null;
  let last: Period | null = null;
  for (const p of deadline.periods) {
    if (!last || p.end > last.end) last = p;
    if (p.end < today) continue;
    if (p.start <= today) {
      if (!current || p.end < current.end) current = p;
    } else if (!next || p.start < next.start || (p.start === next.start && p.end < next.end)) next = p;
  }
  return current ?? next ?? last;
}

export function deadlineStatus(
  deadline: Deadline,
  opts: { today: ISODate; done: boolean; soonDays: number },
): DeadlineStatus {
  if (opts.done) return 'done';
  switch (deadline.kind) {
    case 'unrecognized':
      return 'invalid';
    case 'external':
    case 'empty':
      return 'nodate';
    case 'throughout':
      return 'ongoing';
    default:
      break;
  }
  if (!isISODate(opts.today)) return 'invalid';
  const p = relevantPeriod(deadline, opts.today);
  if (!p) return 'invalid';
  if (p.end < opts.today) return 'overdue';
  if (daysBetween(opts.today, p.end) <= opts.soonDays) return 'soon';
  if (p.start <= opts.today) return 'active';
  return 'upcoming';
}
