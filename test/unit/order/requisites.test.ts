import { describe, expect, it } from 'vitest';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';
import { organisationIn, organisationOf, requisiteGaps, validateRequisites, type Requisites } from '../../../src/core/order';

const derbent: Requisites = DERBENT_REQUISITES;

describe('validateRequisites', () => {
  it('accepts complete requisites and keeps the header block lines', () => {
    const r = validateRequisites(derbent);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.fullName.split('\n')).toHaveLength(3);
  });

  it('defaults the number format to {n} and trims values', () => {
    const r = validateRequisites({ ...derbent, numberFormat: undefined, shortName: '  МБОУ «Калиновская ООШ» ' });
    expect(r).toMatchObject({ ok: true, value: { numberFormat: '{n}', shortName: 'МБОУ «Калиновская ООШ»' } });
  });

  it('names every missing required field in Russian', () => {
    const r = validateRequisites({ fullName: ' ', shortName: '', headPosition: '', headName: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field).sort()).toEqual(['fullName', 'headName', 'headPosition', 'shortName']);
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
    expect(byField.fullName).toContain('«Полное наименование организации»');
    expect(byField.headPosition).toContain('«Должность руководителя»');
    expect(byField.headName).toContain('«ФИО руководителя»');
  });

  it('explains a head name that is neither «Фамилия Имя Отчество» nor «И.О. Фамилия»', () => {
    const r = validateRequisites({ ...derbent, headName: 'саида' });
    expect(r).toMatchObject({ ok: false, problems: [{ field: 'headName' }] });
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/Фамилия Имя Отчество.*И\.О\. Фамилия/);
    expect(validateRequisites({ ...derbent, headName: 'С.А. Гаджибекова' }).ok).toBe(true);
    expect(validateRequisites({ ...derbent, headName: 'Гаджибекова С.А.' }).ok).toBe(true);
  });

  it('checks the phone and the number format', () => {
    const r = validateRequisites({ ...derbent, executorPhone: 'звонить секретарю', numberFormat: 'од' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
    expect(byField.executorPhone).toContain('«Телефон исполнителя»');
    expect(byField.numberFormat).toContain('{n}');
  });

  it('says that something which is not an object is not filled in, and names a field of the wrong type', () => {
    expect(validateRequisites(null)).toMatchObject({ ok: false, problems: [{ message: 'Реквизиты организации не заполнены.' }] });
    const r = validateRequisites({ ...derbent, headPosition: 42 });
    expect(r).toMatchObject({ ok: false, problems: [{ field: 'headPosition', message: 'Поле «Должность руководителя» должно быть текстом.' }] });
  });
});

describe('requisiteGaps: what a missing requisite blocks', () => {
  it('blocks the order without the header, the short name or the signatory; warns about the optional ones', () => {
    const gaps = requisiteGaps({ fullName: 'X', shortName: '', headPosition: 'Директор', headName: 'И.И. Иванов' });
    expect(gaps.filter((g) => g.blocksOrder).map((g) => g.field)).toEqual(['shortName']);
    expect(gaps.filter((g) => !g.blocksOrder).map((g) => g.field)).toEqual(['place', 'executorName', 'executorPhone']);
    expect(gaps.find((g) => g.field === 'shortName')!.message).toContain('Приказ не будет создан');
    expect(gaps.find((g) => g.field === 'executorName')!.message).toBe('Не заполнено поле «ФИО исполнителя»: в приказе не будет отметки об исполнителе.');
  });

  it('finds nothing missing in complete requisites', () => {
    expect(requisiteGaps(derbent)).toEqual([]);
  });
});

describe('organisationIn: the organisation after «в»', () => {
  it('keeps names that start with an abbreviation and declines a leading noun phrase', () => {
    expect(organisationIn({ shortName: 'МБОУ «Калиновская ООШ»' })).toBe('МБОУ «Калиновская ООШ»');
    expect(organisationIn({ shortName: 'Управление образования администрации Хабезского муниципального района' })).toBe(
      'Управлении образования администрации Хабезского муниципального района',
    );
    expect(organisationIn({ shortName: 'Муниципальное бюджетное общеобразовательное учреждение «СОШ № 1»' })).toBe(
      'Муниципальном бюджетном общеобразовательном учреждении «СОШ № 1»',
    );
  });

  it('prefers the form typed by the user', () => {
    expect(organisationIn({ shortName: 'Отдел образования', shortNameIn: 'в отделе образования' })).toBe('отделе образования');
  });
});

describe('organisationOf: the organisation after «приказом», «к приказу»', () => {
  it.each([
    ['МБОУ «Калиновская ООШ»', 'МБОУ «Калиновская ООШ»'],
    ['Отдел образования администрации Хабезского муниципального района', 'Отдела образования администрации Хабезского муниципального района'],
    ['Управление образования', 'Управления образования'],
    ['Муниципальное бюджетное общеобразовательное учреждение «СОШ № 1»', 'Муниципального бюджетного общеобразовательного учреждения «СОШ № 1»'],
    ['Районная методическая служба', 'Районной методической службы'],
  ])('%s → %s', (shortName, genitive) => {
    expect(organisationOf({ shortName })).toBe(genitive);
  });
});
