// Renders core's order model to DOM nodes for the live preview: pages of A4 proportions with the
// model's margins, fonts and alignment. Text goes in as text nodes only.
import type { OrderBlock, OrderDocument, ParagraphStyle, TableBlock } from '../../core/order/model';
import { el } from './dom';

const CSS = `
.order-pages { zoom: var(--order-zoom, 0.36); }
.order-page { background: #fff; box-shadow: 0 1px 4px rgba(60,64,67,.35); margin: 0 auto 24px; box-sizing: border-box; color: #000; overflow: hidden; }
.order-p { margin: 0; white-space: pre-line; }
.order-two { display: flex; justify-content: space-between; gap: 24px; margin: 0; }
.order-table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.order-table td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; white-space: pre-line; overflow-wrap: anywhere; }
.order-table tr.order-section td, .order-table tr.order-header td { font-weight: bold; }
.order-table tr.order-header td { text-align: center; }
`;

let styled = false;
function ensureStyle(): void {
  if (styled) return;
  styled = true;
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
}

function paragraphCss(s: ParagraphStyle): string {
  return [
    `text-align:${s.align}`,
    `text-indent:${s.indentFirstLineCm ?? 0}cm`,
    `margin-left:${s.indentStartCm ?? 0}cm`,
    `margin-top:${s.spaceBeforePt ?? 0}pt`,
    `margin-bottom:${s.spaceAfterPt ?? 0}pt`,
    `line-height:${s.lineSpacing ?? 1}`,
    s.bold ? 'font-weight:bold' : '',
    s.fontSizePt ? `font-size:${s.fontSizePt}pt` : '',
    s.allCaps ? 'text-transform:uppercase' : '',
  ].filter(Boolean).join(';');
}

function tableNode(block: TableBlock): HTMLElement {
  const cols = block.columnWidths.length;
  const colgroup = el('colgroup', {}, ...block.columnWidths.map((w) => el('col', { style: `width:${(w * 100).toFixed(1)}%` })));
  const rows = block.rows.map((r) => {
    if (r.kind === 'section') {
      return el('tr', { class: 'order-section' }, el('td', {}, r.number), el('td', { colspan: cols - 1 }, r.text));
    }
    return el('tr', { class: r.kind === 'header' ? 'order-header' : 'order-item' }, ...r.cells.map((c) => el('td', {}, c)));
  });
  return el('table', { class: 'order-table', style: `font-size:${block.fontSizePt}pt`, 'data-role': 'appendixTable' }, colgroup, el('tbody', {}, ...rows));
}

function blockNode(block: OrderBlock): HTMLElement | null {
  switch (block.kind) {
    case 'paragraph':
      return el('p', { class: 'order-p', style: paragraphCss(block.style), 'data-role': block.role }, block.text);
    case 'points':
      return el('div', { 'data-role': 'points' }, ...block.items.map((item, i) => el('p', { class: 'order-p', style: paragraphCss(block.style) }, `${i + 1}. ${item}`)));
    case 'dateNumberRow':
      return el('div', { class: 'order-two', 'data-role': 'dateNumber', style: 'margin-bottom:12pt' }, el('span', {}, block.date), el('span', {}, block.number));
    case 'signature':
      return el('div', { class: 'order-two', 'data-role': 'signature', style: 'margin-top:24pt' }, el('span', {}, block.position), el('span', {}, block.name));
    case 'table':
      return tableNode(block);
    case 'pageBreak':
    case 'sectionBreak':
      return null;
  }
}

/** The order as pages of DOM nodes (a page break starts a new page). */
export function orderView(order: OrderDocument): HTMLElement {
  ensureStyle();
  const p = order.page;
  const pageStyle = (landscape: boolean) => [
    `width:${landscape ? p.heightMm : p.widthMm}mm`,
    `min-height:${landscape ? p.widthMm : p.heightMm}mm`,
    `padding:${p.marginTopMm}mm ${p.marginRightMm}mm ${p.marginBottomMm}mm ${p.marginLeftMm}mm`,
    `font-family:'${order.font.family}', 'Times New Roman', serif`,
    `font-size:${order.font.bodyPt}pt`,
  ].join(';');
  const pages: HTMLElement[] = [];
  let page = el('div', { class: 'order-page', style: pageStyle(false) });
  pages.push(page);
  for (const block of order.blocks) {
    if (block.kind === 'pageBreak' || block.kind === 'sectionBreak') {
      const landscape = block.kind === 'sectionBreak' && block.orientation === 'landscape';
      page = el('div', { class: 'order-page', style: pageStyle(landscape), 'data-orientation': landscape ? 'landscape' : 'portrait' });
      pages.push(page);
      continue;
    }
    const node = blockNode(block);
    if (node) page.append(node);
  }
  return el('div', { class: 'order-pages', 'aria-label': 'Предварительный просмотр приказа' }, ...pages);
}
