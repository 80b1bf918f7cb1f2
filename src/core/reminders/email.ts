// The reminder e-mail in Russian: a subject, a plain-text body and the same as simple HTML. Official
// and short: the date it is «по состоянию на», the overdue items, the items due within N days, each
// with its sheet row (a link to it), number, activity, deadline and responsible; then the link to
// the table and how to change or switch off the reminders. A district's digest is grouped by school.
// Pure; every text from the sheet is escaped in the HTML.
import type { ISODate } from '../types';
import { addDays } from '../dates';
import { formatDayRu } from '../roadmap/day';
import { pluralRu } from '../roadmap/summary';
import { isEmptyDigest, type DigestItem, type SheetDigest } from './digest';

export interface DigestSection {
  /** «Школа «МБОУ СОШ № 1»» — null for a single roadmap (its title heads the message). */
  heading: string | null;
  digest: SheetDigest;
  /** The sheet's id, for links to its rows (#gid=…&range=…); null when unknown. */
  sheetId: number | null;
}

export interface EmailInput {
  /** The spreadsheet: its name and address. */
  spreadsheetName: string;
  url: string;
  today: ISODate;
  days: number;
  /** «Дорожная карта района» or the plan's title: what the subject names. */
  subjectTitle: string;
  sections: readonly DigestSection[];
  /** «по понедельникам в 8:00». */
  scheduleText: string;
  /** The first message, sent to the person who switched reminders on. */
  test?: boolean;
  /** Items listed per section at most (a district's digest stays readable); the rest are counted. */
  maxItems?: number;
}

export interface Email {
  subject: string;
  body: string;
  htmlBody: string;
  overdue: number;
  dueSoon: number;
}

export const MENU_PATH = 'Расширения → Дорожная карта → Напоминания о сроках';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const days = (n: number): string => `${n} ${pluralRu(n, ['день', 'дня', 'дней'])}`;

/** «в ближайшие 7 дней (по 14.12.2026)», «сегодня». */
export function windowText(today: ISODate, n: number): string {
  return n === 0 ? 'сегодня' : `в ближайшие ${days(n)} (по ${formatDayRu(addDays(today, n))})`;
}

function itemText(it: DigestItem, overdue: boolean): string {
  const number = it.number ? `п. ${it.number} ` : '';
  const when = overdue ? `истёк ${formatDayRu(it.due)}` : `до ${formatDayRu(it.due)}`;
  const responsible = it.responsible ? `; ответственные: ${it.responsible.replace(/\s+/g, ' ')}` : '';
  return `строка ${it.row}: ${number}«${it.activity.replace(/\s+/g, ' ')}» — срок «${it.deadline.replace(/\s+/g, ' ')}» (${when})${responsible}.`;
}

const rowLink = (url: string, sheetId: number | null, row: number): string =>
  sheetId === null ? url : `${url}#gid=${sheetId}&range=${row}:${row}`;

export function composeEmail(input: EmailInput): Email {
  const max = input.maxItems ?? 50;
  const overdue = input.sections.reduce((n, s) => n + s.digest.overdue.length, 0);
  const dueSoon = input.sections.reduce((n, s) => n + s.digest.dueSoon.length, 0);
  const date = formatDayRu(input.today);
  const window = windowText(input.today, input.days);
  const subject = `${input.test ? 'Пробная рассылка. ' : ''}${input.subjectTitle}: просрочено — ${overdue}, срок ${window.replace(/ \(.*\)$/, '')} — ${dueSoon} (на ${date})`.replace(/\s+/g, ' ');

  const text: string[] = [];
  const html: string[] = [];
  if (input.test) {
    const note = 'Это пробное письмо: напоминания включены, следующие письма будут приходить по расписанию.';
    text.push(note, '');
    html.push(`<p><i>${escapeHtml(note)}</i></p>`);
  }
  const lead = `Напоминание о сроках мероприятий по состоянию на ${date}.`;
  text.push(lead, `Таблица «${input.spreadsheetName}»: ${input.url}`, '');
  html.push(`<p>${escapeHtml(lead)}<br>Таблица: <a href="${escapeHtml(input.url)}">«${escapeHtml(input.spreadsheetName)}»</a></p>`);

  const quiet: string[] = [];
  for (const s of input.sections) {
    const d = s.digest;
    if (s.heading && isEmptyDigest(d)) {
      quiet.push(s.heading);
      continue;
    }
    const title = s.heading ? `${s.heading}, лист «${d.sheetName}»` : `«${d.title}», лист «${d.sheetName}»`;
    text.push(`${title}: просрочено — ${d.overdue.length}, срок ${window} — ${d.dueSoon.length}.`);
    html.push(`<h3 style="margin:16px 0 4px">${escapeHtml(title)}</h3>`);
    for (const [list, isOverdue, label, none] of [
      [d.overdue, true, 'Просроченные мероприятия', 'Просроченных мероприятий нет.'],
      [d.dueSoon, false, `Срок истекает ${window}`, `Мероприятий со сроком ${window} нет.`],
    ] as const) {
      if (!list.length) {
        text.push(none);
        html.push(`<p>${escapeHtml(none)}</p>`);
        continue;
      }
      text.push(`${label}:`);
      html.push(`<p style="margin:8px 0 2px"><b>${escapeHtml(label)}:</b></p><ol style="margin-top:0">`);
      list.slice(0, max).forEach((it, k) => {
        const line = itemText(it, isOverdue);
        text.push(`${k + 1}) ${line}`);
        const rest = escapeHtml(line.slice(line.indexOf(':')));
        html.push(`<li><a href="${escapeHtml(rowLink(input.url, s.sheetId, it.row))}">строка ${it.row}</a>${rest}</li>`);
      });
      html.push('</ol>');
      if (list.length > max) {
        const more = `…и ещё ${list.length - max} — см. лист «${d.sheetName}».`;
        text.push(more);
        html.push(`<p>${escapeHtml(more)}</p>`);
      }
    }
    text.push('');
  }
  if (quiet.length) {
    const line = `Нет просроченных мероприятий и мероприятий со сроком ${window}: ${quiet.join(', ')}.`;
    text.push(line, '');
    html.push(`<p>${escapeHtml(line)}</p>`);
  }
  if (!input.sections.length) {
    const line = `Просроченных мероприятий и мероприятий со сроком ${window} нет.`;
    text.push(line, '');
    html.push(`<p>${escapeHtml(line)}</p>`);
  }
  const footer = `Письмо сформировано автоматически дополнением «Дорожная карта» (Google Таблицы), рассылка ${input.scheduleText}. Изменить рассылку или отключить её: ${MENU_PATH}.`;
  text.push('--', footer);
  html.push(`<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`);
  return { subject, body: text.join('\n'), htmlBody: html.join('\n'), overdue, dueSoon };
}
