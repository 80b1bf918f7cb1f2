// The progress chart of the report, «drawn from the sheet's chart»: the bars go into the add-on's
// hidden chart-data sheet (one write), one embedded stacked bar chart on that sheet reads them, and
// the chart's picture (EmbeddedChart.getAs('image/png'),
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getAs(String)) is
// what the report appends to its Doc (Body.appendImage,
// https://developers.google.com/apps-script/reference/document/body#appendImage(BlobSource)).
//
// The data sheet is the add-on's own: found by the id kept in a document property (as the history
// sheet is), created hidden with a warning-only protection, never a user's sheet of the same name.
// The same chart is modified and updated on every call (Sheet.updateChart), so charts never pile up.
// A fixed number of calls whatever the number of bars. Nothing here may break the report: any
// failure returns null, and a data sheet left half-made by a failure is removed.
import { buildNewSheet, insertSheetOrNothing } from '../atomic';
import { CHART_WIDTH, PROGRESS_SERIES, chartHeight, progressBlock, type ProgressBar } from '../../core/report/progress-chart';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type { ProgressBar };

/** Document property holding the id of the add-on's chart-data sheet. */
export const CHART_DATA_KEY = 'dorozhnayaKarta.chartData.sheetId';
export const CHART_DATA_SHEET = 'Данные диаграммы (служебное)';

function ownDataSheet(ss: Spreadsheet, props: GoogleAppsScript.Properties.Properties): Sheet | null {
  const id = Number(props.getProperty(CHART_DATA_KEY));
  return id ? ss.getSheetById(id) : null;
}

/** A new data sheet, complete (hidden, protected, text column, remembered) or none at all. */
function createDataSheet(ss: Spreadsheet, props: GoogleAppsScript.Properties.Properties): Sheet {
  let name = CHART_DATA_SHEET;
  for (let k = 2; ss.getSheetByName(name); k++) name = `${CHART_DATA_SHEET} (${k})`;
  // insertSheet activates the new sheet, as Sheets does: the person stays where they were.
  const active = ss.getActiveSheet();
  try {
    const sheet = insertSheetOrNothing(ss, name, ss.getNumSheets());
    return buildNewSheet(ss, sheet, () => {
      // Labels are text whatever they start with («=», «+», «-», «@», «1.»): the column is plain text.
      sheet.getRange(1, 1, sheet.getMaxRows(), 1).setNumberFormat('@');
      sheet.protect().setWarningOnly(true).setDescription('Данные диаграммы отчёта: лист ведёт дополнение «Дорожная карта», не изменяйте его вручную.');
      sheet.hideSheet();
      props.setProperty(CHART_DATA_KEY, String(sheet.getSheetId()));
      return sheet;
    });
  } finally {
    try {
      active.activate();
    } catch {
      // a view only
    }
  }
}

function drawChart(ss: Spreadsheet, bars: readonly ProgressBar[], title: string): GoogleAppsScript.Base.Blob | null {
  if (!bars.length) return null;
  const props = PropertiesService.getDocumentProperties();
  const sheet = ownDataSheet(ss, props) ?? createDataSheet(ss, props);
  const block = progressBlock(bars);
  const width = PROGRESS_SERIES.length + 1;
  // Rows left from a longer chart are blanked in the same write (one setValues).
  const height = Math.max(block.length, sheet.getLastRow());
  const maxRows = sheet.getMaxRows();
  if (height > maxRows) {
    sheet.insertRowsAfter(maxRows, height - maxRows);
    sheet.getRange(1, 1, height, 1).setNumberFormat('@');
  }
  const blank = (): string[] => Array.from({ length: width }, () => '');
  sheet.getRange(1, 1, height, width).setValues([...block, ...Array.from({ length: height - block.length }, blank)]);

  const existing = sheet.getCharts()[0];
  const builder = (existing ? existing.modify().clearRanges() : sheet.newChart())
    .asBarChart()
    .addRange(sheet.getRange(1, 1, block.length, width))
    .setPosition(1, width + 2, 0, 0)
    .setOption('title', title)
    .setOption('isStacked', true)
    .setOption('colors', PROGRESS_SERIES.map((s) => s.color))
    .setOption('legend', { position: 'bottom' })
    .setOption('width', CHART_WIDTH)
    .setOption('height', chartHeight(bars.length));
  if (existing) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
  // The picture must show what was just written: Google documents no ordering between pending sheet
  // writes and a chart's rendering, so they are applied first.
  SpreadsheetApp.flush();
  const chart = sheet.getCharts()[0];
  return chart ? chart.getAs('image/png') : null;
}

/** Writes the bars to the add-on's hidden chart-data sheet (one write), builds or updates one embedded stacked bar chart on it, and returns the chart as a PNG blob; null when there is nothing to draw or Google fails to render it. */
export function progressChartImage(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, bars: readonly ProgressBar[], title: string): GoogleAppsScript.Base.Blob | null {
  try {
    return drawChart(ss, bars, title);
  } catch (error) {
    console.log(`Дорожная карта: диаграмма для отчёта не построена: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
