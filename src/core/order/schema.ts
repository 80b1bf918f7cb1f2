// zod/mini schemas of the order options, for the sidebar → server calls (DESIGN: validate every
// argument of every public server function). Messages are Russian and name the field.
import * as z from 'zod/mini';
import { isISODate } from '../dates';

const person = z.object({
  position: z.string().check(z.trim(), z.minLength(1, 'Укажите должность.')),
  name: z.string().check(z.trim(), z.minLength(1, 'Укажите фамилию и инициалы.')),
});

const text = z.optional(z.string().check(z.trim(), z.maxLength(5000, 'Текст слишком длинный (больше 5000 знаков).')));

export const appendixRowsSchema = z.union([
  z.literal('all'),
  z.literal('not-done'),
  z.object({ sections: z.array(z.string()).check(z.minLength(1, 'Выберите хотя бы один раздел для приложения.')) }),
]);

/** Options of «Сформировать приказ» as the sidebar sends them. */
export const approvalOrderOptionsSchema = z.object({
  date: z.string().check(z.refine(isISODate, 'Дата приказа должна быть существующей датой в формате ГГГГ-ММ-ДД.')),
  number: z.string().check(
    z.trim(),
    z.minLength(1, 'Укажите номер приказа.'),
    z.maxLength(30, 'Номер приказа слишком длинный.'),
    z.refine((v) => !/^№/.test(v), 'Укажите номер приказа без знака №: он добавляется автоматически.'),
  ),
  dateStyle: z.enum(['long', 'numeric']),
  dateNumberLayout: z.optional(z.enum(['row', 'stacked'])),
  heading: text,
  basis: text,
  points: z.optional(z.array(z.string().check(z.trim(), z.minLength(1, 'Пункт приказа не может быть пустым.')))),
  curator: z.optional(person),
  control: z.optional(person),
  signatory: z.optional(person),
  appendixRows: appendixRowsSchema,
});

export type ApprovalOrderOptionsInput = z.input<typeof approvalOrderOptionsSchema>;
