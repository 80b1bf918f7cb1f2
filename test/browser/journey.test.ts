// The user's main journey on the sample roadmap, as clicked in the preview: recognise the pasted
// table → the new roadmap sheet with deadline colours → check it → a problem selects its cell.
// Screenshots go to docs/img for the guide.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../preview/server';
import { launchChromium, type LaunchedBrowser } from './chromium';


let server: PreviewServer;
let chromium: LaunchedBrowser;
let page: Page;

async function menu(...captions: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Расширения' }).click();
  await page.locator('.menu-item.has-sub:visible').first().hover();
  for (const caption of captions.slice(0, -1)) await page.getByRole('menuitem', { name: caption }).hover();
  await page.getByRole('menuitem', { name: captions[captions.length - 1] }).click();
}

/** The sidebar's frame once its page has said something (its first server call answered). */
async function sidebar(title: string): Promise<Frame> {
  await page.locator('.sidebar-title', { hasText: title }).waitFor();
  const frame = await (await page.waitForSelector('.sidebar-frame')).contentFrame();
  if (!frame) throw new Error('the sidebar has no frame');
  return frame;
}

beforeAll(async () => {
  [server, chromium] = await Promise.all([startPreview({ port: 0, today: '2023-03-15' }), launchChromium()]);
  page = await chromium.browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(server.url);
  await page.locator('#grid td[data-row="1"]').first().waitFor();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('journey: a pasted roadmap becomes a checked, coloured roadmap', () => {
  it('«Распознать таблицу» creates the roadmap sheet and the page switches to it', async () => {
    const tabsBefore = await page.locator('#tabs .tab').count();
    await menu('Распознать таблицу');
    const frame = await sidebar('Распознавание');
    await frame.getByText(/Мероприятий: \d+/).waitFor();
    expect(await page.locator('#tabs .tab').count()).toBe(tabsBefore + 1);
    const active = await page.locator('#tabs .tab.active').textContent();
    expect(active).not.toBe('Лист1');
    // The header row of the new sheet names the columns the add-on recognised.
    const header = await page.locator('#grid tbody tr').first().locator('td').allTextContents();
    expect(header).toEqual(expect.arrayContaining(['№', 'Мероприятие']));
    // Deadline colours: conditional formatting evaluated for 15.03.2023 paints some cells.
    const coloured = await page.locator('#grid td').evaluateAll((tds) => tds.filter((td) => (td as HTMLElement).style.backgroundColor !== '').length);
    expect(coloured).toBeGreaterThan(0);
  });

  it('«Проверить» lists problems; clicking one selects its cell in the grid', async () => {
    await menu('Проверить');
    const frame = await sidebar('Проверка');
    const problem = frame.locator('button.problem').first();
    await problem.waitFor();
    const text = (await problem.textContent()) ?? '';
    const row = /Строка (\d+)/.exec(text)?.[1];
    expect(row, `a problem names its row: ${text}`).toBeDefined();
    await problem.click();
    await expect.poll(() => page.locator('#cell-ref').textContent()).toMatch(new RegExp(`^[A-Z]+${row}$`));
  });
});
