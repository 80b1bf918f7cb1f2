// The picture of an embedded chart, for EmbeddedChart.getAs('image/png') / getBlob()
// (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getAs(String)):
// a real PNG drawn from the chart's ranges and options as Sheets reads them
// (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder):
// the first column is the domain (one bar per row), every other column a series; a first row
// of text is the series' headers. Options read: 'title', 'width', 'height', 'isStacked',
// 'colors' (or 'series'.{i}.color), 'legend' ({ position: 'none' } hides it), 'hAxis'.maxValue.
//
// What is drawn: white ground, the title, one horizontal bar per domain row (stacked segments in
// the series' colours, or side by side when not stacked) with its label on the left, a light axis
// line, and a legend of colour swatches with the series' names at the bottom. Text uses a 5 × 7
// pixel font (pixel-font.ts: capitals only) — legible, not Google's typeface; labels are left out
// where bars are too thin for a line of text, and long ones are cut. A chart whose type is not
// BAR or COLUMN is refused, since nothing else is modelled.
import { encodePng, type RgbaImage } from '../services/png';
import { GLYPH_HEIGHT, drawText, fitText, textWidth } from './pixel-font';

/** Sheets' default size of a new embedded chart, px (what a chart without width/height options gets). */
export const DEFAULT_CHART_SIZE = { width: 600, height: 371 } as const;
/** Google Charts' default series colours, in order. */
const DEFAULT_COLORS = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477'];

export interface ChartPicture {
  type: string;
  options: ReadonlyMap<string, unknown>;
  /** The chart's ranges' values, in order (ranges side by side make the columns). */
  values: unknown[][];
}

const hex = (css: string): [number, number, number] => {
  const m = /^#?([0-9a-f]{6})$/i.exec(css.trim()) ?? /^#?([0-9a-f]{3})$/i.exec(css.trim());
  if (!m) return [0x99, 0x99, 0x99];
  const h = m[1]!.length === 3 ? m[1]!.replace(/./g, (c) => c + c) : m[1]!;
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
};

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
const record = (x: unknown): Record<string, unknown> => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {});

function seriesColors(options: ReadonlyMap<string, unknown>, count: number): [number, number, number][] {
  const list = Array.isArray(options.get('colors')) ? (options.get('colors') as unknown[]) : [];
  const series = record(options.get('series'));
  return Array.from({ length: count }, (_, i) => {
    const own = record(series[String(i)]).color;
    const css = typeof own === 'string' ? own : typeof list[i] === 'string' ? (list[i] as string) : DEFAULT_COLORS[i % DEFAULT_COLORS.length]!;
    return hex(css);
  });
}

