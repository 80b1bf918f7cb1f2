// Reminders end to end in the in-memory Apps Script (issue 15): the digest of a real plan for a
// fixed day, switching on (one trigger, a test digest) and off, the trigger firing at a given
// clock, once per period, within the mail quota, and safe when its account lost access.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { armFault, disarmFault, MAIL_QUOTA_MESSAGE } from '../../../preview/gas/index';
import * as main from '../../../src/addon/main';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { REMINDERS_LOG_KEY } from '../../../src/addon/reminders/store';
import { recognisedHarness, texts, type Harness } from '../roadmap/harness';

const STATUS = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
const ON = { enabled: true, frequency: 'weekly' as const, weekday: 1, monthDay: 1, hour: 9, days: 7, addresses: 'zam@example.org, direktor@example.org' };
// The harness's clock stands at 09:00 Moscow time of the day set: the trigger's hour.
const OFF = { ...ON, enabled: false };

/** Школа № 31 (Подольск), календарный план воспитательной работы 2023–2024, as published. */
function podolsk(): unknown[][] {
  const url = new URL('../../fixtures/roadmaps/real/podolsk31-kpvr-2023-2024.json', import.meta.url);
  return (JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as { cells: unknown[][] }).cells;
}

let h: Harness;
let sheet: string;
afterEach(() => h?.dispose());

/** Tuesday 5 September 2023, 09:00 Moscow: the plan's first week. */
function setUp(): void {
  ({ h, sheet } = recognisedHarness('2023-09-05', podolsk()));
}
const rowOf = (activity: string): number => texts(h.sheet(sheet)).findIndex((r) => r.some((c) => c.startsWith(activity))) + 1;
const fire = () => h.runtime.fireClockTriggers({ sendReminders: main.sendReminders as (e: unknown) => unknown });
const log = () => JSON.parse(h.runtime.properties('document')[REMINDERS_LOG_KEY] ?? '{"lines":[]}') as { lines: string[]; sent: string[] };

describe('the digest of a real plan for a fixed today', () => {
  it('lists what is overdue and what falls due within N days, with rows, and nothing done or undated', () => {
    setUp();
    // The school marks the first assembly done: it must drop out of the digest.
    h.runtime.userEdit(sheet, rowOf('Общешкольная линейка'), STATUS, 'Выполнено');
    const state = h.run(() => main.getReminders());
    expect(state.enabled).toBe(false);
    expect(state.recipients).toHaveLength(1);
    expect(state.recipients[0]).toMatchObject({ overdue: 2, dueSoon: 1 });
    const saved = h.run(() => main.saveReminders(ON));
    const [test] = h.runtime.sentMail();
    expect(saved.message).toMatch(/Пробное письмо .* отправлено на metodist@example\.org/);
    expect(test!.to).toEqual(['metodist@example.org']);
    expect(test!.subject).toMatch(/^Пробная рассылка\. Дорожная карта «КАЛЕНДАРНЫЙ ПЛАН ВОСПИТАТЕЛЬНОЙ РАБОТЫ НА 2023-2024 УЧЕБНЫЙ ГОД .*»: просрочено — 2, срок в ближайшие 7 дней — 1 \(на 05\.09\.2023\)$/);
    const body = test!.body;
    // Overdue: the class hour and the action of 1 and 3 September; the weekly flag-raising is due on Monday 11 September (its next occurrence).
    expect(body).toContain(`строка ${rowOf('Классный час')}: «Классный час «Россия, устремленная в будущее»» — срок «1 сентября» (истёк 01.09.2023); ответственные: Классные руководители.`);
    expect(body).toContain(`строка ${rowOf('Акция, посвященная')}:`);
    expect(body).toContain(`строка ${rowOf('Подъем Флага')}: «Подъем Флага РФ и исполнение Гимна РФ» — срок «Каждый понедельник» (до 11.09.2023)`);
    for (const absent of ['Общешкольная линейка', 'ГТО', 'футболу']) expect(body).not.toContain(absent);
    expect(body).toContain('по состоянию на 05.09.2023');
    expect(body).toContain(`Таблица «Дорожная карта»: https://docs.google.com/spreadsheets/d/`);
    expect(test!.htmlBody).toContain(`#gid=`);
    expect(test!.htmlBody).toContain(`&amp;range=${rowOf('Классный час')}:${rowOf('Классный час')}`);
  });
});

