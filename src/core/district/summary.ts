// «Свод»: one row per school — items, done, in progress, overdue, due soon, no date, % done, the
// latest completion date. Two forms of the same rules:
//  - summaryFormulas(): live formulas over a school sheet's user and helper columns with TODAY(),
//    written into the summary sheet so it stays right every day without re-running anything;
//  - summarizeRows(): the same counts computed in memory (sidebar, tests, the district's check).
// The status column is read directly (not the helper state), so a school that marks a row done
// is counted at once even if its helper columns were not refreshed.
// Rules, for items (rows with an activity that are not sections):
//   done = status «Выполнено»; in progress = «В работе»; open = neither done nor «Отменено»;
//   overdue = open, dated, every occurrence ended before today;
//   soon = open, dated, an occurrence ends within [today, today + soonDays];
//   no date = open without a period (no deadline, an external one, or one not recognised);
//   % done = done / (items − cancelled).
import type { ISODate } from '../types';
import { addDays } from '../dates';
import { columnLetter } from '../a1';

export interface SummaryRow {
  activity: string;
  status: string;
  /** Helper columns: the deadline kind ('section' for sections), the relevant period's end, the other occurrences' ends. */
  kind: string;
  end: ISODate | '';
  extraEnds: readonly (ISODate | '')[];
  /** Completion date, ISO, or ''. */
  doneDate: ISODate | '';
}

export interface SchoolSummary {
  items: number;
  done: number;
  inProgress: number;
  cancelled: number;
  overdue: number;
  soon: number;
  noDate: number;
  /** 0…1, null when there is nothing to do. */
  share: number | null;
  /** The latest completion date, or null. */
  lastDone: ISODate | null;
}

const DONE = 'выполнено';
const IN_PROGRESS = 'в работе';
const CANCELLED = 'отменено';

/** What one item is in «Свод» as of `today` (done and cancelled first; then by its dates). */
export type RowCategory = 'done' | 'cancelled' | 'overdue' | 'soon' | 'noDate' | 'ongoing' | 'open';

/** The category of one item row (not a section) as of `today`; `soonLimit` = today + soonDays. */
export function classifyRow(r: SummaryRow, today: ISODate, soonLimit: ISODate): RowCategory {
  const status = r.status.toLowerCase();
  if (status === DONE) return 'done';
  if (status === CANCELLED) return 'cancelled';
  if (!r.end) return 'noDate';
  if (r.kind === 'throughout') return 'ongoing';
  const ends = [r.end, ...r.extraEnds].filter((e) => e !== '');
  if (ends.every((e) => e < today)) return 'overdue';
  if (ends.some((e) => e >= today && e <= soonLimit)) return 'soon';
  return 'open';
}

/** Status «В работе» typed in the sheet (counted beside the category: an item in progress may be overdue). */
export const isInProgress = (r: Pick<SummaryRow, 'status'>): boolean => r.status.toLowerCase() === IN_PROGRESS;

/** Counts of one school sheet as of `today` (pure). */
export function summarizeRows(rows: readonly SummaryRow[], today: ISODate, soonDays: number): SchoolSummary {
  const s: SchoolSummary = { items: 0, done: 0, inProgress: 0, cancelled: 0, overdue: 0, soon: 0, noDate: 0, share: null, lastDone: null };
  const soonLimit = addDays(today, soonDays);
  for (const r of rows) {
    if (r.doneDate && (!s.lastDone || r.doneDate > s.lastDone)) s.lastDone = r.doneDate;
    if (!r.activity || r.kind === 'section') continue;
    s.items++;
    if (isInProgress(r)) s.inProgress++;
    const category = classifyRow(r, today, soonLimit);
    if (category === 'done' || category === 'cancelled' || category === 'overdue' || category === 'soon' || category === 'noDate') s[category]++;
  }
  const base = s.items - s.cancelled;
  s.share = base > 0 ? s.done / base : null;
  return s;
}

/** 1-based columns of a school sheet the formulas read. */
export interface SummaryColumns {
  activity: number;
  status: number;
  doneDate: number;
  helperEnd: number;
  helperKind: number;
  /** The first of the contiguous extra end columns, and how many there are. */
  extraEnd: number;
  extraEnds: number;
}

export type SummaryKey = 'items' | 'done' | 'inProgress' | 'overdue' | 'soon' | 'noDate' | 'share' | 'lastDone';

/** A sheet name as a formula reference: 'Школа № 1' (quotes doubled). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Formulas of one summary row over a school sheet whose data starts at `firstRow` (below the
 * header). Open-ended ranges (B2:B) so rows a school adds are counted too. `shareOf` is the
 * summary's own cells with items and done (e.g. 'C5', 'D5'), reused by the % formula.
 */
export function summaryFormulas(
  sheetName: string,
  cols: SummaryColumns,
  firstRow: number,
  soonDays: number,
  cells: { items: string; done: string },
): Record<SummaryKey, string> {
  const q = quoteSheet(sheetName);
  const col = (c: number): string => `${q}!${columnLetter(c)}${firstRow}:${columnLetter(c)}`;
  const activity = col(cols.activity);
  const status = col(cols.status);
  const kind = col(cols.helperKind);
  const end = col(cols.helperEnd);
  const ends = [end, ...Array.from({ length: cols.extraEnds }, (_, k) => col(cols.extraEnd + k))];
  const item = `${activity},"<>",${kind},"<>section"`;
  const open = `(${activity}<>"")*(${kind}<>"section")*(${status}<>"Выполнено")*(${status}<>"Отменено")`;
  const dated = `(${end}<>"")*(${kind}<>"throughout")`;
  const allPast = ends.map((e) => `(${e}<TODAY())`).join('*');
  const anySoon = ends.map((e) => `(${e}>=TODAY())*(${e}<=TODAY()+${soonDays})`).join('+');
  const cancelled = `COUNTIFS(${item},${status},"Отменено")`;
  const done = col(cols.doneDate);
  return {
    items: `=COUNTIFS(${item})`,
    done: `=COUNTIFS(${item},${status},"Выполнено")`,
    inProgress: `=COUNTIFS(${item},${status},"В работе")`,
    overdue: `=SUMPRODUCT(${open}*${dated}*${allPast})`,
    soon: `=SUMPRODUCT(${open}*${dated}*((${anySoon})>0))`,
    noDate: `=SUMPRODUCT(${open}*(${end}=""))`,
    share: `=IF(${cells.items}-${cancelled}>0,${cells.done}/(${cells.items}-${cancelled}),"")`,
    lastDone: `=IF(COUNT(${done})=0,"",MAX(${done}))`,
  };
}

/** The summary sheet's columns, in order (Russian headers). */
export const SUMMARY_HEADERS: readonly { key: 'name' | 'sheet' | SummaryKey | 'lastChange'; header: string; width: number }[] = [
  { key: 'name', header: 'Организация', width: 260 },
  { key: 'sheet', header: 'Лист', width: 160 },
  { key: 'items', header: 'Мероприятий', width: 100 },
  { key: 'done', header: 'Выполнено', width: 90 },
  { key: 'inProgress', header: 'В работе', width: 90 },
  { key: 'overdue', header: 'Просрочено', width: 95 },
  { key: 'soon', header: 'Срок скоро', width: 95 },
  { key: 'noDate', header: 'Без даты', width: 85 },
  { key: 'share', header: '% выполнения', width: 105 },
  { key: 'lastDone', header: 'Последнее выполнение', width: 130 },
  // Text from «История изменений» as of the summary's build (not a formula): when, who, what.
  { key: 'lastChange', header: 'Последнее изменение', width: 360 },
];
