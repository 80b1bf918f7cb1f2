import { implement } from './endpoint';
import { showSidebar } from './sidebar';

/** Menu: «Открыть панель». */
export function openPanel(): void {
  showSidebar('panel', 'Дорожная карта');
}

export const getPanelState = implement('getPanelState', () => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  return {
    spreadsheetName: ss.getName(),
    sheetName: ss.getActiveSheet().getName(),
    today: Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd'),
    timeZone,
  };
});
