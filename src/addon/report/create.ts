// «Сформировать отчёт»: the report Doc, logged in the organisation's journal like an order (kind
// «отчёт», number «б/н»), through the transaction orders use (journalled.ts): no half state; a
// report left unfinished by a failure is finished by pressing again, which fills the same Doc.
import type { ReportCreated, ReportRequest } from '../../contract/report';
import { KIND_REPORT, NO_NUMBER, STATE_CREATING, isReport, isUnfinished, journalRow, readJournal } from '../../core/order/journal';
import { describeServiceError, UserError } from '../endpoint';
import { withDocumentLock } from '../lock';
import { activeUserEmail, docIdOf, docsFailureMessage, LOCK_WAIT_MS, reopenUnfinished } from '../orders/create';
import { readJournalSheet } from '../orders/journal';
import { journalledDocument } from '../orders/journalled';
import { docxExportUrl, pdfExportUrl } from '../orders/render-doc';
import { chartImage } from './chart';
import { collectReport } from './collect';
import { renderReportDoc } from './render';

export const PENDING_REPORT_NAME = 'Отчёт (создаётся дополнением «Дорожная карта»)';
export const REPORT_LOCK_BUSY =
  'Сейчас другой пользователь формирует документ в этой таблице. Подождите несколько секунд и нажмите «Сформировать отчёт» ещё раз. Ничего не создано и не записано.';

export const NO_CHART_WARNING = 'Диаграмма выполнения в отчёт не вставлена: Google не смог её построить. Отчёт сформирован без неё; чтобы вставить диаграмму, сформируйте отчёт ещё раз.';

const reportFailed = (error: unknown): string => docsFailureMessage(error).replace('Приказ не создан', 'Отчёт не создан');

function unfinishedReport(error: unknown, journal: string, row: number, url: string): string {
  return `Отчёт сформирован не до конца: ${describeServiceError(error)} ` +
    `Документ Google уже создан, но заполнен не полностью: ${url} — удалить его дополнение не может (у него нет доступа к Google Диску). ` +
    `В «${journal}» он записан в строку ${row} как незавершённый. Нажмите «Сформировать отчёт» ещё раз с тем же периодом: дополнение заполнит этот же документ заново.`;
}

export function createReport(req: ReportRequest): ReportCreated {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const now = new Date();
  const today = Utilities.formatDate(now, timeZone, 'yyyy-MM-dd');
  const collected = collectReport(ss, req, today, timeZone);
  const report = collected.doc;
  if (!report || collected.blocking.length) throw new UserError(`Отчёт не создан.\n${collected.blocking.join('\n')}`);
  const journalName = collected.state.journalSheet;

  return withDocumentLock(() => {
    let chart: GoogleAppsScript.Base.Blob | null = null;
    const journal = readJournalSheet(ss.getSheetByName(journalName), timeZone);
    // The same report left unfinished (same heading: plan and period) is finished in its own Doc.
    const existing = readJournal(journal.days).find((e) => isReport(e) && isUnfinished(e) && e.heading === report.meta.heading) ?? null;
    const author = activeUserEmail();
    const createdAt = Utilities.formatDate(now, timeZone, 'dd.MM.yyyy HH:mm');
    const entry = (url: string, state: string) =>
      journalRow({ date: today, number: NO_NUMBER, heading: report.meta.heading, url, author, createdAt, state, kind: KIND_REPORT });
    const done = journalledDocument({
      ss, journal, journalName, existing, entry, pendingName: PENDING_REPORT_NAME,
      reopen: (e) => reopenUnfinished(e, 'Отчёт', journalName),
      failed: reportFailed,
      rowLeft: (error, row) => reportFailed(error).replace('журнал не изменён', `в «${journalName}» могла остаться строка ${row} «${STATE_CREATING}»: удалите её`),
      unfinished: (error, row, url) => unfinishedReport(error, journalName, row, url),
      fill: (makeDoc, url) => {
        const doc = makeDoc();
        // Drawn once the Doc is listed, under the lock: the chart is drawn on the add-on's chart sheet,
        // which nothing is written to unless the report goes ahead, and no other report overwrites
        // meanwhile. It never throws: a report without its chart is finished and says so.
        if (req.chart && report.bars.length) chart = chartImage(ss, report.bars, `Выполнение мероприятий ${report.figures.periodWords}`);
        return renderReportDoc(doc, report, chart, docIdOf(url()) ?? '');
      },
    });
    const warnings = [
      ...(existing ? ['Этот отчёт не был завершён в прошлый раз: его документ заполнен заново.'] : []),
      ...(req.chart && report.bars.length && !chart ? [NO_CHART_WARNING] : []),
      ...collected.problems,
      ...done.warnings,
    ];
    const docId = docIdOf(done.url) ?? '';
    return { docId, name: report.name, url: done.url, pdfUrl: pdfExportUrl(docId), docxUrl: docxExportUrl(docId), journalSheet: journalName, journalRow: done.row, warnings };
  }, { waitMs: LOCK_WAIT_MS, busy: REPORT_LOCK_BUSY });
}
