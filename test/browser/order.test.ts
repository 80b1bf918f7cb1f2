// The order journey in a real browser, on the built add-on: «Реквизиты организации» creates the
// sheet, «Сформировать приказ» shows the pre-filled sidebar with its live preview, one click
// creates the Doc, and the Doc opens with its appendix on page 2. Screenshots go to docs/img.
import { describe, expect, it } from 'vitest';
import { usePreview } from './preview-page';
import { rowOrderHeading } from '../../src/core';
import { PREVIEW_ROWS } from '../../src/addon/orders/endpoints';
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
    // The heading, point 1 and the appendix title come from the plan's own title.
    expect(await frame.locator('#heading').inputValue()).toMatch(/^Об утверждении дорожной карты реализации Модели наставничества/);
    expect(await frame.locator('#basisVerb').inputValue()).toBe('В соответствии с');
    expect(await frame.locator('#basis').inputValue()).toMatch(/№ Р-145/);
    const pages = frame.locator('#preview .order-page');
    expect(await pages.count()).toBe(2);
    expect(await pages.nth(0).textContent()).toContain('ПРИКАЗЫВАЮ:');
    // The sidebar got only the first rows: the preview says so; the Doc gets every row.
    expect(await pages.nth(1).locator('tr').count()).toBe(Math.min(seeded.items.length, PREVIEW_ROWS) + 1);
    if (seeded.items.length > PREVIEW_ROWS) expect(await frame.locator('#previewMore').textContent()).toContain(`из ${seeded.items.length}`);
    expect(await frame.locator('#limits').textContent()).toContain('Номера страниц');
    // The ГОСТ Р 7.0.97-2025 checklist of the previewed order: every requisite in place.
    expect(await frame.locator('#checklist summary').textContent()).toMatch(/^Реквизиты по ГОСТ Р 7\.0\.97-2025: (\d+) из \1$/);
    expect(await frame.locator('#checklist li[data-ok="false"]').count()).toBe(0);

    // The preview follows the form.
    await frame.locator('#number').fill('1982');
    await expect.poll(() => pages.nth(0).locator('[data-role="dateNumber"]').textContent()).toContain('№ 1982');

    const accept = frame.locator('#acceptProblems');
    if (await accept.count()) await accept.check();
    await frame.locator('#planTitle').scrollIntoViewIfNeeded();
    await frame.locator('#planTitle').evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await preview.screenshot('05-order-sidebar.png');
    await frame.locator('#create').click();
    const link = frame.locator('#docLink');
    await link.waitFor({ timeout: 20_000 });
    expect(await frame.locator('#result').textContent()).toContain('Создан приказ № 1982');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(await frame.locator('#docxLink').getAttribute('href')).toMatch(/\/export\?format=docx$/);
    expect(await frame.locator('#pdfLink').getAttribute('href')).toMatch(/\/export\?format=pdf$/);
    await frame.locator('#result').scrollIntoViewIfNeeded();
    await preview.screenshot('06-order-created.png');
  });

  it('the Doc opens as A4 pages: the order with number and signer flush right, then «Приложение № 1» with merged section rows and the header repeated on every page', async () => {
    await preview.page.reload();
    await preview.page.getByRole('button', { name: /^Документы \(1\)$/ }).click();
    await preview.page.getByRole('menuitem', { name: /^Приказ № 1982 от 07\.02\.2023/ }).click();
    const frame = await (await preview.page.waitForSelector('.doc-frame')).contentFrame();
    if (!frame) throw new Error('the document viewer has no frame');
    const docPages = frame.locator('section.page');
    await docPages.first().waitFor();
    const count = await docPages.count();
    expect(count).toBeGreaterThan(2);
    expect(await docPages.nth(0).textContent()).toContain('7 февраля 2023 г.');
    // Number and signer stand flush right in their borderless lines.
    const number = docPages.nth(0).locator('table.layout td', { hasText: '№ 1982' });
    expect(await number.evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
    const appendix = docPages.nth(1);
    expect(await appendix.textContent()).toContain('Приложение № 1');
    const firstItem = seeded.items.find((i) => !i.isSection)!;
    expect(await appendix.textContent()).toContain(firstItem.activity.slice(0, 60));
    // Section rows span the table; the header repeats on every appendix page.
    expect(await appendix.locator('td[colspan="4"]').count()).toBeGreaterThan(0);
    expect(await frame.locator('thead tr.pinned').count()).toBe(count - 1);
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
    // The heading is the order the row names; the point is addressed to the responsible, with a dated deadline.
    expect(await frame.locator('#heading').inputValue()).toBe(rowOrderHeading(item));
    expect(await frame.locator('#heading').inputValue()).not.toMatch(/^О подготовке приказа/i);
    expect(await frame.locator('#addresseePosition').inputValue()).toBe(item.responsible);
    const points = await frame.locator('#points').inputValue();
    expect(points).toMatch(/^Муниципальному куратору обеспечить выполнение мероприятия «/);
    expect(points).toContain(`(пункт ${item.number.replace(/\.$/, '')} `);
    expect(points).toMatch(/в срок до \d+ [а-я]+ 2023 г\./);
    expect(await frame.locator('#preview .order-page').count()).toBe(1);
    expect(await frame.locator('#checklist li[data-ok="false"]').count()).toBe(0);
    await frame.locator('#kind').evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await preview.screenshot('08-row-order.png');

    // Created, the order's line and link go into the row's «Отметка о выполнении».
    await frame.locator('#number').fill('15-од');
    await frame.locator('#create').click();
    await frame.locator('#docLink').waitFor({ timeout: 20_000 });
    expect(await frame.locator('#markResult').textContent()).toBe(`В «Отметка о выполнении» строки ${index + 3} листа «${ROADMAP_SHEET}» — «Приказ от 07.02.2023 № 15-од» со ссылкой на приказ.`);
    const mark = preview.cell(index + 3, 8).locator('a');
    await expect.poll(() => mark.textContent()).toBe('Приказ от 07.02.2023 № 15-од');
    expect(await mark.getAttribute('href')).toBe(await frame.locator('#docLink').getAttribute('href'));
    await preview.cell(index + 3, 8).scrollIntoViewIfNeeded();
    await preview.screenshot('row-order-mark.png', { keepScroll: true });
  });
});

