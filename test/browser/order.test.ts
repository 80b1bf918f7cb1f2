// The order journey in a real browser, on the built add-on: «Реквизиты организации» creates the
// sheet, «Сформировать приказ» shows the pre-filled sidebar with its live preview, one click
// creates the Doc, and the Doc opens with its appendix on page 2. Screenshots go to docs/img.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../preview/server';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { orderHeadingFor } from '../../src/core';
import { DERBENT_ORG, ROADMAP_SHEET, canonicalFromFixture, orgRows } from '../integration/orders/helpers';

const root = path.resolve(import.meta.dirname, '../..');
const imgDir = path.join(root, 'docs/img');

let server: PreviewServer;
let chromium: LaunchedBrowser;
let page: Page;

async function screenshot(name: string): Promise<void> {
  mkdirSync(imgDir, { recursive: true });
  await page.screenshot({ path: path.join(imgDir, name) });
}

async function menu(...path: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Расширения' }).click();
  await page.locator('.menu-item.has-sub:visible').first().hover();
  // A sub-menu's accessible name includes its items, so it is found by its leading caption.
  for (const caption of path.slice(0, -1)) await page.locator('.menu-item.has-sub:visible').filter({ hasText: new RegExp(`^${caption}▸`) }).hover();
  await page.getByRole('menuitem', { name: path[path.length - 1]!, exact: true }).click();
}

async function sidebarFrame(): Promise<Frame> {
  const handle = await page.waitForSelector('.sidebar-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the sidebar has no frame');
  return frame;
}

const seeded = canonicalFromFixture('derbent-2023');

beforeAll(async () => {
  [server, chromium] = await Promise.all([startPreview({ port: 0, today: '2023-02-07' }), launchChromium()]);
  page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('«Сформировать приказ» in the preview', () => {
  it('«Реквизиты организации» creates and opens the «Организации» sheet with its columns', async () => {
    await menu('Приказы', 'Реквизиты организации');
    await expect.poll(() => page.locator('#grid td[data-row="1"][data-col="1"]').textContent()).toBe('Краткое наименование');
    // The person fills the requisites; the roadmap sheet is the one the add-on made from the paste.
    const rt = server.runtime();
    rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
    rt.seedSheet(ROADMAP_SHEET, seeded.values);
    await page.reload();
  });

  it('the sidebar is pre-filled and previews the order with its appendix; one click creates the Doc', async () => {
    await menu('Приказы', 'Сформировать приказ');
    const frame = await sidebarFrame();
    await frame.locator('#preview .order-page').first().waitFor();
    expect(await frame.locator('#number').inputValue()).toBe('1');
    expect(await frame.locator('#date').inputValue()).toBe('2023-02-07');
    expect(await frame.locator('#heading').inputValue()).toMatch(/^Об утверждении плана мероприятий \(дорожной карты\)/);
    const pages = frame.locator('#preview .order-page');
    expect(await pages.count()).toBe(2);
    expect(await pages.nth(0).textContent()).toContain('ПРИКАЗЫВАЮ:');
    expect(await pages.nth(1).locator('tr').count()).toBe(seeded.items.length + 1);

    // The preview follows the form.
    await frame.locator('#number').fill('1982');
    await expect.poll(() => pages.nth(0).locator('[data-role="dateNumber"]').textContent()).toContain('№ 1982');

    const accept = frame.locator('#acceptProblems');
    if (await accept.count()) await accept.check();
    await screenshot('05-order-sidebar.png');
    await frame.locator('#create').click();
    const link = frame.locator('#docLink');
    await link.waitFor({ timeout: 20_000 });
    expect(await frame.locator('#result').textContent()).toContain('Создан приказ № 1982');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    await frame.locator('#result').scrollIntoViewIfNeeded();
    await screenshot('06-order-created.png');
  });

  it('the Doc opens as A4 pages: the order, then «Приложение № 1» with the roadmap table', async () => {
    await page.reload();
    await page.getByRole('button', { name: /^Документы \(1\)$/ }).click();
    await page.getByRole('menuitem', { name: /^Приказ № 1982 от 07\.02\.2023/ }).click();
    const frame = await (await page.waitForSelector('.doc-frame')).contentFrame();
    if (!frame) throw new Error('the document viewer has no frame');
    const docPages = frame.locator('section.page');
    await docPages.first().waitFor();
    expect(await docPages.count()).toBe(2);
    expect(await docPages.nth(0).textContent()).toContain('7 февраля 2023 г.');
    const appendix = docPages.nth(1);
    expect(await appendix.textContent()).toContain('Приложение № 1');
    const firstItem = seeded.items.find((i) => !i.isSection)!;
    expect(await appendix.textContent()).toContain(firstItem.activity.slice(0, 60));
    await appendix.evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await screenshot('07-order-document.png');
  });

  it('«Приказ по выделенной строке» drafts an order for the selected row whose result is an order', async () => {
    await page.getByRole('button', { name: 'Закрыть' }).click();
    await page.getByRole('tab', { name: ROADMAP_SHEET }).click();
    const index = seeded.items.findIndex((i) => !i.isSection && /^Приказ/.test(i.result));
    const item = seeded.items[index]!;
    // Sheet rows: title, header, then the items.
    const target = page.locator(`#grid td[data-row="${index + 3}"][data-col="2"]`);
    await expect.poll(() => target.textContent()).toBe(item.activity);
    await target.click();
    await expect.poll(() => page.locator('#cell-ref').textContent()).toBe(`B${index + 3}`);
    await menu('Приказы', 'Приказ по выделенной строке');
    const frame = await sidebarFrame();
    await frame.locator('#rowInfo').waitFor();
    expect(await frame.locator('#rowInfo').textContent()).toContain(`пункт ${item.number}`);
    expect(await frame.locator('#heading').inputValue()).toBe(orderHeadingFor(item.activity));
    // The responsible joins the sentence with its first word in lower case («муниципальный куратор»).
    const points = await frame.locator('#points').inputValue();
    expect(points).toContain(`(пункт ${item.number.replace(/\.$/, '')} плана мероприятий)`);
    expect(points).toContain('Ответственные за исполнение: ');
    expect(points.toLowerCase()).toContain(item.responsible.slice(0, 30).toLowerCase());
    expect(await frame.locator('#preview .order-page').count()).toBe(1);
    await screenshot('08-row-order.png');
  });
});

