// The report's progress chart: the add-on's hidden chart-data sheet, one stacked bar chart on it
// (updated, never piled up), its PNG, a fixed number of calls, and no half state after a fault.
// The PNG goes into a Doc with Body.appendImage and shows in the preview's document page.
import { afterEach, describe, expect, it } from 'vitest';
import { armFault, createGasRuntime, disarmFault, type GasRuntime } from '../../../preview/gas';
import { renderDocumentHtml } from '../../../preview/doc-html';
import { PNG_SIGNATURE } from '../../../preview/gas/services/png';
import { CHART_DATA_KEY, CHART_DATA_SHEET, progressChartImage, type ProgressBar } from '../../../src/addon/report/progress-chart';
import { PROGRESS_SERIES } from '../../../src/core/report/progress-chart';
import { decodePng, runsOnRow } from '../../gas/png-decode';

let rt: GasRuntime;
let uninstall: () => void = () => {};
afterEach(() => {
  disarmFault(rt?.tracker);
  uninstall();
});

const USER_DATA = [['Мои данные', 'не трогать'], ['=1+1', 42]];

function setup(): GasRuntime {
  rt = createGasRuntime({ now: () => new Date('2024-03-15T09:00:00+03:00'), htmlFile: () => null });
  uninstall = rt.install();
  rt.seedSheet('План', [['№', 'Мероприятие'], ['1.', 'Семинар']]);
  // A person's own sheet that happens to have the add-on's name.
  rt.seedSheet(CHART_DATA_SHEET, USER_DATA);
  rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('План')!.activate());
  return rt;
}

const bars = (n: number): ProgressBar[] =>
  Array.from({ length: n }, (_, i) => ({ label: `${i + 1}. Раздел`, done: (i % 4) + 1, inProgress: 1, overdue: i % 2, cancelled: 0, planned: 2 }));

const chart = (list: readonly ProgressBar[], title = 'Выполнение плана по разделам') =>
  rt.run('FULL', () => progressChartImage(SpreadsheetApp.getActiveSpreadsheet(), list, title));

const sheetNamed = (name: string) => rt.snapshot().sheets.find((s) => s.name === name);
const ownSheet = () => {
  const id = Number(rt.properties('document')[CHART_DATA_KEY]);
  return rt.snapshot().sheets.find((s) => s.sheetId === id);
};
const chartsOn = (name: string) =>
  rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)?.getCharts().length ?? 0);
const texts = (name: string) => sheetNamed(name)!.cells.map((r) => r.map((c) => c?.text ?? ''));

