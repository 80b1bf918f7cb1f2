// ГОСТ Р 7.0.97-2025 on the rendered Doc, for the built-in layout and the user's template; the
// Docs API requests (spanning section rows, repeated header, landscape appendix); .docx; and bad
// input that stops an order before anything is numbered or journalled.
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../../src/contract/orders';
import { buildRowOrder, canonicalHeaderRow, itemsToRows } from '../../../src/core';
import { createOrder, createOrderTemplate, getOrderSetup } from '../../../src/addon/orders/endpoints';
import { TEMPLATE_PROPERTY } from '../../../src/addon/orders/template';
import { failingRequisites } from './gost-doc';
import { DERBENT_ORG, ROADMAP_SHEET, TODAY, canonicalFromFixture, flatText, inRuntime, newRuntime, orgRows } from './helpers';

function runtimeWith(fixture: 'derbent-2023' | 'kalinovskaya-2022-2024' | 'khabez-2021' = 'kalinovskaya-2022-2024') {
  const rt = newRuntime();
  const seeded = canonicalFromFixture(fixture);
  rt.seedSheet(ROADMAP_SHEET, seeded.values);
  rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
  return { rt, seeded };
}

/** The request the sidebar sends with its defaults (points as the preview shows them). */
function request(extra: Partial<OrderRequest> = {}): OrderRequest {
  return {
    mode: 'approval', date: TODAY, number: '12', dateStyle: 'long', heading: '', basis: '', basisVerb: 'В соответствии с',
    points: ['Утвердить план мероприятий (дорожную карту) (приложение № 1).', 'Контроль за исполнением настоящего приказа оставляю за собой.'],
    signatory: { position: DERBENT_ORG.headPosition, name: DERBENT_ORG.headName }, appendix: 'all', sections: [], row: null,
    useTemplate: false, acceptRoadmapProblems: true, ...extra,
  };
}

const expectations = { organisationLine: 'РЕСПУБЛИКА ДАГЕСТАН', executor: DERBENT_ORG.executorName, appendix: true, fontFamily: 'Times New Roman', fontPt: 14 };

describe('ГОСТ Р 7.0.97-2025 checklist on the rendered Doc', () => {
  it.each(['derbent-2023', 'kalinovskaya-2022-2024', 'khabez-2021'] as const)('built-in layout (%s): every requisite in place', (fixture) => {
    const { rt } = runtimeWith(fixture);
    const created = inRuntime(rt, () => createOrder(request()));
    expect(created.warnings).toEqual([]);
    const doc = rt.documents().find((d) => d.id === created.docId)!;
    expect(failingRequisites(doc, expectations)).toEqual([]);
  });

  it('the user\'s template: the same checklist passes', () => {
    const { rt } = runtimeWith();
    inRuntime(rt, () => createOrderTemplate());
    const created = inRuntime(rt, () => createOrder(request({ useTemplate: true })));
    const doc = rt.documents().find((d) => d.id === created.docId)!;
    expect(failingRequisites(doc, expectations)).toEqual([]);
  });

  it('the font and date style the organisation chose reach the Doc and are remembered for its next order', () => {
    const { rt } = runtimeWith();
    const created = inRuntime(rt, () => createOrder(request({ dateStyle: 'numeric', font: { family: 'PT Astra Serif', bodyPt: 13 } })));
    const doc = rt.documents().find((d) => d.id === created.docId)!;
    expect(failingRequisites(doc, { ...expectations, fontFamily: 'PT Astra Serif', fontPt: 13 })).toEqual([]);
    expect(flatText(doc.body)).toContain('23.11.2026');
    const setup = inRuntime(rt, () => getOrderSetup('approval'));
    expect(setup.dateStyle).toBe('numeric');
    expect(setup.font).toEqual({ family: 'PT Astra Serif', bodyPt: 13 });
  });

  it('fails when a requisite is broken (the checklist can fail)', () => {
    const { rt } = runtimeWith();
    const created = inRuntime(rt, () => createOrder(request({ heading: 'Об утверждении плана.' })));
    const doc = rt.documents().find((d) => d.id === created.docId)!;
    expect(failingRequisites(doc, expectations)).toEqual(['heading']);
  });
});

