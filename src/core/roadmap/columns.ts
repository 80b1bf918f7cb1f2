// What each column of a pasted roadmap means: from its header (one or two rows), from its
// content where the header says nothing, and from the person's own mapping, which always wins.
import type { ColumnMeaning, Field, RecognizeChoices } from '../types';
import { findHeader, MAX_HEADER_CELL_IN_HEADER, meaningOfHeader, startsWithNumberLabel, type HeaderMeaning } from './header';
import { numberStyle, parseNumber } from './numbering';

/** Meaning of a column inside recognition: a field, a stage column, an extra column, or nothing. */
export type Meaning = HeaderMeaning | 'extra' | 'skip';

/** Columns assumed when no header is found: the usual order of a roadmap. */
const DEFAULT_ORDER: readonly Field[] = ['number', 'activity', 'deadline', 'responsible', 'result'];

export interface ColumnPlan {
  /** 0-based row of the (last) header row; -1 when none was found. */
  headerRow: number;
  /** The header's second row («начало | окончание» under «Срок»), -1 when it has one. */
  subHeaderRow: number;
  /** First row of the body. */
  bodyStart: number;
  /** Header text of every column (two-row headers joined: «Срок реализации: начало»). */
  headers: string[];
  /** The second header row's own text of every column («I квартал 2013 г.»), '' when none. */
  subHeaders: string[];
  /** Final meaning of every column. */
  meanings: Meaning[];
  /** Columns that hold text anywhere (header or body). */
  filled: boolean[];
  /** True when no header row was found and the columns were taken in the usual order. */
  guessed: boolean;
}

const MAX_SUBHEADER = 60;

function widthOf(rows: readonly (readonly string[])[]): number {
  return rows.reduce((w, r) => Math.max(w, r.length), 0);
}

/**
 * The row under a header is its second row when every filled cell of it stands under a header
 * cell that spans several columns (a filled cell followed by empty ones), its cells are short,
 * and none of them is an item number: «Срок реализации | » over «начало | окончание».
 */
function isSubHeader(header: readonly string[], row: readonly string[] | undefined): boolean {
  if (!row) return false;
  const filled = row.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
  if (filled.length < 2) return false;
  let underSpan = 0;
  for (const c of filled) {
    const text = row[c] as string;
    if (text.length > MAX_SUBHEADER || numberStyle(text) || /^\d/.test(text)) return false;
    // Under a blank header cell that a filled one to its left spans, or under a filled cell.
    if (!header[c]) {
      if (spanStart(header, c) === null) return false;
      underSpan++;
    } else if (!header[c + 1] && c + 1 < row.length && row[c + 1]) underSpan++;
  }
  return underSpan >= 1;
}

/** The column of the filled header cell a blank header cell sits under (its span's start), or null. */
function spanStart(header: readonly string[], c: number): number | null {
  for (let k = c - 1; k >= 0; k--) if (header[k]) return k;
  return null;
}

/** Share of the column's body cells (in rows with two or more filled cells) that are item numbers. */
function numberShare(rows: readonly (readonly string[])[], from: number, c: number): { share: number; count: number } {
  let count = 0;
  let filled = 0;
  for (let r = from; r < rows.length; r++) {
    const row = rows[r] as readonly string[];
    const text = row[c];
    if (!text || row.filter((x) => x).length < 2) continue;
    filled++;
    if (numberStyle(text)) count++;
  }
  return { share: filled ? count / filled : 0, count };
}

function hasBody(rows: readonly (readonly string[])[], from: number, c: number): boolean {
  for (let r = from; r < rows.length; r++) if ((rows[r] as readonly string[])[c]) return true;
  return false;
}

