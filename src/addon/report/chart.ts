// The seam for the progress chart (issue 15, branch `charts`): `progressChartImage` of
// src/addon/report/progress-chart.ts draws the bars as an image. Until that module is merged the
// report has no chart and says so; the Doc is laid out so the image goes right after the totals.
import type { ProgressBar } from '../../core/report';

type Blob = GoogleAppsScript.Base.Blob;

/** What draws the picture; null while no chart builder is part of the add-on. */
const draw: ((ss: GoogleAppsScript.Spreadsheet.Spreadsheet, bars: readonly ProgressBar[], title: string) => Blob | null) | null = null;

/** The chart image of the bars, or null when the add-on cannot draw one. Never throws: a report without its chart is still a report. */
export function chartImage(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, bars: readonly ProgressBar[], title: string): Blob | null {
  if (!draw) return null;
  try {
    return draw(ss, bars, title);
  } catch {
    return null;
  }
}

/** Whether chartImage can draw at all (the sidebar offers the option only then). */
export const CHART_AVAILABLE = draw !== null;
