// Field schemas the contract's requests share, checked for meaning and not only for shape: a date
// must exist in the calendar, an order number must stay text in a sheet, strings and lists are
// bounded so that one request cannot fill a property or a sheet.
import * as z from 'zod/mini';
import { isISODate } from '../core/dates';

/** A real calendar day 'yyyy-MM-dd' (2023-02-30, 2023-13-45 and 0000-00-00 are refused). */
export const isoDate = z.string().check(
  z.maxLength(10, 'нужна дата в виде ГГГГ-ММ-ДД'),
  z.refine(isISODate, 'такой даты нет в календаре: укажите существующую дату (день, месяц от 1 до 12, год из четырёх цифр)'),
);

/** Text a spreadsheet would read as a formula. */
export const FORMULA_START = /^[=+\-@]/;

/** An order number as the journal keeps it: text that never starts like a formula. */
export const orderNumber = z.string().check(
  z.trim(),
  z.minLength(1, 'укажите номер приказа'),
  z.maxLength(40, 'слишком длинный номер: не больше 40 знаков'),
  z.refine((v) => !FORMULA_START.test(v), 'номер не может начинаться со знаков = + - @: таблица приняла бы его за формулу. Уберите знак в начале (например, «15-од» вместо «-15»)'),
  z.refine((v) => !/^№/.test(v), 'укажите номер без знака №: он добавляется сам'),
);

/** A line of free text of at most `max` characters. */
export const line = (max: number) => z.string().check(z.maxLength(max));

