// Who the caller is in district mode, decided from the caller's e-mail, the spreadsheet's owner and
// the «Организации» registry (pure; the addon reads the three). The rules:
//  - Without district mode (no registry, or no school in it) there is one organisation and every
//    editor acts for it: there is no one to tell apart.
//  - In district mode an unknown e-mail (Google returns '' when policies hide it) gets the least
//    privilege: no organisation at all, reading only. Never the owner's rights.
//  - The district: the owner, and the editors listed in the district's row. While that row lists
//    nobody, the owner alone; if the owner is unknown too (a shared drive), anyone who is not a
//    school's editor — otherwise nobody could act for the district.
//  - A school: the editors listed in its row (a person may be listed for the district and a school).
import { ORG_SHEET } from '../org';
import type { DistrictRegistry } from './registry';

export interface Caller {
  /** Lower-case e-mail; '' when Google did not tell. */
  email: string;
  /** The registry lists schools: roles apply. */
  districtMode: boolean;
  /** Acts for the organisation that runs the spreadsheet (the district, or the only organisation). */
  district: boolean;
  /** Sheets of the schools whose editor the caller is, as the registry names them. */
  schoolSheets: string[];
}

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');

/**
 * The caller's role. `registry` is null when there is no «Организации» sheet; `schoolRows` counts the
 * registry's rows below the district's, valid or not: a school row with a mistake in it must not
 * switch district mode (and every role) off.
 */
export function callerOf(email: string, owner: string, registry: DistrictRegistry | null, schoolRows = registry?.schools.length ?? 0): Caller {
  const me = email.trim().toLowerCase();
  const districtMode = !!registry && (registry.schools.length > 0 || schoolRows > 0);
  if (!registry || !districtMode) return { email: me, districtMode: false, district: true, schoolSheets: [] };
  if (!me) return { email: me, districtMode, district: false, schoolSheets: [] };
  const schoolSheets = registry.schools.filter((s) => s.editors.includes(me)).map((s) => s.sheetName);
  const editors = registry.district?.editors ?? [];
  const knownOwner = owner.trim().toLowerCase();
  const district =
    me === knownOwner ||
    editors.includes(me) ||
    (editors.length === 0 && !knownOwner && schoolSheets.length === 0);
  return { email: me, districtMode, district, schoolSheets };
}

/** The caller may change this sheet: the district any sheet, a school only its own. */
export function mayWriteSheet(caller: Caller, sheetName: string): boolean {
  if (caller.district) return true;
  return caller.schoolSheets.some((s) => fold(s) === fold(sheetName));
}

/** The school (by its sheet) whose sheet this is, or null for a sheet that is no school's. */
export function schoolOfSheet(registry: DistrictRegistry | null, sheetName: string): DistrictRegistry['schools'][number] | null {
  return registry?.schools.find((s) => fold(s.sheetName) === fold(sheetName)) ?? null;
}

// ---- Russian refusals ----

export const NO_EMAIL_MESSAGE =
  `Google не сообщил дополнению адрес вашей электронной почты, поэтому в районном режиме доступен только просмотр. ` +
  `Войдите в аккаунт Google, адрес которого указан на листе «${ORG_SHEET}», и откройте таблицу заново.`;

export const DISTRICT_ONLY_MESSAGE =
  `Это действие выполняют только сотрудники района: владелец таблицы и те, чьи адреса указаны в строке района листа «${ORG_SHEET}» (столбец «Редакторы»).`;

const ownSheets = (caller: Caller): string =>
  caller.schoolSheets.length ? ` Ваш лист: ${caller.schoolSheets.map((s) => `«${s}»`).join(', ')}.` : '';

/** Why the caller may not act for the district. */
export function districtRefusal(caller: Caller): string {
  return caller.email ? DISTRICT_ONLY_MESSAGE : NO_EMAIL_MESSAGE;
}

/** Why the caller may not change `sheetName`. */
export function sheetRefusal(caller: Caller, sheetName: string, registry: DistrictRegistry | null): string {
  if (!caller.email) return NO_EMAIL_MESSAGE;
  const school = schoolOfSheet(registry, sheetName);
  const owner = school
    ? `Лист «${sheetName}» принадлежит школе «${school.shortName || school.sheetName}»: изменять его могут только её редакторы и сотрудники района.`
    : `Лист «${sheetName}» принадлежит району: изменять его могут только сотрудники района.`;
  const who = caller.schoolSheets.length
    ? `Вы указаны на листе «${ORG_SHEET}» как редактор школы.${ownSheets(caller)}`
    : `Вашего адреса ${caller.email} нет на листе «${ORG_SHEET}» ни у района, ни у школ.`;
  return `${owner} ${who}`;
}
