// The new kinds of periods (weekly and monthly occurrences, day lists, weeks of a month) colour
// through the helper columns and TODAY() rules exactly as deadlineStatus() says, for the
// occurrences the helper columns keep; past them a row shows «идёт срок», never a false «просрочено».
import { afterEach, describe, expect, it } from 'vitest';
import { deadlineStatus, parseDeadline } from '../../../src/core';
import { colourOfStatus, legend } from '../../../src/core/roadmap/colour';
import { recognisedHarness, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

const BACKGROUND = new Map(legend(14).map((l) => [l.key, l.background]));
const PLAN = { planStart: '2023-09-01', planEnd: '2024-08-31' };

// Real cells (test/fixtures/deadlines-real.json and issue 11).
const TABLE: unknown[][] = [
  ['Календарный план воспитательной работы на 2023-2024 учебный год'],
  ['№ п/п', 'Мероприятие', 'Срок', 'Ответственные', 'Результат', 'Статус', 'Дата выполнения'],
  ['1.', 'Подъем Флага РФ и исполнение Гимна РФ', 'Каждый\nпонедельник', 'Классные руководители', 'Линейка', '', ''],
  ['2.', 'Отчёт о посещаемости', 'ежемесячно 20 числа', 'Социальный педагог', 'Отчёт', '', ''],
  ['3.', 'Родительские собрания', '2, 9, 16 октября', 'Классные руководители', 'Протокол', '', ''],
  ['4.', 'Неделя безопасности', '4 неделя сентября', 'Педагог-организатор', 'Справка', '', ''],
  ['5.', 'Акция «Всемирный день ребенка»', '13-20 ноября', 'Социальный педагог', 'Фотоотчёт', '', ''],
];

function srokColours(h: Harness, sheetName: string): (string | null)[] {
  return h.sheet(sheetName).cells.slice(1).map((row) => {
    const bg = row[2]?.background;
    return bg && bg !== '#ffffff' && bg !== BACKGROUND.get('problem') ? bg : null;
  });
}

function statusColours(rows: string[][], day: string): (string | null)[] {
  return rows.slice(1).map((r) => {
    const key = colourOfStatus(deadlineStatus(parseDeadline(r[2] ?? '', PLAN), { today: day, done: false, soonDays: 14 }));
    return key ? BACKGROUND.get(key)! : null;
  });
}

describe('colours of repeated deadlines, refreshed on Monday 25 September 2023', () => {
  const setUp = (): string => {
    let sheet: string;
    ({ h, sheet } = recognisedHarness('2023-09-25', TABLE));
    return sheet;
  };

  it('follow deadlineStatus() day by day while the kept occurrences last, the next occurrence included once one has passed', () => {
    const sheetName = setUp();
    const rows = texts(h.sheet(sheetName));
    expect(rows.slice(1).map((r) => r[2])).toEqual(TABLE.slice(2).map((r) => r[2]));
    // Monday, Tuesday after a Monday, the day after the 20th, days inside and after the day list and the week.
    for (const day of ['2023-09-25', '2023-09-26', '2023-10-01', '2023-10-03', '2023-10-10', '2023-10-17', '2023-10-21', '2023-10-23']) {
      h.setToday(day);
      expect(srokColours(h, sheetName), day).toEqual(statusColours(rows, day));
    }
    h.setToday('2023-10-03');
    const [weekly, monthly, list, week] = srokColours(h, sheetName);
    // Monday 2 October has passed; Monday 9 October is within 14 days: due soon, not overdue.
    expect(weekly).toBe(BACKGROUND.get('soon'));
    // 20 September has passed; 20 October is 17 days away: upcoming, no colour yet.
    expect(monthly).toBeNull();
    // 2 October passed, 9 and 16 October to come.
    expect(list).toBe(BACKGROUND.get('soon'));
    expect(week).toBe(BACKGROUND.get('overdue'));
  });

  it('past the kept occurrences a weekly row shows «идёт срок», never «просрочено», until its last Monday', () => {
    const sheetName = setUp();
    for (const day of ['2023-11-15', '2024-03-01', '2024-08-01']) {
      h.setToday(day);
      expect(srokColours(h, sheetName)[0], day).toBe(BACKGROUND.get('active'));
    }
    h.setToday('2024-09-10');
    expect(srokColours(h, sheetName)[0]).toBe(BACKGROUND.get('overdue'));
  });
});