describe('the appendix through the Docs API', () => {
  it('section rows span the table and are bold; the header row repeats on every page', () => {
    const { rt, seeded } = runtimeWith('derbent-2023');
    const created = inRuntime(rt, () => createOrder(request()));
    const table = rt.documents().find((d) => d.id === created.docId)!.body.filter((b) => b.type === 'table').pop()!;
    if (table.type !== 'table') throw new Error('no table');
    expect(table.pinnedHeaderRows).toBe(1);
    const sections = seeded.items.filter((i) => i.isSection).length;
    const spanning = table.rows.filter((r) => r.cells[1]!.colSpan === 4);
    expect(spanning).toHaveLength(sections);
    for (const r of spanning) {
      expect(r.cells[1]!.bold).toBe(true);
      expect(r.cells.slice(2).every((c) => c.covered)).toBe(true);
    }
  });

  it('a wide appendix on landscape pages: a section break with the orientation flipped, no extra page break', () => {
    const { rt } = runtimeWith();
    const created = inRuntime(rt, () => createOrder(request({ landscapeAppendix: true })));
    const body = rt.documents().find((d) => d.id === created.docId)!.body;
    expect(body.filter((b) => b.type === 'pageBreak')).toHaveLength(0);
    const at = body.findIndex((b) => b.type === 'sectionBreak');
    expect(body[at]).toEqual({ type: 'sectionBreak', landscape: true });
    expect(body[at + 1]).toMatchObject({ type: 'paragraph', text: 'Приложение № 1' });
  });

  it('offers the Doc as .docx and PDF (Docs\' own export links)', () => {
    const { rt } = runtimeWith();
    const created = inRuntime(rt, () => createOrder(request()));
    expect(created.docxUrl).toBe(`https://docs.google.com/document/d/${created.docId}/export?format=docx`);
    expect(created.pdfUrl).toBe(`https://docs.google.com/document/d/${created.docId}/export?format=pdf`);
  });
});

describe('bad input stops the order before it is numbered or journalled', () => {
  const journal = (rt: ReturnType<typeof newRuntime>) => rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов');

  it('a plan title with no subject: the sidebar says where to write one; the server refuses without a heading', () => {
    const rt = newRuntime();
    const seeded = canonicalFromFixture('kalinovskaya-2022-2024');
    rt.seedSheet(ROADMAP_SHEET, [canonicalHeaderRow().map((_, i) => (i === 0 ? 'План мероприятий' : '')), canonicalHeaderRow(), ...itemsToRows(seeded.items)]);
    rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
    const setup = inRuntime(rt, () => getOrderSetup('approval'));
    expect(setup.planTitleProblem).toMatch(/«План мероприятий» не сказано, о чём он.*«Название плана».*«Заголовок»/);
    expect(() => inRuntime(rt, () => createOrder(request()))).toThrow(/Приказ не создан\. В названии плана/);
    expect(rt.documents()).toHaveLength(0);
    expect(journal(rt)).toBeUndefined();
    // Corrected in the form: the order is made from the corrected title.
    const created = inRuntime(rt, () => createOrder(request({ planTitle: 'План мероприятий по формированию функциональной грамотности на 2025 год' })));
    expect(flatText(rt.documents().find((d) => d.id === created.docId)!.body)).toContain('План мероприятий по формированию функциональной грамотности в образовательных организациях МР «Дербентский район» на 2025 год');
  });

  it('a template without placeholders is refused: no Doc, no number taken', () => {
    const { rt } = runtimeWith();
    const template = inRuntime(rt, () => createOrderTemplate());
    inRuntime(rt, () => {
      const body = DocumentApp.openById(template.id).getBody();
      body.clear();
      body.getParagraphs()[0]!.setText('Приказ по школе (без меток)');
    });
    expect(rt.properties('document')[TEMPLATE_PROPERTY]).toBe(template.id);
    expect(() => inRuntime(rt, () => createOrder(request({ useTemplate: true })))).toThrow(/В шаблоне приказа нет ни одной метки.*Приказ не создан, номер не занят/);
    expect(rt.documents()).toHaveLength(1);
    expect(journal(rt)).toBeUndefined();
  });
});

