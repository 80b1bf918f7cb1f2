// The advanced Docs service of the in-memory Apps Script, checked against the Docs API reference:
// structural indexes (https://developers.google.com/docs/api/concepts/structure) and the requests
// the add-on sends (https://developers.google.com/docs/api/reference/rest/v1/documents/request).
import { describe, expect, it } from 'vitest';
import manifest from '../../../appsscript.json';
import { createGasRuntime } from '../../../preview/gas';

function setup() {
  const rt = createGasRuntime({ now: () => new Date('2026-02-01T09:00:00Z') });
  const { DocumentApp, Docs } = rt.globals;
  const doc = DocumentApp.create('Приказ');
  const body = doc.getBody();
  body.getParagraphs()[0]!.setText('Hello');
  body.appendTable([['№', 'Мероприятие', 'Срок'], ['1.', 'Раздел', ''], ['1.1.', 'Семинар', 'май']]);
  body.appendParagraph('Конец');
  const id = doc.getId(); // read while open: a closed Document refuses calls
  doc.saveAndClose();
  return { rt, id, Docs: Docs! };
}

type Content = { startIndex: number; endIndex: number; table?: { rows: number; columns: number; tableRows: { startIndex: number; tableCells: { startIndex: number; content: { startIndex: number }[]; tableCellStyle: { columnSpan: number } }[] }[] }; paragraph?: object; sectionBreak?: { sectionStyle: { flipPageOrientation?: boolean } } };
const contentOf = (Docs: GoogleAppsScript.Docs, id: string) => (Docs.Documents.get(id) as unknown as { body: { content: Content[] } }).body.content;

