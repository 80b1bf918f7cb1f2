// Who gets which digest, and what fits in the day's mail quota. Pure.
//  - District mode: each school's registry editors get their own school's items only; the district
//    (its registry editors and the addresses in the settings) gets the district's digest: its own
//    roadmap and every school, grouped by school.
//  - One organisation: the addresses in the settings get the digest of every roadmap sheet.
// MailApp counts recipients, not messages, against a daily quota (100 a day on a consumer account,
// 1,500 on Google Workspace: https://developers.google.com/apps-script/guides/services/quotas), so
// messages go in priority order — the district's first, then the schools with the most overdue
// items — and a message whose recipients no longer fit is not sent (it is recorded, never split).
import { EMAIL } from '../org/parse';
import type { Email } from './email';

export interface PlannedMessage {
  /** Stable within a period: the same digest is never sent twice in one period. */
  key: string;
  /** «район», «школа «МБОУ СОШ № 1»», for the log. */
  label: string;
  to: string[];
  email: Email;
  /** Sort key: the district first, then by overdue and due counts. */
  priority: number;
}

/** Lower-case, valid, unique addresses from free text («a@b.ru, c@d.ru; …») or a list. */
export function normaliseAddresses(raw: string | readonly string[]): string[] {
  const parts = (typeof raw === 'string' ? raw.split(/[\s,;]+/) : raw).map((a) => a.trim().toLowerCase()).filter(Boolean);
  return [...new Set(parts.filter((a) => EMAIL.test(a)))];
}

/** Addresses from free text that are not e-mail addresses (for a Russian refusal naming them). */
export function invalidAddresses(raw: string): string[] {
  return raw.split(/[\s,;]+/).map((a) => a.trim()).filter((a) => a && !EMAIL.test(a));
}

/** A digest with nothing overdue and nothing due: not sent. */
export const isQuiet = (email: Pick<Email, 'overdue' | 'dueSoon'>): boolean => email.overdue === 0 && email.dueSoon === 0;

export function byPriority(messages: readonly PlannedMessage[]): PlannedMessage[] {
  return [...messages].sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key));
}

/** Priority of a school's message: more overdue first, then more due soon. */
export const schoolPriority = (email: Pick<Email, 'overdue' | 'dueSoon'>): number => email.overdue * 10_000 + Math.min(email.dueSoon, 9_999);
/** The district's digest goes before any school's. */
export const DISTRICT_PRIORITY = Number.MAX_SAFE_INTEGER;

export interface QuotaDecision {
  send: PlannedMessage[];
  /** Not sent, with the Russian reason. */
  held: { message: PlannedMessage; reason: string }[];
}

export const QUOTA_REASON = 'исчерпан суточный лимит Google на число получателей писем';
export const ALREADY_SENT = 'уже отправлено в этом периоде';
export const NOTHING_TO_SAY = 'нет просроченных мероприятий и мероприятий со сроком в ближайшие дни';
export const NO_RECIPIENTS = 'не указаны адреса получателей';

/**
 * Which messages to send now: in priority order, skipping those already sent in this period and
 * those with nothing to report, never more recipients than `remaining` (the quota Google reports).
 */
export function decide(messages: readonly PlannedMessage[], remaining: number, alreadySent: ReadonlySet<string>): QuotaDecision {
  const send: PlannedMessage[] = [];
  const held: QuotaDecision['held'] = [];
  let left = Math.max(0, Math.floor(remaining));
  for (const m of byPriority(messages)) {
    if (alreadySent.has(m.key)) held.push({ message: m, reason: ALREADY_SENT });
    else if (isQuiet(m.email)) held.push({ message: m, reason: NOTHING_TO_SAY });
    else if (!m.to.length) held.push({ message: m, reason: NO_RECIPIENTS });
    else if (m.to.length > left) held.push({ message: m, reason: QUOTA_REASON });
    else {
      send.push(m);
      left -= m.to.length;
    }
  }
  return { send, held };
}
