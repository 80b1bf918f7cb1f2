// «Разослать школам» run again: the template may have new rows, the school has filled its sheet.
// The plan keeps every row of the school exactly as it is (status, dates, marks, even the texts
// the school corrected) and only inserts the template rows the school does not have yet, each
// after the row that precedes it in the template. Template rows are matched to school rows by
// their activity text first (survives renumbering), then by number.
import type { CanonicalItem } from '../roadmap/layout';

export type MergeSlot = { from: 'school'; index: number } | { from: 'template'; index: number };

export interface MergeDifference {
  schoolIndex: number;
  templateIndex: number;
  /** Columns whose text differs between the template and the school's row (kept as the school has it). */
  fields: ('number' | 'activity' | 'deadline' | 'responsible' | 'result')[];
}

export interface MergePlan {
  /** The rows of the merged sheet, in order. */
  order: MergeSlot[];
  /** Template rows added (indices into the template). */
  added: number[];
  /** School rows matched to a template row whose text differs (not changed on the sheet). */
  differences: MergeDifference[];
  /** School rows that are not in the template (the school added them, or the template dropped them): kept. */
  schoolOnly: number[];
}

type Item = Pick<CanonicalItem, 'number' | 'activity' | 'deadline' | 'responsible' | 'result'>;

/** "1.1." and "1.1" are the same number. */
export const numberKey = (n: string): string => n.replace(/\s+/g, '').replace(/\.+$/, '');

/** Activity text compared without case, spacing, «ё» and trailing punctuation. */
export const activityKey = (a: string): string =>
  a.toLowerCase().replace(/ё/g, 'е').replace(/["«»„“”]/g, '"').replace(/\s+/g, ' ').replace(/[\s.;,:]+$/, '').trim();

const COMPARED = ['number', 'activity', 'deadline', 'responsible', 'result'] as const;

/** The merge of a template into a school's existing rows (pure). */
export function planMerge(template: readonly Item[], school: readonly Item[]): MergePlan {
  const match = new Array<number>(template.length).fill(-1);
  const taken = new Set<number>();
  const byActivity = new Map<string, number[]>();
  school.forEach((s, i) => {
    const key = activityKey(s.activity);
    if (!key) return;
    const list = byActivity.get(key) ?? [];
    list.push(i);
    byActivity.set(key, list);
  });
  template.forEach((t, ti) => {
    const key = activityKey(t.activity);
    const candidates = (key && byActivity.get(key)) || [];
    // Several rows with the same text (e.g. «Мониторинг»): the one with the same number, else the first free.
    const free = candidates.filter((i) => !taken.has(i));
    const pick = free.find((i) => numberKey(school[i]!.number) === numberKey(t.number)) ?? free[0];
    if (pick !== undefined) {
      match[ti] = pick;
      taken.add(pick);
    }
  });
  const byNumber = new Map<string, number>();
  school.forEach((s, i) => {
    const key = numberKey(s.number);
    if (key && !taken.has(i) && !byNumber.has(key)) byNumber.set(key, i);
  });
  template.forEach((t, ti) => {
    if (match[ti]! >= 0) return;
    const i = byNumber.get(numberKey(t.number));
    if (i !== undefined && !taken.has(i)) {
      match[ti] = i;
      taken.add(i);
    }
  });

  // School rows in their order; each missing template row goes right after its template predecessor.
  const order: MergeSlot[] = school.map((_, index) => ({ from: 'school', index }));
  const added: number[] = [];
  let anchor: MergeSlot | null = null;
  template.forEach((_, ti) => {
    const m = match[ti]!;
    if (m >= 0) {
      anchor = order.find((s) => s.from === 'school' && s.index === m) ?? anchor;
      return;
    }
    const slot: MergeSlot = { from: 'template', index: ti };
    const at: number = anchor ? order.indexOf(anchor) + 1 : 0;
    order.splice(at, 0, slot);
    anchor = slot;
    added.push(ti);
  });

  const differences: MergeDifference[] = [];
  template.forEach((t, ti) => {
    const si = match[ti]!;
    if (si < 0) return;
    const s = school[si]!;
    const fields = COMPARED.filter((f) =>
      f === 'number' ? numberKey(t.number) !== numberKey(s.number) : f === 'activity' ? activityKey(t.activity) !== activityKey(s.activity) : t[f].replace(/\s+/g, ' ').trim() !== s[f].replace(/\s+/g, ' ').trim(),
    );
    if (fields.length) differences.push({ schoolIndex: si, templateIndex: ti, fields });
  });
  const schoolOnly = school.map((_, i) => i).filter((i) => !taken.has(i));
  return { order, added, differences, schoolOnly };
}

/** A template row as a school receives it: the district's status, dates and marks are not copied. */
export function blankForSchool<T extends CanonicalItem>(item: T): T {
  return { ...item, status: item.isSection ? '' : 'Не начато', doneDate: '', mark: '' };
}

/** Template rows to insert into a school's sheet: after 1-based sheet row `after`, in order. */
export interface Insertion {
  after: number;
  templateIndices: number[];
}

/**
 * Where a merge's added rows go on the school's sheet, as row insertions (so the school's own rows
 * are moved by Sheets, never rewritten). `sourceRows` of the school items are 0-based rows of the
 * values read from A1; `headerRow` is the header's 0-based row. Groups come bottom-up, so inserting
 * them in this order keeps every `after` valid.
 */
export function insertionsOf(plan: MergePlan, school: readonly Pick<CanonicalItem, 'sourceRows'>[], headerRow: number): Insertion[] {
  const groups: Insertion[] = [];
  let after = headerRow + 1;
  let current: Insertion | null = null;
  for (const slot of plan.order) {
    if (slot.from === 'school') {
      const rows = school[slot.index]!.sourceRows;
      after = Math.max(...rows) + 1;
      current = null;
      continue;
    }
    if (!current) {
      current = { after, templateIndices: [] };
      groups.push(current);
    }
    current.templateIndices.push(slot.index);
  }
  return groups.sort((a, b) => b.after - a.after);
}
