// Orders for single rows whose result is an order, and the «Организации» sheet.
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../../src/contract/orders';
import { orderHeadingFor } from '../../../src/core';
import { ORG_COLUMNS } from '../../../src/core/org';
import { createOrder, getOrderSetup, openRequisitesSheet } from '../../../src/addon/orders/endpoints';
import { openRequisites } from '../../../src/addon/orders/requisites-sheet';
import { DERBENT_ORG, ROADMAP_SHEET, TODAY, canonicalFromFixture, flatText, inRuntime, newRuntime, orgRows, seedRoadmap } from './helpers';

function selectRow(row: number): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ROADMAP_SHEET)!;
  sheet.activate();
  sheet.getRange(row, 2).activate();
}

describe('single-row orders', () => {
  it('the row «Назначение ответственного лица (куратора)…» with result «Приказ ОО» drafts an order with its heading, deadline and responsible', () => {
    const rt = newRuntime();
    const seeded = canonicalFromFixture('kalinovskaya-2022-2024');
    seedRoadmap(rt, seeded.values);
    rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
    const index = seeded.items.findIndex((i) => i.result === 'Приказ ОО');
    const item = seeded.items[index]!;
    const sheetRow = index + 3; // title row, header row, then items
    const setup = inRuntime(rt, () => {
      selectRow(sheetRow);
      return getOrderSetup('row');
    });
    expect(setup.roadmapMissing).toBeNull();
    expect(setup.row).toMatchObject({ sheetName: ROADMAP_SHEET, sheetRow, item: { number: item.number, activity: item.activity } });
    expect(setup.notes.join(' ')).not.toMatch(/не указан приказ/);

    const request: OrderRequest = {
      mode: 'row', date: TODAY, number: '4', dateStyle: 'long', heading: '', basis: '', points: [],
      signatory: { position: '', name: '' }, appendix: 'all', sections: [], row: { sheetName: ROADMAP_SHEET, sheetRow },
      useTemplate: false, acceptRoadmapProblems: false,
    };
    // The sidebar sends the points it shows; the defaults come from core's buildRowOrder.
    expect(() => inRuntime(rt, () => createOrder(request))).toThrow(/добавьте хотя бы один пункт/);
    const points = [`Обеспечить выполнение мероприятия, срок — ${item.deadline}.`, `Ответственные за исполнение: ${item.responsible}.`];
    const created = inRuntime(rt, () => createOrder({ ...request, points }));
    const text = flatText(rt.documents()[0]!.body);
    const heading = orderHeadingFor(item.activity);
    expect(heading).toMatch(/^О назначении ответственного лица/);
    expect(text).toContain(heading);
    expect(text.join('\n')).toContain(item.deadline);
    expect(text.join('\n')).toContain(item.responsible);
    expect(text).not.toContain('Приложение № 1');
    expect(created.journalRow).toBe(2);
  });

  it('a section row or a non-roadmap sheet is refused with a hint', () => {
    const rt = newRuntime();
    const seeded = canonicalFromFixture('kalinovskaya-2022-2024');
    seedRoadmap(rt, seeded.values);
    rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
    const section = seeded.items.findIndex((i) => i.isSection);
    const setup = inRuntime(rt, () => {
      selectRow(section + 3);
      return getOrderSetup('row');
    });
    expect(setup.row).toBeNull();
    expect(setup.roadmapMissing).toMatch(/Выделите строку мероприятия \(не раздела\)/);
  });
});

describe('«Организации» sheet', () => {
  it('is created with its ten columns, hints and an empty first organisation, then activated; never overwritten', () => {
    const rt = newRuntime();
    inRuntime(rt, () => openRequisites());
    let sheet = rt.snapshot().sheets.find((s) => s.name === 'Организации')!;
    expect(sheet.cells[0]!.map((c) => c?.text)).toEqual(ORG_COLUMNS.map((c) => c.header));
    expect(sheet.cells[0]![7]?.note).toMatch(/\{n\}/);
    expect(sheet.frozenRows).toBe(1);
    expect(rt.snapshot().activeSheet).toBe('Организации');
    rt.userEdit('Организации', 2, 1, 'МБОУ «Калиновская ООШ»');
    inRuntime(rt, () => openRequisitesSheet());
    sheet = rt.snapshot().sheets.find((s) => s.name === 'Организации')!;
    expect(sheet.cells[1]![0]!.text).toBe('МБОУ «Калиновская ООШ»');
  });
});