/** Finds what every column means. Never throws; `choices` override what was found. */
export function planColumns(rows: readonly (readonly string[])[], choices: RecognizeChoices): ColumnPlan | null {
  const chosenHeader = choices.headerRow !== undefined && choices.headerRow >= 0 && choices.headerRow < rows.length ? choices.headerRow : undefined;
  const found = chosenHeader === undefined ? findHeader(rows) : null;
  const headerRow = chosenHeader ?? found?.row ?? -1;
  const width = widthOf(headerRow >= 0 ? rows.slice(headerRow) : rows);
  const headers: string[] = Array.from({ length: width }, (_, c) => (headerRow >= 0 ? (rows[headerRow]?.[c] ?? '') : ''));
  const subHeaders: string[] = new Array<string>(width).fill('');
  const meanings: Meaning[] = new Array<Meaning>(width).fill('skip');
  const ranks: number[] = new Array<number>(width).fill(0);
  /** Columns under one spanning header: they share its meaning and are joined, not deduplicated. */
  const group: number[] = new Array<number>(width).fill(-1);
  let subHeaderRow = -1;

  if (headerRow >= 0 && isSubHeader(headers, rows[headerRow + 1])) {
    const sub = rows[headerRow + 1] as readonly string[];
    const top = [...headers];
    for (let c = 0; c < width; c++) {
      const parent = top[c] ? c : spanStart(top, c);
      const subText = sub[c] ?? '';
      if (!subText) continue;
      const parentText = parent === null ? '' : (top[parent] ?? '');
      headers[c] = parentText ? `${parentText}: ${subText}` : subText;
      subHeaders[c] = subText;
      if (parent !== null) group[c] = parent;
    }
    subHeaderRow = headerRow + 1;
  }
  const bodyFrom = (subHeaderRow >= 0 ? subHeaderRow : headerRow) + 1;

  let guessed = false;
  if (headerRow >= 0) {
    for (let c = 0; c < width; c++) {
      const text = headers[c] ?? '';
      if (!text) continue;
      // The add-on's own helper columns are recomputed, never carried over.
      if (/служебн/i.test(text)) {
        meanings[c] = 'skip';
        continue;
      }
      // A sub-header's own meaning («Дата выполнения» under «Отметка») wins over its parent's.
      const subText = subHeaderRow >= 0 ? (rows[subHeaderRow]?.[c] ?? '') : '';
      const parentText = group[c] !== -1 ? (rows[headerRow]?.[group[c] as number] ?? '') : text;
      const m = (subText ? meaningOfHeader(subText) : null) ?? meaningOfHeader(parentText, MAX_HEADER_CELL_IN_HEADER);
      if (m) {
        meanings[c] = m.meaning;
        ranks[c] = m.rank;
      } else meanings[c] = 'extra';
    }
  } else {
    const start = firstNumberedColumn(rows);
    if (start === null && !choices.mapping) return null;
    // Without a header the usual order is assumed from the numbered column (the person's mapping may follow).
    if (start !== null) {
      guessed = true;
      DEFAULT_ORDER.forEach((f, i) => {
        if (start + i < width) meanings[start + i] = f;
      });
    }
  }

  const filled = Array.from({ length: width }, (_, c) => !!headers[c] || hasBody(rows, bodyFrom, c));
  for (let c = 0; c < width; c++) if (meanings[c] === 'skip' && filled[c] && !/служебн/i.test(headers[c] ?? '')) meanings[c] = 'extra';

  if (headerRow >= 0) {
    spanningHeaders(rows, bodyFrom, headers, meanings, filled);
    pairStartEnd(headers, meanings, group);
    dedupe(meanings, ranks, group);
    if (!meanings.includes('activity')) {
      const stage = meanings.indexOf('section');
      if (stage >= 0) meanings[stage] = 'activity';
    }
    numberFromContent(rows, bodyFrom, meanings);
  }

  applyMapping(meanings, choices.mapping);
  for (let c = 0; c < width; c++) if (!headers[c] && filled[c] && meanings[c] === 'extra') headers[c] = `Столбец ${c + 1}`;
  const bodyStart = choices.firstDataRow !== undefined && choices.firstDataRow >= 0 ? choices.firstDataRow : Math.max(0, bodyFrom);
  return { headerRow, subHeaderRow, bodyStart, headers, subHeaders, meanings, filled, guessed };
}

