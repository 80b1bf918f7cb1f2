// The «Организации» sheet: one row per organisation, the first data row is the organisation that
// runs the spreadsheet; district mode adds schools as further rows. People edit it by hand, so
// columns are found by their header text, and only fall back to the canonical order.

export const ORG_SHEET = 'Организации';

export type OrgField =
  | 'shortName'
  | 'fullName'
  | 'place'
  | 'headPosition'
  | 'headName'
  | 'executorName'
  | 'executorPhone'
  | 'numberFormat'
  | 'roadmapSheet'
  | 'editors';

export interface OrgColumn {
  field: OrgField;
  /** Header text as written to the sheet. */
  header: string;
  /** Header note: what to write and an example. */
  hint: string;
  /** Lower-case stems that identify the column when people reword the header. */
  match: RegExp;
  width: number;
}

export const ORG_COLUMNS: readonly OrgColumn[] = [
  { field: 'shortName', header: 'Краткое наименование', width: 220, match: /^кратк/,
    hint: 'Для текста приказа и грифа утверждения, например: МБОУ «Калиновская ООШ».' },
  { field: 'fullName', header: 'Полное наименование (как в шапке, можно в несколько строк)', width: 320, match: /^полн/,
    hint: 'Так, как наименование стоит в шапке бланка; новая строка ячейки (Ctrl+Enter) — новая строка шапки.' },
  { field: 'place', header: 'Место издания', width: 140, match: /^мест/,
    hint: 'Например: г. Дербент. По ГОСТ Р 7.0.97-2025 можно не указывать.' },
  { field: 'headPosition', header: 'Должность руководителя', width: 200, match: /^должн/,
    hint: 'Например: Директор, Начальник управления образования.' },
  { field: 'headName', header: 'ФИО руководителя', width: 200, match: /^(фио|ф\.и\.о)[^а-я]*руков/,
    hint: 'Фамилия Имя Отчество или И.О. Фамилия, например: Гаджибекова Саида Алиевна.' },
  { field: 'executorName', header: 'Исполнитель', width: 180, match: /^(исполнит|фио[^а-я]*исполн)/,
    hint: 'Фамилия И.О. сотрудника, подготовившего приказ (отметка об исполнителе).' },
  { field: 'executorPhone', header: 'Телефон исполнителя', width: 150, match: /^тел/,
    hint: 'Например: 8 (87240) 4-12-34.' },
  { field: 'numberFormat', header: 'Формат номера', width: 120, match: /^формат/,
    hint: '{n} — порядковый номер, {yyyy} — год. Например: {n}, {n}-од, {n}/1.' },
  { field: 'roadmapSheet', header: 'Лист дорожной карты', width: 170, match: /^лист/,
    hint: 'Название листа с дорожной картой этой организации.' },
  { field: 'editors', header: 'Редакторы (e-mail через запятую)', width: 260, match: /^редакт/,
    hint: 'Адреса электронной почты тех, кто заполняет лист этой организации (районный режим).' },
];


const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** 0-based column of each field, from the header row; canonical positions where a header is missing. */
export function orgColumnsFrom(header: readonly unknown[]): Record<OrgField, number> {
  const found: Partial<Record<OrgField, number>> = {};
  const taken = new Set<number>();
  for (const col of ORG_COLUMNS) {
    const i = header.findIndex((h, idx) => !taken.has(idx) && typeof h === 'string' && col.match.test(normalize(h)));
    if (i >= 0) {
      found[col.field] = i;
      taken.add(i);
    }
  }
  const result = {} as Record<OrgField, number>;
  ORG_COLUMNS.forEach((col, i) => {
    result[col.field] = found[col.field] ?? (taken.has(i) ? -1 : i);
  });
  return result;
}

/** The header row and an empty first organisation (number format prefilled) for a new sheet. */
export function newOrgSheetRows(): string[][] {
  return [
    ORG_COLUMNS.map((c) => c.header),
    ORG_COLUMNS.map((c) => (c.field === 'numberFormat' ? '{n}' : '')),
  ];
}
