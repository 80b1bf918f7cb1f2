// «Сформировать приказ» end to end against the in-memory Apps Script, for every fixture roadmap:
// requisites in ГОСТ order, the appendix table equal to the roadmap, page setup, the journal row.
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../../src/contract/orders';
import { formatOrderDate, mmToPt, numberSign, orderDocName, recognizeRoadmap, signatureName } from '../../../src/core';
import { prepareCanonical, writeCanonicalSheet } from '../../../src/addon/roadmap/canonical-sheet';
import { createOrder, getOrderSetup, PREVIEW_ROWS } from '../../../src/addon/orders/endpoints';
import { DERBENT_ORG, FIXTURES, ROADMAP_SHEET, TODAY, canonicalFromFixture, flatText, inRuntime, loadFixture, newRuntime, orgRows, seedRoadmap } from './helpers';

function setupRuntime(fixture: (typeof FIXTURES)[number]) {
  const rt = newRuntime();
  const seeded = canonicalFromFixture(fixture);
  seedRoadmap(rt, seeded.values);
  rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
  return { rt, seeded };
}

/** What the sidebar sends when the person accepts every default. */
function defaultRequest(number: string, extra: Partial<OrderRequest> = {}): OrderRequest {
  return {
    mode: 'approval',
    date: TODAY,
    number,
    dateStyle: 'long',
    heading: '',
    basis: '',
    points: ['Утвердить план мероприятий (дорожную карту) (приложение № 1).', 'Контроль за исполнением настоящего приказа оставляю за собой.'],
    signatory: { position: DERBENT_ORG.headPosition, name: DERBENT_ORG.headName },
    appendix: 'all',
    sections: [],
    row: null,
    useTemplate: false,
    acceptRoadmapProblems: true,
    ...extra,
  };
}

