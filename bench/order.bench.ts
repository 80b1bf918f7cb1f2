// `npx tsx bench/index.ts order`:
// 1. Service calls (DocumentApp + the advanced Docs service) to build an approval order whose
//    appendix has 10 … 10,000 rows in 5 or 500 sections, with the add-on's renderer (one
//    appendTable(cells), table-level styling, one Docs API batchUpdate for section rows and the
//    repeated header), beside the previous renderer (the same, but each section row spanned and
//    bolded through DocumentApp: getRow, 3 × getCell + merge, setAttributes = 8 calls a section)
//    and the naive way (appendTableRow + appendTableCell per cell). Real Apps Script pays roughly
//    50–200 ms per call, so the count decides the time on Google's side.
// 2. The order sidebar's setup (what crosses google.script.run): bytes and server time with 3,000
//    and 10,000 rows, beside shipping every row as before.
// The modelled time is bench/cost-model.ts's price of every recorded call (DocumentApp and the rest).
import { performance } from 'node:perf_hooks';
import { createGasRuntime, type GasRuntime } from '../preview/gas';
import { estimate, reportTime, type Estimate } from './cost-model';
import { buildApprovalOrder, canonicalHeaderRow, itemsToRows, type OrderDocument, type Requisites, type TableBlock } from '../src/core';
import { toOrderRow } from '../src/core/order/roadmap-source';
import { createOrderDoc } from '../src/addon/orders/render-doc';
import { getOrderSetup } from '../src/addon/orders/endpoints';
import { DERBENT_ORG, orgRows, syntheticItems } from '../test/integration/orders/helpers';

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

const CALL_CLASSES = /^(DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text|DocsDocuments)\./;
const TITLE = 'План мероприятий (дорожная карта) по внедрению целевой модели наставничества на 2025 год';

function order(items: number, sections: number): OrderDocument {
  return buildApprovalOrder({
    requisites,
    roadmap: { title: TITLE, period: { start: '2025-01-01', end: '2025-12-31' }, items: syntheticItems(items, sections).map(toOrderRow) },
    options: { date: '2025-02-07', number: '12', dateStyle: 'long', appendixRows: 'all' },
  });
}

type Way = 'renderer' | 'previous' | 'naive';

/** The previous renderer: no Docs API; section rows spanned and bolded through DocumentApp. */
function previous(model: OrderDocument): void {
  const docs = (globalThis as Record<string, unknown>).Docs;
  delete (globalThis as Record<string, unknown>).Docs;
  try {
    const doc = createOrderDoc(model);
    const table = DocumentApp.openById(doc.id).getBody().getTables().pop()!;
    const block = model.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    block.rows.forEach((r, i) => {
      if (r.kind !== 'section') return;
      const row = table.getRow(i);
      for (let c = block.columnWidths.length - 1; c >= 2; c--) row.getCell(c).merge();
      row.setAttributes({ [DocumentApp.Attribute.BOLD]: true });
    });
  } finally {
    (globalThis as Record<string, unknown>).Docs = docs;
  }
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

function withRuntime<T>(fn: (rt: GasRuntime) => T): T {
  const rt = createGasRuntime({ now: () => new Date('2025-02-07T09:00:00Z'), user: 'metodist@example.org', htmlFile: () => '<html></html>' });
  const uninstall = rt.install();
  try {
    return fn(rt);
  } finally {
    uninstall();
  }
}

function measure(items: number, sections: number, way: Way): { calls: number; ms: number; model: Estimate } {
  return withRuntime((rt) => {
    const model = order(items, sections);
    rt.calls.reset();
    const t0 = performance.now();
    rt.run('FULL', () => (way === 'renderer' ? createOrderDoc(model) : way === 'previous' ? previous(model) : naive(model)));
    const ms = performance.now() - t0;
    const calls = Object.entries(rt.calls.snapshot()).filter(([k]) => CALL_CLASSES.test(k)).reduce((a, [, n]) => a + n, 0);
    return { calls, ms, model: estimate(rt.calls.events()) };
  });
}

/** The order sidebar's setup for a roadmap of `rows` rows: bytes sent now, and bytes with every row. */
function setupPayload(rows: number): { bytes: number; allRowsBytes: number; ms: number } {
  return withRuntime((rt) => {
    const items = syntheticItems(rows, Math.max(1, Math.round(rows / 50)));
    rt.seedSheet('Дорожная карта', [canonicalHeaderRow().map((_, i) => (i === 0 ? TITLE : '')), canonicalHeaderRow(), ...itemsToRows(items)]);
    rt.seedSheet('Организации', orgRows([{ ...DERBENT_ORG, roadmapSheet: 'Дорожная карта' }]));
    const t0 = performance.now();
    const setup = rt.run('FULL', () => getOrderSetup('approval'));
    const ms = performance.now() - t0;
    const all = items.map(toOrderRow).map((r) => ({ ...r, status: r.status ?? '' }));
    const before = { ...setup, roadmap: setup.roadmap ? { ...setup.roadmap, items: all } : null };
    return { bytes: Buffer.byteLength(JSON.stringify(setup)), allRowsBytes: Buffer.byteLength(JSON.stringify(before)), ms };
  });
}

export async function run(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const [items, sections] of [[10, 5], [200, 5], [2000, 5], [2000, 500], [10000, 500]] as const) {
    const fast = measure(items, sections, 'renderer');
    reportTime(`order with ${items} appendix rows in ${sections} sections (renderer)`, [fast.model]);
    const prev = measure(items, sections, 'previous');
    let slow: { calls: number; ms: number; model: Estimate } | null = null;
    if (items <= 2000) slow = measure(items, sections, 'naive');
    rows.push({
      'appendix rows': `${items} (+${sections} sections)`,
      'renderer: calls': fast.calls,
      'renderer: ms': Math.round(fast.ms),
      'renderer: modelled s': (fast.model.ms / 1000).toFixed(1),
      'previous (merge per section): calls': prev.calls,
      'naive (per cell): calls': slow?.calls ?? '—',
      'previous / renderer': (prev.calls / fast.calls).toFixed(1),
    });
  }
  console.table(rows);
  console.log('Calls = DocumentApp + Docs API (documents.get and one batchUpdate). At 7 ms a call the previous renderer needs',
    `${Math.round((measure(10000, 500, 'previous').calls * 7) / 1000)} s for 10,000 rows in 500 sections; ours needs ${(measure(10000, 500, 'renderer').calls * 7 / 1000).toFixed(1)} s.`);

  const payload: Record<string, string | number>[] = [];
  for (const n of [3000, 10000]) {
    const p = setupPayload(n);
    payload.push({
      'roadmap rows': n,
      'setup sent (bytes)': p.bytes,
      'every row sent, as before (bytes)': p.allRowsBytes,
      'before / now': (p.allRowsBytes / p.bytes).toFixed(0),
      'getOrderSetup ms (in-memory)': Math.round(p.ms),
    });
  }
  console.log('\nOrder sidebar setup through google.script.run (the preview shows the first 30 rows; the server builds the appendix):');
  console.table(payload);
}
