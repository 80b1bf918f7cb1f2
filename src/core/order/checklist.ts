// The requisites of an order under ГОСТ Р 7.0.97-2025 as a checklist a records clerk would run,
// on the document model (before anything is rendered). Tests run the same list on the rendered
// Doc of both paths (the built-in layout and the user's template).
//
// ГОСТ Р 7.0.97-2025 replaced the 2016 edition on 18.08.2025; the order requisites and their
// layout are as in 2016 (no mandated typeface, 12–14 pt recommended, initials before the surname
// in the signature, a heading for every document).
import { cmToPt, type OrderBlock, type OrderDocument, type ParagraphBlock, type ParagraphRole } from './model';

export interface ChecklistItem {
  id: string;
  /** Russian, as the clerk reads it. */
  label: string;
  ok: boolean;
}

/** "7 февраля 2023 г." or "07.02.2023" (never «07» февраля). */
export const ORDER_DATE = /^(?:\d{1,2} (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\.|\d{2}\.\d{2}\.\d{4})$/;
/** "№ 12", "№ 5/1", "№ 12-од". */
export const ORDER_NUMBER = /^№ \S+$/;
/** "И.О. Фамилия" / "И. Фамилия". */
export const SIGNATURE_NAME = /^[А-ЯЁ]\.(?:[А-ЯЁ]\.)? [А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$/;

const para = (blocks: OrderBlock[], role: ParagraphRole): ParagraphBlock | undefined =>
  blocks.find((b): b is ParagraphBlock => b.kind === 'paragraph' && b.role === role);

/** The order's requisites checked on the model: each item says what is right, `ok` whether it is. */
export function orderChecklist(order: OrderDocument, options: { place?: boolean; executor?: boolean } = {}): ChecklistItem[] {
  const b = order.blocks;
  const breakAt = b.findIndex((x) => x.kind === 'pageBreak' || x.kind === 'sectionBreak');
  const text = breakAt < 0 ? b : b.slice(0, breakAt);
  const appendix = breakAt < 0 ? [] : b.slice(breakAt + 1);
  const dateNumber = text.find((x) => x.kind === 'dateNumberRow');
  const signature = text.find((x) => x.kind === 'signature');
  const heading = para(text, 'heading');
  const basis = para(text, 'basis');
  const points = text.find((x) => x.kind === 'points');
  const justified = (s: { align: string; indentFirstLineCm?: number } | undefined) => !!s && s.align === 'justify' && s.indentFirstLineCm === 1.25;
  const mark = para(appendix, 'appendixMark');
  const stamp = para(appendix, 'approvalStamp');
  const rightHalf = (p: ParagraphBlock | undefined) => !!p && (p.style.align === 'right' || (p.style.indentStartCm ?? 0) >= 8);
  const order3 = (roles: string[]) => {
    const seq: string[] = text.map((x) => (x.kind === 'paragraph' ? x.role : x.kind));
    const at = roles.map((r) => seq.indexOf(r));
    return at.every((i) => i >= 0) && at.every((i, k) => k === 0 || i > at[k - 1]!);
  };
  const items: ChecklistItem[] = [
    { id: 'organisation', label: 'Наименование организации — вверху, по центру', ok: !!para(text, 'organisation')?.text.trim() && para(text, 'organisation')?.style.align === 'center' },
    { id: 'docType', label: 'Вид документа «ПРИКАЗ»', ok: para(text, 'docType')?.text === 'ПРИКАЗ' },
    {
      id: 'dateNumber',
      label: 'Дата слева и номер справа на одной строке; дата «1 февраля 2026 г.» или «01.02.2026»',
      ok: dateNumber?.kind === 'dateNumberRow' && ORDER_DATE.test(dateNumber.date) && ORDER_NUMBER.test(dateNumber.number),
    },
    ...(options.place ? [{ id: 'place', label: 'Место издания', ok: !!para(text, 'place')?.text.trim() }] : []),
    {
      id: 'heading',
      label: 'Заголовок к тексту «О …» / «Об …», без точки в конце',
      ok: !!heading && /^Об?\s\S/.test(heading.text) && !/[.;:]$/.test(heading.text.trim().replace(/(?:^|\s|\d)(?:гг?)\.$/, '')),
    },
    { id: 'text', label: 'Текст по ширине, абзацный отступ 1,25 см', ok: justified(basis?.style) && justified(points?.kind === 'points' ? points.style : undefined) },
    { id: 'command', label: '«ПРИКАЗЫВАЮ:» после основания', ok: para(text, 'command')?.text === 'ПРИКАЗЫВАЮ:' && order3(['basis', 'command', 'points']) },
    { id: 'points', label: 'Пункты распорядительной части', ok: points?.kind === 'points' && points.items.length > 0 && points.items.every((p) => /[.!?…»)]$/.test(p)) },
    {
      id: 'signature',
      label: 'Подпись: должность слева, «И.О. Фамилия» справа, место для подписи между ними',
      ok: signature?.kind === 'signature' && !!signature.position.trim() && SIGNATURE_NAME.test(signature.name),
    },
    ...(options.executor ? [{ id: 'executor', label: 'Отметка об исполнителе внизу последнего листа', ok: !!para(text, 'executor') && text[text.length - 1]?.kind === 'paragraph' && (text[text.length - 1] as ParagraphBlock).role === 'executor' }] : []),
    ...(appendix.length
      ? [
          { id: 'appendixMark', label: 'Отметка «Приложение № 1 к приказу … от … № …» в правом верхнем углу', ok: rightHalf(mark) && /^Приложение № 1\nк приказу .+\nот .+ № \S+$/.test(mark?.text ?? '') },
          { id: 'approvalStamp', label: 'Гриф «УТВЕРЖДЕН(А, О, Ы) приказом … от … № …» справа', ok: rightHalf(stamp) && /^УТВЕРЖДЕН[АОЫ]?\nприказом .+\nот .+ № \S+$/.test(stamp?.text ?? '') },
        ]
      : []),
    {
      id: 'page',
      label: 'А4, поля: левое 30 мм, правое 10–15 мм, верхнее и нижнее 20 мм',
      ok: order.page.widthMm === 210 && order.page.heightMm === 297 && order.page.marginLeftMm >= 20 && order.page.marginRightMm >= 10 && order.page.marginTopMm >= 20 && order.page.marginBottomMm >= 20,
    },
    { id: 'font', label: 'Шрифт текста 12–14 пт', ok: order.font.bodyPt >= 12 && order.font.bodyPt <= 14 },
  ];
  return items;
}

/** The spacing before the executor note that puts it at the foot of the order's last page (estimate, pt). */
export function executorSpacingPt(blocks: OrderBlock[], order: Pick<OrderDocument, 'page' | 'font'>): number | null {
  const { page, font } = order;
  const mm = (v: number) => cmToPt(v / 10);
  const textWidth = mm(page.widthMm - page.marginLeftMm - page.marginRightMm);
  const textHeight = mm(page.heightMm - page.marginTopMm - page.marginBottomMm);
  // Average Cyrillic glyph of a serif face ≈ 0.5 em; single line spacing ≈ 1.15 em.
  const linesOf = (text: string, size: number) => text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((line.length * size * 0.5 + cmToPt(1.25)) / textWidth)), 0);
  let used = 0;
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const size = b.style.fontSizePt ?? font.bodyPt;
      used += linesOf(b.text, size) * size * 1.15 + (b.style.spaceBeforePt ?? 0) + (b.style.spaceAfterPt ?? 0);
    } else if (b.kind === 'points') used += b.items.reduce((n, item) => n + linesOf(item, font.bodyPt), 0) * font.bodyPt * 1.15;
    else if (b.kind === 'dateNumberRow') used += font.bodyPt * 1.6;
    else if (b.kind === 'signature') used += font.bodyPt * 1.6 + 24;
  }
  // Only when the order's text fits on one page, with a safety margin of four lines.
  const free = textHeight - used - 4 * font.bodyPt * 1.15;
  return free > 36 ? Math.floor(free) : null;
}