describe.each(FIXTURES)('approval order for the %s roadmap', (fixture) => {
  it('the sidebar is pre-filled from the sheets: today, next number 1, requisites, the first roadmap rows for the preview', () => {
    const { rt, seeded } = setupRuntime(fixture);
    const setup = inRuntime(rt, () => getOrderSetup('approval'));
    expect(setup.today).toBe(TODAY);
    expect(setup.nextNumber).toBe('1');
    expect(setup.blocking).toEqual([]);
    expect(setup.requisites.headName).toBe(DERBENT_ORG.headName);
    expect(setup.requisites.fullName.split('\n')).toHaveLength(3);
    expect(setup.roadmap?.sheetName).toBe(ROADMAP_SHEET);
    expect(setup.roadmap?.items.map((i) => i.activity)).toEqual(seeded.items.slice(0, PREVIEW_ROWS).map((i) => i.activity));
    expect(setup.itemsTotal).toBe(seeded.items.length);
    expect(setup.sections.length).toBe(seeded.items.filter((i) => i.isSection).length);
  });

  it('creates the Doc: every requisite in ГОСТ order, A4 with ГОСТ margins, Times New Roman, appendix = roadmap, journal row', () => {
    const { rt, seeded } = setupRuntime(fixture);
    const created = inRuntime(rt, () => createOrder(defaultRequest('12')));
    const docs = rt.documents();
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc.name).toBe(created.name);
    expect(doc.name).toMatch(/^Приказ № 12 от 23\.11\.2026 — Об утверждении (?:плана|дорожной карты)/);

    // Page setup in points: A4, left 30 mm, right 15 mm, top and bottom 20 mm.
    expect(doc.page.width).toBeCloseTo(mmToPt(210), 1);
    expect(doc.page.height).toBeCloseTo(mmToPt(297), 1);
    expect(doc.page.marginLeft).toBeCloseTo(mmToPt(30), 1);
    expect(doc.page.marginRight).toBeCloseTo(mmToPt(15), 1);
    expect(doc.page.marginTop).toBeCloseTo(mmToPt(20), 1);
    expect(doc.page.marginBottom).toBeCloseTo(mmToPt(20), 1);

    // Requisites in ГОСТ order (header block … executor, then the appendix on a new page).
    const text = flatText(doc.body);
    const at = (pred: (t: string) => boolean, from = 0) => {
      const i = text.findIndex((t, k) => k >= from && pred(t));
      expect(i, `not found after ${from}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      at((t) => t === 'РЕСПУБЛИКА ДАГЕСТАН'),
      at((t) => t === 'МР «ДЕРБЕНТСКИЙ РАЙОН»'),
      at((t) => t === 'ПРИКАЗ'),
      at((t) => t === formatOrderDate(TODAY, 'long')),
      at((t) => t === numberSign('12')),
      at((t) => t === 'г. Дербент'),
      at((t) => /^Об утверждении (?:плана|дорожной карты)/.test(t)),
      at((t) => t.startsWith('В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ')),
      at((t) => t === 'ПРИКАЗЫВАЮ:'),
      at((t) => t.startsWith('1. Утвердить')),
      at((t) => t.startsWith('2. Контроль')),
      at((t) => t === 'Начальник'),
      at((t) => t === signatureName(DERBENT_ORG.headName)),
      at((t) => t === 'Кахриманова Н.Н.'),
      at((t) => t === '8 (87240) 4-12-34'),
      at((t) => t === '\f'),
      at((t) => t === 'Приложение № 1'),
      at((t) => t.startsWith('к приказу МКУ «Управление образования»')),
      at((t) => /^УТВЕРЖДЕН[АОЫ]?$/.test(t)),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // Body text: Times New Roman 14 pt, justified with a 1.25 cm first-line indent.
    const basis = doc.body.find((b) => b.type === 'paragraph' && b.text.startsWith('В соответствии с'));
    expect(basis).toMatchObject({ alignment: 'JUSTIFY', fontFamily: 'Times New Roman', fontSize: 14 });
    expect(basis?.type === 'paragraph' && basis.indentFirstLine).toBeCloseTo(mmToPt(12.5), 1);

    // The appendix: the last table, header row then exactly the roadmap's rows.
    const tables = doc.body.filter((b) => b.type === 'table');
    const table = tables[tables.length - 1]!;
    if (table.type !== 'table') throw new Error('no table');
    expect(table.rows[0]!.cells.map((c) => c.text)).toEqual(['№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственные', 'Результат']);
    expect(table.rows[0]!.cells.every((c) => c.bold)).toBe(true);
    const body = table.rows.slice(1);
    expect(body).toHaveLength(seeded.items.length);
    seeded.items.forEach((item, i) => {
      const cells = body[i]!.cells;
      if (item.isSection) {
        expect(cells[0]!.text).toBe(item.number);
        expect(cells[1]!.text).toBe(item.activity);
        expect(cells[1]!.colSpan).toBe(4);
        expect(cells[1]!.bold).toBe(true);
      } else {
        expect(cells.map((c) => c.text)).toEqual([item.number, item.activity, item.deadline, item.responsible, item.result]);
        expect(cells[1]!.fontSize).toBe(12);
      }
    });

    // The journal: date, number, heading, link, who, when.
    const journal = rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')!;
    expect(journal.lastRow).toBe(2);
    const row = journal.cells[1]!.map((c) => c?.text ?? '');
    expect(row[0]).toBe('23.11.2026');
    expect(row[1]).toBe('12');
    expect(row[2]).toMatch(/^Об утверждении (?:плана|дорожной карты)/);
    expect(flatText(doc.body)).toContain(row[2]);
    expect(created.name).toBe(orderDocName('12', TODAY, row[2]!));
    expect(row[3]).toBe(doc.url);
    expect(row[4]).toBe('metodist@example.org');
    expect(row[5]).toMatch(/^23\.11\.2026 \d\d:\d\d$/);
    expect(created).toMatchObject({ number: '12', date: TODAY, journalRow: 2, url: doc.url });
    expect(created.pdfUrl).toBe(`https://docs.google.com/document/d/${doc.id}/export?format=pdf`);
  });
});

describe('numbers and the journal', () => {
  it('the next free number follows the journal; a duplicate number in the same year is refused and nothing is created', () => {
    const { rt } = setupRuntime('khabez-2021');
    inRuntime(rt, () => createOrder(defaultRequest('5')));
    expect(inRuntime(rt, () => getOrderSetup('approval')).nextNumber).toBe('6');
    expect(() => inRuntime(rt, () => createOrder(defaultRequest('5')))).toThrow(/Приказ № 5 от [\d.]+ уже есть в журнале \(лист «Журнал приказов», строка 2:/);
    expect(rt.documents()).toHaveLength(1);
    const journal = rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')!;
    expect(journal.lastRow).toBe(2);
  });

  it('in an en_US spreadsheet the journal date is a date too, and numbering still follows the journal', () => {
    const rt = newRuntime('en_US');
    seedRoadmap(rt, canonicalFromFixture('khabez-2021').values);
    rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
    inRuntime(rt, () => createOrder(defaultRequest('5', { heading: '=HYPERLINK("x")' })));
    const row = rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')!.cells[1]!.map((c) => c?.text ?? '');
    expect(row[0]).toBe(TODAY.split('-').reverse().join('.')); // shown by the column's format dd.mm.yyyy
    expect(inRuntime(rt, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Журнал приказов')!.getRange('A2').getValue())).toBeInstanceOf(Date);
    expect(row[2]).toBe('=HYPERLINK("x")'); // formula-like text stays text ('@' set with the row)
    expect(inRuntime(rt, () => getOrderSetup('approval')).nextNumber).toBe('6');
  });

  it('a number such as "5/1" stays text in the journal (not a date)', () => {
    const { rt } = setupRuntime('khabez-2021');
    inRuntime(rt, () => createOrder(defaultRequest('5/1')));
    const journal = rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')!;
    expect(journal.cells[1]![1]!.text).toBe('5/1');
  });

  it('only not-done rows or chosen sections go into the appendix when asked', () => {
    const { rt, seeded } = setupRuntime('kalinovskaya-2022-2024');
    const firstSection = seeded.items.find((i) => i.isSection)!;
    inRuntime(rt, () => createOrder(defaultRequest('7', { appendix: 'sections', sections: [firstSection.number] })));
    const table = rt.documents()[0]!.body.filter((b) => b.type === 'table').pop()!;
    if (table.type !== 'table') throw new Error('no table');
    const start = seeded.items.indexOf(firstSection);
    const next = seeded.items.findIndex((i, k) => k > start && i.isSection);
    const expected = seeded.items.slice(start, next < 0 ? undefined : next);
    expect(table.rows.slice(1).map((r) => r.cells[0]!.text)).toEqual(expected.map((i) => i.number));
  });
});

describe('a roadmap sheet made by the add-on itself', () => {
  it('header in row 1, title and plan period kept in the roadmap settings: the heading names the period', () => {
    const rt = newRuntime();
    const fixture = loadFixture('kalinovskaya-2022-2024');
    const recognition = recognizeRoadmap(fixture.cells);
    rt.seedSheet('Организации', orgRows([{ ...DERBENT_ORG, roadmapSheet: '' }]));
    const sheetName = inRuntime(rt, () => {
      const plan = { title: recognition.plan?.title ?? '', planStart: fixture.plan[0], planEnd: fixture.plan[1] };
      const sheet = writeCanonicalSheet(SpreadsheetApp.getActiveSpreadsheet(), 'Дорожная карта', prepareCanonical(recognition.items, plan, TODAY), plan);
      return sheet.getName();
    });
    const setup = inRuntime(rt, () => getOrderSetup('approval'));
    expect(setup.roadmap?.sheetName).toBe(sheetName);
    expect(setup.roadmap?.period).toEqual({ start: '2022-01-01', end: '2024-12-31' });
    expect(setup.itemsTotal).toBe(recognition.items.length);
    inRuntime(rt, () => createOrder(defaultRequest('3')));
    const text = flatText(rt.documents()[0]!.body);
    // The plan's own title, out of capitals, in the heading and as the appendix title.
    expect(text).toContain('Об утверждении плана мероприятий (дорожной карты) реализации целевой модели наставничества в МБОУ «Калиновская ООШ» на 2022-2024 гг.');
    expect(text).toContain('План мероприятий (дорожная карта) реализации целевой модели наставничества в МБОУ «Калиновская ООШ» на 2022-2024 гг.');
  });
});
