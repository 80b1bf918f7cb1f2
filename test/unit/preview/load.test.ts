import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile, parseFile, LoadError } from '../../../preview/load/index';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/roadmaps/derbent-2023.json');

describe('opening a user file in the preview', () => {
  it('a fixture roadmap becomes one rectangular sheet named as the fixture', async () => {
    const raw = JSON.parse(readFileSync(fixture, 'utf8')) as { name: string; cells: string[][] };
    const wb = await loadFile(fixture);
    expect(wb.name).toBe(raw.name);
    expect(wb.sheets).toHaveLength(1);
    const cells = wb.sheets[0]!.cells;
    expect(cells[0]![0]).toBe(raw.cells[0]![0]);
    const width = Math.max(...raw.cells.map((r) => r.length));
    expect(new Set(cells.map((r) => r.length))).toEqual(new Set([width]));
  });

  it('reads a semicolon CSV saved by Russian Excel in windows-1251', async () => {
    // "№;Мероприятие;Сроки" and one row, encoded as cp1251 by hand (Cyrillic А..я = 0xC0..0xFF).
    const text = '№;Мероприятие;Сроки\r\n1.1.;"Семинар; кураторы";Март 2023\r\n';
    const bytes = Buffer.from(
      Array.from(text, (ch) => {
        const code = ch.charCodeAt(0);
        if (ch === '№') return 0xb9;
        if (ch === 'ё') return 0xb8;
        return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
      }),
    );
    const wb = await parseFile('план.csv', bytes);
    expect(wb.name).toBe('план');
    expect(wb.sheets[0]!.cells).toEqual([
      ['№', 'Мероприятие', 'Сроки'],
      ['1.1.', 'Семинар; кураторы', 'Март 2023'],
    ]);
  });

  it('keeps line breaks inside quoted TSV cells and pads short rows', async () => {
    const wb = await parseFile('a.tsv', Buffer.from('1.\t"Раздел\nпервый"\n1.1.\n\n', 'utf8'));
    expect(wb.sheets[0]!.cells).toEqual([
      ['1.', 'Раздел\nпервый'],
      ['1.1.', ''],
    ]);
  });

  it('refuses an unknown format with a Russian message', async () => {
    await expect(parseFile('план.docx', Buffer.from(''))).rejects.toThrow(LoadError);
    await expect(parseFile('план.docx', Buffer.from(''))).rejects.toThrow(/не поддерживается/);
    await expect(parseFile('x.json', Buffer.from('{'))).rejects.toThrow(/не JSON/);
  });
});
