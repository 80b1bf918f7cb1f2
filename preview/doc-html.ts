// A generated Google Doc (DocSnapshot) as a standalone HTML page of sheets laid out the way Docs
// lays them out: page size and margins in points, paragraphs with their alignment, indents and
// fonts, tables with merged cells (colspan) and right-aligned cells (the order number, the
// signer), inline images (data: URLs), page breaks, section breaks with their orientation (a landscape appendix), and long
// tables split across sheets with their pinned header rows repeated at the top of each sheet.
// Line heights are estimated (about half an em per character, single spacing ≈ 1.15 em), so a
// sheet may end a line earlier or later than in Docs; the structure is the Doc's own.
// Every piece of document text is escaped: it may come from sheet cells.
import type { DocBlockSnapshot, DocSnapshot } from './gas/types';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Paragraph = Extract<DocBlockSnapshot, { type: 'paragraph' }>;
type Table = Extract<DocBlockSnapshot, { type: 'table' }>;
type Row = Table['rows'][number];

const ALIGN: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };
const HEADING_SIZE: Record<string, number> = { TITLE: 20, SUBTITLE: 15, HEADING1: 16, HEADING2: 14, HEADING3: 13 };
const BODY_PT = 14;
const TABLE_PT = 12;

function style(parts: Record<string, string | number | null | undefined | false>): string {
  const css = Object.entries(parts)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => `${k}:${typeof v === 'number' ? `${v}pt` : v}`)
    .join(';');
  return css ? ` style="${escapeHtml(css)}"` : '';
}

/** Text with its line breaks; Docs uses \r inside a paragraph for a soft break. */
function textHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

function paragraph(block: Paragraph): string {
  const runs = block.runs?.length
    ? block.runs
        .map((r) => {
          let html = textHtml(r.text);
          if (r.bold) html = `<b>${html}</b>`;
          if (r.italic) html = `<i>${html}</i>`;
          if (r.underline) html = `<u>${html}</u>`;
          if (r.link && /^https?:/i.test(r.link)) html = `<a href="${escapeHtml(r.link)}">${html}</a>`;
          return html;
        })
        .join('')
    : textHtml(block.text);
  const css = style({
    'text-align': block.alignment ? ALIGN[block.alignment] ?? null : null,
    'font-weight': block.bold === null ? null : block.bold ? 'bold' : 'normal',
    'font-style': block.italic ? 'italic' : null,
    'font-size': block.fontSize ?? HEADING_SIZE[block.heading] ?? null,
    'font-family': block.fontFamily ? `'${block.fontFamily.replace(/'/g, '')}', serif` : null,
    'text-indent': block.indentFirstLine,
    'margin-left': block.indentStart,
    'margin-top': block.spacingBefore ?? 0,
    'margin-bottom': block.spacingAfter ?? 0,
    'line-height': block.lineSpacing ? String(block.lineSpacing) : null,
  });
  return `<p${css}>${runs}${images(block)}${runs || block.images?.length ? '' : '&nbsp;'}</p>`;
}

/** Only image types a browser shows are put into a data: URL; base64 is re-checked, never trusted. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** Inline images as <img> with data: URLs, at their size in pixels (1 px = 0.75 pt). */
function images(block: Paragraph): string {
  return (block.images ?? [])
    .filter((i) => IMAGE_TYPES.has(i.contentType) && /^[A-Za-z0-9+/]*={0,2}$/.test(i.base64))
    .map((i) => `<img class="inline-image" src="data:${i.contentType};base64,${i.base64}" width="${Math.round(i.width)}" height="${Math.round(i.height)}" alt="${escapeHtml(i.alt ?? '')}">`)
    .join('');
}

