// Properties the real-document grammar must keep: no input breaks it, every period stays inside
// what the text says, and what is set aside (times, weekdays, footnote marks) never moves a date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../src/core/deadline';
import { daysInMonth, toISO } from '../../../src/core/dates';
import type { PlanContext } from '../../../src/core/types';

const GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const pad = (n: number): string => String(n).padStart(2, '0');

const planArb = fc.integer({ min: 2015, max: 2035 }).chain((y) =>
  fc.integer({ min: 0, max: 2 }).map((len): PlanContext => ({ planStart: toISO(y, 9, 1), planEnd: toISO(y + len + 1, 8, 31) })),
);
const monthArb = fc.record({ y: fc.integer({ min: 2015, max: 2035 }), m: fc.integer({ min: 1, max: 12 }) });

// Real fragments of the new classes, glued at random.
const FRAGMENTS = [
  'до', 'с', 'по', '\n', '(', ')', '[', ']', '№', '671-р', 'от', '*', '¹', '10.00', '14:30', 'ч.', 'в 15 час.', 'пн', 'суббота',
  'каждый', 'понедельник', 'по средам', 'еженедельно', 'ежемесячно', 'ежеквартально', 'числа', 'месяца', 'следующего за отчётным',
  'неделя', 'последняя', 'первая', 'вторая среда', 'раз в', 'четверть', 'раза в год', '2009 2011', 'годы', '20__', '__.__.20__', 'X',
  '18-26.03.2023', '01.- 08.05.23г.', '2, 9, 16', '3,4', 'aпреля', 'декабрь2021г', 'Сентябрь-март', '2020', '07.11.2022 – 30.12.2021',
  '1', '4', '20', '25', '31', ...GENITIVE, ...NOMINATIVE,
];
const fragmentsArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 16 }).map((p) => p.join(' '));

describe('parseDeadline never throws or hangs', () => {
  it('on any Unicode text and on glued fragments of real deadlines', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fragmentsArb), planArb, (text, plan) => {
        const d = parseDeadline(text, plan);
        for (const p of d.periods) expect(p.start <= p.end).toBe(true);
        if (d.kind === 'unrecognized') expect(d.warnings.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('on 50,000-character cells, in well under a second each', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentsArb, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })), planArb, (piece, plan) => {
        const text = piece.repeat(Math.ceil(50_000 / Math.max(1, piece.length))).slice(0, 50_000);
        const t0 = performance.now();
        const d = parseDeadline(text, plan);
        expect(performance.now() - t0).toBeLessThan(1000);
        expect(Array.isArray(d.periods)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('on one 50,000-letter word mixing Latin and Cyrillic', () => {
    const word = `${'а'.repeat(25_000)}${'a'.repeat(25_000)}`;
    expect(parseDeadline(word, { planStart: '2023-01-01', planEnd: '2023-12-31' }).kind).toBe('unrecognized');
  });
});

describe('every period lies within what the text says', () => {
  it('a day range of a month stays inside the month', () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 27 }), planArb, ({ y, m }, d1, len, plan) => {
        const d2 = Math.min(daysInMonth(y, m), d1 + len);
        const got = parseDeadline(`${d1}-${d2}\n${GENITIVE[m - 1]} ${y} г.`, plan);
        expect(got.periods).toEqual([{ start: toISO(y, m, d1), end: toISO(y, m, d2) }]);
      }),
      { numRuns: 500 },
    );
  });

  it('a week of a month stays inside the month and lasts at most seven days', () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: 1, max: 4 }), planArb, ({ y, m }, n, plan) => {
        const got = parseDeadline(`${n} неделя ${GENITIVE[m - 1]} ${y} года`, plan);
        expect(got.periods).toHaveLength(1);
        const p = got.periods[0] as { start: string; end: string };
        expect(p.start >= toISO(y, m, 1) && p.end <= toISO(y, m, daysInMonth(y, m))).toBe(true);
        expect((Date.parse(p.end) - Date.parse(p.start)) / 864e5).toBeLessThanOrEqual(6);
      }),
      { numRuns: 500 },
    );
  });

  it('a day list keeps exactly the days listed', () => {
    fc.assert(
      fc.property(monthArb, fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 2, maxLength: 5 }), planArb, ({ y, m }, days, plan) => {
        const sorted = [...days].sort((a, b) => a - b);
        const got = parseDeadline(`${sorted.join(', ')} ${GENITIVE[m - 1]} ${y}`, plan);
        expect(got.periods.map((p) => p.start)).toEqual(sorted.map((d) => toISO(y, m, d)));
      }),
      { numRuns: 300 },
    );
  });

  it('a monthly rule stays inside the plan and on its day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), planArb, (day, plan) => {
        const got = parseDeadline(`ежемесячно ${day} числа`, plan);
        expect(got.periods.length).toBeGreaterThan(0);
        for (const p of got.periods) {
          expect(p.start >= plan.planStart && p.end <= plan.planEnd).toBe(true);
          expect(Number(p.end.slice(8, 10))).toBe(day);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a time, a weekday or a footnote mark never changes a recognised date', () => {
  const dateTexts = fc
    .record({ y: fc.integer({ min: 2015, max: 2035 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), form: fc.integer({ min: 0, max: 3 }) })
    .map(({ y, m, d, form }) =>
      [`${pad(d)}.${pad(m)}.${y}`, `${d} ${GENITIVE[m - 1]} ${y} года`, `${NOMINATIVE[m - 1]} ${y} г.`, `до ${pad(d)}.${pad(m)}.${y}`][form] as string);
  const additions = fc.constantFrom(' 10.00', ' 14:30', ' 14:30 ч.', ' в 15 час.', ' (суббота)', ' (пн)', ' пн', ' среда', '*', '**', '¹', ' (9 дней)', '\n10.00');

  it('holds for every addition', () => {
    fc.assert(
      fc.property(dateTexts, additions, planArb, (text, extra, plan) => {
        const plain = parseDeadline(text, plan);
        const decorated = parseDeadline(text + extra, plan);
        expect(plain.kind).not.toBe('unrecognized');
        expect({ kind: decorated.kind, periods: decorated.periods }).toEqual({ kind: plain.kind, periods: plain.periods });
      }),
      { numRuns: 1500 },
    );
  });
});
