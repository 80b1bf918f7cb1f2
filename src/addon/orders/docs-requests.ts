// What DocumentApp cannot do for the order, as Docs API requests (the advanced Docs service, same
// `documents` scope), all in one batchUpdate whatever the number of rows and sections:
//   - section rows of the appendix span the table (mergeTableCells) and are bold (updateTextStyle);
//     DocumentApp's TableCell.merge() is documented only as joining an element with its preceding
//     sibling, not as a column span;
//   - the header row repeats on every page (pinTableHeaderRows); DocumentApp cannot pin rows;
//   - a wide appendix goes on landscape pages: a section break before it (insertSectionBreak) and
//     that section's orientation flipped (updateSectionStyle.flipPageOrientation).
// Reference: https://developers.google.com/docs/api/reference/rest/v1/documents/request
// Pure functions over the documents.get JSON, so they are tested without Apps Script.
import type { OrderBlock, OrderDocument, TableBlock } from '../../core/order/model';

export interface DocsContentElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: { elements?: { textRun?: { content?: string } }[] };
  table?: { rows?: number; columns?: number; tableRows?: { startIndex?: number; endIndex?: number; tableCells?: { content?: DocsContentElement[] }[] }[] };
  sectionBreak?: object;
}

export interface DocsDocumentJson {
  body?: { content?: DocsContentElement[] };
}

export type DocsRequest = Record<string, unknown>;

const paragraphText = (e: DocsContentElement) => (e.paragraph?.elements ?? []).map((x) => x.textRun?.content ?? '').join('').replace(/\n$/, '');
const cellText = (c: { content?: DocsContentElement[] }) => (c.content ?? []).map(paragraphText).join('\n');

/** The appendix table: the table whose first row is the model's header row. */
function findTable(content: DocsContentElement[], block: TableBlock): DocsContentElement | null {
  const header = block.rows[0];
  const first = header && header.kind === 'header' ? header.cells[0] : undefined;
  return content.find((e) => e.table && e.table.tableRows?.[0]?.tableCells?.[0] && cellText(e.table.tableRows[0].tableCells[0]) === first) ?? null;
}

/** A table's own touches: section rows span the table and are bold; the header row repeats on every page. */
export function tableDocsRequests(table: DocsContentElement, block: TableBlock): DocsRequest[] {
  const requests: DocsRequest[] = [];
  if (typeof table.startIndex !== 'number') return requests;
  const tableStartLocation = { index: table.startIndex };
  const width = table.table?.columns ?? block.columnWidths.length;
  block.rows.forEach((row, rowIndex) => {
    if (row.kind !== 'section') return;
    const docRow = table.table?.tableRows?.[rowIndex];
    if (width > 2) requests.push({ mergeTableCells: { tableRange: { tableCellLocation: { tableStartLocation, rowIndex, columnIndex: 1 }, rowSpan: 1, columnSpan: width - 1 } } });
    if (docRow?.startIndex !== undefined && docRow.endIndex !== undefined) {
      requests.push({ updateTextStyle: { range: { startIndex: docRow.startIndex, endIndex: docRow.endIndex }, textStyle: { bold: true }, fields: 'bold' } });
    }
  });
  if (block.repeatHeaderRows > 0) requests.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: block.repeatHeaderRows } });
  return requests;
}

/**
 * The touches of every table of a document with several (a progress report): the model's blocks
 * that become Doc tables (tables, and the borderless date/number and signature rows) matched to
 * the Doc's tables in order. Later tables come first, so no request moves an index a later one uses.
 */
export function allTablesDocsRequests(doc: DocsDocumentJson, blocks: readonly OrderBlock[]): DocsRequest[] {
  const docTables = (doc.body?.content ?? []).filter((e) => e.table);
  const tableish = blocks.filter((b) => b.kind === 'table' || b.kind === 'dateNumberRow' || b.kind === 'signature');
  if (docTables.length !== tableish.length) return [];
  const requests: DocsRequest[][] = tableish.map((b, i) => (b.kind === 'table' ? tableDocsRequests(docTables[i]!, b) : []));
  return requests.reverse().flat();
}

/** The requests for an order whose DocumentApp rendering is `doc` (one batchUpdate). */
export function orderDocsRequests(doc: DocsDocumentJson, order: Pick<OrderDocument, 'blocks'>): DocsRequest[] {
  const content = doc.body?.content ?? [];
  const block = order.blocks.find((b): b is TableBlock => b.kind === 'table');
  const table = block ? findTable(content, block) : null;
  const requests: DocsRequest[] = block && table ? tableDocsRequests(table, block) : [];
  // Index-shifting requests last: everything above refers to indexes before the break.
  const landscape = order.blocks.some((b) => b.kind === 'sectionBreak' && b.orientation === 'landscape');
  if (landscape) {
    const mark = content.find((e) => e.paragraph && /^Приложение № 1/.test(paragraphText(e)));
    if (mark && typeof mark.startIndex === 'number') {
      requests.push({ insertSectionBreak: { location: { index: mark.startIndex }, sectionType: 'NEXT_PAGE' } });
      // The newline goes in at startIndex, the section break right after it.
      requests.push({ updateSectionStyle: { range: { startIndex: mark.startIndex + 1, endIndex: mark.startIndex + 2 }, sectionStyle: { flipPageOrientation: true }, fields: 'flipPageOrientation' } });
    }
  }
  return requests;
}
