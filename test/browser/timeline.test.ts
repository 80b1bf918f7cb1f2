// «Календарный график» in a real browser: the sample pasted roadmap → «Распознать таблицу» →
// «Календарный график» opens the timeline sheet with coloured bars and today's month marked.
import { describe, expect, it } from 'vitest';
import { BAR_LEGEND } from '../../src/core/roadmap/timeline';
import { usePreview } from './preview-page';

const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};
const KEY = new Map(BAR_LEGEND.map((l) => [rgb(l.background), l.key]));

const preview = usePreview({ port: 0, today: '2023-03-15', viewport: { width: 1280, height: 760 } });

describe('Календарный график', () => {
  it('draws the roadmap as bars by month with today\u2019s month marked', async () => {
    await preview.cell(1, 1).waitFor();
    await preview.menu('Распознать таблицу');
    await expect.poll(() => preview.cell(1, 2).textContent()).toBe('Мероприятие');
    // The recognition sidebar is closed, so the screenshot shows the timeline.
    await preview.page.getByRole('button', { name: 'Закрыть' }).first().click();
    await preview.menu('Календарный график');
    await preview.page.locator('.toast').filter({ hasText: 'Построен лист «Календарный график»' }).waitFor();
    expect(await preview.page.locator('[role="tab"][aria-selected="true"]').textContent()).toContain('Календарный график');
    expect(await preview.cell(4, 2).textContent()).toBe('Пункт плана');
    // Headings: years in row 3, months in row 4. March 2023 is today's month: its heading is marked.
    const headings = async (row: number): Promise<string[]> =>
      preview.page.locator(`#grid td[data-row="${row}"]`).evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
    const years = await headings(3);
    const months = await headings(4);
    const year2023 = years.indexOf('2023');
    expect(year2023).toBeGreaterThan(3);
    const march = months.indexOf('мар', year2023) + 1;
    expect(march).toBe(year2023 + 3);
    expect(await preview.cell(4, march).evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb('#e69138'));
    const backgrounds = await preview.page.locator('#grid td').evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor));
    const kinds = new Set(backgrounds.map((b) => KEY.get(b)).filter((k) => k && k !== 'today'));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    await preview.screenshot('timeline.png');
  });

  it('follows a status typed in the roadmap at once, and the panel shows the row’s change', async () => {
    await preview.tab('Лист1 — дорожная карта').click();
    await expect.poll(() => preview.cell(1, 6).textContent()).toBe('Статус');
    const row = await preview.page.locator('#grid td[data-col="1"]').evaluateAll((tds) => tds.findIndex((td) => td.textContent === '1.1.') + 1);
    expect(row).toBeGreaterThan(1);
    await preview.typeInto(row, 6, 'Выполнено');
    // The timeline's row of item 1.1. turns green without a rebuild.
    await preview.tab('Календарный график').click();
    await expect.poll(() => preview.cell(8, 1).textContent()).toBe('1.1.');
    const bar = await preview.page.locator('#grid td[data-row="8"]').evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor));
    expect(bar.filter((b) => KEY.get(b) === 'done').length).toBeGreaterThan(0);
    expect(bar.filter((b) => KEY.get(b) === 'overdue')).toEqual([]);
    // The panel, with the row selected, lists the change.
    await preview.tab('Лист1 — дорожная карта').click();
    await preview.cell(row, 2).click();
    await preview.menu('Открыть панель');
    const frame = await preview.sidebar();
    await frame.locator('#history li').filter({ hasText: 'Выполнено' }).waitFor();
    expect(await frame.locator('#history-title').textContent()).toBe(`Изменения строки ${row}`);
    expect(await frame.locator('#history li').first().textContent()).toMatch(/^15\.03\.2023 \d\d:\d\d, metodist@example\.org: «Статус» \(пусто\) → «Выполнено»$/);
    // The build's toast goes by itself (8 s); the screenshot shows the history section.
    await preview.page.locator('.toast').waitFor({ state: 'detached', timeout: 10_000 });
    await frame.locator('#history').scrollIntoViewIfNeeded();
    await preview.screenshot('history-panel.png');
  });
});
