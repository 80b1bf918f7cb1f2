// Live checks of the Docs API requests the order renderer sends (src/addon/orders/docs-requests.ts:
// mergeTableCells for section rows, pinTableHeaderRows for the repeated header, insertSectionBreak +
// updateSectionStyle for a landscape appendix), made by rendering a real order with the add-on's own
// renderer and reading the result back with documents.get
// (https://developers.google.com/docs/api/reference/rest/v1/documents/request).
import { buildApprovalOrder, type OrderRow } from '../core';
import { createOrderDoc } from '../addon/orders/render-doc';
import type { LiveCheck } from './checks';

const row = (number: string, isSection: boolean, activity: string): OrderRow => ({
  number, isSection, activity, deadline: isSection ? '' : 'До 28.02.2025', responsible: isSection ? '' : 'Куратор', result: isSection ? '' : 'Справка',
});

interface Cell { tableCellStyle?: { columnSpan?: number } }
interface Element {
  table?: { tableRows?: { tableCells?: Cell[] }[]; tableStyle?: { pinnedHeaderRowsCount?: number } };
  sectionBreak?: { sectionStyle?: { flipPageOrientation?: boolean } };
}

/** The appendix of a two-section order, rendered as the add-on renders it, read back through the Docs API. */
function renderedAppendix(): { warnings: string[]; spans: number[][]; pinned: number; landscapeBreaks: number } {
  const order = buildApprovalOrder({
    requisites: { fullName: 'МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ\n«ПРОВЕРОЧНАЯ ШКОЛА»', shortName: 'МБОУ «Проверочная школа»', headPosition: 'Директор', headName: 'Иванова Мария Петровна', numberFormat: '{n}' },
    roadmap: {
      title: 'План мероприятий (дорожная карта) на 2025 год',
      period: { start: '2025-01-01', end: '2025-12-31' },
      items: [row('1.', true, 'Раздел 1'), row('1.1.', false, 'Семинар'), row('2.', true, 'Раздел 2'), row('2.1.', false, 'Совещание')],
    },
    options: { date: '2025-02-07', number: '1', dateStyle: 'long', appendixRows: 'all', landscapeAppendix: true },
  });
  const rendered = createOrderDoc(order);
  const content = ((Docs!.Documents.get(rendered.id) as unknown as { body?: { content?: Element[] } }).body?.content ?? []);
  const tables = content.filter((e) => e.table);
  const appendix = tables[tables.length - 1]?.table;
  return {
    warnings: rendered.warnings ?? [],
    spans: (appendix?.tableRows ?? []).map((r) => (r.tableCells ?? []).map((c) => c.tableCellStyle?.columnSpan ?? 1)),
    pinned: appendix?.tableStyle?.pinnedHeaderRowsCount ?? 0,
    landscapeBreaks: content.filter((e) => e.sectionBreak?.sectionStyle?.flipPageOrientation === true).length,
  };
}

export const DOCS_API_CHECKS: LiveCheck[] = [
  {
    name: 'Docs API: the order renderer merges each section row across the table, pins the header row, puts the appendix on landscape pages',
    expected: () => ({ warnings: [], spans: [[1, 1, 1, 1, 1], [1, 4, 0, 0, 0], [1, 1, 1, 1, 1], [1, 4, 0, 0, 0], [1, 1, 1, 1, 1]], pinned: 1, landscapeBreaks: 1 }),
    run: () => renderedAppendix(),
  },
];
