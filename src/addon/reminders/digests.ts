// The digests of this spreadsheet as of a day: who gets which e-mail (core/reminders/plan). One
// read of «Организации», one getValues per roadmap sheet, nothing written; the number of calls
// grows with the number of sheets, never with their rows.
import { rowsToItems } from '../../core/roadmap';
import type { ISODate } from '../../core/types';
import {
  DISTRICT_PRIORITY, NOTHING_TO_SAY, composeEmail, describeSchedule, isQuiet, normaliseAddresses, schoolPriority, sheetDigest,
  type DigestSection, type Email, type PlannedMessage, type SheetDigest,
} from '../../core/reminders';
import { ORG_SHEET } from '../../core/org';
import { registryOf } from '../district/people';
import { callerOf } from '../../core/district';
import { planOf, settingsFromProperties, type RoadmapSettings } from '../roadmap/settings';
import { datesAsText } from '../roadmap/values';
import { scheduleOf, type ReminderSettings } from './store';
import type { ReminderRecipient } from '../../contract/reminders';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReminderPlan {
  districtMode: boolean;
  /** Every digest that could go out, with its recipients (unsorted). */
  messages: PlannedMessage[];
  /** The digest a person switching reminders on receives as the test: the district's, or the roadmap's. */
  main: PlannedMessage | null;
  /** The main digest marked as the test, for the person switching reminders on. */
  test: Email | null;
  /** The sender still acts for the organisation (in district mode: still the district's; see core/district/roles). */
  senderMayRun: boolean;
  /** Digests that cannot go out at all (a school whose sheet is gone…), Russian, for the log and sidebar. */
  problems: { label: string; emails: string[]; note: string }[];
}

/** Items a message lists per list («просрочено», «срок скоро») at most, divided among its sections. */
const LIST_ITEMS = 150;

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');

/** Keys of the period's sent set: short, so hundreds of schools fit in one property. */
export const DISTRICT_KEY = 'd';
export const ROADMAP_KEY = 'r';
export const schoolKey = (sheetId: number): string => `s${sheetId}`;

