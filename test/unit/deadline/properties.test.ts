// Property-based checks: robustness on any text, invariants on periods, round-trips of generated dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../src/core/deadline';
import { daysInMonth, isISODate, lastOfMonth, toISO } from '../../../src/core/dates';
import type { Deadline, PlanContext } from '../../../src/core/types';

const NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const PREPOSITIONAL = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number): string => String(n).padStart(2, '0');
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const planArb = fc.integer({ min: 2015, max: 2035 }).chain((y) =>
  fc.integer({ min: 0, max: 3 }).map((len): PlanContext => ({ planStart: toISO(y, 1, 1), planEnd: toISO(y + len, 12, 31) })),
);
const dayArb = fc
  .record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => d <= daysInMonth(y, m));

// Fragments of real deadline language, glued at random: finds crashes that random unicode never reaches.
const FRAGMENTS = [
  'до', 'не позднее', 'с', 'по', 'к', 'в течение', 'года', 'г.', 'гг.', 'учебного', 'квартал', 'полугодие', 'ежегодно',
  'постоянно', 'в соответствии с', '-', '–', ',', ';', '\n', '/', '.', '«', '»', '1', '15', '31', '32', '2022', '2023',
  '01.09.2022', '30.02.2022', '2022-13-01', 'I', 'IV', 'V', '1-й', 'декада', 'раз в', 'каждого', '20231', '09.2022', ...NOMINATIVE, ...GENITIVE, 'иголь', 'мартобря', '=',
];
const deadlineLikeArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(' '));

function checkInvariants(got: Deadline): void {
  expect(Array.isArray(got.warnings)).toBe(true);
  for (const p of got.periods) {
    expect(isISODate(p.start), p.start).toBe(true);
    expect(isISODate(p.end), p.end).toBe(true);
    expect(p.start <= p.end).toBe(true);
  }
  for (let i = 1; i < got.periods.length; i++) expect((got.periods[i - 1]?.start ?? '') <= (got.periods[i]?.start ?? '')).toBe(true);
  if (['empty', 'external', 'unrecognized'].includes(got.kind)) expect(got.periods).toEqual([]);
  if (got.kind === 'unrecognized') expect(got.warnings.length).toBeGreaterThan(0);
  if (got.kind === 'date') expect(got.periods.length === 1 && got.periods[0]?.start === got.periods[0]?.end).toBe(true);
  // "ежегодно" in a one-year plan recurs once.
  if (got.kind === 'recurring') expect(got.periods.length).toBeGreaterThan(0);
}

describe('parseDeadline on any input', () => {
  it('never throws on any string, and its periods are real, ordered, sorted dates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), deadlineLikeArb), planArb, (text, plan) => {
        checkInvariants(parseDeadline(text, plan));
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on a broken plan period', () => {
    fc.assert(
      fc.property(deadlineLikeArb, fc.string(), fc.string(), (text, planStart, planEnd) => {
        checkInvariants(parseDeadline(text, { planStart, planEnd }));
      }),
      { numRuns: 500 },
    );
  });
});

