import { afterEach, describe, expect, it } from 'vitest';
import { checkAllSchools, distributeNext, getDistrictState, startDistributionEndpoint } from '../../../src/addon/district/actions';
import { DISTRICT_ONLY_MESSAGE } from '../../../src/addon/district/people';
import { onOpen } from '../../../src/addon/menu';
import { METODIST, SCHOOL1, createDistrict, fixture, type District } from './harness';

let d: District;
afterEach(() => d.dispose());

describe('district endpoints', () => {
  it('drive a distribution from the sidebar and refuse school editors', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    const state = d.run(() => getDistrictState());
    expect(state.role).toBe('district');
    expect(state.templates).toEqual([{ sheetId: d.templateId, name: 'Район' }]);
    expect(state.defaultTemplateId).toBe(d.templateId);
    expect(state.schools.map((s) => [s.sheetName, s.exists])).toEqual([['Школа 1', false], ['Школа 2', false], ['МБОУ «Калиновская ООШ»', false]]);

    expect(() => d.run(() => startDistributionEndpoint(-1))).toThrow(/Неверный запрос к серверу/);
    expect(() => d.run(() => distributeNext())).toThrow(/Нет незавершённой рассылки/);
    expect(() => d.run(() => startDistributionEndpoint(d.templateId), SCHOOL1)).toThrow(DISTRICT_ONLY_MESSAGE);
    expect(d.run(() => getDistrictState(), SCHOOL1).role).toBe('school');

    const done = d.run(() => startDistributionEndpoint(d.templateId), METODIST);
    expect(done.finished).toBe(true);
    expect(d.run(() => getDistrictState()).schools.every((s) => s.exists)).toBe(true);
    expect(d.run(() => checkAllSchools(), SCHOOL1).schools.map((s) => s.sheetName)).toEqual(['Школа 1']);
  });

  it('puts «Район» in the menu', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    d.runtime.run('NONE', () => onOpen());
    const menu = d.runtime.uiEvents.find((e) => e.type === 'menu');
    const district = menu && menu.type === 'menu' ? menu.items.find((i) => 'caption' in i && i.caption === 'Район') : undefined;
    expect(district && 'items' in district ? district.items.map((i) => ('caption' in i ? i.caption : '')) : []).toEqual(['Организации', 'Разослать школам', 'Свод', 'Проверить все школы', 'Календарные графики школ']);
  });
});
