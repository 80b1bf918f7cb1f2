// The district's consolidated report for a fixed today: one row per school with the «Свод»
// figures for the period, the district's own items, optionally each school's items, every overdue
// item with its organisation; and a school's own report of its own sheet, in its own journal.
import { afterEach, describe, expect, it } from 'vitest';
import type { DocBlockSnapshot } from '../../../preview/gas';
import type { ReportRequest } from '../../../src/contract/report';
import { startDistribution, continueDistribution } from '../../../src/addon/district/distribute';
import { buildSummary } from '../../../src/addon/district/summary-sheet';
import { handleEdit } from '../../../src/addon/roadmap/on-edit';
import { createReport, getReportSetup, previewReport } from '../../../src/addon/report/endpoints';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { SCHOOL1, SCHOOL2, THREE_SCHOOLS, createDistrict, fixture, texts, withRequisites, type District } from '../district/harness';

const STATUS = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
const DONE = CANONICAL_COLUMNS.findIndex((c) => c.key === 'doneDate') + 1;

let d: District;
afterEach(() => d.dispose());

type Table = Extract<DocBlockSnapshot, { type: 'table' }>;
const tables = (body: DocBlockSnapshot[]): Table[] => body.filter((b): b is Table => b.type === 'table');
const cells = (t: Table): string[][] => t.rows.map((r) => r.cells.map((c) => c.text));

const request = (extra: Partial<ReportRequest> = {}): ReportRequest => ({
  scope: 'district', sheetName: 'Район', period: { kind: 'quarter', year: 2023, index: 2 }, schoolItems: false, lastChanges: false, chart: false, dateStyle: 'numeric',
  signatory: { position: 'Начальник', name: 'Гаджибекова Саида Алиевна' }, ...extra,
});

/** Kalinovskaya's ЦМН plan as the district's template, sent to three schools; schools mark progress. */
function district(): void {
  d = createDistrict('2023-07-10', fixture('kalinovskaya-2022-2024'), withRequisites(THREE_SCHOOLS));
  d.run(() => {
    let p = startDistribution(d.ss(), d.templateId);
    while (!p.finished) p = continueDistribution(d.ss());
  });
  const row = (sheet: string, n: string) => texts(d.sheet(sheet)).findIndex((r) => r[0] === n) + 1;
  d.runtime.userEdit('Школа 1', row('Школа 1', '3.4'), STATUS, 'Выполнено', { user: SCHOOL1 });
  d.runtime.userEdit('Школа 1', row('Школа 1', '3.4'), DONE, '25.05.2023', { user: SCHOOL1 });
  d.runtime.userEdit('Школа 1', row('Школа 1', '5.5.'), STATUS, 'Отменено', { user: SCHOOL1 });
  d.runtime.userEdit('Школа 2', row('Школа 2', '5.2'), STATUS, 'В работе', { user: SCHOOL2 });
}

