// What a reminder e-mail reports: the items of a roadmap that are overdue, and those whose deadline
// falls within the next N days, as of a fixed `today`. Pure. The classification is the one the
// sheet's colours show (core/roadmap/colour: rowHelper + colourOfHelper over the deadline engine),
// so a reminder never disagrees with the cell colour the person sees: «Выполнено» and «Отменено»
// rows, deadlines without a date («постоянно», «в течение года», external or not understood) are
// never reminded of. A repeating deadline is reported by its next (or current) occurrence.
import type { ISODate, PlanContext } from '../types';
import { addDays } from '../dates';
import { colourOfHelper, rowHelper } from '../roadmap/colour';
import type { CanonicalItem } from '../roadmap/layout';

export interface DigestItem {
  /** 1-based sheet row of the item (its first row). */
  row: number;
  number: string;
  activity: string;
  responsible: string;
  /** The deadline as typed. */
  deadline: string;
  /** The occurrence reminded of: the last one that ended (overdue) or the next to end (due). */
  due: ISODate;
}

export interface SheetDigest {
  sheetName: string;
  /** The plan's title, or the sheet's name. */
  title: string;
  overdue: DigestItem[];
  dueSoon: DigestItem[];
}

export interface DigestInput {
  sheetName: string;
  title: string;
  items: readonly CanonicalItem[];
  plan: PlanContext | null;
  /** 1-based sheet row of values[0] (the rows of CanonicalItem.sourceRows are 0-based from there). */
  firstRow: number;
}

/** The digest of one roadmap sheet as of `today`, looking `days` ahead (0: today only). */
export function sheetDigest(input: DigestInput, today: ISODate, days: number): SheetDigest {
  const overdue: DigestItem[] = [];
  const dueSoon: DigestItem[] = [];
  const limit = addDays(today, days);
  for (const item of input.items) {
    if (item.isSection || !item.activity.trim()) continue;
    const helper = rowHelper(item, input.plan, today);
    const colour = colourOfHelper(helper, today, days);
    if (colour !== 'overdue' && colour !== 'soon') continue;
    const ends = [helper.end, ...helper.extraEnds].filter((e): e is ISODate => e !== '');
    // Overdue: every occurrence ended; the latest one is the deadline missed. Due: the earliest
    // occurrence ending inside [today, today + days] — the next one of a repeating deadline.
    const due = colour === 'overdue'
      ? ends.reduce((a, b) => (b > a ? b : a))
      : ends.filter((e) => e >= today && e <= limit).reduce((a, b) => (b < a ? b : a));
    const entry: DigestItem = {
      row: input.firstRow + (item.sourceRows[0] ?? 0),
      number: item.number,
      activity: item.activity.trim(),
      responsible: item.responsible.trim(),
      deadline: item.deadline.trim(),
      due,
    };
    (colour === 'overdue' ? overdue : dueSoon).push(entry);
  }
  // Overdue: longest overdue first; due: soonest first; the sheet's order breaks ties.
  overdue.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.row - b.row));
  dueSoon.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.row - b.row));
  return { sheetName: input.sheetName, title: input.title, overdue, dueSoon };
}

export const isEmptyDigest = (d: Pick<SheetDigest, 'overdue' | 'dueSoon'>): boolean => d.overdue.length === 0 && d.dueSoon.length === 0;
