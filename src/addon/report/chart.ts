// The seam for the progress chart (issue 15, branch `charts`): `progressChartImage` of
// src/addon/report/progress-chart.ts draws the bars as an image. Until that module is merged the
// report has no chart and says so; the Doc is laid out so the image goes right after the totals.
import type { ProgressBar } from '../../core/report';

type Blob = GoogleAppsScript.Base.Blob;

/** The chart image of the bars, or null when the add-on cannot draw one. */
export function chartImage(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet, _bars: readonly ProgressBar[], _title: string): Blob | null {
  return null;
}

/** Whether chartImage can draw at all (the sidebar offers the option only then). */
export const CHART_AVAILABLE = false;
