// Reading and checking the «Организации» sheet (values of one getValues call). Messages name the
// sheet, the row and the column, so a person can go straight to the cell.
import { validateRequisites, type Requisites } from '../order/requisites';
import { columnLetter } from '../a1';
import { ORG_COLUMNS, ORG_SHEET, orgColumnsFrom, type OrgField } from './layout';

export interface Organisation {
  /** 1-based sheet row. */
  row: number;
  shortName: string;
  fullName: string;
  place: string;
  headPosition: string;
  headName: string;
  executorName: string;
  executorPhone: string;
  numberFormat: string;
  roadmapSheet: string;
  editors: string[];
}

export interface OrgProblem {
  row: number;
  field: OrgField | null;
  message: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).replace(/\r\n?/g, '\n').trim();

/** An e-mail address as Google accounts have them (editors of an organisation's part). */
export const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Organisations in sheet order; rows with nothing typed are skipped. Row 1 is the header. */
export function readOrganisations(values: readonly (readonly unknown[])[]): Organisation[] {
  if (values.length === 0) return [];
  const cols = orgColumnsFrom(values[0] ?? []);
  const get = (row: readonly unknown[], f: OrgField) => (cols[f] >= 0 ? text(row[cols[f]]) : '');
  const out: Organisation[] = [];
  values.slice(1).forEach((row, i) => {
    if (row.every((v) => text(v) === '')) return;
    out.push({
      row: i + 2,
      shortName: get(row, 'shortName'),
      // Lines of the header block: trimmed, empty ones dropped.
      fullName: get(row, 'fullName').split('\n').map((l) => l.trim()).filter(Boolean).join('\n'),
      place: get(row, 'place'),
      headPosition: get(row, 'headPosition'),
      headName: get(row, 'headName'),
      executorName: get(row, 'executorName'),
      executorPhone: get(row, 'executorPhone'),
      numberFormat: get(row, 'numberFormat') || '{n}',
      roadmapSheet: get(row, 'roadmapSheet'),
      editors: get(row, 'editors').split(/[,;\s]+/).map((e) => e.trim()).filter(Boolean),
    });
  });
  return out;
}

/** The requisites an order needs, as core's order module names them. */
export function requisitesOf(org: Organisation): Requisites {
  return {
    fullName: org.fullName,
    shortName: org.shortName,
    place: org.place,
    headPosition: org.headPosition,
    headName: org.headName,
    executorName: org.executorName,
    executorPhone: org.executorPhone,
    numberFormat: org.numberFormat,
  };
}

/** "Лист «Организации», строка 2, столбец E «ФИО руководителя»". */
export function orgCellName(row: number, field: OrgField, header: readonly unknown[] = []): string {
  const cols = orgColumnsFrom(header);
  const index = cols[field] >= 0 ? cols[field] : ORG_COLUMNS.findIndex((c) => c.field === field);
  const title = ORG_COLUMNS.find((c) => c.field === field)?.header ?? field;
  const short = title.replace(/\s*\(.*$/, '');
  return `Лист «${ORG_SHEET}», строка ${row}, столбец ${columnLetter(index + 1)} «${short}»`;
}

const isOrgField = (f: string): f is OrgField => ORG_COLUMNS.some((c) => c.field === f);

/** Every problem of one organisation's row, in column order. */
export function checkOrganisation(org: Organisation, header: readonly unknown[] = []): OrgProblem[] {
  const problems: OrgProblem[] = [];
  const result = validateRequisites(requisitesOf(org));
  if (!result.ok) {
    for (const p of result.problems) {
      const field = isOrgField(p.field) ? p.field : null;
      const where = field ? orgCellName(org.row, field, header) : `Лист «${ORG_SHEET}», строка ${org.row}`;
      problems.push({ row: org.row, field, message: `${where}: ${p.message}` });
    }
  }
  for (const email of org.editors) {
    if (!EMAIL.test(email)) {
      problems.push({
        row: org.row,
        field: 'editors',
        message: `${orgCellName(org.row, 'editors', header)}: «${email}» не похоже на адрес электронной почты.`,
      });
    }
  }
  const order = ORG_COLUMNS.map((c) => c.field);
  return problems.sort((a, b) => order.indexOf(a.field ?? 'shortName') - order.indexOf(b.field ?? 'shortName'));
}

/** All organisations and their problems; the first is the organisation running the spreadsheet. */
export function checkOrganisations(values: readonly (readonly unknown[])[]): { organisations: Organisation[]; problems: OrgProblem[] } {
  const organisations = readOrganisations(values);
  const header = values[0] ?? [];
  const problems = organisations.flatMap((o) => checkOrganisation(o, header));
  if (organisations.length === 0) {
    problems.push({
      row: 2,
      field: null,
      message: `Лист «${ORG_SHEET}»: строка 2 пуста — заполните реквизиты своей организации.`,
    });
  }
  return { organisations, problems };
}
