import { describe, expect, it } from 'vitest';
import manifest from '../../../appsscript.json';
import { createContext } from '../../../preview/gas/services/context';
import { createDriveService, NOT_FOUND, ROOT_NAME } from '../../../preview/gas/services/drive';
import { createDocumentService, DOCS_QUOTA_MESSAGE } from '../../../preview/gas/services/document';
import { quoteReplacement } from '../../../preview/gas/services/doc-text';
import { createUtilities } from '../../../preview/gas/services/utilities';

// DriveApp needs the full drive scope, which the add-on's manifest does not declare; these tests
// exercise the fake itself, so they declare it.
const WITH_DRIVE = { oauthScopes: [...manifest.oauthScopes, 'https://www.googleapis.com/auth/drive'] };

function setup() {
  const ctx = createContext(WITH_DRIVE);
  const drive = createDriveService(ctx, { id: 'sheet-1', url: 'https://docs.google.com/spreadsheets/d/sheet-1/edit', name: () => 'План ЦМН' });
  const docs = createDocumentService(ctx, drive.store);
  return { ctx, DriveApp: drive.service, DocumentApp: docs.service, drive, docs };
}

describe('DocumentApp structure', () => {
  // https://developers.google.com/apps-script/reference/document/body
  it('a new document has one empty paragraph, Letter page and 72 pt margins', () => {
    const { DocumentApp, docs } = setup();
    const doc = DocumentApp.create('Приказ № 1');
    expect(doc.getBody().getNumChildren()).toBe(1);
    const [snap] = docs.snapshots();
    expect(snap!.name).toBe('Приказ № 1');
    expect(snap!.page).toEqual({ width: 612, height: 792, marginTop: 72, marginBottom: 72, marginLeft: 72, marginRight: 72 });
    expect(snap!.body).toMatchObject([{ type: 'paragraph', text: '' }]);
  });

  it('records page setup, headings, alignment, indents and run styles in the snapshot', () => {
    const { DocumentApp, docs } = setup();
    const doc = DocumentApp.create('Приказ');
    const body = doc.getBody();
    body.setPageWidth(595.3).setPageHeight(841.9).setMarginLeft(85.05).setMarginRight(42.5).setMarginTop(56.7).setMarginBottom(56.7);
    body.getChild(0).asParagraph().setText('ПРИКАЗ');
    body.getParagraphs()[0]!.setHeading(DocumentApp.ParagraphHeading.HEADING1).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    const p = body.appendParagraph('На основании распоряжения ').setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY).setIndentFirstLine(35.4);
    p.setAttributes({ [DocumentApp.Attribute.FONT_SIZE]: 14, [DocumentApp.Attribute.FONT_FAMILY]: 'Times New Roman' });
    p.appendText('ПРИКАЗЫВАЮ:').setBold(true);
    const s = docs.snapshots()[0]!;
    expect(s.page.width).toBeCloseTo(595.3);
    expect(s.page.marginLeft).toBeCloseTo(85.05);
    expect(s.body[0]).toMatchObject({ type: 'paragraph', text: 'ПРИКАЗ', heading: 'HEADING1', alignment: 'CENTER' });
    expect(s.body[1]).toMatchObject({
      type: 'paragraph', text: 'На основании распоряжения ПРИКАЗЫВАЮ:', alignment: 'JUSTIFY', indentFirstLine: 35.4,
      fontSize: 14, fontFamily: 'Times New Roman', bold: null,
      runs: [{ text: 'На основании распоряжения ' }, { text: 'ПРИКАЗЫВАЮ:', bold: true }],
    });
  });

  it('tables: from cells, appended rows, widths, borders, cell styles; an empty paragraph follows a final table', () => {
    const { DocumentApp, docs } = setup();
    const body = DocumentApp.create('Приложение').getBody();
    const table = body.appendTable([['№', 'Мероприятие', 'Срок'], ['1.', 'Назначить куратора', 'До 01.02.2021']]);
    table.setColumnWidth(0, 30).setBorderWidth(0.5);
    const row = table.appendTableRow();
    row.appendTableCell('2.');
    row.appendTableCell('Провести мониторинг').setBackgroundColor('#fce8e6');
    row.appendTableCell('Май 2022');
    table.getRow(0).setAttributes({ [DocumentApp.Attribute.BOLD]: true });
    table.getCell(1, 1).editAsText().setFontSize(10);
    const s = docs.snapshots()[0]!;
    expect(s.body.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const t = s.body[1]!;
    if (t.type !== 'table') throw new Error('not a table');
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['№', 'Мероприятие', 'Срок'], ['1.', 'Назначить куратора', 'До 01.02.2021'], ['2.', 'Провести мониторинг', 'Май 2022'],
    ]);
    expect(t.rows[0]!.cells.every((c) => c.bold === true)).toBe(true);
    expect(t.rows[1]!.cells[0]!.bold).toBeNull();
    expect(t.rows[1]!.cells[1]!.fontSize).toBe(10);
    expect(t.rows[2]!.cells[1]!.background).toBe('#fce8e6');
    expect(t.columnWidths).toEqual([30, null, null]);
    expect(t.borderWidth).toBe(0.5);
  });

  it('list items, page breaks and merged cells appear in the snapshot', () => {
    const { DocumentApp, docs } = setup();
    const body = DocumentApp.create('x').getBody();
    body.appendListItem('Утвердить план').setNestingLevel(1).setGlyphType(DocumentApp.GlyphType.NUMBER);
    body.appendPageBreak();
    const table = body.appendTable([['1. Организационный этап', '', '']]);
    table.getCell(0, 1).merge();
    const s = docs.snapshots()[0]!;
    expect(s.body.slice(1, 3)).toEqual([
      { type: 'listItem', text: 'Утвердить план', nesting: 1, glyph: 'NUMBER', alignment: null },
      { type: 'pageBreak' },
    ]);
    const t = s.body[3]!;
    if (t.type !== 'table') throw new Error('not a table');
    expect(t.rows[0]!.cells.map((c) => c.colSpan)).toEqual([2, 1]);
  });

  it('refuses a ragged cells array and removing the last paragraph', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('x').getBody();
    expect(() => body.appendTable([['a', 'b'], ['c']])).toThrow();
    expect(() => body.getChild(0).removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
  });

  it('header and footer exist only once added', () => {
    const { DocumentApp, docs } = setup();
    const doc = DocumentApp.create('x');
    expect(doc.getHeader()).toBeNull();
    doc.addHeader().appendParagraph('2');
    doc.addFooter().appendParagraph('Исп. Иванова И.И., 8 (8722) 00-00-00');
    expect(() => doc.addHeader()).toThrow();
    const s = docs.snapshots()[0]!;
    expect(s.header.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual(['', '2']);
    expect(s.footer.at(-1)).toMatchObject({ text: 'Исп. Иванова И.И., 8 (8722) 00-00-00' });
  });

  it('getAs(PDF) is a PDF blob named after the document that carries its text', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Приказ № 7');
    doc.getBody().appendParagraph('Об утверждении плана');
    const pdf = doc.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Приказ № 7.pdf');
    expect(pdf.getDataAsString()).toMatch(/^%PDF-/);
    expect(pdf.getDataAsString()).toContain('Об утверждении плана');
  });

  it('stops at the daily creation quota with Google\'s message', () => {
    const { DocumentApp, docs } = setup();
    docs.setDocsQuota(1);
    DocumentApp.create('a');
    expect(() => DocumentApp.create('b')).toThrow(DOCS_QUOTA_MESSAGE);
    expect(docs.snapshots()).toHaveLength(1);
  });

  it('is refused outside AuthMode.FULL', () => {
    const { ctx, DocumentApp } = setup();
    expect(() => ctx.tracker.run('LIMITED', () => DocumentApp.create('x'))).toThrow(/You do not have permission to call DocumentApp\.create/);
  });
});

