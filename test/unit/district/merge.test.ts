import { describe, expect, it } from 'vitest';
import { blankForSchool, planMerge } from '../../../src/core/district';
import { recognizeRoadmap, type CanonicalItem } from '../../../src/core/roadmap';
import { FIXTURE_NAMES, loadRoadmap } from '../roadmap/fixtures';

const items = (name: (typeof FIXTURE_NAMES)[number]): CanonicalItem[] => recognizeRoadmap(loadRoadmap(name).cells).items;

/** The merged rows as the sheet will have them. */
function merged(template: CanonicalItem[], school: CanonicalItem[]): CanonicalItem[] {
  return planMerge(template, school).order.map((s) => (s.from === 'school' ? school[s.index]! : blankForSchool(template[s.index]!)));
}

describe('merge of a template into a school sheet', () => {
  it.each(FIXTURE_NAMES)('changes nothing when the school already has every row (%s)', (name) => {
    const template = items(name);
    const school = template.map((it, i) => ({ ...blankForSchool(it), status: i % 2 ? 'Выполнено' : 'В работе', mark: `отметка ${i}` }));
    const plan = planMerge(template, school);
    expect(plan.added).toEqual([]);
    expect(plan.schoolOnly).toEqual([]);
    expect(plan.differences).toEqual([]);
    expect(merged(template, school)).toEqual(school);
  });

  it('inserts new template rows after their predecessor and keeps what the school entered', () => {
    const full = items('kalinovskaya-2022-2024');
    const school = full.filter((_, i) => i !== 3 && i !== 4).map((it) => ({ ...blankForSchool(it), status: 'В работе', doneDate: '2023-02-01', mark: 'сделано' }));
    const plan = planMerge(full, school);
    expect(plan.added).toEqual([3, 4]);
    const out = merged(full, school);
    expect(out.map((r) => r.activity)).toEqual(full.map((r) => r.activity));
    expect(out[3]!.status).toBe(full[3]!.isSection ? '' : 'Не начато');
    expect(out.filter((r) => r.mark === 'сделано')).toHaveLength(school.length);
  });

  it('matches renumbered rows by their text, and keeps rows the school added', () => {
    const template: CanonicalItem[] = [
      { number: '1.', level: 1, isSection: true, activity: 'Организация', deadline: '', responsible: '', result: '', sourceRows: [0] },
      { number: '1.1.', level: 2, isSection: false, activity: 'Новый приказ', deadline: 'Январь 2023', responsible: 'Директор', result: 'Приказ', sourceRows: [1] },
      { number: '1.2.', level: 2, isSection: false, activity: 'Назначение куратора', deadline: 'Февраль 2023', responsible: 'Директор', result: 'Приказ', sourceRows: [2] },
    ];
    const school: CanonicalItem[] = [
      { ...template[0]!, status: '' },
      { ...template[2]!, number: '1.1', responsible: 'Иванова А.А.', status: 'Выполнено', doneDate: '2023-02-10' },
      { number: '1.5.', level: 2, isSection: false, activity: 'Своё мероприятие школы', deadline: 'Март 2023', responsible: '', result: '', status: 'В работе', sourceRows: [3] },
    ];
    const plan = planMerge(template, school);
    expect(plan.added).toEqual([1]);
    expect(plan.schoolOnly).toEqual([2]);
    expect(plan.differences).toEqual([{ schoolIndex: 1, templateIndex: 2, fields: ['number', 'responsible'] }]);
    const out = merged(template, school);
    expect(out.map((r) => [r.number, r.activity, r.status, r.responsible])).toEqual([
      ['1.', 'Организация', '', ''],
      ['1.1.', 'Новый приказ', 'Не начато', 'Директор'],
      ['1.1', 'Назначение куратора', 'Выполнено', 'Иванова А.А.'],
      ['1.5.', 'Своё мероприятие школы', 'В работе', ''],
    ]);
  });

  it('puts a new first row first and handles an empty school sheet', () => {
    const template = items('khabez-2021');
    expect(merged(template, []).map((r) => r.activity)).toEqual(template.map((r) => r.activity));
    const school = template.slice(1);
    expect(planMerge(template, school).order[0]).toEqual({ from: 'template', index: 0 });
  });
});
