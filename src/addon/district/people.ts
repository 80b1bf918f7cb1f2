// Who runs the add-on, who owns the spreadsheet, and the district registry as district mode reads it.
import { checkDistrictRegistry, type DistrictRegistry, type People } from '../../core/district';
import { ORG_SHEET, readOrganisations } from '../../core/org';
import { UserError } from '../endpoint';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DistrictContext {
  registry: DistrictRegistry;
  people: People;
  /** The registry's values (one read), header first. */
  values: unknown[][];
}

export function peopleOf(ss: Spreadsheet, districtEditors: readonly string[]): People {
  let owner = '';
  try {
    owner = ss.getOwner()?.getEmail() ?? ''; // null on shared drives
  } catch {
    owner = '';
  }
  return { districtEditors, owner: owner.toLowerCase(), currentUser: Session.getEffectiveUser().getEmail().toLowerCase() };
}

export const NO_REGISTRY = `Нет листа «${ORG_SHEET}». Выберите «Район → Организации»: во второй строке укажите район (его редакторов — через запятую), ниже — по строке на каждую школу.`;

/** One read of the registry, checked for district mode. */
export function readDistrict(ss: Spreadsheet): DistrictContext {
  const sheet = ss.getSheetByName(ORG_SHEET);
  if (!sheet) throw new UserError(NO_REGISTRY);
  const values = sheet.getDataRange().getValues();
  const registry = checkDistrictRegistry(readOrganisations(values), values[0] ?? []);
  return { registry, people: peopleOf(ss, registry.district?.editors ?? []), values };
}

/**
 * The person may act for the district: the owner, one of the district's editors, or — while the
 * registry lists no district editors — anyone who is not a school's editor.
 */
export function isDistrictUser(ctx: DistrictContext): boolean {
  const me = ctx.people.currentUser;
  if (!me || me === ctx.people.owner) return true;
  const editors = ctx.registry.district?.editors ?? [];
  if (editors.length) return editors.includes(me);
  return !ctx.registry.schools.some((s) => s.editors.includes(me));
}

export const DISTRICT_ONLY_MESSAGE =
  `Это действие выполняют только сотрудники района: владелец таблицы и те, чьи адреса указаны в строке района листа «${ORG_SHEET}» (столбец «Редакторы»).`;

/** Reads the registry and refuses anyone who does not act for the district. */
export function readDistrictAsDistrict(ss: Spreadsheet): DistrictContext {
  const ctx = readDistrict(ss);
  if (!isDistrictUser(ctx)) throw new UserError(DISTRICT_ONLY_MESSAGE);
  return ctx;
}
