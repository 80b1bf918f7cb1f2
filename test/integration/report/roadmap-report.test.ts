// «Отчёт о выполнении» of one roadmap for a fixed today, end to end in the in-memory Apps Script:
// the quarter's items and totals, reasoned out by hand from the fixtures' deadline texts (the
// comments say why each item is in or out), the Doc's requisites, tables and journal row.
import { describe, expect, it } from 'vitest';
import type { DocBlockSnapshot } from '../../../preview/gas';
import type { ReportRequest } from '../../../src/contract/report';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { createReport, getReportSetup, previewReport } from '../../../src/addon/report/endpoints';
import { canonicalValues, DERBENT_ORG, inRuntime, orgRows, ROADMAP_SHEET, seedRoadmap } from '../orders/helpers';
import { createGasRuntime, type GasRuntime } from '../../../preview/gas';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recognizeRoadmap } from '../../../src/core';

const STATUS = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
const DONE = CANONICAL_COLUMNS.findIndex((c) => c.key === 'doneDate') + 1;
const MARK = CANONICAL_COLUMNS.findIndex((c) => c.key === 'mark') + 1;

function plan(path: string): { title: string; values: string[][] } {
  const f = JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/roadmaps/${path}.json`, import.meta.url)), 'utf8')) as { cells: string[][] };
  const rec = recognizeRoadmap(f.cells);
  return { title: rec.plan!.title, values: canonicalValues(rec.plan!.title, rec.items) };
}

function world(path: string, today: string): { rt: GasRuntime; rowOf: (n: string) => number; edit: (n: string, col: number, text: string) => void } {
  const rt = createGasRuntime({ now: () => new Date(`${today}T09:30:00+03:00`), timeZone: 'Europe/Moscow', user: 'metodist@example.org', locale: 'ru_RU', htmlFile: () => '' });
  const p = plan(path);
  seedRoadmap(rt, p.values);
  rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
  const rowOf = (n: string) => p.values.findIndex((r) => r[0] === n) + 1;
  return { rt, rowOf, edit: (n, col, text) => rt.userEdit(ROADMAP_SHEET, rowOf(n), col, text) };
}

const request = (period: ReportRequest['period'], extra: Partial<ReportRequest> = {}): ReportRequest => ({
  scope: 'sheet', sheetName: ROADMAP_SHEET, period, schoolItems: false, lastChanges: false, chart: false, dateStyle: 'long',
  signatory: { position: DERBENT_ORG.headPosition, name: DERBENT_ORG.headName }, ...extra,
});

type Table = Extract<DocBlockSnapshot, { type: 'table' }>;
const tables = (body: DocBlockSnapshot[]): Table[] => body.filter((b): b is Table => b.type === 'table');
const texts = (t: Table): string[][] => t.rows.map((r) => r.cells.map((c) => c.text));
const paragraphs = (body: DocBlockSnapshot[]): string[] => body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));

/** Kalinovskaya on 10.07.2023 with the progress a school marked (the reasoning of the figures is below). */
function seeded() {
  const w = world('kalinovskaya-2022-2024', '2023-07-10');
  w.edit('1.1.', STATUS, 'Выполнено');
  w.edit('1.1.', DONE, '20.12.2021');
  w.edit('2.1', STATUS, 'В работе');
  w.edit('2.2', STATUS, 'В работе');
  w.edit('3.2', STATUS, 'Выполнено');
  w.edit('3.2', DONE, '10.04.2023');
  w.edit('3.3', STATUS, 'Выполнено');
  w.edit('3.3', DONE, '15.05.2023');
  w.edit('3.4', STATUS, 'Выполнено');
  w.edit('3.4', DONE, '25.05.2023');
  w.edit('3.4', MARK, 'Протокол итогового совещания от 25.05.2023 № 4');
  w.edit('5.2', STATUS, 'В работе');
  w.edit('5.5.', STATUS, 'Отменено');
  return w;
}

describe('a quarter report of the Kalinovskaya ЦМН roadmap (2022–2024) on 10.07.2023', () => {
  // II quarter 2023 = 01.04–30.06.2023. In it: «в течение всего периода» items 2.2, 2.3, 3.1, 4.1,
  // 4.2, 5.1 (the plan period overlaps it); 3.4 «Май 2022,2023,2024г» and 5.2 «май 2023-2024гг» (May
  // 2023); 5.4, 5.5 «июнь 2022,2023,2024гг» (June 2023). Out: section 1 (December 2021), 2.1
  // (январь–май 2022), 3.2 (январь 2022), 3.3 and 5.3 (external deadlines) — except that 3.2 and
  // 3.3 were completed in the quarter, which brings them in. So 12 items.

  it('previews the totals: 12 items in the quarter, 3 done, 2 in progress, none overdue, 1 cancelled, 27 %; the plan: 21 items, 7 overdue', () => {
    const w = seeded();
    const preview = inRuntime(w.rt, () => previewReport(request({ kind: 'quarter', year: 2023, index: 2 })));
    expect(preview.blocking).toEqual([]);
    // 3 done of 12 − 1 cancelled = 27 %.
    expect(preview.period).toEqual({ items: 12, done: 3, inProgress: 2, overdue: 0, cancelled: 1, percent: '27 %' });
    // The whole plan on 10.07.2023: 21 items; done 1.1, 3.2, 3.3, 3.4; in progress 2.1, 2.2, 5.2;
    // overdue 1.2–1.7 (December 2021) and 2.1 (May 2022); 4 done of 20 = 20 %.
    expect(preview.plan).toEqual({ items: 21, done: 4, inProgress: 3, overdue: 7, cancelled: 1, percent: '20 %' });
    expect(preview.overdue).toBe(7);
    // 5.3 «В соответствии со сроками, установленными Минпросвещения» and not done: out of every period.
    expect(preview.undated).toBe(1);
    expect(preview.periodText).toBe('за II квартал 2023 года');
    expect(preview.checklist.filter((c) => !c.ok)).toEqual([]);
    expect(preview.checklist.map((c) => c.label)).toContain('Отметка об исполнителе после подписи');
  });

  it('creates the Doc: number-free official document, items of the quarter under their sections, totals, overdue with responsible; logged as «отчёт»', () => {
    const w = seeded();
    const created = inRuntime(w.rt, () => createReport(request({ kind: 'quarter', year: 2023, index: 2 })));
    const [doc] = w.rt.documents();
    expect(doc!.name).toBe(created.name);
    expect(doc!.name).toMatch(/^Отчёт за II квартал 2023 г\. от 10\.07\.2023 — Информация о ходе реализации плана мероприятий \(дорожной карты\) реализации целевой модели наставничества/);
    const text = paragraphs(doc!.body);
    // One Doc paragraph per line of the header block, then the date (and no number).
    const head = DERBENT_ORG.fullName.split('\n');
    expect(text.slice(0, head.length)).toEqual(head);
    expect(text[head.length]).toBe('10 июля 2023 г.');
    expect(text.join('\n')).not.toMatch(/№ \d/);
    expect(text).toContain('Из 12 мероприятий отчётного периода выполнено 3 (27 %), в работе 2, просрочено 0, отменено 1.');
    expect(text.some((t) => t.startsWith('Мероприятия без определённого срока (1:'))).toBe(true);
    const [totals, items, overdue, signature] = tables(doc!.body);
    expect(texts(totals!)).toEqual([
      ['Показатель', 'За отчётный период', 'По плану в целом на 10.07.2023'],
      ['Мероприятий', '12', '21'], ['Выполнено', '3', '4'], ['В работе', '2', '3'], ['Просрочено', '0', '7'], ['Отменено', '1', '1'],
      ['Выполнено, % (без учёта отменённых)', '27 %', '20 %'],
    ]);
    const rows = texts(items!);
    expect(rows.map((r) => r[0])).toEqual(['№ п/п', '2', '2.2', '2.3', '3', '3.1.', '3.2', '3.3', '3.4', '4', '4.1', '4.2', '5', '5.1', '5.2', '5.4.', '5.5.']);
    expect(rows.find((r) => r[0] === '3.4')!.slice(2)).toEqual(['Май 2022,2023,2024г', 'Выполнено', '25.05.2023', 'Протокол итогового совещания от 25.05.2023 № 4']);
    expect(rows.find((r) => r[0] === '5.5.')![3]).toBe('Отменено');
    expect(rows.find((r) => r[0] === '5.4.')![3]).toBe('Не начато');
    // Section rows span the table and the header repeats (one Docs API batchUpdate).
    expect(items!.rows[1]!.cells[1]!.colSpan).toBe(5);
    expect(items!.pinnedHeaderRows).toBe(1);
    expect(texts(overdue!).map((r) => r[0])).toEqual(['№ п/п', '1.2.', '1.3.', '1.4.', '1.5', '1.6', '1.7', '2.1']);
    expect(texts(overdue!)[1]![3]).toBe('Администрация школы');
    expect(texts(signature!)[0]).toEqual([DERBENT_ORG.headPosition, 'С.А. Гаджибекова']);
    expect(text.slice(-2)).toEqual([DERBENT_ORG.executorName, DERBENT_ORG.executorPhone]);

    expect(created.docxUrl).toBe(`https://docs.google.com/document/d/${created.docId}/export?format=docx`);
    expect(created.pdfUrl).toBe(`https://docs.google.com/document/d/${created.docId}/export?format=pdf`);
    const journal = w.rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')!;
    const row = journal.cells[created.journalRow - 1]!.map((c) => c?.text ?? '');
    // The plan's own ALL-CAPS title in sentence case and the genitive, then the period.
    const heading = 'Информация о ходе реализации плана мероприятий (дорожной карты) реализации целевой модели наставничества в МБОУ «Калиновская ООШ» на 2022-2024 гг. за II квартал 2023 года';
    expect(text).toContain(heading);
    expect(row.slice(1, 4)).toEqual(['б/н', heading, created.url]);
    expect(row[6]).toBe('');
    expect(row[7]).toBe('отчёт');
  });
});

