// Calendar days typed by people ("05.06.2023", "05.06.23 г.") or written by us ("2023-06-05").
import type { ISODate } from '../types';
import { isISODate, isValidDay, toISO } from '../dates';

const DATE_RU = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s*г\.?)?$/;

/** 'YYYY-MM-DD', 'dd.MM.yyyy' or 'dd.MM.yy' → ISO; null for anything else (and impossible days). */
export function parseDayText(text: string): ISODate | null {
  const t = text.trim();
  if (isISODate(t)) return t;
  const m = DATE_RU.exec(t);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return isValidDay(year, month, day) ? toISO(year, month, day) : null;
}

/** ISO → 'dd.MM.yyyy', the way Russian documents write dates. */
export const formatDayRu = (iso: ISODate): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