describe('replaceText and findText', () => {
  // Body.replaceText: "searchPattern: the regex pattern to search for"; the replacement behaves as
  // Java's Matcher.replaceAll ($n = group, \ escapes), so values must be quoted to come out as typed.
  it('treats the pattern as a regex and expands groups in the replacement', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('t').getBody();
    body.appendParagraph('Срок: 2021 год, 2022 год');
    body.replaceText('(\\d{4}) год', '$1 г.');
    expect(body.getParagraphs()[1]!.getText()).toBe('Срок: 2021 г., 2022 г.');
  });

  it('hostile values come out exactly as typed when quoted; raw `$` is refused as Java does', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('t').getBody();
    body.appendParagraph('Организация: {{Организация}}');
    const hostile = 'ООО "Рога $1 и \\копыта" [A-Z]* (?:x) $$';
    expect(() => body.replaceText('\\{\\{Организация\\}\\}', '$')).toThrow('Illegal group reference');
    body.replaceText('\\{\\{Организация\\}\\}', quoteReplacement(hostile));
    expect(body.getParagraphs()[1]!.getText()).toBe(`Организация: ${hostile}`);
  });

  it('replaces inside table cells and finds a placeholder with its paragraph and index', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('t').getBody();
    body.appendTable([['{{Номер}}', 'x']]);
    body.appendParagraph('{{Таблица}}');
    body.replaceText('\\{\\{Номер\\}\\}', '15');
    expect(body.getTables()[0]!.getCell(0, 0).getText()).toBe('15');
    const found = body.findText('\\{\\{Таблица\\}\\}');
    expect(found).not.toBeNull();
    const paragraph = found!.getElement().getParent();
    expect(body.getChildIndex(paragraph)).toBe(3);
    expect(found!.getStartOffset()).toBe(0);
    expect(found!.getEndOffsetInclusive()).toBe('{{Таблица}}'.length - 1);
    expect(body.findText('\\{\\{Таблица\\}\\}', found)).toBeNull();
  });
});

