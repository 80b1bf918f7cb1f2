import { describe, expect, it } from 'vitest';
import { HISTORY_HEADERS, UNKNOWN_USER, historyRow, historyValue, lastChanges } from '../../../src/core/roadmap/history';

describe('history records', () => {
  it('show a completion date sent as a serial number as a Russian date, other text as typed', () => {
    expect(historyValue('doneDate', '44946')).toBe('20.01.2023');
    expect(historyValue('doneDate', 'в январе')).toBe('в январе');
    expect(historyValue('deadline', '44946')).toBe('44946');
  });

  it('say so when Google does not tell who edited', () => {
    const row = historyRow({ at: '01.02.2023 10:00', who: '', sheet: 'План', row: 5, column: 'Статус', before: '', after: 'Выполнено' });
    expect(row).toEqual(['01.02.2023 10:00', UNKNOWN_USER, 'План', '5', 'Статус', '', 'Выполнено', '']);
  });

  it('give a row\u2019s last changes newest first, other sheets and rows left out', () => {
    const values = [
      [...HISTORY_HEADERS],
      ['01.02.2023 10:00', 'a@x.ru', 'План', '5', 'Статус', '', 'В работе'],
      ['01.02.2023 11:00', 'a@x.ru', 'План', '6', 'Статус', '', 'В работе'],
      ['02.02.2023 10:00', 'b@x.ru', 'Другой', '5', 'Статус', '', 'Отменено'],
      ['03.02.2023 10:00', 'b@x.ru', 'План', '5', 'Статус', 'В работе', 'Выполнено'],
    ];
    expect(lastChanges(values, 'План', 5).map((r) => r.after)).toEqual(['Выполнено', 'В работе']);
    expect(lastChanges(values, 'План', 5, 1)).toHaveLength(1);
  });

  it('find an item by its number wherever its row was, and an older record (no number) by its row', () => {
    const values = [
      [...HISTORY_HEADERS],
      ['01.02.2023 10:00', 'a@x.ru', 'План', '5', 'Статус', '', 'В работе'],
      ['02.02.2023 10:00', 'a@x.ru', 'План', '5', 'Статус', 'В работе', 'Выполнено', '2.1.'],
      ['03.02.2023 10:00', 'a@x.ru', 'План', '6', 'Статус', '', 'Отменено', '2.2.'],
      ['04.02.2023 10:00', 'a@x.ru', 'План', '6', 'Срок', 'май', 'июнь', '2.1.'],
    ];
    // «2.1.» moved from row 5 to row 6: found by number in row 6; the numberless record stays with row 5.
    expect(lastChanges(values, 'План', 6, 5, '2.1.').map((r) => r.after)).toEqual(['июнь', 'Выполнено']);
    expect(lastChanges(values, 'План', 5, 5, '2.1.').map((r) => r.after)).toEqual(['июнь', 'Выполнено', 'В работе']);
    expect(lastChanges(values, 'План', 6, 5, '2.2.').map((r) => r.after)).toEqual(['Отменено']);
  });
});
