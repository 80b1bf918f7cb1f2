// «Шаблон приказа»: an editable Google Doc with {{placeholders}} that people restyle (emblem,
// letterhead). Its id is remembered in the document properties of the spreadsheet.
//
// Copying: File.makeCopy belongs to DriveApp, and DriveApp makes Apps Script ask for the full,
// restricted `drive` scope (Google's own ReDriveApp sample exists for that reason); the add-on
// keeps to `documents`. So the copy is made with DocumentApp: a new Doc gets the
// template's page setup, header, footer and body elements (Element.copy()), a constant number of
// calls in the size of the roadmap.
//
// Filling: each placeholder is first turned into a private marker with Body.replaceText (pattern
// escaped with core's escapeForReplaceText; the marker has no `$` or `\`), then every marker is
// replaced with its value by deleteText + insertText, which is literal by construction: `$1`, `\d`,
// brackets, even a value that contains "{{Номер}}" come out exactly as typed and are never re-read.
// A paragraph that holds only a multi-line placeholder ({{Организация}}, {{Пункты}}) becomes one
// paragraph per line in the template paragraph's style; the {{Таблица}} paragraph becomes the table.
import { PLACEHOLDERS, escapeForReplaceText, placeholderValues, unknownPlaceholders } from '../../core/order/placeholders';
import type { FontSettings, OrderDocument, TableBlock } from '../../core/order/model';
import { UserError } from '../endpoint';
import { applyDocsRequests, applyPageSetup, styleAppendixTable, tableCells, type RenderedDoc } from './render-doc';

type Body = GoogleAppsScript.Document.Body;
type Container = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

export const TEMPLATE_PROPERTY = 'orders.templateId';
/** Everything from this line down is the legend: it is not copied into orders. */
export const LEGEND_MARK = 'Справка по меткам шаблона';

export function templateId(): string | null {
  return PropertiesService.getDocumentProperties().getProperty(TEMPLATE_PROPERTY);
}

type Align = 'left' | 'center' | 'right' | 'justify';
/**
 * The template's lines in ГОСТ Р 7.0.97-2025 layout. `right` makes the line a borderless two-cell
 * table: date left and number right, position left and signer right with room to sign between
 * (tabs would not hold: their stops depend on the font).
 */
const TEMPLATE_LINES: { text: string; right?: string; align: Align; bold?: boolean; indentCm?: number; firstLineCm?: number; spaceBeforePt?: number; pageBreak?: boolean }[] = [
  { text: PLACEHOLDERS.organisation.token, align: 'center', bold: true },
  { text: 'ПРИКАЗ', align: 'center', bold: true },
  { text: PLACEHOLDERS.date.token, right: `№ ${PLACEHOLDERS.number.token}`, align: 'left' },
  { text: PLACEHOLDERS.place.token, align: 'center' },
  { text: PLACEHOLDERS.heading.token, align: 'left', bold: true, spaceBeforePt: 12 },
  { text: PLACEHOLDERS.basis.token, align: 'justify', firstLineCm: 1.25 },
  { text: 'ПРИКАЗЫВАЮ:', align: 'left' },
  { text: PLACEHOLDERS.points.token, align: 'justify', firstLineCm: 1.25 },
  { text: PLACEHOLDERS.position.token, right: PLACEHOLDERS.signature.token, align: 'left', spaceBeforePt: 24 },
  { text: PLACEHOLDERS.executor.token, align: 'left', spaceBeforePt: 36 },
  { text: PLACEHOLDERS.appendixMark.token, align: 'left', indentCm: 9, pageBreak: true },
  { text: PLACEHOLDERS.approvalStamp.token, align: 'left', indentCm: 9 },
  { text: PLACEHOLDERS.planTitle.token, align: 'center', bold: true },
  { text: PLACEHOLDERS.table.token, align: 'left' },
];

