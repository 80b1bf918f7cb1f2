import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
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

describe('files the preview refuses', () => {
  /** A ZIP with one stored-deflated entry, built by hand (local header, central directory, end record). */
  function zipOf(name: string, data: Buffer): Buffer {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    const body = Buffer.concat([local, nameBytes, packed]);
    const dir = Buffer.concat([central, nameBytes]);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(body.length, 16);
    return Buffer.concat([body, dir, end]);
  }

  it('a compression bomb .xlsx (a few KB that unpack to 100 MB) is refused before unpacking, in Russian', async () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(100 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(parseFile('бомба.xlsx', bomb)).rejects.toThrow(/Файл Excel в распакованном виде занимает 100 МБ/);
    await expect(parseFile('бомба.xlsx', bomb)).rejects.toBeInstanceOf(LoadError);
  });

  it('a .xlsx that is not a ZIP at all is refused with a Russian message', async () => {
    await expect(parseFile('таблица.xlsx', Buffer.from('это не Excel'))).rejects.toThrow('Файл .xlsx повреждён');
  });

  it('a 200,000-row CSV is refused with a Russian message instead of overflowing the stack', async () => {
    const csv = `№;Мероприятие;Срок\n${Array.from({ length: 200_000 }, (_, i) => `${i + 1}.;Мероприятие ${i + 1};Март 2023`).join('\n')}\n`;
    await expect(parseFile('огромный.csv', Buffer.from(csv))).rejects.toThrow(/В файле больше 50\s000 строк/);
  });
});
