// `npx tsx bench/index.ts report`: service calls of «Отчёт о выполнении».
// 1. A roadmap's report whose items table has 10 … 10,000 rows: the whole click (read the sheets,
//    reserve the journal row, build the Doc, one Docs API batchUpdate, finish the row) with the
//    add-on's renderer (one appendTable(cells) per table, table-level styling, section rows and
//    repeated headers as requests of the one batchUpdate), beside a row-by-row renderer of the same
//    report (appendTableRow + appendTableCell per cell, section rows bolded per row).
// 2. A district's consolidated report: calls grow with the schools (one read per sheet), not rows;
//    each organisation's last change costs the same two reads of a 20,000-row history however many
//    schools there are.
// The modelled time is bench/cost-model.ts's price of every recorded call.
import { createGasRuntime, type GasRuntime } from '../preview/gas';
import { estimate, reportTime, type Estimate } from './cost-model';
import { canonicalHeaderRow, itemsToRows } from '../src/core';
import type { OrderDocument, TableBlock } from '../src/core/order/model';
import type { ReportRequest } from '../src/contract/report';
import { createReport } from '../src/addon/report/create';
import { collectReport } from '../src/addon/report/collect';
import { renderOrderBody } from '../src/addon/orders/render-doc';
import { DERBENT_ORG, orgRows, syntheticItems } from '../test/integration/orders/helpers';
import { HISTORY_KEY } from '../src/addon/roadmap/history';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../src/core/roadmap/history';

const TITLE = 'План мероприятий (дорожная карта) по внедрению целевой модели наставничества на 2025 год';
const DOC_CALLS = /^(DocumentApp|Document|Body|Paragraph|Table|TableRow|TableCell|Text|InlineImage|DocsDocuments)\./;
const REQUEST: ReportRequest = {
  scope: 'sheet', sheetName: 'Дорожная карта', period: { kind: 'year', year: 2025 }, schoolItems: false, lastChanges: false, chart: false, dateStyle: 'long',
  signatory: { position: '', name: '' },
};

function world(items: number, sections: number): GasRuntime {
  const rt = createGasRuntime({ now: () => new Date('2025-12-20T09:00:00+03:00'), timeZone: 'Europe/Moscow', user: 'metodist@example.org', htmlFile: () => '' });
  const rows = itemsToRows(syntheticItems(items, sections)).map((r, i) => {
    // Some progress, so every status column is filled in.
    const row = [...r];
    if (i % 3 === 0) row[5] = 'Выполнено';
    if (i % 7 === 0) row[5] = 'В работе';
    return row;
  });
  rt.seedSheet('Дорожная карта', [canonicalHeaderRow().map((_, i) => (i === 0 ? TITLE : '')), canonicalHeaderRow(), ...rows]);
  rt.seedSheet('Организации', orgRows([{ ...DERBENT_ORG, roadmapSheet: 'Дорожная карта' }]));
  return rt;
}

/** The same report, every table row by row and cell by cell through DocumentApp. */
function rowByRow(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const model = collectReport(ss, REQUEST, '2025-12-20', 'Europe/Moscow').doc!;
  const doc = DocumentApp.create(model.name);
  const body = doc.getBody();
  const tables = model.blocks.filter((b): b is TableBlock => b.kind === 'table');
  renderOrderBody(body, { ...model, blocks: model.blocks.filter((b) => b.kind !== 'table') } as OrderDocument);
  for (const block of tables) {
    const t = body.appendTable();
    for (const row of block.rows) {
      const r = t.appendTableRow();
      for (const c of row.kind === 'section' ? [row.number, row.text] : row.cells) r.appendTableCell(c);
      if (row.kind !== 'item') r.setAttributes({ [DocumentApp.Attribute.BOLD]: true });
    }
  }
  doc.saveAndClose();
}

interface Measured {
  doc: number;
  all: number;
  model: Estimate;
}

function measure(items: number, sections: number, way: 'renderer' | 'row-by-row', chart = false): Measured {
  const rt = world(items, sections);
  const uninstall = rt.install();
  try {
    rt.calls.reset();
    rt.run('FULL', () => (way === 'renderer' ? createReport({ ...REQUEST, chart }) : rowByRow()));
    const snap = Object.entries(rt.calls.snapshot());
    return { doc: snap.filter(([k]) => DOC_CALLS.test(k)).reduce((a, [, n]) => a + n, 0), all: snap.reduce((a, [, n]) => a + n, 0), model: estimate(rt.calls.events()) };
  } finally {
    uninstall();
  }
}

