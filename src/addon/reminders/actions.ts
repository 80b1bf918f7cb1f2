// «Напоминания о сроках»: the settings sidebar, switching on and off, and the trigger that sends.
//
// Facts from Google's reference this relies on:
//  - Editor add-ons may have one trigger of each type per user per document, and time-driven
//    triggers run at most once an hour (https://developers.google.com/workspace/add-ons/concepts/editor-triggers,
//    https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers): so
//    one clock trigger, created by the person who switches reminders on, and deleted before a new one.
//  - An installable trigger runs under the account of the person who created it, in AuthMode.FULL
//    (https://developers.google.com/apps-script/guides/triggers/installable#restrictions,
//    https://developers.google.com/apps-script/guides/triggers/events#time-driven_events): the mail goes
//    from that account, and only that account can delete the trigger — so a trigger that finds it is
//    no longer the sender (someone else switched reminders off, or on for themselves) deletes itself.
//  - MailApp counts recipients against a daily quota (100 consumer, 1,500 Workspace) and throws
//    «Service invoked too many times for one day: email.» past it
//    (https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota(),
//    https://developers.google.com/apps-script/guides/services/quotas): the handler asks for the quota
//    once, sends in priority order within it, and logs what was held back.
//  - Triggers share a daily total runtime (90 min consumer, 6 h Workspace; same quotas page): a run
//    reads each roadmap sheet once and sends one message per school, nothing more.
//  - Add-ons do not e-mail the user when a trigger throws (editor-triggers page): the handler never
//    throws; every outcome is a line of the log the sidebar shows.
import { implement, menuAction, UserError, describeServiceError } from '../endpoint';
import { activeEmail } from '../district/people';
import { readCaller } from '../roles';
import { showSidebar } from '../sidebar';
import { withDocumentLock } from '../lock';
import { dayInZone } from '../roadmap/values';
import { districtRefusal } from '../../core/district';
import { formatDayRu, pluralRu } from '../../core/roadmap';
import {
  decide, describeSchedule, invalidAddresses, normaliseAddresses, periodKey, QUOTA_REASON,
} from '../../core/reminders';
import type { ReminderState } from '../../contract/reminders';
import { planReminders, recipientsOf, type ReminderPlan } from './digests';
import {
  readReminderLog, readReminderSettings, scheduleOf, withLine, writeReminderLog, writeReminderSettings,
  type ReminderLog, type ReminderSettings,
} from './store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** The trigger's handler: a global function of dist/Code.js (exported from main.ts). */
/** A log sentence: ends with a full stop unless it already ends a sentence. */
const asSentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

export const HANDLER = 'sendReminders';
const TITLE = 'Напоминания о сроках';
const SENDER_NAME = 'Дорожная карта';
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** The account that runs this execution: a trigger's creator, or the person at the keyboard. */
function effectiveEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail().trim().toLowerCase();
  } catch {
    return '';
  }
}

/** 'dd.MM.yyyy HH:mm' in the spreadsheet's zone, for the log. */
function stamp(timeZone: string): string {
  const now = new Date();
  return `${formatDayRu(dayInZone(now, timeZone))} ${Utilities.formatDate(now, timeZone, 'HH:mm')}`;
}

/** This account's reminder triggers for this spreadsheet. */
function ownTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === HANDLER);
}

function installTrigger(ss: Spreadsheet, s: ReminderSettings): void {
  let b = ScriptApp.newTrigger(HANDLER).timeBased();
  if (s.frequency === 'daily') b = b.everyDays(1);
  else if (s.frequency === 'monthly') b = b.onMonthDay(s.monthDay);
  else b = b.everyWeeks(1).onWeekDay(ScriptApp.WeekDay[WEEKDAYS[s.weekday - 1]!]);
  b.atHour(s.hour).inTimezone(ss.getSpreadsheetTimeZone()).create();
}

/** Who may switch reminders on or off: the district in district mode; any editor of a single roadmap. */
function refusalFor(ss: Spreadsheet): string | null {
  const who = readCaller(ss);
  if (!who.caller.districtMode || who.caller.district) return null;
  return who.caller.email
    ? `Напоминания настраивают сотрудники района. ${districtRefusal(who.caller)}`
    : districtRefusal(who.caller);
}

