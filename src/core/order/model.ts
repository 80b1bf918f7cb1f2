// The order as a pure document model: a list of blocks a thin renderer walks (DocumentApp for the
// Doc, DOM for the sidebar preview, plain text for tests). Sizes are in the units people use in
// ГОСТ Р 7.0.97-2025 (mm, cm, pt); `mmToPt` converts for Apps Script, which takes points.
//
// Renderer contract: blocks in order; a paragraph's '\n' is a line break inside one paragraph
// (header block, stamps, executor note); `points` are body paragraphs prefixed "n. " by the
// renderer (not a list: ГОСТ orders number points as text with a 1.25 cm first-line indent);
// `dateNumberRow` and `signature` are one line with the left part at the left margin and the right
// part flush right (a borderless 2-column table or a right tab stop); `table` is built in one call
// from all its rows (header row bold and repeated, `section` rows one spanning bold cell, `item`
// rows as cells), styled per row or per table, never per cell; `pageBreak` starts the appendix, or
// `sectionBreak` when the appendix goes on landscape pages (a new section with its own page style).

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphStyle {
  align: Align;
  bold?: boolean;
  /** First-line indent, cm (ГОСТ: 1.25 cm for body text). */
  indentFirstLineCm?: number;
  /** Left indent, cm (the appendix stamp block sits in the right half). */
  indentStartCm?: number;
  /** Font size, pt; the document's body size when absent. */
  fontSizePt?: number;
  /** Space before / after, pt. */
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  /** Line spacing multiple (1 = single). */
  lineSpacing?: number;
  allCaps?: boolean;
}

/** What a paragraph is in the order: lets renderers and tests find requisites by meaning. */
export type ParagraphRole =
  | 'organisation'
  | 'docType'
  | 'dateNumber'
  | 'place'
  | 'heading'
  | 'basis'
  | 'command'
  | 'executor'
  | 'appendixMark'
  | 'approvalStamp'
  | 'appendixTitle'
  | 'text';

export interface ParagraphBlock {
  kind: 'paragraph';
  role: ParagraphRole;
  /** Lines of one paragraph (soft line breaks between them). */
  text: string;
  style: ParagraphStyle;
}

/** "1. Утвердить …" — numbered points of the order's text; renderers print "n. " themselves. */
export interface PointsBlock {
  kind: 'points';
  items: string[];
  style: ParagraphStyle;
}

/** Date left, number right, on one line (ГОСТ's usual layout on a form). */
export interface DateNumberRowBlock {
  kind: 'dateNumberRow';
  date: string;
  number: string;
}

/** Position left, "И.О. Фамилия" right, on one line. */
export interface SignatureBlock {
  kind: 'signature';
  position: string;
  name: string;
}

export type TableRow =
  | { kind: 'header'; cells: string[] }
  | { kind: 'section'; number: string; text: string }
  | { kind: 'item'; cells: string[] };

export interface TableBlock {
  kind: 'table';
  /** Relative column widths (sum 1). */
  columnWidths: number[];
  rows: TableRow[];
  fontSizePt: number;
  /** Header rows repeated at the top of every page the table runs onto. */
  repeatHeaderRows: number;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

/** A new section on a new page, with its own orientation (the landscape appendix of a wide plan). */
export interface SectionBreakBlock {
  kind: 'sectionBreak';
  orientation: 'portrait' | 'landscape';
}

export type OrderBlock =
  | ParagraphBlock
  | PointsBlock
  | DateNumberRowBlock
  | SignatureBlock
  | TableBlock
  | PageBreakBlock
  | SectionBreakBlock;

export interface PageSetup {
  /** A4. */
  widthMm: number;
  heightMm: number;
  marginLeftMm: number;
  marginRightMm: number;
  marginTopMm: number;
  marginBottomMm: number;
  /** Page numbers top centre from page 2. */
  pageNumbersFromSecondPage: boolean;
}

export interface FontSettings {
  family: string;
  bodyPt: number;
  tablePt: number;
}

export interface OrderDocument {
  /** "Приказ № 1982 от 07.02.2023 — Об утверждении …": the Doc's name. */
  name: string;
  page: PageSetup;
  font: FontSettings;
  blocks: OrderBlock[];
  /** Plain values for the journal and for template placeholders. */
  meta: {
    date: string;
    dateText: string;
    number: string;
    heading: string;
    organisation: string;
    /** The plan's own title the order was made from (remembering the basis per plan subject). */
    planTitle?: string;
  };
}

/** ГОСТ Р 7.0.97-2025 defaults: A4, left 30 mm, right 10–15 mm (we take 15), top/bottom 20 mm. */
export const GOST_PAGE: PageSetup = {
  widthMm: 210,
  heightMm: 297,
  marginLeftMm: 30,
  marginRightMm: 15,
  marginTopMm: 20,
  marginBottomMm: 20,
  pageNumbersFromSecondPage: true,
};

/**
 * Times New Roman 14 pt in the text, 12 pt in tables. ГОСТ Р 7.0.97-2025 mandates no typeface and
 * recommends 12–14 pt (smaller in tables); the organisation's choice replaces this.
 */
export const GOST_FONT: FontSettings = { family: 'Times New Roman', bodyPt: 14, tablePt: 12 };

/** 1 mm = 72 / 25.4 pt ≈ 2.835 pt (DocumentApp sizes and margins are points). */
export function mmToPt(mm: number): number {
  return (mm * 72) / 25.4;
}

export function cmToPt(cm: number): number {
  return mmToPt(cm * 10);
}

/** Page setup in points, for Body.setPageWidth / setMarginLeft and friends. */
export function pageSetupInPoints(page: PageSetup) {
  return {
    width: mmToPt(page.widthMm),
    height: mmToPt(page.heightMm),
    marginLeft: mmToPt(page.marginLeftMm),
    marginRight: mmToPt(page.marginRightMm),
    marginTop: mmToPt(page.marginTopMm),
    marginBottom: mmToPt(page.marginBottomMm),
  };
}

/** Sanity bounds for user page/font settings (ГОСТ ranges, a little slack). */
export function checkPageSetup(page: PageSetup, font: FontSettings): string[] {
  const problems: string[] = [];
  if (page.marginLeftMm < 20) problems.push('Левое поле меньше 20 мм: по ГОСТ Р 7.0.97-2025 для документов длительного хранения — 30 мм.');
  if (page.marginRightMm < 10) problems.push('Правое поле меньше 10 мм (по ГОСТ — от 10 до 15 мм).');
  if (page.marginTopMm < 20 || page.marginBottomMm < 20) problems.push('Верхнее и нижнее поля по ГОСТ — не менее 20 мм.');
  if (font.bodyPt < 12 || font.bodyPt > 14) problems.push('Размер шрифта текста по ГОСТ Р 7.0.97-2025 — от 12 до 14 пт.');
  if (font.tablePt < 10 || font.tablePt > font.bodyPt) problems.push('Размер шрифта в таблице — от 10 пт и не больше, чем в тексте.');
  return problems;
}
