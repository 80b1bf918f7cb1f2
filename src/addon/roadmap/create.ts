// «Создать дорожную карту»: an empty roadmap in the canonical layout on a new sheet, with the plan
// period asked for once (it can be changed later in the settings).
import { isValidDay, toISO } from '../../core/dates';
import type { CanonicalItem } from '../../core/roadmap';
import { prepareCanonical } from './canonical-sheet';

export const NEW_SHEET_NAME = 'Дорожная карта';

/**
 * The plan period as a person types it: "2024", "2024–2026", "2024/2025 учебный год",
 * "01.09.2024 – 31.08.2025". null when it cannot be read.
 */
export function parsePlanPeriod(text: string): { start: string; end: string } | null {
  const t = text.trim();
  const dates = [...t.matchAll(/(\d{1,2})\.(\d{1,2})\.(\d{4})/g)];
  if (dates.length === 2) {
    const [a, b] = dates.map((m) => [Number(m[3]), Number(m[2]), Number(m[1])] as const);
    if (!isValidDay(...a!) || !isValidDay(...b!)) return null;
    const start = toISO(...a!);
    const end = toISO(...b!);
    return start <= end ? { start, end } : null;
  }
  if (dates.length) return null;
  const years = [...t.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => Number(m[1]));
  const plausible = (y: number): boolean => y >= 2000 && y <= 2100;
  if (years.length === 1 && plausible(years[0]!)) return { start: toISO(years[0]!, 1, 1), end: toISO(years[0]!, 12, 31) };
  if (years.length === 2 && plausible(years[0]!) && plausible(years[1]!) && years[0]! <= years[1]! && years[1]! - years[0]! <= 10) {
    if (/уч/i.test(t) && years[1] === years[0]! + 1) return { start: toISO(years[0]!, 9, 1), end: toISO(years[1]!, 8, 31) };
    return { start: toISO(years[0]!, 1, 1), end: toISO(years[1]!, 12, 31) };
  }
  return null;
}

/** A starter table: one section and one item to show the shape; people overwrite them. */
export function starterItems(): CanonicalItem[] {
  return [
    { number: '1.', level: 1, isSection: true, activity: 'Организационные мероприятия', deadline: '', responsible: '', result: '', sourceRows: [1] },
    {
      number: '1.1.', level: 2, isSection: false, activity: 'Назначение ответственного за реализацию плана',
      deadline: '', responsible: '', result: 'Приказ', status: 'Не начато', sourceRows: [2],
    },
  ];
}

export const prepareNewRoadmap = (plan: { start: string; end: string }, today: string) =>
  prepareCanonical(starterItems(), { title: NEW_SHEET_NAME, planStart: plan.start, planEnd: plan.end }, today);