describe('switching on and off', () => {
  it('installs exactly one clock trigger as the person switching on; a change replaces it; off removes it', () => {
    setUp();
    h.run(() => main.saveReminders(ON));
    expect(h.runtime.triggers()).toEqual([expect.objectContaining({ user: 'metodist@example.org', handler: 'sendReminders', schedule: expect.objectContaining({ everyWeeks: 1, weekDay: 1, hour: 9 }) })]);
    h.run(() => main.saveReminders({ ...ON, frequency: 'monthly', monthDay: 5, hour: 7 }));
    expect(h.runtime.triggers()).toEqual([expect.objectContaining({ schedule: expect.objectContaining({ monthDay: 5, hour: 7 }) })]);
    // Only the first switch-on sends the test digest.
    expect(h.runtime.sentMail()).toHaveLength(1);
    const off = h.run(() => main.saveReminders(OFF));
    expect(h.runtime.triggers()).toEqual([]);
    expect(off.enabled).toBe(false);
    expect(off.log[0]).toMatch(/рассылка выключена/);
  });

  it('another editor switching on takes over: the first account\'s trigger deletes itself when it fires', () => {
    setUp();
    h.run(() => main.saveReminders(ON));
    h.runtime.run('FULL', () => main.saveReminders(ON), { user: 'zam@example.org' });
    expect(h.runtime.triggers().map((t) => t.user).sort()).toEqual(['metodist@example.org', 'zam@example.org']);
    h.setToday('2023-09-11');
    const before = h.runtime.sentMail().length;
    fire();
    expect(h.runtime.triggers().map((t) => t.user)).toEqual(['zam@example.org']);
    // One digest, from the new sender's account only.
    const sent = h.runtime.sentMail().slice(before);
    expect(sent.map((m) => m.from)).toEqual(['zam@example.org']);
  });

  it('Google failing to create the schedule leaves reminders off, with a Russian message and no mail', () => {
    setUp();
    const counter = armFault(h.runtime.tracker, null);
    h.run(() => main.saveReminders(ON));
    disarmFault(h.runtime.tracker);
    const createAt = counter.keys.indexOf('ClockTriggerBuilder.create') + 1;
    h.run(() => main.saveReminders(OFF));
    const mail = h.runtime.sentMail().length;
    armFault(h.runtime.tracker, { at: createAt });
    expect(() => h.run(() => main.saveReminders(ON))).toThrow(/^Рассылка не включена: Google не создал расписание\. Сервер Google временно не ответил/);
    disarmFault(h.runtime.tracker);
    expect(h.runtime.triggers()).toEqual([]);
    expect(h.run(() => main.getReminders()).enabled).toBe(false);
    expect(h.runtime.sentMail().length).toBe(mail);
  });

  it('refuses addresses that are not e-mail addresses, naming them', () => {
    setUp();
    expect(() => h.run(() => main.saveReminders({ ...ON, addresses: 'zam@example.org, директор школы' }))).toThrow(/«директор» , «школы»|«директор», «школы»/);
    expect(h.runtime.triggers()).toEqual([]);
  });
});

