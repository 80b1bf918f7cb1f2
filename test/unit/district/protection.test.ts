import { describe, expect, it } from 'vitest';
import { districtOnly, editorChanges, schoolProtection } from '../../../src/core/district';

const people = { districtEditors: ['metodist@example.org'], owner: 'rono@example.org', currentUser: 'Zam@Example.org' };

describe('protection plan', () => {
  it('gives a school sheet to the school and the district, helper columns included (the school and the district)', () => {
    const p = schoolProtection('Школа 1', ['School1@example.org', 'metodist@example.org'], people);
    expect(p.sheet.editors).toEqual(['school1@example.org', 'metodist@example.org', 'rono@example.org', 'zam@example.org']);
    expect(p.helpers).toEqual({ editors: p.sheet.editors, description: 'Дорожная карта: служебные столбцы (заполняются автоматически; пишут проверки школы и района)' });
    expect(p.sheet.description).toBe('Дорожная карта: лист школы «Школа 1» — редактируют школа и район');
    expect(districtOnly(people).editors).not.toContain('school1@example.org');
  });

  it('where the district chooses, gives the sheet to the district and only the progress columns to the school', () => {
    const p = schoolProtection('Школа 1', ['School1@example.org'], people, 'progress');
    expect(p.sheet.editors).toEqual(['metodist@example.org', 'rono@example.org', 'zam@example.org']);
    expect(p.open?.editors).toEqual(['school1@example.org', 'metodist@example.org', 'rono@example.org', 'zam@example.org']);
    expect(p.open?.description).toBe('Дорожная карта: статус, дата выполнения, отметка и служебные столбцы — заполняет школа «Школа 1»');
    expect(schoolProtection('Школа 1', [], people).open).toBeNull();
  });

  it('removes everyone else but never the owner or the current user', () => {
    const target = { editors: ['school1@example.org'], description: '' };
    expect(editorChanges(['rono@example.org', 'zam@example.org', 'school2@example.org', 'School1@example.org'], target, people)).toEqual({
      add: [], remove: ['school2@example.org'],
    });
    expect(editorChanges([], target, { owner: '', currentUser: '' })).toEqual({ add: ['school1@example.org'], remove: [] });
  });
});
