import { describe, expect, it } from 'vitest';
import { formatOrderDate, formatOrderNumber, numberSign, numericDate, parseOrderNumber, periodText } from '../../../src/core/order';

describe('order dates (ГОСТ Р 7.0.97-2025)', () => {
  it('writes the long form with the genitive month and «г.», without a leading zero or quotes', () => {
    expect(formatOrderDate('2023-02-07', 'long')).toBe('7 февраля 2023 г.');
    expect(formatOrderDate('2016-06-05')).toBe('5 июня 2016 г.');
    const months = Array.from({ length: 12 }, (_, i) => formatOrderDate(`2024-${String(i + 1).padStart(2, '0')}-15`).split(' ')[1]);
    expect(months).toEqual(['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря']);
  });

  it('writes the numeric form with leading zeros', () => {
    expect(formatOrderDate('2023-02-07', 'numeric')).toBe('07.02.2023');
    expect(numericDate('2021-12-31')).toBe('31.12.2021');
  });

  it('refuses a string that is not an ISO date', () => {
    expect(() => formatOrderDate('07.02.2023')).toThrow();
  });
});

describe('order numbers', () => {
  it.each([
    ['{n}', 1982, '1982'],
    ['{n}/1', 5, '5/1'],
    ['{n}-од', 12, '12-од'],
    ['{n}/{yyyy}', 3, '3/2023'],
    ['', 7, '7'],
  ])('format %s with %d → %s', (format, n, text) => {
    expect(formatOrderNumber(format, n, '2023-02-07')).toBe(text);
  });

  it('reads the running number back from a formatted number, and nothing from a foreign one', () => {
    expect(parseOrderNumber('{n}-од', '12-од')).toBe(12);
    expect(parseOrderNumber('{n}/1', '5/1')).toBe(5);
    expect(parseOrderNumber('{n}', '1982')).toBe(1982);
    expect(parseOrderNumber('{n}-од', '12-лс')).toBeNull();
    expect(parseOrderNumber('{n}/{yyyy}', '3/2023')).toBe(3);
  });

  it('writes the number sign with a space and never doubles it', () => {
    expect(numberSign('1982')).toBe('№ 1982');
    expect(numberSign('№1982')).toBe('№ 1982');
  });
});

describe('the plan period', () => {
  it.each([
    ['2023-01-01', '2023-12-31', 'на 2023 год'],
    ['2022-01-01', '2024-12-31', 'на 2022–2024 годы'],
    ['2021-01-01', '2022-12-31', 'на 2021–2022 годы'],
    ['2023-09-01', '2024-08-31', 'на 2023/2024 учебный год'],
  ])('%s – %s → %s', (start, end, text) => {
    expect(periodText(start, end)).toBe(text);
  });
});
