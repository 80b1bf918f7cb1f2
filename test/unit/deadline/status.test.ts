import { describe, expect, it } from 'vitest';
import { deadlineStatus, parseDeadline, relevantPeriod } from '../../../src/core/deadline';
import type { DeadlineStatus } from '../../../src/core/types';

const plan = { planStart: '2022-01-01', planEnd: '2024-12-31' };
const status = (text: string, today: string, done = false, soonDays = 7): DeadlineStatus =>
  deadlineStatus(parseDeadline(text, plan), { today, done, soonDays });

describe('deadlineStatus', () => {
  it('done wins over everything, even a missed or broken deadline', () => {
    expect(status('До 01.03.2022', '2023-01-01', true)).toBe('done');
    expect(status('мартобря', '2023-01-01', true)).toBe('done');
  });

  it('overdue once the last day has passed', () => {
    expect(status('До 01.03.2022', '2022-03-02')).toBe('overdue');
    expect(status('Июнь-июль 2022 года', '2022-08-01')).toBe('overdue');
  });

  it('soon when the end is within soonDays (inclusive), even before the period starts', () => {
    expect(status('До 01.03.2022', '2022-02-22')).toBe('soon');
    expect(status('До 01.03.2022', '2022-03-01')).toBe('soon');
    expect(status('05.03.2022', '2022-03-02')).toBe('soon');
    expect(status('До 01.03.2022', '2022-02-21')).toBe('active');
    expect(status('До 01.03.2022', '2022-02-21', false, 30)).toBe('soon');
  });

  it('active inside the period, upcoming before it', () => {
    expect(status('Июнь-июль 2022 года', '2022-06-10')).toBe('active');
    expect(status('Июнь-июль 2022 года', '2022-05-31')).toBe('upcoming');
    expect(status('I квартал 2023', '2022-12-01')).toBe('upcoming');
  });

  it('ongoing for work throughout the plan', () => {
    expect(status('Постоянно', '2023-05-05')).toBe('ongoing');
    expect(status('в течение всего периода реализации ЦМН', '2022-01-01')).toBe('ongoing');
  });

  it('nodate for references to other schedules and empty cells; invalid for what was not understood', () => {
    expect(status('В соответствии со сроками, установленными Минпросвещения России', '2023-01-01')).toBe('nodate');
    expect(status('', '2023-01-01')).toBe('nodate');
    expect(status('30 февраля', '2023-01-01')).toBe('invalid');
    expect(status('=A1', '2023-01-01')).toBe('invalid');
  });

  describe('recurring: the current or next occurrence decides', () => {
    const text = 'Май 2022,2023,2024г';
    it.each([
      ['2022-04-01', 'upcoming', '2022-05-01'],
      ['2022-05-10', 'active', '2022-05-01'],
      ['2022-05-27', 'soon', '2022-05-01'],
      // Last year's May is over, but this year's is still to come: not overdue.
      ['2023-02-10', 'upcoming', '2023-05-01'],
      ['2023-05-15', 'active', '2023-05-01'],
      // After the last occurrence the last one decides.
      ['2024-06-15', 'overdue', '2024-05-01'],
    ] as const)('on %s it is %s (May from %s)', (today, expected, start) => {
      const d = parseDeadline(text, plan);
      expect(deadlineStatus(d, { today, done: false, soonDays: 7 })).toBe(expected);
      expect(relevantPeriod(d, today)?.start).toBe(start);
    });
  });
});

describe('relevantPeriod', () => {
  it('is null without periods', () => {
    expect(relevantPeriod(parseDeadline('по графику', plan), '2023-01-01')).toBeNull();
  });

  it('prefers the occurrence containing today that ends first', () => {
    const d = { kind: 'recurring' as const, periods: [{ start: '2022-01-01', end: '2022-12-31' }, { start: '2022-03-01', end: '2022-03-31' }], warnings: [] };
    expect(relevantPeriod(d, '2022-03-10')).toEqual({ start: '2022-03-01', end: '2022-03-31' });
    expect(relevantPeriod(d, '2022-04-10')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
  });

  it('lets a sheet rule on its start/end reproduce the status every day of the plan', () => {
    // The conditional-formatting rule the add-on writes, evaluated on the helper columns.
    const sheetRule = (start: string, end: string, today: string, soonDays: number): DeadlineStatus => {
      const daysLeft = (Date.parse(end) - Date.parse(today)) / 86_400_000;
      if (end < today) return 'overdue';
      if (daysLeft <= soonDays) return 'soon';
      return start <= today ? 'active' : 'upcoming';
    };
    const texts = ['Май 2022,2023,2024г', 'До 01.03.2022', 'Сентябрь 2022-январь 2023 г', 'I квартал 2023', 'ежегодно до 1 сентября'];
    for (const text of texts) {
      const d = parseDeadline(text, plan);
      for (let t = Date.parse('2021-12-01'); t <= Date.parse('2025-01-31'); t += 86_400_000 * 3) {
        const today = new Date(t).toISOString().slice(0, 10);
        const p = relevantPeriod(d, today);
        if (!p) throw new Error(`no period for ${text}`);
        expect(sheetRule(p.start, p.end, today, 7), `${text} @ ${today}`).toBe(deadlineStatus(d, { today, done: false, soonDays: 7 }));
      }
    }
  });
});
