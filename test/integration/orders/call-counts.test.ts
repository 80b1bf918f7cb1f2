// The renderer's service calls do not grow with the roadmap: one appendTable(cells) for the whole
// appendix, table-level styling, and one Docs API batchUpdate for everything per row (spanning
// bold section rows, the repeated header).
import { describe, expect, it } from 'vitest';
import { buildApprovalOrder, type Requisites } from '../../../src/core';
import { toOrderRow } from '../../../src/core/order/roadmap-source';
import { createOrderDoc } from '../../../src/addon/orders/render-doc';
import { getOrderSetup } from '../../../src/addon/orders/endpoints';
import { recognizeTable } from '../../../src/addon/roadmap/actions';
import { pastedRoadmap } from '../roadmap/tables';
import { DERBENT_ORG, TODAY, inRuntime, newRuntime, orgRows, syntheticItems } from './helpers';

const requisites: Requisites = { ...DERBENT_ORG };

const DOC_CLASSES = /^(DocumentApp|Document|Body|HeaderSection|FooterSection|Paragraph|ListItem|Table|TableRow|TableCell|Text|DocsDocuments)\./;

/** DocumentApp and Docs API calls to render an order with `items` items in `sections` sections. */
export function docCallsFor(items: number, sections: number): { total: number; byMethod: Record<string, number> } {
  const rt = newRuntime();
  const order = buildApprovalOrder({
    requisites,
    roadmap: { title: 'План мероприятий (дорожная карта)', period: { start: '2025-01-01', end: '2025-12-31' }, items: syntheticItems(items, sections).map(toOrderRow) },
    options: { date: TODAY, number: '1', dateStyle: 'long', appendixRows: 'all' },
  });
  rt.calls.reset();
  inRuntime(rt, () => createOrderDoc(order));
  const byMethod = Object.fromEntries(Object.entries(rt.calls.snapshot()).filter(([k]) => DOC_CLASSES.test(k)));
  const table = rt.documents()[0]!.body.filter((b) => b.type === 'table').pop();
  // The table really holds every row: header + sections + items.
  expect(table?.type === 'table' && table.rows.length).toBe(1 + items + sections);
  return { total: Object.values(byMethod).reduce((a, b) => a + b, 0), byMethod };
}

describe('DocumentApp calls of the order renderer', () => {
  it('are the same for 10, 200 and 2,000 appendix rows (with the same sections)', () => {
    const small = docCallsFor(10, 5);
    const medium = docCallsFor(200, 5);
    const large = docCallsFor(2000, 5);
    expect(medium.byMethod).toEqual(small.byMethod);
    expect(large.byMethod).toEqual(small.byMethod);
    // One table build per table: date/number line, signature line, the appendix.
    expect(large.byMethod['Body.appendTable']).toBe(3);
    expect(large.byMethod['Table.appendTableRow'] ?? 0).toBe(0);
    expect(large.byMethod['TableRow.appendTableCell'] ?? 0).toBe(0);
  });

  it('are the same for 1, 5 and 200 sections: section rows are requests in one batchUpdate', () => {
    const one = docCallsFor(400, 1);
    const five = docCallsFor(400, 5);
    const many = docCallsFor(400, 200);
    expect(five.byMethod).toEqual(one.byMethod);
    expect(many.byMethod).toEqual(one.byMethod);
    expect(many.byMethod['DocsDocuments.get']).toBe(1);
    expect(many.byMethod['DocsDocuments.batchUpdate']).toBe(1);
    expect(many.byMethod['TableCell.merge'] ?? 0).toBe(0);
  });
});

describe('service calls of the order sidebar', () => {
  /** Calls of getOrderSetup on a roadmap the add-on recognised (its helper columns hold date cells). */
  function setupCalls(items: number): Record<string, number> {
    const rt = newRuntime();
    rt.seedSheet('Вставка', pastedRoadmap(items));
    rt.seedSheet('Организации', orgRows([{ ...DERBENT_ORG, roadmapSheet: 'Вставка — дорожная карта' }]));
    inRuntime(rt, () => recognizeTable());
    rt.calls.reset();
    inRuntime(rt, () => getOrderSetup('approval'));
    return rt.calls.snapshot();
  }

  it('are the same for 20 and 400 rows: date cells are read without a service call each', () => {
    expect(setupCalls(400)).toEqual(setupCalls(20));
  });
});
