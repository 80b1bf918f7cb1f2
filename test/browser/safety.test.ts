// Sheet text is data, never markup: hostile cell text, sheet and spreadsheet names show as text in
// the grid and in the add-on's sidebar, and no script in them ever runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePreview } from './preview-page';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '</script><script>window.__pwned=1</script>';
const TEMPLATE = '{{constructor.constructor("window.__pwned=1")()}} <?= 1 ?>';
const NAME = `${SCRIPT} Дорожная карта ${TEMPLATE}`;
const SHEET = `Лист ${IMG}`;

let dir: string;
let file: string;

const pwned = (target: Page | Frame) => target.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dk-safety-'));
  file = path.join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify({ name: NAME, sheets: [{ name: SHEET, cells: [['№', 'Мероприятие'], ['1.', IMG], ['2.', SCRIPT], ['3.', TEMPLATE]] }] }));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Hooks registered after the file's own: the preview opens once the file is written and closes before it is removed.
const preview = usePreview(() => ({ file, port: 0 }));

describe('hostile sheet text', () => {
  it('shows as text in the grid, the title and the sheet tab', async () => {
    await expect.poll(() => preview.cell(2, 2).textContent()).toBe(IMG);
    expect(await preview.cell(3, 2).textContent()).toBe(SCRIPT);
    expect(await preview.cell(4, 2).textContent()).toBe(TEMPLATE);
    expect(await preview.page.locator('#doc-title').textContent()).toBe(NAME);
    expect(await preview.page.locator('#tabs .tab').first().textContent()).toContain(SHEET);
    expect(await preview.page.locator('#grid img, #grid script').count()).toBe(0);
    expect(await pwned(preview.page)).toBeUndefined();
  });

  it('shows as text in the sidebar and runs nowhere', async () => {
    await preview.menu('Открыть панель');
    const frame = await preview.sidebar();
    const where = frame.locator('#where');
    await where.filter({ hasText: 'Таблица' }).waitFor();
    expect(await where.textContent()).toContain(`Таблица «${NAME}», лист «${SHEET}»`);
    expect(await frame.locator('img').count()).toBe(0);
    // Give any injected handler (onerror of a broken image) the time to fire, then check both worlds.
    await preview.page.waitForTimeout(200);
    expect(await pwned(frame)).toBeUndefined();
    expect(await pwned(preview.page)).toBeUndefined();
  });
});
