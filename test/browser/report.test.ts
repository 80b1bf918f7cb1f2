// «Отчёт о выполнении» in a real browser, on the built add-on: the Kalinovskaya ЦМН roadmap with
// progress marked, the sidebar previews the quarter's totals, another period changes them, one click
// creates the report Doc, and the Doc opens as A4 pages. Screenshots go to docs/img.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recognizeRoadmap } from '../../src/core';
import { CANONICAL_COLUMNS } from '../../src/core/roadmap';
import { writeSheetSettings } from '../../src/addon/roadmap/settings';
import { usePreview } from './preview-page';
import { DERBENT_ORG, ROADMAP_SHEET, canonicalValues, orgRows, seedRoadmap } from '../integration/orders/helpers';

const STATUS = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
const DONE = CANONICAL_COLUMNS.findIndex((c) => c.key === 'doneDate') + 1;
const MARK = CANONICAL_COLUMNS.findIndex((c) => c.key === 'mark') + 1;

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/roadmaps/kalinovskaya-2022-2024.json', import.meta.url)), 'utf8')) as { cells: string[][] };
const recognised = recognizeRoadmap(fixture.cells);
const values = canonicalValues(recognised.plan!.title, recognised.items);
const rowOf = (n: string) => values.findIndex((r) => r[0] === n) + 1;

const preview = usePreview({ port: 0, today: '2023-07-10', viewport: { width: 1280, height: 900 } });

