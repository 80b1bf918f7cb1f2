// The user's main journey on the sample roadmap, as clicked in the preview: recognise the pasted
// table → the new roadmap sheet with deadline colours → check it → a problem selects its cell.
// Screenshots go to docs/img for the guide.
import { beforeAll, describe, expect, it } from 'vitest';
import { usePreview } from './preview-page';

const preview = usePreview({ port: 0, today: '2023-03-15', viewport: { width: 1280, height: 760 } });
beforeAll(() => preview.page.locator('#grid td[data-row="1"]').first().waitFor());

describe('journey: a pasted roadmap becomes a checked, coloured roadmap', () => {
  it('«Распознать таблицу» creates the roadmap sheet and the page switches to it', async () => {
    const tabsBefore = await preview.page.locator('#tabs .tab').count();
    await preview.menu('Распознать таблицу');
    const frame = await preview.sidebar('Распознавание');
    await frame.getByText(/Мероприятий: \d+/).waitFor();
    expect(await preview.page.locator('#tabs .tab').count()).toBe(tabsBefore + 1);
    const active = await preview.page.locator('#tabs .tab.active').textContent();
    expect(active).not.toBe('Лист1');
    // The header row of the new sheet names the columns the add-on recognised.
    const header = await preview.page.locator('#grid tbody tr').first().locator('td').allTextContents();
    expect(header).toEqual(expect.arrayContaining(['№', 'Мероприятие']));
    // Deadline colours: conditional formatting evaluated for 15.03.2023 paints some cells.
    const coloured = await preview.page.locator('#grid td').evaluateAll((tds) => tds.filter((td) => (td as HTMLElement).style.backgroundColor !== '').length);
    expect(coloured).toBeGreaterThan(0);
  });

  it('«Проверить» lists problems; clicking one selects its cell in the grid', async () => {
    await preview.menu('Проверить');
    const frame = await preview.sidebar('Проверка');
    const problem = frame.locator('button.problem').first();
    await problem.waitFor();
    const text = (await problem.textContent()) ?? '';
    const row = /Строка (\d+)/.exec(text)?.[1];
    expect(row, `a problem names its row: ${text}`).toBeDefined();
    await problem.click();
    await expect.poll(() => preview.page.locator('#cell-ref').textContent()).toMatch(new RegExp(`^[A-Z]+${row}$`));
  });
});
