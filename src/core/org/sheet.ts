// Which roadmap sheet belongs to which organisation of «Организации»: the sheet named in its row,
// or, for a school with none named, the sheet district mode creates from its short name.
import type { Organisation } from './parse';

/** Google Sheets' limit on a sheet name. */
export const MAX_SHEET_NAME = 100;

/** A sheet name derived from a school's short name: forbidden characters dropped, clipped to 100. */
export function sheetNameFor(shortName: string): string {
  const clean = shortName.replace(/[[\]:*?/\\]+/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_SHEET_NAME) return clean;
  const cut = clean.slice(0, MAX_SHEET_NAME - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_SHEET_NAME / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The organisation whose roadmap is on `sheetName` (so a school issues orders with its own
 * requisites); otherwise the first one, which runs the spreadsheet. Null when there is none.
 */
export function organisationForSheet(organisations: readonly Organisation[], sheetName: string): Organisation | null {
  const [first, ...schools] = organisations;
  if (!first) return null;
  if (first.roadmapSheet === sheetName) return first;
  return schools.find((org) => (org.roadmapSheet || sheetNameFor(org.shortName)) === sheetName) ?? first;
}
