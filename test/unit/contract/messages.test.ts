// Arguments checked for meaning, refused in Russian words people use (issue 14).
import { describe, expect, it } from 'vitest';
import { api } from '../../../src/contract';
import { describeIssues } from '../../../src/contract/messages';

const request = (extra: Record<string, unknown> = {}) => ({
  mode: 'approval', date: '2023-03-15', number: '12', dateStyle: 'long', heading: '', basis: '',
  points: ['Утвердить план.'], signatory: { position: 'Директор', name: 'Иванова И.И.' },
  appendix: 'all', sections: [], row: null, useTemplate: false, acceptRoadmapProblems: false, ...extra,
});

function refusal(extra: Record<string, unknown>): string {
  const parsed = api.createOrder.args.safeParse([request(extra)]);
  if (parsed.success) return '';
  return describeIssues(parsed.error, 'Неверный запрос к серверу');
}

const ENGLISH = /\b(object|string|number|boolean|undefined|array|expected|received|NaN)\b/i;

describe('createOrder arguments', () => {
  it.each(['2023-02-30', '2023-13-45', '0000-00-00', '2023-2-3', '15.03.2023'])('refuses the date %s and says what to type', (date) => {
    const text = refusal({ date });
    expect(text).toMatch(/^Неверный запрос к серверу\. Дата приказа: /);
    expect(text).not.toMatch(ENGLISH);
  });

  it('accepts a real date, 29 February of a leap year included', () => {
    expect(refusal({ date: '2024-02-29' })).toBe('');
  });

  it.each(['=1+1', '+7', '-1', '@me'])('refuses the number %s, which a sheet would read as a formula', (number) => {
    expect(refusal({ number })).toBe('Неверный запрос к серверу. Номер приказа: номер не может начинаться со знаков = + - @: таблица приняла бы его за формулу. Уберите знак в начале (например, «15-од» вместо «-15»).');
  });

  it('keeps numbers with a dash inside and refuses the № sign', () => {
    expect(refusal({ number: '15-од' })).toBe('');
    expect(refusal({ number: '№ 5' })).toMatch(/без знака №/);
  });

  it('refuses oversized strings and lists, saying how long they may be', () => {
    expect(refusal({ heading: 'я'.repeat(1001) })).toBe('Неверный запрос к серверу. Заголовок: слишком длинно: не больше 1000 знаков (сейчас 1001).');
    expect(refusal({ points: Array.from({ length: 51 }, () => 'Пункт') })).toBe('Неверный запрос к серверу. Пункты приказа: слишком много: не больше 50 элементов (сейчас 51).');
    expect(refusal({ points: ['x'.repeat(5001)] })).toBe('Неверный запрос к серверу. Пункты приказа, № 1: слишком длинно: не больше 5000 знаков (сейчас 5001).');
  });

  it('says «не заполнено», not «ожидалось object, получено undefined»', () => {
    const parsed = api.createOrder.args.safeParse([]);
    expect(parsed.success).toBe(false);
    const text = describeIssues(parsed.error!, 'Неверный запрос к серверу');
    expect(text).toBe('Неверный запрос к серверу. Не заполнено.');
    const typed = api.createOrder.args.safeParse([request({ useTemplate: 'да', signatory: null })]);
    const message = describeIssues(typed.error!, 'Неверный запрос к серверу');
    expect(message).toBe('Неверный запрос к серверу. Подпись: нужен набор полей. «По своему шаблону»: нужно «да» или «нет».');
    expect(message).not.toMatch(ENGLISH);
  });

  it('refuses an impossible plan period in the settings too', () => {
    const parsed = api.saveRoadmapSettings.args.safeParse([{ soonDays: 14, sheets: [{ sheetId: 1, isRoadmap: true, planStart: '2023-02-30', planEnd: '2023-12-31' }] }]);
    expect(describeIssues(parsed.error!, 'Неверный запрос к серверу')).toMatch(/^Неверный запрос к серверу\. Листы, № 1 — Начало плана: такой даты нет в календаре/);
  });
});
