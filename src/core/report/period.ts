// The reporting period a person picks, as an inclusive ISO period and the Russian words that name
// it in the report's title («за I квартал 2024 года»).
//
// Quarters, half-years and years are CALENDAR ones (I квартал = январь–март): reports to a higher
// authority go by the calendar whatever period the plan covers. The years offered are those the
// plan touches. A plan kept by the academic year (сентябрь–август) is reported on with «весь
// план» or two dates. «Весь план» is the plan period; without one, the span of the items' dates.
import type { ISODate, Period } from '../types';
import { isISODate, lastOfMonth, parseISO, toISO } from '../dates';
import { formatDayRu } from '../roadmap/day';

export type ReportPeriodChoice =
  | { kind: 'quarter'; year: number; index: 1 | 2 | 3 | 4 }
  | { kind: 'half'; year: number; index: 1 | 2 }
  | { kind: 'year'; year: number }
  | { kind: 'plan' }
  | { kind: 'range'; start: ISODate; end: ISODate };

export interface ReportPeriod extends Period {
  /** «за I квартал 2024 года», «за 2024 год», «за период с 01.09.2023 по 31.12.2023». */
  words: string;
  /** «I квартал 2024 г.»: for the sidebar and the Doc's name. */
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** The period chosen, or a Russian message saying what is wrong with it. */
export function reportPeriod(choice: ReportPeriodChoice, plan: Period | null): ReportPeriod | string {
  switch (choice.kind) {
    case 'quarter': {
      const m = (choice.index - 1) * 3 + 1;
      const r = ROMAN[choice.index - 1]!;
      return { start: toISO(choice.year, m, 1), end: lastOfMonth(choice.year, m + 2), words: `за ${r} квартал ${choice.year} года`, label: `${r} квартал ${choice.year} г.` };
    }
    case 'half': {
      const m = choice.index === 1 ? 1 : 7;
      const r = ROMAN[choice.index - 1]!;
      return { start: toISO(choice.year, m, 1), end: lastOfMonth(choice.year, m + 5), words: `за ${r} полугодие ${choice.year} года`, label: `${r} полугодие ${choice.year} г.` };
    }
    case 'year':
      return { start: toISO(choice.year, 1, 1), end: toISO(choice.year, 12, 31), words: `за ${choice.year} год`, label: `${choice.year} г.` };
    case 'plan':
      if (!plan) return 'У плана не указан период реализации: выберите квартал, полугодие, год или две даты (период плана задаётся в «Настройках дорожной карты»).';
      return { ...rangeOf(plan.start, plan.end), words: `за весь период реализации (${rangeWords(plan.start, plan.end)})`, label: `весь план (${formatDayRu(plan.start)}–${formatDayRu(plan.end)})` };
    case 'range': {
      if (!isISODate(choice.start) || !isISODate(choice.end)) return 'Укажите обе даты периода отчёта.';
      if (choice.end < choice.start) return `Дата окончания периода (${formatDayRu(choice.end)}) раньше даты начала (${formatDayRu(choice.start)}).`;
      return rangeOf(choice.start, choice.end);
    }
  }
}

function rangeWords(start: ISODate, end: ISODate): string {
  return `с ${formatDayRu(start)} по ${formatDayRu(end)}`;
}

function rangeOf(start: ISODate, end: ISODate): ReportPeriod {
  return { start, end, words: `за период ${rangeWords(start, end)}`, label: `${formatDayRu(start)}–${formatDayRu(end)}` };
}

/** Calendar years the sidebar offers: those the plan touches, else today's and the one before. */
export function reportYears(plan: Period | null, today: ISODate): number[] {
  const y = parseISO(today).year;
  const from = plan ? parseISO(plan.start).year : y - 1;
  const to = plan ? parseISO(plan.end).year : y;
  const out: number[] = [];
  for (let k = from; k <= to && out.length < 30; k++) out.push(k);
  return out;
}

/** The quarter holding `today` (the default choice): the one just ended when today is in its first fortnight. */
export function defaultReportChoice(plan: Period | null, today: ISODate): ReportPeriodChoice {
  const { year, month, day } = parseISO(today);
  let q = Math.floor((month - 1) / 3) + 1;
  let y = year;
  if ((month - 1) % 3 === 0 && day <= 15) {
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  const years = reportYears(plan, today);
  if (!years.includes(y)) return plan ? { kind: 'plan' } : { kind: 'year', year };
  return { kind: 'quarter', year: y, index: q as 1 | 2 | 3 | 4 };
}