describe('«Отчёт о выполнении» in the preview', () => {
  it('previews the quarter\u2019s totals, follows the period, and creates the Doc with .docx and PDF links', async () => {
    await preview.cell(1, 1).waitFor();
    const rt = preview.server.runtime();
    seedRoadmap(rt, values);
    rt.seedSheet('Организации', orgRows([{ ...DERBENT_ORG, roadmapSheet: ROADMAP_SHEET }]));
    // Progress as a school marks it (see test/integration/report for the reasoning of the figures).
    for (const [n, col, text] of [
      ['2.2', STATUS, 'В работе'], ['3.2', STATUS, 'Выполнено'], ['3.2', DONE, '10.04.2023'], ['3.3', STATUS, 'Выполнено'], ['3.3', DONE, '15.05.2023'],
      ['3.4', STATUS, 'Выполнено'], ['3.4', DONE, '25.05.2023'], ['3.4', MARK, 'Протокол итогового совещания от 25.05.2023 № 4'], ['5.2', STATUS, 'В работе'], ['5.5.', STATUS, 'Отменено'],
    ] as const) rt.userEdit(ROADMAP_SHEET, rowOf(n), col, text);
    await preview.page.reload();
    await preview.tab(ROADMAP_SHEET).click();

    await preview.menu('Приказы', 'Отчёт о выполнении');
    const frame = await preview.sidebar('Отчёт о выполнении');
    const cellOf = (row: number, col: number) => frame.locator(`#totals tr:nth-child(${row + 1}) td:nth-child(${col + 1})`);
    // The default period is the quarter just ended (II квартал 2023 on 10 July).
    await expect.poll(() => frame.locator('#period-text').textContent()).toBe('за II квартал 2023 года');
    expect(await cellOf(1, 1).textContent()).toBe('12');
    expect(await cellOf(2, 1).textContent()).toBe('3');
    expect(await cellOf(6, 1).textContent()).toBe('27 %');
    // Overdue in the plan on 10.07.2023: 1.1–1.7 (December 2021) and 2.1 (January–May 2022).
    expect(await cellOf(4, 2).textContent()).toBe('8');
    expect(await frame.locator('#preview-note').textContent()).toContain('Просроченных на сегодня мероприятий плана: 8');
    // The ГОСТ Р 7.0.97-2025 checklist of the report as it will be made: every requisite in place.
    expect(await frame.locator('#checklist summary').textContent()).toMatch(/^Реквизиты по ГОСТ Р 7\.0\.97-2025: (\d+) из \1$/);
    expect(await frame.locator('#checklist li[data-ok="false"]').count()).toBe(0);
    expect(await frame.locator('#chart').isChecked()).toBe(true);
    await frame.locator('#kind').evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await preview.screenshot('report-sidebar.png');

    // The whole year 2022: the December 2021 items are out, January–May 2022 in.
    await frame.locator('#kind').selectOption('year');
    await frame.locator('#year').selectOption('2022');
    await expect.poll(() => frame.locator('#period-text').textContent()).toBe('за 2022 год');
    await frame.locator('#kind').selectOption('quarter');
    await frame.locator('#year').selectOption('2023');
    await frame.locator('#index').selectOption('2');
    await expect.poll(() => frame.locator('#period-text').textContent()).toBe('за II квартал 2023 года');

    await frame.locator('#create').click();
    await frame.locator('#result a').first().waitFor({ timeout: 20_000 });
    expect(await frame.locator('#message').textContent()).toMatch(/^Отчёт сформирован и записан в «Журнал приказов» \(строка 2\)/);
    const links = await frame.locator('#result a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links[1]).toMatch(/\/export\?format=docx$/);
    expect(links[2]).toMatch(/\/export\?format=pdf$/);
  });

  it('the Doc opens as A4 pages: organisation, date without a number, the title with the plan\u2019s subject, totals and items', async () => {
    await preview.page.reload();
    await preview.page.getByRole('button', { name: /^Документы \(1\)$/ }).click();
    await preview.page.getByRole('menuitem', { name: /^Отчёт за II квартал 2023 г\. от 10\.07\.2023/ }).click();
    const frame = await (await preview.page.waitForSelector('.doc-frame')).contentFrame();
    if (!frame) throw new Error('the document viewer has no frame');
    const first = frame.locator('section.page').first();
    await first.waitFor();
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('10 июля 2023 г.');
    expect(text).toContain('Информация о ходе реализации плана мероприятий (дорожной карты) реализации целевой модели наставничества');
    expect(text).toContain('Итоги выполнения');
    expect(text).not.toMatch(/№ \d/);
    // The progress chart (on by default) stands right after the totals table, as a picture.
    expect(await first.locator('table + p img, p:has(img)').count()).toBeGreaterThan(0);
    expect(await first.locator('img').first().getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await preview.screenshot('report-document.png', { keepMouse: true });
  });
});

describe('the district\u2019s consolidated report in the preview', () => {
  it('shows a row per school with the quarter\u2019s figures and each school\u2019s last change', async () => {
    const rt = preview.server.runtime();
    // Two schools with the same plan; the district's own roadmap is «Дорожная карта».
    for (const sheet of ['Школа 1', 'Школа 2']) seedRoadmap(rt, values, sheet);
    rt.userEdit('Школа 1', rowOf('3.4'), STATUS, 'Выполнено');
    rt.userEdit('Школа 1', rowOf('3.4'), DONE, '20.05.2023');
    rt.userEdit('Школа 2', rowOf('5.2'), STATUS, 'В работе');
    const school = (shortName: string, sheet: string, editor: string) => ({ ...DERBENT_ORG, shortName, fullName: shortName, roadmapSheet: sheet, editors: editor });
    rt.seedSheet('Организации', orgRows([
      { ...DERBENT_ORG, roadmapSheet: ROADMAP_SHEET, editors: 'metodist@example.org' },
      school('МБОУ «СОШ № 1»', 'Школа 1', 'school1@example.org'),
      school('МБОУ «СОШ № 2»', 'Школа 2', 'school2@example.org'),
    ]));
    const uninstall = rt.install();
    try {
      // As distribution registers a school's sheet (its title and plan period in the settings).
      rt.run('FULL', () => writeSheetSettings(String(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Школа 2')!.getSheetId()), { title: recognised.plan!.title, planStart: null, planEnd: null }));
    } finally {
      uninstall();
    }
    await preview.page.reload();
    // Typed in the grid of a school's roadmap: onEdit records the change in «История изменений».
    await preview.tab('Школа 2').click();
    await preview.typeInto(rowOf('5.2'), STATUS, 'Выполнено');
    await preview.tab(ROADMAP_SHEET).click();
    await preview.menu('Приказы', 'Отчёт о выполнении');
    const frame = await preview.sidebar('Отчёт о выполнении');
    await expect.poll(() => frame.locator('#scope-district').isChecked()).toBe(true);
    expect(await frame.locator('#last-changes').isChecked()).toBe(true);
    await expect.poll(() => frame.locator('#schools tr').count()).toBe(4);
    const rows = await frame.locator('#schools tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.childNodes[0]?.textContent)));
    // Each sheet has the ten items of II квартал 2023 (see test/integration/report); the district's
    // own sheet has 3.2, 3.3 and 3.4 done from the first test.
    expect(rows.slice(1)).toEqual([
      ['МКУ «Управление образования» МР «Дербентский район» (мероприятия района)', '12', '3', '0', '27 %'],
      ['МБОУ «СОШ № 1»', '10', '1', '0', '10 %'],
      ['МБОУ «СОШ № 2»', '10', '1', '0', '10 %'],
    ]);
    const changes = await frame.locator('#schools .change').allTextContents();
    expect(changes.slice(0, 2)).toEqual(['изменений не записано', 'изменений не записано']);
    expect(changes[2]).toMatch(new RegExp(`^10\\.07\\.2023 \\d\\d:\\d\\d, [^:]+: строка ${rowOf('5.2')}, Статус: В работе → Выполнено$`));
    await frame.locator('#last-changes').uncheck();
    await expect.poll(() => frame.locator('#schools .change').count()).toBe(0);
    await frame.locator('#last-changes').check();
    await expect.poll(() => frame.locator('#schools .change').count()).toBe(3);
    await frame.locator('#school-items').check();
    await frame.locator('h2').first().evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await preview.screenshot('report-district.png');
  });
});