describe('a quarter report of a real plan: Феодосия, календарный план воспитательной работы 2023/2024', () => {
  // Source: test/fixtures/roadmaps/real/feodosia2-kpvr-2023-2024.json (its «source» URL). The plan
  // runs 01.09.2023–31.08.2024. III quarter 2023 = 01.07–30.09.2023 holds «сентябрь, в течение года»
  // (September 2023), both «В течение учебного года» items, 01.09 and 08.09; 04.10 falls in October.
  it('five items in the quarter; on 20.10.2023 08.09 and 04.10 are overdue in the plan', () => {
    const w = world('real/feodosia2-kpvr-2023-2024', '2023-10-20');
    const setup = inRuntime(w.rt, () => getReportSetup());
    expect(setup.plan).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    expect(setup.years).toEqual([2023, 2024]);
    // The items have no numbers in this plan: edit by the activity's row.
    const sheetRows = w.rt.snapshot().sheets.find((s) => s.name === ROADMAP_SHEET)!.cells.map((r) => r[1]?.text ?? '');
    const at = (start: string) => sheetRows.findIndex((t) => t.startsWith(start)) + 1;
    w.rt.userEdit(ROADMAP_SHEET, at('Оформление стендов'), STATUS, 'Выполнено');
    w.rt.userEdit(ROADMAP_SHEET, at('Оформление стендов'), DONE, '28.09.2023');
    w.rt.userEdit(ROADMAP_SHEET, at('Всероссийский открытый урок «ОБЖ» (урок подготовки'), STATUS, 'Выполнено');
    w.rt.userEdit(ROADMAP_SHEET, at('Всероссийский открытый урок «ОБЖ» (урок подготовки'), DONE, '01.09.2023');
    const preview = inRuntime(w.rt, () => previewReport(request({ kind: 'quarter', year: 2023, index: 3 })));
    // 2 done of 5 = 40 %; 08.09 passed undone.
    expect(preview.period).toEqual({ items: 5, done: 2, inProgress: 0, overdue: 1, cancelled: 0, percent: '40 %' });
    // The plan: 6 items, 2 done (33 %), 08.09 and 04.10 overdue.
    expect(preview.plan).toEqual({ items: 6, done: 2, inProgress: 0, overdue: 2, cancelled: 0, percent: '33 %' });
    expect(preview.heading).toMatch(/^Информация о ходе реализации календарного плана воспитательной работы .* за III квартал 2023 года$/);
  });
});

