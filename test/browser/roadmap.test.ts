// The everyday roadmap journey in a real browser: the sample pasted roadmap → «Распознать
// таблицу» → «Проверить» lists problems (a click selects the cell) → «Обновить сроки и цвета» →
// coloured deadline cells. Screenshots go to docs/img for the guide.
import { describe, expect, it } from 'vitest';
import { legend } from '../../src/core/roadmap/colour';
import { usePreview } from './preview-page';

const COLOURS = new Map(legend(14).map((l) => [l.key, l.background]));

/** "#rrggbb" → the rgb() form the browser reports. */
const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

const preview = usePreview({ port: 0, today: '2023-03-15', viewport: { width: 1280, height: 760 } });

describe('roadmap journey', () => {
  it('«Распознать таблицу» makes a new roadmap sheet and shows what was recognised', async () => {
    await preview.cell(1, 1).waitFor();
    await preview.menu('Распознать таблицу');
    const frame = await preview.sidebar();
    await frame.locator('#created').filter({ hasText: 'создан лист' }).waitFor();
    expect(await frame.locator('#created').textContent()).toMatch(/создан лист «.+ — дорожная карта»/);
    expect(await frame.locator('#counts').textContent()).toMatch(/Мероприятий: \d+, разделов: \d+/);
    expect(await frame.locator('#counts').textContent()).toContain('01.01.2023–31.12.2023');
    // The new sheet is active, in the add-on's layout.
    await expect.poll(() => preview.cell(1, 2).textContent()).toBe('Мероприятие');
    expect(await preview.cell(1, 3).textContent()).toBe('Срок');
    expect(await preview.page.locator('[role="tab"][aria-selected="true"]').textContent()).toContain('— дорожная карта');
    await preview.screenshot('roadmap-recognize.png');
  });

  it('«Проверить» lists problems by row; clicking one selects its cell', async () => {
    await preview.menu('Проверить');
    const frame = await preview.sidebar();
    await frame.locator('#summary').filter({ hasText: /Ошибок|Замечаний нет/ }).waitFor();
    const problems = frame.locator('button.problem');
    expect(await problems.count()).toBeGreaterThan(0);
    const first = (await problems.first().textContent())!;
    const m = /^Строка (\d+)/.exec(first);
    expect(m).not.toBeNull();
    await problems.first().click();
    await expect.poll(() => preview.page.locator(`#grid td[data-row="${m![1]}"].active, #grid td[data-row="${m![1]}"].selected`).count()).toBeGreaterThan(0);
    expect(await frame.locator('#legend li').count()).toBe(7);
    await preview.screenshot('roadmap-check.png');
  });

  it('«Обновить сроки и цвета» colours the deadline cells', async () => {
    await preview.menu('Обновить сроки и цвета');
    await preview.page.locator('.toast').filter({ hasText: 'сроки и цвета обновлены' }).waitFor();
    const deadlineCells = preview.page.locator('#grid td[data-col="3"]');
    const backgrounds = await deadlineCells.evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor));
    const ours = new Set(['overdue', 'soon', 'active', 'done', 'nodate', 'invalid'].map((k) => rgb(COLOURS.get(k as never)!)));
    const coloured = backgrounds.filter((b) => ours.has(b));
    expect(coloured.length).toBeGreaterThan(5);
    await preview.screenshot('roadmap-colours.png');
  });

  it('typing a deadline recolours the cell at once (onEdit in the built add-on)', async () => {
    const target = preview.cell(3, 3);
    await target.dblclick();
    await preview.page.keyboard.press('Control+A');
    await preview.page.keyboard.type('Март 2023');
    await preview.page.keyboard.press('Enter');
    // 15.03.2023: March is running and ends in 16 days → in progress.
    await expect.poll(() => target.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb(COLOURS.get('active')!));
    await target.dblclick();
    await preview.page.keyboard.press('Control+A');
    await preview.page.keyboard.type('До 20.03.2023');
    await preview.page.keyboard.press('Enter');
    await expect.poll(() => target.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb(COLOURS.get('soon')!));
  });

  it('«Проверить» offers the correction of a typo; confirmed, it rewrites that one cell', async () => {
    const target = preview.cell(3, 3);
    await target.dblclick();
    await preview.page.keyboard.press('Control+A');
    await preview.page.keyboard.type('иголь 2023');
    await preview.page.keyboard.press('Enter');
    await expect.poll(() => target.textContent()).toBe('иголь 2023');
    await preview.menu('Проверить');
    const frame = await preview.sidebar();
    const offer = frame.getByRole('button', { name: 'Исправить на «июль 2023»' });
    await offer.waitFor();
    await offer.click();
    await frame.locator('.fix-confirm').filter({ hasText: 'Заменить «иголь 2023» на «июль 2023» в строке 3?' }).waitFor();
    await preview.screenshot('roadmap-fix.png');
    await frame.getByRole('button', { name: 'Да, заменить' }).click();
    await frame.locator('#message').filter({ hasText: 'Строка 3: срок «иголь 2023» исправлен на «июль 2023».' }).waitFor();
    await expect.poll(() => target.textContent()).toBe('июль 2023');
    // The check ran again: no offer is left for that row.
    expect(await frame.getByRole('button', { name: /Исправить на/ }).count()).toBe(0);
    // Put back what the next test expects.
    await target.dblclick();
    await preview.page.keyboard.press('Control+A');
    await preview.page.keyboard.type('До 20.03.2023');
    await preview.page.keyboard.press('Enter');
    await expect.poll(() => target.textContent()).toBe('До 20.03.2023');
  });

  it('settings: the «soon» threshold is saved and the colours follow', async () => {
    await preview.menu('Настройки дорожной карты');
    const frame = await preview.sidebar('Настройки дорожной карты');
    const soon = frame.locator('#soon');
    await soon.waitFor();
    expect(await soon.inputValue()).toBe('14');
    await soon.fill('3');
    await frame.getByRole('button', { name: 'Сохранить' }).click();
    await frame.locator('#message').filter({ hasText: 'Настройки сохранены' }).waitFor();
    await preview.screenshot('roadmap-settings.png');
    // «До 20.03.2023» is 5 days away: no longer "soon" with a 3-day threshold.
    await preview.page.reload();
    await expect.poll(() => preview.cell(3, 3).textContent()).toBe('До 20.03.2023');
    await expect.poll(() => preview.cell(3, 3).evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb(COLOURS.get('active')!));
  });
});
