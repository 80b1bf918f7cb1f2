import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildApprovalOrder,
  escapeForReplaceText,
  escapeReplacement,
  fillPlaceholders,
  PLACEHOLDERS,
  placeholderValues,
  unknownPlaceholders,
  type Requisites,
} from '../../../src/core/order';
import { loadFixture } from './fixture-roadmaps';

/**
 * Body.replaceText as the Apps Script server applies it: the pattern is a regular expression (we
 * only use the subset where RE2 and JS agree: escaped punctuation), the replacement follows
 * java.util.regex.Matcher — `\x` is a literal x, `$n` a group, any other `$` an error.
 */
function replaceTextLike(text: string, pattern: string, replacement: string): string {
  return text.replace(new RegExp(pattern, 'g'), (...match: unknown[]) => {
    const groups = match.slice(0, -2) as (string | undefined)[];
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const ch = replacement[i]!;
      if (ch === '\\') {
        i++;
        if (i >= replacement.length) throw new Error('character to be escaped is missing');
        out += replacement[i];
      } else if (ch === '$') {
        const digits = /^\d+/.exec(replacement.slice(i + 1))?.[0];
        if (!digits || Number(digits) >= groups.length) throw new Error('Illegal group reference');
        out += groups[Number(digits)] ?? '';
        i += digits.length;
      } else out += ch;
    }
    return out;
  });
}

const HOSTILE = ['$&', '\\1', '(.*)', '{{x}}', '$1 000 руб.', 'C:\\Документы\\$', '[a-z]+?', '^начало|конец$', '{{Номер}}'];

describe('replaceText escaping', () => {
  it.each(HOSTILE)('a value %s comes out exactly as typed', (value) => {
    const template = 'Основание: {{Основание}}. Конец.';
    const out = replaceTextLike(template, escapeForReplaceText('{{Основание}}'), escapeReplacement(value));
    expect(out).toBe(`Основание: ${value}. Конец.`);
  });

  it('would mangle or reject the same values without escaping (the emulation is not a no-op)', () => {
    const template = 'X {{Основание}} Y';
    const pattern = escapeForReplaceText('{{Основание}}');
    expect(() => replaceTextLike(template, pattern, '$&')).toThrow('Illegal group reference');
    expect(replaceTextLike(template, pattern, '\\1')).toBe('X 1 Y');
  });

  it.each(['(.*)', '{{x}}', 'a+b?', '[Дата]', 'С.А.$', '\\d'])('a literal %s matches only itself as a pattern', (literal) => {
    const re = new RegExp(escapeForReplaceText(literal));
    expect(re.test(literal)).toBe(true);
    expect(re.test(`${literal.slice(0, -1)}Ж`)).toBe(false);
    expect(new RegExp(`^${escapeForReplaceText(literal)}$`).test(`x${literal}`)).toBe(false);
  });
});

describe('fillPlaceholders', () => {
  it('inserts hostile values literally and never re-reads an inserted value', () => {
    const values = { '{{Заголовок}}': '{{Номер}} $& \\1 (.*)', '{{Номер}}': '12-од' };
    expect(fillPlaceholders('{{Заголовок}} / № {{Номер}}', values)).toBe('{{Номер}} $& \\1 (.*) / № 12-од');
  });

  it('leaves unknown tokens alone and reports them', () => {
    expect(fillPlaceholders('{{Дата приказа}}', { '{{Дата}}': '1 марта 2024 г.' })).toBe('{{Дата приказа}}');
    expect(unknownPlaceholders('{{Дата}} {{Дата приказа}} {{Номер}} {{Дата приказа}}')).toEqual(['{{Дата приказа}}']);
  });
});

describe('placeholder values from the order model', () => {
  const requisites: Requisites = {
    fullName: 'РЕСПУБЛИКА ДАГЕСТАН\nМКУ «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ»\nМР «ДЕРБЕНТСКИЙ РАЙОН»',
    shortName: 'МКУ «Управление образования» МР «Дербентский район»',
    place: 'г. Дербент',
    headPosition: 'Начальник',
    headName: 'Гаджибекова Саида Алиевна',
    numberFormat: '{n}',
  };
  const f = loadFixture('derbent-2023');
  const order = buildApprovalOrder({
    requisites,
    roadmap: { title: 'ДОРОЖНАЯ КАРТА реализации Модели наставничества в системе образования МР «Дербентский район»', period: { start: '2023-01-01', end: '2023-12-31' }, items: f.rows },
    options: { date: '2023-02-07', number: '1982', dateStyle: 'long', appendixRows: 'all', basis: 'На основании $1 и \\d' },
  });
  const values = placeholderValues(order);

  it('documents every placeholder in Russian and gives each a value', () => {
    expect(Object.keys(values).sort()).toEqual(Object.values(PLACEHOLDERS).map((p) => p.token).sort());
    for (const p of Object.values(PLACEHOLDERS)) {
      expect(p.token).toMatch(/^\{\{[А-ЯЁ][а-яё ]+\}\}$/);
      expect(p.description).toMatch(/[А-Яа-яЁё]{3}/);
    }
  });

  it('takes the values from the model', () => {
    expect(values['{{Организация}}']).toBe(requisites.fullName);
    expect(values['{{Дата}}']).toBe('7 февраля 2023 г.');
    expect(values['{{Номер}}']).toBe('1982');
    expect(values['{{Место}}']).toBe('г. Дербент');
    expect(values['{{Заголовок}}']).toBe(order.meta.heading);
    expect(values['{{Основание}}']).toBe('На основании $1 и \\d,');
    expect(values['{{Пункты}}']).toMatch(/^1\. Утвердить дорожную карту реализации Модели наставничества .*\n2\. /);
    expect(values['{{Должность}}']).toBe('Начальник');
    expect(values['{{Подпись}}']).toBe('С.А. Гаджибекова');
    expect(values['{{Гриф}}']).toMatch(/^УТВЕРЖДЕНА\nприказом МКУ/);
    expect(values['{{Название плана}}']).toBe('Дорожная карта реализации Модели наставничества в системе образования МР «Дербентский район» на 2023 год');
    expect(values['{{Таблица}}']).toBe('');
  });
});

describe('escaping holds for any text (fast-check)', () => {
  it('an escaped literal matches exactly itself, and an escaped value is inserted exactly', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (literal, value) => {
        const pattern = escapeForReplaceText(literal);
        expect(new RegExp(`^${pattern}$`).test(literal)).toBe(true);
        const template = `«${literal}»`;
        expect(replaceTextLike(template, pattern, escapeReplacement(value))).toBe(`«${value}»`);
      }),
    );
  });

  it('fillPlaceholders inserts any values literally', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(fillPlaceholders('{{Дата}}|{{Номер}}', { '{{Дата}}': a, '{{Номер}}': b })).toBe(`${a}|${b}`);
      }),
    );
  });
});
