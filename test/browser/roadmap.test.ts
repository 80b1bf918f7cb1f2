// The everyday roadmap journey in a real browser: the sample pasted roadmap → «Распознать
// таблицу» → «Проверить» lists problems (a click selects the cell) → «Обновить сроки и цвета» →
// coloured deadline cells. Screenshots go to docs/img for the guide.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../preview/server';
import { legend } from '../../src/core/roadmap/colour';
import { launchChromium, type LaunchedBrowser } from './chromium';

const root = path.resolve(import.meta.dirname, '../..');
const imgDir = path.join(root, 'docs/img');
const COLOURS = new Map(legend(14).map((l) => [l.key, l.background]));

let server: PreviewServer;
let chromium: LaunchedBrowser;
let page: Page;

async function screenshot(name: string): Promise<void> {
  mkdirSync(imgDir, { recursive: true });
  await page.screenshot({ path: path.join(imgDir, name) });
}

const cell = (row: number, column: number) => page.locator(`#grid td[data-row="${row}"][data-col="${column}"]`);

async function menu(caption: string): Promise<void> {
  await page.getByRole('button', { name: 'Расширения' }).click();
  await page.locator('.menu-item.has-sub:visible').first().hover();
  await page.getByRole('menuitem', { name: caption, exact: true }).click();
}

async function sidebarFrame(): Promise<Frame> {
  const handle = await page.waitForSelector('.sidebar-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the sidebar has no frame');
  return frame;
}

/** "#rrggbb" → the rgb() form the browser reports. */
const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

beforeAll(async () => {
  [server, chromium] = await Promise.all([startPreview({ port: 0, today: '2023-03-15' }), launchChromium()]);
  page = await chromium.browser.newPage({ viewport: { width: 1280, height: 760 }, locale: 'ru-RU' });
  await page.goto(server.url);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('roadmap journey', () => {
  it('«Распознать таблицу» makes a new roadmap sheet and shows what was recognised', async () => {
    await cell(1, 1).waitFor();
    await menu('Распознать таблицу');
    const frame = await sidebarFrame();
    await frame.locator('#created').filter({ hasText: 'создан лист' }).waitFor();
    expect(await frame.locator('#created').textContent()).toMatch(/создан лист «.+ — дорожная карта»/);
    expect(await frame.locator('#counts').textContent()).toMatch(/Мероприятий: \d+, разделов: \d+/);
    expect(await frame.locator('#counts').textContent()).toContain('01.01.2023–31.12.2023');
    // The new sheet is active, in the add-on's layout.
    await expect.poll(() => cell(1, 2).textContent()).toBe('Мероприятие');
    expect(await cell(1, 3).textContent()).toBe('Срок');
    expect(await page.locator('[role="tab"][aria-selected="true"]').textContent()).toContain('— дорожная карта');
    await screenshot('roadmap-recognize.png');
  });

  it('«Проверить» lists problems by row; clicking one selects its cell', async () => {
    await menu('Проверить');
    const frame = await sidebarFrame();
    await frame.locator('#summary').filter({ hasText: /Ошибок|Замечаний нет/ }).waitFor();
    const problems = frame.locator('button.problem');
    expect(await problems.count()).toBeGreaterThan(0);
    const first = (await problems.first().textContent())!;
    const m = /^Строка (\d+)/.exec(first);
    expect(m).not.toBeNull();
    await problems.first().click();
    await expect.poll(() => page.locator(`#grid td[data-row="${m![1]}"].active, #grid td[data-row="${m![1]}"].selected`).count()).toBeGreaterThan(0);
    expect(await frame.locator('#legend li').count()).toBe(7);
    await screenshot('roadmap-check.png');
  });

  it('«Обновить сроки и цвета» colours the deadline cells', async () => {
    await menu('Обновить сроки и цвета');
    await page.locator('.toast').filter({ hasText: 'сроки и цвета обновлены' }).waitFor();
    const deadlineCells = page.locator('#grid td[data-col="3"]');
    const backgrounds = await deadlineCells.evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor));
    const ours = new Set(['overdue', 'soon', 'active', 'done', 'nodate', 'invalid'].map((k) => rgb(COLOURS.get(k as never)!)));
    const coloured = backgrounds.filter((b) => ours.has(b));
    expect(coloured.length).toBeGreaterThan(5);
    await screenshot('roadmap-colours.png');
  });

  it('typing a deadline recolours the cell at once (onEdit in the built add-on)', async () => {
    const target = cell(3, 3);
    await target.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Март 2023');
    await page.keyboard.press('Enter');
    // 15.03.2023: March is running and ends in 16 days → in progress.
    await expect.poll(() => target.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb(COLOURS.get('active')!));
    await target.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('До 20.03.2023');
    await page.keyboard.press('Enter');
    await expect.poll(() => target.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb(COLOURS.get('soon')!));
  });

  it('settings: the «soon» threshold is saved and the colours follow', async () => {
    await menu('Настройки дорожной карты');
    const frame = await sidebarFrame();
    const soon = frame.locator('#soon');
    await soon.waitFor();
    expect(await soon.inputValue()).toBe('14');
    await soon.fill('3');
    await frame.getByRole('button', { name: 'Сохранить' }).click();
    await frame.locator('#message').filter({ hasText: 'Настройки сохранены' }).waitFor();
    await screenshot('roadmap-settings.png');
    // «До 20.03.2023» is 5 days away: no longer "soon" with a 3-day threshold.
    await page.reload();
    await expect.poll(() => cell(3, 3).textContent()).toBe('До 20.03.2023');
    await expect.poll(() => cell(3, 3).evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb(COLOURS.get('active')!));
  });
});