/** Creates the template Doc (and forgets any previous one); returns it. */
export function createTemplateDoc(organisation: string, sample: Pick<OrderDocument, 'page' | 'font'>): RenderedDoc {
  const name = `Шаблон приказа${organisation ? ` — ${organisation}` : ''}`;
  const doc = DocumentApp.create(name);
  const body = doc.getBody();
  applyPageSetup(body, sample);
  const H = DocumentApp.HorizontalAlignment;
  const textWidth = body.getPageWidth() - body.getMarginLeft() - body.getMarginRight();
  const first = body.getParagraphs()[0];
  TEMPLATE_LINES.forEach((line, i) => {
    if (line.pageBreak) body.appendPageBreak();
    if (line.right !== undefined) {
      if (line.spaceBeforePt) body.appendParagraph('').setSpacingBefore(line.spaceBeforePt);
      const table = body.appendTable([[line.text, line.right]]);
      table.setBorderWidth(0).setColumnWidth(0, textWidth * 0.6).setColumnWidth(1, textWidth * 0.4);
      table.getCell(0, 1).getChild(0).asParagraph().setAlignment(H.RIGHT);
      return;
    }
    const p = i === 0 && first ? first : body.appendParagraph('');
    p.setText(line.text);
    p.setAlignment(line.align === 'center' ? H.CENTER : line.align === 'right' ? H.RIGHT : line.align === 'justify' ? H.JUSTIFY : H.LEFT)
      .setIndentStart(((line.indentCm ?? 0) * 72) / 2.54)
      .setIndentFirstLine(((line.firstLineCm ?? 0) * 72) / 2.54)
      .setSpacingBefore(line.spaceBeforePt ?? 0)
      .setSpacingAfter(8);
    if (line.bold) p.editAsText().setBold(true);
  });
  body.appendPageBreak();
  const legend = [
    `${LEGEND_MARK} (эта страница в приказ не попадает)`,
    'Меняйте оформление, добавляйте герб и бланк: дополнение подставит в метки значения из таблицы. Метки пишутся в двойных фигурных скобках, без пробелов после «{{» и перед «}}».',
    ...Object.values(PLACEHOLDERS).map((p) => `${p.token} — ${p.description}`),
  ];
  for (const text of legend) body.appendParagraph(text);
  body.editAsText().setFontFamily(sample.font.family).setFontSize(sample.font.bodyPt);
  const created = { id: doc.getId(), name, url: doc.getUrl() }; // read before closing (see render-doc.ts)
  doc.saveAndClose();
  PropertiesService.getDocumentProperties().setProperty(TEMPLATE_PROPERTY, created.id);
  return created;
}

function openTemplate(id: string): GoogleAppsScript.Document.Document {
  try {
    return DocumentApp.openById(id);
  } catch {
    throw new UserError('Шаблон приказа не удалось открыть: возможно, он удалён или Google временно не ответил. Повторите через минуту; если ошибка повторится, создайте шаблон заново: «Расширения → Дорожная карта → Приказы → Шаблон приказа».');
  }
}

/**
 * Copies the children of one container into another, stopping at the legend; the empty
 * paragraphs and page break just before the legend are left out too (no blank last page).
 */
function copyChildren(from: Container, to: Container): void {
  const T = DocumentApp.ElementType;
  const children: GoogleAppsScript.Document.Element[] = [];
  const n = from.getNumChildren();
  for (let i = 0; i < n; i++) {
    const child = from.getChild(i);
    if (child.getType() === T.PARAGRAPH && child.asParagraph().getText().startsWith(LEGEND_MARK)) break;
    children.push(child);
  }
  const blank = (el: GoogleAppsScript.Document.Element) =>
    el.getType() === T.PAGE_BREAK || (el.getType() === T.PARAGRAPH && el.asParagraph().getText().trim() === '');
  while (children.length && blank(children[children.length - 1]!)) children.pop();
  for (const child of children) {
    const type = child.getType();
    if (type === T.PARAGRAPH) to.appendParagraph(child.asParagraph().copy());
    else if (type === T.TABLE) to.appendTable(child.asTable().copy());
    else if (type === T.LIST_ITEM) to.appendListItem(child.asListItem().copy());
    // A page break outside a paragraph (how the in-memory Docs keeps it); in Docs it sits in a paragraph.
    else if (type === T.PAGE_BREAK && 'appendPageBreak' in to) (to as GoogleAppsScript.Document.Body).appendPageBreak();
  }
}

const MARK = (i: number) => `\u2063ДК${i}\u2063`;
const strip = (v: string) => v.replace(/\u2063/g, '');

/** Replaces every marker in a container with its value, literally. */
function fillMarkers(container: Container, values: string[]): void {
  values.forEach((value, i) => {
    const pattern = escapeForReplaceText(MARK(i));
    for (let found = container.findText(pattern); found; found = container.findText(pattern)) {
      // findText matches a Text element; asText() is Docs' cast to it.
      const text = found.getElement().asText();
      const start = found.getStartOffset();
      text.deleteText(start, found.getEndOffsetInclusive());
      if (value) text.insertText(start, value);
    }
  });
}

/** A paragraph that is exactly one marker: multi-line values become paragraphs in its style. */
function expandBlockPlaceholder(body: Body, marker: string, lines: string[]): void {
  const found = body.findText(escapeForReplaceText(marker));
  if (!found) return;
  const el = found.getElement();
  const parent = el.getParent();
  if (parent.getType() !== DocumentApp.ElementType.PARAGRAPH) return;
  const p = parent.asParagraph();
  if (p.getText().trim() !== marker) return;
  const index = body.getChildIndex(p);
  lines.slice(1).forEach((line, k) => {
    const copy = p.copy();
    copy.setText(line);
    body.insertParagraph(index + 1 + k, copy);
  });
  p.setText(lines[0] ?? '');
}

