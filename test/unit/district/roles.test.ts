import { describe, expect, it } from 'vitest';
import { callerOf, checkDistrictRegistry, mayWriteSheet, sheetRefusal, NO_EMAIL_MESSAGE } from '../../../src/core/district';
import { readOrganisations, ORG_COLUMNS } from '../../../src/core/org';

/** A registry as typed: [short name, sheet, editors], the district first. */
function registry(rows: [string, string, string][]) {
  const header = ORG_COLUMNS.map((c) => c.header);
  const at = (field: string) => ORG_COLUMNS.findIndex((c) => c.field === field);
  const values = [header, ...rows.map(([short, sheet, editors]) => {
    const row = header.map(() => '');
    row[at('shortName')] = short;
    row[at('roadmapSheet')] = sheet;
    row[at('editors')] = editors;
    return row;
  })];
  return checkDistrictRegistry(readOrganisations(values), header);
}

const DISTRICT = registry([
  ['Управление образования', 'Район', 'metodist@example.org'],
  ['МБОУ «СОШ № 1»', 'Школа 1', 'school1@example.org, shared@example.org'],
  ['МБОУ «СОШ № 2»', 'Школа 2', 'school2@example.org, shared@example.org'],
]);

describe('callerOf: who acts for whom', () => {
  it('the owner and the listed district editors act for the district; e-mails compare without case', () => {
    expect(callerOf('rono@example.org', 'rono@example.org', DISTRICT).district).toBe(true);
    expect(callerOf('Metodist@Example.org', 'rono@example.org', DISTRICT)).toMatchObject({ district: true, schoolSheets: [] });
  });

  it("a school's editor acts for its school(s) only", () => {
    expect(callerOf('school1@example.org', 'rono@example.org', DISTRICT)).toMatchObject({ district: false, schoolSheets: ['Школа 1'] });
    expect(callerOf('shared@example.org', 'rono@example.org', DISTRICT).schoolSheets).toEqual(['Школа 1', 'Школа 2']);
  });

  it('an unknown e-mail gets the least privilege, never the owner\'s (issue 14)', () => {
    const anonymous = callerOf('', 'rono@example.org', DISTRICT);
    expect(anonymous).toMatchObject({ district: false, schoolSheets: [], districtMode: true });
    expect(mayWriteSheet(anonymous, 'Школа 1')).toBe(false);
    expect(sheetRefusal(anonymous, 'Школа 1', DISTRICT)).toBe(NO_EMAIL_MESSAGE);
    // even where nobody is listed for the district and the owner is unknown
    const open = registry([['Управление', 'Район', ''], ['Школа', 'Школа 1', 'school1@example.org']]);
    expect(callerOf('', '', open).district).toBe(false);
    expect(callerOf('someone@example.org', '', open).district).toBe(true);
    expect(callerOf('someone@example.org', 'rono@example.org', open).district).toBe(false);
  });

  it('an editor in no registry row may change nothing', () => {
    const stranger = callerOf('stranger@example.org', 'rono@example.org', DISTRICT);
    expect(stranger).toMatchObject({ district: false, schoolSheets: [] });
    expect(['Район', 'Школа 1', 'Организации'].some((s) => mayWriteSheet(stranger, s))).toBe(false);
    expect(sheetRefusal(stranger, 'Район', DISTRICT)).toBe('Лист «Район» принадлежит району: изменять его могут только сотрудники района. Вашего адреса stranger@example.org нет на листе «Организации» ни у района, ни у школ.');
  });

  it('a school row with a mistake keeps district mode on: nobody gets every right by it', () => {
    const broken = registry([['Управление', 'Район', 'metodist@example.org'], ['Школа', 'Школа 1', 'не адрес']]);
    expect(broken.schools).toEqual([]);
    expect(callerOf('school1@example.org', 'rono@example.org', broken, 1)).toMatchObject({ district: false, districtMode: true });
  });

  it('without schools in the registry there is one organisation and every editor acts for it', () => {
    const single = registry([['МБОУ «СОШ № 1»', 'Дорожная карта', '']]);
    expect(callerOf('', '', single)).toMatchObject({ district: true, districtMode: false });
    expect(callerOf('anyone@example.org', '', null)).toMatchObject({ district: true, districtMode: false });
  });
});
