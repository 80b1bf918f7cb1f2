import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../../src/core/a1';
import { ORG_COLUMNS, checkOrganisations, newOrgSheetRows, orgColumnsFrom, readOrganisations, requisitesOf } from '../../../src/core/org';
import { validateRequisites } from '../../../src/core/order/requisites';

const header = ORG_COLUMNS.map((c) => c.header);
const school = ['МБОУ «Калиновская ООШ»', 'МБОУ\n  «КАЛИНОВСКАЯ ООШ»\n\n', 'х. Калинов', 'Директор', 'Иванова Мария Петровна', 'Петрова А.С.', '8 (86350) 2-11-22', '{n}-од', 'Дорожная карта', 'a@school.ru, b@school.ru'];

describe('«Организации» sheet (core)', () => {
  it('a new sheet has the ten columns in order and an empty first organisation with the number format', () => {
    const [head, first] = newOrgSheetRows();
    expect(head).toEqual([
      'Краткое наименование', 'Полное наименование (как в шапке, можно в несколько строк)', 'Место издания', 'Должность руководителя',
      'ФИО руководителя', 'Исполнитель', 'Телефон исполнителя', 'Формат номера', 'Лист дорожной карты', 'Редакторы (e-mail через запятую)',
    ]);
    expect(first![7]).toBe('{n}');
  });

  it('reads organisations in sheet order, keeps header-block lines, splits editors, skips empty rows', () => {
    const orgs = readOrganisations([header, school, ['', '', ''], ['МБОУ СОШ № 2']]);
    expect(orgs.map((o) => o.row)).toEqual([2, 4]);
    expect(orgs[0]!.fullName).toBe('МБОУ\n«КАЛИНОВСКАЯ ООШ»');
    expect(orgs[0]!.editors).toEqual(['a@school.ru', 'b@school.ru']);
    expect(orgs[1]!.numberFormat).toBe('{n}');
    expect(validateRequisites(requisitesOf(orgs[0]!)).ok).toBe(true);
  });

  it('finds columns by their header text when people reorder or reword them', () => {
    const moved = ['ФИО руководителя', 'Краткое наименование организации', 'Должность'];
    const cols = orgColumnsFrom(moved);
    expect(cols.headName).toBe(0);
    expect(cols.shortName).toBe(1);
    expect(cols.headPosition).toBe(2);
    const orgs = readOrganisations([moved, ['Иванова Мария Петровна', 'МБОУ «Школа»', 'Директор']]);
    expect(orgs[0]).toMatchObject({ headName: 'Иванова Мария Петровна', shortName: 'МБОУ «Школа»', headPosition: 'Директор' });
  });

  it('problems name the sheet, row and column in Russian', () => {
    const bad = [...school];
    bad[4] = 'иванова'; // not a name
    bad[9] = 'не-почта';
    const { problems } = checkOrganisations([header, school, bad]);
    expect(problems.map((p) => p.row)).toEqual([3, 3]);
    expect(problems[0]!.message).toMatch(/^Лист «Организации», строка 3, столбец E «ФИО руководителя»: /);
    expect(problems[1]!.message).toBe('Лист «Организации», строка 3, столбец J «Редакторы»: «не-почта» не похоже на адрес электронной почты.');
  });

  it('an empty sheet asks for the first organisation', () => {
    expect(checkOrganisations([header]).problems[0]!.message).toMatch(/строка 2 пуста/);
  });

  it('column letters', () => {
    expect([1, 10, 26, 27, 28].map(columnLetter)).toEqual(['A', 'J', 'Z', 'AA', 'AB']);
  });
});
