// «Календарный график»: builds the timeline sheet of a roadmap (layout and formulas from
// core/roadmap/timeline.ts). The roadmap's helper columns are refreshed first (one read, one
// write), then the timeline is written to a NEW sheet in a fixed number of calls; only when that
// succeeded is the previous timeline deleted and the new one renamed in its place. An error midway
// removes the half-built sheet and leaves the previous timeline as it was.
//
// The timeline is the add-on's own sheet: the ids of the timelines it made are kept in a document
// property, and only a sheet listed there is ever replaced — a user sheet of the same name is not.
// In district mode a school's sheet gets its own timeline («Календарный график — <школа>»),
// protected like the school's sheet (the school's editors and the district), and the district's
// roadmap's timeline is the district's only; outside district mode the timeline carries a
// warning-only protection. district/school-timelines.ts builds every school's in batches.
import * as z from 'zod/mini';
import { districtOnly, schoolOfSheet, schoolProtection } from '../../core/district';
import { ORG_SHEET } from '../../core/org';
import { TIMELINE_SHEET_NAME, timelineLayout, type TimelineLayout } from '../../core/roadmap/timeline';
import { peopleOf, registryOf } from '../district/people';
import { protectSheet } from '../district/protect';
import { buildNewSheet, insertSheetOrNothing, twice } from '../atomic';
import { UserError, menuAction, notify } from '../endpoint';
import { withDocumentLock } from '../lock';
import { parseStoredJson } from '../stored-json';
import { TITLE } from './actions';
import { ruleColumns } from './analyse';
import { processRoadmapSheet } from './process';
import { readSettings } from './settings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** Timeline sheet id → the roadmap sheet id it draws. */
export const TIMELINES_KEY = 'dorozhnayaKarta.timelines.v1';
const registrySchema = z.record(z.string(), z.number());

export function readTimelines(props: Properties): Record<string, number> {
  // A failed read must fail the build: taken for an empty list, it would orphan every timeline.
  return parseStoredJson(registrySchema, props.getProperty(TIMELINES_KEY)) ?? {};
}

/** The roadmap to draw: the active sheet, its source when it is a timeline, or the only roadmap. */
export function timelineSource(ss: Spreadsheet, timelines: Record<string, number> = readTimelines(PropertiesService.getDocumentProperties())): Sheet {
  const active = ss.getActiveSheet();
  const fromTimeline = timelines[String(active.getSheetId())];
  if (fromTimeline !== undefined) {
    const source = ss.getSheetById(fromTimeline);
    if (source) return source;
    throw new UserError('Лист дорожной карты, по которому построен этот календарный график, удалён. Откройте лист дорожной карты и выберите «Календарный график» снова.');
  }
  const roadmaps = Object.keys(readSettings().sheets).map((id) => ss.getSheetById(Number(id))).filter((s): s is Sheet => !!s);
  if (roadmaps.some((s) => s.getSheetId() === active.getSheetId()) || roadmaps.length !== 1) return active;
  return roadmaps[0]!;
}

/** Whether a sheet is no longer there (false when Google cannot tell us). */
function gone(ss: Spreadsheet, id: number): boolean {
  try {
    return !ss.getSheetById(id);
  } catch {
    return false;
  }
}

function freeName(ss: Spreadsheet, base: string): string {
  let name = base;
  for (let k = 2; ss.getSheetByName(name); k++) name = `${base} (${k})`;
  return name;
}

/** Writes the layout into an empty sheet: a fixed number of calls, whatever the number of rows. */
export function writeTimeline(sheet: Sheet, t: TimelineLayout): void {
  const maxColumns = sheet.getMaxColumns();
  if (t.width > maxColumns) sheet.insertColumnsAfter(maxColumns, t.width - maxColumns);
  const maxRows = sheet.getMaxRows();
  if (t.height > maxRows) sheet.insertRowsAfter(maxRows, t.height - maxRows);
  const all = sheet.getRange(1, 1, t.height, t.width);
  // Formats first, so that text such as «1.1.» stays text.
  all.setNumberFormats(t.numberFormats);
  all.setValues(t.values);
  all.setBackgrounds(t.backgrounds);
  all.setFontWeights(t.fontWeights);
  sheet.getRange(t.itemRows.row, 2, t.itemRows.count, 2).setWrap(true);
  for (const w of t.columnWidths) sheet.setColumnWidths(w.column, w.count, w.width);
  sheet.setFrozenRows(t.frozenRows);
  sheet.setFrozenColumns(t.frozenColumns);
  sheet.hideRows(t.hiddenRows.row, t.hiddenRows.count);
  sheet.hideColumns(t.hiddenColumns.column, t.hiddenColumns.count);
  sheet.setConditionalFormatRules(t.rules.map((r) => {
    let builder = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(r.formula).setBackground(r.background);
    if (r.fontColor) builder = builder.setFontColor(r.fontColor);
    return builder.setRanges([sheet.getRange(r.range.row, r.range.column, r.range.numRows, r.range.numColumns)]).build();
  }));
}

/** Google's limit on a sheet name's length. */
const SHEET_NAME_MAX = 100;

/** Whose timeline it is: its name, and how the new sheet is protected. */
interface TimelineOwner {
  name: string;
  protect(sheet: Sheet): void;
}

/** Warning-only: the sheet is rebuilt by the add-on, but nobody is locked out of their own file. */
const planOwner: TimelineOwner = {
  name: TIMELINE_SHEET_NAME,
  protect: (sheet) => {
    sheet.protect().setWarningOnly(true).setDescription('Календарный график строится дополнением: изменения будут потеряны при следующем построении.');
  },
};

