// District mode on top of the «Организации» registry (parsed by core/org): the first organisation
// is the district, every further row a school. Checks what distribution needs — e-mails that
// protections can take, one sheet per school with a name Sheets accepts — and names each school's
// sheet. Messages name the sheet, the row and the column, as core/org does.
import { ORG_SHEET, orgCellName, type OrgField, type Organisation } from '../org';
import { EMAIL } from '../org/parse';
import { MAX_SHEET_NAME, sheetNameFor } from '../org/sheet';

export interface DistrictProblem {
  /** 1-based row of the registry sheet. */
  row: number;
  field: OrgField | null;
  /** 'error': this school is skipped by «Разослать школам»; 'warning': it goes ahead. */
  severity: 'error' | 'warning';
  message: string;
}

export interface SchoolEntry {
  row: number;
  shortName: string;
  /** The sheet of this school: as typed in «Лист дорожной карты», or derived from the short name. */
  sheetName: string;
  /** True when the registry leaves the sheet name blank and it was derived. */
  derivedSheetName: boolean;
  /** Lower-case, unique, valid addresses. */
  editors: string[];
}

export interface DistrictRegistry {
  district: { row: number; shortName: string; sheetName: string; editors: string[] } | null;
  /** Schools that can be distributed (no errors). */
  schools: SchoolEntry[];
  problems: DistrictProblem[];
}

/** Sheets the add-on keeps for itself: a school sheet must not take their names. */
export const RESERVED_SHEETS: readonly string[] = [ORG_SHEET, 'Свод', 'Журнал приказов', 'Шаблон приказа'];

/** Characters a sheet name should not contain (Sheets' own limit is 100 characters; Excel export forbids these). */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/** Why `name` cannot be a school's sheet name, or null when it can. */
export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return 'название листа пустое';
  if (name.length > MAX_SHEET_NAME) return `название листа длиннее ${MAX_SHEET_NAME} символов (${name.length})`;
  const bad = BAD_SHEET_CHARS.exec(name);
  if (bad) return `название листа содержит недопустимый символ «${bad[0]}» (нельзя: [ ] : * ? / \\)`;
  if (name.startsWith("'") || name.endsWith("'")) return 'название листа не может начинаться или заканчиваться апострофом';
  return null;
}

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');

/**
 * Checks the registry for district mode. `organisations` come from readOrganisations (first =
 * the district); `header` is the registry's header row (for column letters in messages).
 */
