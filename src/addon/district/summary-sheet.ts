// «Свод»: one row per organisation with live formulas over its sheet (they recount every day and
// on every edit without the add-on), a total row, colours and a bar chart of % done. Rebuilding
// (when schools or sheets change) reads each sheet's header once: calls grow with schools, not rows.
// The reads need no lock (they write nothing); only the writing holds it, a few seconds whatever the
// number of schools. The new summary is written on a sheet of its own and takes the old one's place
// only when complete, so a failure midway leaves the previous summary as it was.
import { SUMMARY_HEADERS, districtOnly, summaryFormulas, type DistrictRegistry, type SummaryColumns, type SummaryKey } from '../../core/district';
import { columnLetter } from '../../core/a1';
import { OCCURRENCE_SLOTS } from '../../core/roadmap/colour';
import type { SummaryResult } from '../../contract/district';
import { locateLayout } from '../roadmap/analyse';
import { insertSheetOrNothing } from '../atomic';
import { withDocumentLock } from '../lock';
import { readSettings } from '../roadmap/settings';
import { dayInZone } from '../roadmap/values';
import { readDistrictAsDistrict } from './people';
import { freeName } from '../roadmap/values';
import { protectSheet } from './protect';
import { readLastChanges } from '../roadmap/history';
import { describeChange } from '../../core/roadmap/history';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SUMMARY_SHEET = 'Свод';
const HEADER_SCAN = 30;
const WIDTH = SUMMARY_HEADERS.length;
const col = (key: string): number => SUMMARY_HEADERS.findIndex((h) => h.key === key) + 1;

export interface Target {
  name: string;
  sheetName: string;
}

/** The organisations «Свод» (and the district's report) counts, in order: the district's own sheet, then each school's. */
export function summaryTargets(registry: DistrictRegistry): { district: Target | null; schools: Target[] } {
  const d = registry.district;
  return {
    district: d?.sheetName ? { name: d.shortName || 'Район', sheetName: d.sheetName } : null,
    schools: registry.schools.map((s) => ({ name: s.shortName || s.sheetName, sheetName: s.sheetName })),
  };
}

/** Where a sheet's columns are (one read of its first rows), or why the summary cannot count it. */
function locate(ss: Spreadsheet, sheetName: string): { columns: SummaryColumns; firstRow: number } | string {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return 'лист не найден';
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return 'лист пуст';
  const values = sheet.getRange(1, 1, Math.min(HEADER_SCAN, lastRow), lastColumn).getValues();
  const layout = locateLayout(values, lastColumn);
  if (!layout) return 'не дорожная карта';
  if (layout.missing) return 'нет служебных столбцов — откройте этот лист и выберите «Обновить сроки и цвета»';
  const c = layout.columns;
  if (c.activity === undefined || c.status === undefined || c.doneDate === undefined) return 'нет столбцов «Мероприятие», «Статус» или «Дата выполнения»';
  return {
    columns: {
      activity: c.activity + 1, status: c.status + 1, doneDate: c.doneDate + 1,
      helperEnd: c.helperEnd! + 1, helperKind: c.helperKind! + 1,
      extraEnd: layout.extra.ends + 1, extraEnds: OCCURRENCE_SLOTS - 1,
    },
    firstRow: layout.headerRow + 2,
  };
}

export function buildSummary(ss: Spreadsheet): SummaryResult {
  const ctx = readDistrictAsDistrict(ss);
  const soonDays = readSettings().soonDays;
  const { district, schools } = summaryTargets(ctx.registry);
  const targets: Target[] = [...(district ? [district] : []), ...schools];

  const keys = SUMMARY_HEADERS.map((h) => h.key);
  const changes = readLastChanges(ss, targets.map((t) => t.sheetName));
  const lastChange = (t: Target): string => {
    const c = changes.get(t.sheetName);
    return c ? describeChange(c) : '';
  };
  const rows: string[][] = targets.map((t, i) => {
    const at = locate(ss, t.sheetName);
    const r = i + 2;
    if (typeof at === 'string') return keys.map((k) => (k === 'name' ? t.name : k === 'sheet' ? `${t.sheetName} (${at})` : k === 'lastChange' ? lastChange(t) : ''));
    const f = summaryFormulas(t.sheetName, at.columns, at.firstRow, soonDays, {
      items: `${columnLetter(col('items'))}${r}`, done: `${columnLetter(col('done'))}${r}`,
    });
    return keys.map((k) => (k === 'name' ? t.name : k === 'sheet' ? t.sheetName : k === 'lastChange' ? lastChange(t) : f[k as SummaryKey]));
  });
  const last = rows.length + 1;
  const sum = (k: string): string => `=SUM(${columnLetter(col(k))}2:${columnLetter(col(k))}${last})`;
  const total = keys.map((k) => {
    if (k === 'name') return 'Итого';
    if (k === 'sheet' || k === 'lastDone' || k === 'lastChange') return '';
    if (k === 'share') return `=IF(${columnLetter(col('items'))}${last + 1}>0,${columnLetter(col('done'))}${last + 1}/${columnLetter(col('items'))}${last + 1},"")`;
    return sum(k);
  });
  const today = dayInZone(new Date(), ss.getSpreadsheetTimeZone());
  const all = [SUMMARY_HEADERS.map((h) => h.header), ...rows, total];

  return withDocumentLock(() => {
    const old = ss.getSheetByName(SUMMARY_SHEET);
    const oldName = freeName(`${SUMMARY_SHEET} (прежний)`, (n) => ss.getSheetByName(n) !== null);
    const sheet = insertSheetOrNothing(ss, freeName(`${SUMMARY_SHEET} (новый)`, (n) => ss.getSheetByName(n) !== null), old ? old.getIndex() - 1 : ss.getNumSheets());
    try {
      writeSummary(sheet, all, rows.length, today);
      protectSheet(sheet, districtOnly(ctx.people), ctx.people, true);
      if (old) old.setName(oldName);
      sheet.setName(SUMMARY_SHEET);
    } catch (error) {
      // Not in place yet: the new sheet goes, the old summary gets its name back.
      try {
        ss.deleteSheet(sheet);
        if (old && old.getName() !== SUMMARY_SHEET) old.setName(SUMMARY_SHEET);
      } catch {
        // Best effort: the message still says the summary was not rebuilt.
      }
      throw error;
    }
    let note = '';
    if (old) {
      try {
        ss.deleteSheet(old);
      } catch {
        // Google may have deleted it while reporting a failure: only a sheet still there is tried again.
        try {
          const left = ss.getSheetByName(oldName);
          if (left) ss.deleteSheet(left);
        } catch {
          note = ` Прежний свод остался на листе «${oldName}» — его можно удалить.`;
        }
      }
    }
    return {
      sheetName: SUMMARY_SHEET,
      rows: rows.length,
      message: `Свод обновлён, организаций в своде: ${rows.length}. Числа пересчитываются сами при каждом изменении листов школ.${note}`,
    };
  });
}