function rowHtml(row: Row, border: number, header: boolean): string {
  const cells = row.cells
    .filter((cell) => !cell.covered)
    .map(
      (cell) =>
        `<td${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${style({
          'font-weight': cell.bold ? 'bold' : null,
          background: cell.background,
          'font-size': cell.fontSize,
          'text-align': cell.alignment ? ALIGN[cell.alignment] ?? null : null,
          border: border > 0 ? `${border}pt solid #000` : 'none',
        })}>${textHtml(cell.text)}</td>`,
    )
    .join('');
  return `<tr${header ? ' class="pinned"' : ''}>${cells}</tr>`;
}

function table(block: Table, rows: Row[], repeated: Row[]): string {
  const border = block.borderWidth ?? 1;
  const cols = block.columnWidths.map((w) => `<col${w ? style({ width: w }) : ''}>`).join('');
  const head = repeated.length ? `<thead>${repeated.map((r) => rowHtml(r, border, true)).join('')}</thead>` : '';
  return `<table${border === 0 ? ' class="layout"' : ''}><colgroup>${cols}</colgroup>${head}<tbody>${rows.map((r) => rowHtml(r, border, false)).join('')}</tbody></table>`;
}

function listItem(b: Extract<DocBlockSnapshot, { type: 'listItem' }>): string {
  return `<p class="li"${style({ 'margin-left': 18 * (b.nesting + 1), 'text-align': b.alignment ? ALIGN[b.alignment] ?? null : null })}>${textHtml(b.text)}</p>`;
}

function blocks(list: DocBlockSnapshot[]): string {
  return list
    .map((b) => (b.type === 'paragraph' ? paragraph(b) : b.type === 'listItem' ? listItem(b) : b.type === 'table' ? table(b, b.rows, []) : ''))
    .join('\n');
}

// ---- Layout: sheets of estimated height ----

interface Sheet {
  landscape: boolean;
  html: string[];
}

/** Lines a text takes in a width (pt) at a font size: ≈ 0.5 em per character. */
function lines(text: string, widthPt: number, sizePt: number): number {
  const perLine = Math.max(1, Math.floor(widthPt / (sizePt * 0.5)));
  return text.split(/\r\n|\r|\n/).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function paragraphHeight(p: Paragraph, widthPt: number): number {
  const size = p.fontSize ?? HEADING_SIZE[p.heading] ?? BODY_PT;
  // An image wider than the text column is shown scaled down to it (max-width: 100%).
  const image = Math.max(0, ...(p.images ?? []).map((i) => i.height * 0.75 * Math.min(1, widthPt / Math.max(1, i.width * 0.75))));
  return Math.max(image, lines(p.text, widthPt - (p.indentStart ?? 0), size) * size * 1.15 * (p.lineSpacing ?? 1)) + (p.spacingBefore ?? 0) + (p.spacingAfter ?? 0);
}

function rowHeight(row: Row, widths: number[], tableWidth: number): number {
  let max = 0;
  let col = 0;
  for (const cell of row.cells) {
    if (cell.covered) {
      col += 1;
      continue;
    }
    const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0) || tableWidth / Math.max(1, row.cells.length);
    col += cell.colSpan;
    const size = cell.fontSize ?? TABLE_PT;
    max = Math.max(max, lines(cell.text, width - 8, size) * size * 1.15 + 4);
  }
  return max;
}

export function renderDocumentHtml(doc: DocSnapshot): string {
  const p = doc.page;
  const sheets: Sheet[] = [{ landscape: false, html: [] }];
  const dims = (landscape: boolean) => ({
    width: (landscape ? p.height : p.width) - p.marginLeft - p.marginRight,
    height: (landscape ? p.width : p.height) - p.marginTop - p.marginBottom,
  });
  let used = 0;
  const current = () => sheets[sheets.length - 1]!;
  const newSheet = (landscape = current().landscape) => {
    sheets.push({ landscape, html: [] });
    used = 0;
  };
  for (const block of doc.body) {
    const { width, height } = dims(current().landscape);
    if (block.type === 'pageBreak') newSheet();
    else if (block.type === 'sectionBreak') newSheet(block.landscape);
    else if (block.type === 'paragraph' || block.type === 'listItem') {
      const h = block.type === 'paragraph' ? paragraphHeight(block, width) : BODY_PT * 1.15;
      if (used > 0 && used + h > height) newSheet();
      current().html.push(block.type === 'paragraph' ? paragraph(block) : listItem(block));
      used += h;
    } else {
      const total = block.columnWidths.reduce<number>((a, w) => a + (w ?? 0), 0);
      const widths = block.columnWidths.map((w) => (w && total ? (w / total) * width : width / Math.max(1, block.columnWidths.length)));
      const pinned = block.rows.slice(0, block.pinnedHeaderRows ?? 0);
      const pinnedHeight = pinned.reduce((a, r) => a + rowHeight(r, widths, width), 0);
      const firstRow = block.rows[pinned.length];
      if (used > 0 && firstRow && used + pinnedHeight + rowHeight(firstRow, widths, width) > height) newSheet();
      used += pinnedHeight;
      // The pinned rows head every part of the table, as Docs repeats them on each page.
      let chunk: Row[] = [];
      for (const row of block.rows.slice(pinned.length)) {
        const h = rowHeight(row, widths, width);
        if (chunk.length > 0 && used + h > height) {
          current().html.push(table(block, chunk, pinned));
          newSheet();
          used = pinnedHeight;
          chunk = [];
        }
        chunk.push(row);
        used += h;
      }
      current().html.push(table(block, chunk, pinned));
    }
  }
  const sheetHtml = sheets
    .map((s, i) => {
      const css = style({
        width: s.landscape ? p.height : p.width,
        'min-height': s.landscape ? p.width : p.height,
        'padding-top': p.marginTop,
        'padding-bottom': p.marginBottom,
        'padding-left': p.marginLeft,
        'padding-right': p.marginRight,
      });
      const header = i > 0 && doc.header.length ? `<header>${blocks(doc.header)}</header>` : '';
      const footer = doc.footer.length ? `<footer>${blocks(doc.footer)}</footer>` : '';
      return `<section class="page${s.landscape ? ' landscape' : ''}" data-page="${i + 1}"${css}>${header}${s.html.join('\n')}${footer}</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(doc.name)}</title>
<style>
body { background: #f1f3f4; margin: 0; padding: 16px 0; font-family: 'Times New Roman', serif; font-size: ${BODY_PT}pt; }
.page { box-sizing: border-box; background: #fff; margin: 0 auto 16px; box-shadow: 0 1px 3px rgba(0,0,0,.3); overflow-wrap: break-word; }
p { margin: 0; }
img.inline-image { max-width: 100%; height: auto; vertical-align: bottom; }
table { border-collapse: collapse; width: 100%; font-size: ${TABLE_PT}pt; }
table.layout { font-size: inherit; }
td { vertical-align: top; padding: 2pt 4pt; }
table.layout td { padding: 0; }
thead tr.pinned td { background: #f8f9fa; }
header, footer { font-size: 10pt; color: #444; }
@media print { body { background: none; padding: 0; } .page { box-shadow: none; margin: 0; page-break-after: always; } }
</style></head>
<body>
${sheetHtml}
</body></html>
`;
}