function stateOf(ss: Spreadsheet, props: Properties, plan: ReminderPlan | null, message: string | null): ReminderState {
  const s = readReminderSettings(props);
  const log = readReminderLog(props);
  let quota: number | null = null;
  try {
    quota = MailApp.getRemainingDailyQuota();
  } catch {
    quota = null;
  }
  const refusal = refusalFor(ss);
  return {
    enabled: s.enabled, frequency: s.frequency, weekday: s.weekday, monthDay: s.monthDay, hour: s.hour, days: s.days,
    addresses: s.addresses.join(', '),
    scheduleText: describeSchedule(scheduleOf(s)),
    sender: s.enabled ? s.sender : null,
    districtMode: plan?.districtMode ?? false,
    mayChange: refusal === null,
    refusal,
    recipients: plan ? recipientsOf(plan) : [],
    quota,
    log: log.lines,
    message,
  };
}

function todayOf(ss: Spreadsheet): string {
  return dayInZone(new Date(), ss.getSpreadsheetTimeZone());
}

// ---- Sidebar ----

export function openReminders(): void {
  menuAction(TITLE, () => showSidebar('reminders', TITLE));
}

export const getReminders = implement('getReminders', () => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const props = PropertiesService.getDocumentProperties();
  const settings = readReminderSettings(props);
  return stateOf(ss, props, planReminders(ss, settings, todayOf(ss), props.getProperties()), null);
});

export const saveReminders = implement('saveReminders', (input) => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const bad = invalidAddresses(input.addresses);
  if (bad.length) {
    throw new UserError(`Адреса получателей: ${bad.map((a) => `«${a}»`).join(', ')} — не адрес электронной почты (ожидается вида name@example.ru). Адреса разделяйте запятой.`);
  }
  const addresses = normaliseAddresses(input.addresses);
  if (addresses.length > 50) throw new UserError(`Адреса получателей: не больше 50 адресов (указано ${addresses.length}).`);
  const me = effectiveEmail() || activeEmail();
  if (input.enabled && !me) {
    throw new UserError('Google не сообщил дополнению адрес вашей электронной почты: письма некому было бы отправлять от вашего имени. Войдите в аккаунт Google и откройте таблицу заново.');
  }
  // Read–change–write of the settings and the trigger under the document lock: two people saving at
  // once must not leave two schedules or settings that name the wrong sender.
  return withDocumentLock(() => applyReminderSettings(ss, input, addresses, me));
});

function applyReminderSettings(ss: Spreadsheet, input: Omit<ReminderSettings, 'addresses' | 'sender'>, addresses: string[], me: string): ReminderState {
  const props = PropertiesService.getDocumentProperties();
  const before = readReminderSettings(props);
  const next: ReminderSettings = {
    enabled: input.enabled, frequency: input.frequency, weekday: input.weekday, monthDay: input.monthDay, hour: input.hour, days: input.days,
    addresses, sender: input.enabled ? me : before.sender,
  };
  const tz = ss.getSpreadsheetTimeZone();
  // Whatever the change, this account's old trigger goes: at most one, with the new schedule.
  for (const t of ownTriggers(ss)) ScriptApp.deleteTrigger(t);
  let message: string;
  let log = readReminderLog(props);
  if (input.enabled) {
    try {
      installTrigger(ss, next);
    } catch (error) {
      // This account's old trigger is gone: if it was the sender, reminders are off; another sender's stay.
      writeReminderSettings(props, before.sender === me || !before.enabled ? { ...before, enabled: false } : before);
      writeReminderLog(props, withLine(log, `${stamp(tz)} — не удалось включить рассылку (${me}): ${describeServiceError(error)}`));
      throw new UserError(`Рассылка не включена: Google не создал расписание. ${describeServiceError(error)}`);
    }
    writeReminderSettings(props, next);
    const schedule = describeSchedule(scheduleOf(next));
    const switchedOn = !before.enabled || before.sender !== me;
    message = switchedOn ? `Напоминания включены: ${schedule}, письма отправляются от имени ${me}.` : `Настройки напоминаний сохранены: ${schedule}.`;
    log = withLine(log, `${stamp(tz)} — ${switchedOn ? 'рассылка включена' : 'настройки изменены'} (${me}): ${schedule}, срок «скоро» — ${next.days} дн.`);
    const plan = planReminders(ss, next, todayOf(ss), props.getProperties());
    if (switchedOn) {
      const test = sendTest(plan, me);
      message += ` ${test}`;
      log = withLine(log, `${stamp(tz)} — ${test}`);
    }
    writeReminderLog(props, log);
    return stateOf(ss, props, plan, message);
  }
  writeReminderSettings(props, next);
  const other = before.enabled && before.sender && before.sender !== me;
  message = other
    ? `Напоминания выключены. Расписание принадлежит ${before.sender}: при ближайшем запуске оно удалит себя само, писем не будет.`
    : 'Напоминания выключены, расписание удалено.';
  writeReminderLog(props, withLine(log, `${stamp(tz)} — рассылка выключена (${me || 'адрес не известен'}).`));
  return stateOf(ss, props, planReminders(ss, next, todayOf(ss), props.getProperties()), message);
}