describe('round-trips of generated dates', () => {
  const dayFormats: Array<[string, (y: number, m: number, d: number) => string]> = [
    ['dd.mm.yyyy', (y, m, d) => `${pad(d)}.${pad(m)}.${y}`],
    ['d.m.yyyy г.', (y, m, d) => `${d}.${m}.${y} г.`],
    ['dd.mm.yy', (y, m, d) => `${pad(d)}.${pad(m)}.${pad(y % 100)}`],
    ['yyyy-mm-dd', (y, m, d) => `${y}-${pad(m)}-${pad(d)}`],
    ['«d» месяца yyyy г.', (y, m, d) => `«${d}» ${GENITIVE[m - 1]} ${y} г.`],
    ['d месяца yyyy года', (y, m, d) => `${d} ${GENITIVE[m - 1]} ${y} года`],
    ['D МЕСЯЦА YYYYг', (y, m, d) => `${d} ${(GENITIVE[m - 1] ?? '').toUpperCase()} ${y}г`],
  ];
  it.each(dayFormats)('%s → that day', (_name, format) => {
    fc.assert(
      fc.property(dayArb, planArb, ({ y, m, d }, plan) => {
        const got = parseDeadline(format(y, m, d), plan);
        expect(got).toEqual({ kind: 'date', periods: [{ start: toISO(y, m, d), end: toISO(y, m, d) }], warnings: [] });
      }),
    );
  });

  it('«d месяца» without a year lands inside a one-year plan', () => {
    fc.assert(
      fc.property(dayArb, ({ y, m, d }) => {
        const plan = { planStart: toISO(y, 1, 1), planEnd: toISO(y, 12, 31) };
        expect(parseDeadline(`${d} ${GENITIVE[m - 1]}`, plan).periods).toEqual([{ start: toISO(y, m, d), end: toISO(y, m, d) }]);
      }),
    );
  });

  it('«до <date>» ends on that day', () => {
    fc.assert(
      fc.property(dayArb, planArb, ({ y, m, d }, plan) => {
        const got = parseDeadline(`До ${pad(d)}.${pad(m)}.${y} г.`, plan);
        expect(got.kind).toBe('by');
        expect(got.periods.map((p) => p.end)).toEqual([toISO(y, m, d)]);
      }),
    );
  });

  const monthFormats: Array<[string, (y: number, m: number) => string]> = [
    ['Месяц yyyy г.', (y, m) => `${cap(NOMINATIVE[m - 1] ?? '')} ${y} г.`],
    ['месяцyyyyг', (y, m) => `${NOMINATIVE[m - 1]}${y}г`],
    ['МЕСЯЦ YYYY ГОДА', (y, m) => `${(NOMINATIVE[m - 1] ?? '').toUpperCase()} ${y} ГОДА`],
    ['в месяце yyyy года', (y, m) => `в ${PREPOSITIONAL[m - 1]} ${y} года`],
    ['mm.yyyy', (y, m) => `${pad(m)}.${y}`],
  ];
  it.each(monthFormats)('%s → that month', (_name, format) => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), planArb, (y, m, plan) => {
        const got = parseDeadline(format(y, m), plan);
        expect(got).toEqual({ kind: 'period', periods: [{ start: toISO(y, m, 1), end: lastOfMonth(y, m) }], warnings: [] });
      }),
    );
  });

  it('month ranges, quarters, half-years and year ranges cover exactly their months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (y, a, b) => {
        const [m1, m2] = a <= b ? [a, b] : [b, a];
        const range = parseDeadline(`${cap(NOMINATIVE[m1 - 1] ?? '')} – ${NOMINATIVE[m2 - 1]} ${y} года`, { planStart: '2000-01-01', planEnd: '2000-12-31' });
        expect(range.periods).toEqual([{ start: toISO(y, m1, 1), end: lastOfMonth(y, m2) }]);
        const q = Math.ceil(m1 / 3);
        const quarter = parseDeadline(`${ROMAN[q - 1]} квартал ${y} г.`, { planStart: '2000-01-01', planEnd: '2000-12-31' });
        expect(quarter.periods).toEqual([{ start: toISO(y, q * 3 - 2, 1), end: lastOfMonth(y, q * 3) }]);
        const h = m1 <= 6 ? 1 : 2;
        const half = parseDeadline(`${h} полугодие ${y} года`, { planStart: '2000-01-01', planEnd: '2000-12-31' });
        expect(half.periods).toEqual([{ start: toISO(y, h * 6 - 5, 1), end: lastOfMonth(y, h * 6) }]);
        const years = parseDeadline(`${y}-${y + (b % 4)} гг.`, { planStart: '2000-01-01', planEnd: '2000-12-31' });
        expect(years.periods).toEqual([{ start: toISO(y, 1, 1), end: toISO(y + (b % 4), 12, 31) }]);
      }),
    );
  });

  it('an impossible day in any numeric form is unrecognized, never shifted to a real one', () => {
    const impossible = fc
      .record({ y: fc.integer({ min: 2000, max: 2099 }), m: fc.integer({ min: 1, max: 14 }), d: fc.integer({ min: 1, max: 39 }) })
      .filter(({ y, m, d }) => m > 12 || d > daysInMonth(y, m));
    fc.assert(
      fc.property(impossible, planArb, ({ y, m, d }, plan) => {
        for (const text of [`${pad(d)}.${pad(m)}.${y}`, `${y}-${pad(m)}-${pad(d)}`, `до ${d}.${m}.${y} г.`]) {
          const got = parseDeadline(text, plan);
          expect(got.kind, text).toBe('unrecognized');
          expect(got.warnings.join(' ')).toMatch(/не существует/);
        }
      }),
    );
  });
});
