import type { PanelLink, PanelOverview } from '../contract/panel';
import { UserError, implement } from './endpoint';
import { openOrderSidebar } from './orders/endpoints';
import { openReportSidebar } from './report/endpoints';
import { openCheck, openRoadmapSettings } from './roadmap/actions';
import { buildCheckReport } from './roadmap/check-report';
import { rowHistory } from './roadmap/history';
import { readRoadmapSheet } from './roadmap/process';
import { planOf } from './roadmap/settings';
import { dayInZone } from './roadmap/values';
import { showSidebar } from './sidebar';

/** Menu: «Открыть панель». */
export function openPanel(): void {
  showSidebar('panel', 'Дорожная карта');
}

/** The active sheet's deadline colours and problem counts, from one read; writes nothing. */
function overviewOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: GoogleAppsScript.Spreadsheet.Sheet): { overview: PanelOverview; firstItemRow: number } {
  const read = readRoadmapSheet(ss, sheet);
  const report = buildCheckReport({
    sheetName: read.sheetName,
    sheetId: read.sheetId,
    today: read.today,
    soonDays: read.settings.soonDays,
    plan: planOf(read.own),
    analysis: read.analysis,
  });
  const { plan, soonDays, errors, warnings, colours, legend } = report;
  return { overview: { plan, soonDays, errors, warnings, colours, legend }, firstItemRow: read.analysis.layout.headerRow + 2 };
}

export const getPanelState = implement('getPanelState', () => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  let overview: PanelOverview | null = null;
  let firstItemRow = Infinity;
  let hint: string | null = null;
  try {
    ({ overview, firstItemRow } = overviewOf(ss, sheet));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    hint = error.message;
  }
  // The selected row's last changes: one read of the history sheet, only for an item row of a roadmap.
  const selected = overview ? ss.getActiveRange()?.getRow() ?? null : null;
  const row = selected !== null && selected >= firstItemRow ? selected : null;
  const history = row === null ? null : {
    row,
    changes: rowHistory(ss, sheet.getName(), row).map(({ at, who, column, before, after }) => ({ at, who, column, before, after })),
  };
  return {
    history,
    spreadsheetName: ss.getName(),
    sheetName: sheet.getName(),
    today: dayInZone(new Date(), timeZone),
    timeZone,
    overview,
    hint,
  };
});

const OPENERS: Record<PanelLink, () => void> = {
  check: openCheck,
  order: openOrderSidebar,
  report: openReportSidebar,
  'roadmap-settings': openRoadmapSettings,
};

export const openFromPanel = implement('openFromPanel', (link) => {
  OPENERS[link]();
  return null;
});
