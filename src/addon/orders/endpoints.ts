// Menu actions and sidebar endpoints of orders (see src/contract/orders.ts).
import type { OrderRowView, OrderSetup } from '../../contract/orders';
import { GOST_FONT, GOST_PAGE } from '../../core/order/model';
import { planSubject } from '../../core/order/basis';
import { planTitleProblem } from '../../core/order/plan-title';
import { ORDER_KIND_LABELS, offeredKinds, suggestedKind } from '../../core/order/row-order';
import { nextOrderNumber } from '../../core/order/journal';
import { resultIsOrder, roadmapSections } from '../../core/order/roadmap-source';
import type { OrderRow } from '../../core/order/build';
import { ORG_SHEET } from '../../core/org';
import { implement } from '../endpoint';
import { showSidebar } from '../sidebar';
import { createOrder as createOrderImpl } from './create';
import { journalEntries } from './journal';
import { approvalEntry } from './journal-approval';
import { orgPreferences, rememberedBasis } from './preferences';
import { docsApi } from './render-doc';
import { ensureOrgSheet } from './requisites-sheet';
import { findRoadmap, noRoadmapMessage, readRequisites, readRoadmapSheet } from './sources';
import { createTemplateDoc, templateId } from './template';

/** Menu: «Сформировать приказ». */
export function openOrderSidebar(): void {
  showSidebar('order', 'Сформировать приказ');
}

/** Menu: «Приказ по выделенной строке». */
export function openRowOrderSidebar(): void {
  showSidebar('order-row', 'Приказ по строке');
}

