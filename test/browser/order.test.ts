// The order journey in a real browser, on the built add-on: «Реквизиты организации» creates the
// sheet, «Сформировать приказ» shows the pre-filled sidebar with its live preview, one click
// creates the Doc, and the Doc opens with its appendix on page 2. Screenshots go to docs/img.
import { describe, expect, it } from 'vitest';
import { usePreview } from './preview-page';
import { orderHeadingFor } from '../../src/core';
import { DERBENT_ORG, ROADMAP_SHEET, canonicalFromFixture, orgRows, seedRoadmap } from '../integration/orders/helpers';

const seeded = canonicalFromFixture('derbent-2023');

const preview = usePreview({ port: 0, today: '2023-02-07', viewport: { width: 1280, height: 900 } });

describe('«Сформировать приказ» in the preview', () => {
  it('«Реквизиты организации» creates and opens the «Организации» sheet with its columns', async () => {
    await preview.menu('Приказы', 'Реквизиты организации');
    await expect.poll(() => preview.cell(1, 1).textContent()).toBe('Краткое наименование');
    // The person fills the requisites; the roadmap sheet is the one the add-on made from the paste.
    const rt = preview.server.runtime();
    rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
    seedRoadmap(rt, seeded.values);
    await preview.page.reload();
  });

  it('the sidebar is pre-filled and previews the order with its appendix; one click creates the Doc', async () => {
    await preview.menu('Приказы', 'Сформировать приказ');
    const frame = await preview.sidebar();
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
    await preview.screenshot('05-order-sidebar.png');
    await frame.locator('#create').click();
    const link = frame.locator('#docLink');
    await link.waitFor({ timeout: 20_000 });
    expect(await frame.locator('#result').textContent()).toContain('Создан приказ № 1982');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    await frame.locator('#result').scrollIntoViewIfNeeded();
    await preview.screenshot('06-order-created.png');
  });

  it('the Doc opens as A4 pages: the order, then «Приложение № 1» with the roadmap table', async () => {
    await preview.page.reload();
    await preview.page.getByRole('button', { name: /^Документы \(1\)$/ }).click();
    await preview.page.getByRole('menuitem', { name: /^Приказ № 1982 от 07\.02\.2023/ }).click();
    const frame = await (await preview.page.waitForSelector('.doc-frame')).contentFrame();
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
    await preview.screenshot('07-order-document.png', { keepMouse: true });
  });

  it('«Приказ по выделенной строке» drafts an order for the selected row whose result is an order', async () => {
    await preview.page.getByRole('button', { name: 'Закрыть' }).click();
    await preview.page.getByRole('tab', { name: ROADMAP_SHEET }).click();
    const index = seeded.items.findIndex((i) => !i.isSection && /^Приказ/.test(i.result));
    const item = seeded.items[index]!;
    // Sheet rows: title, header, then the items.
    const target = preview.cell(index + 3, 2);
    await expect.poll(() => target.textContent()).toBe(item.activity);
    await target.click();
    await expect.poll(() => preview.page.locator('#cell-ref').textContent()).toBe(`B${index + 3}`);
    await preview.menu('Приказы', 'Приказ по выделенной строке');
    const frame = await preview.sidebar();
    await frame.locator('#rowInfo').waitFor();
    expect(await frame.locator('#rowInfo').textContent()).toContain(`пункт ${item.number}`);
    expect(await frame.locator('#heading').inputValue()).toBe(orderHeadingFor(item.activity));
    // The responsible joins the sentence with its first word in lower case («муниципальный куратор»).
    const points = await frame.locator('#points').inputValue();
    expect(points).toContain(`(пункт ${item.number.replace(/\.$/, '')} плана мероприятий)`);
    expect(points).toContain('Ответственные за исполнение: ');
    expect(points.toLowerCase()).toContain(item.responsible.slice(0, 30).toLowerCase());
    expect(await frame.locator('#preview .order-page').count()).toBe(1);
    await preview.screenshot('08-row-order.png');
  });
});