/** The test digest to the person switching reminders on; says what happened, never throws. */
function sendTest(plan: ReminderPlan, me: string): string {
  const test = plan.test;
  if (!test) return 'Пробное письмо не отправлено: в таблице нет листа дорожной карты.';
  try {
    if (MailApp.getRemainingDailyQuota() < 1) return `Пробное письмо не отправлено: ${QUOTA_REASON}; попробуйте завтра.`;
    MailApp.sendEmail({ to: me, subject: test.subject, body: test.body, htmlBody: test.htmlBody, name: SENDER_NAME });
    return `Пробное письмо (просрочено — ${test.overdue}, срок скоро — ${test.dueSoon}) отправлено на ${me}.`;
  } catch (error) {
    return `Пробное письмо не отправлено: ${describeServiceError(error)}`;
  }
}

// ---- The trigger ----

/** Google refused the account the spreadsheet (unshared, or deleted), as opposed to a passing failure. */
const accessLost = (error: unknown): boolean => /permission to access|not found|does not exist|has been deleted/i.test(String(error));

/** Deletes the trigger that is running (by the event's triggerUid), as its own account may. */
function deleteRunningTrigger(e: { triggerUid?: unknown } | undefined): boolean {
  try {
    const uid = e?.triggerUid === undefined ? null : String(e.triggerUid);
    for (const t of ScriptApp.getProjectTriggers()) {
      if (t.getHandlerFunction() === HANDLER && (uid === null || t.getUniqueId() === uid)) {
        ScriptApp.deleteTrigger(t);
        return true;
      }
    }
  } catch {
    // Nothing more can be done from here; the next firing tries again.
  }
  return false;
}

/**
 * The time-driven trigger: sends the period's digests within the mail quota. Never throws: Google
 * would only note the failure in the sender's execution log, where nobody looks.
 */
export function sendReminders(e?: { triggerUid?: unknown }): void {
  let ss: Spreadsheet | null = null;
  try {
    ss = SpreadsheetApp.getActiveSpreadsheet();
  } catch (error) {
    // The sender lost access to the spreadsheet (or it was deleted): nothing to read or log into,
    // so the trigger stops itself. A passing server error leaves it for the next firing.
    if (accessLost(error)) deleteRunningTrigger(e);
    return;
  }
  if (!ss) {
    deleteRunningTrigger(e);
    return;
  }
  // What was sent so far, kept outside the run: a failure after some sends still records them.
  const progress: Progress = { log: null };
  try {
    runReminders(ss, PropertiesService.getDocumentProperties(), e, progress);
  } catch (error) {
    const text = describeServiceError(error);
    try {
      const p = PropertiesService.getDocumentProperties();
      const log = progress.log ?? readReminderLog(p);
      writeReminderLog(p, withLine(log, `${stamp(ss.getSpreadsheetTimeZone())} — рассылка не выполнена до конца: ${text} Что не отправлено, уйдёт при следующем запуске.`));
    } catch (again) {
      // The spreadsheet cannot be written either: with access lost, stop firing into the void.
      if (accessLost(again) || accessLost(error)) deleteRunningTrigger(e);
    }
  }
}

interface Progress {
  /** The period's log with every digest sent so far, once the run has read it. */
  log: ReminderLog | null;
}

