// Reading what an order needs from the spreadsheet: the organisation's requisites and the roadmap
// sheet (one getValues per sheet read).
import { JOURNAL_SHEET } from '../../core/order/journal';
import { requisiteGaps, validateRequisites, type Requisites } from '../../core/order/requisites';
import { roadmapForOrder, type RoadmapForOrder } from '../../core/order/roadmap-source';
import { ORG_SHEET, organisationForSheet, requisitesOf, type Organisation } from '../../core/org';
import { planOf, readSettings, type RoadmapSettings } from '../roadmap/settings';
import { readOrgSheet } from './requisites-sheet';
import { isoDays } from '../roadmap/values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface RequisitesState {
  organisation: Organisation | null;
  /** Valid requisites, or null while something blocking is missing or wrong. */
  requisites: Requisites | null;
  blocking: string[];
  notes: string[];
}

/**
 * The requisites for an order made on `sheetName` (default: the active sheet): those of the
 * organisation whose roadmap it is — a school in district mode — else of the first organisation,
 * which runs the spreadsheet; and what is missing.
 */
export function readRequisites(ss: Spreadsheet, sheetName = ss.getActiveSheet().getName()): RequisitesState {
  const read = readOrgSheet(ss);
  const organisation = organisationForSheet(read.organisations, sheetName);
  if (!organisation) {
    const gaps = requisiteGaps({}).filter((g) => g.blocksOrder).map((g) => g.message);
    return { organisation: null, requisites: null, blocking: [...read.problems.map((p) => p.message), ...gaps], notes: [] };
  }
  const blocking = read.problems.filter((p) => p.row === organisation.row).map((p) => p.message);
  const notes = requisiteGaps(requisitesOf(organisation)).filter((g) => !g.blocksOrder).map((g) => g.message);
  const valid = validateRequisites(requisitesOf(organisation));
  return { organisation, requisites: blocking.length === 0 && valid.ok ? valid.value : null, blocking, notes };
}

/** Sheet values with Date cells as 'yyyy-MM-dd' in the spreadsheet's zone (what core reads). */
export function sheetValues(sheet: Sheet, timeZone: string): unknown[][] {
  return sheet
    .getDataRange()
    .getValues()
    .map((row) => row.map((v: unknown) => (v instanceof Date ? isoDays(v, timeZone) : v)));
}

export interface FoundRoadmap extends RoadmapForOrder {
  sheetName: string;
}

/**
 * The roadmap sheet: the one named on «Организации», else the active sheet, else the first sheet
 * holding a roadmap header. Null when none does.
 */
export function findRoadmap(ss: Spreadsheet, preferred: string, today: string, timeZone: string): FoundRoadmap | null {
  const settings = readSettings();
  const tried = new Set<string>([ORG_SHEET, JOURNAL_SHEET]);
  const sheets = ss.getSheets();
  const registered = sheets.filter((s) => settings.sheets[String(s.getSheetId())]);
  const candidates: (Sheet | null)[] = [preferred ? ss.getSheetByName(preferred) : null, ss.getActiveSheet(), ...registered, ...sheets];
  for (const sheet of candidates) {
    if (!sheet || tried.has(sheet.getName())) continue;
    tried.add(sheet.getName());
    const found = readRoadmapSheet(sheet, today, timeZone, settings);
    if (found) return found;
  }
  return null;
}

/** One roadmap sheet, with the title and plan period the roadmap settings keep for it. */
export function readRoadmapSheet(sheet: Sheet, today: string, timeZone: string, settings: RoadmapSettings = readSettings()): FoundRoadmap | null {
  const own = settings.sheets[String(sheet.getSheetId())];
  const plan = planOf(own);
  const found = roadmapForOrder(sheetValues(sheet, timeZone), today, {
    title: own?.title ?? '',
    plan: plan ? { start: plan.planStart, end: plan.planEnd } : null,
  });
  return found ? { ...found, sheetName: sheet.getName() } : null;
}

export function noRoadmapMessage(preferred: string): string {
  return preferred
    ? `Лист «${preferred}», указанный на листе «${ORG_SHEET}» в столбце «Лист дорожной карты», не найден или не содержит дорожной карты (строки заголовков «№», «Мероприятие», «Срок»…).`
    : 'Не найден лист с дорожной картой. Создайте или распознайте дорожную карту (меню «Расширения → Дорожная карта») либо укажите её лист на листе «Организации».';
}
