// When reminders go out. Apps Script's clock triggers for add-ons run at most once an hour
// (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers), and
// ClockTriggerBuilder offers everyDays / everyWeeks + onWeekDay / onMonthDay, each with atHour
// (https://developers.google.com/apps-script/reference/script/clock-trigger-builder): so daily,
// weekly (the default) and monthly. Pure: the add-on turns a Schedule into a trigger.
import type { ISODate } from '../types';
import { dayNumber, parseISO } from '../dates';
import { weekday } from '../deadline/repeat';

export type Frequency = 'daily' | 'weekly' | 'monthly';

export interface Schedule {
  frequency: Frequency;
  /** 1 = Monday … 7 = Sunday (weekly). */
  weekday: number;
  /** 1…28 (monthly; Google's onMonthDay takes 1–31, but a 29th–31st would skip short months). */
  monthDay: number;
  /** 0…23, the hour the trigger starts in (Google picks a minute within it). */
  hour: number;
  /** How many days ahead «срок скоро» looks. */
  days: number;
}

export const DEFAULT_SCHEDULE: Schedule = { frequency: 'weekly', weekday: 1, monthDay: 1, hour: 8, days: 7 };

export const WEEKDAYS_RU = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'] as const;
const WEEKDAYS_ACC = ['понедельникам', 'вторникам', 'средам', 'четвергам', 'пятницам', 'субботам', 'воскресеньям'] as const;

/** «по понедельникам в 8:00», «ежедневно в 8:00», «ежемесячно, 1-го числа, в 8:00». */
export function describeSchedule(s: Schedule): string {
  const at = `в ${s.hour}:00`;
  switch (s.frequency) {
    case 'daily': return `ежедневно ${at}`;
    case 'monthly': return `ежемесячно, ${s.monthDay}-го числа, ${at}`;
    default: return `по ${WEEKDAYS_ACC[s.weekday - 1] ?? WEEKDAYS_ACC[0]} ${at}`;
  }
}

/**
 * The scheduled period a day belongs to: one digest per period and recipient, however often the
 * trigger fires in it (Google may fire twice, a person may switch reminders off and on).
 * Weekly periods are Monday-based weeks named by their Monday.
 */
export function periodKey(frequency: Frequency, today: ISODate): string {
  if (frequency === 'daily') return today;
  if (frequency === 'monthly') return today.slice(0, 7);
  const { year, month, day } = parseISO(today);
  const monday = dayNumber(today) - (weekday(year, month, day) - 1);
  return `w${new Date(monday * 86_400_000).toISOString().slice(0, 10)}`;
}
