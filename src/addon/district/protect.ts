// Applies core's protection plan with the Protection API, following Google's pattern: add the
// wanted editors (the current user first), remove everyone else, no domain-wide edit. The calls
// depend on the number of editors and helper-column runs, never on rows.
import { editorChanges, type People, type ProtectionTarget } from '../../core/district';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export function configure(p: Protection, target: ProtectionTarget, people: People): void {
  if (people.currentUser) p.addEditor(people.currentUser);
  p.setDescription(target.description).setWarningOnly(false);
  const current = p.getEditors().map((u) => u.getEmail());
  const { add, remove } = editorChanges(current, target, people);
  if (add.length) p.addEditors(add);
  if (remove.length) p.removeEditors(remove);
  try {
    if (p.canDomainEdit()) p.setDomainEdit(false);
  } catch {
    // Not a Google Workspace file: there is no domain-wide edit to turn off.
  }
}

/** The whole sheet: only `target.editors` (plus owner and current user) may change it. */
export function protectSheet(sheet: Sheet, target: ProtectionTarget, people: People): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  configure(existing ?? sheet.protect(), target, people);
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
