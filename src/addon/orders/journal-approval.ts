// The order that approved the plan, found in «Журнал приказов» (one read): the latest entry whose
// heading approves a plan, roadmap, programme or concept. Single-row orders cite it.
import type { ApprovingOrder } from '../../core/order/row-order';
import { journalEntries } from './journal';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const APPROVES_PLAN = /^Об утверждении\s+(?:[а-яё]+\s+)*?(?:плана|дорожной карты|комплекса мер|программы|перечня мероприятий|концепции)/i;

export function approvalEntry(ss: Spreadsheet, timeZone: string): (ApprovingOrder & { heading: string }) | null {
  const found = journalEntries(ss, timeZone).filter((e) => e.date !== '' && APPROVES_PLAN.test(e.heading));
  const last = found[found.length - 1];
  return last && last.date ? { date: last.date, number: last.number, heading: last.heading } : null;
}
