// The checkpoint of a distribution that runs in batches (each sidebar call does a bounded batch),
// and the ids of every sheet the add-on made for a school (to tell the official when a school left
// the registry). Both live in document properties, which hold at most 9 KB a value and 500 KB a
// store (https://developers.google.com/apps-script/guides/services/quotas): the report lists are
// cut to a byte budget, and the per-school lists (a 6-character hash per school, a base-36 id per
// sheet) are split over as many properties as they need, so any registry fits whatever its names.
import * as z from 'zod/mini';

const KEY = 'dorozhnayaKarta.district.run.v2';
const KEYS_PREFIX = 'dorozhnayaKarta.district.run.v2.keys.';
const TOUCHED_PREFIX = 'dorozhnayaKarta.district.run.v2.touched.';
/** What the helper-column protections of the school sheets were last set to (a hash of editors and description). */
const HELPERS_KEY = 'dorozhnayaKarta.district.helpers.v1';
const SHEETS_PREFIX = 'dorozhnayaKarta.district.sheets.v2.';
/** Earlier versions kept everything in one property each (which overflowed with long names). */
const LEGACY = ['dorozhnayaKarta.district.run.v1', 'dorozhnayaKarta.district.sheets.v1'];
/** Names kept per list in the report. */
export const LIST_LIMIT = 25;
/** Bytes of one property value we allow ourselves (Google's limit is 9 KB). */
export const VALUE_BUDGET = 8_000;
/** Longest report entry kept (a registry problem names a row, a column and a fix). */
const ENTRY_LIMIT = 300;

const listSchema = z.object({ names: z.array(z.string()), count: z.number() });

const metaSchema = z.object({
  templateId: z.number(),
  total: z.number(),
  next: z.number(),
  created: listSchema,
  updated: listSchema,
  unchanged: listSchema,
  failed: listSchema,
  added: z.number(),
  differences: z.number(),
});

export type ReportList = z.infer<typeof listSchema>;
export type Checkpoint = Omit<z.infer<typeof metaSchema>, 'total'> & {
  /** The schools, in order, by a short hash of their sheet name (rows shift when people edit the registry). */
  keys: string[];
  /** Ids of the school sheets this run has created or checked. */
  touched: number[];
};

export const emptyList = (): ReportList => ({ names: [], count: 0 });

/** FNV-1a of the lower-cased sheet name, 6 base-36 characters: a few bytes per school instead of its name. */
export function schoolKey(sheetName: string): string {
  return hash(sheetName.toLowerCase());
}

export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 2_176_782_336).toString(36).padStart(6, '0');
}

export function note(list: ReportList, name: string): void {
  list.count++;
  if (list.names.length < LIST_LIMIT) list.names.push(name.length > ENTRY_LIMIT ? `${name.slice(0, ENTRY_LIMIT - 1)}…` : name);
}

const utf8Bytes = (s: string): number => {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
};

/** The report as JSON within the byte budget: names beyond it are dropped (their count stays). */
export function boundedMeta(c: Checkpoint, budget = VALUE_BUDGET): string {
  const meta: z.infer<typeof metaSchema> = {
    templateId: c.templateId, total: c.keys.length, next: c.next, added: c.added, differences: c.differences,
    created: { ...c.created, names: [...c.created.names] }, updated: { ...c.updated, names: [...c.updated.names] },
    unchanged: { ...c.unchanged, names: [...c.unchanged.names] }, failed: { ...c.failed, names: [...c.failed.names] },
  };
  let json = JSON.stringify(meta);
  // Drop names from the longest list (the failures last) until it fits.
  const lists = [meta.unchanged, meta.updated, meta.created, meta.failed];
  while (utf8Bytes(json) > budget) {
    const list = lists.find((l) => l.names.length > 0);
    if (!list) break;
    list.names.pop();
    json = JSON.stringify(meta);
  }
  return json;
}

/** Splits a list of short tokens into property values within the byte budget. */
function chunks(tokens: readonly string[], budget = VALUE_BUDGET): string[] {
  const out: string[] = [];
  let current = '';
  for (const t of tokens) {
    if (current && current.length + 1 + t.length > budget) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${t}` : t;
  }
  if (current) out.push(current);
  return out;
}

const props = () => PropertiesService.getDocumentProperties();

function chunked(all: Readonly<Record<string, string>>, prefix: string): string[] {
  const parts: string[] = [];
  for (let i = 0; all[`${prefix}${i}`] !== undefined; i++) parts.push(all[`${prefix}${i}`]!);
  return parts.join(',').split(',').filter(Boolean);
}

/** Properties to write and to delete so that `prefix`'s chunks hold exactly `tokens`. */
function chunkWrites(all: Readonly<Record<string, string>>, prefix: string, tokens: readonly string[]): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const parts = chunks(tokens);
  parts.forEach((p, i) => (set[`${prefix}${i}`] = p));
  const remove = Object.keys(all).filter((k) => k.startsWith(prefix) && !(k in set));
  return { set, remove };
}

export function loadCheckpoint(all: Readonly<Record<string, string>> = props().getProperties()): Checkpoint | null {
  const raw = all[KEY];
  if (!raw) return null;
  try {
    const parsed = metaSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    const keys = chunked(all, KEYS_PREFIX);
    if (keys.length !== parsed.data.total) return null;
    const { total: _total, ...rest } = parsed.data;
    const touched = chunked(all, TOUCHED_PREFIX).map((t) => parseInt(t, 36)).filter((n) => Number.isSafeInteger(n));
    return { ...rest, keys, touched };
  } catch {
    return null;
  }
}

const ids = (list: readonly number[]): string[] => [...new Set(list)].map((id) => id.toString(36));

/**
 * The checkpoint (null: the run is over) and the managed sheets in one write, so a batch commits
 * both or neither. `helpers`: the helper protections' fingerprint, stored when a run finishes.
 */
export function saveRun(c: Checkpoint | null, sheetIds: readonly number[], helpers?: string): void {
  const store = props();
  const all = store.getProperties();
  const keys = chunkWrites(all, KEYS_PREFIX, c ? c.keys : []);
  const touched = chunkWrites(all, TOUCHED_PREFIX, c ? ids(c.touched) : []);
  const sheets = chunkWrites(all, SHEETS_PREFIX, ids(sheetIds));
  const set = { ...keys.set, ...touched.set, ...sheets.set, ...(c ? { [KEY]: boundedMeta(c) } : {}), ...(helpers ? { [HELPERS_KEY]: helpers } : {}) };
  const remove = [...keys.remove, ...touched.remove, ...sheets.remove, ...(c ? [] : [KEY]), ...LEGACY].filter((k) => k in all);
  store.setProperties(set);
  for (const k of remove) store.deleteProperty(k);
}

/** The fingerprint saveRun stored when the last run finished. */
export function lastHelpers(all: Readonly<Record<string, string>> = props().getProperties()): string | null {
  return all[HELPERS_KEY] ?? null;
}

export function knownSchoolSheets(all: Readonly<Record<string, string>> = props().getProperties()): number[] {
  const ids = chunked(all, SHEETS_PREFIX).map((t) => parseInt(t, 36)).filter((n) => Number.isSafeInteger(n));
  const legacy = all[LEGACY[1]!];
  if (legacy) {
    try {
      const parsed = z.array(z.number()).safeParse(JSON.parse(legacy));
      if (parsed.success) ids.push(...parsed.data);
    } catch {
      // unreadable: ignored, as before
    }
  }
  return [...new Set(ids)];
}
