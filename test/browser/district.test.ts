// District mode as an official clicks it in the preview: the sample roadmap is recognised (the
// district's own roadmap, the template) → «Район → Организации» → the registry typed and pasted
// into the grid → «Район → Разослать школам» → protected school sheets with the template's items →
// «Район → Свод» → «Район → Проверить все школы». Screenshots go to docs/img for the guide.
import { beforeAll, describe, expect, it } from 'vitest';
import { ORG_COLUMNS } from '../../src/core/org';
import { legend } from '../../src/core/roadmap/colour';
import { usePreview } from './preview-page';

const DISTRICT = 'Управление образования';
/** The preview opens as the spreadsheet's owner. */
const OWNER = 'metodist@example.org';
const SCHOOL1 = { name: 'МБОУ «СОШ № 1»', sheet: 'Школа 1', editor: 'school1@example.org' };
// No sheet name typed: distribution names the sheet after the school and writes the name back.
const SCHOOL2 = { name: 'МБОУ «Калиновская ООШ»', sheet: 'МБОУ «Калиновская ООШ»', editor: 'school2@example.org' };

/** "#rrggbb" → the rgb() form the browser reports. */
const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};
const COLOURS = new Map(legend(14).map((l) => [l.key, l.background]));

/** «% выполнения» as Sheets shows the '0%' format («5%»), as a whole percent. */
const percent = (text: string): number => {
  expect(text).toMatch(/^\d+%$/);
  return Number(text.slice(0, -1));
};

/** 1-based registry column of a field, from the add-on's own header list. */
const orgColumn = (field: (typeof ORG_COLUMNS)[number]['field']): number => ORG_COLUMNS.findIndex((c) => c.field === field) + 1;

/** The recognised roadmap sheet: the template and the district's row of the summary. */
let template = '';
/** The template's first activity (the first non-section row under the header). */
let firstActivity = '';

const preview = usePreview({ port: 0, today: '2023-03-15', viewport: { width: 1280, height: 800 } });
beforeAll(() => preview.cell(1, 1).waitFor());