describe('the district\'s consolidated report, II quarter 2023, on 10.07.2023', () => {
  // Every sheet is the same plan: 10 items fall in the quarter (2.2, 2.3, 3.1, 3.4, 4.1, 4.2, 5.1,
  // 5.2, 5.4, 5.5 — see roadmap-report.test.ts for why), 21 in the plan, of which 9 are overdue on
  // 10.07.2023 when nothing is done: 1.1–1.7 (December 2021), 2.1 (January–May 2022), 3.2 (January 2022).
  it('one row per organisation with the period\'s figures, and the total', () => {
    district();
    const preview = d.run(() => previewReport(request()));
    expect(preview.blocking).toEqual([]);
    expect(preview.schools).toEqual([
      { name: 'Управление образования (мероприятия района)', items: 10, done: 0, inProgress: 0, overdue: 0, cancelled: 0, percent: '0 %', lastChange: null },
      // 1 done of 10 − 1 cancelled = 11 %.
      { name: 'МБОУ «СОШ № 1»', items: 10, done: 1, inProgress: 0, overdue: 0, cancelled: 1, percent: '11 %', lastChange: null },
      { name: 'МБОУ «СОШ № 2»', items: 10, done: 0, inProgress: 1, overdue: 0, cancelled: 0, percent: '0 %', lastChange: null },
      { name: 'МБОУ «Калиновская ООШ»', items: 10, done: 0, inProgress: 0, overdue: 0, cancelled: 0, percent: '0 %', lastChange: null },
    ]);
    // 1 done of 40 − 1 = 3 %.
    expect(preview.period).toEqual({ items: 40, done: 1, inProgress: 1, overdue: 0, cancelled: 1, percent: '3 %' });
    expect(preview.plan).toEqual({ items: 84, done: 1, inProgress: 1, overdue: 36, cancelled: 1, percent: '1 %' });
    expect(preview.overdue).toBe(36);
  });

  it('the plan-wide overdue figures equal the live «Свод» of the same day', () => {
    district();
    d.run(() => buildSummary(d.ss()));
    const summary = texts(d.sheet('Свод'));
    const total = summary.find((r) => r[0] === 'Итого')!;
    const preview = d.run(() => previewReport(request()));
    expect(String(preview.plan.overdue)).toBe(total[5]);
    expect(String(preview.plan.items)).toBe(total[2]);
  });

  it('creates the Doc in the district\'s journal: schools table, the district\'s items, each school\'s items, overdue by organisation', () => {
    district();
    const created = d.run(() => createReport(request({ schoolItems: true })));
    expect(created.journalSheet).toBe('Журнал приказов');
    const doc = d.runtime.documents().find((x) => x.id === created.docId)!;
    const t = tables(doc.body);
    const [totals, schools, own, s1, s2, s3, overdue] = t;
    expect(cells(totals!)[1]).toEqual(['Мероприятий', '40', '84']);
    expect(cells(schools!).map((r) => r[0])).toEqual(['Организация', 'Управление образования (мероприятия района)', 'МБОУ «СОШ № 1»', 'МБОУ «СОШ № 2»', 'МБОУ «Калиновская ООШ»', 'Итого']);
    expect(cells(schools!)[0]).toEqual(['Организация', 'Всего мероприятий', 'Выполнено', 'В работе', 'Просрочено', '% выполнения']);
    expect(cells(schools!).at(-1)).toEqual(['Итого', '40', '1', '1', '0', '3 %']);
    for (const items of [own, s1, s2, s3]) expect(cells(items!).filter((r) => /^\d\.\d/.test(r[0]!))).toHaveLength(10);
    expect(cells(s1!).find((r) => r[0] === '3.4')!.slice(3, 5)).toEqual(['Выполнено', '25.05.2023']);
    expect(cells(overdue!)).toHaveLength(37);
    expect(new Set(cells(overdue!).slice(1).map((r) => r[0]))).toEqual(new Set(['Управление образования', 'МБОУ «СОШ № 1»', 'МБОУ «СОШ № 2»', 'МБОУ «Калиновская ООШ»']));
    const paragraphs = doc.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain('10.07.2023');
    expect(paragraphs.some((p) => /^Информация о ходе реализации .* за II квартал 2023 года$/.test(p))).toBe(true);
    const journal = texts(d.sheet('Журнал приказов'));
    expect(journal[created.journalRow - 1]!.slice(1, 2)).toEqual(['б/н']);
    expect(journal[created.journalRow - 1]![7]).toBe('отчёт');
  });

  it('a school makes its own report of its own sheet, in its own journal; the consolidated one is refused to it', () => {
    district();
    d.run(() => d.ss().getSheetByName('Школа 1')!.activate(), SCHOOL1);
    const setup = d.run(() => getReportSetup(), SCHOOL1);
    expect(setup).toMatchObject({ sheetName: 'Школа 1', scope: 'sheet', districtOffered: false, blocking: [] });
    const own = d.run(() => createReport(request({ scope: 'sheet', sheetName: 'Школа 1' })), SCHOOL1);
    expect(own.journalSheet).toBe('Журнал приказов — Школа 1');
    expect(() => d.run(() => createReport(request()), SCHOOL1)).toThrow(/Сводный отчёт района формируют сотрудники района/);
    expect(() => d.run(() => createReport(request({ scope: 'sheet', sheetName: 'Школа 2' })), SCHOOL1)).toThrow(/Лист «Школа 2» — дорожная карта школы «МБОУ «СОШ № 2»»: отчёт по нему формирует/);
    expect(d.runtime.documents()).toHaveLength(1);
  });

  it('a school whose sheet is missing stands in the table without figures, with the reason; the others are counted', () => {
    district();
    d.run(() => d.ss().deleteSheet(d.ss().getSheetByName('Школа 2')!));
    const preview = d.run(() => previewReport(request()));
    expect(preview.problems).toEqual(['«МБОУ «СОШ № 2»» (лист «Школа 2»): лист не найден — в отчёте без цифр.']);
    expect(preview.schools.map((s) => [s.name, s.items])).toEqual([
      ['Управление образования (мероприятия района)', 10], ['МБОУ «СОШ № 1»', 10], ['МБОУ «СОШ № 2» (лист не найден)', 0], ['МБОУ «Калиновская ООШ»', 10],
    ]);
    expect(preview.period.items).toBe(30);
  });
});

