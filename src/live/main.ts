// Entry of the live-check bundle (`node esbuild.config.mjs --live` → dist-live/): the whole add-on
// plus two functions a maintainer runs on a real spreadsheet.
import { runLiveChecks, writeLiveReport, type LiveReport } from './run';

export * from '../addon/main';

/** Called by `npm run test:live` through the Apps Script API (clasp run): the report as JSON. */
export function liveChecks(): LiveReport {
  return runLiveChecks();
}

/** For the Apps Script editor's Run button: runs the checks and writes the results into a sheet. */
export function liveChecksToSheet(): string {
  const report = runLiveChecks();
  writeLiveReport(report);
  return `${report.passed} passed, ${report.failed} failed`;
}
