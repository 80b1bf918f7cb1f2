import type { PanelLink, PanelOverview } from '../contract/panel';
import { UserError, implement } from './endpoint';
import { openOrderSidebar } from './orders/endpoints';
import { openReportSidebar } from './report/endpoints';
import { openCheck, openRoadmapSettings } from './roadmap/actions';
import { buildCheckReport } from './roadmap/check-report';
import { rowHistory } from './roadmap/history';
import { analyseRead, isCanonicalSheet, readSheet } from './roadmap/process';
import { readOnlyCheck } from './roadmap/recognize-sidebar';
import { planOf } from './roadmap/settings';
import { dayInZone } from './roadmap/values';
import { showSidebar } from './sidebar';

/** Menu: «Открыть панель». */
export function openPanel(): void {
  showSidebar('panel', 'Дорожная карта');
}

/**
 * The active sheet's deadline colours and problem counts, from one read; writes nothing. A pasted
 * table is read through recognition, as its read-only «Проверить» reads it: numbers the locale took
 * for dates («10.1» → 10 January) are numbers again, not twelve «неверный номер» errors.
 */
function overviewOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: GoogleAppsScript.Spreadsheet.Sheet): { overview: PanelOverview; firstItemRow: number; numberOf: (row: number) => unknown } {
  const read = readSheet(ss, sheet);
  if (!isCanonicalSheet(read.values, !!read.own)) {
    const { plan, soonDays, errors, warnings, colours, legend } = readOnlyCheck(ss, sheet, read);
    // No row history for a person's sheet: the history follows the add-on's roadmap sheets only.
    return { overview: { plan, soonDays, errors, warnings, colours, legend }, firstItemRow: Infinity, numberOf: () => '' };
  }
  const roadmap = analyseRead(read);
  const report = buildCheckReport({
    sheetName: roadmap.sheetName,
    sheetId: roadmap.sheetId,
    today: roadmap.today,
    soonDays: roadmap.settings.soonDays,
    plan: planOf(roadmap.own),
    analysis: roadmap.analysis,
  });
  const { plan, soonDays, errors, warnings, colours, legend } = report;
  const numberColumn = roadmap.analysis.layout.columns.number;
  return {
    overview: { plan, soonDays, errors, warnings, colours, legend },
    firstItemRow: roadmap.analysis.layout.headerRow + 2,
    numberOf: (row) => (numberColumn === undefined ? '' : read.values[row - 1]?.[numberColumn]),
  };
}

export const getPanelState = implement('getPanelState', () => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  let overview: PanelOverview | null = null;
  let firstItemRow = Infinity;
  let numberOf: (row: number) => unknown = () => '';
  let hint: string | null = null;
  try {
    ({ overview, firstItemRow, numberOf } = overviewOf(ss, sheet));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    hint = error.message;
  }
  // The selected row's last changes: one read of the history sheet, only for an item row of a roadmap.
  const selected = overview ? ss.getActiveRange()?.getRow() ?? null : null;
  const row = selected !== null && selected >= firstItemRow ? selected : null;
  const history = row === null ? null : {
    row,
    changes: rowHistory(ss, sheet.getName(), row, numberOf(row)).map(({ at, who, column, before, after }) => ({ at, who, column, before, after })),
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
