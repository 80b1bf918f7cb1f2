// Embedded charts of the in-memory Apps Script: the builder's options, insert/update/remove, and
// the picture EmbeddedChart.getAs('image/png') draws — a real PNG, decoded here with node:zlib.
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getAs(String)
import { afterEach, describe, expect, it } from 'vitest';
import { createGasRuntime, type GasRuntime } from '../../../preview/gas';
import { PNG_SIGNATURE } from '../../../preview/gas/services/png';
import { decodePng, pixelAt, runsOnRow } from '../png-decode';

let rt: GasRuntime;
let uninstall: () => void = () => {};
afterEach(() => uninstall());

function setup(rows: unknown[][]): GoogleAppsScript.Spreadsheet.Sheet {
  rt = createGasRuntime({ now: () => new Date('2024-03-15T09:00:00+03:00'), htmlFile: () => null });
  uninstall = rt.install();
  rt.seedSheet('Данные', rows);
  return rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Данные')!);
}

const DATA = [
  ['', 'Выполнено', 'В работе'],
  ['Раздел 1', 3, 1],
  ['Раздел 2', 0, 4],
];

function stackedChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, extra: Record<string, unknown> = {}) {
  let b = sheet.newChart().asBarChart().addRange(sheet.getRange(1, 1, 3, 3)).setPosition(1, 5, 0, 0)
    .setOption('isStacked', true).setOption('colors', ['#00ff00', '#0000ff']).setOption('width', 400).setOption('height', 200)
    .setOption('title', 'Ход');
  for (const [k, v] of Object.entries(extra)) b = b.setOption(k, v);
  return b.build();
}

