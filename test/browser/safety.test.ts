// Sheet text is data, never markup: hostile cell text, sheet and spreadsheet names show as text in
// the grid and in the add-on's sidebar, and no script in them ever runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../preview/server';
import { launchChromium, type LaunchedBrowser } from './chromium';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '</script><script>window.__pwned=1</script>';
const TEMPLATE = '{{constructor.constructor("window.__pwned=1")()}} <?= 1 ?>';
const NAME = `${SCRIPT} Дорожная карта ${TEMPLATE}`;
const SHEET = `Лист ${IMG}`;

let dir: string;
let server: PreviewServer;
let chromium: LaunchedBrowser;
let page: Page;

const pwned = (target: Page | Frame) => target.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dk-safety-'));
  const file = path.join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify({ name: NAME, sheets: [{ name: SHEET, cells: [['№', 'Мероприятие'], ['1.', IMG], ['2.', SCRIPT], ['3.', TEMPLATE]] }] }));
  [server, chromium] = await Promise.all([startPreview({ file, port: 0 }), launchChromium()]);
  page = await chromium.browser.newPage();
  await page.goto(server.url);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile sheet text', () => {
  it('shows as text in the grid, the title and the sheet tab', async () => {
    const cell = (row: number) => page.locator(`#grid td[data-row="${row}"][data-col="2"]`);
    await expect.poll(() => cell(2).textContent()).toBe(IMG);
    expect(await cell(3).textContent()).toBe(SCRIPT);
    expect(await cell(4).textContent()).toBe(TEMPLATE);
    expect(await page.locator('#doc-title').textContent()).toBe(NAME);
    expect(await page.locator('#tabs .tab').first().textContent()).toContain(SHEET);
    expect(await page.locator('#grid img, #grid script').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
  });

  it('shows as text in the sidebar and runs nowhere', async () => {
    await page.getByRole('button', { name: 'Расширения' }).click();
    await page.locator('.menu-item.has-sub:visible').first().hover();
    await page.getByRole('menuitem', { name: 'Открыть панель' }).click();
    const frame = await (await page.waitForSelector('.sidebar-frame')).contentFrame();
    if (!frame) throw new Error('the sidebar has no frame');
    const where = frame.locator('#where');
    await where.filter({ hasText: 'Таблица' }).waitFor();
    expect(await where.textContent()).toContain(`Таблица «${NAME}», лист «${SHEET}»`);
    expect(await frame.locator('img').count()).toBe(0);
    // Give any injected handler (onerror of a broken image) the time to fire, then check both worlds.
    await page.waitForTimeout(200);
    expect(await pwned(frame)).toBeUndefined();
    expect(await pwned(page)).toBeUndefined();
  });
});
