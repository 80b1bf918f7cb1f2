// The progress chart's series and size, decided without Apps Script (the add-on's
// report/progress-chart.ts draws it with an embedded chart). The colours are the timeline's bar
// colours (core/roadmap/timeline BAR_LEGEND), so a status looks the same on the timeline and in the
// report — except «Отменено», whose timeline grey (#efefef) would vanish on a white chart: it takes
// the timeline's darker grey.
import { BAR_LEGEND, type BarKey } from '../roadmap/timeline';

export type ProgressKey = 'done' | 'inProgress' | 'overdue' | 'cancelled' | 'planned';

const colour = (key: BarKey): string => BAR_LEGEND.find((b) => b.key === key)!.background;

/** The stacked series, in drawing order (left to right in each bar). */
export const PROGRESS_SERIES: readonly { key: ProgressKey; label: string; color: string }[] = [
  { key: 'done', label: 'Выполнено', color: colour('done') },
  { key: 'inProgress', label: 'В работе', color: colour('active') },
  { key: 'overdue', label: 'Просрочено', color: colour('overdue') },
  { key: 'cancelled', label: 'Отменено', color: colour('past') },
  { key: 'planned', label: 'Запланировано', color: colour('upcoming') },
];

/** Width of the picture, px: the text width of an A4 page at ГОСТ margins (30 + 10 mm) ≈ 170 mm. */
export const CHART_WIDTH = 640;
/** Height, px: room for the title and legend plus a band per bar, within one A4 page. */
export function chartHeight(bars: number): number {
  return Math.min(900, Math.max(240, 110 + 26 * bars));
}

/** One bar of the progress chart: disjoint counts (an overdue item in progress counts as overdue). */
export interface ProgressBar {
  label: string;
  done: number;
  inProgress: number;
  overdue: number;
  cancelled: number;
  planned: number;
}

/** The data block the chart reads: a header row (the series' names), then one row per bar. */
export function progressBlock(bars: readonly ProgressBar[]): (string | number)[][] {
  const count = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.round(n) : 0);
  return [
    ['', ...PROGRESS_SERIES.map((s) => s.label)],
    ...bars.map((b) => [b.label.trim() || '—', ...PROGRESS_SERIES.map((s) => count(b[s.key]))]),
  ];
}