/** A district of `schools` schools, each sheet a roadmap of `items` items (seeded as the add-on writes it). */
function districtWorld(schools: number, items: number): GasRuntime {
  const rt = createGasRuntime({ now: () => new Date('2025-12-20T09:00:00+03:00'), timeZone: 'Europe/Moscow', user: 'rono@example.org', owner: 'rono@example.org', htmlFile: () => '' });
  const sheet = [canonicalHeaderRow().map((_, i) => (i === 0 ? TITLE : '')), canonicalHeaderRow(), ...itemsToRows(syntheticItems(items, 5))];
  const org = (short: string, name: string, editors: string) => ({ ...DERBENT_ORG, shortName: short, roadmapSheet: name, editors });
  rt.seedSheet('Район', sheet);
  const list = [org('Управление образования', 'Район', 'rono@example.org')];
  for (let k = 1; k <= schools; k++) {
    rt.seedSheet(`Школа ${k}`, sheet);
    list.push(org(`МБОУ «СОШ № ${k}»`, `Школа ${k}`, `school${k}@example.org`));
  }
  rt.seedSheet('Организации', orgRows(list));
  // A year of edits: 20,000 recorded changes spread over the schools' sheets.
  rt.seedSheet(HISTORY_SHEET, [[...HISTORY_HEADERS], ...Array.from({ length: 20000 }, (_, i) =>
    ['10.12.2025 10:00', `school${(i % schools) + 1}@example.org`, `Школа ${(i % schools) + 1}`, String(3 + (i % items)), 'Статус', 'В работе', 'Выполнено'])]);
  return rt;
}

function measureDistrict(schools: number, items: number): { all: number; model: Estimate } {
  const rt = districtWorld(schools, items);
  const uninstall = rt.install();
  try {
    rt.run('FULL', () => {
      const history = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(HISTORY_SHEET)!;
      PropertiesService.getDocumentProperties().setProperty(HISTORY_KEY, String(history.getSheetId()));
    });
    rt.calls.reset();
    rt.run('FULL', () => createReport({ ...REQUEST, scope: 'district', sheetName: 'Район', lastChanges: true }));
    return { all: Object.values(rt.calls.snapshot()).reduce((a, n) => a + n, 0), model: estimate(rt.calls.events()) };
  } finally {
    uninstall();
  }
}

export async function run(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const [items, sections] of [[10, 2], [200, 5], [2000, 50], [10000, 500]] as const) {
    const ours = measure(items, sections, 'renderer');
    reportTime(`progress report of ${items} items in ${sections} sections`, [ours.model]);
    const slow = items <= 2000 ? measure(items, sections, 'row-by-row') : null;
    rows.push({
      'items in the report': `${items} (+${sections} sections)`,
      'renderer: Doc calls': ours.doc,
      'renderer: all calls (sheets, journal, Doc)': ours.all,
      'renderer: modelled s': (ours.model.ms / 1000).toFixed(1),
      'row by row: Doc calls': slow?.doc ?? '—',
      'row by row: modelled s': slow ? (slow.model.ms / 1000).toFixed(1) : '—',
    });
  }
  console.table(rows);
  console.log('Doc calls = DocumentApp + Docs API (documents.get and one batchUpdate); all calls add the sheet reads and the journal row.');
  const charted: Record<string, string | number>[] = [];
  for (const [items, sections] of [[200, 5], [10000, 500]] as const) {
    const m = measure(items, sections, 'renderer', true);
    reportTime(`progress report of ${items} items with its chart`, [m.model]);
    charted.push({ 'items in the report': `${items} (+${sections} sections)`, 'all calls with the chart': m.all, 'modelled s': (m.model.ms / 1000).toFixed(1) });
  }
  console.log('\nThe same report with its progress chart (drawn on the hidden chart sheet, one bar per section):');
  console.table(charted);

  const district: Record<string, string | number>[] = [];
  for (const [schools, items] of [[3, 50], [3, 500], [30, 50], [30, 500]] as const) {
    const m = measureDistrict(schools, items);
    reportTime(`district report, ${schools} schools × ${items} items`, [m.model]);
    district.push({ schools, 'items per sheet': items, 'all calls': m.all, 'modelled s': (m.model.ms / 1000).toFixed(1) });
  }
  console.log('\nThe district\'s consolidated report: one read per sheet, so calls grow with the schools, not with the rows:');
  console.table(district);
}
