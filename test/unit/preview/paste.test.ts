// A paste larger than the sheet's grid behaves as in Sheets: the grid grows and every pasted cell
// arrives (no silent loss, no English error); «Распознать таблицу» then takes the whole table.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../../preview/server';
import type { ActionResult } from '../../../preview/web/protocol';
import { pastedRoadmap } from '../../integration/roadmap/tables';

let server: PreviewServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dk-paste-'));
  const file = path.join(dir, 'empty.json');
  writeFileSync(file, JSON.stringify({ name: 'Вставка', sheets: [{ name: 'Вставка', cells: [['']] }] }));
  server = await startPreview({ port: 0, today: '2023-03-15', file });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(route: string, body: unknown): Promise<ActionResult> {
  const url = new URL(`/api/${route}`, server.url);
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let t = '';
      res.on('data', (c: Buffer) => (t += c.toString('utf8')));
      res.on('end', () => resolve(t));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
  return JSON.parse(text) as ActionResult;
}

describe('a paste larger than the grid', () => {
  it('grows the sheet, keeps every cell, and the 3,000-row table is recognised completely', async () => {
    const rows = pastedRoadmap(3_000).map((r) => [...r.map(String), 'Примечание']);
    const app = () => server.runtime().globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!;
    const grid = server.runtime().run('FULL', () => [app().getMaxRows(), app().getMaxColumns()]);
    expect(rows.length).toBeGreaterThan(grid[0]!);
    const pasted = await post('paste', { sheet: 'Вставка', row: 1, column: 1, rows });
    expect(pasted).toMatchObject({ ok: true });
    const values = server.runtime().run('FULL', () => app().getDataRange().getValues());
    expect(values.length).toBe(rows.length);
    expect(values[values.length - 1]!.slice(0, 2)).toEqual(rows[rows.length - 1]!.slice(0, 2));
    expect(values[0]!.length).toBe(6);

    const recognised = await post('menu', { functionName: 'recognizeTable', selection: { sheet: 'Вставка', row: 1, column: 1, rows: 1, columns: 1 } });
    expect(recognised.ok).toBe(true);
    expect(recognised.events.filter((e) => e.type === 'alert')).toEqual([]);
    const sheet = recognised.state.workbook.sheets.find((s) => s.name === 'Вставка — дорожная карта');
    expect(sheet?.lastRow).toBe(1 + 3_000 + 300); // header, items, a section every ten items
  });

  it('past the spreadsheet\'s cell limit it is refused whole, in Russian, before any cell changes', async () => {
    const sheet = () => server.runtime().globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!;
    const before = server.runtime().run('FULL', () => JSON.stringify([sheet().getMaxRows(), sheet().getMaxColumns(), sheet().getDataRange().getValues()]));
    const wide = [Array.from({ length: 18_000 }, () => 'x')];
    const r = await post('paste', { sheet: 'Вставка', row: 1_000, column: 1, rows: wide });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^Вставка не помещается: на листе может быть не больше 10\s000\s000 ячеек/);
    expect(server.runtime().run('FULL', () => JSON.stringify([sheet().getMaxRows(), sheet().getMaxColumns(), sheet().getDataRange().getValues()]))).toBe(before);
  });
});
