// The report's requisites under ГОСТ Р 7.0.97-2025, checked on the document model as a records
// clerk would: the order checklist's rules for what the two documents share (organisation, date
// form, signature, page, font), and the report's own: no number, the heading «Информация о ходе
// реализации …», tables of figures.
import { ORDER_DATE, SIGNATURE_NAME, type ChecklistItem } from '../order/checklist';
import type { OrderBlock, ParagraphBlock, ParagraphRole } from '../order/model';
import { REPORT_TITLE_START, type ReportDocument } from './document';

const para = (blocks: OrderBlock[], role: ParagraphRole): ParagraphBlock | undefined =>
  blocks.find((b): b is ParagraphBlock => b.kind === 'paragraph' && b.role === role);

export function reportChecklist(doc: ReportDocument, options: { executor?: boolean } = {}): ChecklistItem[] {
  const b = doc.blocks;
  const organisation = para(b, 'organisation');
  const date = para(b, 'dateNumber');
  const heading = para(b, 'heading');
  const signature = b.find((x) => x.kind === 'signature');
  const last = b[b.length - 1];
  return [
    { id: 'organisation', label: 'Наименование организации — вверху, по центру', ok: !!organisation?.text.trim() && organisation.style.align === 'center' },
    { id: 'date', label: 'Дата документа «1 февраля 2026 г.» или «01.02.2026»; регистрационного номера у отчёта нет', ok: !!date && ORDER_DATE.test(date.text) && !/№/.test(date.text) && doc.meta.number === '' },
    { id: 'heading', label: `Заголовок «${REPORT_TITLE_START} …» с названием плана и отчётным периодом, без точки в конце`, ok: !!heading && heading.text.startsWith(REPORT_TITLE_START) && /\sза\s/.test(heading.text) && !/[.;:]$/.test(heading.text) },
    { id: 'tables', label: 'Итоги и перечень мероприятий — таблицами с повторяющейся шапкой', ok: b.filter((x) => x.kind === 'table').every((t) => t.kind === 'table' && t.repeatHeaderRows === 1) && b.some((x) => x.kind === 'table') },
    { id: 'signature', label: 'Подпись: должность слева, «И.О. Фамилия» справа', ok: signature?.kind === 'signature' && !!signature.position.trim() && SIGNATURE_NAME.test(signature.name) },
    ...(options.executor ? [{ id: 'executor', label: 'Отметка об исполнителе после подписи', ok: last?.kind === 'paragraph' && last.role === 'executor' }] : []),
    {
      id: 'page',
      label: 'А4, поля: левое 30 мм, правое 10–15 мм, верхнее и нижнее 20 мм',
      ok: doc.page.widthMm === 210 && doc.page.heightMm === 297 && doc.page.marginLeftMm >= 20 && doc.page.marginRightMm >= 10 && doc.page.marginTopMm >= 20 && doc.page.marginBottomMm >= 20,
    },
    { id: 'font', label: 'Шрифт текста 12–14 пт', ok: doc.font.bodyPt >= 12 && doc.font.bodyPt <= 14 },
  ];
}
