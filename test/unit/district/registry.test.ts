import { describe, expect, it } from 'vitest';
import { checkDistrictRegistry, sheetNameProblem, sheetProblems } from '../../../src/core/district';
import { sheetNameFor } from '../../../src/core/org';
import { newOrgSheetRows, readOrganisations } from '../../../src/core/org';

const HEADER = newOrgSheetRows()[0]!;

/** A registry as the official types it: [short name, sheet, editors] per row, the district first. */
function registry(rows: [string, string, string][]) {
  const at = (h: RegExp) => HEADER.findIndex((x) => h.test(x));
  const values = [HEADER, ...rows.map(([short, sheet, editors]) => {
    const row = HEADER.map(() => '');
    row[at(/^Краткое/)] = short;
    row[at(/^Лист/)] = sheet;
    row[at(/^Редакторы/)] = editors;
    return row;
  })];
  return checkDistrictRegistry(readOrganisations(values), HEADER);
}

describe('district registry', () => {
  it('takes the first row as the district and names each school sheet', () => {
    const r = registry([
      ['Управление образования', 'Дорожная карта района', 'rono@example.org, Metodist@Example.org'],
      ['МБОУ «СОШ № 1»', '', 'sch1@example.org'],
      ['МБОУ «Калиновская ООШ»', 'Калиновская', 'kalin@example.org; zam@example.org'],
    ]);
    expect(r.district).toEqual({ row: 2, shortName: 'Управление образования', sheetName: 'Дорожная карта района', editors: ['rono@example.org', 'metodist@example.org'] });
    expect(r.schools.map((s) => [s.row, s.sheetName, s.derivedSheetName, s.editors])).toEqual([
      [3, 'МБОУ «СОШ № 1»', true, ['sch1@example.org']],
      [4, 'Калиновская', false, ['kalin@example.org', 'zam@example.org']],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('skips a school with a bad e-mail, a bad or taken sheet name, and says where', () => {
    const r = registry([
      ['Управление образования', 'Район', 'rono@example.org'],
      ['Школа 1', 'Школа 1', 'sch1@example'],
      ['Школа 2', 'Школа: 2', 'sch2@example.org'],
      ['Школа 3', 'школа  1', 'sch3@example.org'],
      ['Школа 4', 'Свод', 'sch4@example.org'],
      ['Школа 5', 'Район', 'sch5@example.org'],
      ['Школа 6', 'Школа 6', 'sch6@example.org, sch2@example.org'],
    ]);
    expect(r.schools.map((s) => s.shortName)).toEqual(['Школа 6']);
    const byRow = (row: number) => r.problems.filter((p) => p.row === row).map((p) => p.message);
    expect(byRow(3)[0]).toMatch(/^Лист «Организации», строка 3, столбец J «Редакторы»: «sch1@example» — не адрес электронной почты/);
    expect(byRow(4)[0]).toMatch(/строка 4, столбец I «Лист дорожной карты»: .*недопустимый символ «:»/);
    expect(byRow(6)[0]).toMatch(/«Свод» — служебный лист дополнения/);
    expect(byRow(7)[0]).toMatch(/лист дорожной карты района «Район»/);
    // «Школа 1» is skipped for its e-mail, but its sheet name stays its own: «школа  1» is the same name
    expect(byRow(5)[0]).toMatch(/лист «школа {2}1» уже назначен школе в строке 3/);
    expect(byRow(8).join(' ')).toMatch(/sch2@example.org указан и у школы «Школа 2»/);
    expect(r.problems.find((p) => p.row === 8)!.severity).toBe('warning');
  });

  it('refuses the same sheet for two schools, whatever the case', () => {
    const r = registry([
      ['Район', '', ''],
      ['Школа 1', 'Гимназия', 'a@example.org'],
      ['Школа 2', 'ГИМНАЗИЯ', 'b@example.org'],
    ]);
    expect(r.schools.map((s) => s.shortName)).toEqual(['Школа 1']);
    expect(r.problems.map((p) => [p.row, p.severity])).toEqual([[2, 'warning'], [4, 'error']]);
    expect(r.problems[1]!.message).toMatch(/уже назначен школе в строке 3/);
  });

  it('warns about a school without editors and a registry without schools', () => {
    expect(registry([['Район', '', 'rono@example.org'], ['Школа 1', '', '']]).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/у школы «Школа 1» не указаны редакторы/),
    ]);
    expect(registry([['Район', '', 'rono@example.org']]).problems[0]!.message).toMatch(/школы не указаны/);
    expect(checkDistrictRegistry([]).problems[0]!.severity).toBe('error');
  });

  it('derives sheet names that Sheets accepts', () => {
    expect(sheetNameFor('МБОУ [СОШ] № 1 / филиал')).toBe('МБОУ СОШ № 1 филиал');
    expect(sheetNameFor('Ш'.repeat(150)).length).toBeLessThanOrEqual(100);
    expect(sheetNameProblem(sheetNameFor('a*b?c'))).toBeNull();
    expect(sheetNameProblem("'Школа'")).toMatch(/апостроф/);
    expect(sheetNameProblem('x'.repeat(101))).toMatch(/длиннее 100/);
  });

  it('warns when the district\'s own roadmap sheet is missing, not when a school\'s is', () => {
    const r = registry([['Район', 'Дорожная карта района', 'rono@example.org'], ['Школа 1', 'Школа 1', 'a@example.org']]);
    expect(sheetProblems(r, ['Организации', 'дорожная карта  района'])).toEqual([]);
    const missing = sheetProblems(r, ['Организации'], HEADER);
    expect(missing.map((p) => [p.row, p.severity])).toEqual([[2, 'warning']]);
    expect(missing[0]!.message).toMatch(/^Лист «Организации», строка 2, столбец I «Лист дорожной карты»: листа «Дорожная карта района» в таблице нет/);
  });
});
