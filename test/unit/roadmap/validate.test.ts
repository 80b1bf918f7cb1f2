import { describe, expect, it } from 'vitest';
import { recognizeRoadmap, validateRoadmap, type Problem, type RecognizedItem } from '../../../src/core';
import { loadRealCorpus } from './corpus';
import { FIXTURE_NAMES, loadRoadmap } from './fixtures';

const planOf = (name: (typeof FIXTURE_NAMES)[number]) => {
  const f = loadRoadmap(name);
  return { f, r: recognizeRoadmap(f.cells), plan: { planStart: f.plan[0], planEnd: f.plan[1] } };
};
const codes = (ps: Problem[]) => ps.map((p) => `${p.item}:${p.code}`);

describe('validateRoadmap on the fixtures', () => {
  it('Derbent: no errors; warnings for the deadline that starts in 2022, the footnote digits «1», and the result that starts with «-»', () => {
    const { r, plan } = planOf('derbent-2023');
    const ps = validateRoadmap(r.items, plan, '2023-06-01');
    expect(ps.filter((p) => p.severity === 'error')).toEqual([]);
    const at = (n: string) => r.items.findIndex((i) => i.number === n);
    expect(codes(ps).sort()).toEqual(
      [`${at('1.1.')}:deadline-outside-plan`, `${at('3.1.')}:deadline-warning`, `${at('8.1.')}:deadline-warning`, `${at('6.1.')}:formula-like`].sort(),
    );
    const p11 = ps.find((p) => p.item === at('1.1.'));
    expect(p11?.message).toBe(
      'Строка 24, столбец «Срок»: срок «Сентябрь 2022-январь 2023 г» частично выходит за период плана (01.01.2023–31.12.2023).',
    );
    expect(ps.find((p) => p.code === 'formula-like')?.field).toBe('result');
  });

  it('Калиновская: the December 2021 preparation items lie before the 2022–2024 plan', () => {
    const { r, plan } = planOf('kalinovskaya-2022-2024');
    const ps = validateRoadmap(r.items, plan);
    const outside = ps.filter((p) => p.code === 'deadline-outside-plan');
    expect(outside.map((p) => r.items[p.item]?.number)).toEqual(['1.1.', '1.2.', '1.3.', '1.4.', '1.5', '1.6', '1.7']);
    expect(outside.every((p) => p.severity === 'error' && p.field === 'deadline')).toBe(true);
    expect(ps).toHaveLength(outside.length);
  });

  it('Хабез: «В т. ч. года» is a deadline that is not understood, named with its row', () => {
    const { r, plan } = planOf('khabez-2021');
    const ps = validateRoadmap(r.items, plan);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ code: 'deadline-unrecognized', field: 'deadline', severity: 'error' });
    expect(ps[0]?.message).toMatch(/^Строка 20, столбец «Срок»: срок не распознан: «В т\. ч\. года»/);
  });

  it('firstRow shifts the row numbers to where the cells were read from', () => {
    const { r, plan } = planOf('khabez-2021');
    expect(validateRoadmap(r.items, plan, undefined, { firstRow: 3 })[0]?.message).toMatch(/^Строка 22,/);
  });
});

const plan = { planStart: '2024-01-01', planEnd: '2024-12-31' };
let row = 0;
const item = (number: string, over: Partial<RecognizedItem & { status: string; doneDate: string }> = {}) => ({
  number,
  level: number.split('.').filter(Boolean).length || 1,
  isSection: false,
  activity: 'Семинар для наставников',
  deadline: 'Март 2024',
  responsible: 'Куратор',
  result: 'Протокол',
  sourceRows: [row++],
  ...over,
});
const section = (number: string) => item(number, { isSection: true, deadline: '', responsible: '', activity: 'Раздел' });

