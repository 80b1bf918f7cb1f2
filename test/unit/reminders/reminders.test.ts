// The pure core of the reminders: periods, the quota decision, the e-mail text.
import { describe, expect, it } from 'vitest';
import {
  ALREADY_SENT, DISTRICT_PRIORITY, NOTHING_TO_SAY, QUOTA_REASON, composeEmail, decide, describeSchedule, invalidAddresses,
  normaliseAddresses, periodKey, schoolPriority, sheetDigest, type PlannedMessage, type SheetDigest,
} from '../../../src/core/reminders';
import type { CanonicalItem } from '../../../src/core/roadmap/layout';

const item = (n: string, activity: string, deadline: string, status = ''): CanonicalItem => ({
  number: n, level: 2, isSection: false, activity, deadline, responsible: 'Иванова И. И.', result: '', sourceRows: [Number(n.replace(/\D/g, ''))], status,
});

describe('sheetDigest', () => {
  const plan = { planStart: '2023-01-01', planEnd: '2023-12-31' };
  const items = [
    { ...item('0', 'Раздел', ''), isSection: true },
    item('1', 'Приказ о наставничестве', 'до 01.03.2023'),
    item('2', 'Отчёт', 'до 01.03.2023', 'Выполнено'),
    item('3', 'Совещание', '20.03.2023'),
    item('4', 'Мониторинг', 'ежемесячно 25 числа'),
    item('5', 'Методическая работа', 'в течение года'),
    item('6', 'Семинар', 'до 01.03.2023', 'Отменено'),
    item('7', 'Форум', 'мартобря'),
  ];
  const d = sheetDigest({ sheetName: 'План', title: 'План', items, plan, firstRow: 1 }, '2023-03-15', 10);

  it('overdue: open items whose every occurrence ended; not done, cancelled, undated or unrecognised', () => {
    expect(d.overdue.map((i) => [i.number, i.due, i.row])).toEqual([['1', '2023-03-01', 2]]);
  });
  it('due within N days: the occurrence ending in the window, a repeating deadline by its next occurrence', () => {
    expect(d.dueSoon.map((i) => [i.number, i.due])).toEqual([['3', '2023-03-20'], ['4', '2023-03-25']]);
  });
  it('N = 0 looks at today only', () => {
    expect(sheetDigest({ sheetName: 'План', title: 'План', items, plan, firstRow: 1 }, '2023-03-20', 0).dueSoon.map((i) => i.number)).toEqual(['3']);
  });
});

describe('periodKey', () => {
  it('weekly periods are Monday-based; a year end falls inside one week', () => {
    expect(periodKey('weekly', '2023-09-11')).toBe('w2023-09-11');
    expect(periodKey('weekly', '2023-09-17')).toBe('w2023-09-11');
    expect(periodKey('weekly', '2023-09-18')).toBe('w2023-09-18');
    expect(periodKey('weekly', '2024-12-31')).toBe(periodKey('weekly', '2025-01-01'));
    expect(periodKey('daily', '2023-09-11')).toBe('2023-09-11');
    expect(periodKey('monthly', '2023-09-30')).toBe('2023-09');
  });
  it('describes the schedule in Russian', () => {
    expect(describeSchedule({ frequency: 'weekly', weekday: 3, monthDay: 1, hour: 8, days: 7 })).toBe('по средам в 8:00');
    expect(describeSchedule({ frequency: 'monthly', weekday: 1, monthDay: 5, hour: 17, days: 7 })).toBe('ежемесячно, 5-го числа, в 17:00');
  });
});

const planned = (key: string, to: number, overdue: number, dueSoon = 0, priority?: number): PlannedMessage => ({
  key, label: key, to: Array.from({ length: to }, (_, k) => `${key}${k}@example.org`), priority: priority ?? schoolPriority({ overdue, dueSoon }),
  email: { subject: '', body: '', htmlBody: '', overdue, dueSoon },
});

describe('decide (the mail quota)', () => {
  const messages = [planned('a', 1, 1), planned('b', 2, 5), planned('d', 2, 0, 1, DISTRICT_PRIORITY), planned('e', 1, 0, 0), planned('c', 1, 2)];
  it('sends the district first, then the most overdue, never more recipients than the quota', () => {
    const r = decide(messages, 4, new Set());
    expect(r.send.map((m) => m.key)).toEqual(['d', 'b']);
    expect(r.held.map((h) => [h.message.key, h.reason])).toEqual([['c', QUOTA_REASON], ['a', QUOTA_REASON], ['e', NOTHING_TO_SAY]]);
  });
  it('for every quota: what is sent fits, and nothing sent twice in a period', () => {
    for (let q = 0; q <= 8; q++) {
      const r = decide(messages, q, new Set(['b']));
      expect(r.send.reduce((n, m) => n + m.to.length, 0)).toBeLessThanOrEqual(q);
      expect(r.send.map((m) => m.key)).not.toContain('b');
      expect(r.held.find((h) => h.message.key === 'b')?.reason).toBe(ALREADY_SENT);
    }
  });
});

describe('composeEmail', () => {
  const digest = (over: Partial<SheetDigest> = {}): SheetDigest => ({
    sheetName: 'План', title: 'План <ЦМН>', overdue: [{ row: 5, number: '1.1.', activity: 'Приказ <script>alert(1)</script>', responsible: 'Петров & Ко', deadline: 'до 01.03.2023', due: '2023-03-01' }], dueSoon: [], ...over,
  });
  const input = { spreadsheetName: 'Дорожная карта', url: 'https://docs.google.com/spreadsheets/d/x/edit', today: '2023-03-15', days: 7, subjectTitle: 'Дорожная карта «План»', scheduleText: 'по понедельникам в 8:00' };

  it('escapes the sheet text in HTML; the plain text keeps it as typed', () => {
    const e = composeEmail({ ...input, sections: [{ heading: null, digest: digest(), sheetId: 7 }] });
    expect(e.htmlBody).not.toContain('<script>');
    expect(e.htmlBody).toContain('Приказ &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(e.htmlBody).toContain('Петров &amp; Ко');
    expect(e.body).toContain('1) строка 5: п. 1.1. «Приказ <script>alert(1)</script>» — срок «до 01.03.2023» (истёк 01.03.2023); ответственные: Петров & Ко.');
    expect(e.subject).toBe('Дорожная карта «План»: просрочено — 1, срок в ближайшие 7 дней — 0 (на 15.03.2023)');
    expect(e.body).toContain('Мероприятий со сроком в ближайшие 7 дней (по 22.03.2023) нет.');
  });

  it('a district digest lists quiet schools in one line and cuts long lists', () => {
    const many = Array.from({ length: 5 }, (_, k) => ({ ...digest().overdue[0]!, row: k + 2 }));
    const e = composeEmail({
      ...input, maxItems: 3,
      sections: [
        { heading: '«СОШ № 1»', digest: digest({ overdue: many }), sheetId: 1 },
        { heading: '«СОШ № 2»', digest: digest({ overdue: [] }), sheetId: 2 },
      ],
    });
    expect(e.body).toContain('…и ещё 2 — см. лист «План».');
    expect(e.body).toContain('Нет просроченных мероприятий и мероприятий со сроком в ближайшие 7 дней (по 22.03.2023): «СОШ № 2».');
    expect(e.overdue).toBe(5);
  });
});

describe('addresses', () => {
  it('normalises, dedupes and names what is not an address', () => {
    expect(normaliseAddresses('A@Example.org; b@example.org,a@example.org  нет')).toEqual(['a@example.org', 'b@example.org']);
    expect(invalidAddresses('a@example.org, директор')).toEqual(['директор']);
  });
});
