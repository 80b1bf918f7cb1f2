// The plain data behind the in-memory Google Docs, and its snapshot. Sizes are points.
import type { DocBlockSnapshot, DocSnapshot } from '../types';

export type Attrs = Record<string, unknown>;

export interface TextRun {
  start: number;
  /** Exclusive. */
  end: number;
  attrs: Attrs;
}

export interface ParagraphModel {
  kind: 'paragraph' | 'listItem';
  text: string;
  heading: string;
  /** Paragraph attributes and text attributes that apply to the whole paragraph. */
  attrs: Attrs;
  runs: TextRun[];
  nesting: number;
  glyph: string;
  /** Inline images after the paragraph's text (Body.appendImage makes a paragraph holding one). */
  images?: InlineImageModel[];
}

/** An InlineImage: the blob's bytes as base64 and its size in pixels (as Google reports it). */
export interface InlineImageModel {
  kind: 'inlineImage';
  contentType: string;
  base64: string;
  width: number;
  height: number;
  altTitle: string | null;
  altDescription: string | null;
}

export interface CellModel {
  kind: 'cell';
  children: ParagraphModel[];
  attrs: Attrs;
  colSpan: number;
  /** Docs API mergeTableCells: rows the head cell spans (1 when not merged). */
  rowSpan?: number;
  /** Covered by a merged head cell (Docs API keeps the cell in the row; it is not shown). */
  covered?: boolean;
}

export interface RowModel {
  kind: 'row';
  cells: CellModel[];
  attrs: Attrs;
}

export interface TableModel {
  kind: 'table';
  rows: RowModel[];
  columnWidths: (number | null)[];
  attrs: Attrs;
  /** Docs API pinTableHeaderRows: rows repeated at the top of each page. */
  pinnedHeaderRows?: number;
}

export interface PageBreakModel {
  kind: 'pageBreak';
}

/** A section break (only the Docs API inserts one); the section after it may flip its page orientation. */
export interface SectionBreakModel {
  kind: 'sectionBreak';
  flipPageOrientation: boolean;
}

export type BlockModel = ParagraphModel | TableModel | PageBreakModel | SectionBreakModel;

export interface SectionModel {
  kind: 'body' | 'header' | 'footer';
  blocks: BlockModel[];
}

