// One school's sheet: created from the template in the canonical layout, or brought up to date
// with the template without touching what the school entered, then protected.
import { blankForSchool, planMerge, type People, type SchoolEntry } from '../../core/district';
import { CANONICAL_COLUMNS, rowsToItems, type CanonicalItem, type CanonicalKey } from '../../core/roadmap';
import { UserError } from '../endpoint';
import { prepareCanonical, writeCanonicalSheet } from '../roadmap/canonical-sheet';
import { processRoadmapSheet } from '../roadmap/process';
import { readSchoolsEdit, readSettings, writeSettings } from '../roadmap/settings';
import { protectSchoolSheet, schoolColumns } from './school-protection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Template {
  sheetName: string;
  items: CanonicalItem[];
  plan: { title: string; planStart: string | null; planEnd: string | null };
}

export interface SchoolOutcome {
  kind: 'created' | 'updated' | 'unchanged';
  sheet: Sheet;
  added: number;
  /** Rows whose text differs from the template (left as the school has it). */
  differences: number;
}

const USER_KEYS: readonly CanonicalKey[] = CANONICAL_COLUMNS.filter((c) => !c.helper).map((c) => c.key);

/** The school's sheet is registered as a roadmap with the template's plan (kept when it has its own). */
function registerSheet(sheet: Sheet, school: SchoolEntry, template: Template): void {
  const settings = readSettings();
  const key = String(sheet.getSheetId());
  if (settings.sheets[key]) return;
  settings.sheets[key] = { title: school.shortName.slice(0, 120), planStart: template.plan.planStart, planEnd: template.plan.planEnd };
  writeSettings(settings);
}

/** A template row laid out in the columns of an existing sheet. */
function rowFor(item: CanonicalItem, columns: Partial<Record<CanonicalKey, number>>, width: number): unknown[] {
  const row = new Array<unknown>(width).fill('');
  const blank = blankForSchool(item);
  const byKey: Partial<Record<CanonicalKey, string>> = {
    number: blank.number, activity: blank.activity, deadline: blank.deadline, responsible: blank.responsible,
    result: blank.result, status: blank.status ?? '',
  };
  for (const key of USER_KEYS) {
    const c = columns[key];
    if (c !== undefined && c < width) row[c] = byKey[key] ?? '';
  }
  return row;
}

function create(ss: Spreadsheet, school: SchoolEntry, template: Template, today: string): Sheet {
  const items = template.items.map((it) => blankForSchool(it));
  const plan = { title: school.shortName || school.sheetName, planStart: template.plan.planStart, planEnd: template.plan.planEnd };
  const prepared = prepareCanonical(items, plan, today);
  return writeCanonicalSheet(ss, school.sheetName, prepared, plan);
}

/** Inserts the template rows the school lacks (one write); returns [added, differences]. */
function update(sheet: Sheet, values: unknown[][], template: Template, timeZoneValues: unknown[][]): [number, number] {
  const read = rowsToItems(timeZoneValues, 1);
  if (read.headerRow < 0) {
    throw new UserError(`Лист «${sheet.getName()}» есть, но это не дорожная карта дополнения (не найдена строка заголовков). Переименуйте его или укажите для школы другой лист в «Организациях».`);
  }
  const plan = planMerge(template.items, read.items);
  if (plan.added.length === 0) return [0, plan.differences.length];
  const width = values[0]?.length ?? CANONICAL_COLUMNS.length;
  const body = values.slice(read.headerRow + 1);
  // Each added row goes after the raw sheet row of the school item before it (or first).
  const after = new Map<number, unknown[][]>();
  let anchorRaw = -1;
  for (const slot of plan.order) {
    if (slot.from === 'school') {
      anchorRaw = (read.items[slot.index]!.sourceRows[0] ?? read.headerRow) - read.headerRow - 1;
      continue;
    }
    const list = after.get(anchorRaw) ?? [];
    list.push(rowFor(template.items[slot.index]!, read.columns, width));
    after.set(anchorRaw, list);
  }
  const merged: unknown[][] = [...(after.get(-1) ?? [])];
  body.forEach((row, i) => merged.push(row, ...(after.get(i) ?? [])));
  const firstRow = read.headerRow + 2;
  const needed = firstRow + merged.length - 1;
  const maxRows = sheet.getMaxRows();
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows + 50);
  sheet.getRange(firstRow, 1, merged.length, width).setValues(merged);
  return [plan.added.length, plan.differences.length];
}

/** Creates or updates one school's sheet and protects it; runs inside the document lock. */
export function distributeToSchool(
  ss: Spreadsheet,
  school: SchoolEntry,
  template: Template,
  people: People,
  clock: { today: string; datesAsText: (v: unknown[][]) => unknown[][] },
): SchoolOutcome {
  let sheet = ss.getSheetByName(school.sheetName);
  let kind: SchoolOutcome['kind'] = 'unchanged';
  let added = 0;
  let differences = 0;
  if (!sheet) {
    sheet = create(ss, school, template, clock.today);
    kind = 'created';
  } else {
    const values = sheet.getDataRange().getValues();
    [added, differences] = update(sheet, values, template, clock.datesAsText(values));
    registerSheet(sheet, school, template);
    // Helper columns and colour rules for the (possibly) new rows, written as the district.
    processRoadmapSheet(ss, sheet);
    if (added) kind = 'updated';
  }
  const lastColumn = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues();
  protectSchoolSheet(sheet, school, people, readSchoolsEdit(), schoolColumns(header, lastColumn));
  return { kind, sheet, added, differences };
}
