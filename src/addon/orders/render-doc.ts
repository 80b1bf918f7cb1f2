// The DocumentApp renderer of core's order model, then one Docs API batchUpdate for what
// DocumentApp cannot do (docs-requests.ts: spanning bold section rows, the repeated header row, a
// landscape appendix). The number of calls does not grow with the roadmap: the appendix is one
// appendTable(cells) call styled at table level, and every per-row change is a request inside the
// single batchUpdate.
//
// Page numbers: neither DocumentApp (no page-number field for HeaderSection/FooterSection/
// Paragraph) nor the Docs API (no request inserts an auto page number) can add them, so the
// built-in order has none; a user's template keeps its own header with page numbers (template.ts).
import { orderDocsRequests, type DocsDocumentJson, type DocsRequest } from './docs-requests';
import {
  cmToPt,
  pageSetupInPoints,
  type Align,
  type FontSettings,
  type OrderBlock,
  type OrderDocument,
  type ParagraphBlock,
  type ParagraphStyle,
  type TableBlock,
} from '../../core/order/model';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Table = GoogleAppsScript.Document.Table;

export interface RenderedDoc {
  id: string;
  name: string;
  url: string;
  /** What could not be done (the advanced Docs service is off), in Russian. */
  warnings?: string[];
}

/** The advanced Docs service when appsscript.json enables it (it is a global only then). */
export function docsApi(): GoogleAppsScript.Docs | null {
  return typeof Docs === 'undefined' || !Docs ? null : Docs;
}

export const NO_DOCS_API_WARNING =
  'Расширенная служба Google Docs недоступна: строки разделов в приложении не объединены, шапка таблицы не повторяется на каждой странице. Включите службу «Google Docs API» в проекте Apps Script.';

function alignment(a: Align): GoogleAppsScript.Document.HorizontalAlignment {
  const H = DocumentApp.HorizontalAlignment;
  return a === 'center' ? H.CENTER : a === 'right' ? H.RIGHT : a === 'justify' ? H.JUSTIFY : H.LEFT;
}

/** Appends paragraphs into a body, reusing the empty paragraph a new Doc starts with. */
class Writer {
  private spare: Paragraph | null;

  constructor(readonly body: Body, readonly font: FontSettings, readonly textWidthPt: number) {
    this.spare = body.getParagraphs()[0] ?? null;
  }

  paragraph(text: string): Paragraph {
    if (this.spare) {
      const p = this.spare;
      p.setText(text);
      this.spare = null;
      return p;
    }
    return this.body.appendParagraph(text);
  }

  /** The spare paragraph cannot stay in front of a table or a page break: fill it first. */
  settle(): void {
    if (this.spare) this.paragraph('');
  }
}

/** All of a paragraph's style in one setAttributes call (Google's documented way to style at once). */
function styleParagraph(w: Writer, p: Paragraph, s: ParagraphStyle, first: boolean, last: boolean): void {
  const A = DocumentApp.Attribute;
  p.setAttributes({
    [A.HORIZONTAL_ALIGNMENT]: alignment(s.align),
    [A.INDENT_FIRST_LINE]: cmToPt(s.indentFirstLineCm ?? 0),
    [A.INDENT_START]: cmToPt(s.indentStartCm ?? 0),
    [A.SPACING_BEFORE]: first ? (s.spaceBeforePt ?? 0) : 0,
    [A.SPACING_AFTER]: last ? (s.spaceAfterPt ?? 0) : 0,
    [A.LINE_SPACING]: s.lineSpacing ?? 1,
    [A.FONT_FAMILY]: w.font.family,
    [A.FONT_SIZE]: s.fontSizePt ?? w.font.bodyPt,
    [A.BOLD]: !!s.bold,
  });
}

/** One Doc paragraph per line of the block (spacing before the first, after the last). */
function renderParagraph(w: Writer, block: ParagraphBlock): void {
  const lines = block.text.split('\n');
  lines.forEach((line, i) => {
    const p = w.paragraph(block.style.allCaps ? line.toUpperCase() : line);
    styleParagraph(w, p, block.style, i === 0, i === lines.length - 1);
  });
}

/** Left and right text on one line: a borderless two-cell table (DocumentApp has no tab stops). */
function renderTwoSides(w: Writer, left: string, right: string, spaceBeforePt: number): void {
  w.settle();
  if (spaceBeforePt > 0) styleParagraph(w, w.paragraph(''), { align: 'left', spaceBeforePt }, true, true);
  const table = w.body.appendTable([[left, right]]);
  table.setBorderWidth(0);
  table.setColumnWidth(0, w.textWidthPt * 0.6);
  table.setColumnWidth(1, w.textWidthPt * 0.4);
  table.getCell(0, 1).getChild(0).asParagraph().setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
  table.editAsText().setFontFamily(w.font.family).setFontSize(w.font.bodyPt);
}

/** The cells of the appendix table, as one string[][] for a single appendTable call. */
export function tableCells(block: TableBlock): string[][] {
  const width = Math.max(1, ...block.rows.map((r) => (r.kind === 'section' ? 2 : r.cells.length)));
  return block.rows.map((r) => {
    const cells = r.kind === 'section' ? [r.number, r.text] : [...r.cells];
    while (cells.length < width) cells.push('');
    return cells.map((c) => c.replace(/\r\n?/g, '\n'));
  });
}

