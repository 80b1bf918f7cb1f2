// Live checks: every behaviour of Google's services that the add-on depends on and that our
// in-memory runtime (preview/gas) models, written once against the Apps Script API. Each check's
// `expected` is our runtime's claim; `npm run test:live` runs them on a real spreadsheet and Doc,
// test/live/in-memory.test.ts runs them on the in-memory runtime in CI. A difference on Google is a
// fact to copy into preview/gas (with its source) and then into the add-on.
//
// Adding a check: append it to CHECKS; a group written in its own module is one line there (as the
// Docs API requests of the order renderer, src/live/docs-api-checks.ts).
import { DOCS_API_CHECKS } from './docs-api-checks';
import { REMINDER_CHECKS } from './reminder-checks';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Document = GoogleAppsScript.Document.Document;

export interface LiveContext {
  ss: Spreadsheet;
  /** A new empty sheet for this check only (deleted afterwards). */
  sheet: Sheet;
  /** A Doc created for this run (one per run: Docs have a daily creation quota). */
  doc: Document;
  timeZone: string;
  /** The current year in the spreadsheet's zone (a date typed without a year falls in it). */
  year: number;
}

export interface LiveCheck {
  name: string;
  /** The spreadsheet locale the check runs in (restored afterwards). */
  locale?: string;
  /** What our runtime claims Google answers (JSON: Dates are shown as 'Date yyyy-MM-dd'). */
  expected: (ctx: LiveContext) => unknown;
  run: (ctx: LiveContext) => unknown;
  /** A measurement rather than a claim: reported, never failed. */
  measure?: boolean;
}

/** A value as JSON that tells types apart: Dates in the spreadsheet's zone, the rest as is. */
export function shown(value: unknown, timeZone: string): unknown {
  if (value instanceof Date) {
    const time = Utilities.formatDate(value, timeZone, 'HH:mm:ss');
    return `Date ${Utilities.formatDate(value, timeZone, 'yyyy-MM-dd')}${time === '00:00:00' ? '' : ` ${time}`}`;
  }
  if (Array.isArray(value)) return value.map((v) => shown(v, timeZone));
  return value;
}

/** What a cell holds after `write`: value (typed), formula and display text. */
function cellAfter(ctx: LiveContext, write: (cell: GoogleAppsScript.Spreadsheet.Range) => void): { value: unknown; formula: string; display: string } {
  const cell = ctx.sheet.getRange('B2');
  write(cell);
  return { value: shown(cell.getValues()[0]![0], ctx.timeZone), formula: cell.getFormulas()[0]![0]!, display: cell.getDisplayValues()[0]![0]! };
}

const text = (s: string) => ({ value: s, formula: '', display: s });
const num = (n: number, display: string) => ({ value: n, formula: '', display });
const date = (iso: string, display: string) => ({ value: `Date ${iso}`, formula: '', display });

/** Strings a person or the add-on writes: formulas, signs, item numbers, dates in three spellings. */
const TYPED = ['=1+1', '+7', '-приказ', '1.1.', '1.5', '01.02.2021', '2021-02-01'] as const;
type Typed = (typeof TYPED)[number];

/** Our runtime's reading of each string in an automatic (not '@') cell, by locale. */
const AUTOMATIC: Record<'ru_RU' | 'en_US', (year: number) => Record<Typed, unknown>> = {
  ru_RU: (year) => ({
    '=1+1': { value: 2, formula: '=1+1', display: '2' },
    '+7': num(7, '7'),
    '-приказ': text('-приказ'),
    '1.1.': text('1.1.'),
    '1.5': date(`${year}-05-01`, `01.05.${year}`),
    '01.02.2021': date('2021-02-01', '01.02.2021'),
    '2021-02-01': date('2021-02-01', '2021-02-01'), // a typed date keeps its spelling as the cell's format
  }),
  en_US: () => ({
    '=1+1': { value: 2, formula: '=1+1', display: '2' },
    '+7': num(7, '7'),
    '-приказ': text('-приказ'),
    '1.1.': text('1.1.'),
    '1.5': num(1.5, '1.5'),
    '01.02.2021': text('01.02.2021'),
    '2021-02-01': date('2021-02-01', '2021-02-01'),
  }),
};

