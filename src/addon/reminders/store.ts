// The reminders' settings and log, in document properties (shared by everyone who edits this
// spreadsheet, never script properties: those are shared by every user of the add-on). The log
// keeps the sent digests of the current period (so a second firing sends nothing twice) and the
// last runs' lines for the sidebar, within the 9 KB a property may hold.
import * as z from 'zod/mini';
import { parseStoredJson } from '../stored-json';
import { DEFAULT_SCHEDULE, type Schedule } from '../../core/reminders';
import { reminderScheduleShape } from '../../contract/reminders';

type Properties = GoogleAppsScript.Properties.Properties;

export const REMINDERS_KEY = 'dorozhnayaKarta.reminders.v1';
export const REMINDERS_LOG_KEY = 'dorozhnayaKarta.reminders.log.v1';

const settingsSchema = z.object({
  ...reminderScheduleShape,
  /** Extra recipients: the single roadmap's addresses, or the district's besides its editors. */
  addresses: z.array(z.string().check(z.maxLength(254))).check(z.maxLength(50)),
  /** Whose trigger sends: the account that switched reminders on (lower-case), or null. */
  sender: z.nullable(z.string()),
});
export type ReminderSettings = z.infer<typeof settingsSchema>;

const logSchema = z.object({
  /** The scheduled period the `sent` keys belong to (schedule.ts periodKey). */
  period: z.nullable(z.string()),
  sent: z.array(z.string()),
  /** Newest first. */
  lines: z.array(z.string()),
});
export type ReminderLog = z.infer<typeof logSchema>;

export const defaultReminderSettings = (): ReminderSettings => ({ enabled: false, ...DEFAULT_SCHEDULE, addresses: [], sender: null });


export function readReminderSettings(props: Properties): ReminderSettings {
  return parseStoredJson(settingsSchema, props.getProperty(REMINDERS_KEY)) ?? defaultReminderSettings();
}

export function writeReminderSettings(props: Properties, settings: ReminderSettings): void {
  props.setProperty(REMINDERS_KEY, JSON.stringify(settingsSchema.parse(settings)));
}

/** The log, from the store or from its properties already read (one getProperties serves both). */
export function readReminderLog(props: Properties, all?: Readonly<Record<string, string>>): ReminderLog {
  const raw = all ? (all[REMINDERS_LOG_KEY] ?? null) : props.getProperty(REMINDERS_LOG_KEY);
  return parseStoredJson(logSchema, raw) ?? { period: null, sent: [], lines: [] };
}

/** Lines kept at most, and the size the whole log stays under (a property holds 9 KB). */
const MAX_LINES = 30;
const MAX_CHARS = 8_000;

/** The log with a new line on top, trimmed to fit one property. */
export function withLine(log: ReminderLog, line: string): ReminderLog {
  const next: ReminderLog = { ...log, lines: [line.slice(0, 1_500), ...log.lines].slice(0, MAX_LINES) };
  while (JSON.stringify(next).length > MAX_CHARS && next.lines.length > 1) next.lines.pop();
  // A district of hundreds of schools: the sent keys alone could outgrow the property; the oldest
  // lines go first, then (never in practice) the keys are cut and a re-fire could repeat a digest.
  while (JSON.stringify(next).length > MAX_CHARS && next.sent.length) next.sent.shift();
  return next;
}

export function writeReminderLog(props: Properties, log: ReminderLog): void {
  props.setProperty(REMINDERS_LOG_KEY, JSON.stringify(log));
}

export function scheduleOf(s: ReminderSettings): Schedule {
  return { frequency: s.frequency, weekday: s.weekday, monthDay: s.monthDay, hour: s.hour, days: s.days };
}