describe('validateRoadmap on crafted rows', () => {
  it('a clean roadmap has no problems', () => {
    expect(validateRoadmap([section('1.'), item('1.1.'), item('1.2.'), section('2.'), item('2.1.')], plan)).toEqual([]);
  });

  it('missing activity, deadline and responsible (sections need only a title)', () => {
    const items = [section('1.'), item('1.1.', { activity: '', deadline: '', responsible: ' ' }), { ...section('2.'), activity: '' }];
    const ps = validateRoadmap(items, plan);
    expect(codes(ps)).toEqual(['1:activity-missing', '1:responsible-missing', '1:deadline-missing', '2:activity-missing']);
    expect(ps[0]?.message).toBe(`Строка ${items[1]!.sourceRows[0]! + 1}, столбец «Мероприятие»: не указано мероприятие.`);
    expect(ps[3]?.message).toMatch(/не указано название раздела/);
  });

  it('deadline not understood, and outside the plan', () => {
    const ps = validateRoadmap([section('1.'), item('1.1.', { deadline: 'мартобря' }), item('1.2.', { deadline: 'Май 2020' })], plan);
    expect(codes(ps)).toEqual(['1:deadline-unrecognized', '2:deadline-outside-plan']);
    expect(ps[0]?.message).toContain('«мартобря»');
    expect(ps[1]?.message).toContain('01.01.2024–31.12.2024');
  });

  it('broken, duplicate, out-of-order numbering and items without their section', () => {
    const items = [section('1.'), item('1.1.'), item('1.1.'), item('1.3.'), item('1.2.'), item('3.1.'), item('1.а'), item('')];
    expect(codes(validateRoadmap(items, plan))).toEqual([
      '2:number-duplicate',
      '3:number-gap',
      '4:number-order',
      '5:section-missing',
      '6:number-invalid',
      '7:number-missing',
    ]);
  });

  it('numbering that restarts inside Roman sections (КБР, ГИА-11) and letters «а)» are not numbering problems', () => {
    const kbr = loadRealCorpus().find((r) => r.slug === 'garant-kbr-gia11-2014');
    const items = recognizeRoadmap(kbr?.cells ?? []).items;
    expect(codes(validateRoadmap(items, plan)).filter((c) => /number|section-missing/.test(c))).toEqual([]);
    const soa = loadRealCorpus().find((r) => r.slug === 'garant-soa-gia-2023');
    expect(codes(validateRoadmap(recognizeRoadmap(soa?.cells ?? []).items, plan)).filter((c) => /number|section-missing/.test(c))).toEqual([]);
    expect(codes(validateRoadmap([item('1.'), item('а)'), item('б)'), item('2.')], plan))).toEqual([]);
    // A Roman number repeated is still a duplicate.
    expect(codes(validateRoadmap([section('I.'), item('1'), section('I.'), item('1')], plan))).toEqual(['2:number-duplicate']);
  });

  it('status and completion date rules', () => {
    const items = [
      item('1', { status: 'Выполнено' }),
      item('2', { status: 'выполнено', doneDate: '01.03.2024' }),
      item('3', { status: 'В работе', doneDate: '2024-03-01' }),
      item('4', { status: 'Выполнено', doneDate: '2024-07-01' }),
      item('5', { status: 'Сделано' }),
      item('6', { status: 'Выполнено', doneDate: '31.02.2024' }),
    ];
    const ps = validateRoadmap(items, plan, '2024-06-01');
    expect(codes(ps)).toEqual(['0:done-without-date', '2:date-without-done', '3:done-date-future', '4:status-unknown', '5:done-date-invalid']);
    expect(ps.find((p) => p.code === 'done-date-future')?.message).toMatch(/столбец «Дата выполнения»: дата выполнения 01\.07\.2024 ещё не наступила/);
    // Without today, a future date cannot be judged.
    expect(codes(validateRoadmap(items, plan))).not.toContain('3:done-date-future');
  });

  it('text that would be read as a formula, in any column', () => {
    const ps = validateRoadmap([item('1', { responsible: '=IMPORTXML("http://x")', result: '+7 999' })], plan);
    expect(ps.map((p) => [p.code, p.field])).toEqual([
      ['formula-like', 'responsible'],
      ['formula-like', 'result'],
    ]);
    expect(ps[0]?.message).toMatch(/столбец «Ответственные»: текст начинается со знака «=»/);
  });

  it('uses the user’s own column titles when given', () => {
    const ps = validateRoadmap([item('1', { deadline: '' })], plan, undefined, { columnTitles: { deadline: 'Сроки' } });
    expect(ps[0]?.message).toMatch(/столбец «Сроки»/);
  });
});

describe('validateRoadmap without a usable plan period', () => {
  it('still reports deadlines that are not understood when today is known, and nothing as outside the plan', () => {
    const items = [item('1', { deadline: 'мартобря' }), item('2', { deadline: 'Май 2020' })];
    const noPlan = { planStart: '', planEnd: '' };
    expect(codes(validateRoadmap(items, noPlan, '2024-02-01'))).toEqual(['0:deadline-unrecognized']);
    expect(codes(validateRoadmap(items, noPlan))).toEqual([]);
  });
});
