// Each class of real-document deadline writing, on real cells: from test/fixtures/deadlines-real.json
// (source addresses there) and the cells quoted in issue 11, harvested from public plans.
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../src/core/deadline';
import type { Deadline, PlanContext } from '../../../src/core/types';

const SCHOOL_YEAR: PlanContext = { planStart: '2022-09-01', planEnd: '2023-08-31' };
const YEAR_2023: PlanContext = { planStart: '2023-01-01', planEnd: '2023-12-31' };

const spans = (d: Deadline): string[] => d.periods.map((p) => (p.start === p.end ? p.start : `${p.start}..${p.end}`));
const read = (text: string, plan: PlanContext = SCHOOL_YEAR): { kind: string; spans: string[] } => {
  const d = parseDeadline(text, plan);
  return { kind: d.kind, spans: spans(d) };
};

describe('a line break inside a phrase is a space', () => {
  it.each([
    ['до\n05.10.2022', 'by', ['2022-09-01..2022-10-05']],
    ['25 августа\n2022 года', 'date', ['2022-08-25']],
    ['01 – 15\nмая\n2023 г.', 'period', ['2023-05-01..2023-05-15']],
    ['Август\n2022\nгода, август 2023\nгода', 'recurring', ['2022-08-01..2022-08-31', '2023-08-01..2023-08-31']],
    ['10-13\nоктября', 'period', ['2022-10-10..2022-10-13']],
    ['Июнь - август\n2010 г.', 'period', ['2010-06-01..2010-08-31']],
  ])('%j', (text, kind, expected) => {
    expect(read(text)).toEqual({ kind, spans: expected });
  });

  it('a line break still separates list entries that are whole dates', () => {
    expect(read('апрель 2021г.\n\nмай 2021г.\n\nиюнь 2021г.', { planStart: '2020-09-01', planEnd: '2021-08-31' }).spans)
      .toEqual(['2021-04-01..2021-04-30', '2021-05-01..2021-05-31', '2021-06-01..2021-06-30']);
  });
});

describe('text around the date is set aside, the date kept', () => {
  it.each([
    ['17.03.23-21.03.23 14.00', ['14:00'], 'period', ['2023-03-17..2023-03-21']],
    ['14 октября 2022 14:30 ч.', ['14:30'], 'date', ['2022-10-14']],
    ['12.10.2022 в 15 час.', ['15:00'], 'date', ['2022-10-12']],
  ])('a time: %j', (text, times, kind, expected) => {
    const d = parseDeadline(text, SCHOOL_YEAR);
    expect({ kind: d.kind, spans: spans(d), times: d.times }).toEqual({ kind, spans: expected, times });
    expect(d.warnings).toEqual([]);
  });

  it.each([
    ['1 сентября (вт.) —\n27 октября (вт.)', { planStart: '2020-09-01', planEnd: '2021-08-31' }, ['2020-09-01..2020-10-27']],
    ['Среда 14.02.24', { planStart: '2023-09-01', planEnd: '2024-08-31' }, ['2024-02-14']],
    ['Сентябрь 2022 (9 дней)', SCHOOL_YEAR, ['2022-09-01..2022-09-30']],
    ['сентябрь – октябрь 2022 (8 учебных недель, 1 день)', SCHOOL_YEAR, ['2022-09-01..2022-10-31']],
    ['10 ноября 2020* года', { planStart: '2020-01-01', planEnd: '2020-12-31' }, ['2020-11-10']],
  ])('a weekday, a bracketed note, a footnote mark: %j', (text, plan, expected) => {
    const d = parseDeadline(text, plan);
    expect(spans(d)).toEqual(expected);
    expect(d.warnings).toEqual([]);
  });

  it('keeps the notes it set aside, for the check to show', () => {
    expect(parseDeadline('Сентябрь 2022 (9 дней)', SCHOOL_YEAR).notes).toEqual(['(9 дней)']);
  });
});

describe('day ranges and day lists', () => {
  it.each([
    ['с 4 по 12 сентября', 'period', ['2022-09-04..2022-09-12']],
    ['18-26.03.2023', 'period', ['2023-03-18..2023-03-26']],
    ['01.- 08.05.23г.', 'period', ['2023-05-01..2023-05-08']],
    ['1–15 мая 2023 г.', 'period', ['2023-05-01..2023-05-15']],
    ['24, 25 сентября', 'recurring', ['2022-09-24', '2022-09-25']],
    ['2, 9, 16 октября', 'recurring', ['2022-10-02', '2022-10-09', '2022-10-16']],
    ['18, 19 сентября; 2, 3 октября', 'recurring', ['2022-09-18', '2022-09-19', '2022-10-02', '2022-10-03']],
    ['17.03.23; 19.03.23', 'recurring', ['2023-03-17', '2023-03-19']],
  ])('%j', (text, kind, expected) => {
    expect(read(text)).toEqual({ kind, spans: expected });
  });

  it('a day list across months on one line (school calendar)', () => {
    expect(read('03.10\n\n10.10', { planStart: '2018-10-01', planEnd: '2018-10-31' })).toEqual({ kind: 'recurring', spans: ['2018-10-03', '2018-10-10'] });
  });
});