describe('Docs API: the advanced service exists because appsscript.json enables it', () => {
  it('is enabled in the manifest as Docs v1', () => {
    expect(manifest.dependencies.enabledAdvancedServices).toContainEqual({ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' });
    expect(setup().Docs).toBeTruthy();
  });
});

describe('documents.get: structural indexes', () => {
  it('start with a section break at 0; a paragraph spans its text and newline; a table, each row and each cell open with one index and the table closes with one', () => {
    const { Docs, id } = setup();
    const content = contentOf(Docs, id);
    expect(content[0]).toMatchObject({ startIndex: 0, endIndex: 1, sectionBreak: {} });
    expect(content[1]).toMatchObject({ startIndex: 1, endIndex: 7 }); // "Hello\n"
    const table = content[2]!;
    expect(table.startIndex).toBe(7);
    expect(table.table!.tableRows[0]!.startIndex).toBe(8);
    expect(table.table!.tableRows[0]!.tableCells[0]!.startIndex).toBe(9);
    expect(table.table!.tableRows[0]!.tableCells[0]!.content[0]!.startIndex).toBe(10); // "№\n" → 10..12
    expect(table.table!.tableRows[0]!.tableCells[1]!.startIndex).toBe(12);
    // 3 rows: each 1 + cells (1 + text + 1): row 1 = 1+3+13+6 … the table ends one past its last cell.
    const lastRow = table.table!.tableRows[2]!;
    const lastCell = lastRow.tableCells[2]!;
    expect(table.endIndex).toBe(lastCell.content[0]!.startIndex + 'май\n'.length + 1);
    expect(content[3]).toMatchObject({ startIndex: table.endIndex });
  });
});

describe('documents.batchUpdate', () => {
  it('mergeTableCells: the head cell spans the range, the covered cells stay in the row, text is concatenated into the head', () => {
    const { rt, Docs, id } = setup();
    const start = contentOf(Docs, id)[2]!.startIndex;
    Docs.Documents.batchUpdate({ requests: [{ mergeTableCells: { tableRange: { tableCellLocation: { tableStartLocation: { index: start }, rowIndex: 1, columnIndex: 1 }, rowSpan: 1, columnSpan: 2 } } }] } as never, id);
    const table = rt.documents()[0]!.body.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows[1]!.cells.map((c) => [c.text, c.colSpan, !!c.covered])).toEqual([['1.', 1, false], ['Раздел', 2, false], ['', 1, true]]);
    expect(contentOf(Docs, id)[2]!.table!.tableRows[1]!.tableCells.map((c) => c.tableCellStyle.columnSpan)).toEqual([1, 2, 0]);
  });

  it('pinTableHeaderRows and updateTextStyle(bold) apply to the table found by its start index', () => {
    const { rt, Docs, id } = setup();
    const table = contentOf(Docs, id)[2]!;
    const row = table.table!.tableRows[1]!;
    Docs.Documents.batchUpdate({ requests: [
      { pinTableHeaderRows: { tableStartLocation: { index: table.startIndex }, pinnedHeaderRowsCount: 1 } },
      { updateTextStyle: { range: { startIndex: row.startIndex, endIndex: table.table!.tableRows[2]!.startIndex }, textStyle: { bold: true }, fields: 'bold' } },
    ] } as never, id);
    const snap = rt.documents()[0]!.body.find((b) => b.type === 'table');
    expect(snap?.type === 'table' && snap.pinnedHeaderRows).toBe(1);
    expect(snap?.type === 'table' && snap.rows.map((r) => r.cells[0]!.bold === true)).toEqual([false, true, false]);
  });

  it('insertSectionBreak + updateSectionStyle(flipPageOrientation): a new section on its own landscape pages, after a newline', () => {
    const { rt, Docs, id } = setup();
    const content = contentOf(Docs, id);
    const last = content[content.length - 1]!; // "Конец"
    Docs.Documents.batchUpdate({ requests: [
      { insertSectionBreak: { location: { index: last.startIndex }, sectionType: 'NEXT_PAGE' } },
      { updateSectionStyle: { range: { startIndex: last.startIndex + 1, endIndex: last.startIndex + 2 }, sectionStyle: { flipPageOrientation: true }, fields: 'flipPageOrientation' } },
    ] } as never, id);
    const body = rt.documents()[0]!.body;
    // Docs keeps an empty paragraph after a table; the inserted newline makes one more before the break.
    expect(body.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph', 'paragraph', 'sectionBreak', 'paragraph']);
    expect(body[4]).toEqual({ type: 'sectionBreak', landscape: true });
    expect(contentOf(Docs, id)[5]).toMatchObject({ startIndex: last.startIndex + 1, sectionBreak: { sectionStyle: { flipPageOrientation: true } } });
  });

  it('is atomic: one invalid request (a start index that is not a table\'s) and nothing is applied', () => {
    const { rt, Docs, id } = setup();
    const table = contentOf(Docs, id)[2]!;
    const before = JSON.stringify(rt.documents()[0]);
    expect(() => Docs.Documents.batchUpdate({ requests: [
      { pinTableHeaderRows: { tableStartLocation: { index: table.startIndex }, pinnedHeaderRowsCount: 1 } },
      { mergeTableCells: { tableRange: { tableCellLocation: { tableStartLocation: { index: table.startIndex + 1 }, rowIndex: 0, columnIndex: 0 }, rowSpan: 1, columnSpan: 2 } } },
    ] } as never, id)).toThrow(/The table start location must specify the start index of a table/);
    expect(JSON.stringify(rt.documents()[0])).toBe(before);
  });

  it('refuses a non-rectangular range (cells already merged) and a section break inside a table', () => {
    const { Docs, id } = setup();
    const table = contentOf(Docs, id)[2]!;
    const merge = (columnIndex: number, columnSpan: number) => ({ mergeTableCells: { tableRange: { tableCellLocation: { tableStartLocation: { index: table.startIndex }, rowIndex: 1, columnIndex }, rowSpan: 1, columnSpan } } });
    Docs.Documents.batchUpdate({ requests: [merge(1, 2)] } as never, id);
    expect(() => Docs.Documents.batchUpdate({ requests: [merge(0, 3)] } as never, id)).toThrow(/non-rectangular/);
    expect(() => Docs.Documents.batchUpdate({ requests: [{ insertSectionBreak: { location: { index: table.startIndex }, sectionType: 'NEXT_PAGE' } }] } as never, id)).toThrow(/inside the bounds of an existing paragraph/);
  });

  it('needs the documents scope, like DocumentApp', () => {
    const rt = createGasRuntime({ oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    expect(() => rt.run('FULL', () => rt.globals.Docs!.Documents.get('x'))).toThrow(/Required permissions: https:\/\/www.googleapis.com\/auth\/documents/);
  });
});