describe('progressChartImage', () => {
  it('writes only its own hidden, protected sheet and returns the stacked chart as a PNG', () => {
    setup();
    const before = texts(CHART_DATA_SHEET);
    const blob = chart(bars(3));
    expect(blob).not.toBeNull();
    const bytes = blob!.getBytes().map((b) => b & 0xff);
    expect(bytes.slice(0, 8)).toEqual([...PNG_SIGNATURE]);
    // The user's sheet of the same name is as it was: same cells, no chart.
    expect(texts(CHART_DATA_SHEET)).toEqual(before);
    expect(chartsOn(CHART_DATA_SHEET)).toBe(0);
    const own = ownSheet()!;
    expect(own.name).toBe(`${CHART_DATA_SHEET} (2)`);
    expect(own.hidden).toBe(true);
    expect(own.protections.some((p) => p.warningOnly)).toBe(true);
    // The header is the series' Russian names; labels are text, even «=…».
    expect(texts(own.name)[0]!.slice(0, 6)).toEqual(['', 'Выполнено', 'В работе', 'Просрочено', 'Отменено', 'Запланировано']);
    expect(texts(own.name)[1]!.slice(0, 6)).toEqual(['1. Раздел', '1', '1', '0', '0', '2']);
    // The person stays on their sheet.
    expect(rt.run('FULL', () => SpreadsheetApp.getActiveSheet().getName())).toBe('План');
    // The picture: bars in the roadmap's status colours.
    const img = decodePng(bytes);
    const colours = new Set<string>();
    for (let y = 0; y < img.height; y++) for (const [c] of runsOnRow(img, y)) colours.add(c);
    for (const s of PROGRESS_SERIES.filter((x) => x.key !== 'cancelled')) expect(colours.has(s.color)).toBe(true);
  });

  it('a label that starts with «=» stays text', () => {
    setup();
    chart([{ label: '=1+1', done: 1, inProgress: 0, overdue: 0, cancelled: 0, planned: 0 }]);
    const own = sheetNamed(ownSheet()!.name)!;
    expect(own.cells[1]![0]?.text).toBe('=1+1');
    expect(own.cells[1]![0]?.formula).toBeUndefined();
  });

  it('a second call updates the same chart and blanks the rows of the longer first one', () => {
    setup();
    chart(bars(5));
    const id = rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ownSheet()!.name)!.getCharts()[0]!.getChartId());
    const blob = chart(bars(2), 'Второй отчёт');
    expect(blob).not.toBeNull();
    const name = ownSheet()!.name;
    expect(chartsOn(name)).toBe(1);
    expect(rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!.getCharts()[0]!.getChartId())).toBe(id);
    expect(rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!.getCharts()[0]!.getOptions().get('title'))).toBe('Второй отчёт');
    expect(texts(name).slice(3, 6).every((r) => r.every((c) => c === ''))).toBe(true);
    expect(rt.snapshot().sheets.filter((s) => s.name.startsWith(CHART_DATA_SHEET))).toHaveLength(2); // the user's + ours
  });

  it('nothing to draw: null, and nothing is created', () => {
    setup();
    expect(chart([])).toBeNull();
    expect(ownSheet()).toBeUndefined();
    expect(rt.properties('document')[CHART_DATA_KEY]).toBeUndefined();
  });

  it('makes the same number of calls for 5 and 500 bars', () => {
    const count = (n: number) => {
      setup();
      chart(bars(1)); // the sheet exists: what is measured is the steady state
      rt.calls.reset();
      expect(chart(bars(n))).not.toBeNull();
      const total = rt.calls.total();
      uninstall();
      return total;
    };
    expect(count(500)).toBe(count(5));
  });

  it('a failed service call at any point returns null, leaves no half-made sheet, and the next call succeeds', () => {
    setup();
    const ss = rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet());
    rt.calls.reset();
    rt.run('FULL', () => progressChartImage(ss, bars(3), 'Ход'));
    const total = rt.calls.total();
    uninstall();
    for (const timing of ['before', 'after'] as const) {
      for (let at = 1; at <= total; at++) {
        setup();
        const visible = rt.snapshot().sheets.filter((s) => !s.hidden).map((s) => s.name);
        const userCells = texts(CHART_DATA_SHEET);
        const ss = rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet());
        const injector = armFault(rt.tracker, { at, timing });
        const result = rt.run('FULL', () => progressChartImage(ss, bars(3), 'Ход'));
        disarmFault(rt.tracker);
        const where = `${timing} call ${at} (${injector.fired ?? 'none'})`;
        // Going back to the person's sheet is a view, not state: its failure is not the chart's.
        if (injector.fired && injector.fired !== 'Sheet.activate') expect(result, where).toBeNull();
        else expect(result?.getContentType(), where).toBe('image/png');
        // No new visible sheet, the user's sheet untouched, at most one chart-data sheet of ours.
        expect(rt.snapshot().sheets.filter((s) => !s.hidden).map((s) => s.name), where).toEqual(visible);
        expect(texts(CHART_DATA_SHEET), where).toEqual(userCells);
        const ours = rt.snapshot().sheets.filter((s) => s.name.startsWith(`${CHART_DATA_SHEET} (`));
        expect(ours.length, where).toBeLessThanOrEqual(1);
        for (const s of ours) expect(s.protections.some((p) => p.warningOnly), where).toBe(true);
        // The person carries on: the next call draws, on one sheet, with one chart.
        expect(chart(bars(3)), where).not.toBeNull();
        expect(chartsOn(ownSheet()!.name), where).toBe(1);
        expect(rt.snapshot().sheets.filter((s) => s.name.startsWith(`${CHART_DATA_SHEET} (`)), where).toHaveLength(1);
        uninstall();
      }
    }
  });
});

describe('the chart in a Doc', () => {
  it('Body.appendImage puts the PNG into its own paragraph, shown by the preview as a data: image', () => {
    setup();
    const blob = chart(bars(4))!;
    const { width, height, base64 } = rt.run('FULL', () => {
      const doc = DocumentApp.create('Информация о ходе реализации');
      doc.getBody().appendParagraph('Диаграмма 1');
      const image = doc.getBody().appendImage(blob);
      expect(image.getType()).toBe(DocumentApp.ElementType.INLINE_IMAGE);
      expect(image.getParent().getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
      doc.saveAndClose();
      return { width: image.getWidth(), height: image.getHeight(), base64: Utilities.base64Encode(blob.getBytes()) };
    });
    const img = decodePng(blob.getBytes());
    expect([width, height]).toEqual([img.width, img.height]);
    const doc = rt.documents().find((d) => d.name === 'Информация о ходе реализации')!;
    const html = renderDocumentHtml(doc);
    expect(html).toContain(`src="data:image/png;base64,${base64}"`);
    expect(html).toContain(`width="${img.width}" height="${img.height}"`);
    expect(html.indexOf('Диаграмма 1')).toBeLessThan(html.indexOf('<img'));
  });
});