describe('the chart seam: an image after the totals', () => {
  /** A PNG's signature and IHDR chunk: enough for Docs (and our runtime) to read its size. */
  const png = (width: number, height: number): number[] => [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    (width >>> 24) & 255, (width >>> 16) & 255, (width >>> 8) & 255, width & 255,
    (height >>> 24) & 255, (height >>> 16) & 255, (height >>> 8) & 255, height & 255, 8, 2, 0, 0, 0,
  ];

  it('goes right after the totals table, scaled to the text width; the tables after it are still merged and pinned', async () => {
    const { collectReport } = await import('../../../src/addon/report/collect');
    const { renderReportDoc } = await import('../../../src/addon/report/render');
    const w = seeded();
    inRuntime(w.rt, () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const report = collectReport(ss, request({ kind: 'quarter', year: 2023, index: 2 }), '2023-07-10', 'Europe/Moscow').doc!;
      // The chart's bars, per section of the quarter (disjoint: done, in progress, overdue, cancelled, planned).
      expect(report.bars.map(({ label, ...n }) => [label.split(' ')[0], n])).toEqual([
        ['2', { done: 0, inProgress: 1, overdue: 0, cancelled: 0, planned: 1 }],
        ['3', { done: 3, inProgress: 0, overdue: 0, cancelled: 0, planned: 1 }],
        ['4', { done: 0, inProgress: 0, overdue: 0, cancelled: 0, planned: 2 }],
        ['5', { done: 0, inProgress: 1, overdue: 0, cancelled: 1, planned: 2 }],
      ]);
      const doc = DocumentApp.create('x');
      const chart = Utilities.newBlob(png(1200, 600), 'image/png', 'chart.png');
      const warnings = renderReportDoc(doc, report, chart, doc.getId());
      expect(warnings).toEqual([]);
    });
    const body = w.rt.documents()[0]!.body;
    const totals = body.findIndex((b) => b.type === 'table');
    const at = body.findIndex((b) => b.type === 'paragraph' && !!b.images?.length);
    const next = body.findIndex((b) => b.type === 'paragraph' && b.text === '2. Выполнение мероприятий');
    // After the totals table (and the empty paragraph Docs keeps after a table), before the next part.
    expect(at).toBeGreaterThan(totals);
    expect(at).toBeLessThan(next);
    const image = body[at];
    expect(image?.type === 'paragraph' ? image.images?.[0] : null).toMatchObject({ contentType: 'image/png' });
    // A4 minus 30 and 15 mm margins = 165 mm ≈ 467.7 pt = 623 px; 1200 × 600 keeps its proportions.
    expect(image?.type === 'paragraph' ? [image.images![0]!.width, image.images![0]!.height] : null).toEqual([623, 312]);
    const items = tables(body)[1]!;
    expect(items.rows[1]!.cells[1]!.colSpan).toBe(5);
    expect(items.pinnedHeaderRows).toBe(1);
  });
});

