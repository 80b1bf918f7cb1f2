// The report Doc: core's document model through the order renderer (render-doc.ts: requisites,
// tables in one appendTable call each, the signature row), the chart image appended right after
// the totals table, then one Docs API batchUpdate for every table's section rows and repeated
// header (docs-requests.ts). Calls are constant in the number of rows: each table is one call
// and its per-row touches are requests inside the single batchUpdate.
import type { ReportDocument } from '../../core/report';
import { allTablesDocsRequests } from '../orders/docs-requests';
import { NO_DOCS_API_WARNING, applyDocsRequests, renderOrderBody } from '../orders/render-doc';

export const NO_DOCS_API_REPORT_WARNING =
  'Расширенная служба Google Docs недоступна: строки разделов в таблицах отчёта не объединены, шапки таблиц не повторяются на каждой странице. Включите службу «Google Docs API» в проекте Apps Script.';

type Document = GoogleAppsScript.Document.Document;

/** InlineImage sizes are pixels, page sizes points: 1 px = 0.75 pt (96 px an inch, 72 pt an inch). */
const PT_PER_PX = 0.75;

/** Widest a chart may be: the text width; the height keeps the proportions. */
function fitImage(image: GoogleAppsScript.Document.InlineImage, maxWidthPt: number): void {
  const w = image.getWidth();
  const h = image.getHeight();
  const max = Math.floor(maxWidthPt / PT_PER_PX);
  if (w > max && w > 0) image.setWidth(max).setHeight(Math.round((h * max) / w));
}

/**
 * Fills an empty Doc with the report and saves it. The chart image (a Blob, or null) goes after
 * the totals. Returns what could not be done, in Russian.
 */
export function renderReportDoc(doc: Document, report: ReportDocument, chart: GoogleAppsScript.Base.Blob | null, docId: string): string[] {
  const body = doc.getBody();
  renderOrderBody(body, report, (i, textWidthPt) => {
    // Body.appendImage(blob) adds the image in a new paragraph at the end of the body:
    // https://developers.google.com/apps-script/reference/document/body#appendImage(BlobSource)
    if (i === report.chartAfter && chart) fitImage(body.appendImage(chart), textWidthPt);
  });
  doc.setName(report.name);
  // The Docs API sees DocumentApp's changes only once they are saved.
  doc.saveAndClose();
  return applyDocsRequests(docId, report, (json, r) => allTablesDocsRequests(json, r.blocks)).map((w) =>
    w === NO_DOCS_API_WARNING ? NO_DOCS_API_REPORT_WARNING : w.replace(/^Приказ создан/, 'Отчёт создан').replace('таблицы приложения', 'таблиц отчёта'));
}
