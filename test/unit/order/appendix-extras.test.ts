// The roadmap sheet's extra columns (kept from the pasted table) reach the order's appendix only
// when the person asks for them; by default the appendix keeps its five usual columns.
import { describe, expect, it } from 'vitest';
import { buildApprovalOrder, TABLE_HEADER } from '../../../src/core/order/build';
import type { TableBlock } from '../../../src/core/order/model';
import { roadmapForOrder } from '../../../src/core/order/roadmap-source';
import { canonicalHeaderRow, withExtras } from '../../../src/core/roadmap';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';

const header = withExtras(canonicalHeaderRow(), ['Примечание', 'Источник финансирования']);
const row = (cells: string[], extras: string[]): string[] => withExtras([...cells, ...new Array<string>(canonicalHeaderRow().length - cells.length).fill('')], extras);
const VALUES = [
  header,
  row(['1.', 'Организационные мероприятия'], ['', '']),
  row(['1.1.', 'Назначить куратора', 'Февраль 2023', 'Директор', 'Приказ ОО'], ['по согласованию с УО', 'без финансирования']),
];

function table(appendixExtras: boolean | undefined): TableBlock {
  const found = roadmapForOrder(VALUES, '2023-01-10', { plan: { start: '2023-01-01', end: '2023-12-31' }, title: 'План мероприятий на 2023 год' })!;
  const doc = buildApprovalOrder({
    requisites: DERBENT_REQUISITES,
    roadmap: found.roadmap,
    options: { date: '2023-01-10', number: '5', dateStyle: 'long', appendixRows: 'all', ...(appendixExtras === undefined ? {} : { appendixExtras }) },
  });
  return doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
}

describe('extra columns in the appendix', () => {
  it('are read from the roadmap sheet with their headers', () => {
    const found = roadmapForOrder(VALUES, '2023-01-10')!;
    expect(found.roadmap.extraHeaders).toEqual(['Примечание', 'Источник финансирования']);
    expect(found.roadmap.items[1]!.extras).toEqual(['по согласованию с УО', 'без финансирования']);
  });

  it('are left out by default', () => {
    for (const t of [table(undefined), table(false)]) {
      expect(t.rows[0]).toEqual({ kind: 'header', cells: TABLE_HEADER });
      expect(t.columnWidths).toHaveLength(5);
    }
  });

  it('are included, after the usual columns, when chosen', () => {
    const t = table(true);
    expect(t.rows[0]).toEqual({ kind: 'header', cells: [...TABLE_HEADER, 'Примечание', 'Источник финансирования'] });
    expect(t.rows[2]).toEqual({ kind: 'item', cells: ['1.1.', 'Назначить куратора', 'Февраль 2023', 'Директор', 'Приказ ОО', 'по согласованию с УО', 'без финансирования'] });
    expect(t.rows[1]).toMatchObject({ kind: 'section', number: '1.' });
    expect(t.columnWidths).toHaveLength(7);
    expect(t.columnWidths.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
