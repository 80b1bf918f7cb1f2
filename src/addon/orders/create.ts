// The one click: build the order from the sheets, create the Doc, and register it in «Журнал
// приказов», all under the document lock, so two people cannot take the same number. The journal
// transaction below is journalled.ts's, shared with progress reports.
//
// A Doc cannot be deleted without a Drive scope, so the journal row comes first: the number is
// reserved («создаётся…»), the Doc is made and its link written to that row at once, the Doc is
// filled, and only then is the row marked finished. A failure before the Doc exists removes the
// reservation (nothing is left); a failure after marks the row unfinished with the Doc's link and
// says so; pressing again with the same number fills that same Doc anew, so one number never has
// two Docs and the journal never misses a Doc it made. An order for one roadmap row also writes its
// line and link into that row's «Отметка о выполнении» (row-mark.ts) after the Doc is filled and
// before the journal row is finished: a mark never points to a numberless or unfilled order, and a
// failure of the mark leaves the order unfinished, so pressing again completes it.
import type { OrderCreated, OrderRequest } from '../../contract/orders';
import {
  JOURNAL_SHEET, STATE_CREATING, duplicateMessage, findDuplicate, isUnfinished, journalRow, readJournal, type JournalEntry,
} from '../../core/order/journal';
import { UserError, describeServiceError } from '../endpoint';
import { withDocumentLock } from '../lock';
import { readJournalSheet } from './journal';
import { journalledDocument } from './journalled';
import { buildRequestedOrder } from './order-model';
import { rememberChoices } from './preferences';
import { applyDocsRequests, docxExportUrl, pdfExportUrl, renderOrderBody } from './render-doc';
import { readRequisites } from './sources';
import { createOrderFromTemplate, templateId } from './template';
import { MARK_TITLE, writeOrderMark } from './row-mark';

/** How long to wait for someone else's order to finish (ms). */
export const LOCK_WAIT_MS = 10_000;
export { DATE_STYLE_PROPERTY } from './preferences';
/** The name of a new order Doc until it is filled. */
export const PENDING_DOC_NAME = 'Приказ (создаётся дополнением «Дорожная карта»)';

export const LOCK_BUSY_MESSAGE =
  'Сейчас другой пользователь формирует приказ в этой таблице. Подождите несколько секунд и нажмите «Сформировать приказ» ещё раз. Ничего не создано и не записано.';

/** Russian text for a failure before any Doc was made: nothing was kept. */
export function docsFailureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const tail = 'Приказ не создан, журнал не изменён.';
  if (/too many times|quota|лимит/i.test(text)) {
    return `Превышен дневной лимит Google на создание документов (250 в сутки для личных аккаунтов, 1500 — для Google Workspace). Попробуйте завтра. ${tail}`;
  }
  return `${describeServiceError(error)} ${tail}`;
}

/** Russian text for a failure after the Doc was made: where it is and how to finish. */
export function unfinishedMessage(error: unknown, number: string, row: number, url: string): string {
  return `Приказ № ${number} сформирован не до конца: ${describeServiceError(error)} ` +
    `Документ Google уже создан, но заполнен не полностью: ${url} — удалить его дополнение не может (у него нет доступа к Google Диску). ` +
    `В «${JOURNAL_SHEET}» он записан в строку ${row} как незавершённый. Нажмите «Сформировать приказ» ещё раз с тем же номером: дополнение заполнит этот же документ заново. ` +
    'Если приказ больше не нужен, удалите документ на Диске и строку журнала.';
}

/** Russian text for a complete Doc whose line in the row's mark could not be written. */
export function markFailedMessage(detail: string, number: string, row: number, url: string, at: { sheetName: string; sheetRow: number }): string {
  return `Приказ № ${number} сформирован (${url}), но строка о нём не записана в столбец «${MARK_TITLE}» строки ${at.sheetRow} листа «${at.sheetName}». ${detail} ` +
    `В «${JOURNAL_SHEET}» приказ записан в строку ${row} как незавершённый. Нажмите «Сформировать приказ» ещё раз с тем же номером: дополнение заполнит этот же документ заново и допишет строку в отметку (второй раз она не появится).`;
}

export function activeUserEmail(): string {
  // Needs the userinfo.email scope; without it (or across domains) Google returns '' or refuses.
  // A refusal and a transient error look alike: ask twice before recording no author.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return Session.getActiveUser().getEmail();
    } catch {
      // try again, then give up
    }
  }
  return '';
}

export const docIdOf = (url: string): string | null => /\/document\/d\/([^/]+)/.exec(url)?.[1] ?? null;