/** Menu: «Шаблон приказа» — creates the template (asks before replacing an existing one). */
export function openOrderTemplate(): void {
  const ui = SpreadsheetApp.getUi();
  const existing = templateId();
  if (existing) {
    const answer = ui.alert(
      'Шаблон приказа',
      `Шаблон уже создан:\n${docUrl(existing)}\n\nСоздать новый шаблон вместо него? Старый документ останется на Диске.`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
  }
  const doc = makeTemplate();
  ui.alert(
    'Шаблон приказа создан',
    `Документ «${doc.name}» сохранён на вашем Google Диске:\n${doc.url}\n\nОформите его по своему бланку, не меняя меток в фигурных скобках; список меток — на последней странице шаблона. Чтобы сформировать приказ по шаблону, отметьте «По своему шаблону» в панели «Сформировать приказ».`,
    ui.ButtonSet.OK,
  );
}

function makeTemplate(): { id: string; name: string; url: string } {
  const state = readRequisites(SpreadsheetApp.getActiveSpreadsheet());
  return createTemplateDoc(state.organisation?.shortName ?? '', { page: GOST_PAGE, font: GOST_FONT });
}

const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

const rowView = (r: OrderRow): OrderRowView => ({
  number: r.number,
  isSection: r.isSection,
  activity: r.activity,
  deadline: r.deadline,
  responsible: r.responsible,
  result: r.result,
  status: r.status ?? '',
  extras: r.extras ?? [],
});

/** Rows the sidebar receives for its preview: the appendix itself is built on the server, so a 10,000-row plan does not cross google.script.run. */
export const PREVIEW_ROWS = 30;

/** What Google Docs cannot do for the order, said plainly in the sidebar. */
function limits(): string[] {
  const out = [
    'Номера страниц: Google Документы не дают скриптам вставить поле номера страницы. В своём шаблоне приказа вставьте их сами (Вставка → Номера страниц) — колонтитул шаблона переносится в приказ; в приказе без шаблона добавьте их в Документах.',
  ];
  if (!docsApi()) out.push('Расширенная служба Google Docs выключена: строки разделов приложения не будут объединены, шапка таблицы не будет повторяться на страницах, альбомное приложение недоступно.');
  return out;
}

const EMPTY_REQUISITES = { shortName: '', fullName: '', place: '', headPosition: '', headName: '', executorName: '', executorPhone: '', numberFormat: '{n}' };

export const getOrderSetup = implement('getOrderSetup', (mode): OrderSetup => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
  const state = readRequisites(ss);
  const org = state.organisation;
  const numberFormat = org?.numberFormat || '{n}';
  const prefs = orgPreferences(org?.shortName ?? '');
  const template = templateId();
  const base = {
    mode,
    today,
    requisites: org
      ? { shortName: org.shortName, fullName: org.fullName, place: org.place, headPosition: org.headPosition, headName: org.headName, executorName: org.executorName, executorPhone: org.executorPhone, numberFormat }
      : EMPTY_REQUISITES,
    blocking: state.blocking,
    notes: state.notes,
    nextNumber: nextOrderNumber(journalEntries(ss, timeZone), numberFormat, today),
    dateStyle: prefs.dateStyle,
    template: template ? { id: template, url: docUrl(template) } : null,
    font: prefs.font,
    kinds: [] as OrderSetup['kinds'],
    suggestedKind: 'named' as OrderSetup['suggestedKind'],
    approvedBy: null as OrderSetup['approvedBy'],
    limits: limits(),
  };
  if (mode === 'row') {
    const sheet = ss.getActiveSheet();
    const sheetRow = sheet.getActiveRange()?.getRow() ?? 0;
    const found = readRoadmapSheet(sheet, today, timeZone);
    const index = found ? found.sheetRows.indexOf(sheetRow) : -1;
    const item = found && index >= 0 ? found.roadmap.items[index] : undefined;
    let missing: string | null = null;
    if (!found) missing = `Лист «${sheet.getName()}» не похож на дорожную карту. Откройте лист дорожной карты и выделите строку мероприятия.`;
    else if (!item || item.isSection) missing = `Выделите строку мероприятия (не раздела) на листе «${sheet.getName()}»: сейчас выделена строка ${sheetRow}.`;
    const notes = [...base.notes];
    if (item && !item.isSection && !resultIsOrder(item.result)) {
      notes.push('В столбце «Результат» этой строки не указан приказ; проект приказа всё равно можно сформировать.');
    }
    const title = found?.roadmap.title ?? '';
    const isMentorship = planSubject(`${title} ${item?.activity ?? ''}`) === 'mentorship';
    return {
      ...base,
      notes,
      // The row's own plan: its title and period, without the rows (the order cites only its row).
      roadmap: found ? { sheetName: found.sheetName, title, period: found.roadmap.period, items: [], extraHeaders: [] } : null,
      roadmapMissing: missing,
      roadmapProblems: [],
      roadmapErrorCount: 0,
      row: item && !item.isSection && found ? { sheetName: sheet.getName(), sheetRow, item: rowView(item) } : null,
      sections: [],
      planTitleProblem: null,
      basis: rememberedBasis(org?.shortName ?? '', title),
      itemsTotal: 0,
      notDoneTotal: 0,
      kinds: offeredKinds(isMentorship).map((value) => ({ value, label: ORDER_KIND_LABELS[value] })),
      suggestedKind: item ? suggestedKind(item, isMentorship) : 'named',
      approvedBy: approvalEntry(ss, timeZone),
    };
  }
  const found = findRoadmap(ss, org?.roadmapSheet ?? '', today, timeZone);
  const items = found?.roadmap.items ?? [];
  const title = found?.roadmap.title ?? '';
  return {
    ...base,
    roadmap: found
      ? { sheetName: found.sheetName, title, period: found.roadmap.period, items: items.slice(0, PREVIEW_ROWS).map(rowView), extraHeaders: found.roadmap.extraHeaders ?? [] }
      : null,
    roadmapMissing: found ? null : noRoadmapMessage(org?.roadmapSheet ?? ''),
    roadmapProblems: found?.problems ?? [],
    roadmapErrorCount: found?.errorCount ?? 0,
    row: null,
    sections: found ? roadmapSections(found.roadmap) : [],
    planTitleProblem: found ? planTitleProblem(title) : null,
    basis: rememberedBasis(org?.shortName ?? '', title),
    itemsTotal: items.length,
    notDoneTotal: items.filter((r) => !r.isSection && r.status !== 'done').length,
  };
});

export const createOrder = implement('createOrder', (request) => createOrderImpl(request));

export const createOrderTemplate = implement('createOrderTemplate', () => makeTemplate());

export const openRequisitesSheet = implement('openRequisitesSheet', () => {
  const { sheet } = ensureOrgSheet(SpreadsheetApp.getActiveSpreadsheet());
  sheet.activate();
  return ORG_SHEET;
});
