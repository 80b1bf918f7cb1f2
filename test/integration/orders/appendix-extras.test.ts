// Nothing typed is lost on the way to the order: a pasted table's extra column survives
// recognition into the roadmap sheet, the order sidebar offers it, and the appendix carries it
// when (and only when) the person ticks «Включить дополнительные столбцы».
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../../src/contract/orders';
import { createOrder, getOrderSetup } from '../../../src/addon/orders/endpoints';
import { recognizeTable } from '../../../src/addon/roadmap/actions';
import { DERBENT_ORG, TODAY, inRuntime, newRuntime, orgRows } from './helpers';

// A constructed example (not a real document) with a «Примечание» column.
const PASTED = [
  ['План мероприятий по внедрению целевой модели наставничества на 2026 год'],
  ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат', 'Примечание'],
  ['1.', 'Назначить куратора', 'Январь 2026', 'Директор', 'Приказ ОО', 'по согласованию с управлением образования'],
  ['2.', 'Провести семинар', 'Май 2026', 'Куратор', 'Справка', ''],
];
const SHEET = 'Вставка — дорожная карта';

function request(extra: Partial<OrderRequest>): OrderRequest {
  return {
    mode: 'approval', date: TODAY, number: '7', dateStyle: 'long', heading: '', basis: '',
    points: ['Утвердить план мероприятий (приложение № 1).'],
    signatory: { position: DERBENT_ORG.headPosition, name: DERBENT_ORG.headName },
    appendix: 'all', sections: [], row: null, useTemplate: false, acceptRoadmapProblems: true, ...extra,
  };
}

function appendixHeader(appendixExtras: boolean | undefined): string[] {
  const rt = newRuntime();
  rt.seedSheet('Вставка', PASTED);
  rt.seedSheet('Организации', orgRows([{ ...DERBENT_ORG, roadmapSheet: SHEET }]));
  inRuntime(rt, () => {
    SpreadsheetApp.getActiveSpreadsheet().setActiveSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!);
    recognizeTable();
  });
  const setup = inRuntime(rt, () => getOrderSetup('approval'));
  expect(setup.roadmap?.extraHeaders).toEqual(['Примечание']);
  expect(setup.roadmap?.items[0]!.extras).toEqual(['по согласованию с управлением образования']);
  inRuntime(rt, () => createOrder(request(appendixExtras === undefined ? {} : { appendixExtras })));
  const tables = rt.documents()[0]!.body.filter((b) => b.type === 'table');
  const table = tables[tables.length - 1]!;
  if (table.type !== 'table') throw new Error('no appendix table');
  return table.rows.map((r) => r.cells.map((c) => c.text)).flat();
}

describe('extra columns in the order appendix', () => {
  it('are left out unless chosen', () => {
    const cells = appendixHeader(undefined);
    expect(cells).not.toContain('Примечание');
    expect(cells).not.toContain('по согласованию с управлением образования');
  });

  it('are carried from the pasted table into the appendix when chosen', () => {
    const cells = appendixHeader(true);
    expect(cells).toContain('Примечание');
    expect(cells).toContain('по согласованию с управлением образования');
  });
});
