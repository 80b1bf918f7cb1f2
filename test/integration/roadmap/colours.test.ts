// Colours come from conditional formatting over helper columns and TODAY(): refreshed once, they
// must stay right as the calendar moves, recurring deadlines included.
import { afterEach, describe, expect, it } from 'vitest';
import { deadlineStatus, parseDeadline } from '../../../src/core';
import { colourOfStatus, legend } from '../../../src/core/roadmap/colour';
import { getRecognitionReport, recognizeTable } from '../../../src/addon/roadmap/actions';
import { FIXTURES, createHarness, fixture, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

const BACKGROUND = new Map(legend(14).map((l) => [l.key, l.background]));

/** What deadlineStatus() says the Срок cell of each item row should show on `day`. */
function expectedColours(rows: string[][], plan: { planStart: string; planEnd: string }, day: string): (string | null)[] {
  return rows.slice(1).map((r) => {
    const [number, activity, deadline, responsible, , status] = r;
    if (!number && !activity && !deadline) return null;
    const isSection = !deadline && !responsible;
    if (isSection) return null;
    const d = parseDeadline(deadline ?? '', plan);
    const key = colourOfStatus(deadlineStatus(d, { today: day, done: status === 'Выполнено', soonDays: 14 }));
    return key ? BACKGROUND.get(key)! : null;
  });
}

function actualColours(h: Harness, sheetName: string): (string | null)[] {
  const sheet = h.sheet(sheetName);
  return sheet.cells.slice(1).map((row) => {
    const bg = row[2]?.background;
    return bg && bg !== '#ffffff' && bg !== BACKGROUND.get('problem') ? bg : null;
  });
}

const RECURRING_TABLE: unknown[][] = [
  ['План мероприятий (дорожная карта) на 2022-2024 гг.'],
  ['№ п/п', 'Мероприятие', 'Срок', 'Ответственные', 'Результат', 'Статус', 'Дата выполнения'],
  ['1.', 'Организация', '', '', '', '', ''],
  ['1.1.', 'Отчёт о наставничестве', 'Май 2022,2023,2024г', 'Куратор', 'Отчёт', '', ''],
  ['1.2.', 'Положение', 'До 01.03.2023', 'Директор', 'Приказ', '', ''],
  ['1.3.', 'Сопровождение пар', 'Постоянно', 'Куратор', 'Справка', '', ''],
  ['1.4.', 'Семинар', 'мартобря', 'Методист', 'Протокол', '', ''],
  ['1.5.', 'Мониторинг', 'В соответствии со сроками, установленными Минпросвещения России', 'Куратор', 'Отчёт', '', ''],
  ['1.6.', 'Форум', 'Июнь-июль 2023 года', 'Директор', 'Программа', '', ''],
  ['1.7.', 'Рабочая группа', 'Январь 2023', 'Директор', 'Приказ', 'Выполнено', '20.01.2023'],
  ['1.8.', 'Итоги года', '15.12.2023', 'Директор', 'Справка', '', ''],
];

describe('deadline colours', () => {
  for (const name of FIXTURES) {
    it(`${name}: every Срок cell shows the colour deadlineStatus() gives for a fixed today`, () => {
      const f = fixture(name);
      const today = `${f.plan[0].slice(0, 4)}-05-20`;
      h = createHarness(today);
      h.runtime.seedSheet('Вставка', f.cells);
      h.run(() => recognizeTable());
      const sheetName = h.run(() => getRecognitionReport()).report!.sheetName;
      const rows = texts(h.sheet(sheetName));
      const expected = expectedColours(rows, { planStart: f.plan[0], planEnd: f.plan[1] }, today);
      expect(actualColours(h, sheetName)).toEqual(expected);
      expect(expected.filter(Boolean).length).toBeGreaterThan(3);
    });
  }

  it('stay right day after day with nothing re-run, recurring deadlines included', () => {
    h = createHarness('2022-03-01');
    h.runtime.seedSheet('План', RECURRING_TABLE);
    h.run(() => recognizeTable());
    const sheetName = 'План — дорожная карта';
    const plan = { planStart: '2022-01-01', planEnd: '2024-12-31' };
    const rows = texts(h.sheet(sheetName));
    const days = ['2022-03-01', '2022-05-10', '2022-05-25', '2022-06-05', '2023-02-20', '2023-03-02', '2023-05-01',
      '2023-05-25', '2023-06-20', '2023-07-31', '2023-12-10', '2024-04-30', '2024-05-31', '2024-06-01', '2025-01-10'];
    const seen = new Set<string>();
    for (const day of days) {
      h.setToday(day);
      const actual = actualColours(h, sheetName);
      expect(actual, day).toEqual(expectedColours(rows, plan, day));
      seen.add(`${actual[1]}`); // the recurring row
    }
    // The recurring row went through soon, active, none and finally overdue.
    expect(seen).toEqual(new Set([BACKGROUND.get('soon'), BACKGROUND.get('active'), 'null', BACKGROUND.get('overdue')].map(String)));
  });
});