const typedChecks: LiveCheck[] = [
  ...TYPED.map((s): LiveCheck => ({
    name: `setValues «${s}» into a plain-text ('@') cell stays text`,
    locale: 'ru_RU',
    expected: () => text(s),
    run: (ctx) => cellAfter(ctx, (c) => c.setNumberFormat('@').setValues([[s]])),
  })),
  ...(['ru_RU', 'en_US'] as const).flatMap((locale) =>
    TYPED.map((s): LiveCheck => ({
      name: `setValues «${s}» into an automatic cell, ${locale}`,
      locale,
      expected: (ctx) => AUTOMATIC[locale](ctx.year)[s],
      run: (ctx) => cellAfter(ctx, (c) => c.setValues([[s]])),
    })),
  ),
];

/** Ways to write text that must stay text into a cell whose format the add-on did not set. */
const textPathChecks: LiveCheck[] = [
  {
    // What the distribution does with a school's rows written below the rows formatted at creation.
    name: "setNumberFormats('@') then setValues in one chain keeps «=2+2» as text",
    locale: 'ru_RU',
    expected: () => text('=2+2'),
    run: (ctx) => cellAfter(ctx, (c) => c.setNumberFormats([['@']]).setValues([['=2+2']])),
  },
  {
    name: "a leading apostrophe keeps «'=2+2» as the text «=2+2» (apostrophe not stored)",
    locale: 'ru_RU',
    expected: () => text('=2+2'),
    run: (ctx) => cellAfter(ctx, (c) => c.setValues([["'=2+2"]])),
  },
  {
    name: 'setRichTextValue with «=2+2» stores text',
    locale: 'ru_RU',
    expected: () => text('=2+2'),
    run: (ctx) => cellAfter(ctx, (c) => c.setRichTextValue(SpreadsheetApp.newRichTextValue().setText('=2+2').build())),
  },
];

/** «Отметка о выполнении»: the order's line linked inside the person's text (src/addon/orders/row-mark.ts). */
const MARK_TEXT = 'Протокол № 3\nПриказ от 07.12.2026 № 45-о';
const MARK_URL = 'https://docs.google.com/document/d/live-check/edit';
const markCell = (ctx: LiveContext) => {
  const cell = ctx.sheet.getRange('B2').setNumberFormat('@');
  cell.setRichTextValue(SpreadsheetApp.newRichTextValue().setText(MARK_TEXT).setLinkUrl(13, MARK_TEXT.length, MARK_URL).build());
  return cell;
};

const richTextChecks: LiveCheck[] = [
  {
    name: 'a link over the second line of a plain-text cell reads back as runs with their offsets and links (getRuns), the value as plain text',
    expected: () => ({ value: MARK_TEXT, runs: [['Протокол № 3\n', 0, 13, null], ['Приказ от 07.12.2026 № 45-о', 13, MARK_TEXT.length, MARK_URL]] }),
    run: (ctx) => {
      const cell = markCell(ctx);
      const runs = cell.getRichTextValue()!.getRuns().map((r) => [r.getText(), r.getStartIndex(), r.getEndIndex(), r.getLinkUrl()]);
      return { value: cell.getValue(), runs };
    },
  },
  {
    name: "a run's text style carried to a new value (setText, then setTextStyle per old run) keeps the person's bold part",
    expected: () => [['Протокол № 3', true], ['\n', false], ['Приказ от 07.12.2026 № 45-о', false]],
    run: (ctx) => {
      const cell = ctx.sheet.getRange('B2').setNumberFormat('@');
      const bold = SpreadsheetApp.newTextStyle().setBold(true).build();
      cell.setRichTextValue(SpreadsheetApp.newRichTextValue().setText('Протокол № 3').setTextStyle(0, 12, bold).build());
      const runs = cell.getRichTextValue()!.getRuns();
      const builder = SpreadsheetApp.newRichTextValue().setText(MARK_TEXT);
      for (const run of runs) builder.setTextStyle(run.getStartIndex(), run.getEndIndex(), run.getTextStyle());
      cell.setRichTextValue(builder.setLinkUrl(13, MARK_TEXT.length, MARK_URL).build());
      // The link's own default style (Google underlines links) is not the point: only whether bold survived.
      return cell.getRichTextValue()!.getRuns().map((r) => [r.getText(), r.getTextStyle().isBold() === true]);
    },
  },
  {
    // Undocumented: the add-on reads links run by run, so it works whichever way this goes.
    name: 'getLinkUrl() of a value linked over part of its text is null',
    expected: () => null,
    run: (ctx) => markCell(ctx).getRichTextValue()!.getLinkUrl(),
  },
];