describe('district mode in the preview', () => {
  it('«Распознать таблицу» makes the district roadmap that will serve as the template', async () => {
    await preview.menu('Распознать таблицу');
    const frame = await preview.sidebar('Распознавание');
    await frame.getByText(/Мероприятий: \d+/).waitFor();
    template = ((await preview.page.locator('#tabs .tab.active').textContent()) ?? '').replace(/·.*$/, '').trim();
    expect(template).toMatch(/ — дорожная карта$/);
    // Row 1 is the header; the first row whose number has two parts is an activity.
    const numbers = await preview.page.locator('#grid td[data-col="1"]').allTextContents();
    const row = numbers.findIndex((n) => /^\d+\.\d+\.?$/.test(n.trim())) + 1;
    expect(row).toBeGreaterThan(1);
    firstActivity = (await preview.cell(row, 2).textContent()) ?? '';
    expect(firstActivity.length).toBeGreaterThan(10);
  });

  it('«Район → Организации» creates the registry; the official types the district and pastes the schools', async () => {
    await preview.menu('Район', 'Организации');
    await expect.poll(() => preview.page.locator('#tabs .tab.active').textContent()).toBe('Организации');
    expect(await preview.cell(1, orgColumn('shortName')).textContent()).toBe('Краткое наименование');
    expect(await preview.cell(1, orgColumn('editors')).textContent()).toBe('Редакторы (e-mail через запятую)');
    await preview.page.locator('.toast').filter({ hasText: 'Вторая строка — район' }).waitFor();

    // Row 2 is the district: its name, its roadmap sheet (the template) and its staff.
    await preview.typeInto(2, orgColumn('shortName'), DISTRICT);
    await preview.typeInto(2, orgColumn('roadmapSheet'), template);
    await preview.typeInto(2, orgColumn('editors'), 'metodist@example.org');

    // The schools, copied from a list as tab-separated rows and pasted at A3.
    const width = ORG_COLUMNS.length;
    const row = (name: string, sheet: string, editor: string): string => {
      const cells = Array<string>(width).fill('');
      cells[orgColumn('shortName') - 1] = name;
      cells[orgColumn('numberFormat') - 1] = '{n}';
      cells[orgColumn('roadmapSheet') - 1] = sheet;
      cells[orgColumn('editors') - 1] = editor;
      return cells.join('\t');
    };
    const text = `${row(SCHOOL1.name, SCHOOL1.sheet, SCHOOL1.editor)}\r\n${row(SCHOOL2.name, '', SCHOOL2.editor)}\r\n`;
    await preview.cell(3, 1).click();
    await preview.page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.getElementById('grid')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, text);
    await expect.poll(() => preview.cell(4, orgColumn('editors')).textContent()).toBe(SCHOOL2.editor);
    expect(await preview.cell(3, orgColumn('shortName')).textContent()).toBe(SCHOOL1.name);
    expect(await preview.cell(3, orgColumn('roadmapSheet')).textContent()).toBe(SCHOOL1.sheet);
    expect(await preview.cell(4, orgColumn('roadmapSheet')).textContent()).toBe('');
    // The recognition sidebar is done with; the registry's sheet and e-mail columns come into view.
    await preview.page.getByRole('button', { name: 'Закрыть' }).click();
    await preview.cell(2, orgColumn('editors')).click();
    await preview.screenshot('district-registry.png', { keepScroll: true });
  });

  it('«Район → Разослать школам»: choose the template, run, see progress and the report', async () => {
    await preview.menu('Район', 'Разослать школам');
    const frame = await preview.sidebar('Разослать школам');
    await frame.locator('#who').filter({ hasText: `Район: ${DISTRICT}. Школ в реестре: 2.` }).waitFor();
    const schools = frame.locator('#schools li');
    expect(await schools.count()).toBe(2);
    expect(await schools.nth(0).textContent()).toBe(`${SCHOOL1.name} — лист «${SCHOOL1.sheet}» (будет создан), редакторов: 1`);
    expect(await schools.nth(1).textContent()).toBe(`${SCHOOL2.name} — лист «${SCHOOL2.sheet}» (будет создан), редакторов: 1`);
    // The recognised roadmap is offered, and chosen, as the template.
    const select = frame.locator('#template');
    expect(await select.locator('option:checked').textContent()).toBe(template);
    await select.selectOption({ label: template });

    await frame.getByRole('button', { name: 'Разослать', exact: true }).click();
    const message = frame.locator('#message');
    await message.filter({ hasText: 'Рассылка завершена: 2 школы.' }).waitFor({ timeout: 20_000 });
    expect(await frame.locator('#progress-text').textContent()).toBe('Рассылка завершена: 2 школы.');
    const progress = frame.locator('#progress');
    expect(await progress.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([2, 2]);
    const lines = await frame.locator('#lines li').allTextContents();
    expect(lines).toContain(`Созданы листы школ (2): ${SCHOOL1.sheet}, ${SCHOOL2.sheet}.`);
    // The preview's spreadsheet counts as shared with everyone in «Организации»: nobody is left out.
    expect(lines.some((l) => l.startsWith('Не удалось'))).toBe(false);
    // The sidebar re-read the registry: both sheets exist now.
    await expect.poll(() => schools.nth(0).textContent()).toBe(`${SCHOOL1.name} — лист «${SCHOOL1.sheet}», редакторов: 1`);
    // The registry's toast fades by itself (8 s in the preview); then the report is in full view.
    await preview.page.locator('.toast').first().waitFor({ state: 'detached', timeout: 10_000 });
    await message.evaluate((m) => m.scrollIntoView({ block: 'start' }));
    await preview.screenshot('district-distribute.png');
  });

  it('the school sheets exist, hold the template items and are protected; so is the registry', async () => {
    for (const school of [SCHOOL1, SCHOOL2]) {
      await expect.poll(() => preview.tab(school.sheet).count()).toBe(1);
      expect(await preview.tab(school.sheet).textContent()).toContain('· защищён');
    }
    expect(await preview.tab('Организации').textContent()).toContain('· защищён');
    // The template reaches every school: the district's editors alone may change it (issue 14).
    expect(await preview.tab(template).textContent()).toContain('· защищён');

    await preview.tab('Организации').click();
    await expect.poll(() => preview.cell(4, orgColumn('roadmapSheet')).textContent()).toBe(SCHOOL2.sheet);

    await preview.tab(SCHOOL2.sheet).click();
    await expect.poll(() => preview.cell(1, 2).textContent()).toBe('Мероприятие');
    const activities = await preview.page.locator('#grid td[data-col="2"]').allTextContents();
    expect(activities).toContain(firstActivity);
    const row = activities.indexOf(firstActivity) + 1;
    // A school gets the template's rows with the status «Не начато», not the district's marks.
    const header = await preview.page.locator('#grid tbody tr').first().locator('td').allTextContents();
    const statusColumn = header.indexOf('Статус') + 1;
    expect(statusColumn).toBeGreaterThan(0);
    expect(await preview.cell(row, statusColumn).textContent()).toBe('Не начато');
    // The whole sheet is a protected range (hatched), described for whoever hovers a cell.
    const target = preview.cell(row, 2);
    expect(await target.getAttribute('class')).toContain('protected');
    await target.hover();
    await expect.poll(() => preview.page.locator('.note-tooltip').textContent()).toContain(`Защищённый диапазон: Дорожная карта: лист школы «${SCHOOL2.name}» — редактируют школа и район`);
  });

  it('«Район → Свод»: one row per organisation with its counts, a total and a chart', async () => {
    await preview.page.getByRole('button', { name: 'Закрыть' }).click();
    await preview.menu('Район', 'Свод');
    await preview.page.locator('.toast').filter({ hasText: 'Свод обновлён, организаций в своде: 3' }).waitFor();
    await expect.poll(() => preview.page.locator('#tabs .tab.active').textContent()).toMatch(/^Свод/);
    expect(await preview.page.locator('#tabs .tab.active').textContent()).toContain('· защищён');
    const header = await preview.page.locator('#grid tbody tr').first().locator('td').allTextContents();
    expect(header.slice(0, 10)).toEqual([
      'Организация', 'Лист', 'Мероприятий', 'Выполнено', 'В работе', 'Просрочено', 'Срок скоро', 'Без даты', '% выполнения', 'Последнее выполнение',
    ]);
    const rowOf = async (r: number) => (await preview.page.locator('#grid tbody tr').nth(r - 1).locator('td').allTextContents()).slice(0, 9);
    const district = await rowOf(2);
    const school1 = await rowOf(3);
    const school2 = await rowOf(4);
    expect(district.slice(0, 2)).toEqual([DISTRICT, template]);
    expect(school1.slice(0, 2)).toEqual([SCHOOL1.name, SCHOOL1.sheet]);
    expect(school2.slice(0, 2)).toEqual([SCHOOL2.name, SCHOOL2.sheet]);
    // Both schools got every activity of the template, nothing is done yet.
    const items = Number(school1[2]);
    expect(items).toBeGreaterThan(5);
    expect(school2[2]).toBe(String(items));
    expect(district[2]).toBe(String(items));
    for (const r of [school1, school2]) {
      expect(r[3]).toBe('0');
      expect(percent(r[8]!)).toBe(0);
    }
    // Overdue + due soon + in progress + no date never exceed the activities.
    for (const r of [district, school1, school2]) {
      expect(Number(r[4]) + Number(r[5]) + Number(r[6]) + Number(r[7])).toBeLessThanOrEqual(Number(r[2]));
    }
    const total = await rowOf(5);
    expect(total[0]).toBe('Итого');
    expect(total[2]).toBe(String(3 * items));
    const chart = preview.page.locator('#charts .chart-card');
    expect(await chart.count()).toBe(1);
    expect(await chart.textContent()).toContain('Диаграмма: Выполнение дорожной карты по организациям');
    await preview.screenshot('district-summary.png');
  });

  it('the summary recounts by itself when a school marks an activity done', async () => {
    await preview.tab(SCHOOL1.sheet).click();
    await expect.poll(() => preview.cell(1, 2).textContent()).toBe('Мероприятие');
    const activities = await preview.page.locator('#grid td[data-col="2"]').allTextContents();
    const row = activities.indexOf(firstActivity) + 1;
    const header = await preview.page.locator('#grid tbody tr').first().locator('td').allTextContents();
    await preview.typeInto(row, header.indexOf('Статус') + 1, 'Выполнено');

    await preview.tab('Свод').click();
    const school1 = () => preview.page.locator('#grid tbody tr').nth(2).locator('td');
    await expect.poll(async () => (await school1().allTextContents())[3]).toBe('1');
    const cells = await school1().allTextContents();
    expect(percent(cells[8]!)).toBe(Math.round(100 / Number(cells[2])));
    expect((await preview.page.locator('#grid tbody tr').nth(4).locator('td').allTextContents())[3]).toBe('1');
  });

  it('«Свод» built again shows each organisation\'s last change from the history: when, who, row, column, old → new', async () => {
    // The first build's toast goes first (8 s), so the new one is the one seen.
    await expect.poll(() => preview.page.locator('.toast').count(), { timeout: 10_000 }).toBe(0);
    await preview.menu('Район', 'Свод');
    await preview.page.locator('.toast').filter({ hasText: 'Свод обновлён' }).waitFor();
    const header = await preview.page.locator('#grid tbody tr').first().locator('td').allTextContents();
    const column = header.indexOf('Последнее изменение');
    expect(column).toBe(10);
    const cellOf = async (r: number) => (await preview.page.locator('#grid tbody tr').nth(r - 1).locator('td').allTextContents())[column];
    expect(await cellOf(3)).toMatch(new RegExp(`^15\\.03\\.2023 \\d\\d:\\d\\d, metodist@example\\.org: строка \\d+, Статус: Не начато → Выполнено$`));
    expect(await cellOf(2)).toBe('');
    expect(await cellOf(4)).toBe('');
    await preview.page.locator('#grid').evaluate((grid, left) => grid.scrollTo({ left }), 600);
    await preview.screenshot('district-summary-last-change.png', { keepScroll: true });
  });

  it('«Район → Проверить все школы» lists the problems of every school sheet, grouped by school', async () => {
    await preview.tab(SCHOOL1.sheet).click();
    await preview.menu('Район', 'Проверить все школы');
    const frame = await preview.sidebar('Проверка листов школ');
    await frame.locator('#where').filter({ hasText: 'Сегодня 15.03.2023. Листов: 2' }).waitFor();
    const groups = frame.locator('details.school');
    expect(await groups.count()).toBe(2);
    const counts = async (n: number): Promise<[number, number]> => {
      const text = (await groups.nth(n).locator('summary').textContent()) ?? '';
      const m = /, ошибок: (\d+), предупреждений: (\d+)$/.exec(text);
      return m ? [Number(m[1]), Number(m[2])] : [0, 0];
    };
    expect(await groups.nth(0).locator('summary').textContent()).toMatch(new RegExp(`^${SCHOOL1.name} — лист «${SCHOOL1.sheet}», ошибок: \\d+, предупреждений: \\d+$`));
    expect(await groups.nth(1).locator('summary').textContent()).toMatch(new RegExp(`^${SCHOOL2.name} — лист «${SCHOOL2.sheet}», (ошибок: \\d+, предупреждений: \\d+|замечаний нет)$`));
    // Both sheets came from one template; the first school has two problems more: the activity it
    // marked «Выполнено» has no completion date (an error) and no «Отметка о выполнении» (a warning).
    const [errors1, warnings1] = await counts(0);
    const [errors2, warnings2] = await counts(1);
    expect([errors1, warnings1]).toEqual([errors2 + 1, warnings2 + 1]);
    expect(await frame.locator('#where').textContent()).toContain(`замечаний всего: ${errors1 + warnings1 + errors2 + warnings2}.`);
    // The registry has no problems to report.
    expect(await frame.locator('#registry li').count()).toBe(0);

    // Open the first school: problems under the row they belong to; a click selects the cell.
    const first = groups.nth(0);
    await first.locator('summary').click();
    const missingDate = first.locator('button.problem.error').filter({ hasText: 'статус «Выполнено», но не указана дата выполнения' });
    await missingDate.waitFor();
    const row = /^Строка (\d+),/.exec((await missingDate.textContent()) ?? '')?.[1];
    expect(row).toBeDefined();
    expect(await first.locator('h3', { hasText: new RegExp(`^Строка ${row}: `) }).count()).toBe(1);
    // The summary's toast fades by itself first.
    await expect.poll(() => preview.page.locator('.toast').count(), { timeout: 10_000 }).toBe(0);
    await preview.screenshot('district-check.png');
    const noMark = first.locator('button.problem').filter({ hasText: `Строка ${row}, столбец «Отметка о выполнении»: статус «Выполнено», но отметка о выполнении пуста` });
    await noMark.waitFor();
    await noMark.scrollIntoViewIfNeeded();
    await preview.screenshot('check-mark-warning.png');
    await missingDate.click();
    await expect.poll(() => preview.page.locator('#tabs .tab.active').textContent()).toContain(SCHOOL1.sheet);
    await expect.poll(() => preview.page.locator('#cell-ref').textContent()).toMatch(new RegExp(`^[A-Z]+${row}$`));
    const header = await preview.page.locator('#grid tbody tr').first().locator('td').allTextContents();
    const column = (await preview.page.locator('#cell-ref').textContent())!.charCodeAt(0) - 64;
    expect(header[column - 1]).toBe('Дата выполнения');
  });

  it("«Пользователь»: a school's editor edits their own sheet, not another school's", async () => {
    await preview.page.locator('#user').selectOption(SCHOOL2.editor);
    await expect.poll(() => preview.page.locator('#user').inputValue()).toBe(SCHOOL2.editor);
    await preview.tab(SCHOOL1.sheet).click();
    await expect.poll(() => preview.cell(1, 2).textContent()).toBe('Мероприятие');
    const header = await preview.page.locator('#grid tbody tr').first().locator('td').allTextContents();
    const mark = header.indexOf('Отметка о выполнении') + 1;
    const before = await preview.cell(2, mark).textContent();
    await preview.cell(2, mark).click();
    await preview.page.keyboard.press('Enter');
    await preview.page.keyboard.type('чужая правка');
    await preview.page.keyboard.press('Enter');
    await expect.poll(() => preview.page.locator('#errorbar').textContent()).toContain('Вы пытаетесь изменить защищённую ячейку');
    expect(await preview.cell(2, mark).textContent()).toBe(before);

    await preview.tab(SCHOOL2.sheet).click();
    await expect.poll(() => preview.cell(1, 2).textContent()).toBe('Мероприятие');
    await preview.typeInto(2, mark, 'Справка № 5');
    await preview.page.locator('#user').selectOption(OWNER);
  });

  it("«Пользователь»: a school's editor checks and recolours its own sheet, and only its own", async () => {
    await preview.page.locator('#user').selectOption(SCHOOL2.editor);
    await expect.poll(() => preview.page.locator('#user').inputValue()).toBe(SCHOOL2.editor);
    await preview.tab(SCHOOL2.sheet).click();
    await expect.poll(() => preview.cell(1, 2).textContent()).toBe('Мероприятие');
    const header = await preview.page.locator('#grid tbody tr').first().locator('td').allTextContents();
    const deadline = header.indexOf('Срок') + 1;
    const activities = await preview.page.locator('#grid td[data-col="2"]').allTextContents();
    const row = activities.indexOf(firstActivity) + 1;
    const target = preview.cell(row, deadline);

    // onEdit runs as the school's editor and writes the row's helper cells: the colour follows at once.
    await preview.typeInto(row, deadline, 'До 20.03.2023');
    await expect.poll(() => target.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb(COLOURS.get('soon')!));
    await preview.typeInto(row, deadline, 'Март 2023');
    await expect.poll(() => target.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(rgb(COLOURS.get('active')!));

    await preview.menu('Обновить сроки и цвета');
    await preview.page.locator('.toast').filter({ hasText: `Лист «${SCHOOL2.sheet}»: сроки и цвета обновлены` }).waitFor();
    await preview.menu('Проверить');
    const frame = await preview.sidebar('Проверка дорожной карты');
    await frame.locator('#summary').filter({ hasText: /Ошибок|Замечаний нет/ }).waitFor();
    expect(await frame.locator('#where').textContent()).toContain(SCHOOL2.sheet);
    expect(await preview.page.locator('#errorbar').isHidden()).toBe(true);
    await preview.screenshot('district-school-check.png');

    // Another school's sheet: refused, in Russian, before anything is written.
    await preview.page.getByRole('button', { name: 'Закрыть' }).click();
    await preview.tab(SCHOOL1.sheet).click();
    await preview.menu('Обновить сроки и цвета');
    const dialog = preview.page.getByRole('alertdialog');
    await dialog.filter({ hasText: `Лист «${SCHOOL1.sheet}» принадлежит школе «${SCHOOL1.name}»` }).waitFor();
    await dialog.getByRole('button').first().click();
    await preview.page.locator('#user').selectOption(OWNER);
  });

  it("«Календарный график»: a school's editor builds their own school's timeline; the district builds every school's", async () => {
    await preview.page.locator('#user').selectOption(SCHOOL2.editor);
    await expect.poll(() => preview.page.locator('#user').inputValue()).toBe(SCHOOL2.editor);
    await preview.tab(SCHOOL2.sheet).click();
    await expect.poll(() => preview.cell(1, 2).textContent()).toBe('Мероприятие');
    await preview.menu('Календарный график');
    const own = `Календарный график — ${SCHOOL2.name}`;
    await preview.page.locator('.toast').filter({ hasText: `Построен лист «${own}»` }).waitFor();
    await expect.poll(() => preview.page.locator('#tabs .tab.active').textContent()).toContain(own);
    expect(await preview.cell(4, 2).textContent()).toBe('Пункт плана');
    expect(await preview.page.locator('#grid td').filter({ hasText: firstActivity }).count()).toBe(1);
    await expect.poll(() => preview.page.locator('.toast').count(), { timeout: 10_000 }).toBe(0);
    await preview.screenshot('school-timeline.png');

    // Another school's sheet: refused in Russian, nothing built.
    await preview.tab(SCHOOL1.sheet).click();
    await preview.menu('Календарный график');
    const dialog = preview.page.getByRole('alertdialog');
    await dialog.filter({ hasText: `Лист «${SCHOOL1.sheet}» принадлежит школе «${SCHOOL1.name}»` }).waitFor();
    await dialog.getByRole('button').first().click();

    await preview.page.locator('#user').selectOption(OWNER);
    await expect.poll(() => preview.page.locator('#user').inputValue()).toBe(OWNER);
    await preview.menu('Район', 'Календарные графики школ');
    await preview.page.locator('.toast').filter({ hasText: 'Календарные графики построены для 2 школ из 2' }).waitFor();
    const tabs = await preview.page.locator('#tabs .tab').allTextContents();
    expect(tabs.filter((t) => t.startsWith('Календарный график — '))).toHaveLength(2);
  });
});
