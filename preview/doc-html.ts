// A generated Google Doc (DocSnapshot) as a standalone HTML page of A4 sheets: page size and
// margins in points, paragraphs with their alignment, indents and fonts, tables, page breaks.
// Every piece of document text is escaped: it may come from sheet cells.
import type { DocBlockSnapshot, DocSnapshot } from './gas/types';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ALIGN: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };
const HEADING_SIZE: Record<string, number> = { TITLE: 20, SUBTITLE: 15, HEADING1: 16, HEADING2: 14, HEADING3: 13 };

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

function paragraph(block: Extract<DocBlockSnapshot, { type: 'paragraph' }>): string {
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
  return `<p${css}>${runs || '&nbsp;'}</p>`;
}

function table(block: Extract<DocBlockSnapshot, { type: 'table' }>): string {
  const border = block.borderWidth ?? 1;
  const cols = block.columnWidths.map((w) => `<col${w ? style({ width: w }) : ''}>`).join('');
  const rows = block.rows
    .map(
      (row) =>
        `<tr>${row.cells
          .map(
            (cell) =>
              `<td${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${style({
                'font-weight': cell.bold ? 'bold' : null,
                background: cell.background,
                'font-size': cell.fontSize,
                border: `${border}pt solid #000`,
              })}>${textHtml(cell.text)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<table><colgroup>${cols}</colgroup>${rows}</table>`;
}

function blocks(list: DocBlockSnapshot[]): string {
  return list
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return paragraph(b);
        case 'listItem':
          return `<p class="li"${style({ 'margin-left': 18 * (b.nesting + 1), 'text-align': b.alignment ? ALIGN[b.alignment] ?? null : null })}>${textHtml(b.text)}</p>`;
        case 'table':
          return table(b);
        case 'pageBreak':
          return '';
      }
    })
    .join('\n');
}

/** Splits the body at explicit page breaks: each part is at least one A4 sheet. */
function pages(body: DocBlockSnapshot[]): DocBlockSnapshot[][] {
  const out: DocBlockSnapshot[][] = [[]];
  for (const block of body) {
    if (block.type === 'pageBreak') out.push([]);
    else out[out.length - 1]!.push(block);
  }
  return out;
}

export function renderDocumentHtml(doc: DocSnapshot): string {
  const p = doc.page;
  const sheet = style({
    width: p.width,
    'min-height': p.height,
    'padding-top': p.marginTop,
    'padding-bottom': p.marginBottom,
    'padding-left': p.marginLeft,
    'padding-right': p.marginRight,
  });
  const header = doc.header.length ? `<header>${blocks(doc.header)}</header>` : '';
  const footer = doc.footer.length ? `<footer>${blocks(doc.footer)}</footer>` : '';
  const body = pages(doc.body)
    .map((part, i) => `<section class="page" data-page="${i + 1}"${sheet}>${i > 0 ? header : ''}${blocks(part)}${footer}</section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(doc.name)}</title>
<style>
body { background: #f1f3f4; margin: 0; padding: 16px 0; font-family: 'Times New Roman', serif; font-size: 14pt; }
.page { box-sizing: border-box; background: #fff; margin: 0 auto 16px; box-shadow: 0 1px 3px rgba(0,0,0,.3); overflow-wrap: break-word; }
p { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; }
td { vertical-align: top; padding: 2pt 4pt; }
header, footer { font-size: 10pt; color: #444; }
@media print { body { background: none; padding: 0; } .page { box-shadow: none; margin: 0; page-break-after: always; } }
</style></head>
<body>
${body}
</body></html>
`;
}
