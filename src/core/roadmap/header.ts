// Finding the header row of a pasted roadmap and the meaning of its columns.
import type { Field } from '../types';
import { foldForMatch } from './text';

/**
 * What a header cell names: a field, or 'section' — a stage column («Наименование этапа»,
 * «Раздел») whose text heads the activities beside and below it.
 */
export type HeaderMeaning = Field | 'section';

// Order matters: a more specific meaning is tried before a looser one
// ("Дата выполнения" before "Срок", "Ответственный исполнитель" before "Мероприятие",
// "Наименование этапа" before "Наименование"). The rank tells the better of two columns
// that name the same field: «Мероприятия» (0) beats «Содержание деятельности» (2).
const HEADER_PATTERNS: ReadonlyArray<[HeaderMeaning, RegExp, number]> = [
  ['number', /^(№|n|no|n\s?n|№\s?№|номер)\s?(п\s?[/\\.]\s?п\.?|строки|пункта|мероприятия|раздела|п\.?)?$|^п\s?[/\\.]\s?п\.?$/, 0],
  ['doneDate', /дата\s(фактического\s)?(выполнения|исполнения|завершения)|фактическ\S*\s(срок|дата)/, 0],
  ['status', /^(статус|состояние)|статус\s(выполнения|исполнения)|отметка\sо\sстатусе/, 0],
  ['result', /результат|вид\sдокумента/, 0],
  ['result', /итог|продукт|показател|форма\sотчет/, 1],
  ['responsible', /ответствен|исполнител|кто\sпроводит|соисполнител/, 0],
  ['deadline', /срок|дата\sпроведения|период\sреализации|^дата$|^время|^период|время\sпроведения/, 0],
  // «Плановое начало | Плановое окончание»: two columns that together make one deadline.
  ['deadline', /^(плановое\s|планируемое\s)?(начало|окончание)$|^(дата|срок)\s(начала|окончания)/, 1],
  ['section', /^(наименование\s)?этап|^раздел\S*$|^блок|^направлени/, 0],
  ['activity', /мероприят|^действ|^вид\sработ/, 0],
  ['activity', /наименование|^задач|^раздел|^дела(?:[\s,]|$)/, 1],
  ['activity', /содержание|деятельност/, 2],
];

/** Russian names of fields, as the add-on's own columns call them. */
export const FIELD_TITLES: Readonly<Record<Field, string>> = {
  number: '№',
  activity: 'Мероприятие',
  deadline: 'Срок',
  responsible: 'Ответственные',
  result: 'Результат (вид документа)',
  status: 'Статус',
  doneDate: 'Дата выполнения',
};

/** Header cells are short; a long sentence that mentions "мероприятий" is a title, not a header. */
const MAX_HEADER_CELL = 80;
/** A cell of a row already taken as the header may be longer («Наименование органа …, ответственного за …»). */
export const MAX_HEADER_CELL_IN_HEADER = 160;
/** Every cell of a header row is short; data rows carry long activity texts. */
const SHORT_CELL = 40;

/**
 * The meaning a header cell names and its rank (lower is a closer match), or null. In a row
 * already known to be the header, longer cells are read too (`maxLength`).
 */
export function meaningOfHeader(text: string, maxLength = MAX_HEADER_CELL): { meaning: HeaderMeaning; rank: number } | null {
  // Length first: folding a 50,000-character item text just to reject it is wasted work.
  if (text.length > maxLength * 2) return null;
  const folded = foldForMatch(text).replace(/[.:]+$/, '');
  if (!folded || folded.length > maxLength) return null;
  for (const [meaning, re, rank] of HEADER_PATTERNS) if (re.test(folded)) return { meaning, rank };
  return null;
}

/** The field a header cell names, or null (a stage column reads as the activity). */
export function fieldOfHeader(text: string): Field | null {
  const m = meaningOfHeader(text);
  return m ? (m.meaning === 'section' ? 'activity' : m.meaning) : null;
}

/** A header cell that begins with the number label and goes on: «№ п/п Наименование мероприятия». */
export function startsWithNumberLabel(text: string): boolean {
  return /^(№|nn|n\s?п\s?\/\s?п|п\s?\/\s?п)\S*\s+\S/.test(foldForMatch(text));
}

export interface HeaderMatch {
  row: number;
  /** Meaning of every header cell that names one: 0-based column → meaning and rank. */
  named: Map<number, { meaning: HeaderMeaning; rank: number }>;
}

/** Maps the cells of one row; null unless it names an activity (or a stage) and at least one more field. */
export function matchHeaderRow(row: readonly string[], rowIndex: number): HeaderMatch | null {
  const named: HeaderMatch['named'] = new Map();
  const kinds = new Set<HeaderMeaning>();
  let unknown = 0;
  row.forEach((text, column) => {
    // The add-on's own helper columns are recomputed, never imported.
    if (!text || /служебн/i.test(text)) return;
    const m = meaningOfHeader(text);
    if (!m) {
      unknown++;
      return;
    }
    named.set(column, m);
    kinds.add(m.meaning);
  });
  if ((!kinds.has('activity') && !kinds.has('section')) || kinds.size < 2) return null;
  // A row of data (an item whose text happens to match) has most cells unmatched, and long ones;
  // a header of short cells may name only a few of its columns («2013 | 2014 | …» budget columns).
  const short = row.every((text) => text.length <= SHORT_CELL);
  if (unknown > named.size && !short) return null;
  return { row: rowIndex, named };
}

/** The first header row among `rows` (already cell text), starting at `from`. */
export function findHeader(rows: readonly (readonly string[])[], from = 0): HeaderMatch | null {
  for (let r = from; r < rows.length; r++) {
    const m = matchHeaderRow(rows[r] as readonly string[], r);
    if (m) return m;
  }
  return null;
}
