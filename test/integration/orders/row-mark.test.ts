// An order made for a roadmap row writes «Приказ от … № …», linked to its Doc, into that row's
// «Отметка о выполнении», after what the person typed there; never twice; on the row even when
// rows moved; refused when the row's text changed since the sidebar opened.
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../../src/contract/orders';
import { createOrder } from '../../../src/addon/orders/endpoints';
import { HISTORY_SHEET } from '../../../src/core/roadmap/history';
import { armFault, disarmFault, type GasRuntime } from '../../../preview/gas';
import { DERBENT_ORG, ROADMAP_SHEET, TODAY, canonicalFromFixture, inRuntime, newRuntime, orgRows, seedRoadmap } from './helpers';

/** Kalinovskaya's «1.2. Назначение ответственного лица (куратора)…», result «Приказ ОО»: sheet row 5. */
const FIXTURE = canonicalFromFixture('kalinovskaya-2022-2024');
const INDEX = FIXTURE.items.findIndex((i) => i.result === 'Приказ ОО');
const ITEM = FIXTURE.items[INDEX]!;
const ROW = INDEX + 3;
const MARK = 8;

const request = (number: string, row = ROW): OrderRequest => ({
  mode: 'row', date: TODAY, number, dateStyle: 'long', heading: '', basis: '',
  points: ['Назначить куратором внедрения целевой модели наставничества Иванову М.П.'],
  signatory: { position: '', name: '' }, appendix: 'all', sections: [],
  row: { sheetName: ROADMAP_SHEET, sheetRow: row, number: ITEM.number, activity: ITEM.activity },
  useTemplate: false, acceptRoadmapProblems: false,
});

function world(): GasRuntime {
  const rt = newRuntime();
  seedRoadmap(rt, FIXTURE.values);
  rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
  return rt;
}

const cell = (rt: GasRuntime, row: number, column = MARK) => rt.snapshot().sheets.find((s) => s.name === ROADMAP_SHEET)!.cells[row - 1]?.[column - 1] ?? null;

/** The linked parts of a cell as [text, url]. */
function linked(rt: GasRuntime, row: number): [string, string][] {
  const c = cell(rt, row);
  if (!c) return [];
  if (c.link) return [[c.text, c.link]];
  return (c.links ?? []).map((l) => [c.text.slice(l.start, l.end), l.url]);
}

