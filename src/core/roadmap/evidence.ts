// «Отметка о выполнении» as evidence: text a person types and lines the add-on adds for the orders
// made for the row («Приказ от 07.12.2026 № 45-о», linked to the order's Doc). Pure: the cell is
// text plus linked parts (what Apps Script's RichTextValue holds); the glue reads and writes it.
import type { ISODate } from '../types';
import { numberSign, numericDate } from '../order/format';

/** A linked part of a cell's text: 0-based, end exclusive (RichTextValue offsets). */
export interface MarkLink {
  start: number;
  end: number;
  url: string;
}

export interface MarkText {
  text: string;
  links: MarkLink[];
}

/** The line an order adds to its row's mark: «Приказ от 07.12.2026 № 45-о». */
export function orderMarkLine(order: { date: ISODate; number: string }): string {
  return `Приказ от ${numericDate(order.date)} ${numberSign(order.number)}`;
}

/** The Doc id of a Google Docs link (the same Doc opened by /edit, /view or with a query). */
const docId = (url: string): string | null => /\/document\/d\/([\w-]+)/.exec(url)?.[1] ?? null;

const sameDoc = (a: string, b: string): boolean => a === b || (!!docId(a) && docId(a) === docId(b));

/**
 * The mark with the order's line added and linked, keeping everything in it (the person's text and
 * other links). Null when there is nothing to do: the mark already links to this order's Doc, or
 * already has the line linked to it. A rerun of the same order therefore adds nothing; a line typed
 * by hand without its link gets the link, not a second line.
 */
export function withOrderLine(mark: MarkText, line: string, url: string): MarkText | null {
  if (mark.links.some((l) => sameDoc(l.url, url))) return null;
  const lines = mark.text.split('\n');
  let at = 0;
  for (const text of lines) {
    if (text.trim() === line) {
      const start = at + text.indexOf(line);
      const links = mark.links.filter((l) => l.end <= start || l.start >= start + line.length);
      return { text: mark.text, links: [...links, { start, end: start + line.length, url }] };
    }
    at += text.length + 1;
  }
  // After the person's text, on a line of its own; a trailing line break is reused, not doubled.
  const head = mark.text === '' || mark.text.endsWith('\n') ? mark.text : `${mark.text}\n`;
  return { text: `${head}${line}`, links: [...mark.links, { start: head.length, end: head.length + line.length, url }] };
}

/** A mark counts as evidence when it holds any text (a link alone always has its text). */
export const hasMark = (mark: string | undefined): boolean => !!mark && mark.trim() !== '';
