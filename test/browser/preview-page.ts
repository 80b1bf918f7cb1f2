// The scaffolding every browser test shares: the preview server and Chromium started together, one
// page on the preview, and the few ways a person drives it (grid cells, sheet tabs, the add-on's
// menu, the sidebar, typing into a cell) plus screenshots into docs/img for the guide.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startPreview, type PreviewOptions, type PreviewServer } from '../../preview/server';
import { launchChromium, type LaunchedBrowser } from './chromium';

const imgDir = path.resolve(import.meta.dirname, '../../docs/img');

export interface OpenPreviewOptions extends PreviewOptions {
  /** Default: Playwright's own (1280×720). */
  viewport?: { width: number; height: number };
  /** The browser's language. Default: 'ru-RU'. */
  locale?: string;
}

export interface ScreenshotOptions {
  /** Leave the grid scrolled where it is (by default it goes back to column A). */
  keepScroll?: boolean;
  /** Leave the mouse where it is (by default it moves onto the title, so no cell shows a tooltip). */
  keepMouse?: boolean;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Opened {
  page: Page;
  server: PreviewServer;
  chromium: LaunchedBrowser;
}

/** The preview in Chromium on one page, and the ways a test drives it. */
export class PreviewPage {
  private opened: Opened | undefined;

  /** Starts the preview and Chromium, and opens one page on the preview. */
  async open(options: OpenPreviewOptions = {}): Promise<void> {
    // Our users' browsers are Russian: dates in inputs read 07.02.2023, not 02/07/2023.
    const { viewport, locale = 'ru-RU', ...previewOptions } = options;
    const [server, chromium] = await Promise.all([startPreview(previewOptions), launchChromium()]);
    const pageOptions: BrowserContextOptions = {};
    if (viewport) pageOptions.viewport = viewport;
    pageOptions.locale = locale;
    try {
      const page = await chromium.browser.newPage(pageOptions);
      await page.goto(server.url);
      this.opened = { page, server, chromium };
    } catch (error) {
      await chromium.close();
      await server.close();
      throw error;
    }
  }

  private get state(): Opened {
    if (!this.opened) throw new Error('the preview is not open: use it inside tests and hooks, after usePreview()');
    return this.opened;
  }

  get page(): Page {
    return this.state.page;
  }

  get server(): PreviewServer {
    return this.state.server;
  }

  /** The grid cell at a 1-based row and column. */
  cell(row: number, column: number): Locator {
    return this.page.locator(`#grid td[data-row="${row}"][data-col="${column}"]`);
  }

  /** The sheet tab with this name (a tab may add «· защищён» after it). */
  tab(name: string): Locator {
    return this.page.locator('#tabs .tab').filter({ hasText: new RegExp(`^${escapeRegExp(name)}(·|$)`) });
  }

  /** Opens «Расширения» and the add-on's own menu, and stops there. */
  async openAddonMenu(): Promise<void> {
    await this.page.getByRole('button', { name: 'Расширения' }).click();
    await this.page.locator('.menu-item.has-sub:visible').first().hover();
  }

  /** Clicks an item of the add-on's menu, going through the sub-menus named by the leading captions. */
  async menu(...captions: string[]): Promise<void> {
    await this.openAddonMenu();
    // A sub-menu's accessible name includes its items, so it is found by its leading caption.
    for (const caption of captions.slice(0, -1)) {
      await this.page.locator('.menu-item.has-sub:visible').filter({ hasText: new RegExp(`^${escapeRegExp(caption)}▸`) }).hover();
    }
    await this.page.getByRole('menuitem', { name: captions[captions.length - 1]!, exact: true }).click();
  }

  /** The sidebar's frame; given a title, once the sidebar with that title is shown. */
  async sidebar(title?: string): Promise<Frame> {
    if (title !== undefined) await this.page.locator('.sidebar-title', { hasText: title }).waitFor();
    // A sidebar replacing another swaps its iframe: an element found just before the swap has no
    // frame any more, so it is looked up again until one is attached.
    for (let attempt = 0; attempt < 50; attempt++) {
      const frame = await (await this.page.waitForSelector('.sidebar-frame')).contentFrame();
      if (frame) return frame;
      await this.page.waitForTimeout(100);
    }
    throw new Error('the sidebar has no frame');
  }

  /** Types into a cell as a person does: select, Enter opens the editor, replace its text, Enter saves. */
  async typeInto(row: number, column: number, text: string): Promise<void> {
    await this.cell(row, column).click();
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await expect.poll(() => this.cell(row, column).textContent()).toBe(text);
  }

  /** Saves the page as docs/img/<name>: the mouse off the grid (no tooltip) and the grid at column A, unless told otherwise. */
  async screenshot(name: string, { keepScroll = false, keepMouse = false }: ScreenshotOptions = {}): Promise<void> {
    mkdirSync(imgDir, { recursive: true });
    if (!keepMouse) await this.page.locator('#doc-title').hover();
    if (!keepScroll) await this.page.locator('#grid').evaluate((grid) => grid.scrollTo({ left: 0 }));
    await this.page.screenshot({ path: path.join(imgDir, name) });
  }

  /** Closes the browser and the server (nothing to do if they never opened). */
  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    await opened?.chromium.close();
    await opened?.server.close();
  }
}

/**
 * One preview for the whole test file: opened before its first test, closed after its last. Options
 * may be a function when they are known only once an earlier beforeAll has run (a file it wrote, say).
 */
export function usePreview(options: OpenPreviewOptions | (() => OpenPreviewOptions) = {}): PreviewPage {
  const preview = new PreviewPage();
  beforeAll(() => preview.open(typeof options === 'function' ? options() : options));
  afterAll(() => preview.close());
  return preview;
}
