// Single-row orders: named by the order the row asks for, addressed to a person in the right case,
// with a deadline that has its year, citing the approving order; quotes nest «„“».
import { describe, expect, it } from 'vitest';
import {
  buildRowOrder,
  deadlineWords,
  kindHeading,
  nestInner,
  offeredKinds,
  quote,
  responsiblePerson,
  rowOrderHeading,
  undeclinableName,
  type OrderRow,
} from '../../../src/core/order';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';
import { loadFixture } from './fixture-roadmaps';

const row = (over: Partial<OrderRow>): OrderRow => ({ number: '1.2.', isSection: false, activity: '', deadline: '', responsible: '', result: '', ...over });
const pointsOf = (doc: ReturnType<typeof buildRowOrder>) => {
  const p = doc.blocks.find((b) => b.kind === 'points');
  return p?.kind === 'points' ? p.items : [];
};
const basisOf = (doc: ReturnType<typeof buildRowOrder>) => {
  const p = doc.blocks.find((b) => b.kind === 'paragraph' && b.role === 'basis');
  return p?.kind === 'paragraph' ? p.text : '';
};

describe('the heading of a row\'s order', () => {
  it('is the quoted order when the activity prepares one (the issue\'s Derbent row 2.1), not «О подготовке приказа…»', () => {
    const derbent = loadFixture('derbent-2023').rows.find((r) => r.number === '2.1.')!;
    expect(rowOrderHeading(derbent)).toBe('О внедрении целевой модели наставничества в образовательном пространстве Дербентского района в формате «педагог-педагог»');
    expect(rowOrderHeading(row({ activity: 'Подготовка приказа «О назначении ответственных за ведение сайта»', result: '' }))).toBe('О назначении ответственных за ведение сайта');
  });

  it('is the order the result names, made more specific by the activity that continues it', () => {
    expect(rowOrderHeading(row({ activity: 'Назначение куратора внедрения целевой модели наставничества', result: 'Приказ о назначении куратора' }))).toBe(
      'О назначении куратора внедрения целевой модели наставничества',
    );
    expect(rowOrderHeading(row({ activity: 'Создание рабочей группы', result: 'Приказ ОО о создании рабочей группы по переходу на ФГОС' }))).toBe('О создании рабочей группы по переходу на ФГОС');
    expect(rowOrderHeading(row({ activity: 'Разное', result: 'Приказы о создании рабочей группы, о внедрении ЦМН' }))).toBe('О создании рабочей группы');
  });

  it('falls back to the activity', () => {
    expect(rowOrderHeading(row({ activity: 'Проведение мониторинга реализации программ наставничества', result: 'Приказ ОО' }))).toBe('О проведении мониторинга реализации программ наставничества');
  });
});

describe('quotes inside quotes', () => {
  it('nest as «…„…“…»', () => {
    expect(quote('Подготовка приказа «О внедрении модели в формате «педагог-педагог»»')).toBe('«Подготовка приказа „О внедрении модели в формате „педагог-педагог““»');
    expect(nestInner('МБОУ "СОШ № 1"')).toBe('МБОУ „СОШ № 1“');
  });

  it('never leave «…«…»…» in a point', () => {
    const derbent = loadFixture('derbent-2023').rows.find((r) => r.number === '2.1.')!;
    const doc = buildRowOrder(derbent, DERBENT_REQUISITES, { date: '2023-02-07', number: '5', dateStyle: 'long', plan: { title: 'План мероприятий (дорожная карта) по внедрению целевой модели наставничества', period: { start: '2023-01-01', end: '2023-12-31' } } });
    for (const p of pointsOf(doc)) expect(p).not.toMatch(/«[^»„“]*«/);
  });
});

describe('deadlines with their year', () => {
  const plan = { start: '2025-09-01', end: '2026-08-31' };
  it.each([
    ['до 01.02.2026', 'в срок до 1 февраля 2026 г.'],
    ['Январь', 'в срок до 31 января 2026 г.'],
    ['сентябрь', 'в срок до 30 сентября 2025 г.'],
    ['В течение года', 'в течение срока реализации плана'],
    ['По согласованию', 'в срок: по согласованию'],
  ])('%s → %s', (deadline, words) => {
    expect(deadlineWords(deadline, plan)).toBe(words);
  });
});

