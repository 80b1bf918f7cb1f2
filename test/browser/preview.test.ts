// The main journeys in a real browser: the preview page as a user sees it, driving the built
// add-on (dist/Code.js) on the in-memory Apps Script. Screenshots go to docs/img for the guide.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { usePreview } from './preview-page';

const root = path.resolve(import.meta.dirname, '../..');
const sample = JSON.parse(readFileSync(path.join(root, 'test/fixtures/roadmaps/derbent-2023.json'), 'utf8')) as { name: string; cells: string[][] };

const preview = usePreview({ port: 0, today: '2023-03-15', viewport: { width: 1280, height: 760 } });

describe('preview of the add-on', () => {
  it('opens the sample roadmap with its real text in the grid', async () => {
    const header = sample.cells.findIndex((r) => r[0] === '№');
    expect(header).toBeGreaterThan(0);
    await expect.poll(() => preview.cell(header + 1, 2).textContent()).toBe(sample.cells[header]![1]);
    await expect.poll(() => preview.cell(1, 1).textContent()).toBe(sample.cells[0]![0]);
    expect(await preview.page.locator('#doc-title').textContent()).toBe(sample.name);
    expect(await preview.page.locator('#doc-meta').textContent()).toContain('15.03.2023');
    await preview.screenshot('01-sample.png');
  });

  it("shows the add-on's menu under «Расширения»", async () => {
    await preview.openAddonMenu();
    const item = preview.page.getByRole('menuitem', { name: 'Открыть панель' });
    await item.waitFor();
    expect(await item.isVisible()).toBe(true);
    await preview.screenshot('02-menu.png', { keepMouse: true });
  });

  it('«Открыть панель» opens the sidebar, which reads the spreadsheet through google.script.run', async () => {
    await preview.page.getByRole('menuitem', { name: 'Открыть панель' }).click();
    const frame = await preview.sidebar();
    const where = frame.locator('#where');
    await where.filter({ hasText: 'Таблица' }).waitFor();
    expect(await where.textContent()).toContain(`Таблица «${sample.name}»`);
    expect(await where.textContent()).toContain('Сегодня 15.03.2023');
    await preview.screenshot('03-panel.png');
  });

  it('a server error reaches the sidebar as a Russian message', async () => {
    const frame = await preview.sidebar();
    const message = await frame.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const g = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google;
          const run = g.script.run.withFailureHandler as (h: (e: Error) => void) => Record<string, (...a: unknown[]) => void>;
          run((e) => resolve(e.message)).getPanelState!('лишний аргумент');
        }),
    );
    expect(message).toMatch(/^Неверный запрос к серверу/);
  });

  it('google.script.host.close() closes the sidebar', async () => {
    const frame = await preview.sidebar();
    await frame.evaluate(() => (window as unknown as { google: { script: { host: { close(): void } } } }).google.script.host.close());
    await preview.page.locator('#sidebar').waitFor({ state: 'hidden' });
    expect(await preview.page.locator('.sidebar-frame').count()).toBe(0);
  });

  it('editing a cell changes it in the spreadsheet', async () => {
    await preview.cell(2, 3).dblclick();
    await preview.page.keyboard.type('Проверка правки');
    await preview.page.keyboard.press('Enter');
    await expect.poll(() => preview.cell(2, 3).textContent()).toBe('Проверка правки');
    // Enter moves down, as in Sheets; Enter again opens the editor there.
    await preview.page.keyboard.press('Enter');
    await preview.page.keyboard.type('Ещё');
    await preview.page.keyboard.press('Enter');
    await expect.poll(() => preview.cell(3, 3).textContent()).toBe('Ещё');
    const state = (await (await fetch(`${preview.server.url}/api/state`)).json()) as { state: { workbook: { sheets: { cells: ({ text: string } | null)[][] }[] } } };
    expect(state.state.workbook.sheets[0]!.cells[1]![2]!.text).toBe('Проверка правки');
  });

  it('pasting tab-separated text (as from Word or Excel) fills cells right and down', async () => {
    await preview.cell(2, 7).click();
    await preview.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1.1.\tРазработка положения\tДо 01.03.2023\r\n1.2.\t"Семинар\nдля кураторов"\tМарт 2023\r\n');
      document.getElementById('grid')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await expect.poll(() => preview.cell(2, 9).textContent()).toBe('До 01.03.2023');
    expect(await preview.cell(3, 7).textContent()).toBe('1.2.');
    expect(await preview.cell(3, 8).textContent()).toBe('Семинар\nдля кураторов');
  });

  it('an error thrown by a menu action shows as a red «Ошибка» bar with its message, not a blank page', async () => {
    // The add-on's own actions report problems politely, so the server's answer is replaced here by
    // the one an uncaught exception produces (ok: false with the message).
    await preview.page.route('**/api/menu', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...body, ok: false, error: 'Не удалось выполнить действие: лист «Свод» не найден.', events: [] } });
    });
    await preview.openAddonMenu();
    await preview.page.getByRole('menuitem', { name: 'Открыть панель' }).click();
    const bar = preview.page.locator('#errorbar');
    await bar.waitFor();
    expect(await bar.textContent()).toContain('Ошибка');
    expect(await bar.textContent()).toContain('лист «Свод» не найден.');
    expect(await preview.cell(1, 1).textContent()).toBe(sample.cells[0]![0]);
    await preview.page.unroute('**/api/menu');
    await bar.getByRole('button', { name: 'Закрыть' }).click();
    expect(await bar.isVisible()).toBe(false);
  });

  it('a generated document opens as A4 pages from «Документы» and downloads as .html', async () => {
    // A document made through DocumentApp exactly as the add-on makes one.
    const runtime = preview.server.runtime();
    runtime.run('FULL', () => {
      const { DocumentApp } = runtime.globals;
      const doc = DocumentApp.create('Приказ № 15 от 15.03.2023');
      const body = doc.getBody();
      body.setPageWidth(595.3).setPageHeight(841.9).setMarginLeft(85).setMarginRight(42.5).setMarginTop(56.7).setMarginBottom(56.7);
      body.appendParagraph('ПРИКАЗ').setAlignment(DocumentApp.HorizontalAlignment.CENTER).editAsText().setBold(true);
      body.appendParagraph('Об утверждении плана мероприятий (дорожной карты)').setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY);
      body.appendPageBreak();
      body.appendParagraph('Приложение № 1').setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
      body.appendTable([['№', 'Мероприятие'], ['1.1.', 'Разработка положения о наставничестве']]);
      doc.saveAndClose();
    });
    await preview.page.reload();
    await preview.page.getByRole('button', { name: /^Документы \(1\)$/ }).click();
    await preview.page.getByRole('menuitem', { name: 'Приказ № 15 от 15.03.2023' }).click();
    const frame = await (await preview.page.waitForSelector('.doc-frame')).contentFrame();
    if (!frame) throw new Error('the document viewer has no frame');
    const pages = frame.locator('section.page');
    await pages.first().waitFor();
    expect(await pages.count()).toBe(2);
    const box = await pages.first().boundingBox();
    // A4 is 595.3 pt = 793.7 CSS px wide.
    expect(Math.round(box!.width)).toBe(794);
    expect(await pages.nth(0).textContent()).toContain('ПРИКАЗ');
    expect(await pages.nth(1).locator('td').nth(3).textContent()).toBe('Разработка положения о наставничестве');
    await preview.screenshot('document-viewer.png', { keepMouse: true });
    const href = await preview.page.getByRole('link', { name: 'Скачать (.html)' }).getAttribute('href');
    const download = await fetch(new URL(href!, preview.server.url));
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(await download.text()).toContain('Разработка положения о наставничестве');
    await preview.page.getByRole('button', { name: 'Закрыть' }).click();
  });

  it('«Файл → Открыть файл…» opens the user\'s own CSV roadmap with the add-on menu rebuilt', async () => {
    await preview.page.getByRole('button', { name: 'Файл' }).click();
    const chooser = preview.page.waitForEvent('filechooser');
    await preview.page.getByRole('menuitem', { name: 'Открыть файл…' }).click();
    const csv = '№;Мероприятие;Сроки;Ответственный\n1.1.;Назначить куратора;До 01.02.2024;Иванова И.И.\n';
    await (await chooser).setFiles({ name: 'план-школы.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect.poll(() => preview.page.locator('#doc-title').textContent()).toBe('план-школы');
    expect(await preview.cell(2, 3).textContent()).toBe('До 01.02.2024');
    await preview.openAddonMenu();
    expect(await preview.page.getByRole('menuitem', { name: 'Открыть панель' }).isVisible()).toBe(true);
  });
});
