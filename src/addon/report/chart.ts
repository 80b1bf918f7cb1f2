// The report's progress chart: `progressChartImage` (progress-chart.ts) draws the bars with an
// embedded stacked bar chart on the add-on's hidden chart-data sheet and returns its PNG; the Doc
// places the picture right after the totals. Core computes the bars (per section, per school).
import type { ProgressBar } from '../../core/report';
import { progressChartImage } from './progress-chart';

type Blob = GoogleAppsScript.Base.Blob;

/** The chart image of the bars, or null when Google cannot draw one. Never throws: a report without its chart is still a report. */
export function chartImage(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, bars: readonly ProgressBar[], title: string): Blob | null {
  try {
    return progressChartImage(ss, bars, title);
  } catch {
    return null;
  }
}
