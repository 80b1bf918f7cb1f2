// ScriptApp: the AuthMode enum (for onOpen(e) checks), and installable time-driven triggers as an
// editor add-on meets them.
//
// From Google's reference:
//  - ClockTriggerBuilder: everyDays / everyWeeks / onWeekDay / onMonthDay / atHour / nearMinute /
//    inTimezone (https://developers.google.com/apps-script/reference/script/clock-trigger-builder).
//  - Installable triggers always run under the account of the person who created them; one account
//    cannot see the triggers another installed
//    (https://developers.google.com/apps-script/guides/triggers/installable#restrictions).
//  - Time-driven triggers: Apps Script picks a minute within the hour asked for and keeps it; add-ons
//    may use them at most once an hour (same page, «Time-driven triggers»).
//  - Editor add-ons: one trigger of each type per user per document
//    (https://developers.google.com/workspace/add-ons/concepts/editor-triggers); a second clock trigger
//    for the same document and user is refused at create().
//  - getProjectTriggers(): the current user's triggers of this project; getUserTriggers(spreadsheet):
//    the current user's triggers for that document
//    (https://developers.google.com/apps-script/reference/script/script-app).
//  - The time-driven event object: authMode, triggerUid, year, month, day-of-month, day-of-week,
//    week-of-year, hour, minute, second, timezone
//    (https://developers.google.com/apps-script/guides/triggers/events#time-driven_events).
//  - Quotas: 20 triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas).
import type { GasContext } from '../context';
import { complete } from './partial';
import { makeEnum, enumName } from './enum';
import { formatDate } from './format-date';

export const AuthModeEnum = makeEnum<typeof GoogleAppsScript.Script.AuthMode>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
const WeekDayEnum = makeEnum<typeof GoogleAppsScript.Base.Weekday>(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);
const EventTypeEnum = makeEnum<typeof GoogleAppsScript.Script.EventType>(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
const TriggerSourceEnum = makeEnum<typeof GoogleAppsScript.Script.TriggerSource>(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);

/** Google's refusal of a second clock trigger of an add-on in one document for one account. */
export const TOO_MANY_CLOCK_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google Account. Please delete one or more triggers before continuing.';
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const MAX_TRIGGERS_PER_USER = 20;

/** 1 = Monday … 7 = Sunday, as the rest of the project counts weekdays. */
const WEEKDAY_NUMBER: Record<string, number> = { MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6, SUNDAY: 7 };

export interface ClockSchedule {
  everyDays: number | null;
  everyWeeks: number | null;
  /** 1 = Monday … 7 = Sunday. */
  weekDay: number | null;
  monthDay: number | null;
  hour: number | null;
  minute: number | null;
  timeZone: string;
}

export interface TriggerRecord {
  id: string;
  user: string;
  handler: string;
  /** The document the add-on's trigger belongs to. */
  document: string;
  schedule: ClockSchedule;
  /** 'yyyy-MM-dd' (in the schedule's zone) of creation: the phase of everyDays(n) / everyWeeks(n). */
  created: string;
}

/** Whether a trigger fires in the clock hour of `at`: the hour, weekday or day of month, and the n-day/n-week phase. */
export function firesAt(t: TriggerRecord, at: Date): boolean {
  const s = t.schedule;
  const day = formatDate(at, s.timeZone, 'yyyy-MM-dd');
  const hour = Number(formatDate(at, s.timeZone, 'H'));
  if (s.hour !== null && hour !== s.hour) return false;
  if (s.hour === null && hour !== 0) return false;
  const days = (Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) - Date.UTC(+t.created.slice(0, 4), +t.created.slice(5, 7) - 1, +t.created.slice(8, 10))) / 86_400_000;
  if (days < 0) return false;
  if (s.monthDay !== null) return Number(day.slice(8, 10)) === s.monthDay;
  if (s.everyWeeks !== null) {
    const wd = ((new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10))).getUTCDay() + 6) % 7) + 1;
    return wd === (s.weekDay ?? 1) && Math.floor(days / 7) % s.everyWeeks === 0;
  }
  if (s.everyDays !== null) return days % s.everyDays === 0;
  return false;
}

/** The time-driven event object Apps Script passes to the handler at `at`. */
export function clockEvent(t: TriggerRecord, at: Date): Record<string, unknown> {
  const f = (p: string): number => Number(formatDate(at, t.schedule.timeZone, p));
  const day = new Date(Date.UTC(f('yyyy'), f('M') - 1, f('d')));
  const dayOfWeek = ((day.getUTCDay() + 6) % 7) + 1;
  // The week of the year as Java's calendar counts it (weeks from Sunday, week 1 holds 1 January).
  const jan1 = new Date(Date.UTC(f('yyyy'), 0, 1));
  const weekOfYear = Math.floor(((day.getTime() - jan1.getTime()) / 86_400_000 + jan1.getUTCDay()) / 7) + 1;
  return {
    authMode: AuthModeEnum.FULL,
    triggerUid: t.id,
    year: f('yyyy'),
    month: f('M'),
    'day-of-month': f('d'),
    'day-of-week': dayOfWeek,
    'week-of-year': weekOfYear,
    hour: f('H'),
    minute: f('m'),
    second: f('s'),
    timezone: t.schedule.timeZone,
  };
}

