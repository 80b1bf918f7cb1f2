// The «Организации» sheet in the spreadsheet: created on request (never overwritten), read with one
// getValues. Parsing and checks are core's (src/core/org).
import { ORG_COLUMNS, ORG_SHEET, checkOrganisations, newOrgSheetRows, type OrgProblem, type Organisation } from '../../core/org';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Creates the sheet with its header, hints and an empty first organisation; an existing sheet is left as is. */
export function ensureOrgSheet(ss: Spreadsheet): { sheet: Sheet; created: boolean } {
  const existing = ss.getSheetByName(ORG_SHEET);
  if (existing) return { sheet: existing, created: false };
  const sheet = ss.insertSheet(ORG_SHEET);
  const rows = newOrgSheetRows();
  const width = ORG_COLUMNS.length;
  // Plain text everywhere: phones, "{n}/1" and names must not turn into numbers or dates.
  sheet.getRange(1, 1, sheet.getMaxRows(), width).setNumberFormat('@').setWrap(true).setVerticalAlignment('top');
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#e8f0fe').setNotes([ORG_COLUMNS.map((c) => c.hint)]);
  sheet.setFrozenRows(1);
  ORG_COLUMNS.forEach((c, i) => sheet.setColumnWidth(i + 1, c.width));
  return { sheet, created: true };
}

export interface OrgRead {
  organisations: Organisation[];
  problems: OrgProblem[];
  /** False when the sheet does not exist (nothing was created). */
  exists: boolean;
}

/** Reads and checks every organisation (one read). A missing sheet reads as "no organisations". */
export function readOrgSheet(ss: Spreadsheet): OrgRead {
  const sheet = ss.getSheetByName(ORG_SHEET);
  if (!sheet) {
    return {
      organisations: [],
      problems: [{ row: 2, field: null, message: `Нет листа «${ORG_SHEET}» с реквизитами организации. Откройте «Расширения → Дорожная карта → Приказы → Реквизиты организации» и заполните вторую строку.` }],
      exists: false,
    };
  }
  const values = sheet.getDataRange().getValues();
  return { ...checkOrganisations(values), exists: true };
}

/** Menu: «Реквизиты организации» — creates the sheet if missing and shows it. */
export function openRequisites(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { sheet, created } = ensureOrgSheet(ss);
  sheet.activate();
  ss.toast(
    created
      ? 'Заполните вторую строку: реквизиты вашей организации. Подсказки — в примечаниях к заголовкам.'
      : 'Реквизиты организаций: первая строка после заголовка — ваша организация.',
    'Реквизиты организации',
  );
}