export interface PageModel {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

export interface DocModel {
  id: string;
  /** The Drive file's name is the document's name. */
  file: { name: string; url: string };
  page: PageModel;
  body: SectionModel;
  header: SectionModel | null;
  footer: SectionModel | null;
}

export const newParagraph = (text = '', kind: 'paragraph' | 'listItem' = 'paragraph'): ParagraphModel => ({
  kind,
  text,
  heading: 'NORMAL',
  attrs: {},
  runs: [],
  nesting: 0,
  glyph: 'BULLET',
});

export const newCell = (text = ''): CellModel => ({ kind: 'cell', children: [newParagraph(text)], attrs: {}, colSpan: 1 });

export function newTable(cells?: string[][]): TableModel {
  const rows = (cells ?? []).map((r): RowModel => ({ kind: 'row', cells: r.map((t) => newCell(String(t))), attrs: {} }));
  const widths = Math.max(0, ...rows.map((r) => r.cells.length));
  return { kind: 'table', rows, columnWidths: Array.from({ length: widths }, () => null), attrs: {} };
}

export function cellText(cell: CellModel): string {
  return cell.children.map((p) => p.text).join('\n');
}

/** Deep copy (Document copies via Drive makeCopy, element copy()). */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

const num = (x: unknown): number | null => (typeof x === 'number' ? x : null);
const bool = (x: unknown): boolean | null => (typeof x === 'boolean' ? x : null);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

type Run = { text: string; bold?: boolean; italic?: boolean; underline?: boolean; link?: string };

function runsOf(p: ParagraphModel): Run[] {
  const cuts = new Set([0, p.text.length]);
  for (const r of p.runs) {
    cuts.add(Math.max(0, Math.min(r.start, p.text.length)));
    cuts.add(Math.max(0, Math.min(r.end, p.text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i]!, points[i + 1]!];
    if (s === e) continue;
    const attrs: Attrs = { ...p.attrs };
    for (const r of p.runs) if (r.start <= s && r.end >= e) Object.assign(attrs, r.attrs);
    const seg: Run = { text: p.text.slice(s, e) };
    if (attrs.BOLD === true) seg.bold = true;
    if (attrs.ITALIC === true) seg.italic = true;
    if (attrs.UNDERLINE === true) seg.underline = true;
    if (typeof attrs.LINK_URL === 'string' && attrs.LINK_URL) seg.link = attrs.LINK_URL;
    out.push(seg);
  }
  return out;
}

export function blockSnapshot(b: BlockModel): DocBlockSnapshot {
  if (b.kind === 'pageBreak') return { type: 'pageBreak' };
  if (b.kind === 'sectionBreak') return { type: 'sectionBreak', landscape: b.flipPageOrientation };
  if (b.kind === 'listItem') {
    return { type: 'listItem', text: b.text, nesting: b.nesting, glyph: b.glyph, alignment: str(b.attrs.HORIZONTAL_ALIGNMENT) };
  }
  if (b.kind !== 'table') {
    const snap: DocBlockSnapshot = {
      type: 'paragraph',
      text: b.text,
      heading: b.heading,
      alignment: str(b.attrs.HORIZONTAL_ALIGNMENT),
      bold: bool(b.attrs.BOLD),
      italic: bool(b.attrs.ITALIC),
      fontSize: num(b.attrs.FONT_SIZE),
      fontFamily: str(b.attrs.FONT_FAMILY),
      indentFirstLine: num(b.attrs.INDENT_FIRST_LINE),
      indentStart: num(b.attrs.INDENT_START),
      spacingBefore: num(b.attrs.SPACING_BEFORE),
      spacingAfter: num(b.attrs.SPACING_AFTER),
      lineSpacing: num(b.attrs.LINE_SPACING),
    };
    if (b.runs.length) snap.runs = runsOf(b);
    if (b.images?.length) snap.images = b.images.map((i) => ({ contentType: i.contentType, base64: i.base64, width: i.width, height: i.height, alt: i.altTitle }));
    return snap;
  }
  return {
    type: 'table',
    rows: b.rows.map((r) => ({
      cells: r.cells.map((c) => ({
        text: cellText(c),
        bold: bool(c.attrs.BOLD) ?? bool(c.children[0]?.attrs.BOLD),
        background: str(c.attrs.BACKGROUND_COLOR),
        fontSize: num(c.attrs.FONT_SIZE) ?? num(c.children[0]?.attrs.FONT_SIZE),
        colSpan: c.colSpan,
        alignment: str(c.children[0]?.attrs.HORIZONTAL_ALIGNMENT),
        ...(c.covered ? { covered: true } : {}),
      })),
    })),
    columnWidths: [...b.columnWidths],
    borderWidth: num(b.attrs.BORDER_WIDTH),
    pinnedHeaderRows: b.pinnedHeaderRows ?? 0,
  };
}

export function docSnapshot(d: DocModel): DocSnapshot {
  return {
    id: d.id,
    name: d.file.name,
    url: d.file.url,
    page: { ...d.page },
    header: d.header ? d.header.blocks.map(blockSnapshot) : [],
    footer: d.footer ? d.footer.blocks.map(blockSnapshot) : [],
    body: d.body.blocks.map(blockSnapshot),
  };
}

/** Plain text of a document, for its stub PDF. */
export function docText(d: DocModel): string {
  const lines: string[] = [];
  const add = (blocks: BlockModel[]): void => {
    for (const b of blocks) {
      if (b.kind === 'table') for (const r of b.rows) lines.push(r.cells.map(cellText).join(' | '));
      else if (b.kind !== 'pageBreak' && b.kind !== 'sectionBreak') lines.push(b.text);
    }
  };
  if (d.header) add(d.header.blocks);
  add(d.body.blocks);
  if (d.footer) add(d.footer.blocks);
  return lines.join('\n');
}
