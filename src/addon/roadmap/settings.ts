// Per-document settings of the roadmap feature, in document properties: shared by everyone who
// edits this spreadsheet and readable by the onEdit simple trigger (LIMITED mode allows
// PropertiesService). Never script properties: those are shared by every user of the add-on.
import * as z from 'zod/mini';
import { DEFAULT_SOON_DAYS } from '../../core/roadmap/colour';

export const SETTINGS_KEY = 'dorozhnayaKarta.roadmap.v1';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const sheetSettingsSchema = z.object({
  /** The title of the plan as recognised (shown in summaries and orders). */
  title: z.string().check(z.maxLength(500)),
  planStart: z.nullable(isoDate),
  planEnd: z.nullable(isoDate),
});

const settingsSchema = z.object({
  soonDays: z.number().check(z.int(), z.gte(0), z.lte(365)),
  /** Roadmap sheets by sheet id (ids survive renaming). */
  sheets: z.record(z.string(), sheetSettingsSchema),
});

export type SheetSettings = z.infer<typeof sheetSettingsSchema>;
export type RoadmapSettings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): RoadmapSettings => ({ soonDays: DEFAULT_SOON_DAYS, sheets: {} });

/** Parses stored JSON; anything unreadable falls back to defaults rather than breaking every action. */
export function parseSettings(raw: string | null): RoadmapSettings {
  if (!raw) return defaultSettings();
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultSettings();
  } catch {
    return defaultSettings();
  }
}

export function readSettings(props = PropertiesService.getDocumentProperties()): RoadmapSettings {
  return parseSettings(props.getProperty(SETTINGS_KEY));
}

/** Validates and stores; a property holds at most 9 KB, so the oldest sheets give way first. */
export function writeSettings(settings: RoadmapSettings, props = PropertiesService.getDocumentProperties()): void {
  const valid = settingsSchema.parse(settings);
  const entries = Object.entries(valid.sheets);
  let json = JSON.stringify(valid);
  while (utf8Bytes(json) > 8_500 && entries.length > 1) {
    entries.shift();
    json = JSON.stringify({ ...valid, sheets: Object.fromEntries(entries) });
  }
  props.setProperty(SETTINGS_KEY, json);
}

/** The plan of a sheet, when both ends are known. */
export function planOf(s: SheetSettings | undefined): { planStart: string; planEnd: string } | null {
  return s?.planStart && s.planEnd && s.planStart <= s.planEnd ? { planStart: s.planStart, planEnd: s.planEnd } : null;
}

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3; // a surrogate pair counts 2 + 2
  }
  return n;
}
