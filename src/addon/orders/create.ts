// The one click: build the order from the sheets, create the Doc, and register it in «Журнал
// приказов». The number check, the Doc and the journal row happen under the document lock, so two
// people cannot take the same number; if the lock is busy or the Doc cannot be created, nothing
// is written to the journal.
import type { OrderCreated, OrderRequest } from '../../contract/orders';
import { duplicateMessage, findDuplicate, journalRow } from '../../core/order/journal';
import { UserError } from '../endpoint';
import { withDocumentLock } from '../lock';
import { ensureJournalSheet, journalValues } from './journal';
import { JOURNAL_SHEET, readJournal } from '../../core/order/journal';
import { buildRequestedOrder } from './order-model';
import { rememberChoices } from './preferences';
import { createOrderDoc, docxExportUrl, pdfExportUrl, type RenderedDoc } from './render-doc';
import { readRequisites } from './sources';
import { createOrderFromTemplate, templateId } from './template';

/** How long to wait for someone else's order to finish (ms). */
export const LOCK_WAIT_MS = 10_000;
export { DATE_STYLE_PROPERTY } from './preferences';

export const LOCK_BUSY_MESSAGE =
  'Сейчас другой пользователь формирует приказ в этой таблице. Подождите несколько секунд и нажмите «Сформировать приказ» ещё раз. Ничего не создано и не записано.';

/** Russian text for a failure of DocumentApp (quota, Drive errors). */
export function docsFailureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const tail = 'Приказ не создан, в журнал ничего не записано.';
  if (/too many times|quota|лимит/i.test(text)) {
    return `Превышен дневной лимит Google на создание документов (250 в сутки для личных аккаунтов, 1500 — для Google Workspace). Попробуйте завтра. ${tail}`;
  }
  if (/permission|authoriz|доступ/i.test(text)) {
    return `Google не разрешил создать документ: ${text}. Проверьте, что дополнению выданы разрешения. ${tail}`;
  }
  return `Не удалось создать документ Google: ${text}. ${tail}`;
}

function activeUserEmail(): string {
  // Needs the userinfo.email scope; without it (or across domains) Google returns '' or refuses.
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
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
  const order = buildRequestedOrder(ss, req, state.requisites, state.organisation.roadmapSheet, today, timeZone);
  const template = req.useTemplate ? templateId() : null;
  if (req.useTemplate && !template) throw new UserError('Шаблон приказа ещё не создан. Создайте его: «Расширения → Дорожная карта → Приказы → Шаблон приказа».');

  return withDocumentLock(() => {
    const journal = journalValues(ss.getSheetByName(JOURNAL_SHEET), timeZone);
    const entries = readJournal(journal);
    const dup = findDuplicate(entries, req.number, req.date);
    if (dup) throw new UserError(duplicateMessage(dup, req.number.trim()));

    let doc: RenderedDoc;
    let warnings: string[] = [];
    try {
      if (template) ({ doc, warnings } = createOrderFromTemplate(template, order));
      else {
        doc = createOrderDoc(order);
        warnings = doc.warnings ?? [];
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(docsFailureMessage(error));
    }

    const sheet = ensureJournalSheet(ss);
    // The journal was read under this lock: its data range ends at the last written row.
    const row = Math.max(journal.length, 1) + 1;
    const values = journalRow({
      date: req.date,
      number: req.number.trim(),
      heading: order.meta.heading,
      url: doc.url,
      author: activeUserEmail(),
      createdAt: Utilities.formatDate(now, timeZone, 'dd.MM.yyyy HH:mm'),
    });
    sheet.getRange(row, 1, 1, values.length).setValues([values]);
    rememberChoices(order.meta.organisation, order.meta.planTitle ?? '', { dateStyle: req.dateStyle, font: req.font, basis: req.basisVerb ? { verb: req.basisVerb, acts: req.basis } : undefined });
    return {
      docId: doc.id,
      name: doc.name,
      url: doc.url,
      pdfUrl: pdfExportUrl(doc.id),
      docxUrl: docxExportUrl(doc.id),
      number: req.number.trim(),
      date: req.date,
      journalRow: row,
      warnings,
    };
  }, { waitMs: LOCK_WAIT_MS, busy: LOCK_BUSY_MESSAGE });
}