describe('a report Google interrupts midway', () => {
  it('is recorded unfinished with its link; pressing again fills the same Doc and finishes the same journal row', async () => {
    const { armFault, disarmFault } = await import('../../../preview/gas');
    const req = request({ kind: 'quarter', year: 2023, index: 2 });
    // Which call lays the items table: found on a clean run in a world of its own.
    const probe = seeded();
    const counter = armFault(probe.rt.tracker, null);
    inRuntime(probe.rt, () => createReport(req));
    const at = counter.keys.indexOf('Body.appendTable', counter.keys.indexOf('Body.appendTable') + 1) + 1;
    disarmFault(probe.rt.tracker);
    expect(at).toBeGreaterThan(0);

    const w = seeded();
    armFault(w.rt.tracker, { at, timing: 'before' });
    let message = '';
    try {
      inRuntime(w.rt, () => createReport(req));
    } catch (error) {
      message = (error as Error).message;
    }
    disarmFault(w.rt.tracker);
    const [doc] = w.rt.documents();
    expect(message).toMatch(/^Отчёт сформирован не до конца: /);
    expect(message).toContain(doc!.url);
    const journal = () => w.rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')!.cells.map((r) => r.map((c) => c?.text ?? ''));
    expect(journal()).toHaveLength(2);
    expect(journal()[1]!.slice(1, 8)).toEqual(['б/н', expect.stringMatching(/^Информация о ходе реализации/), doc!.url, expect.any(String), expect.any(String), 'не завершён: документ заполнен не полностью', 'отчёт']);

    const again = inRuntime(w.rt, () => createReport(req));
    expect(again.url).toBe(doc!.url);
    expect(again.warnings[0]).toBe('Этот отчёт не был завершён в прошлый раз: его документ заполнен заново.');
    expect(w.rt.documents()).toHaveLength(1);
    expect(journal()).toHaveLength(2);
    expect(journal()[1]![6]).toBe('');
    expect(tables(w.rt.documents()[0]!.body)).toHaveLength(4);
  });
});

