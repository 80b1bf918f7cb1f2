import { describe, expect, it } from 'vitest';
import { hasMark, orderMarkLine, withOrderLine } from '../../../src/core/roadmap/evidence';
import { findShownRow } from '../../../src/core/roadmap/find-row';
import { byAddon, describeChange, lastChangeBySheet } from '../../../src/core/roadmap/history';

const DOC = 'https://docs.google.com/document/d/1AbC-d_9/edit';
const LINE = orderMarkLine({ date: '2026-12-07', number: '45-о' });

describe('the order line in a row\'s mark', () => {
  it('reads «Приказ от 07.12.2026 № 45-о»', () => {
    expect(LINE).toBe('Приказ от 07.12.2026 № 45-о');
    expect(orderMarkLine({ date: '2026-12-07', number: '№ 7' })).toBe('Приказ от 07.12.2026 № 7');
  });

  it('goes on its own line after the person\'s text, keeping the person\'s links', () => {
    const mark = { text: 'Протокол педсовета', links: [{ start: 0, end: 8, url: 'https://example.org/p' }] };
    expect(withOrderLine(mark, LINE, DOC)).toEqual({
      text: `Протокол педсовета\n${LINE}`,
      links: [{ start: 0, end: 8, url: 'https://example.org/p' }, { start: 19, end: 19 + LINE.length, url: DOC }],
    });
    expect(withOrderLine({ text: '', links: [] }, LINE, DOC)).toEqual({ text: LINE, links: [{ start: 0, end: LINE.length, url: DOC }] });
    expect(withOrderLine({ text: 'Итог\n', links: [] }, LINE, DOC)!.text).toBe(`Итог\n${LINE}`);
  });

  it('is not added twice: the Doc already linked (any form of its link), or the line typed by hand gets the link', () => {
    const done = withOrderLine({ text: 'Итог', links: [] }, LINE, DOC)!;
    expect(withOrderLine(done, LINE, DOC)).toBeNull();
    expect(withOrderLine({ text: 'см. приказ', links: [{ start: 0, end: 10, url: 'https://docs.google.com/document/d/1AbC-d_9/view?usp=sharing' }] }, LINE, DOC)).toBeNull();
    const typed = { text: `Итог\n  ${LINE}\nещё`, links: [] };
    expect(withOrderLine(typed, LINE, DOC)).toEqual({ text: typed.text, links: [{ start: 7, end: 7 + LINE.length, url: DOC }] });
  });

  it('counts any text as a mark, blanks as none', () => {
    expect(hasMark('Протокол № 3')).toBe(true);
    expect(hasMark('  \n ')).toBe(false);
    expect(hasMark(undefined)).toBe(false);
  });
});

describe('finding the row the sidebar showed', () => {
  const items = [
    { number: '1.', activity: 'Раздел', isSection: true },
    { number: '1.1.', activity: 'Назначение куратора' },
    { number: '1.2.', activity: 'Создание рабочей группы' },
  ];
  const where = { sheetName: 'План', numberTitle: '№', activityTitle: 'Мероприятие' };
  it('finds it where it was, or where it moved, and refuses a changed row naming row and column', () => {
    expect(findShownRow(items, [3, 4, 5], { sheetRow: 4, number: '1.1.', activity: 'Назначение  куратора' }, where)).toEqual({ index: 1 });
    expect(findShownRow(items, [5, 6, 7], { sheetRow: 4, number: '1.1.', activity: 'Назначение куратора' }, where)).toEqual({ index: 1 });
    expect(findShownRow(items, [3, 4, 5], { sheetRow: 4, number: '1.1.', activity: 'Назначение наставника' }, where)).toEqual({
      refusal: expect.stringMatching(/^Строка 4 листа «План», столбец «Мероприятие»: текст изменился после открытия панели \(было «Назначение наставника», сейчас «Назначение куратора»\)/),
    });
    expect(findShownRow(items, [3, 4, 5], { sheetRow: 4, number: '2.1.', activity: 'Назначение куратора' }, where)).toEqual({
      refusal: expect.stringMatching(/^Строка 4 листа «План», столбец «№»: номер изменился/),
    });
    expect(findShownRow(items, [3, 4, 5], { sheetRow: 3 }, where)).toEqual({ refusal: expect.stringMatching(/Строка 3 листа «План» больше не содержит мероприятия/) });
  });
});

describe('the last change of every sheet', () => {
  const header = ['Когда', 'Кто', 'Лист', 'Строка', 'Столбец', 'Было', 'Стало'];
  it('is the last row of that sheet in the history, described in one line', () => {
    const values = [
      header,
      ['01.12.2026 09:00', 'a@school1.ru', 'Школа 1', '5', 'Статус', '', 'В работе'],
      ['02.12.2026 10:00', 'b@school2.ru', 'Школа 2', 7, 'Срок', 'Май 2026', 'Июнь 2026'],
      ['07.12.2026 14:05', 'a@school1.ru', 'Школа 1', '12', 'Статус', 'В работе', 'Выполнено'],
      ['', '', '', '', '', '', ''],
    ];
    const last = lastChangeBySheet(values);
    expect([...last.keys()].sort()).toEqual(['Школа 1', 'Школа 2']);
    expect(describeChange(last.get('Школа 1')!)).toBe('07.12.2026 14:05, a@school1.ru: строка 12, Статус: В работе → Выполнено');
    expect(describeChange(last.get('Школа 2')!)).toBe('02.12.2026 10:00, b@school2.ru: строка 7, Срок: Май 2026 → Июнь 2026');
    expect(describeChange({ ...last.get('Школа 2')!, who: '', before: '' })).toBe('02.12.2026 10:00, не сообщается Google: строка 7, Срок: — → Июнь 2026');
    expect(lastChangeBySheet([header]).size).toBe(0);
  });

  it('names the add-on\'s own changes with the person who asked', () => {
    expect(byAddon('ivanova@school.ru', 'приказ № 45-о')).toBe('ivanova@school.ru (дополнение: приказ № 45-о)');
    expect(byAddon('', 'исправление срока')).toBe('не сообщается Google (дополнение: исправление срока)');
  });
});