describe('weeks: Monday–Sunday, the first holding the 1st, cut to the month', () => {
  it.each([
    // September 2022 begins on a Thursday: week 1 is 1–4 September, week 4 is 19–25.
    ['4 неделя сентября', 'period', ['2022-09-19..2022-09-25']],
    ['3,4 неделя января', 'recurring', ['2023-01-09..2023-01-15', '2023-01-16..2023-01-22']],
    ['последняя неделя декабря', 'period', ['2022-12-26..2022-12-31']],
  ])('%j', (text, kind, expected) => {
    expect(read(text)).toEqual({ kind, spans: expected });
  });

  it('«первая неделя месяца» is the first week of every month of the plan', () => {
    const d = parseDeadline('первая неделя месяца', YEAR_2023);
    expect(d.kind).toBe('recurring');
    expect(d.periods).toHaveLength(12);
    // January 2023 begins on a Sunday: its first week is that one day.
    expect(spans(d).slice(0, 3)).toEqual(['2023-01-01', '2023-02-01..2023-02-05', '2023-03-01..2023-03-05']);
  });

  it('a week a month does not have is not guessed', () => {
    expect(parseDeadline('7 неделя сентября', SCHOOL_YEAR).kind).toBe('unrecognized');
  });
});

describe('repeats produce their occurrences within the plan', () => {
  it('«ежемесячно 20 числа»: the 20th of every month', () => {
    const d = parseDeadline('ежемесячно 20 числа', YEAR_2023);
    expect(d.kind).toBe('recurring');
    expect(spans(d)).toEqual(Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}-20`));
    expect(d.repeat).toEqual({ every: 'month', day: 20 });
  });

  it('«до 25 числа каждого месяца» (ГИА plan, 2014): by the 25th of each month', () => {
    const d = parseDeadline('до 25 числа каждого месяца', { planStart: '2014-01-01', planEnd: '2014-12-31' });
    expect(d.periods).toHaveLength(12);
    expect(d.periods[0]).toEqual({ start: '2014-01-01', end: '2014-01-25' });
    expect(d.periods[11]).toEqual({ start: '2014-12-01', end: '2014-12-25' });
  });

  it('«ежеквартально до 5 числа месяца, следующего за отчётным»: the 5th of January, April, July, October', () => {
    expect(spans(parseDeadline('ежеквартально до 5 числа месяца, следующего за отчётным', YEAR_2023)))
      .toEqual(['2023-01-01..2023-01-05', '2023-04-01..2023-04-05', '2023-07-01..2023-07-05', '2023-10-01..2023-10-05']);
  });

  it('«март, июнь, сентябрь, декабрь 20 числа»: the 20th of the months listed', () => {
    expect(read('март, июнь, сентябрь, декабрь 20 числа', YEAR_2023)).toEqual({
      kind: 'recurring', spans: ['2023-03-20', '2023-06-20', '2023-09-20', '2023-12-20'],
    });
  });

  it.each([
    ['Каждый\nпонедельник', 1],
    ['еженедельно по средам', 3],
  ])('%j: every such weekday of the plan', (text, weekday) => {
    const d = parseDeadline(text, { planStart: '2023-09-01', planEnd: '2024-08-31' });
    expect(d.kind).toBe('recurring');
    expect(d.periods).toHaveLength(52);
    for (const p of d.periods) expect(new Date(`${p.start}T00:00:00Z`).getUTCDay()).toBe(weekday % 7);
    expect(d.repeat).toEqual({ every: 'week', weekdays: [weekday] });
  });

  it('«1 раз в четверть»: each school quarter', () => {
    expect(read('1 раз в четверть')).toEqual({
      kind: 'recurring', spans: ['2022-09-01..2022-10-31', '2022-11-01..2022-12-31', '2023-01-01..2023-03-31', '2023-04-01..2023-05-31'],
    });
  });

  it('«2 раза в год (декабрь, май)»: the listed months the plan holds', () => {
    expect(read('2 раза в год (декабрь, май)')).toEqual({ kind: 'recurring', spans: ['2022-12-01..2022-12-31', '2023-05-01..2023-05-31'] });
  });

  it.each(['20 числа', 'до 20 числа', '1 неделя'])('%j names no month and no repeat: not guessed', (text) => {
    const d = parseDeadline(text, YEAR_2023);
    expect(d.kind).toBe('unrecognized');
    expect(d.warnings[0]).toMatch(/^Не указан месяц для «/);
  });

  it('«вторая среда марта (13.03.24)»: the n-th weekday agrees with the date written beside it', () => {
    expect(read('вторая среда марта (13.03.24)', { planStart: '2023-09-01', planEnd: '2024-08-31' })).toEqual({ kind: 'date', spans: ['2024-03-13'] });
  });
});

describe('references to another schedule are external', () => {
  it.each(['по плану', 'по особому плану', 'согласно графику', 'по отдельному графику', 'в установленные сроки',
    'согласно распоряжению Минпросвещения от 12.05.2022 № 671-р', 'по мере поступления', 'по запросу', 'по графику ФЦТ'])('%j', (text) => {
    expect(read(text)).toEqual({ kind: 'external', spans: [] });
  });
});

describe('the date of a document is not a deadline', () => {
  it.each([
    ['Приказ от 01.09.2022', 'unrecognized'],
    ['согласно распоряжению от 12.05.2022 № 671-р', 'external'],
  ])('%j', (text, kind) => {
    expect(read(text)).toEqual({ kind, spans: [] });
  });

  it('a document number does not swallow the day after it: «МБОУ Жуковская СОШ №22 – 9 февраля 2022 года»', () => {
    expect(read('МБОУ Жуковская СОШ №22 – 9 февраля 2022 года', { planStart: '2022-01-01', planEnd: '2022-12-31' })).toEqual({ kind: 'date', spans: ['2022-02-09'] });
  });
});

describe('spans of years', () => {
  it.each([
    ['2022–2024 гг.', ['2022-01-01..2024-12-31']],
    ['2009 2011\nгоды', ['2009-01-01..2011-12-31']],
    ['2023-2025 годы', ['2023-01-01..2025-12-31']],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual({ kind: 'period', spans: expected });
  });
});

describe('templates and impossible ranges are not guessed', () => {
  it.each([
    ['20__ г.', 'Срок «20__ г.» не заполнен: вместо даты оставлены пропуски «__» из шаблона.'],
    ['__.__.20__', 'Срок «__.__.20__» не заполнен: вместо даты оставлены пропуски «__» из шаблона.'],
    ['не позднее ____', 'Срок «не позднее ____» не заполнен: вместо даты оставлены пропуски «__» из шаблона.'],
    ['X - 1 года', 'Срок «X - 1 года» записан через условное обозначение «X»: укажите настоящую дату.'],
    ['07.11.2022 – 30.12.2021', 'Конец периода раньше его начала: «30.12.2021» раньше «07.11.2022»; проверьте годы.'],
    ['с 01.06.2022 г. по 31.08.2021г.', 'Конец периода раньше его начала: «31.08.2021» раньше «01.06.2022»; проверьте годы.'],
  ])('%j', (text, warning) => {
    expect(parseDeadline(text, SCHOOL_YEAR)).toEqual({ kind: 'unrecognized', periods: [], warnings: [warning] });
  });
});

describe('look-alike Latin letters and missing spaces', () => {
  it('«aпреля» with a Latin a is April, with a warning and the corrected text as a fix', () => {
    const d = parseDeadline('aпреля 2023', SCHOOL_YEAR);
    expect(spans(d)).toEqual(['2023-04-01..2023-04-30']);
    expect(d.warnings).toEqual(['В слове «aпреля» есть латинские буквы вместо русских; слово прочитано как «апреля».']);
    expect(d.fix).toBe('апреля 2023');
  });

  it.each([
    ['декабрь2021г', { planStart: '2022-01-01', planEnd: '2024-12-31' }, ['2021-12-01..2021-12-31']],
    ['ежемесячно20 числа', { planStart: '2023-01-01', planEnd: '2023-03-31' }, ['2023-01-20', '2023-02-20', '2023-03-20']],
  ])('%j', (text, plan, expected) => {
    expect(spans(parseDeadline(text, plan))).toEqual(expected);
  });
});

describe('«Сентябрь-март 2020 года» read by the plan period', () => {
  it('a plan for 2020/2021: the school year that starts in 2020', () => {
    expect(parseDeadline('Сентябрь-март 2020 года', { planStart: '2020-09-01', planEnd: '2021-08-31' }))
      .toEqual({ kind: 'period', periods: [{ start: '2020-09-01', end: '2021-03-31' }], warnings: [] });
  });

  it('a plan for 2019/2020: the school year that ends in 2020', () => {
    expect(parseDeadline('Сентябрь-март 2020 года', { planStart: '2019-09-01', planEnd: '2020-08-31' }))
      .toEqual({ kind: 'period', periods: [{ start: '2019-09-01', end: '2020-03-31' }], warnings: [] });
  });

  it('a plan that holds neither reading: the one it overlaps more, with a warning naming both', () => {
    // A plan for calendar 2020 holds four months of September 2020 – March 2021 and three of the other.
    const d = parseDeadline('Сентябрь-март 2020 года', { planStart: '2020-01-01', planEnd: '2020-12-31' });
    expect(d.periods).toEqual([{ start: '2020-09-01', end: '2021-03-31' }]);
    expect(d.warnings).toEqual([
      'Срок «сентябрь – март 2020» можно прочитать двояко: принят период «сентябрь 2020 – март 2021»; если имелся в виду «сентябрь 2019 – март 2020», укажите оба года.',
    ]);
  });
});

describe('evident typos come with the corrected text', () => {
  it.each([
    ['иголь 2023', 'июль 2023'],
    ['01.13.2023', '13.01.2023'],
  ])('%j → %j', (text, fix) => {
    expect(parseDeadline(text, YEAR_2023).fix).toBe(fix);
  });

  it('a correct deadline offers no fix', () => {
    expect(parseDeadline('13.01.2023', YEAR_2023).fix).toBeUndefined();
  });
});
