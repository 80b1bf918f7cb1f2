// `npx tsx bench/index.ts order`: DocumentApp calls and time to build an approval order whose
// appendix has 10 / 200 / 2,000 rows, with the add-on's renderer (one appendTable(cells), table-
// and row-level styling) beside the naive row-by-row way (appendTableRow + appendTableCell per
// cell), both against the in-memory Apps Script. The modelled time is bench/cost-model.ts's price of
// every recorded call (DocumentApp and the rest).
import { performance } from 'node:perf_hooks';
import { createGasRuntime } from '../preview/gas';
import { estimate, reportTime, type Estimate } from './cost-model';
import { buildApprovalOrder, type OrderDocument, type Requisites, type TableBlock } from '../src/core';
import { toOrderRow } from '../src/core/order/roadmap-source';
import { createOrderDoc } from '../src/addon/orders/render-doc';
import { syntheticItems } from '../test/integration/orders/helpers';

const requisites: Requisites = {
  fullName: 'МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ\n«КАЛИНОВСКАЯ ОСНОВНАЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА»',
  shortName: 'МБОУ «Калиновская ООШ»',
  place: 'х. Калинов',
  headPosition: 'Директор',
  headName: 'Иванова Мария Петровна',
  executorName: 'Петрова А.С.',
  executorPhone: '8 (86350) 2-11-22',
  numberFormat: '{n}',
};

const DOC_CLASSES = /^(DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text)\./;
const SECTIONS = 5;

function order(items: number): OrderDocument {
  return buildApprovalOrder({
    requisites,
    roadmap: { title: '', period: { start: '2025-01-01', end: '2025-12-31' }, items: syntheticItems(items, SECTIONS).map(toOrderRow) },
    options: { date: '2025-02-07', number: '12', dateStyle: 'long', appendixRows: 'all' },
  });
}

/** The naive appendix: the same order without its table, then the table cell by cell. */
function naive(model: OrderDocument): void {
  const table = model.blocks.find((b): b is TableBlock => b.kind === 'table')!;
  const doc = createOrderDoc({ ...model, blocks: model.blocks.filter((b) => b.kind !== 'table') });
  const body = DocumentApp.openById(doc.id).getBody();
  const t = body.appendTable();
  for (const row of table.rows) {
    const r = t.appendTableRow();
    const cells = row.kind === 'section' ? [row.number, row.text] : row.cells;
    for (const c of cells) r.appendTableCell(c);
    if (row.kind !== 'item') r.setAttributes({ [DocumentApp.Attribute.BOLD]: true });
  }
}

function measure(items: number, way: 'renderer' | 'naive'): { calls: number; ms: number; model: Estimate } {
  const rt = createGasRuntime({ now: () => new Date('2025-02-07T09:00:00Z') });
  const uninstall = rt.install();
  try {
    const model = order(items);
    rt.calls.reset();
    const t0 = performance.now();
    rt.run('FULL', () => (way === 'renderer' ? createOrderDoc(model) : naive(model)));
    const ms = performance.now() - t0;
    const calls = Object.entries(rt.calls.snapshot()).filter(([k]) => DOC_CLASSES.test(k)).reduce((a, [, n]) => a + n, 0);
    return { calls, ms, model: estimate(rt.calls.events()) };
  } finally {
    uninstall();
  }
}

export async function run(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const items of [10, 200, 2000]) {
    const fast = measure(items, 'renderer');
    reportTime(`order with a ${items}-row appendix (DocumentApp renderer)`, [fast.model]);
    let slow: { calls: number; ms: number; model: Estimate } | null = null;
    try {
      slow = measure(items, 'naive');
    } catch (error) {
      console.log(`naive way failed in the in-memory Apps Script: ${(error as Error).message}`);
    }
    rows.push({
      'appendix rows': `${items} (+${SECTIONS} sections)`,
      'renderer: DocumentApp calls': fast.calls,
      'renderer: ms (in-memory)': Math.round(fast.ms),
      'renderer: modelled s': (fast.model.ms / 1000).toFixed(1),
      'naive: DocumentApp calls': slow?.calls ?? '—',
      'naive: ms (in-memory)': slow ? Math.round(slow.ms) : '—',
      'naive: modelled s': slow ? (slow.model.ms / 1000).toFixed(1) : '—',
      'naive / renderer calls': slow ? (slow.calls / fast.calls).toFixed(1) : '—',
    });
  }
  console.table(rows);
}