describe('the trigger', () => {
  it('fires at its hour on its weekday and sends the digest once per week, however often Google fires it', () => {
    setUp();
    h.run(() => main.saveReminders(ON));
    const afterTest = h.runtime.sentMail().length;
    h.setToday('2023-09-08'); // a Friday: not its day
    expect(fire()).toEqual([]);
    h.setToday('2023-09-11'); // Monday 09:00
    expect(fire()).toHaveLength(1);
    const week = h.runtime.sentMail().slice(afterTest);
    expect(week).toHaveLength(1);
    expect(week[0]!.to).toEqual(['zam@example.org', 'direktor@example.org']);
    expect(week[0]!.from).toBe('metodist@example.org');
    expect(week[0]!.subject).toMatch(/^Дорожная карта «.*»: просрочено — \d+, срок в ближайшие 7 дней — \d+ \(на 11\.09\.2023\)$/);
    // Google fires twice (or the person presses again): nothing more goes out this week.
    fire();
    h.runtime.run('FULL', () => main.sendReminders({}), { user: 'metodist@example.org' });
    expect(h.runtime.sentMail().slice(afterTest)).toHaveLength(1);
    expect(log().lines[0]).toMatch(/Отправлено писем: 0\./);
    h.setToday('2023-09-18'); // the next Monday: the next digest
    fire();
    expect(h.runtime.sentMail().slice(afterTest)).toHaveLength(2);
  });

  it('sends nothing past the mail quota, says so in the log, and never throws', () => {
    setUp();
    h.run(() => main.saveReminders(ON));
    h.runtime.setMailQuota(1); // two recipients do not fit in one
    h.setToday('2023-09-11');
    const before = h.runtime.sentMail().length;
    expect(() => fire()).not.toThrow();
    expect(h.runtime.sentMail().length).toBe(before);
    expect(log().lines[0]).toMatch(/Не отправлено из-за суточного лимита Google .*: Дорожная карта — эти адресаты получат следующую рассылку/);
    expect(h.run(() => main.getReminders()).log[0]).toBe(log().lines[0]);
    expect(MAIL_QUOTA_MESSAGE).toMatch(/too many times/); // what Google would have thrown, never reached
  });

  it('a failed send is logged and sent again by the next firing in the same period', () => {
    setUp();
    h.run(() => main.saveReminders(ON));
    h.setToday('2023-09-11');
    const before = h.runtime.sentMail().length;
    const injector = armFault(h.runtime.tracker, null);
    fire();
    disarmFault(h.runtime.tracker);
    const sendAt = injector.keys.indexOf('MailApp.sendEmail') + 1;
    expect(sendAt).toBeGreaterThan(0);
    // Same firing again, with the send failing this time (the first run sent it; reset the period).
    h.runtime.run('FULL', () => PropertiesService.getDocumentProperties().deleteProperty(REMINDERS_LOG_KEY));
    const sentBefore = h.runtime.sentMail().length;
    armFault(h.runtime.tracker, { at: sendAt });
    expect(() => fire()).not.toThrow();
    disarmFault(h.runtime.tracker);
    expect(h.runtime.sentMail().length).toBe(sentBefore);
    expect(log().lines[0]).toMatch(/Не отправлено из-за ошибки: Дорожная карта — Сервер Google временно не ответил/);
    fire();
    expect(h.runtime.sentMail().length).toBe(sentBefore + 1);
    expect(sentBefore).toBe(before + 1);
  });

  it('a firing while another execution holds the document lock sends nothing and says so; the next one sends', () => {
    setUp();
    h.run(() => main.saveReminders(ON));
    h.setToday('2023-09-11');
    const before = h.runtime.sentMail().length;
    const release = h.runtime.holdDocumentLock();
    expect(() => fire()).not.toThrow();
    release();
    expect(h.runtime.sentMail().length).toBe(before);
    expect(log().lines[0]).toMatch(/рассылка отложена/);
    fire();
    expect(h.runtime.sentMail().length).toBe(before + 1);
  });

  it('deletes itself, silently, when its account lost access to the spreadsheet', () => {
    setUp();
    h.run(() => main.saveReminders(ON));
    h.runtime.revokeAccess('metodist@example.org');
    h.setToday('2023-09-11');
    const before = h.runtime.sentMail().length;
    expect(() => fire()).not.toThrow();
    expect(h.runtime.sentMail().length).toBe(before);
    expect(h.runtime.triggers()).toEqual([]);
  });
});