export interface ScriptState {
  readonly service: GoogleAppsScript.Script.ScriptApp;
  /** Every account's triggers (not counted). */
  readonly triggers: TriggerRecord[];
}

export function createScriptApp(ctx: GasContext, documentId: () => string): ScriptState {
  const triggers: TriggerRecord[] = [];
  let next = 1;
  const wrapTrigger = (t: TriggerRecord): GoogleAppsScript.Script.Trigger => {
    const impl: Partial<GoogleAppsScript.Script.Trigger> & { __record: TriggerRecord } = {
      __record: t,
      getUniqueId: () => t.id,
      getHandlerFunction: () => t.handler,
      getEventType: () => EventTypeEnum.CLOCK,
      getTriggerSource: () => TriggerSourceEnum.CLOCK,
      getTriggerSourceId: () => '',
    };
    return ctx.tracker.wrap(complete<GoogleAppsScript.Script.Trigger>(impl, 'Trigger'), 'Trigger');
  };
  const mine = (): TriggerRecord[] => triggers.filter((t) => t.user === ctx.currentUser());

  const clockBuilder = (handler: string): GoogleAppsScript.Script.ClockTriggerBuilder => {
    const s: ClockSchedule = { everyDays: null, everyWeeks: null, weekDay: null, monthDay: null, hour: null, minute: null, timeZone: ctx.options.scriptTimeZone };
    const positive = (n: number, what: string): number => {
      if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: ${what}`);
      return n;
    };
    const impl: Partial<GoogleAppsScript.Script.ClockTriggerBuilder> = {
      everyDays: (n) => ((s.everyDays = positive(n, 'n')), self),
      everyWeeks: (n) => ((s.everyWeeks = positive(n, 'n')), self),
      onWeekDay: (day) => {
        const n = WEEKDAY_NUMBER[enumName(day) ?? ''];
        if (!n) throw new Error('Invalid argument: day');
        s.weekDay = n;
        return self;
      },
      onMonthDay: (day) => {
        if (!Number.isInteger(day) || day < 1 || day > 31) throw new Error('Invalid argument: day');
        s.monthDay = day;
        return self;
      },
      atHour: (hour) => {
        if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
        s.hour = hour;
        return self;
      },
      nearMinute: (minute) => ((s.minute = minute), self),
      inTimezone: (tz) => ((s.timeZone = tz), self),
      create: () => {
        if (s.everyDays === null && s.everyWeeks === null && s.monthDay === null) {
          throw new Error('Clock trigger must have a recurrence (everyDays, everyWeeks or onMonthDay).');
        }
        const document = documentId();
        const own = mine();
        if (own.length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
        if (own.some((t) => t.document === document)) throw new Error(TOO_MANY_CLOCK_TRIGGERS);
        const record: TriggerRecord = {
          id: String(next++), user: ctx.currentUser(), handler, document, schedule: { ...s },
          created: formatDate(ctx.options.now(), s.timeZone, 'yyyy-MM-dd'),
        };
        triggers.push(record);
        return wrapTrigger(record);
      },
    };
    // The builder methods return `self`, read when they are called (after this line).
    const self = ctx.tracker.wrap(complete<GoogleAppsScript.Script.ClockTriggerBuilder>(impl, 'ClockTriggerBuilder'), 'ClockTriggerBuilder');
    return self;
  };

  const impl: Partial<GoogleAppsScript.Script.ScriptApp> = {
    AuthMode: AuthModeEnum,
    WeekDay: WeekDayEnum,
    EventType: EventTypeEnum,
    TriggerSource: TriggerSourceEnum,
    getScriptId: () => 'in-memory-script',
    newTrigger: (functionName: string) => {
      const builder: Partial<GoogleAppsScript.Script.TriggerBuilder> = { timeBased: () => clockBuilder(functionName) };
      return ctx.tracker.wrap(complete<GoogleAppsScript.Script.TriggerBuilder>(builder, 'TriggerBuilder'), 'TriggerBuilder');
    },
    getProjectTriggers: () => mine().map(wrapTrigger),
    getUserTriggers: ((_doc: unknown) => mine().filter((t) => t.document === documentId()).map(wrapTrigger)) as GoogleAppsScript.Script.ScriptApp['getUserTriggers'],
    deleteTrigger: (trigger) => {
      const id = trigger.getUniqueId();
      const at = triggers.findIndex((t) => t.id === id && t.user === ctx.currentUser());
      if (at >= 0) triggers.splice(at, 1);
    },
  };
  return { service: ctx.tracker.wrap(complete<GoogleAppsScript.Script.ScriptApp>(impl, 'ScriptApp'), 'ScriptApp'), triggers };
}