function runReminders(ss: Spreadsheet, props: Properties, e: { triggerUid?: unknown } | undefined, progress: Progress): void {
  const tz = ss.getSpreadsheetTimeZone();
  // Not effectiveEmail(): a failure to say who runs must not read as «someone else» and delete the trigger.
  const me = Session.getEffectiveUser().getEmail().trim().toLowerCase();
  const settings = readReminderSettings(props);
  // A trigger always runs as its creator, whom Google names; no name means a call from someone Google
  // hides (a crafted google.script.run): nobody to send as, and nothing of theirs to log.
  if (!me) return;
  if (!settings.enabled || !settings.sender || settings.sender !== me) {
    // Switched off, or on by someone else (whose own trigger sends): this one is left over. (Also a
    // crafted google.script.run call by anyone else: nothing is sent, and with no trigger, nothing written.)
    if (deleteRunningTrigger(e)) {
      writeReminderLog(props, withLine(readReminderLog(props), `${stamp(tz)} — расписание ${me} удалено: ${settings.enabled ? `рассылку ведёт ${settings.sender}` : 'рассылка выключена'}.`));
    }
    return;
  }
  const lock = LockService.getDocumentLock();
  // A second firing waits for the first and then finds everything sent; a busy spreadsheet is retried next time.
  if (!lock.tryLock(60_000)) {
    writeReminderLog(props, withLine(readReminderLog(props), `${stamp(tz)} — рассылка отложена: таблицу долго изменяло другое действие; письма уйдут при следующем запуске.`));
    return;
  }
  try {
    const today = dayInZone(new Date(), tz);
    const period = periodKey(settings.frequency, today);
    // Read inside the lock: a second firing that waited sees what the first one sent.
    const all = props.getProperties();
    let log: ReminderLog = readReminderLog(props, all);
    if (log.period !== period) log = { ...log, period, sent: [] };
    progress.log = log;
    const plan = planReminders(ss, settings, today, all);
    if (!plan.senderMayRun) {
      // The sender was taken off the district's row of «Организации»: they no longer mail the schools.
      deleteRunningTrigger(e);
      writeReminderSettings(props, { ...settings, enabled: false });
      writeReminderLog(props, withLine(log, `${stamp(tz)} — рассылка выключена: ${me} больше не указан среди сотрудников района на листе «Организации». Включить её снова может сотрудник района.`));
      return;
    }
    let remaining = MailApp.getRemainingDailyQuota();
    const decision = decide(plan.messages, remaining, new Set(log.sent));
    const sent: string[] = [];
    const failed: string[] = [];
    for (const m of decision.send) {
      try {
        MailApp.sendEmail({ to: m.to.join(','), subject: m.email.subject, body: m.email.body, htmlBody: m.email.htmlBody, name: SENDER_NAME });
        remaining -= m.to.length;
        sent.push(m.label);
        log = { ...log, sent: [...log.sent, m.key] };
        progress.log = log;
        // Recorded as it goes: a run cut off by the time limit does not send these again.
        if (sent.length % 10 === 0) writeReminderLog(props, log);
      } catch (error) {
        failed.push(`${m.label} — ${describeServiceError(error).replace(/\.$/, '')}`);
        if (/too many times|quota/i.test(String(error))) remaining = 0;
      }
    }
    const quotaHeld = decision.held.filter((h) => h.reason === QUOTA_REASON).map((h) => h.message.label);
    const sentences = [`Отправлено писем: ${sent.length}${sent.length ? ` (${sent.join(', ')})` : ''}`];
    if (quotaHeld.length) sentences.push(`Не отправлено из-за суточного лимита Google (${QUOTA_REASON}): ${quotaHeld.join(', ')} — эти адресаты получат следующую рассылку`);
    if (failed.length) sentences.push(`Не отправлено из-за ошибки: ${failed.join('; ')}`);
    for (const p of plan.problems) sentences.push(`${p.label}: ${p.note}`);
    const left = Math.max(0, remaining);
    sentences.push(`Суточный лимит Google: можно отправить ещё ${left} ${pluralRu(left, ['получателю', 'получателям', 'получателям'])}`);
    writeReminderLog(props, withLine(log, `${stamp(tz)} — ${sentences.map(asSentence).join(' ')}`));
  } finally {
    lock.releaseLock();
  }
}

