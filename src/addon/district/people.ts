// Who runs the add-on, who owns the spreadsheet, and the district registry as district mode reads it.
import { callerOf, checkDistrictRegistry, districtRefusal, type Caller, type DistrictRegistry, type People } from '../../core/district';
import { ORG_SHEET, readOrganisations } from '../../core/org';
import { UserError } from '../errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DistrictContext {
  registry: DistrictRegistry;
  people: People;
  /** The person running the add-on and what they may act for (see core/district/roles). */
  caller: Caller;
  /** The registry's values (one read), header first. */
  values: unknown[][];
}

/** The spreadsheet's owner, lower-case; '' on a shared drive (no owner) or when Google refuses. */
export function ownerOf(ss: Spreadsheet): string {
  try {
    return (ss.getOwner()?.getEmail() ?? '').toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The person at the keyboard: Session.getActiveUser(), '' when Google's policies hide it
 * (https://developers.google.com/apps-script/reference/base/user#getEmail()). Never the effective
 * user: under an installable trigger that is whoever made the trigger, often the owner.
 */
export function activeEmail(): string {
  try {
    return Session.getActiveUser().getEmail().trim().toLowerCase();
  } catch {
    return '';
  }
}

/** Who takes part in protections: the person running the add-on must stay an editor of what they protect. */
export function peopleOf(ss: Spreadsheet, districtEditors: readonly string[], owner = ownerOf(ss)): People {
  let currentUser = '';
  try {
    currentUser = Session.getEffectiveUser().getEmail().toLowerCase();
  } catch {
    currentUser = '';
  }
  return { districtEditors, owner, currentUser };
}

export const NO_REGISTRY = `Нет листа «${ORG_SHEET}». Выберите «Район → Организации»: во второй строке укажите район (его редакторов — через запятую), ниже — по строке на каждую школу.`;

export interface RegistryRead {
  registry: DistrictRegistry;
  /** Rows below the district's, valid or not (a school row with a mistake still makes district mode). */
  schoolRows: number;
}

/** The registry checked for district mode, from its values (header first). */
export function registryOf(values: unknown[][]): RegistryRead {
  const organisations = readOrganisations(values);
  return { registry: checkDistrictRegistry(organisations, values[0] ?? []), schoolRows: Math.max(0, organisations.length - 1) };
}

/** One read of the registry, checked for district mode, with the caller's role. */
export function readDistrict(ss: Spreadsheet): DistrictContext {
  const sheet = ss.getSheetByName(ORG_SHEET);
  if (!sheet) throw new UserError(NO_REGISTRY);
  const values = sheet.getDataRange().getValues();
  const { registry, schoolRows } = registryOf(values);
  const owner = ownerOf(ss);
  return { registry, people: peopleOf(ss, registry.district?.editors ?? [], owner), caller: callerOf(activeEmail(), owner, registry, schoolRows), values };
}

/** The person may act for the district (core/district/roles decides; an unknown e-mail may not). */
export function isDistrictUser(ctx: DistrictContext): boolean {
  return ctx.caller.district;
}

export { DISTRICT_ONLY_MESSAGE } from '../../core/district';

/** Reads the registry and refuses anyone who does not act for the district. */
export function readDistrictAsDistrict(ss: Spreadsheet): DistrictContext {
  const ctx = readDistrict(ss);
  if (!isDistrictUser(ctx)) throw new UserError(districtRefusal(ctx.caller));
  return ctx;
}