const sheetChecks: LiveCheck[] = [
  {
    name: 'a number under a date format reads back as a Date (getValues) and shows the day',
    locale: 'ru_RU',
    expected: () => date('2023-02-07', '07.02.2023'),
    run: (ctx) => cellAfter(ctx, (c) => c.setNumberFormat('dd.mm.yyyy').setValues([[44964]])),
  },
  {
    name: 'a Date written with setValues reads back as the same day',
    locale: 'en_US',
    expected: () => 'Date 2023-02-07',
    run: (ctx) => {
      const source = ctx.sheet.getRange('A2');
      source.setFormula('=DATE(2023, 2, 7)');
      const c = ctx.sheet.getRange('A1');
      c.setValues([[source.getValue()]]);
      return shown(c.getValue(), ctx.timeZone);
    },
  },
  {
    name: 'setFormula with commas (English syntax) in a ru_RU spreadsheet computes and reads back as written',
    locale: 'ru_RU',
    expected: () => ({ value: 'да', formula: '=IF(1>0, "да", "нет")' }),
    run: (ctx) => {
      const c = ctx.sheet.getRange('A1');
      c.setFormula('=IF(1>0, "да", "нет")');
      return { value: c.getValue(), formula: c.getFormula() };
    },
  },
  {
    name: 'a conditional-format custom formula with commas is kept as written in a ru_RU spreadsheet (whether it colours: manual pass)',
    locale: 'ru_RU',
    expected: () => ['=AND($A1>0, $A1<10)'],
    run: (ctx) => {
      const rule = SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=AND($A1>0, $A1<10)')
        .setBackground('#f4cccc')
        .setRanges([ctx.sheet.getRange('A1:A5')])
        .build();
      ctx.sheet.setConditionalFormatRules([rule]);
      return ctx.sheet.getConditionalFormatRules()[0]!.getBooleanCondition()!.getCriteriaValues();
    },
  },
  {
    name: 'AND/OR skip text inside a range; nothing logical is #VALUE!',
    locale: 'en_US',
    expected: () => [true, true, '#VALUE!'],
    run: (ctx) => {
      const s = ctx.sheet;
      s.getRange('A1:C2').setValues([[true, 'текст', 1], ['текст', '', 'ещё']]);
      s.getRange('D1:D3').setFormulas([['=AND(A1:C1)'], ['=OR(A1:C1, FALSE)'], ['=AND(A2:C2)']]);
      return s.getRange('D1:D3').getValues().map((r) => r[0]);
    },
  },
  {
    name: 'the spreadsheet locale can be read and set (getSpreadsheetLocale)',
    expected: () => 'en_US',
    locale: 'en_US',
    run: (ctx) => ctx.ss.getSpreadsheetLocale(),
  },
  {
    name: "a range protected as Google's sample does it (add me, remove the others) stays editable by me (a second user: manual pass)",
    expected: () => ({ description: 'проверка', canEdit: true, meStays: true, domainEdit: false }),
    // The sample of https://developers.google.com/apps-script/reference/spreadsheet/range#protect(),
    // which src/addon/district/protect.ts follows.
    run: (ctx) => {
      const p = ctx.sheet.getRange('A1:B2').protect().setDescription('проверка');
      const me = Session.getEffectiveUser();
      p.addEditor(me);
      p.removeEditors(p.getEditors());
      if (p.canDomainEdit()) p.setDomainEdit(false);
      const result = { description: p.getDescription(), canEdit: p.canEdit(), meStays: p.getEditors().some((u) => u.getEmail() === me.getEmail()), domainEdit: p.canDomainEdit() };
      p.remove();
      return result;
    },
  },
  {
    name: 'getDocumentLock and document properties in the mode of this run',
    expected: () => ({ lock: true, acquired: true, property: 'значение' }),
    run: () => {
      const lock = LockService.getDocumentLock();
      const acquired = !!lock && lock.tryLock(5000);
      if (acquired) lock.releaseLock();
      const props = PropertiesService.getDocumentProperties();
      props.setProperty('liveCheck', 'значение');
      const property = props.getProperty('liveCheck');
      props.deleteProperty('liveCheck');
      return { lock: !!lock, acquired, property };
    },
  },
];

