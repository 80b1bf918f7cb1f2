// The preview's document viewer shows what the Doc has: right-aligned cells, merged section rows,
// the pinned header repeated on every sheet a long table runs onto, landscape sections.
import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from '../../../preview/doc-html';
import type { DocSnapshot } from '../../../preview/gas/types';

type Cell = Extract<DocSnapshot['body'][number], { type: 'table' }>['rows'][number]['cells'][number];
const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, bold: null, background: null, fontSize: null, colSpan: 1, ...extra });
const page = { width: 595.3, height: 841.9, marginTop: 56.7, marginBottom: 56.7, marginLeft: 85, marginRight: 42.5 };

function doc(body: DocSnapshot['body']): DocSnapshot {
  return { id: 'd', name: 'Приказ', url: 'u', page, header: [], footer: [], body };
}

const appendix = (rows: number): DocSnapshot['body'][number] => ({
  type: 'table',
  columnWidths: [40, 200, 80, 80, 80],
  borderWidth: 1,
  pinnedHeaderRows: 1,
  rows: [
    { cells: ['№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственные', 'Результат'].map((t) => cell(t, { bold: true })) },
    { cells: [cell('1.'), cell('Организационные мероприятия', { colSpan: 4, bold: true }), cell('', { covered: true }), cell('', { covered: true }), cell('', { covered: true })] },
    ...Array.from({ length: rows }, (_, i) => ({ cells: [cell(`1.${i + 1}.`), cell('Проведение семинара для наставников и наставляемых'), cell('до 01.02.2026'), cell('Куратор'), cell('Справка')] })),
  ],
});

describe('the document viewer', () => {
  it('puts the number and the signer flush right in a borderless two-cell line', () => {
    const html = renderDocumentHtml(doc([{ type: 'table', columnWidths: [300, 200], borderWidth: 0, rows: [{ cells: [cell('1 февраля 2026 г.'), cell('№ 12', { alignment: 'RIGHT' })] }] }]));
    expect(html).toMatch(/<table class="layout">/);
    expect(html).toMatch(/<td style="text-align:right;border:none">№ 12<\/td>/);
  });

  it('shows a merged section row as one spanning cell, the covered cells left out', () => {
    const html = renderDocumentHtml(doc([appendix(2)]));
    expect(html).toContain('<td colspan="4" style="font-weight:bold;border:1pt solid #000">Организационные мероприятия</td>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });

  it('repeats the pinned header on every sheet a long table runs onto', () => {
    const html = renderDocumentHtml(doc([appendix(120)]));
    const sheets = html.match(/<section class="page/g)!.length;
    expect(sheets).toBeGreaterThan(2);
    expect(html.match(/<thead><tr class="pinned">/g)).toHaveLength(sheets);
    expect(html.match(/>1\.120\.</g)).toHaveLength(1);
  });

  it('turns the sheets after a landscape section break', () => {
    const html = renderDocumentHtml(doc([{ type: 'sectionBreak', landscape: true }, appendix(1)]));
    expect(html).toMatch(/<section class="page landscape" data-page="2" style="width:841.9pt;min-height:595.3pt/);
  });
});

describe('inline images in the document viewer', () => {
  const para = (images: NonNullable<Extract<DocSnapshot['body'][number], { type: 'paragraph' }>['images']>): DocSnapshot['body'][number] => ({
    type: 'paragraph', text: '', heading: 'NORMAL', alignment: null, bold: null, italic: null, fontSize: null, fontFamily: null,
    indentFirstLine: null, indentStart: null, spacingBefore: null, spacingAfter: null, lineSpacing: null, images,
  });

  it('shows a PNG as a data: image at its pixel size, with its alt text escaped', () => {
    const html = renderDocumentHtml(doc([para([{ contentType: 'image/png', base64: 'iVBORw0KGgo=', width: 640, height: 300, alt: 'Диаграмма "ход" <1>' }])]));
    expect(html).toContain('<img class="inline-image" src="data:image/png;base64,iVBORw0KGgo=" width="640" height="300" alt="Диаграмма &#34;ход&#34; &#60;1&#62;">');
  });

  it('shows nothing for a type a browser should not run or for bytes that are not base64', () => {
    const html = renderDocumentHtml(doc([
      para([{ contentType: 'image/svg+xml', base64: 'PHN2Zz4=', width: 10, height: 10, alt: null }]),
      para([{ contentType: 'image/png', base64: '"><script>x</script>', width: 10, height: 10, alt: null }]),
    ]));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>x');
  });

  it('a tall image pushes the next paragraph onto a new page', () => {
    const text = (t: string): DocSnapshot['body'][number] => ({ ...para([]), text: t } as DocSnapshot['body'][number]);
    // 600 × 940 px = 450 × 705 pt: it fits under «До» on an A4 page (728 pt of text height), «После» does not.
    const html = renderDocumentHtml(doc([text('До'), para([{ contentType: 'image/png', base64: 'AAAA', width: 600, height: 940, alt: null }]), text('После')]));
    const pages = html.split('<section class="page').slice(1);
    expect(pages.findIndex((p) => p.includes('<img'))).toBe(0);
    expect(pages.findIndex((p) => p.includes('После'))).toBe(1);
  });

  it('an image wider than the text column counts at the height it is shown scaled to', () => {
    const text = (t: string): DocSnapshot['body'][number] => ({ ...para([]), text: t } as DocSnapshot['body'][number]);
    // 1280 × 1800 px shown 467.8 pt wide is ≈ 658 pt high: «После» still fits on the first page.
    const html = renderDocumentHtml(doc([para([{ contentType: 'image/png', base64: 'AAAA', width: 1280, height: 1800, alt: null }]), text('После')]));
    expect(html.split('<section class="page').slice(1).findIndex((p) => p.includes('После'))).toBe(0);
  });
});