/** The Doc of an unfinished row, emptied for filling again; null when the row has no link. `what` names it («Приказ № 5»). */
export function reopenUnfinished(entry: JournalEntry, what = `Приказ № ${entry.number}`, journal = JOURNAL_SHEET): GoogleAppsScript.Document.Document | null {
  const id = docIdOf(entry.url);
  if (!id) return null;
  let doc: GoogleAppsScript.Document.Document;
  try {
    doc = DocumentApp.openById(id);
  } catch (error) {
    throw new UserError(
      `${what} в «${journal}» (строка ${entry.row}) не завершён, но его документ не открывается: ${describeServiceError(error)} ` +
      'Если документ удалён, удалите и эту строку журнала, затем сформируйте документ снова. Журнал не изменён.',
    );
  }
  doc.getBody().clear();
  doc.getHeader()?.clear();
  doc.getFooter()?.clear();
  return doc;
}

export function createOrder(req: OrderRequest): OrderCreated {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const now = new Date();
  const today = Utilities.formatDate(now, timeZone, 'yyyy-MM-dd');

  const state = readRequisites(ss);
  if (!state.requisites || !state.organisation) {
    throw new UserError(`Приказ не создан: не заполнены или неверны реквизиты организации.\n${state.blocking.join('\n')}`);
  }
  const { order, row: orderedRow } = buildRequestedOrder(ss, req, state.requisites, state.organisation.roadmapSheet, today, timeZone, state.journalSheet);
  const template = req.useTemplate ? templateId() : null;
  if (req.useTemplate && !template) throw new UserError('Шаблон приказа ещё не создан. Создайте его: «Расширения → Дорожная карта → Приказы → Шаблон приказа».');

  return withDocumentLock(() => {
    const journal = readJournalSheet(ss.getSheetByName(state.journalSheet), timeZone);
    const dup = findDuplicate(readJournal(journal.days), req.number, req.date);
    if (dup && !isUnfinished(dup)) throw new UserError(duplicateMessage(dup, req.number.trim()));
    const number = req.number.trim();
    const author = activeUserEmail();
    const createdAt = Utilities.formatDate(now, timeZone, 'dd.MM.yyyy HH:mm');
    const entry = (url: string, state: string): (string | number)[] =>
      journalRow({ date: req.date, number, heading: order.meta.heading, url, author, createdAt, state });
    let mark: string | null = null;
    const done = journalledDocument({
      ss, journal, journalName: state.journalSheet, existing: dup, entry, pendingName: PENDING_DOC_NAME,
      reopen: (e) => reopenUnfinished(e, `Приказ № ${e.number}`, state.journalSheet),
      failed: docsFailureMessage,
      rowLeft: (error, row) => docsFailureMessage(error).replace('журнал не изменён', `в «${state.journalSheet}» могла остаться строка ${row} «${STATE_CREATING}»: удалите её`),
      unfinished: (error, row, url, filled) => {
        if (filled && orderedRow) {
          const detail = error instanceof UserError ? error.message : describeServiceError(error);
          return markFailedMessage(detail, number, row, url, orderedRow);
        }
        return unfinishedMessage(error, number, row, url);
      },
      // Make and fill the Doc (named once it is listed; a closed Doc can no longer be renamed).
      fill: (makeDoc, url) => {
        if (template) {
          return createOrderFromTemplate(template, order, () => {
            const doc = makeDoc();
            doc.setName(order.name);
            return doc;
          }).warnings;
        }
        const doc = makeDoc();
        renderOrderBody(doc.getBody(), order);
        doc.setName(order.name);
        // The Docs API sees DocumentApp's changes only once they are saved.
        doc.saveAndClose();
        return applyDocsRequests(docIdOf(url()) ?? doc.getId(), order);
      },
      afterFill: (url) => {
        const notes: string[] = [];
        // A row's order: its line and link in the row's mark (a rerun adds nothing twice).
        if (orderedRow) {
          const outcome = writeOrderMark(ss, orderedRow, { date: req.date, number, url }, author);
          if (outcome.note) notes.push(outcome.note);
          mark = outcome.done;
        }
        rememberChoices(order.meta.organisation, order.meta.planTitle ?? '', { dateStyle: req.dateStyle, font: req.font, basis: req.basisVerb ? { verb: req.basisVerb, acts: req.basis } : undefined });
        return notes;
      },
    });
    const warnings = dup ? [`Приказ № ${number} не был завершён в прошлый раз: его документ заполнен заново.`, ...done.warnings] : done.warnings;
    const docId = docIdOf(done.url) ?? '';
    return { docId, name: order.name, url: done.url, pdfUrl: pdfExportUrl(docId), docxUrl: docxExportUrl(docId), number, date: req.date, journalRow: done.row, warnings, mark };
  }, { waitMs: LOCK_WAIT_MS, busy: LOCK_BUSY_MESSAGE });
}
