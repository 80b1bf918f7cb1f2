// District mode: a school issues orders with its own requisites. The organisation is the one whose
// roadmap sheet is active; the district (first row of «Организации») otherwise.
import { describe, expect, it } from 'vitest';
import { getOrderSetup } from '../../../src/addon/orders/endpoints';
import { sheetNameFor } from '../../../src/core/org';
import { DERBENT_ORG, ROADMAP_SHEET, canonicalFromFixture, inRuntime, newRuntime, orgRows, seedRoadmap, type OrgValues } from './helpers';

const SCHOOL: OrgValues = {
  ...DERBENT_ORG,
  shortName: 'МБОУ «Калиновская ООШ»',
  fullName: 'МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ\n«КАЛИНОВСКАЯ ОСНОВНАЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА»',
  headPosition: 'Директор',
  headName: 'Иванова Мария Петровна',
  roadmapSheet: '', // district mode names the sheet after the short name
  editors: 'school@example.org',
};

function district() {
  const rt = newRuntime();
  seedRoadmap(rt, canonicalFromFixture('derbent-2023').values);
  seedRoadmap(rt, canonicalFromFixture('kalinovskaya-2022-2024').values, sheetNameFor(SCHOOL.shortName));
  rt.seedSheet('Организации', orgRows([DERBENT_ORG, SCHOOL]));
  return rt;
}

const activate = (name: string) => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!.activate();

describe('orders in district mode', () => {
  it("on a school's sheet, the order carries the school's requisites and roadmap", () => {
    const rt = district();
    const setup = inRuntime(rt, () => {
      activate(sheetNameFor(SCHOOL.shortName));
      return getOrderSetup('approval');
    });
    expect(setup.requisites.shortName).toBe(SCHOOL.shortName);
    expect(setup.requisites.headName).toBe('Иванова Мария Петровна');
    expect(setup.roadmap?.sheetName).toBe(sheetNameFor(SCHOOL.shortName));
  });

  it("on the district's own sheet (or any other), the district's", () => {
    const rt = district();
    for (const sheet of [ROADMAP_SHEET, 'Организации']) {
      const setup = inRuntime(rt, () => {
        activate(sheet);
        return getOrderSetup('approval');
      });
      expect(setup.requisites.shortName).toBe(DERBENT_ORG.shortName);
      expect(setup.roadmap?.sheetName).toBe(ROADMAP_SHEET);
    }
  });
});