/** A valid 6×3 red PNG (IHDR, IDAT, IEND). */
const TINY_PNG = [
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 6, 0, 0, 0, 3, 8, 2, 0, 0, 0, 63, 99, 233, 172, 0, 0, 0, 17, 73, 68, 65, 84,
  120, 156, 99, 248, 207, 192, 128, 134, 208, 249, 216, 133, 0, 17, 68, 17, 239, 207, 15, 136, 217, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

const docChecks: LiveCheck[] = [
  {
    name: 'TableCell.merge() joins a cell with the preceding one of its row, moving its content',
    expected: () => ({ row0: 1, merged: 'a\nb', row1: 2 }),
    run: (ctx) => {
      const table = ctx.doc.getBody().appendTable([['a', 'b'], ['c', 'd']]);
      table.getCell(0, 1).merge();
      return { row0: table.getRow(0).getNumCells(), merged: table.getCell(0, 0).getText(), row1: table.getRow(1).getNumCells() };
    },
  },
  {
    name: 'elements copied one by one into another body keep their type and text',
    expected: () => [['PARAGRAPH', 'Заголовок'], ['TABLE', '1\tМероприятие'], ['LIST_ITEM', 'пункт']].map((x) => x.join(': ')),
    run: (ctx) => {
      const body = ctx.doc.getBody();
      body.clear();
      body.appendParagraph('Заголовок');
      body.appendTable([['1', 'Мероприятие']]);
      body.appendListItem('пункт');
      const copy = DocumentApp.create('Live check (copy target)');
      const target = copy.getBody();
      for (let i = 0; i < body.getNumChildren(); i++) {
        const el = body.getChild(i);
        const type = el.getType();
        if (type === DocumentApp.ElementType.PARAGRAPH) target.appendParagraph(el.asParagraph().copy());
        else if (type === DocumentApp.ElementType.TABLE) target.appendTable(el.asTable().copy());
        else if (type === DocumentApp.ElementType.LIST_ITEM) target.appendListItem(el.asListItem().copy());
      }
      const out: string[] = [];
      for (let i = 0; i < target.getNumChildren(); i++) {
        const el = target.getChild(i);
        const t = el.getType();
        const txt =
          t === DocumentApp.ElementType.TABLE ? el.asTable().getRow(0).getText().replace(/\n/g, '\t')
          : t === DocumentApp.ElementType.LIST_ITEM ? el.asListItem().getText()
          : el.asParagraph().getText();
        if (txt !== '') out.push(`${String(t)}: ${txt}`); // a new Doc starts with an empty paragraph
      }
      copy.saveAndClose();
      return out;
    },
  },
  {
    name: 'a header added by script holds its text (first-page headers, wrapped images, page numbers: manual pass)',
    expected: () => 'Колонтитул',
    run: (ctx) => {
      const header = ctx.doc.getHeader() ?? ctx.doc.addHeader();
      header.clear();
      header.appendParagraph('Колонтитул');
      return header.getText().trim();
    },
  },
  {
    // The progress report's chart goes in with Body.appendImage: our runtime reads the natural size
    // from the bytes and puts the image in a paragraph of its own.
    name: 'Body.appendImage of a 6×3 PNG: an InlineImage of 6×3 pixels alone in a new paragraph; setWidth/setHeight read back',
    expected: () => ({ size: [6, 3], parent: 'PARAGRAPH', text: '', resized: [12, 6] }),
    run: (ctx) => {
      const body = ctx.doc.getBody();
      const image = body.appendImage(Utilities.newBlob(TINY_PNG, 'image/png', 'chart.png'));
      const size = [image.getWidth(), image.getHeight()];
      const parent = image.getParent();
      image.setWidth(12).setHeight(6);
      return { size, parent: String(parent.getType()), text: parent.asParagraph().getText(), resized: [image.getWidth(), image.getHeight()] };
    },
  },
  {
    // The report's chart (src/addon/report/progress-chart.ts): drawn by an embedded chart on a
    // hidden sheet, taken as a picture and put into a Doc. Google documents getAs('image/png') but
    // not whether a hidden sheet's chart renders, nor the picture's size.
    name: "a stacked bar chart on a hidden sheet renders with getAs('image/png') at its width × height options; appendImage keeps that size",
    expected: () => ({ png: true, size: '400x240', inDoc: '400x240' }),
    run: (ctx) => {
      ctx.sheet.getRange(1, 1, 3, 3).setValues([['', 'Выполнено', 'В работе'], ['Раздел 1', 3, 1], ['Раздел 2', 0, 4]]);
      ctx.sheet.insertChart(ctx.sheet.newChart().asBarChart().addRange(ctx.sheet.getRange(1, 1, 3, 3)).setPosition(1, 5, 0, 0)
        .setOption('isStacked', true).setOption('width', 400).setOption('height', 240).setOption('title', 'Проверка').build());
      ctx.sheet.hideSheet();
      SpreadsheetApp.flush();
      const bytes = ctx.sheet.getCharts()[0]!.getAs('image/png').getBytes().map((b) => b & 0xff);
      const u32 = (at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
      const image = ctx.doc.getBody().appendImage(ctx.sheet.getCharts()[0]!.getAs('image/png'));
      return {
        png: bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47,
        size: `${u32(16)}x${u32(20)}`,
        inDoc: `${image.getWidth()}x${image.getHeight()}`,
      };
    },
  },
  {
    name: 'getId/getUrl after saveAndClose (the add-on reads them before)',
    expected: () => 'throws',
    run: () => {
      const d = DocumentApp.create('Live check (closed)');
      const id = d.getId();
      d.saveAndClose();
      try {
        return d.getId() === id && /^https:\/\/docs\.google\.com\//.test(d.getUrl()) ? 'same id and url' : 'different';
      } catch {
        return 'throws';
      }
    },
  },
];

const measureChecks: LiveCheck[] = [
  {
    name: 'timing: a read after a write (round trip), ms — calibrates ROUND_TRIP_MS in bench/cost-model.ts',
    measure: true,
    expected: () => null,
    run: (ctx) => {
      const cell = ctx.sheet.getRange('A1');
      const t0 = Date.now();
      for (let i = 0; i < 10; i++) {
        cell.setValue(i);
        cell.getValue();
      }
      return Math.round((Date.now() - t0) / 10);
    },
  },
  {
    name: 'timing: 10,000 cells in one setValues + getValues, ms',
    measure: true,
    expected: () => null,
    run: (ctx) => {
      const grid = Array.from({ length: 100 }, (_, r) => Array.from({ length: 100 }, (_c, c) => r * 100 + c));
      if (ctx.sheet.getMaxColumns() < 100) ctx.sheet.insertColumnsAfter(ctx.sheet.getMaxColumns(), 100 - ctx.sheet.getMaxColumns());
      const t0 = Date.now();
      const range = ctx.sheet.getRange(1, 1, 100, 100);
      range.setValues(grid);
      range.getValues();
      return Date.now() - t0;
    },
  },
];

export const CHECKS: LiveCheck[] = [...typedChecks, ...textPathChecks, ...richTextChecks, ...sheetChecks, ...docChecks, ...DOCS_API_CHECKS, ...REMINDER_CHECKS, ...measureChecks];