describe('the addressee', () => {
  it('comes from «Ответственные» with position and declined name', () => {
    expect(responsiblePerson('Заместитель директора по УВР Иванова М.П.')).toEqual({ position: 'Заместитель директора по УВР', name: 'Иванова М.П.' });
    expect(responsiblePerson('Куратор')).toEqual({ position: 'Куратор', name: '' });
    expect(responsiblePerson('Образовательные организации')).toBeNull();
    expect(responsiblePerson('Администрация школы, рабочая группа')).toBeNull();
  });

  it('is written in the dative in the point, with the approving order cited', () => {
    const item = row({ number: '3.1.', activity: 'Разработка положения о наставничестве', deadline: 'до 01.02.2026', responsible: 'Заместитель директора по УВР Сидорова Елена Викторовна', result: 'Приказ об утверждении положения о наставничестве' });
    const doc = buildRowOrder(item, { ...DERBENT_REQUISITES, shortName: 'МБОУ «Калиновская ООШ»' }, {
      date: '2026-01-12',
      number: '7-од',
      dateStyle: 'long',
      plan: { title: 'План мероприятий (дорожная карта) по внедрению целевой модели наставничества на 2025/2026 учебный год', period: { start: '2025-09-01', end: '2026-08-31' } },
      approvedBy: { date: '2025-09-01', number: '112-од' },
    });
    expect(doc.meta.heading).toBe('Об утверждении положения о наставничестве');
    const points = pointsOf(doc);
    expect(points[0]).toBe(
      'Утвердить Положение о наставничестве (приложение № 1) (пункт 3.1 плана мероприятий (дорожной карты) по внедрению целевой модели наставничества в МБОУ «Калиновская ООШ» на 2025/2026 учебный год, утверждённого приказом МБОУ «Калиновская ООШ» от 1 сентября 2025 г. № 112-од).',
    );
    expect(points[1]).toBe('Заместителю директора по УВР Сидоровой Е.В. ознакомить работников с Положением под подпись в срок до 1 февраля 2026 г.');
    expect(basisOf(doc)).toMatch(/^В соответствии с Федеральным законом от 29\.12\.2012 № 273-ФЗ .*№ Р-145 .*,$/);
  });

  it('typed in the form replaces «Ответственные»', () => {
    const item = row({ activity: 'Назначение куратора внедрения ЦМН', responsible: 'Администрация', result: 'Приказ о назначении куратора', deadline: 'до 15.09.2025' });
    const doc = buildRowOrder(item, DERBENT_REQUISITES, { date: '2025-09-01', number: '3', dateStyle: 'long', kind: 'appoint', addressee: { position: 'Учитель', name: 'Петров Иван Сергеевич' }, plan: { title: 'План по внедрению ЦМН', period: { start: '2025-01-01', end: '2025-12-31' } } });
    expect(pointsOf(doc)[0]).toMatch(/^Назначить учителя Петрова И\.С\. куратором внедрения ЦМН \(пункт 1\.2 плана по внедрению целевой модели наставничества /);
  });

  it('says when a name cannot be declined', () => {
    expect(undeclinableName({ position: '', name: 'Ким Н.Н.' })).toMatch(/Не удалось определить, как склонять «Ким Н\.Н\.»/);
    expect(undeclinableName({ position: '', name: 'Сидорова Елена Викторовна' })).toBeNull();
    expect(undeclinableName({ position: '', name: 'просто текст 123' })).toMatch(/не распознано/);
  });
});

describe('kinds of orders a roadmap calls for', () => {
  const item = row({ activity: 'Мониторинг эффективности программ наставничества', deadline: 'май 2026', responsible: 'Куратор', result: 'Справка' });
  it('offer mentorship pairs only for a mentorship plan', () => {
    expect(offeredKinds(true)).toContain('pairs');
    expect(offeredKinds(false)).not.toContain('pairs');
  });

  it.each([
    ['appoint', /^О назначении ответственного за выполнение мероприятия «/],
    ['workingGroup', /^О создании рабочей группы по выполнению мероприятия «/],
    ['pairs', /^О формировании наставнических пар \(групп\)$/],
    ['regulation', /^Об утверждении положения о /],
    ['monitoring', /^О проведении мониторинга выполнения мероприятия «/],
    ['reward', /^О поощрении работников$/],
  ] as const)('%s has its heading and typical points', (kind, heading) => {
    expect(kindHeading(kind, item)).toMatch(heading);
    const doc = buildRowOrder(item, DERBENT_REQUISITES, { date: '2026-04-01', number: '9', dateStyle: 'long', kind, plan: { title: 'План мероприятий по внедрению ЦМН', period: { start: '2025-09-01', end: '2026-08-31' } } });
    const points = pointsOf(doc);
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.join(' ')).toMatch(/31 мая 2026 г\./);
    expect(points[points.length - 1]).toMatch(/^Контроль за исполнением настоящего приказа/);
  });
});

describe('nothing about mentorship in a plan about something else', () => {
  it('a ГИА row order cites the ГИА procedure, never Р-145', () => {
    const item = row({ activity: 'Проведение пробного ОГЭ по математике', deadline: 'март 2025', responsible: 'Заместитель директора по УВР Иванова М.П.', result: 'Приказ о проведении пробного ОГЭ' });
    const doc = buildRowOrder(item, DERBENT_REQUISITES, { date: '2025-02-10', number: '14', dateStyle: 'long', plan: { title: 'План мероприятий (дорожная карта) по подготовке к ГИА-9 в 2025 году', period: { start: '2025-01-01', end: '2025-12-31' } } });
    const text = [doc.meta.heading, basisOf(doc), ...pointsOf(doc)].join('\n');
    expect(text).not.toMatch(/наставнич|Р-145/i);
    expect(basisOf(doc)).toContain('№ 232/551');
    expect(doc.meta.heading).toBe('О проведении пробного ОГЭ по математике');
  });
});