/** Without a header: the first column holding item numbers starts the usual order. */
function firstNumberedColumn(rows: readonly (readonly string[])[]): number | null {
  const width = widthOf(rows);
  for (let c = 0; c + 2 < width; c++) {
    let numbered = 0;
    for (const r of rows) if (r[c] && parseNumber(r[c] as string) && r[c + 1]) numbered++;
    if (numbered >= 2) return c;
  }
  return null;
}

/**
 * A header cell merged over two columns lands in the first of them, the second left blank:
 * «№ п/п Наименование мероприятия | (blank)». When the first column holds item numbers it is
 * the number column and the second takes the header's meaning.
 */
function spanningHeaders(rows: readonly (readonly string[])[], from: number, headers: string[], meanings: Meaning[], filled: boolean[]): void {
  for (let c = 0; c + 1 < meanings.length; c++) {
    const m = meanings[c] as Meaning;
    if (m === 'extra' || m === 'skip' || m === 'number' || headers[c + 1] || !filled[c + 1]) continue;
    const numbers = numberShare(rows, from, c);
    if (numbers.count >= 2 && numbers.share >= 0.5 && !meanings.includes('number')) {
      meanings[c] = 'number';
      meanings[c + 1] = m;
      headers[c + 1] = headers[c] as string;
      if (startsWithNumberLabel(headers[c] as string)) headers[c] = '№';
    }
  }
}

/** «Плановое начало | Плановое окончание» side by side: one deadline made of two columns. */
function pairStartEnd(headers: readonly string[], meanings: Meaning[], group: number[]): void {
  for (let c = 0; c + 1 < meanings.length; c++) {
    if (meanings[c] !== 'deadline' || meanings[c + 1] !== 'deadline') continue;
    if (/начал/i.test(headers[c] ?? '') && /оконч|заверш/i.test(headers[c + 1] ?? '')) {
      group[c] = c;
      group[c + 1] = c;
    }
  }
}

/** One column per meaning; the best-ranked (then leftmost) keeps it, the others become extra. Groups share. */
function dedupe(meanings: Meaning[], ranks: number[], group: number[]): void {
  const best = new Map<Meaning, number>();
  meanings.forEach((m, c) => {
    if (m === 'extra' || m === 'skip') return;
    const b = best.get(m);
    if (b === undefined || (ranks[c] as number) < (ranks[b] as number)) best.set(m, c);
  });
  meanings.forEach((m, c) => {
    if (m === 'extra' || m === 'skip') return;
    const b = best.get(m) as number;
    const sameGroup = group[c] !== -1 && group[c] === group[b];
    if (c !== b && !sameGroup) meanings[c] = 'extra';
  });
}

/** No column is headed «№»: a column with a blank or unknown header that holds item numbers is it. */
function numberFromContent(rows: readonly (readonly string[])[], from: number, meanings: Meaning[]): void {
  if (meanings.includes('number')) return;
  const activity = meanings.indexOf('activity');
  for (let c = 0; c < meanings.length; c++) {
    if (meanings[c] !== 'extra' || (activity >= 0 && c > activity)) continue;
    const numbers = numberShare(rows, from, c);
    if (numbers.count >= 2 && numbers.share >= 0.6) {
      meanings[c] = 'number';
      return;
    }
  }
}

/** The person's mapping wins; a field they gave to one column leaves the column that had it as extra. */
function applyMapping(meanings: Meaning[], mapping: Record<number, ColumnMeaning> | undefined): void {
  if (!mapping) return;
  const chosen = new Map<number, ColumnMeaning>();
  for (const [key, value] of Object.entries(mapping)) {
    const c = Number(key);
    if (Number.isInteger(c) && c >= 0 && c < 500) chosen.set(c, value);
  }
  const taken = new Set<Meaning>([...chosen.values()].filter((m) => m !== 'extra' && m !== 'skip'));
  meanings.forEach((m, c) => {
    if (!chosen.has(c) && taken.has(m)) meanings[c] = 'extra';
  });
  for (const [c, m] of chosen) {
    while (meanings.length <= c) meanings.push('skip');
    meanings[c] = m;
  }
}