describe('DriveApp', () => {
  it('the spreadsheet and created documents are files in "Мой диск"', () => {
    const { DriveApp, DocumentApp, drive } = setup();
    const sheet = DriveApp.getFileById('sheet-1');
    expect(sheet.getName()).toBe('План ЦМН');
    const parent = sheet.getParents().next();
    expect(parent.getName()).toBe(ROOT_NAME);
    const doc = DocumentApp.create('Приказ № 3');
    const file = DriveApp.getFileById(doc.getId());
    expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(file.getUrl()).toBe(doc.getUrl());
    expect(drive.snapshots().map((f) => f.name)).toEqual(['План ЦМН', 'Приказ № 3']);
  });

  it('makeCopy of a document template copies its content into a folder; moveTo moves', () => {
    const { DriveApp, DocumentApp } = setup();
    const template = DocumentApp.create('Шаблон приказа');
    template.getBody().appendParagraph('{{Заголовок}}');
    const folder = DriveApp.getRootFolder().createFolder('Приказы');
    const copy = DriveApp.getFileById(template.getId()).makeCopy('Приказ № 4', folder);
    const doc = DocumentApp.openById(copy.getId());
    doc.getBody().replaceText('\\{\\{Заголовок\\}\\}', 'Об утверждении плана');
    expect(doc.getBody().getText()).toBe('\nОб утверждении плана');
    expect(template.getBody().getText()).toBe('\n{{Заголовок}}');
    expect(copy.getParents().next().getName()).toBe('Приказы');
    const pdfFile = folder.createFile(doc.getAs('application/pdf'));
    expect(pdfFile.getName()).toBe('Приказ № 4.pdf');
    pdfFile.moveTo(DriveApp.getRootFolder());
    expect(pdfFile.getParents().next().getName()).toBe(ROOT_NAME);
  });

  it('createFile(blob) keeps the bytes; an unknown id throws Google\'s message', () => {
    const { ctx, DriveApp, drive } = setup();
    const blob = createUtilities(ctx).newBlob('a;b\n1;2', 'text/csv', 'свод.csv');
    const file = DriveApp.createFile(blob);
    expect(file.getBlob().getDataAsString()).toBe('a;b\n1;2');
    expect(drive.snapshots().find((f) => f.id === file.getId())?.base64).toBe(Buffer.from('a;b\n1;2').toString('base64'));
    expect(() => DriveApp.getFileById('nope')).toThrow(NOT_FOUND);
  });
});