/**
 * A school's sheet in district mode: the timeline is named after the school and only the school's
 * editors and the district may change it (the school sheet's own rule, core/district/protection).
 * One read of «Организации»; outside district mode, the plan's own timeline.
 */
function ownerOf(ss: Spreadsheet, sourceName: string): TimelineOwner {
  const orgs = ss.getSheetByName(ORG_SHEET);
  if (!orgs) return planOwner;
  const { registry, schoolRows } = registryOf(orgs.getDataRange().getValues());
  if (!schoolRows) return planOwner;
  const people = peopleOf(ss, registry.district?.editors ?? []);
  const school = schoolOfSheet(registry, sourceName);
  // The district's own roadmap: its timeline is the district's, as the roadmap is (own-sheets.ts).
  if (!school) return { name: TIMELINE_SHEET_NAME, protect: (sheet) => protectSheet(sheet, districtOnly(people), people, true) };
  const title = school.shortName || school.sheetName;
  const editors = schoolProtection(title, school.editors, people).sheet.editors;
  return {
    name: `${TIMELINE_SHEET_NAME} — ${title}`.slice(0, SHEET_NAME_MAX - 12),
    protect: (sheet) =>
      protectSheet(sheet, { editors, description: `Календарный график школы «${title}» строится дополнением: изменять его могут редакторы школы и сотрудники района.` }, people, true),
  };
}

/**
 * Builds (or rebuilds) the timeline of a roadmap — `source`, or the one timelineSource() picks —
 * inside the document lock. A fixed number of calls whatever the number of rows. Returns the sheet.
 */
export function buildTimelineSheet(ss: Spreadsheet, props: Properties = PropertiesService.getDocumentProperties(), source?: Sheet): { sheet: Sheet; rows: number; scale: string } {
  const timelines = readTimelines(props);
  source ??= timelineSource(ss, timelines);
  const p = processRoadmapSheet(ss, source);
  const cols = ruleColumns(p.analysis.layout);
  if (!cols) throw new UserError(`На листе «${p.sheetName}» нет столбца «Срок»: календарный график строить не по чему.`);
  const rows = p.analysis.items.map((it, i) => ({ row: (it.sourceRows[0] ?? 0) + 1, isSection: it.isSection, helper: p.analysis.helpers[i]! }));
  if (!rows.some((r) => !r.isSection)) throw new UserError(`На листе «${p.sheetName}» нет мероприятий: календарный график строить не по чему.`);
  const own = p.settings.sheets[String(p.sheetId)];
  const layout = timelineLayout({
    sourceSheet: p.sheetName,
    title: own?.title || p.sheetName,
    plan: own?.planStart && own.planEnd ? { planStart: own.planStart, planEnd: own.planEnd } : null,
    today: p.today,
    rows,
    columns: {
      number: cols.fields.number, activity: cols.fields.activity, deadline: cols.deadline, status: cols.fields.status,
      state: cols.state, helperStart: cols.helperStart, helperEnd: cols.helperEnd, extraStart: cols.extraStart, extraEnd: cols.extraEnd,
    },
  });

  const previousId = Object.keys(timelines).find((id) => timelines[id] === p.sheetId);
  let freshId = 0;
  const previous = previousId === undefined ? null : ss.getSheetById(Number(previousId));
  const owner = ownerOf(ss, p.sheetName);
  const name = previous?.getName() ?? freeName(ss, owner.name);
  const backToSource = (error: unknown): never => {
    try {
      // The new sheet was active; the person goes back to the roadmap they built from.
      source.activate();
    } catch {
      // a view only: the original error is what the person needs to see
    }
    throw error;
  };
  let fresh: Sheet;
  try {
    // Built under a scratch name; a sheet Google made while reporting failure is removed.
    fresh = insertSheetOrNothing(ss, freeName(ss, `${name} (строится)`), previous ? previous.getIndex() : source.getIndex());
  } catch (error) {
    return backToSource(error);
  }
  try {
    buildNewSheet(ss, fresh, () => {
      writeTimeline(fresh, layout);
      owner.protect(fresh);
      freshId = fresh.getSheetId();
      // The swap's point of no return: the previous timeline goes only once the new one is whole.
      // A failure reported after Google deleted it all the same is that point too.
      if (previous) {
        try {
          ss.deleteSheet(previous);
        } catch (error) {
          if (!gone(ss, Number(previousId))) throw error;
        }
      }
    });
  } catch (error) {
    backToSource(error);
  }
  // The new timeline is the only one now: its name and its entry in the list are set, and set again
  // if Google fails them (both writes are idempotent).
  twice(() => fresh.setName(name));
  twice(() => {
    const next: Record<string, number> = {};
    for (const [id, src] of Object.entries(timelines)) if (id !== previousId && ss.getSheetById(Number(id))) next[id] = src;
    next[String(freshId)] = p.sheetId;
    props.setProperty(TIMELINES_KEY, JSON.stringify(next));
  });
  try {
    fresh.activate();
  } catch {
    // a view only: the timeline is built
  }
  return { sheet: fresh, rows: rows.filter((r) => !r.isSection).length, scale: layout.scale };
}

/** Menu «Календарный график». */
export function buildTimeline(): void {
  menuAction(TITLE, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const built = withDocumentLock(() => buildTimelineSheet(ss));
    notify(
      ss,
      `Построен лист «${built.sheet.getName()}»: мероприятий ${built.rows}, ${built.scale === 'month' ? 'по месяцам' : 'по неделям'}. ` +
        'Для печати: Файл → Печать, A4, альбомная ориентация, «По ширине».',
      TITLE,
    );
  });
}
