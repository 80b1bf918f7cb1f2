/** Sidebar pages built from src/sidebar/pages/<name>/ into dist/<name>.html. */
export type PageName = 'district' | 'district-check' | 'panel' | 'order' | 'order-row' | 'check' | 'recognize' | 'roadmap-settings' | 'reminders';

/** Opens a built page as the sidebar (served as a file, not a template: bundled JS may contain `<?`). */
export function showSidebar(page: PageName, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(page).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showDialog(page: PageName, title: string, width = 720, height = 560): void {
  const html = HtmlService.createHtmlOutputFromFile(page).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}