describe('the consolidated report shows each organisation\'s last change, as «Свод» does', () => {
  /** A school editor's edit with onEdit run as that person (the simple trigger records it in the history). */
  function edit(sheet: string, item: string, column: number, value: string, user: string): number {
    const row = texts(d.sheet(sheet)).findIndex((r) => r[0] === item) + 1;
    const e = d.runtime.userEdit(sheet, row, column, value, { user });
    d.runtime.run('LIMITED', () => handleEdit(e), { user });
    return row;
  }
  const changesTable = (body: DocBlockSnapshot[]): string[][] | undefined =>
    tables(body).map(cells).find((t) => t[0]![1] === 'Последнее изменение');

  it('the latest edit of each school (when, who, row, old → new) in the preview and the Doc; a dash for an organisation never changed', () => {
    district();
    edit('Школа 1', '4.1', STATUS, 'В работе', SCHOOL1);
    d.setToday('2023-07-11');
    const row2 = edit('Школа 2', '5.2', STATUS, 'Выполнено', SCHOOL2);
    d.setToday('2023-07-12');
    const row1 = edit('Школа 1', '4.1', STATUS, 'Выполнено', SCHOOL1);
    const latest1 = `12.07.2023 09:00, ${SCHOOL1}: строка ${row1}, Статус: В работе → Выполнено`;
    const latest2 = `11.07.2023 09:00, ${SCHOOL2}: строка ${row2}, Статус: В работе → Выполнено`;

    const preview = d.run(() => previewReport(request({ lastChanges: true })));
    expect(preview.schools.map((s) => [s.name, s.lastChange])).toEqual([
      ['Управление образования (мероприятия района)', ''],
      ['МБОУ «СОШ № 1»', latest1],
      ['МБОУ «СОШ № 2»', latest2],
      ['МБОУ «Калиновская ООШ»', ''],
    ]);

    const created = d.run(() => createReport(request({ lastChanges: true })));
    const doc = d.runtime.documents().find((x) => x.id === created.docId)!;
    expect(changesTable(doc.body)).toEqual([
      ['Организация', 'Последнее изменение'],
      ['Управление образования (мероприятия района)', '—'],
      ['МБОУ «СОШ № 1»', latest1],
      ['МБОУ «СОШ № 2»', latest2],
      ['МБОУ «Калиновская ООШ»', '—'],
    ]);
    // Right after the figures per organisation, with what the dash means (Docs keeps an empty paragraph after a table).
    const visible = doc.body.filter((b) => b.type === 'table' || (b.type === 'paragraph' && b.text.trim()));
    const schools = visible.findIndex((b) => b.type === 'table' && b.rows[0]!.cells[1]!.text === 'Всего мероприятий');
    const note = visible[schools + 1]!;
    expect(note.type === 'paragraph' && note.text).toMatch(/^Последние изменения статуса, даты выполнения и срока мероприятий в планах организаций — по листу «История изменений» на 12\.07\.2023 \(«—» — изменений не записано\):$/);
    expect(visible[schools + 2]).toMatchObject({ type: 'table', rows: [{ cells: [{ text: 'Организация' }, { text: 'Последнее изменение' }] }, {}, {}, {}, {}] });
  });

  it('the same text as «Свод» shows for the school', () => {
    district();
    edit('Школа 1', '4.1', STATUS, 'В работе', SCHOOL1);
    d.run(() => buildSummary(d.ss()));
    const summary = texts(d.sheet('Свод'));
    const change = summary[0]!.indexOf('Последнее изменение');
    const preview = d.run(() => previewReport(request({ lastChanges: true })));
    expect(preview.schools[1]!.lastChange).toBe(summary.find((r) => r[1] === 'Школа 1')![change]);
    expect(preview.schools[1]!.lastChange).toMatch(new RegExp(`^10\\.07\\.2023 09:00, ${SCHOOL1}: строка \\d+, Статус: .* → В работе$`));
  });

  it('the option off: no table of changes in the Doc, none in the preview', () => {
    district();
    edit('Школа 1', '4.1', STATUS, 'Выполнено', SCHOOL1);
    const preview = d.run(() => previewReport(request({ lastChanges: false })));
    expect(preview.schools.every((s) => s.lastChange === null)).toBe(true);
    const created = d.run(() => createReport(request({ lastChanges: false })));
    const doc = d.runtime.documents().find((x) => x.id === created.docId)!;
    expect(changesTable(doc.body)).toBeUndefined();
    expect(doc.body.some((b) => b.type === 'paragraph' && b.text.includes('История изменений'))).toBe(false);
  });

  it('no history sheet yet: a dash for every organisation', () => {
    district();
    const created = d.run(() => createReport(request({ lastChanges: true })));
    const doc = d.runtime.documents().find((x) => x.id === created.docId)!;
    expect(changesTable(doc.body)!.slice(1).map((r) => r[1])).toEqual(['—', '—', '—', '—']);
  });
});