describe('a journal made by an earlier version', () => {
  it('gets the «Состояние» and «Вид документа» headers; its orders keep their rows and their numbering', async () => {
    const { getOrderSetup } = await import('../../../src/addon/orders/endpoints');
    const w = seeded();
    w.rt.seedSheet('Журнал приказов', [
      ['Дата', 'Номер', 'Заголовок', 'Ссылка', 'Кто создал', 'Когда создан'],
      ['01.06.2023', '7', 'Об утверждении плана', 'https://docs.google.com/document/d/old/edit', 'a@example.org', '01.06.2023 10:00'],
    ]);
    const created = inRuntime(w.rt, () => createReport(request({ kind: 'quarter', year: 2023, index: 2 })));
    const journal = w.rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')!.cells.map((r) => r.map((c) => c?.text ?? ''));
    expect(journal[0]).toEqual(['Дата', 'Номер', 'Заголовок', 'Ссылка', 'Кто создал', 'Когда создан', 'Состояние', 'Вид документа']);
    expect(journal[1]!.slice(1, 4)).toEqual(['7', 'Об утверждении плана', 'https://docs.google.com/document/d/old/edit']);
    expect(created.journalRow).toBe(3);
    expect(journal[2]!.slice(1, 2).concat(journal[2]![7]!)).toEqual(['б/н', 'отчёт']);
    // The report took no number: the next order of 2023 is still № 8.
    expect(inRuntime(w.rt, () => getOrderSetup('approval')).nextNumber).toBe('8');
  });
});

describe('a plan whose title names no subject', () => {
  // Source: test/fixtures/roadmaps/real/art39-dou-readiness-2024-2025.json — its first line is the
  // attachment mark «Приложение к Акту готовности МБДОУ № 39 …», not the plan's name.
  it('blocks the Doc until the person types the plan\u2019s name in the form; then the heading carries it', () => {
    const w = world('real/art39-dou-readiness-2024-2025', '2025-01-15');
    const req = request({ kind: 'plan' });
    const blocked = inRuntime(w.rt, () => previewReport(req));
    expect(blocked.blocking.join('\n')).toMatch(/это отметка о приложении, а не название плана\. Впишите название плана в поле «Название плана» этой панели/);
    expect(() => inRuntime(w.rt, () => createReport(req))).toThrow(/^Отчёт не создан\./);
    expect(w.rt.documents()).toHaveLength(0);
    const named = inRuntime(w.rt, () => previewReport({ ...req, planTitle: 'План мероприятий по подготовке МБДОУ № 39 к 2024/2025 учебному году' }));
    expect(named.blocking).toEqual([]);
    expect(named.heading).toBe('Информация о ходе реализации плана мероприятий по подготовке МБДОУ № 39 к 2024/2025 учебному году за весь период реализации (с 01.09.2024 по 31.08.2025)');
  });
});

describe('the report with its progress chart', () => {
  it('draws the sections\u2019 bars on the add-on\u2019s chart sheet and puts the picture right after the totals', () => {
    const w = seeded();
    const created = inRuntime(w.rt, () => createReport(request({ kind: 'quarter', year: 2023, index: 2 }, { chart: true })));
    expect(created.warnings).toEqual([]);
    const body = w.rt.documents()[0]!.body;
    const totals = body.findIndex((b) => b.type === 'table');
    const at = body.findIndex((b) => b.type === 'paragraph' && !!b.images?.length);
    expect(at).toBeGreaterThan(totals);
    expect(at).toBeLessThan(body.findIndex((b) => b.type === 'paragraph' && b.text === '2. Выполнение мероприятий'));
    const image = body[at]!;
    expect(image.type === 'paragraph' ? image.images![0]!.contentType : '').toBe('image/png');
    // The chart's data: one row per section of the quarter (2–5), the series as core counted them.
    const data = w.rt.snapshot().sheets.find((s) => s.name === 'Данные диаграммы (служебное)')!.cells.map((r) => r.slice(0, 6).map((c) => c?.text ?? ''));
    expect(data[0]).toEqual(['', 'Выполнено', 'В работе', 'Просрочено', 'Отменено', 'Запланировано']);
    expect(data.slice(1, 5).map((r) => [r[0]!.split(' ')[0], ...r.slice(1)])).toEqual([
      ['2', '0', '1', '0', '0', '1'], ['3', '3', '0', '0', '0', '1'], ['4', '0', '0', '0', '0', '2'], ['5', '0', '1', '0', '1', '2'],
    ]);
    // The tables after the picture are still merged and pinned (the picture is one Docs API index).
    expect(tables(body)[1]!.rows[1]!.cells[1]!.colSpan).toBe(5);
  });
});