export function planReminders(ss: Spreadsheet, settings: ReminderSettings, today: ISODate, properties: Record<string, string>): ReminderPlan {
  const timeZone = ss.getSpreadsheetTimeZone();
  const url = ss.getUrl();
  const spreadsheetName = ss.getName();
  const roadmaps: RoadmapSettings = settingsFromProperties(properties);
  const sheets = ss.getSheets();
  const byName = new Map(sheets.map((s) => [fold(s.getName()), s]));
  const byId = new Map(sheets.map((s) => [s.getSheetId(), s]));
  const days = settings.days;
  const scheduleText = describeSchedule(scheduleOf(settings));
  const extra = normaliseAddresses(settings.addresses);
  const fallback = settings.sender ? [settings.sender] : [];

  const digestOf = (sheet: Sheet, title?: string): SheetDigest => {
    const own = roadmaps.sheets[String(sheet.getSheetId())];
    const items = rowsToItems(datesAsText(sheet.getDataRange().getValues(), timeZone), 1).items;
    return sheetDigest({ sheetName: sheet.getName(), title: title || own?.title || sheet.getName(), items, plan: planOf(own), firstRow: 1 }, today, days);
  };
  // A message lists at most LIST_ITEMS items a list, shared among its sections (the rest are
  // counted; each school's own digest has 150 to itself): the district's stays readable and small
  // for hundreds of schools.
  const compose = (subjectTitle: string, sections: DigestSection[], test = false): Email =>
    composeEmail({ spreadsheetName, url, today, days, subjectTitle, sections, scheduleText, test, maxItems: Math.max(1, Math.floor(LIST_ITEMS / Math.max(1, sections.length))) });
  const message = (key: string, label: string, to: string[], subjectTitle: string, sections: DigestSection[], priority: number): PlannedMessage => ({
    key, label, to, priority, email: compose(subjectTitle, sections),
  });

  const org = byName.get(fold(ORG_SHEET));
  const read = org ? registryOf(org.getDataRange().getValues()) : null;
  if (read && read.schoolRows > 0) {
    const { registry } = read;
    // Not ownerOf(), which reads a failure as «no owner»: a passing error must not switch reminders off.
    const owner = (ss.getOwner()?.getEmail() ?? '').toLowerCase();
    const senderMayRun = !!settings.sender && callerOf(settings.sender, owner, registry, read.schoolRows).district;
    const messages: PlannedMessage[] = [];
    const problems: ReminderPlan['problems'] = [];
    const schoolSections: { section: DigestSection; overdue: number; dueSoon: number }[] = [];
    for (const school of registry.schools) {
      const label = `«${school.shortName || school.sheetName}»`;
      const sheet = byName.get(fold(school.sheetName));
      if (!sheet) {
        problems.push({ label, emails: school.editors, note: `лист «${school.sheetName}» не найден (удалён или переименован) — письмо школе не отправляется` });
        continue;
      }
      const digest = digestOf(sheet, school.shortName);
      const sheetId = sheet.getSheetId();
      const m = message(schoolKey(sheetId), label, school.editors, `Дорожная карта ${label}`, [{ heading: null, digest, sheetId }], 0);
      m.priority = schoolPriority(m.email);
      messages.push(m);
      schoolSections.push({ section: { heading: label, digest, sheetId }, overdue: digest.overdue.length, dueSoon: digest.dueSoon.length });
    }
    schoolSections.sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
    const d = registry.district;
    const districtSheet = d?.sheetName ? byName.get(fold(d.sheetName)) : undefined;
    const sections: DigestSection[] = [];
    const districtName = d?.shortName || 'район';
    if (districtSheet) sections.push({ heading: `«${districtName}» (район)`, digest: digestOf(districtSheet), sheetId: districtSheet.getSheetId() });
    sections.push(...schoolSections.map((s) => s.section));
    const to = normaliseAddresses([...(d?.editors ?? []), ...extra]);
    const subject = `Дорожная карта района «${districtName}»`;
    const main = message(DISTRICT_KEY, `«${districtName}» (район)`, to.length ? to : fallback, subject, sections, DISTRICT_PRIORITY);
    return { districtMode: true, messages: [main, ...messages], main, test: compose(subject, sections, true), problems, senderMayRun };
  }

  // One organisation: every roadmap sheet the settings know, in one message to the settings' addresses.
  const own = Object.keys(roadmaps.sheets).map((id) => byId.get(Number(id))).filter((s): s is Sheet => !!s);
  own.sort((a, b) => a.getIndex() - b.getIndex());
  const sections: DigestSection[] = own.map((sheet) => ({ heading: null, digest: digestOf(sheet), sheetId: sheet.getSheetId() }));
  if (sections.length > 1) for (const s of sections) s.heading = `«${s.digest.title}»`;
  const title = sections.length === 1 ? `Дорожная карта «${sections[0]!.digest.title}»` : `Дорожные карты таблицы «${spreadsheetName}»`;
  const main = message(ROADMAP_KEY, 'Дорожная карта', extra.length ? extra : fallback, title, sections, DISTRICT_PRIORITY);
  const problems: ReminderPlan['problems'] = own.length ? [] : [{ label: 'Дорожная карта', emails: main.to, note: 'в таблице нет листа дорожной карты дополнения — напоминать не о чем' }];
  return { districtMode: false, messages: own.length ? [main] : [], main: own.length ? main : null, test: own.length ? compose(title, sections, true) : null, problems, senderMayRun: true };
}

/** Who gets what, for the sidebar. */
export function recipientsOf(plan: ReminderPlan): ReminderRecipient[] {
  const rows: ReminderRecipient[] = plan.messages.map((m) => ({
    label: m.label, emails: m.to, overdue: m.email.overdue, dueSoon: m.email.dueSoon,
    note: !m.to.length ? 'не указаны адреса получателей' : isQuiet(m.email) ? `сейчас ${NOTHING_TO_SAY}: письмо не отправляется` : null,
  }));
  return [...rows, ...plan.problems.map((p) => ({ label: p.label, emails: p.emails, overdue: 0, dueSoon: 0, note: p.note }))];
}
