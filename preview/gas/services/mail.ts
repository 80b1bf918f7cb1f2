// MailApp: sendEmail and getRemainingDailyQuota, after Google's reference
// (https://developers.google.com/apps-script/reference/mail/mail-app): the quota counts recipients
// (to, cc and bcc), per user, 100 a day on a consumer account and 1,500 on Google Workspace, and resets
// 24 hours after the first request (https://developers.google.com/apps-script/guides/services/quotas);
// past it the call throws and the execution stops unless caught. Messages sent are recorded (from
// whose account, to whom, what) for tests and for the preview's «Отправленные письма».
import type { GasContext } from '../context';
import { complete } from './partial';

/** Google's error once the day's recipients are used up. */
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
export const CONSUMER_MAIL_QUOTA = 100;

export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  /** ISO instant of sending (runtime clock). */
  at: string;
}

export interface MailState {
  readonly service: GoogleAppsScript.Mail.MailApp;
  readonly sent: SentMail[];
  /** Sets how many recipients each user may still send to today. */
  setQuota(remaining: number): void;
}

/** What Google accepts as an address (a simple form: local@domain.tld). */
const EMAIL_PATTERN = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

const split = (list: string | undefined): string[] => (list ?? '').split(',').map((a) => a.trim()).filter(Boolean);

export function createMailApp(ctx: GasContext, quota = CONSUMER_MAIL_QUOTA): MailState {
  const sent: SentMail[] = [];
  let daily = quota;
  /** Per user: recipients used and when the 24-hour window began. */
  const used = new Map<string, { count: number; since: number }>();
  const usage = (): { count: number; since: number } => {
    const now = ctx.options.now().getTime();
    const me = ctx.currentUser();
    let u = used.get(me);
    if (!u || now - u.since >= 86_400_000) used.set(me, (u = { count: 0, since: now }));
    return u;
  };
  const send = (m: GoogleAppsScript.Mail.MailAdvancedParameters): void => {
    const to = split(m.to);
    const cc = split(m.cc);
    const bcc = split(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (!all.length) throw new Error('Failed to send email: no recipient');
    for (const a of all) if (!EMAIL_PATTERN.test(a)) throw new Error(`Invalid email: ${a}`);
    const u = usage();
    if (u.count + all.length > daily) throw new Error(MAIL_QUOTA_MESSAGE);
    u.count += all.length;
    sent.push({
      from: ctx.currentUser(), to, cc, bcc, subject: String(m.subject ?? ''), body: String(m.body ?? ''),
      htmlBody: m.htmlBody ?? null, name: m.name ?? null, at: ctx.options.now().toISOString(),
    });
  };
  const impl: Partial<GoogleAppsScript.Mail.MailApp> = {
    getRemainingDailyQuota: () => Math.max(0, daily - usage().count),
    sendEmail: ((...args: unknown[]) => {
      if (args.length === 1 && typeof args[0] === 'object') return send(args[0] as GoogleAppsScript.Mail.MailAdvancedParameters);
      if (args.length === 4 && typeof args[3] === 'string') {
        const [to, replyTo, subject, body] = args as string[];
        return send({ to, replyTo, subject, body } as GoogleAppsScript.Mail.MailAdvancedParameters);
      }
      const [to, subject, body, options] = args as [string, string, string, GoogleAppsScript.Mail.MailAdvancedParameters | undefined];
      return send({ ...(options ?? {}), to, subject, body } as GoogleAppsScript.Mail.MailAdvancedParameters);
    }) as GoogleAppsScript.Mail.MailApp['sendEmail'],
  };
  return {
    service: ctx.tracker.wrap(complete<GoogleAppsScript.Mail.MailApp>(impl, 'MailApp'), 'MailApp'),
    sent,
    setQuota: (remaining) => {
      daily = remaining;
      used.clear();
    },
  };
}
