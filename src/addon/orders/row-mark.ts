// An order made for a roadmap row leaves its evidence in that row's «Отметка о выполнении»: a line
// «Приказ от 07.12.2026 № 45-о» linked to the order's Doc, after whatever the person typed there
// (core/roadmap/evidence.ts decides the text). Runs inside the order's document lock, once the Doc
// is filled and before the journal row is finished: a failure here leaves the order unfinished, and
// pressing «Сформировать приказ» again with the same number writes the line (never a second one).
// A fixed number of calls whatever the size of the sheet: the header block, the row, the mark cell,
// one write, one history append; a full read only when the row moved meanwhile.
import { orderMarkLine, withOrderLine, type MarkText } from '../../core/roadmap/evidence';
import { byAddon, itemKey } from '../../core/roadmap/history';
import { cellText } from '../../core/roadmap/text';
import { numberSign } from '../../core/order/format';
import { UserError } from '../endpoint';
import { locateLayout, type SheetLayout } from '../roadmap/analyse';
import { recordOwnChange } from '../roadmap/history';
import type { OrderedRow } from './order-model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const MARK_TITLE = 'Отметка о выполнении';
const HEADER_SCAN = 30;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

type Run = GoogleAppsScript.Spreadsheet.RichTextValue;

/** The cell's text and links, from its runs (a run is uniform, so its own getLinkUrl() is its link). */
function markOf(rich: Run | null, runs: readonly Run[], fallback: () => string): MarkText {
  if (!rich) return { text: fallback(), links: [] };
  const links = runs.flatMap((run) => {
    const url = run.getLinkUrl();
    return url ? [{ start: run.getStartIndex(), end: run.getEndIndex(), url }] : [];
  });
  return { text: rich.getText(), links };
}

/** Whether a row's cells still hold the item (number and activity as the order read them). */
function holds(cells: readonly unknown[], layout: SheetLayout, row: OrderedRow): boolean {
  const n = layout.columns.number;
  const a = layout.columns.activity;
  const number = n === undefined ? '' : itemKey(cells[n]);
  const activity = a === undefined ? '' : cellText(cells[a]);
  return squash(number) === squash(row.number) && squash(activity) === squash(row.activity);
}

/** The row's sheet row now: where it was, or where it moved to (one full read); a Russian refusal otherwise. */
function currentRow(sheet: Sheet, layout: SheetLayout, row: OrderedRow, size: { lastRow: number; lastColumn: number }, markTitle: string): number {
  const { lastRow, lastColumn } = size;
  if (row.sheetRow <= lastRow && holds(sheet.getRange(row.sheetRow, 1, 1, lastColumn).getValues()[0] ?? [], layout, row)) return row.sheetRow;
  const values = sheet.getDataRange().getValues();
  const found = values.flatMap((cells, i) => (i > layout.headerRow && holds(cells, layout, row) ? [i + 1] : []));
  if (found.length === 1) return found[0]!;
  throw new UserError(
    `Строка ${row.sheetRow} листа «${row.sheetName}», столбец «${markTitle}»: строка изменилась, пока формировался приказ (пункт ${row.number || 'без номера'} не найден или встречается несколько раз), ссылка на приказ не записана.`,
  );
}

/** What the person is told: what the mark now holds, or why nothing was written (not a failure). */
export interface MarkOutcome {
  done: string | null;
  note: string | null;
}

/** Adds the order's line to the row's mark. */
export function writeOrderMark(ss: Spreadsheet, row: OrderedRow, order: { date: string; number: string; url: string }, who: string): MarkOutcome {
  const sheet = ss.getSheetByName(row.sheetName);
  if (!sheet) throw new UserError(`Лист «${row.sheetName}» не найден: ссылка на приказ не записана в «${MARK_TITLE}» строки ${row.sheetRow}.`);
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const header = lastRow > 0 && lastColumn > 0 ? sheet.getRange(1, 1, Math.min(HEADER_SCAN, lastRow), lastColumn).getValues() : [];
  const layout = locateLayout(header, lastColumn);
  if (!layout) throw new UserError(`На листе «${row.sheetName}» не найдена строка заголовков дорожной карты: ссылка на приказ не записана в «${MARK_TITLE}» строки ${row.sheetRow}.`);
  const markColumn = layout.columns.mark;
  if (markColumn === undefined) return { done: null, note: `На листе «${row.sheetName}» нет столбца «${MARK_TITLE}»: строка о приказе в отметку не записана.` };
  const markTitle = cellText(header[layout.headerRow]?.[markColumn]) || MARK_TITLE;

  const sheetRow = currentRow(sheet, layout, row, { lastRow, lastColumn }, markTitle);
  const cell = sheet.getRange(sheetRow, markColumn + 1);
  // A formula the person wrote there (=HYPERLINK(…)) would be replaced by its value: it is left as it is.
  if (cell.getFormula()) {
    return { done: null, note: `В «${markTitle}» строки ${sheetRow} листа «${row.sheetName}» формула: дополнение её не меняет. Добавьте ссылку на приказ сами: ${order.url}` };
  }
  const rich = cell.getRichTextValue();
  const runs = rich?.getRuns() ?? [];
  const mark = markOf(rich, runs, () => cell.getDisplayValue());
  const line = orderMarkLine(order);
  const next = withOrderLine(mark, line, order.url);
  const done = `В «${markTitle}» строки ${sheetRow} листа «${row.sheetName}» — «${line}» со ссылкой на приказ.`;
  if (!next) return { done, note: null };
  // setText clears every style, links included: the person's fonts and links are put back by offset
  // (the text before the new line is unchanged), run by run.
  const builder = SpreadsheetApp.newRichTextValue().setText(next.text);
  for (const run of runs) {
    if (run.getEndIndex() > run.getStartIndex()) builder.setTextStyle(run.getStartIndex(), run.getEndIndex(), run.getTextStyle());
  }
  for (const link of next.links) builder.setLinkUrl(link.start, link.end, link.url);
  cell.setRichTextValue(builder.build());
  recordOwnChange(ss, {
    who: byAddon(who, `приказ ${numberSign(order.number)}`), sheet: row.sheetName, row: sheetRow, column: markTitle, before: mark.text, after: next.text,
    item: row.number.trim(),
  });
  return { done, note: null };
}
