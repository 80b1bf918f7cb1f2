// The ГОСТ Р 7.0.97-2025 checklist on a rendered Doc (DocSnapshot), the same items as core's
// orderChecklist on the model: what a records clerk sees in the document, whichever path made it.
import type { DocBlockSnapshot, DocSnapshot } from '../../../preview/gas';
import { ORDER_DATE, ORDER_NUMBER, SIGNATURE_NAME, cmToPt, mmToPt } from '../../../src/core';

type Paragraph = Extract<DocBlockSnapshot, { type: 'paragraph' }>;
type Table = Extract<DocBlockSnapshot, { type: 'table' }>;

const close = (a: number | null | undefined, b: number) => a !== null && a !== undefined && Math.abs(a - b) < 0.5;

/** Ids of the failed items (empty: the Doc passes). */
export function failingRequisites(doc: DocSnapshot, expect: { organisationLine: string; executor: string; appendix: boolean; fontFamily: string; fontPt: number }): string[] {
  const body = doc.body;
  const breakAt = body.findIndex((b) => b.type === 'pageBreak' || b.type === 'sectionBreak');
  const text = breakAt < 0 ? body : body.slice(0, breakAt);
  const appendix = breakAt < 0 ? [] : body.slice(breakAt + 1);
  const paragraphs = text.filter((b): b is Paragraph => b.type === 'paragraph');
  const find = (re: RegExp, list: Paragraph[] = paragraphs) => list.find((p) => re.test(p.text));
  const twoCell = text.filter((b): b is Table => b.type === 'table' && b.rows.length === 1 && b.rows[0]!.cells.length === 2);
  const borderless = (t: Table) => t.borderWidth === 0;
  const rightAligned = (t: Table) => t.rows[0]!.cells[1]!.alignment === 'RIGHT';
  const dateNumber = twoCell[0];
  const signature = twoCell[twoCell.length - 1];
  const basis = find(/^(?:В соответствии с|Во исполнение|На основании) /);
  const points = paragraphs.filter((p) => /^\d+\. /.test(p.text));
  const justified = (p: Paragraph | undefined) => !!p && p.alignment === 'JUSTIFY' && close(p.indentFirstLine, cmToPt(1.25));
  const heading = find(/^Об? /);
  const order = (items: (DocBlockSnapshot | undefined)[]) => items.every((x) => x !== undefined) && items.every((x, i) => i === 0 || text.indexOf(x!) > text.indexOf(items[i - 1]!));
  const command = find(/^ПРИКАЗЫВАЮ:$/);
  const executor = find(new RegExp(`^${expect.executor.replace(/[.()]/g, '\\$&')}`));
  const apParagraphs = appendix.filter((b): b is Paragraph => b.type === 'paragraph');
  const rightHalf = (p: Paragraph | undefined) => !!p && (p.alignment === 'RIGHT' || (p.indentStart ?? 0) >= cmToPt(8));
  const table = appendix.find((b): b is Table => b.type === 'table');
  const checks: Record<string, boolean> = {
    organisation: !!find(new RegExp(`^${expect.organisationLine.replace(/[«»().]/g, '.')}$`)) && find(new RegExp(`^${expect.organisationLine.replace(/[«»().]/g, '.')}$`))!.alignment === 'CENTER',
    docType: find(/^ПРИКАЗ$/)?.alignment === 'CENTER',
    dateNumber: !!dateNumber && borderless(dateNumber) && rightAligned(dateNumber) && ORDER_DATE.test(dateNumber.rows[0]!.cells[0]!.text) && ORDER_NUMBER.test(dateNumber.rows[0]!.cells[1]!.text),
    heading: !!heading && heading.bold === true && !/[.;:]$/.test(heading.text.replace(/(?:^|\s|\d)гг?\.$/, '')),
    text: justified(basis) && points.length > 0 && points.every(justified),
    command: order([basis, command, points[0]]),
    signature: !!signature && signature !== dateNumber && borderless(signature) && rightAligned(signature) && SIGNATURE_NAME.test(signature.rows[0]!.cells[1]!.text) && order([points[points.length - 1], signature]),
    executor: !!executor && order([signature, executor]),
    page: close(doc.page.width, mmToPt(210)) && close(doc.page.height, mmToPt(297)) && close(doc.page.marginLeft, mmToPt(30)) && doc.page.marginRight >= mmToPt(10) - 0.5 && doc.page.marginTop >= mmToPt(20) - 0.5,
    font: !!basis && basis.fontFamily === expect.fontFamily && basis.fontSize === expect.fontPt,
  };
  if (expect.appendix) {
    checks.appendixMark = rightHalf(find(/^Приложение № 1$/, apParagraphs));
    checks.approvalStamp = rightHalf(find(/^УТВЕРЖДЕН[АОЫ]?$/, apParagraphs));
    checks.appendixTable = !!table && (table.pinnedHeaderRows ?? 0) >= 1;
  }
  return Object.entries(checks).filter(([, ok]) => !ok).map(([id]) => id);
}