function insertTable(body: Body, marker: string, block: TableBlock | undefined, textWidthPt: number, font: FontSettings): boolean {
  const found = body.findText(escapeForReplaceText(marker));
  if (!found) return false;
  const p = found.getElement().getParent();
  const index = body.getChildIndex(p);
  if (block) {
    const table = body.insertTable(index + 1, tableCells(block));
    styleAppendixTable(table, block, textWidthPt, font);
  }
  p.removeFromParent();
  return true;
}

/**
 * Creates the order as a copy of the user's template with the placeholders filled. Returns the
 * Doc and warnings (unknown placeholders left as typed).
 */
export function createOrderFromTemplate(
  id: string,
  order: OrderDocument,
  /** Makes the empty Doc to fill, once the template is open (create.ts records its link before filling it). */
  target: () => GoogleAppsScript.Document.Document = () => DocumentApp.create(order.name),
): { doc: RenderedDoc; warnings: string[] } {
  const source = openTemplate(id);
  const srcBody = source.getBody();
  const values = placeholderValues(order);
  const tokens = Object.keys(values);
  // A template with none of the marks would copy itself without a single value: refuse before any Doc is made.
  const templateText = [srcBody.getText(), source.getHeader()?.getText() ?? '', source.getFooter()?.getText() ?? ''].join('\n');
  if (!tokens.some((token) => templateText.includes(token))) {
    throw new UserError(
      `В шаблоне приказа нет ни одной метки (например, ${PLACEHOLDERS.heading.token}, ${PLACEHOLDERS.points.token}): дополнению некуда подставить текст. Откройте шаблон (${source.getUrl()}) и впишите метки — их список на последней странице шаблона, или создайте шаблон заново: «Расширения → Дорожная карта → Приказы → Шаблон приказа». Приказ не создан, номер не занят.`,
    );
  }
  const doc = target();
  const body = doc.getBody();
  body
    .setPageWidth(srcBody.getPageWidth())
    .setPageHeight(srcBody.getPageHeight())
    .setMarginLeft(srcBody.getMarginLeft())
    .setMarginRight(srcBody.getMarginRight())
    .setMarginTop(srcBody.getMarginTop())
    .setMarginBottom(srcBody.getMarginBottom());
  const textWidth = srcBody.getPageWidth() - srcBody.getMarginLeft() - srcBody.getMarginRight();
  const blank = body.getChild(0);
  copyChildren(srcBody, body);
  if (body.getNumChildren() > 1) blank.removeFromParent();
  const sections: Container[] = [body];
  const header = source.getHeader();
  // A new header or footer starts with an empty paragraph: dropped once the template's are in.
  const copySection = (from: Container, to: Container) => {
    const first = to.getChild(0);
    copyChildren(from, to);
    if (to.getNumChildren() > 1) first.removeFromParent();
    sections.push(to);
  };
  // A Doc filled again after a failure already has them (emptied).
  if (header) copySection(header, doc.getHeader() ?? doc.addHeader());
  const footer = source.getFooter();
  if (footer) copySection(footer, doc.getFooter() ?? doc.addFooter());

  // Pass 1: placeholders → markers (nothing the person typed has been inserted yet).
  for (const section of sections) tokens.forEach((token, i) => section.replaceText(escapeForReplaceText(token), MARK(i)));
  const tableIndex = tokens.indexOf(PLACEHOLDERS.table.token);
  const table = order.blocks.find((b): b is TableBlock => b.kind === 'table');
  insertTable(body, MARK(tableIndex), table, textWidth, order.font);
  for (const key of ['organisation', 'points', 'appendixMark', 'approvalStamp', 'executor'] as const) {
    const i = tokens.indexOf(PLACEHOLDERS[key].token);
    const lines = strip(values[PLACEHOLDERS[key].token] ?? '').split('\n');
    if (lines.length > 1) expandBlockPlaceholder(body, MARK(i), lines);
  }
  // Pass 2: markers → values, literally.
  const texts = tokens.map((t) => strip(values[t] ?? ''));
  for (const section of sections) fillMarkers(section, texts);
  const unknown = unknownPlaceholders(body.getText());
  const filled = { id: doc.getId(), name: order.name, url: doc.getUrl() }; // read before closing (see render-doc.ts)
  doc.saveAndClose();
  const warnings = unknown.length
    ? [`В шаблоне есть неизвестные метки, они оставлены как есть: ${unknown.join(', ')}.`]
    : [];
  if (table && !templateText.includes(PLACEHOLDERS.table.token)) {
    warnings.push(`В шаблоне нет метки ${PLACEHOLDERS.table.token}: таблица плана в приказ не вставлена. Добавьте метку на страницу приложения в шаблоне.`);
  }
  warnings.push(...applyDocsRequests(filled.id, order));
  return { doc: filled, warnings };
}
