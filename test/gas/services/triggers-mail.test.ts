// ScriptApp clock triggers and MailApp in the in-memory Apps Script, held to Google's reference
// (preview/gas/services/script.ts and mail.ts cite the pages).
import { describe, expect, it } from 'vitest';
import manifest from '../../../appsscript.json';
import { createGasRuntime, MAIL_QUOTA_MESSAGE, TOO_MANY_CLOCK_TRIGGERS } from '../../../preview/gas';

const MONDAY_0830 = new Date('2023-09-11T08:30:00+03:00');

function runtime(now = MONDAY_0830, extra: Parameters<typeof createGasRuntime>[0] = {}) {
  let clock = now;
  const rt = createGasRuntime({ now: () => clock, ...extra });
  return { rt, g: rt.globals, setClock: (d: Date) => void (clock = d) };
}

describe('ScriptApp clock triggers', () => {
  it('one clock trigger per user per document: a second is refused; another user may have their own', () => {
    const { rt, g } = runtime();
    const weekly = () => g.ScriptApp.newTrigger('f').timeBased().everyWeeks(1).onWeekDay(g.ScriptApp.WeekDay.MONDAY).atHour(8).create();
    rt.run('FULL', weekly);
    expect(() => rt.run('FULL', weekly)).toThrow(TOO_MANY_CLOCK_TRIGGERS);
    rt.run('FULL', weekly, { user: 'other@example.org' });
    expect(rt.triggers().map((t) => t.user)).toEqual(['metodist@example.org', 'other@example.org']);
    // Each account sees and deletes its own only.
    expect(rt.run('FULL', () => g.ScriptApp.getProjectTriggers().length)).toBe(1);
    rt.run('FULL', () => g.ScriptApp.getUserTriggers(g.SpreadsheetApp.getActiveSpreadsheet()).forEach((t) => g.ScriptApp.deleteTrigger(t)));
    expect(rt.triggers().map((t) => t.user)).toEqual(['other@example.org']);
  });

  it('is refused in a simple trigger (LIMITED) and without the script.scriptapp scope', () => {
    const { rt, g } = runtime();
    expect(() => rt.run('LIMITED', () => g.ScriptApp.newTrigger('f'))).toThrow('script.scriptapp');
    const bare = createGasRuntime({ oauthScopes: manifest.oauthScopes.filter((s) => !s.endsWith('script.scriptapp')) });
    expect(() => bare.run('FULL', () => bare.globals.ScriptApp.getProjectTriggers())).toThrow('Required permissions: https://www.googleapis.com/auth/script.scriptapp');
  });

  it('fires in its hour on its weekday, as its creator, with the time-driven event object', () => {
    const { rt, g, setClock } = runtime(new Date('2023-09-08T08:30:00+03:00'));
    rt.run('FULL', () => g.ScriptApp.newTrigger('f').timeBased().everyWeeks(1).onWeekDay(g.ScriptApp.WeekDay.MONDAY).atHour(8).inTimezone('Europe/Moscow').create());
    const events: Record<string, unknown>[] = [];
    const users: string[] = [];
    const handlers = { f: (e: unknown) => { events.push(e as Record<string, unknown>); users.push(g.Session.getEffectiveUser().getEmail()); } };
    expect(rt.fireClockTriggers(handlers)).toEqual([]); // Friday
    setClock(new Date('2023-09-11T09:30:00+03:00'));
    expect(rt.fireClockTriggers(handlers)).toEqual([]); // Monday, another hour
    setClock(MONDAY_0830);
    expect(rt.fireClockTriggers(handlers)).toHaveLength(1);
    expect(users).toEqual(['metodist@example.org']);
    expect(events[0]).toMatchObject({ year: 2023, month: 9, 'day-of-month': 11, 'day-of-week': 1, hour: 8, timezone: 'Europe/Moscow', triggerUid: rt.triggers()[0]!.id });
    expect(String(events[0]!.authMode)).toBe('FULL');
  });

  it('daily and monthly schedules', () => {
    const { rt, g, setClock } = runtime();
    rt.run('FULL', () => g.ScriptApp.newTrigger('d').timeBased().everyDays(1).atHour(8).create());
    rt.run('FULL', () => g.ScriptApp.newTrigger('m').timeBased().onMonthDay(12).atHour(8).create(), { user: 'x@example.org' });
    const fired: string[] = [];
    const handlers = { d: () => fired.push('d'), m: () => fired.push('m') };
    rt.fireClockTriggers(handlers);
    setClock(new Date('2023-09-12T08:10:00+03:00'));
    rt.fireClockTriggers(handlers);
    expect(fired).toEqual(['d', 'd', 'm']);
  });
});

describe('MailApp', () => {
  it('counts recipients against the daily quota and throws Google\'s error past it, sending nothing', () => {
    const { rt, g, setClock } = runtime(MONDAY_0830, { mailQuota: 3 });
    expect(rt.run('FULL', () => g.MailApp.getRemainingDailyQuota())).toBe(3);
    rt.run('FULL', () => g.MailApp.sendEmail({ to: 'a@example.org,b@example.org', subject: 'S', body: 'B', htmlBody: '<p>B</p>' }));
    expect(rt.run('FULL', () => g.MailApp.getRemainingDailyQuota())).toBe(1);
    expect(() => rt.run('FULL', () => g.MailApp.sendEmail('c@example.org,d@example.org', 'S', 'B'))).toThrow(MAIL_QUOTA_MESSAGE);
    expect(rt.sentMail()).toHaveLength(1);
    expect(rt.sentMail()[0]).toMatchObject({ from: 'metodist@example.org', to: ['a@example.org', 'b@example.org'], subject: 'S', htmlBody: '<p>B</p>' });
    // 24 hours after the first request the quota is whole again.
    setClock(new Date(MONDAY_0830.getTime() + 86_400_000));
    expect(rt.run('FULL', () => g.MailApp.getRemainingDailyQuota())).toBe(3);
  });

  it('needs script.send_mail, and full authorization', () => {
    const { rt, g } = runtime();
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
    expect(() => rt.run('LIMITED', () => g.MailApp.getRemainingDailyQuota())).toThrow('script.send_mail');
    const bare = createGasRuntime({ oauthScopes: manifest.oauthScopes.filter((s) => !s.endsWith('send_mail')) });
    expect(() => bare.run('FULL', () => bare.globals.MailApp.sendEmail('a@example.org', 's', 'b'))).toThrow('Required permissions: https://www.googleapis.com/auth/script.send_mail');
  });

  it('an account removed from the spreadsheet cannot open it', () => {
    const { rt, g } = runtime();
    rt.revokeAccess('metodist@example.org');
    expect(() => rt.run('FULL', () => g.SpreadsheetApp.getActiveSpreadsheet())).toThrow('You do not have permission to access the requested document.');
    expect(rt.run('FULL', () => g.SpreadsheetApp.getActiveSpreadsheet().getName(), { user: 'other@example.org' })).toBe('Дорожная карта');
  });
});
