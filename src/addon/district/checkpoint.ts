// The checkpoint of a distribution that runs in batches (each sidebar call does a bounded batch):
// in document properties, small (a hash per school, not its name) and validated. Also the ids of every
// sheet the add-on made for a school, to tell the official when a school left the registry.
import * as z from 'zod/mini';

const KEY = 'dorozhnayaKarta.district.run.v1';
const SHEETS_KEY = 'dorozhnayaKarta.district.sheets.v1';
/** Names kept per list in the report (a property holds at most 9 KB). */
export const LIST_LIMIT = 25;

const listSchema = z.object({ names: z.array(z.string()), count: z.number() });

const checkpointSchema = z.object({
  templateId: z.number(),
  /** The schools, in order, by a short hash of their sheet name (rows shift when people edit the registry). */
  keys: z.array(z.string()),
  next: z.number(),
  created: listSchema,
  updated: listSchema,
  unchanged: listSchema,
  failed: listSchema,
  added: z.number(),
  differences: z.number(),
});

export type Checkpoint = z.infer<typeof checkpointSchema>;
export type ReportList = z.infer<typeof listSchema>;

export const emptyList = (): ReportList => ({ names: [], count: 0 });

/** FNV-1a of the lower-cased sheet name, base 36: a few bytes per school instead of its name. */
export function schoolKey(sheetName: string): string {
  let h = 0x811c9dc5;
  for (const ch of sheetName.toLowerCase()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function note(list: ReportList, name: string): void {
  list.count++;
  if (list.names.length < LIST_LIMIT) list.names.push(name);
}

const props = () => PropertiesService.getDocumentProperties();

export function loadCheckpoint(): Checkpoint | null {
  const raw = props().getProperty(KEY);
  if (!raw) return null;
  try {
    const parsed = checkpointSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveCheckpoint(c: Checkpoint): void {
  props().setProperty(KEY, JSON.stringify(checkpointSchema.parse(c)));
}

export function clearCheckpoint(): void {
  props().deleteProperty(KEY);
}

export function knownSchoolSheets(): number[] {
  try {
    const parsed = z.array(z.number()).safeParse(JSON.parse(props().getProperty(SHEETS_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function saveSchoolSheets(ids: readonly number[]): void {
  props().setProperty(SHEETS_KEY, JSON.stringify([...new Set(ids)]));
}
