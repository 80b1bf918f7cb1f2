// Calendar arithmetic for repeated deadlines: weeks of a month, the n-th weekday, and the
// occurrences of a rule inside the plan period.
//
// What a week means. Schools count weeks of a month Monday to Sunday, the first being the week
// that holds the 1st: in September 2023 (the 1st is a Friday) «1 неделя сентября» is 1–3
// September, «2 неделя» 4–10 September. A week is cut to its month, so «4 неделя сентября»
// never reaches into October; «последняя неделя» is the week holding the last day.
//
// What a school quarter (четверть) means: I 1 Sep – 31 Oct, II 1 Nov – 31 Dec, III 1 Jan –
// 31 Mar, IV 1 Apr – 31 May. Real term dates differ by a week between regions and years; a
// deadline "1 раз в четверть" is due by the end of each.
import type { ISODate, Period, PlanContext } from '../types';
import { iso, monthLength } from './calendar';

/** Weekday of a date, 1 = Monday … 7 = Sunday. */
export function weekday(y: number, m: number, d: number): number {
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** The n-th week (n = -1: the last) of month m, Monday–Sunday, cut to the month; null if the month has no such week. */
export function weekOfMonth(y: number, m: number, n: number): Period | null {
  if (m < 1 || m > 12) return null;
  const len = monthLength(y, m);
  if (n === -1) {
    const start = len - (weekday(y, m, len) - 1);
    return { start: iso(y, m, Math.max(1, start)), end: iso(y, m, len) };
  }
  if (n < 1) return null;
  const monday = 1 - (weekday(y, m, 1) - 1) + 7 * (n - 1);
  if (monday > len) return null;
  return { start: iso(y, m, Math.max(1, monday)), end: iso(y, m, Math.min(len, monday + 6)) };
}

/** The n-th (n = -1: the last) weekday wd (1 = Monday) of month m, or null. */
export function nthWeekday(y: number, m: number, wd: number, n: number): ISODate | null {
  if (m < 1 || m > 12 || wd < 1 || wd > 7) return null;
  const len = monthLength(y, m);
  const first = 1 + ((wd - weekday(y, m, 1) + 7) % 7);
  if (n === -1) return iso(y, m, first + 7 * Math.floor((len - first) / 7));
  const d = first + 7 * (n - 1);
  return n >= 1 && d <= len ? iso(y, m, d) : null;
}

// A plan longer than this is not a plan; it keeps weekly rules from producing thousands of days.
const MAX_DAYS = 3700;

/** Every date of the plan that falls on one of the weekdays (1 = Monday), in date order. */
export function weeklyOccurrences(plan: PlanContext, weekdays: readonly number[]): Period[] {
  const out: Period[] = [];
  const y0 = Number(plan.planStart.slice(0, 4));
  const m0 = Number(plan.planStart.slice(5, 7));
  const d0 = Number(plan.planStart.slice(8, 10));
  const first = weekday(y0, m0, d0);
  for (const wd of weekdays) {
    // Step a week at a time from the first such day of the plan.
    let y = y0;
    let m = m0;
    let d = d0 + ((wd - first + 7) % 7);
    for (let k = 0; k < MAX_DAYS / 7; k++) {
      let len = monthLength(y, m);
      while (d > len) {
        d -= len;
        if (++m > 12) {
          m = 1;
          y++;
        }
        len = monthLength(y, m);
      }
      const date = iso(y, m, d);
      if (date > plan.planEnd) break;
      out.push({ start: date, end: date });
      d += 7;
    }
  }
  if (weekdays.length > 1) out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return out;
}

/**
 * The occurrence of a monthly rule in each month of the plan; with step 3, only in January,
 * April, July and October (the months after each quarter). Kept when it ends inside the plan.
 */
export function monthlyOccurrences(plan: PlanContext, step: 1 | 3, at: (y: number, m: number) => Period | null): Period[] {
  const out: Period[] = [];
  let y = Number(plan.planStart.slice(0, 4));
  let m = Number(plan.planStart.slice(5, 7));
  for (let k = 0; k < 1200; k++) {
    if (iso(y, m, 1) > plan.planEnd) break;
    if (step === 1 || (m - 1) % 3 === 0) {
      const p = at(y, m);
      if (p && p.end >= plan.planStart && p.end <= plan.planEnd) out.push(p);
    }
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** School quarters (четверти) that touch the plan. */
export function schoolTerms(plan: PlanContext): Period[] {
  const out: Period[] = [];
  const first = Number(plan.planStart.slice(0, 4)) - 1;
  const last = Number(plan.planEnd.slice(0, 4));
  for (let y = first; y <= last; y++) {
    for (const p of [
      { start: iso(y, 9, 1), end: iso(y, 10, 31) },
      { start: iso(y, 11, 1), end: iso(y, 12, 31) },
      { start: iso(y + 1, 1, 1), end: iso(y + 1, 3, 31) },
      { start: iso(y + 1, 4, 1), end: iso(y + 1, 5, 31) },
    ]) if (p.start <= plan.planEnd && p.end >= plan.planStart) out.push(p);
  }
  return out;
}