/** Everything of the summary on a new, empty sheet: text, formulas, formats, colours, the chart. */
function writeSummary(sheet: GoogleAppsScript.Spreadsheet.Sheet, all: string[][], schools: number, today: string): void {
  const keys = SUMMARY_HEADERS.map((h) => h.key);
  const height = all.length;
  // Sized to the summary (a new sheet has 1000 rows), with room below for the note and the chart.
  const rows = Math.max(height + 25, 60);
  const maxRows = sheet.getMaxRows();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  else if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  // Names as text (a name starting with "=" stays a name), then the formulas, then the last changes as text.
  const changeColumn = col('lastChange');
  const formulaWidth = changeColumn - 3;
  sheet.getRange(1, 1, height, 2).setNumberFormat('@').setValues(all.map((r) => r.slice(0, 2)));
  sheet.getRange(1, 3, 1, formulaWidth).setValues([all[0]!.slice(2, changeColumn - 1)]);
  if (height > 1) {
    const body = sheet.getRange(2, 3, height - 1, formulaWidth);
    body.setNumberFormats(all.slice(1).map(() => keys.slice(2, changeColumn - 1).map((k) => (k === 'share' ? '0%' : k === 'lastDone' ? 'dd.mm.yyyy' : '0'))));
    body.setFormulas(all.slice(1).map((r) => r.slice(2, changeColumn - 1)));
  }
  sheet.getRange(1, changeColumn, height, 1).setNumberFormat('@').setValues(all.map((r) => [r[changeColumn - 1]!]));
  sheet.getRange(1, 1, 1, WIDTH).setFontWeight('bold').setBackground('#f1f3f4').setWrap(true).setVerticalAlignment('middle');
  sheet.getRange(height, 1, 1, WIDTH).setFontWeight('bold');
  sheet.setFrozenRows(1);
  SUMMARY_HEADERS.forEach((h, i) => sheet.setColumnWidth(i + 1, h.width));
  sheet.getRange(height + 2, 1).setValue(`Свод построен ${today.slice(8, 10)}.${today.slice(5, 7)}.${today.slice(0, 4)}; числа пересчитываются сами. «Последнее изменение» — по листу «История изменений» на момент построения свода. Если добавились школы или переименованы листы, выберите «Свод» снова.`);

  // Colours: overdue red, due soon yellow, % done from red to green.
  const range = (k: string) => sheet.getRange(2, col(k), Math.max(1, height - 1), 1);
  const cell = (k: string) => `$${columnLetter(col(k))}2`;
  const rule = (formula: string, background: string, k: string) =>
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(background).setRanges([range(k)]).build();
  sheet.setConditionalFormatRules([
    rule(`=N(${cell('overdue')})>0`, '#f4a7a3', 'overdue'),
    rule(`=N(${cell('soon')})>0`, '#ffe599', 'soon'),
    rule(`=AND(ISNUMBER(${cell('share')}),${cell('share')}>=0.8)`, '#b6d7a8', 'share'),
    rule(`=AND(ISNUMBER(${cell('share')}),${cell('share')}<0.5)`, '#f4cccc', 'share'),
    rule(`=ISNUMBER(${cell('share')})`, '#fff2cc', 'share'),
  ]);

  if (schools) {
    const chart = sheet.newChart().asBarChart()
      .addRange(sheet.getRange(1, col('name'), schools + 1, 1))
      .addRange(sheet.getRange(1, col('share'), schools + 1, 1))
      .setPosition(2, WIDTH + 2, 0, 0)
      .setOption('title', 'Выполнение дорожной карты по организациям')
      .setOption('legend', { position: 'none' })
      .setOption('hAxis', { format: 'percent', minValue: 0, maxValue: 1 })
      .build();
    sheet.insertChart(chart);
  }
}
