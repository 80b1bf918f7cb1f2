// «Импорт из Google Документа»: the roadmap table of a Google Doc (a .docx opened in Google Docs
// and saved as a Google Doc works too) → cells → the same recognition as a pasted table.
//
// Cost: DocumentApp has no batch read of a table, so reading costs about two calls per cell
// (TableRow.getCell + TableCell.getText) plus two per row: a 100 × 5 table ≈ 1,200 calls, a few
// seconds in Apps Script. The sheet side stays at a constant number of calls.

/** The document id in a Docs link ("…/document/d/<id>/edit") or a bare id; null otherwise. */
export function documentIdOf(text: string): string | null {
  const t = text.trim();
  const m = /\/(?:document|file)\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{10,})/.exec(t) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(t);
  if (m) return m[1]!;
  return /^[A-Za-z0-9_-]{20,}$/.test(t) ? t : null;
}

export interface DocTable {
  name: string;
  /** Title paragraphs (one cell each) followed by the table's rows. */
  cells: string[][];
  tables: number;
  /** Rows of the chosen table. */
  tableRows: number;
}

/** Paragraphs kept above the table: recognition looks for the title and plan period there. */
const TITLE_PARAGRAPHS = 40;

/** Reads the largest table of the document and the paragraphs before it. */
export function readDocumentTable(doc: GoogleAppsScript.Document.Document): DocTable {
  const body = doc.getBody();
  const name = doc.getName();
  const tables = body.getTables();
  if (tables.length === 0) return { name, cells: [], tables: 0, tableRows: 0 };
  let best = tables[0]!;
  let bestRows = best.getNumRows();
  for (const t of tables.slice(1)) {
    const n = t.getNumRows();
    if (n > bestRows) [best, bestRows] = [t, n];
  }
  const titles: string[][] = [];
  let index = -1;
  try {
    index = body.getChildIndex(best);
  } catch {
    index = -1; // a table nested in another table: no paragraphs of the body directly above it
  }
  const paragraphType = DocumentApp.ElementType.PARAGRAPH;
  const listType = DocumentApp.ElementType.LIST_ITEM;
  for (let i = Math.max(0, index - TITLE_PARAGRAPHS); i < index; i++) {
    const child = body.getChild(i);
    const type = child.getType();
    const text = type === paragraphType ? child.asParagraph().getText() : type === listType ? child.asListItem().getText() : '';
    if (text.trim()) titles.push([text]);
  }
  const rows: string[][] = [];
  for (let r = 0; r < bestRows; r++) {
    const row = best.getRow(r);
    const n = row.getNumCells();
    const cells: string[] = [];
    for (let c = 0; c < n; c++) cells.push(row.getCell(c).getText());
    rows.push(cells);
  }
  return { name, cells: [...titles, ...rows], tables: tables.length, tableRows: bestRows };
}

export const OPEN_FAILED =
  'Не удалось открыть документ. Проверьте ссылку и убедитесь, что у вас есть доступ к документу. ' +
  'Файл Word (.docx) сначала откройте в Google Документах и сохраните как Google Документ («Файл» → «Сохранить как Google Документ»).';
