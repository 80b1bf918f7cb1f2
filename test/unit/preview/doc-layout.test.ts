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
