// Per-document settings of the roadmap feature, in document properties: shared by everyone who
// edits this spreadsheet and readable by the onEdit simple trigger (LIMITED mode allows
// PropertiesService). Never script properties: those are shared by every user of the add-on.
import * as z from 'zod/mini';
import { DEFAULT_SOON_DAYS } from '../../core/roadmap/colour';

/** General settings ({ soonDays }); version 1 also kept every sheet here, which is still read. */
export const SETTINGS_KEY = 'dorozhnayaKarta.roadmap.v1';
/**
 * One property per roadmap sheet, by sheet id (ids survive renaming): a district with hundreds of
 * school sheets stays far below the 9 KB a property may hold (500 KB a store).
 */
export const SHEET_KEY_PREFIX = 'dorozhnayaKarta.roadmap.sheet.';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const sheetSettingsSchema = z.object({
  /** The title of the plan as recognised (shown in summaries and orders). */
  title: z.string().check(z.maxLength(500)),
  planStart: z.nullable(isoDate),
  planEnd: z.nullable(isoDate),
  /** The plan's list of abbreviations («ЦМН – целевая модель наставничества»), one a line. */
  abbreviations: z.optional(z.array(z.string().check(z.maxLength(1_000))).check(z.maxLength(200))),
});

const settingsSchema = z.object({
  soonDays: z.number().check(z.int(), z.gte(0), z.lte(365)),
  /** Roadmap sheets by sheet id. */
  sheets: z.record(z.string(), sheetSettingsSchema),
});

export type SheetSettings = z.infer<typeof sheetSettingsSchema>;
export type RoadmapSettings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): RoadmapSettings => ({ soonDays: DEFAULT_SOON_DAYS, sheets: {} });

/** Parses stored JSON; anything unreadable is null rather than breaking every action. */
function parseJson<T>(schema: z.ZodMiniType<T>, raw: string | null | undefined): T | null {
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The general property alone (older versions' sheets included); unreadable → defaults. */
export function parseSettings(raw: string | null): RoadmapSettings {
  return parseJson(settingsSchema, raw) ?? { ...defaultSettings(), ...parseJson(z.object({ soonDays: settingsSchema.shape.soonDays }), raw) };
}

/** Settings from all the document's properties (one getProperties call). */
export function settingsFromProperties(all: Readonly<Record<string, string>>): RoadmapSettings {
  const settings = parseSettings(all[SETTINGS_KEY] ?? null);
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(SHEET_KEY_PREFIX)) continue;
    const sheet = parseJson(sheetSettingsSchema, raw);
    if (sheet) settings.sheets[key.slice(SHEET_KEY_PREFIX.length)] = sheet;
  }
  return settings;
}

export function readSettings(props = PropertiesService.getDocumentProperties()): RoadmapSettings {
  return settingsFromProperties(props.getProperties());
}

/** Validates and stores: the general property and one per sheet; sheets no longer listed are removed. */
export function writeSettings(settings: RoadmapSettings, props = PropertiesService.getDocumentProperties()): void {
  const valid = settingsSchema.parse(settings);
  const next: Record<string, string> = { [SETTINGS_KEY]: JSON.stringify({ soonDays: valid.soonDays }) };
  for (const [id, sheet] of Object.entries(valid.sheets)) next[`${SHEET_KEY_PREFIX}${id}`] = JSON.stringify(sheet);
  for (const key of props.getKeys()) {
    if (key.startsWith(SHEET_KEY_PREFIX) && !(key in next)) props.deleteProperty(key);
  }
  props.setProperties(next);
}

/** Stores one sheet's settings alone (one property: nothing else is rewritten). */
export function writeSheetSettings(sheetId: string, sheet: SheetSettings, props = PropertiesService.getDocumentProperties()): void {
  props.setProperty(`${SHEET_KEY_PREFIX}${sheetId}`, JSON.stringify(sheetSettingsSchema.parse(sheet)));
}

/** Removes one sheet's settings (a sheet the add-on made and deleted again). */
export function forgetSheet(sheetId: string, props = PropertiesService.getDocumentProperties()): void {
  props.deleteProperty(`${SHEET_KEY_PREFIX}${sheetId}`);
}

/** The plan of a sheet, when both ends are known. */
export function planOf(s: SheetSettings | undefined): { planStart: string; planEnd: string } | null {
  return s?.planStart && s.planEnd && s.planStart <= s.planEnd ? { planStart: s.planStart, planEnd: s.planEnd } : null;
}

/** Adds or replaces the entries of some sheets in one write, leaving every other property as it is. */
export function registerSheets(sheets: Readonly<Record<string, SheetSettings>>, props = PropertiesService.getDocumentProperties()): void {
  const entries = Object.entries(sheets);
  if (!entries.length) return;
  props.setProperties(Object.fromEntries(entries.map(([id, s]) => [`${SHEET_KEY_PREFIX}${id}`, JSON.stringify(sheetSettingsSchema.parse(s))])));
}
