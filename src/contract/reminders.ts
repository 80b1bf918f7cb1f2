// «Напоминания о сроках»: the settings sidebar of the e-mail reminders (issue 15). Off until a
// person who may switch them on does; the state shows who gets what and the log of past runs.
import * as z from 'zod/mini';
import { spec } from './define';

export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;

export interface ReminderRecipient {
  /** «Район», «Школа «МБОУ СОШ № 1»», «Дорожная карта». */
  label: string;
  emails: string[];
  /** What the next digest would report today. */
  overdue: number;
  dueSoon: number;
  /** Why this digest would not go out, Russian; null when it would. */
  note: string | null;
}

export interface ReminderState {
  enabled: boolean;
  frequency: (typeof FREQUENCIES)[number];
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  monthDay: number;
  hour: number;
  days: number;
  /** Extra addresses, as stored (one string, comma-separated). */
  addresses: string;
  /** «по понедельникам в 8:00». */
  scheduleText: string;
  /** Whose account sends (the trigger's owner), null while off. */
  sender: string | null;
  districtMode: boolean;
  /** The caller may switch reminders on or off and change them; else `refusal` says why. */
  mayChange: boolean;
  refusal: string | null;
  recipients: ReminderRecipient[];
  /** Recipients the sender may still e-mail today (MailApp.getRemainingDailyQuota), null when not asked. */
  quota: number | null;
  /** Newest first: «07.12.2026 08:03 — …». */
  log: string[];
  /** What the last save did, Russian (switched on, test sent…), or null. */
  message: string | null;
}

/** The schedule as the sidebar sends it and as it is stored. */
export const reminderScheduleShape = {
  enabled: z.boolean(),
  frequency: z.enum(FREQUENCIES),
  /** 1 = Monday … 7 = Sunday. */
  weekday: z.number().check(z.int(), z.gte(1), z.lte(7)),
  /** Up to the 28th: every month has it. */
  monthDay: z.number().check(z.int(), z.gte(1), z.lte(28)),
  hour: z.number().check(z.int(), z.gte(0), z.lte(23)),
  days: z.number().check(z.int(), z.gte(0), z.lte(60)),
};

const settingsArgs = z.tuple([z.object({ ...reminderScheduleShape, addresses: z.string().check(z.maxLength(2_000)) })]);
const noArgs = z.tuple([]);

export const remindersApi = {
  getReminders: spec<typeof noArgs, ReminderState>(noArgs),
  saveReminders: spec<typeof settingsArgs, ReminderState>(settingsArgs),
};
