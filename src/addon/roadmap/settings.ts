// Per-document settings of the roadmap feature, in document properties: shared by everyone who
// edits this spreadsheet and readable by the onEdit simple trigger (LIMITED mode allows
// PropertiesService). Never script properties: those are shared by every user of the add-on.
import * as z from 'zod/mini';
import { parseStoredJson } from '../stored-json';
import { DEFAULT_SOON_DAYS } from '../../core/roadmap/colour';

/** General settings ({ soonDays, requireMark }); version 1 also kept every sheet here, which is still read. */
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
  /** «Проверить» warns about items «Выполнено» with an empty «Отметка о выполнении»; absent = on. */
  requireMark: z.optional(z.boolean()),
  /** Roadmap sheets by sheet id. */
  sheets: z.record(z.string(), sheetSettingsSchema),
});

export type SheetSettings = z.infer<typeof sheetSettingsSchema>;
export type RoadmapSettings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): RoadmapSettings => ({ soonDays: DEFAULT_SOON_DAYS, sheets: {} });

/** Whether «Проверить» warns about «Выполнено» without a mark (on unless switched off). */
export const requiresMark = (s: Pick<RoadmapSettings, 'requireMark'>): boolean => s.requireMark !== false;


/** The general property alone (older versions' sheets included); unreadable → defaults. */
export function parseSettings(raw: string | null): RoadmapSettings {
  return parseStoredJson(settingsSchema, raw) ?? { ...defaultSettings(), ...parseStoredJson(z.object({ soonDays: settingsSchema.shape.soonDays, requireMark: settingsSchema.shape.requireMark }), raw) };
}

/** Settings from all the document's properties (one getProperties call). */
export function settingsFromProperties(all: Readonly<Record<string, string>>): RoadmapSettings {
  const settings = parseSettings(all[SETTINGS_KEY] ?? null);
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(SHEET_KEY_PREFIX)) continue;
    const sheet = parseStoredJson(sheetSettingsSchema, raw);
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
  // The default (warn) is not stored: a property written before the setting existed stays equal.
  const general = JSON.stringify(requiresMark(valid) ? { soonDays: valid.soonDays } : { soonDays: valid.soonDays, requireMark: false });
  const stored = props.getProperty(SETTINGS_KEY);
  // The document-wide property is the district's: it is written only when it changes (a school
  // saving its own plan leaves it as it is, even when it was never written and holds the default).
  const unchanged = stored === general || (stored === null && valid.soonDays === DEFAULT_SOON_DAYS && requiresMark(valid));
  const next: Record<string, string> = unchanged ? {} : { [SETTINGS_KEY]: general };
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

/**
 * The district's choice of what schools may change on their sheets (core/district SchoolsEdit). A
 * document property written only by «Разослать школам», an endpoint for the district alone.
 */
export const SCHOOLS_EDIT_KEY = 'dorozhnayaKarta.district.schoolsEdit';

export function readSchoolsEdit(props = PropertiesService.getDocumentProperties()): 'all' | 'progress' {
  return props.getProperty(SCHOOLS_EDIT_KEY) === 'progress' ? 'progress' : 'all';
}

export function writeSchoolsEdit(mode: 'all' | 'progress', props = PropertiesService.getDocumentProperties()): void {
  props.setProperty(SCHOOLS_EDIT_KEY, mode);
}

/** Adds or replaces the entries of some sheets in one write, leaving every other property as it is. */
export function registerSheets(sheets: Readonly<Record<string, SheetSettings>>, props = PropertiesService.getDocumentProperties()): void {
  const entries = Object.entries(sheets);
  if (!entries.length) return;
  props.setProperties(Object.fromEntries(entries.map(([id, s]) => [`${SHEET_KEY_PREFIX}${id}`, JSON.stringify(sheetSettingsSchema.parse(s))])));
}