export function renderChart(chart: ChartPicture): RgbaImage {
  if (chart.type !== 'BAR' && chart.type !== 'COLUMN') throw new Error(`Rendering a ${chart.type} chart is not modelled by the in-memory runtime.`);
  const o = chart.options;
  const width = Math.max(50, Math.round(num(o.get('width')) || DEFAULT_CHART_SIZE.width));
  const height = Math.max(50, Math.round(num(o.get('height')) || DEFAULT_CHART_SIZE.height));
  const pixels = new Uint8Array(width * height * 4).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: [number, number, number]): void => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) pixels.set([r, g, b, 255], (y * width + x) * 4);
    }
  };
  const write = (text: string, x: number, y: number, scale: number, colour: [number, number, number]): void =>
    drawText(text, x, y, scale, (px, py) => fill(px, py, px + 1, py + 1, colour));

  const rows = chart.values;
  const headed = rows.length > 0 && rows[0]!.slice(1).some((v) => typeof v === 'string' && v !== '');
  const data = headed ? rows.slice(1) : rows;
  const seriesCount = Math.max(0, (rows[0]?.length ?? 1) - 1);
  const colors = seriesColors(o, seriesCount);
  const stacked = o.get('isStacked') === true || o.get('isStacked') === 'true' || o.get('isStacked') === 'absolute';
  const totals = data.map((r) => (stacked ? r.slice(1).reduce<number>((s, v) => s + Math.max(0, num(v)), 0) : Math.max(0, ...r.slice(1).map(num))));
  const max = num(record(o.get('hAxis')).maxValue) || Math.max(1, ...totals);

  const legendShown = record(o.get('legend')).position !== 'none' && seriesCount > 0;
  const title = typeof o.get('title') === 'string' ? (o.get('title') as string) : '';
  const top = title ? 32 : 10;
  const bottom = legendShown ? 34 : 10;
  const left = Math.round(width * 0.25);
  const right = 16;
  const plot = { x: left, y: top, w: width - left - right, h: height - top - bottom };
  const axis: [number, number, number] = [0xcc, 0xcc, 0xcc];
  const ink: [number, number, number] = [0x33, 0x33, 0x33];
  if (title) {
    const scale = textWidth(title, 2) <= width - 20 ? 2 : 1;
    const shown = fitText(title, width - 20, scale);
    write(shown, Math.round((width - textWidth(shown, scale)) / 2), Math.round((top - GLYPH_HEIGHT * scale) / 2), scale, ink);
  }
  const label = (row: readonly unknown[]): string => (row[0] === null || row[0] === undefined ? '' : String(row[0]));

  if (chart.type === 'BAR') {
    fill(plot.x - 1, plot.y, plot.x, plot.y + plot.h, axis);
    const band = data.length ? plot.h / data.length : 0;
    data.forEach((row, i) => {
      const thick = Math.max(1, Math.round(band * 0.6));
      const y0 = Math.round(plot.y + i * band + (band - thick) / 2);
      const at = (v: number) => plot.x + Math.round((Math.min(v, max) / max) * plot.w);
      // A label needs a line of text's height; thinner bands go unlabelled.
      if (band >= GLYPH_HEIGHT + 2) {
        const text = fitText(label(row), left - 12);
        write(text, left - 8 - textWidth(text), Math.round(plot.y + i * band + (band - GLYPH_HEIGHT) / 2), 1, ink);
      }
      if (stacked) {
        let sum = 0;
        row.slice(1).forEach((v, s) => {
          const from = at(sum);
          sum += Math.max(0, num(v));
          fill(from, y0, at(sum), y0 + thick, colors[s]!);
        });
      } else {
        const each = Math.max(1, Math.floor(thick / Math.max(1, seriesCount)));
        row.slice(1).forEach((v, s) => fill(plot.x, y0 + s * each, at(Math.max(0, num(v))), y0 + (s + 1) * each, colors[s]!));
      }
    });
  } else {
    fill(plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h + 1, axis);
    const band = data.length ? plot.w / data.length : 0;
    data.forEach((row, i) => {
      const thick = Math.max(1, Math.round(band * 0.6));
      const x0 = Math.round(plot.x + i * band + (band - thick) / 2);
      const at = (v: number) => plot.y + plot.h - Math.round((Math.min(v, max) / max) * plot.h);
      let sum = 0;
      row.slice(1).forEach((v, s) => {
        const from = stacked ? sum : 0;
        const to = from + Math.max(0, num(v));
        if (stacked) sum = to;
        fill(x0, at(to), x0 + thick, at(from), colors[s]!);
      });
    });
  }

  if (legendShown) {
    // A swatch and the series' name per slot, spread evenly along the bottom strip.
    const slot = width / seriesCount;
    const names = headed ? rows[0]!.slice(1).map((v) => String(v ?? '')) : [];
    colors.forEach((c, s) => {
      const x = Math.round(s * slot + 8);
      fill(x, height - 24, x + 12, height - 12, c);
      if (names[s]) write(fitText(names[s], slot - 28), x + 16, height - 18 - Math.floor(GLYPH_HEIGHT / 2), 1, ink);
    });
  }
  return { width, height, pixels };
}

export function chartPng(chart: ChartPicture): Uint8Array {
  return encodePng(renderChart(chart));
}
