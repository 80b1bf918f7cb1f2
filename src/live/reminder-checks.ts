// Live checks of what «Напоминания о сроках» relies on: the add-on's way of installing its clock
// trigger (delete the account's own, then create one) leaves exactly one, whether or not Google
// enforces the add-on limit of one per document in this context (it does for an installed add-on,
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers; a bound script run
// through the API may not); and MailApp reports its quota as a whole number. No mail is sent.
import type { LiveCheck } from './checks';

const HANDLER = 'sendReminders';

function ownClockTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === HANDLER);
}

export const REMINDER_CHECKS: LiveCheck[] = [
  {
    name: 'reminders: installing the clock trigger twice the add-on\u2019s way (delete own, create) leaves one; deleting leaves none',
    expected: () => ({ afterFirst: 1, afterSecond: 1, afterDelete: 0 }),
    run: (ctx) => {
      const install = (): number => {
        for (const t of ownClockTriggers(ctx.ss)) ScriptApp.deleteTrigger(t);
        ScriptApp.newTrigger(HANDLER).timeBased().everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).inTimezone(ctx.timeZone).create();
        return ownClockTriggers(ctx.ss).length;
      };
      const afterFirst = install();
      const afterSecond = install();
      for (const t of ownClockTriggers(ctx.ss)) ScriptApp.deleteTrigger(t);
      return { afterFirst, afterSecond, afterDelete: ownClockTriggers(ctx.ss).length };
    },
  },
  {
    name: 'reminders: MailApp.getRemainingDailyQuota is a whole number of recipients, at most 1,500',
    expected: () => 'integer 0…1500',
    run: () => {
      const q = MailApp.getRemainingDailyQuota();
      return Number.isInteger(q) && q >= 0 && q <= 1_500 ? 'integer 0…1500' : `unexpected: ${String(q)}`;
    },
  },
];