describe('the mark of a row an order was made for', () => {
  it('gets the order\'s line linked to its Doc, after the text a person typed; a second order adds its own line', () => {
    const rt = world();
    rt.userEdit(ROADMAP_SHEET, ROW, MARK, 'Кандидатура согласована на педсовете');
    const first = inRuntime(rt, () => createOrder(request('45-о')));
    expect(cell(rt, ROW)!.text).toBe('Кандидатура согласована на педсовете\nПриказ от 23.11.2026 № 45-о');
    expect(linked(rt, ROW)).toEqual([['Приказ от 23.11.2026 № 45-о', first.url]]);

    const second = inRuntime(rt, () => createOrder(request('46-о')));
    expect(cell(rt, ROW)!.text).toBe('Кандидатура согласована на педсовете\nПриказ от 23.11.2026 № 45-о\nПриказ от 23.11.2026 № 46-о');
    expect(linked(rt, ROW)).toEqual([['Приказ от 23.11.2026 № 45-о', first.url], ['Приказ от 23.11.2026 № 46-о', second.url]]);
    // Only that row's mark changed.
    expect(cell(rt, ROW + 1)?.text ?? '').toBe(FIXTURE.values[ROW]![MARK - 1] ?? '');
  });

  it('keeps the fonts and links the person gave parts of the mark (rich text)', () => {
    const rt = world();
    inRuntime(rt, () => {
      const bold = SpreadsheetApp.newTextStyle().setBold(true).build();
      const value = SpreadsheetApp.newRichTextValue().setText('Протокол № 3, справка')
        .setTextStyle(0, 12, bold).setLinkUrl(14, 21, 'https://example.org/spravka').build();
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ROADMAP_SHEET)!.getRange(ROW, MARK).setRichTextValue(value);
    });
    const created = inRuntime(rt, () => createOrder(request('45-о')));
    const runs = inRuntime(rt, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ROADMAP_SHEET)!.getRange(ROW, MARK).getRichTextValue()!.getRuns()
      .map((r) => [r.getText(), r.getTextStyle().isBold(), r.getLinkUrl()]));
    expect(runs).toEqual([
      ['Протокол № 3', true, null],
      [', ', null, null],
      ['справка', null, 'https://example.org/spravka'],
      ['\n', null, null],
      ['Приказ от 23.11.2026 № 45-о', null, created.url],
    ]);
  });

  it('is left alone when the person wrote a formula there: the order is made and the note gives its link to add by hand', () => {
    const rt = world();
    // Typed into the plain-text column a formula stays text; written where the format allows it, it is a formula.
    inRuntime(rt, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ROADMAP_SHEET)!.getRange(ROW, MARK).setNumberFormat('General').setFormula('="Протокол № "&3'));
    const before = cell(rt, ROW);
    const created = inRuntime(rt, () => createOrder(request('45-о')));
    expect(before).toMatchObject({ formula: '="Протокол № "&3', text: 'Протокол № 3' });
    expect(cell(rt, ROW)).toEqual(before);
    expect(created.mark).toBeNull();
    expect(created.warnings).toContain(`В «Отметка о выполнении» строки ${ROW} листа «${ROADMAP_SHEET}» формула: дополнение её не меняет. Добавьте ссылку на приказ сами: ${created.url}`);
    expect(rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')!.cells[1]!.map((c) => c?.text ?? '').join(' ')).not.toMatch(/не заверш|создаётся/);
  });

  it('is recorded in «История изменений» as the add-on\'s change on the person\'s request', () => {
    const rt = world();
    inRuntime(rt, () => createOrder(request('45-о')));
    const history = rt.snapshot().sheets.find((s) => s.name === HISTORY_SHEET)!;
    expect(history.hidden).toBe(true);
    // One record: the add-on's own (Apps Script runs no onEdit for a script's write, so nothing else records it).
    expect(history.lastRow).toBe(2);
    expect(history.cells[1]!.map((c) => c?.text ?? '')).toEqual([
      '23.11.2026 12:30', 'metodist@example.org (дополнение: приказ № 45-о)', ROADMAP_SHEET, String(ROW), 'Отметка о выполнении', '', 'Приказ от 23.11.2026 № 45-о', '1.2.',
    ]);
  });

  it('a failure of the mark write leaves the order unfinished; pressing again completes it with one line, not two', () => {
    const rt = world();
    // Find the call that writes the mark, then fail it after it took effect (Google lost the reply).
    const count = world();
    const counter = armFault(count.tracker, null);
    inRuntime(count, () => createOrder(request('45-о')));
    disarmFault(count.tracker);
    const at = counter.keys.indexOf('Range.setRichTextValue') + 1;
    expect(at).toBeGreaterThan(0);

    armFault(rt.tracker, { at, timing: 'after' });
    expect(() => inRuntime(rt, () => createOrder(request('45-о')))).toThrow(
      /Приказ № 45-о сформирован \(https:\/\/docs\.google\.com\/document\/d\/[^)]+\), но строка о нём не записана в столбец «Отметка о выполнении» строки 5 листа «Дорожная карта»[^]*ещё раз с тем же номером/,
    );
    disarmFault(rt.tracker);
    const journal = () => rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')!.cells.slice(1).map((r) => r.map((c) => c?.text ?? '').join(' | '));
    expect(journal()[0]).toMatch(/не заверш/);

    const again = inRuntime(rt, () => createOrder(request('45-о')));
    expect(again.warnings[0]).toMatch(/не был завершён в прошлый раз/);
    expect(cell(rt, ROW)!.text).toBe('Приказ от 23.11.2026 № 45-о');
    expect(linked(rt, ROW)).toEqual([['Приказ от 23.11.2026 № 45-о', again.url]]);
    expect(rt.documents()).toHaveLength(1);
    expect(journal()).toHaveLength(1);
    expect(journal()[0]).not.toMatch(/не заверш|создаётся/);
  });

  it('follows the row when rows were inserted above it after the sidebar opened', () => {
    const rt = world();
    inRuntime(rt, () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ROADMAP_SHEET)!.insertRowsBefore(4, 2));
    const created = inRuntime(rt, () => createOrder(request('45-о')));
    expect(linked(rt, ROW + 2)).toEqual([['Приказ от 23.11.2026 № 45-о', created.url]]);
    expect(cell(rt, ROW)?.text ?? '').toBe('');
  });

  it('refuses, naming the row and the column, when the row\'s text changed since the sidebar opened; nothing is made', () => {
    const rt = world();
    rt.userEdit(ROADMAP_SHEET, ROW, 2, 'Назначение наставников');
    expect(() => inRuntime(rt, () => createOrder(request('45-о')))).toThrow(
      /^Строка 5 листа «Дорожная карта», столбец «Мероприятие»: текст изменился после открытия панели \(было «Назначение ответственного[^]*», сейчас «Назначение наставников»\)\. Выделите строку заново[^]*Приказ не создан\.$/,
    );
    expect(rt.documents()).toHaveLength(0);
    expect(rt.snapshot().sheets.map((s) => s.name)).not.toContain('Журнал приказов');
  });
});
