// Who may edit what in district mode (pure; the Protection API calls are in src/addon/district).
//  - A school sheet: the school's editors, the district's editors, the owner and the person running
//    the add-on (Google refuses to remove the last two, so they are always kept).
//  - The add-on's helper columns of a school sheet: the school's and the district's editors. They
//    belong to the sheet's organisation like the rest of it: «Проверить», «Обновить сроки и цвета»
//    and onEdit, run by the school's own editor, rewrite them (an editors-only range without the
//    school made every one of them fail); no other school may. The district's own formulas live on
//    «Свод», which only the district edits.
//  - «Свод» and «Организации»: the district only; the registry's «Редакторы» column is what grants
//    access, so a school must not be able to write it.

export interface ProtectionTarget {
  /** Lower-case e-mails that must be editors; everyone else is removed. */
  editors: string[];
  description: string;
}

/**
 * What a school may change on its sheet, as the district chooses: everything ('all'), or only what
 * it reports — status, completion date and mark ('progress'; activities, deadlines and responsibles
 * stay as the district sent them).
 */
export type SchoolsEdit = 'all' | 'progress';
/** The columns a school fills in 'progress' mode. */
export const PROGRESS_KEYS = ['status', 'doneDate', 'mark'] as const;

export interface SchoolProtection {
  /** The whole sheet: the school and the district ('all'), the district alone ('progress'). */
  sheet: ProtectionTarget;
  /** 'progress': the columns the school fills and the helper columns, excepted from the sheet's protection and protected for the school and the district. */
  open: ProtectionTarget | null;
  /** The helper columns: the school and the district (the school's own check and onEdit write them). */
  helpers: ProtectionTarget;
}

const unique = (lists: readonly (readonly string[])[]): string[] => {
  const out: string[] = [];
  for (const list of lists) for (const e of list) {
    const email = e.trim().toLowerCase();
    if (email && !out.includes(email)) out.push(email);
  }
  return out;
};

export interface People {
  districtEditors: readonly string[];
  owner: string;
  /** The person running «Разослать школам» (may be '' when Google does not tell). */
  currentUser: string;
}

export const HELPER_PROTECTION = 'Дорожная карта: служебные столбцы (заполняются автоматически; пишут проверки школы и района)';
export const schoolProtectionDescription = (school: string): string => `Дорожная карта: лист школы «${school}» — редактируют школа и район`;
export const progressSheetDescription = (school: string): string => `Дорожная карта: лист школы «${school}» — мероприятия и сроки меняет только район`;
export const progressColumnsDescription = (school: string): string => `Дорожная карта: статус, дата выполнения, отметка и служебные столбцы — заполняет школа «${school}»`;
export const DISTRICT_ONLY = 'Дорожная карта: редактируют только сотрудники района';

/** The editors of a school's sheet, as the district chose; its helper columns are the school's and the district's. */
export function schoolProtection(schoolName: string, schoolEditors: readonly string[], people: People, mode: SchoolsEdit = 'all'): SchoolProtection {
  const always = [people.owner, people.currentUser];
  const both = unique([schoolEditors, people.districtEditors, always]);
  if (mode === 'progress') {
    return {
      sheet: { editors: unique([people.districtEditors, always]), description: progressSheetDescription(schoolName) },
      open: { editors: both, description: progressColumnsDescription(schoolName) },
      helpers: { editors: both, description: HELPER_PROTECTION },
    };
  }
  return {
    sheet: { editors: both, description: schoolProtectionDescription(schoolName) },
    open: null,
    helpers: { editors: both, description: HELPER_PROTECTION },
  };
}

/** Editors of district-only sheets («Свод», «Организации»). */
export function districtOnly(people: People): ProtectionTarget {
  return { editors: unique([people.districtEditors, [people.owner, people.currentUser]]), description: DISTRICT_ONLY };
}

/**
 * What to change on an existing protection: editors to add and to remove. The owner and the
 * current user are never removed (Google throws), even when they are not in `target`.
 */
export function editorChanges(current: readonly string[], target: ProtectionTarget, people: Pick<People, 'owner' | 'currentUser'>): { add: string[]; remove: string[] } {
  const now = unique([current]);
  const keep = new Set([...target.editors, people.owner.toLowerCase(), people.currentUser.toLowerCase()]);
  return {
    add: target.editors.filter((e) => !now.includes(e)),
    remove: now.filter((e) => !keep.has(e)),
  };
}
