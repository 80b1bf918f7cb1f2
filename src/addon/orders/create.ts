// The one click: build the order from the sheets, create the Doc, and register it in «Журнал
// приказов». The number check, the Doc and the journal row happen under the document lock, so two
// people cannot take the same number; if the lock is busy or the Doc cannot be created, nothing
// is written to the journal.
import type { OrderCreated, OrderRequest } from '../../contract/orders';
import { buildApprovalOrder, buildRowOrder, type AppendixRows } from '../../core/order/build';
import { duplicateMessage, findDuplicate, journalRow } from '../../core/order/journal';
import type { OrderDocument } from '../../core/order/model';
import type { Requisites } from '../../core/order/requisites';
import { UserError } from '../endpoint';
import { withDocumentLock } from '../lock';
import { ensureJournalSheet, journalValues } from './journal';
import { readJournal } from '../../core/order/journal';
import { createOrderDoc, pdfExportUrl, type RenderedDoc } from './render-doc';
import { findRoadmap, noRoadmapMessage, readRequisites, readRoadmapSheet } from './sources';
import { createOrderFromTemplate, templateId } from './template';

/** How long to wait for someone else's order to finish (ms). */
export const LOCK_WAIT_MS = 10_000;
export const DATE_STYLE_PROPERTY = 'orders.dateStyle';

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

function appendixRows(req: OrderRequest): AppendixRows {
  return req.appendix === 'sections' ? { sections: req.sections } : req.appendix;
}

/** The order model exactly as the sidebar previewed it (same core builders, same options). */
function buildOrder(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, req: OrderRequest, requisites: Requisites, roadmapSheet: string, today: string, timeZone: string): OrderDocument {
  const signatory = req.signatory.name.trim() ? req.signatory : undefined;
  if (req.mode === 'row') {
    if (!req.row) throw new UserError('Не выбрана строка дорожной карты для приказа.');
    const sheet = ss.getSheetByName(req.row.sheetName);
    const found = sheet ? readRoadmapSheet(sheet, today, timeZone) : null;
    const index = found ? found.sheetRows.indexOf(req.row.sheetRow) : -1;
    const item = found && index >= 0 ? found.roadmap.items[index] : undefined;
    if (!item) throw new UserError(`Строка ${req.row.sheetRow} листа «${req.row.sheetName}» больше не содержит мероприятия. Выделите строку заново и выберите «Расширения → Дорожная карта → Приказы → Приказ по выделенной строке».`);
    return buildRowOrder(item, requisites, { date: req.date, number: req.number, dateStyle: req.dateStyle, heading: req.heading, basis: req.basis, points: req.points, signatory });
  }
  const found = findRoadmap(ss, roadmapSheet, today, timeZone);
  if (!found) throw new UserError(noRoadmapMessage(roadmapSheet));
  if (found.errorCount > 0 && !req.acceptRoadmapProblems) {
    throw new UserError(`В дорожной карте есть ошибки (${found.errorCount}). Исправьте их или отметьте «Сформировать приказ, несмотря на ошибки».`);
  }
  return buildApprovalOrder({
    requisites,
    roadmap: found.roadmap,
    options: { date: req.date, number: req.number, dateStyle: req.dateStyle, heading: req.heading, basis: req.basis, points: req.points, signatory, appendixRows: appendixRows(req) },
  });
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
  const order = buildOrder(ss, req, state.requisites, state.organisation.roadmapSheet, today, timeZone);
  const template = req.useTemplate ? templateId() : null;
  if (req.useTemplate && !template) throw new UserError('Шаблон приказа ещё не создан. Создайте его: «Расширения → Дорожная карта → Приказы → Шаблон приказа».');

  return withDocumentLock(() => {
    const journal = journalValues(ss.getSheetByName(state.journalSheet), timeZone);
    const entries = readJournal(journal);
    const dup = findDuplicate(entries, req.number, req.date);
    if (dup) throw new UserError(duplicateMessage(dup, req.number.trim()));

    let doc: RenderedDoc;
    let warnings: string[] = [];
    try {
      if (template) ({ doc, warnings } = createOrderFromTemplate(template, order));
      else doc = createOrderDoc(order);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(docsFailureMessage(error));
    }

    const sheet = ensureJournalSheet(ss, state.journalSheet);
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
    // The person's preferred date style: their own property, not a setting of the whole document.
    PropertiesService.getUserProperties().setProperty(DATE_STYLE_PROPERTY, req.dateStyle);
    return {
      docId: doc.id,
      name: doc.name,
      url: doc.url,
      pdfUrl: pdfExportUrl(doc.id),
      number: req.number.trim(),
      date: req.date,
      journalRow: row,
      warnings,
    };
  }, { waitMs: LOCK_WAIT_MS, busy: LOCK_BUSY_MESSAGE });
}
