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

/** Brings one protection to `target`; `fresh` for one just created (nothing to compare). */
export function configure(p: Protection, target: ProtectionTarget, people: People, fresh = false): void {
  const current = p.getEditors().map((u) => u.getEmail());
  const { add, remove } = editorChanges(current, target, people);
  const me = people.currentUser;
  if (me && !current.some((e) => e.toLowerCase() === me)) p.addEditor(me);
  if (remove.length) p.removeEditors(remove);
  if (fresh || p.getDescription() !== target.description) p.setDescription(target.description);
  if (fresh || p.isWarningOnly()) p.setWarningOnly(false);
  const others = add.filter((e) => e !== me);
  if (others.length) p.addEditors(others);
  try {
    if (p.canDomainEdit()) p.setDomainEdit(false);
  } catch {
    // Not a Google Workspace file: there is no domain-wide edit to turn off.
  }
}

/** The whole sheet: only `target.editors` (plus owner and current user) may change it. */
export function protectSheet(sheet: Sheet, target: ProtectionTarget, people: People): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (existing) configure(existing, target, people);
  else configure(sheet.protect(), target, people, true);
}

/**
 * The add-on's helper columns, 1-based runs [column, count]: an editors-only protection each (the
 * warning-only one the roadmap writer puts there is replaced), so school editors cannot change them.
 * Protections already in place over the same columns are kept and brought up to date.
 */
export function protectHelpers(sheet: Sheet, runs: readonly { column: number; count: number }[], target: ProtectionTarget, people: People): void {
  const ours = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).filter((p) => HELPER_MARK.test(p.getDescription()));
  const byColumns = new Map<string, Protection>();
  for (const p of ours) {
    const r = p.getRange();
    const key = `${r.getColumn()}:${r.getNumColumns()}`;
    if (r.getRow() === 1 && !byColumns.has(key)) byColumns.set(key, p);
    else p.remove();
  }
  let rows = 0;
  for (const run of runs) {
    const key = `${run.column}:${run.count}`;
    const kept = byColumns.get(key);
    if (kept) {
      byColumns.delete(key);
      configure(kept, target, people);
      continue;
    }
    rows ||= sheet.getMaxRows();
    configure(sheet.getRange(1, run.column, rows, run.count).protect(), target, people, true);
  }
  for (const stale of byColumns.values()) stale.remove();
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
