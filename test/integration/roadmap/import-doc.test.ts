// «Импорт из Google Документа»: the title paragraphs and the table of a Doc → the canonical sheet.
import { afterEach, describe, expect, it } from 'vitest';
import { getRecognitionReport, importFromDoc } from '../../../src/addon/roadmap/actions';
import { documentIdOf } from '../../../src/addon/roadmap/import-doc';
import { createHarness, fixture, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

/** A Google Doc as Word leaves it: title paragraphs, then the table (rows as in the fixture). */
function makeDoc(titles: string[], rows: string[][], extraTables = 0): string {
  return h.run(() => {
    const doc = DocumentApp.create('Дорожная карта школы');
    const body = doc.getBody();
    for (const t of titles) body.appendParagraph(t);
    for (let i = 0; i < extraTables; i++) body.appendTable([['Согласовано', 'Утверждаю']]);
    if (rows.length) body.appendTable(rows);
    return doc.getUrl();
  });
}

describe('«Импорт из Google Документа»', () => {
  it('kalinovskaya-2022-2024 from a Doc: same items and plan period as the pasted sheet', () => {
    h = createHarness('2022-06-01');
    const f = fixture('kalinovskaya-2022-2024');
    const cells = f.cells.map((r) => r.map((c) => String(c ?? '')));
    const width = Math.max(...cells.slice(1).map((r) => r.length));
    const table = cells.slice(1).map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
    const url = makeDoc([cells[0]![0]!], table, 1);
    h.runtime.answerNext({ button: 'OK', text: url });
    h.runtime.calls.reset();
    h.run(() => importFromDoc());
    expect(h.alerts()).toEqual([]);
    const docCalls = h.runtime.calls.count('TableCell') + h.runtime.calls.count('TableRow');
    const report = h.run(() => getRecognitionReport()).report!;
    expect(report.source).toBe('Дорожная карта школы');
    expect(report.plan).toMatchObject({ start: f.plan[0], end: f.plan[1] });
    expect(report.warnings[0]).toMatch(/таблиц: 2; импортирована самая длинная/);
    const rows = texts(h.sheet('Дорожная карта школы — дорожная карта'));
    expect(rows.length - 1).toBe(report.items + report.sections);
    expect(rows[2]![0]).toBe('1.1.');
    // Reading a Docs table costs calls per cell: there is no batch read in DocumentApp.
    expect(docCalls).toBeGreaterThanOrEqual(table.length * width);
  });

  it('refuses a link that is not a document, a missing document and a document without a table', () => {
    h = createHarness('2023-06-01');
    h.runtime.answerNext({ button: 'OK', text: 'просто текст' });
    h.run(() => importFromDoc());
    h.runtime.answerNext({ button: 'OK', text: 'https://docs.google.com/document/d/1aaaaaaaaaaaaaaaaaaaaaaaaaaaa/edit' });
    h.run(() => importFromDoc());
    h.runtime.answerNext({ button: 'OK', text: makeDoc(['Только текст'], []) });
    h.run(() => importFromDoc());
    expect(h.alerts()[0]).toMatch(/не похоже на ссылку/);
    expect(h.alerts()[1]).toMatch(/Не удалось открыть документ/);
    expect(h.alerts()[2]).toMatch(/В документе «Дорожная карта школы» нет таблицы/);
    expect(h.runtime.snapshot().sheets).toHaveLength(1);
  });

  it('cancel does nothing', () => {
    h = createHarness('2023-06-01');
    h.runtime.answerNext({ button: 'CANCEL' });
    h.run(() => importFromDoc());
    expect(h.alerts()).toEqual([]);
    expect(h.runtime.snapshot().sheets).toHaveLength(1);
  });
});

describe('documentIdOf', () => {
  it('reads the id from Docs and Drive links', () => {
    expect(documentIdOf('https://docs.google.com/document/d/1AbC-dEf_1234567890/edit?usp=sharing')).toBe('1AbC-dEf_1234567890');
    expect(documentIdOf('https://drive.google.com/file/d/1AbC-dEf_1234567890/view')).toBe('1AbC-dEf_1234567890');
    expect(documentIdOf('https://drive.google.com/open?id=1AbC-dEf_1234567890')).toBe('1AbC-dEf_1234567890');
    expect(documentIdOf('мартобря')).toBeNull();
  });
});
