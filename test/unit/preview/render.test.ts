import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from '../../../preview/doc-html';
import { injectScript, toWire } from '../../../preview/wire';
import type { DocSnapshot } from '../../../preview/gas/types';

const para = (text: string, extra: Partial<Extract<DocSnapshot['body'][number], { type: 'paragraph' }>> = {}) => ({
  type: 'paragraph' as const, text, heading: 'NORMAL', alignment: null, bold: null, italic: null, fontSize: null, fontFamily: null,
  indentFirstLine: null, indentStart: null, spacingBefore: null, spacingAfter: null, lineSpacing: null, ...extra,
});

const doc: DocSnapshot = {
  id: 'd1', name: 'Приказ <№ 5>', url: 'https://docs.google.com/document/d/d1/edit',
  page: { width: 595.3, height: 841.9, marginTop: 56.7, marginBottom: 56.7, marginLeft: 85, marginRight: 42.5 },
  header: [], footer: [],
  body: [
    para('ПРИКАЗ', { alignment: 'CENTER', bold: true }),
    para('<img src=x onerror=alert(1)>', { alignment: 'JUSTIFY', indentFirstLine: 35.4 }),
    { type: 'pageBreak' },
    { type: 'table', columnWidths: [40, null], borderWidth: 1, rows: [{ cells: [{ text: '1.1.', bold: true, background: null, fontSize: 12, colSpan: 1 }, { text: 'Семинар', bold: null, background: null, fontSize: null, colSpan: 1 }] }] },
  ],
};

describe('a generated document as A4 pages', () => {
  const html = renderDocumentHtml(doc);
  it('uses the page setup in points and splits pages at page breaks', () => {
    expect(html).toContain('width:595.3pt');
    expect(html).toContain('padding-left:85pt');
    expect(html).toContain('padding-right:42.5pt');
    expect(html.match(/class="page"/g)).toHaveLength(2);
    expect(html).toMatch(/text-align:center;font-weight:bold[^>]*>ПРИКАЗ/);
    expect(html).toContain('text-indent:35.4pt');
    expect(html).toMatch(/<td[^>]*font-weight:bold[^>]*>1\.1\.<\/td>/);
  });
  it('escapes document text', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('<title>Приказ &#60;№ 5&#62;</title>');
  });
});

describe('google.script.run wire semantics', () => {
  it('a Date anywhere makes the whole response null; undefined in arrays becomes null', () => {
    expect(toWire({ a: [1, { d: new Date() }] })).toBeNull();
    expect(toWire([1, undefined, 'x'])).toEqual([1, null, 'x']);
    expect(toWire(undefined)).toBeNull();
  });
  it('the shim goes first into <head>, and cannot close its own script tag', () => {
    const out = injectScript('<html><head><title>x</title><script>page()</script></head></html>', 'shim("</script>")');
    expect(out.indexOf('shim(')).toBeLessThan(out.indexOf('page()'));
    expect(out).toContain('shim("<\\/script>")');
  });
});
