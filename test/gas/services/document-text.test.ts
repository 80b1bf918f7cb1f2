import { describe, expect, it } from 'vitest';
import manifest from '../../../appsscript.json';
import { createContext } from '../../../preview/gas/services/context';
import { createDriveService } from '../../../preview/gas/services/drive';
import { createDocumentService } from '../../../preview/gas/services/document';

function setup() {
  const ctx = createContext({ oauthScopes: manifest.oauthScopes });
  const drive = createDriveService(ctx, { id: 'sheet-1', url: 'https://docs.google.com/spreadsheets/d/sheet-1/edit', name: () => 'План ЦМН' });
  const docs = createDocumentService(ctx, drive.store);
  return { DocumentApp: docs.service, docs };
}

function onlyTable(docs: ReturnType<typeof setup>['docs']) {
  const table = docs.snapshots()[0]!.body.find((b) => b.type === 'table');
  if (table?.type !== 'table') throw new Error('no table in the document');
  return table;
}

describe('Text of a table row (TableRow.editAsText)', () => {
  // https://developers.google.com/apps-script/reference/document/table-row#editAsText()
  it('styles every cell of that row, and only that row', () => {
    const { DocumentApp, docs } = setup();
    const body = DocumentApp.create('Приложение').getBody();
    const table = body.appendTable([['№', 'Мероприятие', 'Срок'], ['1.', 'Назначить куратора', 'До 01.02.2021']]);
    const text = table.getRow(0).editAsText();
    expect(text.getType()).toBe(DocumentApp.ElementType.TEXT);
    expect(text.getText()).toBe('№\tМероприятие\tСрок');
    text.setBold(true).setFontSize(11);
    expect(text.isBold()).toBe(true);
    const [header, item] = onlyTable(docs).rows;
    expect(header!.cells.map((c) => [c.bold, c.fontSize])).toEqual([[true, 11], [true, 11], [true, 11]]);
    expect(item!.cells.map((c) => c.bold)).toEqual([null, null, null]);
    expect(table.getRow(1).editAsText().isBold()).toBe(false);
  });

  it('replaces and finds text across the row\'s cells', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('t').getBody();
    const table = body.appendTable([['{{Номер}}', 'x'], ['{{Номер}}', 'y']]);
    const text = table.getRow(1).editAsText();
    expect(text.findText('\\{\\{Номер\\}\\}')).not.toBeNull();
    text.replaceText('\\{\\{Номер\\}\\}', '2.');
    expect(table.getCell(1, 0).getText()).toBe('2.');
    expect(table.getCell(0, 0).getText()).toBe('{{Номер}}');
  });
});

describe('Element.asText on a Text', () => {
  // https://developers.google.com/apps-script/reference/document/text#asText()
  it('a findText match\'s element casts to the Text that edits the matched paragraph', () => {
    const { DocumentApp, docs } = setup();
    const body = DocumentApp.create('Приказ').getBody();
    body.appendParagraph('от {{Дата}} № 15');
    const found = body.findText('\\{\\{Дата\\}\\}');
    expect(found).not.toBeNull();
    const text = found!.getElement().asText();
    expect(text.getType()).toBe(DocumentApp.ElementType.TEXT);
    expect(text.asText().getText()).toBe('от {{Дата}} № 15');
    text.deleteText(found!.getStartOffset(), found!.getEndOffsetInclusive());
    text.insertText(found!.getStartOffset(), '7 февраля 2023 г.');
    expect(docs.snapshots()[0]!.body[1]).toMatchObject({ type: 'paragraph', text: 'от 7 февраля 2023 г. № 15' });
  });

  it('editAsText of a paragraph casts to itself', () => {
    const { DocumentApp } = setup();
    const p = DocumentApp.create('t').getBody().appendParagraph('ПРИКАЗ');
    p.editAsText().asText().setBold(true);
    expect(p.editAsText().isBold()).toBe(true);
  });
});
