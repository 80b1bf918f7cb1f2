// «Напоминания о сроках» in a real browser: the sample pasted roadmap → «Распознать таблицу» →
// the reminders sidebar shows who would get what; switching on sends the test digest, which the
// preview lists under «Отправленные письма».
import { describe, expect, it } from 'vitest';
import { usePreview } from './preview-page';

const preview = usePreview({ port: 0, today: '2023-03-15', viewport: { width: 1280, height: 1100 } });

describe('Напоминания о сроках', () => {
  it('is off until switched on; switching on installs the schedule and sends the test digest', async () => {
    await preview.cell(1, 1).waitFor();
    await preview.menu('Распознать таблицу');
    await expect.poll(() => preview.cell(1, 2).textContent()).toBe('Мероприятие');
    await preview.page.getByRole('button', { name: 'Закрыть' }).first().click();
    await preview.menu('Напоминания о сроках');
    const frame = await preview.sidebar();
    await frame.locator('.recipient').first().waitFor();
    expect(await frame.locator('#enabled').isChecked()).toBe(false);
    expect(await frame.locator('#quota').textContent()).toMatch(/^Рассылка выключена\. Суточный лимит Google для вашего аккаунта: можно отправить ещё 100 получателям\.$/);
    expect(await frame.locator('.recipient .who').first().textContent()).toBe('Дорожная карта');
    expect(await frame.locator('#weekday-row').isVisible()).toBe(true);
    expect(await frame.locator('#monthday-row').isVisible()).toBe(false);
    await frame.locator('#addresses').fill('zam@school31.ru, direktor@school31.ru');
    await frame.locator('#enabled').check();
    await frame.getByRole('button', { name: 'Сохранить' }).click();
    await frame.locator('.message-ok').filter({ hasText: 'Напоминания включены' }).waitFor();
    expect(await frame.locator('.message-ok').textContent()).toMatch(/по понедельникам в 8:00, письма отправляются от имени .*@.*\. Пробное письмо \(просрочено — \d+, срок скоро — \d+\) отправлено на /);
    expect(await frame.locator('.recipient .emails').first().textContent()).toBe('zam@school31.ru, direktor@school31.ru');
    expect(await frame.locator('.log-line').count()).toBe(2);
    await preview.screenshot('reminders.png');
    // The preview shows what MailApp sent.
    await preview.page.getByRole('button', { name: /^Отправленные письма \(1\)$/ }).click();
    await preview.page.getByRole('menuitem', { name: /Пробная рассылка\./ }).click();
    const text = await preview.page.locator('.mail-text').textContent();
    expect(text).toContain('Напоминание о сроках мероприятий по состоянию на 15.03.2023.');
    expect(text).toMatch(/Тема: Пробная рассылка\. Дорожная карта «.*»: просрочено — \d+, срок в ближайшие 7 дней — \d+ \(на 15\.03\.2023\)/);
  });
});
