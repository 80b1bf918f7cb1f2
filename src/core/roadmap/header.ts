// Finding the header row of a pasted roadmap and the meaning of its columns.
import type { Field } from '../types';
import { foldForMatch } from './text';

// Order matters: a more specific meaning is tried before a looser one
// ("Дата выполнения" before "Срок", "Ответственный исполнитель" before "Мероприятие").
const FIELD_PATTERNS: ReadonlyArray<[Field, RegExp]> = [
  ['number', /^(№|n|no|номер)(\s?п\s?\/\s?п\.?)?$|^п\s?\/\s?п\.?$|^№\s?(пункта|мероприятия|раздела)$/],
  ['doneDate', /дата\s(фактического\s)?(выполнения|исполнения|завершения)|фактическ\S*\s(срок|дата)/],
  ['status', /^(статус|состояние)|статус\s(выполнения|исполнения)|отметка\sо\sстатусе/],
  ['result', /результат|вид\sдокумента|итог|продукт|показател|форма\sотчет/],
  ['responsible', /ответствен|исполнител|кто\sпроводит|соисполнител/],
  ['deadline', /срок|дата\sпроведения|период\sреализации|^дата$|^время|^период/],
  ['activity', /мероприят|содержание|наименование|деятельност|^задач|^действ|^направлени|^вид\sработ|^раздел/],
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

/** The field a header cell names, or null. */
export function fieldOfHeader(text: string): Field | null {
  // Length first: folding a 50,000-character item text just to reject it is wasted work.
  if (text.length > MAX_HEADER_CELL * 2) return null;
  const folded = foldForMatch(text);
  if (!folded || folded.length > MAX_HEADER_CELL) return null;
  for (const [field, re] of FIELD_PATTERNS) if (re.test(folded)) return field;
  return null;
}

export interface HeaderMatch {
  row: number;
  columns: Partial<Record<Field, number>>;
  /** Header cells that name no field: 0-based column → text. */
  unknown: Array<{ column: number; text: string }>;
  /** Header cells naming a field a previous column already took. */
  duplicates: Array<{ column: number; text: string; field: Field }>;
}

/** Maps the cells of one row; null unless it names an activity and at least one more field. */
export function matchHeaderRow(row: readonly string[], rowIndex: number): HeaderMatch | null {
  const columns: Partial<Record<Field, number>> = {};
  const unknown: HeaderMatch['unknown'] = [];
  const duplicates: HeaderMatch['duplicates'] = [];
  let named = 0;
  row.forEach((text, column) => {
    // The add-on's own helper columns are recomputed, never imported.
    if (!text || /служебн/i.test(text)) return;
    const field = fieldOfHeader(text);
    if (!field) {
      unknown.push({ column, text });
      return;
    }
    if (columns[field] !== undefined) {
      duplicates.push({ column, text, field });
      return;
    }
    columns[field] = column;
    named++;
  });
  if (columns.activity === undefined || named < 2) return null;
  // A row of data (an item whose text happens to match) has most cells unmatched.
  if (unknown.length > named) return null;
  return { row: rowIndex, columns, unknown, duplicates };
}

/** The first header row among `rows` (already cell text), starting at `from`. */
export function findHeader(rows: readonly (readonly string[])[], from = 0): HeaderMatch | null {
  for (let r = from; r < rows.length; r++) {
    const m = matchHeaderRow(rows[r] as readonly string[], r);
    if (m) return m;
  }
  return null;
}
