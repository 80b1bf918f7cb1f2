import { describe, expect, it } from 'vitest';
import { harness } from './helpers';

describe('rich text values (links over parts of a cell)', () => {
  it('keeps a link over part of the text, splits runs at its edges, and reads back what was written', () => {
    const h = harness();
    h.service.seedSheet('План', [['Отметка'], ['']]);
    const sheet = h.app.getActiveSpreadsheet().getSheetByName('План')!;
    const value = h.app.newRichTextValue().setText('Проведено\nПриказ № 5').setLinkUrl(10, 20, 'https://docs.google.com/document/d/abc/edit').build();
    sheet.getRange('A2').setRichTextValue(value);
    const read = sheet.getRange('A2').getRichTextValue()!;
    expect(read.getText()).toBe('Проведено\nПриказ № 5');
    expect(sheet.getRange('A2').getValue()).toBe('Проведено\nПриказ № 5');
    // Part of the text is linked: no single link for the whole value.
    expect(read.getLinkUrl()).toBeNull();
    expect(read.getLinkUrl(10, 20)).toBe('https://docs.google.com/document/d/abc/edit');
    const runs = read.getRuns();
    expect(runs.map((r) => [r.getText(), r.getStartIndex(), r.getEndIndex(), r.getLinkUrl()])).toEqual([
      ['Проведено\n', 0, 10, null],
      ['Приказ № 5', 10, 20, 'https://docs.google.com/document/d/abc/edit'],
    ]);
    expect(h.service.snapshot().sheets.find((s) => s.name === 'План')!.cells[1]![0]!.links).toEqual([
      { start: 10, end: 20, url: 'https://docs.google.com/document/d/abc/edit' },
    ]);
  });

  it('setText clears the links of a copied value; setLinkUrl(null) clears a part; a whole link reads as one', () => {
    const h = harness();
    const rich = h.app.newRichTextValue().setText('ab cd').setLinkUrl('https://x.test/').build();
    expect(rich.getLinkUrl()).toBe('https://x.test/');
    expect(rich.copy().setText('ab cd').build().getLinkUrl(0, 5)).toBeNull();
    const cut = rich.copy().setLinkUrl(2, 3, null).build();
    expect(cut.getRuns().map((r) => [r.getText(), r.getLinkUrl()])).toEqual([['ab', 'https://x.test/'], [' ', null], ['cd', 'https://x.test/']]);
    expect(() => rich.copy().setLinkUrl(0, 9, 'https://y.test/')).toThrow(/outside the text/);
  });

  it('text styles: a style over part of the text splits the runs, a later style adds to an earlier one, setText clears them', () => {
    const h = harness();
    const bold = h.app.newTextStyle().setBold(true).build();
    const italic = h.app.newTextStyle().setItalic(true).build();
    const rich = h.app.newRichTextValue().setText('один два').setTextStyle(0, 4, bold).setTextStyle(2, 8, italic).build();
    expect(rich.getRuns().map((r) => [r.getText(), r.getTextStyle().isBold(), r.getTextStyle().isItalic()])).toEqual([
      ['од', true, null], ['ин', true, true], [' два', null, true],
    ]);
    expect(rich.copy().setText('один два').build().getRuns()).toHaveLength(1);
    expect(rich.copy().setTextStyle(0, 8, null).build().getRuns()).toHaveLength(3);
  });
});
