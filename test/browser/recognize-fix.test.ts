// Correcting recognition in the sidebar, in a real browser: a table whose result column is
// misread is put right in one step (pick the column's meaning, «Создать лист заново»), and the
// person sees the result on the sheet. A screenshot goes to docs/img for the guide.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePreview } from './preview-page';

// A constructed example (not a real document): the result column is headed «Выход», which the
// recogniser keeps as an extra column instead of «Результат».
const TABLE = [
  ['План работы на 2023 год'],
  ['№', 'Содержание работы', 'Дата', 'Исполнитель', 'Выход'],
  ['1.', 'Организационные мероприятия', '', '', ''],
  ['1.1.', 'Семинар для наставников', 'Май 2023', 'Иванова А.А.', 'Справка'],
  ['1.2.', 'Отчёт о работе наставников', 'Июнь 2023', 'Петров П.П.', 'Отчёт'],
  ['(в ред. приказа от 10.03.2023 № 12)'],
  ['2.', 'Подведение итогов', '', '', ''],
  ['2.1.', 'Итоговая конференция', 'Декабрь 2023', 'Иванова А.А.', 'Приказ ОО'],
];

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dk-recognize-'));
  file = path.join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify({ name: 'План работы', sheets: [{ name: 'Вставка', cells: TABLE }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const preview = usePreview(() => ({ file, port: 0, today: '2023-03-15', viewport: { width: 1280, height: 900 } }));

describe('correcting recognition in the sidebar', () => {
  it('a misread column is put right in one step, and the sheet is made anew', async () => {
    await preview.cell(2, 5).waitFor();
    await preview.menu('Распознать таблицу');
    const frame = await preview.sidebar('Распознавание таблицы');
    const meaning = frame.locator('#col-4');
    await meaning.waitFor();
    // What was understood: column E «Выход» is kept, but as an extra column; the result column is empty.
    expect(await frame.locator('label[for="col-4"]').textContent()).toBe('Столбец E «Выход»');
    expect(await meaning.inputValue()).toBe('extra');
    expect(await frame.locator('#fix-summary').textContent()).toContain('дополнительных столбцов: 1');
    expect(await preview.cell(3, 5).textContent()).toBe('');

    await meaning.selectOption('result');
    await expect.poll(() => frame.locator('#fix-summary').textContent()).not.toContain('дополнительных столбцов');
    await frame.getByRole('button', { name: 'Создать лист заново' }).click();
    await frame.locator('#fix-message.message-ok').waitFor();
    expect(await frame.locator('#fix-message').textContent()).toMatch(/создан заново\. Исправления запомнены для листа «Вставка»/);
    await expect.poll(() => preview.cell(3, 5).textContent()).toBe('Справка');
    expect(await preview.cell(1, 5).textContent()).toBe('Результат (вид документа)');
    expect(await preview.page.locator('#tabs .tab').count()).toBe(2);
    await frame.locator('#fix h2').evaluate((h) => h.scrollIntoView());
    await preview.screenshot('recognize-fix.png');
  });
});
