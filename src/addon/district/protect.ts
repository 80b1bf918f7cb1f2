// Applies core's protection plan with the Protection API. Reads first and changes only what
// differs, so a rerun over protections that are already right costs a few reads. Order matters when
// a call fails midway: people who should not edit are removed before anyone is added, so a half-done
// protection locks a school out rather than letting others in. Google's pattern
// (https://developers.google.com/apps-script/reference/spreadsheet/protection): the current user is
// made an editor first (removing a group they edit through would throw otherwise); a new protection
// mirrors the spreadsheet's editors until its list is changed; domain-wide edit is turned off.
// Calls depend on the number of protections, never on rows.
import { editorChanges, type People, type ProtectionTarget } from '../../core/district';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** Descriptions of helper-column protections written by the add-on (the roadmap sheet writer's and ours). */
const HELPER_MARK = /^(Служебные столбцы дополнения|Дорожная карта: служебные столбцы)/;

/**
 * What a batch learns once and reuses for every protection: the spreadsheet's editors (a new
 * protection starts as a mirror of them, per Google's reference for Range.protect: «until the script
 * changes the list of editors … the permissions mirror those of the spreadsheet itself»), and whether
 * the spreadsheet's domain may edit (asked of the first new protection only).
 */
export interface ProtectionSession {
  people: People;
  /** Lower-case e-mails of the spreadsheet's editors and owner; null: read each protection's own list. */
  shared: ReadonlySet<string> | null;
  domainEdit: boolean | null;
}

export const sessionOf = (people: People, shared: ReadonlySet<string> | null = null): ProtectionSession => ({ people, shared, domainEdit: null });

/** What is known of a protection before configuring it: nothing, or that it was just created. */
type Known = { fresh: true } | { fresh: false; description?: string };

/** Brings one protection to `target`, changing only what differs. */
export function configure(p: Protection, target: ProtectionTarget, s: ProtectionSession, known: Known = { fresh: false }): void {
  const people = s.people;
  const current = known.fresh && s.shared ? [...s.shared] : p.getEditors().map((u) => u.getEmail());
  const { add, remove } = editorChanges(current, target, people);
  const me = people.currentUser;
  if (me && (known.fresh || !current.some((e) => e.toLowerCase() === me))) p.addEditor(me);
  if (remove.length) p.removeEditors(remove);
  const description = known.fresh ? null : known.description ?? p.getDescription();
  if (description !== target.description) p.setDescription(target.description);
  if (known.fresh || p.isWarningOnly()) p.setWarningOnly(false);
  const others = add.filter((e) => e !== me);
  if (others.length) p.addEditors(others);
  try {
    // A new protection mirrors the spreadsheet, so one answer holds for every new one of the run.
    const domain = known.fresh ? (s.domainEdit ??= p.canDomainEdit()) : p.canDomainEdit();
    if (domain) p.setDomainEdit(false);
  } catch {
    // Not a Google Workspace file: there is no domain-wide edit to turn off.
    if (known.fresh) s.domainEdit = false;
  }
}

const asSession = (people: People | ProtectionSession): ProtectionSession => ('people' in people ? people : sessionOf(people));

/** The whole sheet: only `target.editors` (plus owner and current user) may change it. `fresh`: the sheet has no protection yet. */
export function protectSheet(sheet: Sheet, target: ProtectionTarget, people: People | ProtectionSession, fresh = false): void {
  const s = asSession(people);
  const existing = fresh ? undefined : sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (existing) configure(existing, target, s);
  else configure(sheet.protect(), target, s, { fresh: true });
}

/**
 * The add-on's helper columns, 1-based runs [column, count]: an editors-only protection each (the
 * warning-only one the roadmap writer puts there is replaced), so school editors cannot change them.
 * Protections already in place over the same columns are kept and brought up to date. `fresh`: the
 * sheet has no protection yet.
 */
export function protectHelpers(sheet: Sheet, runs: readonly { column: number; count: number }[], target: ProtectionTarget, people: People | ProtectionSession, fresh = false): void {
  const s = asSession(people);
  const byColumns = new Map<string, { p: Protection; description: string }>();
  if (!fresh) {
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      const description = p.getDescription();
      if (!HELPER_MARK.test(description)) continue;
      const r = p.getRange();
      const key = `${r.getColumn()}:${r.getNumColumns()}`;
      if (r.getRow() === 1 && !byColumns.has(key)) byColumns.set(key, { p, description });
      else p.remove();
    }
  }
  let rows = 0;
  for (const run of runs) {
    const key = `${run.column}:${run.count}`;
    const kept = byColumns.get(key);
    if (kept) {
      byColumns.delete(key);
      configure(kept.p, target, s, { fresh: false, description: kept.description });
      continue;
    }
    rows ||= sheet.getMaxRows();
    configure(sheet.getRange(1, run.column, rows, run.count).protect(), target, s, { fresh: true });
  }
  for (const stale of byColumns.values()) stale.p.remove();
}

/** Contiguous 1-based runs of 0-based columns. */
export function columnRuns(columns: readonly number[]): { column: number; count: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { column: number; count: number }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.column + last.count === c + 1) last.count++;
    else runs.push({ column: c + 1, count: 1 });
  }
  return runs;
}