/**
 * Table-level styling: column widths, font, bold header row. Section rows (spanning, bold) are
 * Docs API requests in the one batchUpdate (docs-requests.ts), so nothing here loops over rows.
 */
export function styleAppendixTable(table: Table, block: TableBlock, textWidthPt: number, font: FontSettings): void {
  block.columnWidths.forEach((share, i) => table.setColumnWidth(i, Math.round(textWidthPt * share * 10) / 10));
  table.editAsText().setFontFamily(font.family).setFontSize(block.fontSizePt);
  const header = block.rows.findIndex((r) => r.kind === 'header');
  if (header >= 0) table.getRow(header).setAttributes({ [DocumentApp.Attribute.BOLD]: true });
}

/**
 * After the Doc is saved: one documents.get for the indexes and one batchUpdate with every
 * request. Returns warnings when the advanced service is off (the order is still usable).
 */
export function applyDocsRequests(
  docId: string,
  order: Pick<OrderDocument, 'blocks'>,
  requestsFor: (json: DocsDocumentJson, order: Pick<OrderDocument, 'blocks'>) => DocsRequest[] = orderDocsRequests,
): string[] {
  const api = docsApi();
  const needs = order.blocks.some((b) => (b.kind === 'table' && (b.repeatHeaderRows > 0 || b.rows.some((r) => r.kind === 'section'))) || b.kind === 'sectionBreak');
  if (!needs) return [];
  if (!api) return [NO_DOCS_API_WARNING];
  try {
    const json = api.Documents.get(docId) as unknown as DocsDocumentJson;
    const requests = requestsFor(json, order);
    if (requests.length) api.Documents.batchUpdate({ requests } as unknown as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, docId);
    return [];
  } catch (error) {
    // The Doc is a complete order without these touches: say what is missing rather than lose it.
    return [`Приказ создан, но Google Docs API не выполнил оформление таблицы приложения (${error instanceof Error ? error.message : String(error)}): строки разделов не объединены, шапка таблицы не повторяется на страницах. Их можно поправить в Документах.`];
  }
}

function renderTable(w: Writer, block: TableBlock): void {
  w.settle();
  const table = w.body.appendTable(tableCells(block));
  styleAppendixTable(table, block, w.textWidthPt, w.font);
}

function renderBlock(w: Writer, block: OrderBlock, body: ParagraphStyle): void {
  switch (block.kind) {
    case 'paragraph':
      return renderParagraph(w, block);
    case 'points':
      block.items.forEach((item, i) => {
        const p = w.paragraph(`${i + 1}. ${item}`);
        styleParagraph(w, p, block.style ?? body, true, i === block.items.length - 1);
      });
      return;
    case 'dateNumberRow':
      return renderTwoSides(w, block.date, block.number, 0);
    case 'signature':
      return renderTwoSides(w, block.position, block.name, 24);
    case 'table':
      return renderTable(w, block);
    case 'pageBreak':
      w.settle();
      w.body.appendPageBreak();
      return;
    case 'sectionBreak':
      // The Docs API inserts the section break (and its new page) afterwards; without it, a page break.
      w.settle();
      if (!docsApi()) w.body.appendPageBreak();
      return;
  }
}

/** Page size and margins (points) of the model on a body. */
export function applyPageSetup(body: Body, order: Pick<OrderDocument, 'page'>): number {
  const pt = pageSetupInPoints(order.page);
  body
    .setPageWidth(pt.width)
    .setPageHeight(pt.height)
    .setMarginLeft(pt.marginLeft)
    .setMarginRight(pt.marginRight)
    .setMarginTop(pt.marginTop)
    .setMarginBottom(pt.marginBottom);
  return pt.width - pt.marginLeft - pt.marginRight;
}

/**
 * Renders the whole order into an empty body. `after(i, textWidthPt)` runs once block i is in the
 * body: what the model cannot hold (a report's chart image) is appended there.
 */
export function renderOrderBody(body: Body, order: OrderDocument, after?: (index: number, textWidthPt: number) => void): void {
  const textWidth = applyPageSetup(body, order);
  const w = new Writer(body, order.font, textWidth);
  const bodyStyle: ParagraphStyle = { align: 'justify', indentFirstLineCm: 1.25 };
  order.blocks.forEach((block, i) => {
    renderBlock(w, block, bodyStyle);
    after?.(i, textWidth);
  });
}

/** Creates the Doc in the user's Drive (My Drive: placing it elsewhere needs DriveApp, i.e. the full Drive scope). */
export function createOrderDoc(order: OrderDocument): RenderedDoc {
  const doc = DocumentApp.create(order.name);
  // Id and url are read while the Doc is open: Google documents no use of a closed Document.
  const rendered = { id: doc.getId(), name: order.name, url: doc.getUrl() };
  renderOrderBody(doc.getBody(), order);
  // The Docs API sees DocumentApp's changes only once they are saved.
  doc.saveAndClose();
  const warnings = applyDocsRequests(rendered.id, order);
  return { ...rendered, warnings };
}

/** A link that downloads the Doc as a Word file (.docx): Docs' own export, no Drive scope needed. */
export function docxExportUrl(docId: string): string {
  return `https://docs.google.com/document/d/${encodeURIComponent(docId)}/export?format=docx`;
}

/** A link that downloads the Doc as PDF (no Drive scope needed: the person's own browser fetches it). */
export function pdfExportUrl(docId: string): string {
  return `https://docs.google.com/document/d/${encodeURIComponent(docId)}/export?format=pdf`;
}