describe('EmbeddedChart', () => {
  it('keeps the builder options and ranges; insert, modify + update, remove', () => {
    const sheet = setup(DATA);
    rt.run('FULL', () => {
      sheet.insertChart(stackedChart(sheet));
      const [chart] = sheet.getCharts();
      expect(chart!.getOptions().get('isStacked')).toBe(true);
      expect(chart!.getOptions().get('title')).toBe('Ход');
      expect(chart!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C3']);
      sheet.updateChart(chart!.modify().setOption('title', 'Новый').build());
      expect(sheet.getCharts()).toHaveLength(1);
      expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('Новый');
      expect(sheet.getCharts()[0]!.getChartId()).toBe(chart!.getChartId());
      sheet.removeChart(sheet.getCharts()[0]!);
      expect(sheet.getCharts()).toHaveLength(0);
    });
  });

  it('getAs("image/png") is a PNG of the chart size whose stacked bars are in proportion to the data', () => {
    const sheet = setup(DATA);
    const blob = rt.run('FULL', () => {
      // Without a legend, every pixel of a series colour belongs to a bar.
      sheet.insertChart(stackedChart(sheet, { legend: { position: 'none' } }));
      return sheet.getCharts()[0]!.getAs('image/png');
    });
    expect(blob.getContentType()).toBe('image/png');
    const bytes = blob.getBytes();
    expect(bytes.slice(0, 8).map((b) => b & 0xff)).toEqual([...PNG_SIGNATURE]);
    const img = decodePng(bytes);
    expect([img.width, img.height]).toEqual([400, 200]);
    // Find each bar's middle row: the rows where a bar colour appears.
    const barRows = (colour: string) => Array.from({ length: img.height }, (_, y) => y).filter((y) => runsOnRow(img, y).some(([c]) => c === colour));
    const green = barRows('#00ff00');
    const blue = barRows('#0000ff');
    expect(green.length).toBeGreaterThan(0);
    // Row 1: 3 done + 1 in work; row 2: 0 done + 4 in work. The axis max is the longest total (4).
    const first = runsOnRow(img, green[Math.floor(green.length / 2)]!);
    const g = first.find(([c]) => c === '#00ff00')![1];
    const b1 = first.find(([c]) => c === '#0000ff')![1];
    expect(Math.abs(g - 3 * b1)).toBeLessThanOrEqual(2);
    // The green segment comes first (left), then blue: stacked in series order.
    expect(first.findIndex(([c]) => c === '#00ff00')).toBeLessThan(first.findIndex(([c]) => c === '#0000ff'));
    const secondRow = blue.filter((y) => !green.includes(y));
    const second = runsOnRow(img, secondRow[Math.floor(secondRow.length / 2)]!);
    expect(second.some(([c]) => c === '#00ff00')).toBe(false);
    const b2 = second.find(([c]) => c === '#0000ff')![1];
    expect(Math.abs(b2 - (g + b1))).toBeLessThanOrEqual(2);
    // The second bar is below the first (domain rows top to bottom); the background is white.
    expect(Math.min(...secondRow)).toBeGreaterThan(Math.max(...green));
    expect(pixelAt(img, 0, 0)).toBe('#ffffff');
  });

  it('draws what the sheet holds at the time of the call (after an update of the data)', () => {
    const sheet = setup(DATA);
    const [before, after] = rt.run('FULL', () => {
      sheet.insertChart(stackedChart(sheet, { legend: { position: 'none' } }));
      const a = sheet.getCharts()[0]!.getBlob().getBytes();
      sheet.getRange(2, 2, 1, 2).setValues([[0, 0]]);
      return [a, sheet.getCharts()[0]!.getBlob().getBytes()];
    });
    const count = (bytes: number[], colour: string) => {
      const img = decodePng(bytes);
      let n = 0;
      for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (pixelAt(img, x, y) === colour) n++;
      return n;
    };
    expect(count(before, '#00ff00')).toBeGreaterThan(0);
    expect(count(after, '#00ff00')).toBe(0);
  });

  it('counts getAs as one call of EmbeddedChart, and refuses content types it does not model', () => {
    const sheet = setup(DATA);
    rt.run('FULL', () => sheet.insertChart(stackedChart(sheet)));
    rt.calls.reset();
    rt.run('FULL', () => sheet.getCharts()[0]!.getAs('image/png'));
    expect(rt.calls.count('EmbeddedChart.getAs')).toBe(1);
    expect(rt.calls.count('Range')).toBe(0);
    expect(() => rt.run('FULL', () => sheet.getCharts()[0]!.getAs('image/gif'))).toThrow(/not modelled/);
  });

  it('a legend of one swatch per series, unless legend.position is none', () => {
    const sheet = setup(DATA);
    const [withLegend, without] = rt.run('FULL', () => {
      sheet.insertChart(stackedChart(sheet, { legend: { position: 'bottom' } }));
      const a = decodePng(sheet.getCharts()[0]!.getBlob().getBytes());
      sheet.updateChart(sheet.getCharts()[0]!.modify().setOption('legend', { position: 'none' }).build());
      return [a, decodePng(sheet.getCharts()[0]!.getBlob().getBytes())];
    });
    const legendRow = withLegend.height - 18;
    expect(runsOnRow(withLegend, legendRow).filter(([c]) => c === '#00ff00' || c === '#0000ff')).toHaveLength(2);
    expect(runsOnRow(without, legendRow).filter(([c]) => c === '#00ff00' || c === '#0000ff')).toHaveLength(0);
  });
});

describe('the text of a chart picture', () => {
  it('draws the title, each bar\u2019s label and the legend names in ink, outside the bars', () => {
    const sheet = setup(DATA);
    const img = rt.run('FULL', () => {
      sheet.insertChart(stackedChart(sheet, { legend: { position: 'bottom' } }));
      return decodePng(sheet.getCharts()[0]!.getBlob().getBytes());
    });
    const inkRows = (x0: number, x1: number) =>
      Array.from({ length: img.height }, (_, y) => y).filter((y) => Array.from({ length: x1 - x0 }, (_, i) => x0 + i).some((x) => pixelAt(img, x, y) === '#333333'));
    // The title in the top strip, the labels left of the plot, the legend's names at the bottom.
    expect(inkRows(0, img.width).some((y) => y < 32)).toBe(true);
    const labels = inkRows(0, Math.round(img.width * 0.25) - 4).filter((y) => y >= 32 && y < img.height - 34);
    expect(labels.length).toBeGreaterThan(0);
    expect(inkRows(0, img.width).some((y) => y > img.height - 34)).toBe(true);
    // No ink over the bars: between the top strip and the legend, ink stays left of the plot.
    for (let y = 32; y < img.height - 34; y++) {
      for (let x = Math.round(img.width * 0.25); x < img.width; x++) expect(pixelAt(img, x, y) === '#333333', `(${x}, ${y})`).toBe(false);
    }
  });

  it('labels are left out where bars are thinner than a line of text', () => {
    const many = [['', 'A'], ...Array.from({ length: 200 }, (_, i) => [`Школа ${i + 1}`, i + 1])];
    const sheet = setup(many);
    const img = rt.run('FULL', () => {
      sheet.insertChart(sheet.newChart().asBarChart().addRange(sheet.getRange(1, 1, 201, 2)).setOption('legend', { position: 'none' }).build());
      return decodePng(sheet.getCharts()[0]!.getBlob().getBytes());
    });
    for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width * 0.25 - 4; x++) expect(pixelAt(img, x, y)).not.toBe('#333333');
  });
});
