import { describe, expect, it } from 'vitest';
import { cellText, guardFormula, looksLikeFormula, normalizeCell, parseDayText, stripHtml } from '../../../src/core';

describe('normalizeCell', () => {
  it('turns sheet values into the text a person sees', () => {
    expect(normalizeCell('')).toBe('');
    expect(normalizeCell(null)).toBe('');
    expect(normalizeCell(1.5)).toBe('1.5');
    expect(normalizeCell(Number.NaN)).toBe('');
    expect(normalizeCell(false)).toBe('ЛОЖЬ');
    expect(normalizeCell(new Date(2023, 0, 5))).toBe('05.01.2023');
    expect(normalizeCell(new Date('invalid'))).toBe('');
    expect(normalizeCell('a\r\nb')).toBe('a\nb');
    expect(normalizeCell({ x: 1 })).toBe('');
  });
});

describe('stripHtml / cellText', () => {
  it('decodes entities and drops tags, keeping block breaks as line breaks', () => {
    expect(stripHtml('<p>Один&nbsp;&laquo;два&raquo;</p><p>три &amp; &#8470;5</p>')).toBe('Один «два»\nтри & №5');
    expect(cellText('a<br/>b')).toBe('a\nb');
  });

  it('leaves text that only looks like a tag alone', () => {
    expect(stripHtml('стаж <5 лет>')).toBe('стаж <5 лет>');
    expect(stripHtml('&unknown; текст')).toBe('&unknown; текст');
  });

  it('collapses spaces but keeps line breaks and at most one empty line', () => {
    expect(cellText('  a \t  b \n\n\n\n c  ')).toBe('a b\n\nc');
  });
});

describe('formula guard', () => {
  it('recognises text a sheet would read as a formula', () => {
    for (const t of ['=A1', '+7 999', '-пункт', '@user']) expect(looksLikeFormula(t)).toBe(true);
    for (const t of ['Текст = формула', '', '1.1.']) expect(looksLikeFormula(t)).toBe(false);
    expect(guardFormula('=A1')).toBe("'=A1");
    expect(guardFormula('Текст')).toBe('Текст');
  });
});

describe('parseDayText', () => {
  it('reads ISO and Russian dates and rejects impossible days', () => {
    expect(parseDayText('2023-06-05')).toBe('2023-06-05');
    expect(parseDayText('05.06.2023')).toBe('2023-06-05');
    expect(parseDayText('5.6.23 г.')).toBe('2023-06-05');
    expect(parseDayText('31.02.2023')).toBeNull();
    expect(parseDayText('июнь')).toBeNull();
  });
});