describe('the basis is remembered per organisation and plan subject', () => {
  it('a chosen basis comes back for the next order on the same plan', () => {
    const { rt } = runtimeWith();
    const suggested = inRuntime(rt, () => getOrderSetup('approval')).basis;
    expect(suggested.verb).toBe('В соответствии с');
    expect(suggested.acts).toMatch(/№ Р-145/);
    inRuntime(rt, () => createOrder(request({ basisVerb: 'На основании', basis: 'решения педагогического совета (протокол от 30.08.2026 № 1)' })));
    const next = inRuntime(rt, () => getOrderSetup('approval')).basis;
    expect(next).toEqual({ verb: 'На основании', acts: 'решения педагогического совета (протокол от 30.08.2026 № 1)' });
    const doc = rt.documents()[0]!;
    expect(flatText(doc.body)).toContain('На основании решения педагогического совета (протокол от 30.08.2026 № 1),');
  });
});

describe('a single-row order cites the approval order from the journal', () => {
  it('«утверждённого приказом … от … № …» once the plan\'s order is in «Журнал приказов»', () => {
    const { rt, seeded } = runtimeWith();
    inRuntime(rt, () => createOrder(request()));
    const index = seeded.items.findIndex((i) => i.result === 'Приказ ОО');
    const sheetRow = index + 3;
    const setup = inRuntime(rt, () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ROADMAP_SHEET)!;
      sheet.activate();
      sheet.getRange(sheetRow, 2).activate();
      return getOrderSetup('row');
    });
    expect(setup.approvedBy).toMatchObject({ date: TODAY, number: '12' });
    expect(setup.kinds.map((k) => k.value)).toContain('pairs');
    // The sidebar sends the points it shows: core's defaults for the row, with the approval order from the setup.
    const item = setup.row!.item;
    const model = buildRowOrder(item, { ...DERBENT_ORG }, { date: TODAY, number: '13', dateStyle: 'long', plan: { title: setup.roadmap!.title, period: setup.roadmap!.period }, approvedBy: setup.approvedBy, kind: setup.suggestedKind });
    const points = model.blocks.find((b) => b.kind === 'points');
    const created = inRuntime(rt, () => createOrder({ ...request({ mode: 'row', number: '13', row: { sheetName: ROADMAP_SHEET, sheetRow }, points: points?.kind === 'points' ? points.items : [] }) }));
    const text = flatText(rt.documents().find((d) => d.id === created.docId)!.body).join('\n');
    expect(text).toMatch(/утверждённого приказом МКУ «Управление образования» МР «Дербентский район» от 23 ноября 2026 г\. № 12\)/);
  });
});

describe('without the advanced Docs service', () => {
  it('the order is still created and journalled; the panel says what is missing', () => {
    const { rt } = runtimeWith('derbent-2023');
    const created = inRuntime(rt, () => {
      const g = globalThis as Record<string, unknown>;
      const docs = g.Docs;
      delete g.Docs;
      try {
        return createOrder(request());
      } finally {
        g.Docs = docs;
      }
    });
    expect(created.warnings.join(' ')).toMatch(/Расширенная служба Google Docs недоступна: строки разделов в приложении не объединены/);
    expect(created.journalRow).toBe(2);
    const table = rt.documents()[0]!.body.filter((b) => b.type === 'table').pop()!;
    expect(table.type === 'table' && table.pinnedHeaderRows).toBe(0);
  });
});