export function checkDistrictRegistry(organisations: readonly Organisation[], header: readonly unknown[] = []): DistrictRegistry {
  const problems: DistrictProblem[] = [];
  const where = (row: number, field: OrgField): string => orgCellName(row, field, header);
  const push = (row: number, field: OrgField | null, severity: DistrictProblem['severity'], message: string) =>
    problems.push({ row, field, severity, message });

  const [first, ...rest] = organisations;
  if (!first) {
    push(2, null, 'error', `Лист «${ORG_SHEET}», строка 2: не заполнена организация, которая ведёт таблицу (район). Заполните вторую строку, школы — ниже.`);
    return { district: null, schools: [], problems };
  }

  const validEditors = (org: Organisation): string[] => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const raw of org.editors) {
      const email = raw.toLowerCase();
      if (!EMAIL.test(raw)) {
        push(org.row, 'editors', org === first ? 'warning' : 'error', `${where(org.row, 'editors')}: «${raw}» — не адрес электронной почты (ожидается вида name@example.ru).`);
        continue;
      }
      if (seen.has(email)) {
        push(org.row, 'editors', 'warning', `${where(org.row, 'editors')}: адрес ${email} указан дважды.`);
        continue;
      }
      seen.add(email);
      out.push(email);
    }
    return out;
  };

  const districtEditors = validEditors(first);
  const district = { row: first.row, shortName: first.shortName, sheetName: first.roadmapSheet, editors: districtEditors };
  if (districtEditors.length === 0) {
    push(first.row, 'editors', 'warning', `${where(first.row, 'editors')}: редакторы района не указаны — листы школ, кроме самих школ, сможете менять только вы и владелец таблицы.`);
  }
  if (rest.length === 0) {
    push(first.row + 1, null, 'warning', `Лист «${ORG_SHEET}»: школы не указаны. Добавьте по строке на каждую школу ниже строки района (${first.row}).`);
  }

  const reserved = new Map(RESERVED_SHEETS.map((n) => [fold(n), `служебный лист дополнения «${n}»`]));
  if (first.roadmapSheet) reserved.set(fold(first.roadmapSheet), `лист дорожной карты района «${first.roadmapSheet}»`);
  const sheetOwner = new Map<string, number>();
  const shortOwner = new Map<string, number>();
  const editorOwner = new Map<string, { row: number; name: string }>();
  const schools: SchoolEntry[] = [];

  for (const org of rest) {
    let ok = true;
    const label = org.shortName || `строка ${org.row}`;
    if (!org.shortName) {
      push(org.row, 'shortName', org.roadmapSheet ? 'warning' : 'error', `${where(org.row, 'shortName')}: не указано краткое наименование школы.`);
      if (!org.roadmapSheet) ok = false;
    } else {
      const prev = shortOwner.get(fold(org.shortName));
      if (prev !== undefined) push(org.row, 'shortName', 'warning', `${where(org.row, 'shortName')}: школа «${org.shortName}» уже есть в строке ${prev}.`);
      else shortOwner.set(fold(org.shortName), org.row);
    }

    const derived = !org.roadmapSheet;
    const sheetName = org.roadmapSheet || sheetNameFor(org.shortName);
    if (ok) {
      const bad = sheetNameProblem(sheetName);
      const clash = reserved.get(fold(sheetName));
      const prev = sheetOwner.get(fold(sheetName));
      if (bad) {
        push(org.row, 'roadmapSheet', 'error', `${where(org.row, 'roadmapSheet')}: ${bad}.`);
        ok = false;
      } else if (clash) {
        push(org.row, 'roadmapSheet', 'error', `${where(org.row, 'roadmapSheet')}: лист «${sheetName}» — ${clash}; укажите для школы другое название листа.`);
        ok = false;
      } else if (prev !== undefined) {
        push(org.row, 'roadmapSheet', 'error', `${where(org.row, 'roadmapSheet')}: лист «${sheetName}» уже назначен школе в строке ${prev}; у каждой школы должен быть свой лист.`);
        ok = false;
      } else {
        sheetOwner.set(fold(sheetName), org.row);
      }
    }

    const editors = validEditors(org);
    if (problems.some((p) => p.row === org.row && p.field === 'editors' && p.severity === 'error')) ok = false;
    if (org.editors.length === 0) {
      push(org.row, 'editors', 'warning', `${where(org.row, 'editors')}: у школы «${label}» не указаны редакторы — её лист смогут менять только сотрудники района.`);
    }
    for (const email of editors) {
      if (districtEditors.includes(email)) continue; // a district editor may be listed for a school too
      const other = editorOwner.get(email);
      if (other) {
        push(org.row, 'editors', 'warning', `${where(org.row, 'editors')}: адрес ${email} указан и у школы «${other.name}» (строка ${other.row}) — этот сотрудник сможет менять листы обеих школ.`);
      } else {
        editorOwner.set(email, { row: org.row, name: label });
      }
    }
    if (ok) schools.push({ row: org.row, shortName: org.shortName, sheetName, derivedSheetName: derived, editors });
  }
  problems.sort((a, b) => a.row - b.row);
  return { district, schools, problems };
}

/**
 * Problems of the registry against the spreadsheet's sheets: the district's own roadmap sheet must
 * exist (it is the usual template and the district's row of «Свод»); a school's missing sheet is
 * simply created by «Разослать школам», so it is not a problem.
 */
export function sheetProblems(registry: DistrictRegistry, sheetNames: readonly string[], header: readonly unknown[] = []): DistrictProblem[] {
  const d = registry.district;
  if (!d?.sheetName) return [];
  const names = new Set(sheetNames.map(fold));
  if (names.has(fold(d.sheetName))) return [];
  return [{
    row: d.row,
    field: 'roadmapSheet',
    severity: 'warning',
    message: `${orgCellName(d.row, 'roadmapSheet', header)}: листа «${d.sheetName}» в таблице нет — проверьте название (дорожная карта района нужна как образец для школ и для строки района в своде).`,
  }];
}
