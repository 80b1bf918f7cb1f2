// Plain-text rendering of the order model: the live preview's text form and what tests read.
import type { OrderBlock, OrderDocument, TableRow } from './model';

const LINE_WIDTH = 72;

/** "left ……… right" on one line of LINE_WIDTH characters (at least two spaces between). */
function spread(left: string, right: string): string {
  const gap = Math.max(2, LINE_WIDTH - left.length - right.length);
  return `${left}${' '.repeat(gap)}${right}`;
}

function tableRowText(row: TableRow): string {
  switch (row.kind) {
    case 'header':
    case 'item':
      return row.cells.map((c) => c.replace(/\s+/g, ' ').trim()).join(' | ');
    case 'section':
      return `${row.number} ${row.text}`.trim();
  }
}

export function blockToText(block: OrderBlock): string {
  switch (block.kind) {
    case 'paragraph': {
      const indent = block.style.indentStartCm ? ' '.repeat(Math.round(block.style.indentStartCm * 4)) : '';
      return block.text.split('\n').map((line) => indent + line).join('\n');
    }
    case 'points':
      return block.items.map((p, i) => `${i + 1}. ${p}`).join('\n');
    case 'dateNumberRow':
      return spread(block.date, block.number);
    case 'signature':
      return spread(block.position, block.name);
    case 'table':
      return block.rows.map(tableRowText).join('\n');
    case 'pageBreak':
    case 'sectionBreak':
      return '\f';
  }
}

/** The whole order as text: blocks separated by blank lines, a form feed at each page break. */
export function orderToText(order: Pick<OrderDocument, 'blocks'>): string {
  return order.blocks.map(blockToText).join('\n\n');
}
