import { describe, expect, it } from 'vitest';
import {
  buildReportDocument, defaultReportChoice, reportChecklist, reportPeriod, roadmapReport, type ReportPeriod, type ReportSourceRow,
} from '../../../src/core/report';
import { summarizeRows } from '../../../src/core/district/summary';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';

const row = (number: string, activity: string, deadline: string, status = '', doneDate = '', extra: Partial<ReportSourceRow> = {}): ReportSourceRow => ({
  number, isSection: false, activity, deadline, responsible: 'Куратор', status, doneDate, mark: '', ...extra,
});
const section = (number: string, activity: string): ReportSourceRow => ({ ...row(number, activity, ''), isSection: true, responsible: '' });

const PLAN = { start: '2024-01-01', end: '2024-12-31' };
const q = (index: 1 | 2 | 3 | 4) => reportPeriod({ kind: 'quarter', year: 2024, index }, PLAN) as ReportPeriod;

describe('reporting period', () => {
  it('calendar quarters, halves and years, with the words of the title', () => {
    expect(q(1)).toMatchObject({ start: '2024-01-01', end: '2024-03-31', words: 'за I квартал 2024 года' });
    expect(q(4)).toMatchObject({ start: '2024-10-01', end: '2024-12-31', words: 'за IV квартал 2024 года' });
    expect(reportPeriod({ kind: 'half', year: 2024, index: 2 }, PLAN)).toMatchObject({ start: '2024-07-01', end: '2024-12-31', words: 'за II полугодие 2024 года' });
    expect(reportPeriod({ kind: 'year', year: 2023 }, null)).toMatchObject({ start: '2023-01-01', end: '2023-12-31', words: 'за 2023 год' });
    expect(reportPeriod({ kind: 'range', start: '2023-09-01', end: '2023-12-31' }, null)).toMatchObject({ words: 'за период с 01.09.2023 по 31.12.2023' });
  });

  it('a February quarter ends on the 29th in a leap year; the whole plan needs a plan period', () => {
    expect(reportPeriod({ kind: 'quarter', year: 2024, index: 1 }, null)).toMatchObject({ end: '2024-03-31' });
    expect(reportPeriod({ kind: 'half', year: 2024, index: 1 }, null)).toMatchObject({ end: '2024-06-30' });
    expect(reportPeriod({ kind: 'plan' }, null)).toMatch(/период реализации/);
    expect(reportPeriod({ kind: 'range', start: '2024-05-01', end: '2024-04-01' }, null)).toMatch(/раньше даты начала/);
  });

  it('the default is the current quarter, or the one just ended in the first fortnight of a quarter', () => {
    expect(defaultReportChoice(PLAN, '2024-05-20')).toEqual({ kind: 'quarter', year: 2024, index: 2 });
    expect(defaultReportChoice(PLAN, '2024-04-03')).toEqual({ kind: 'quarter', year: 2024, index: 1 });
    expect(defaultReportChoice({ start: '2022-01-01', end: '2024-12-31' }, '2025-01-05')).toEqual({ kind: 'quarter', year: 2024, index: 4 });
    expect(defaultReportChoice({ start: '2022-01-01', end: '2024-12-31' }, '2026-03-01')).toEqual({ kind: 'plan' });
  });
});

describe('a roadmap report', () => {
  const rows: ReportSourceRow[] = [
    section('1.', 'Организационные мероприятия'),
    row('1.1.', 'Приказ о рабочей группе', 'До 15.02.2024', 'Выполнено', '2024-02-10'),
    row('1.2.', 'Положение', 'Март 2024', 'В работе'),
    row('1.3.', 'Семинар', 'Май 2024'),
    section('2.', 'Мониторинг'),
    row('2.1.', 'Мониторинг', 'Февраль, май 2024', ''),
    row('2.2.', 'Сбор базы', 'В течение года', 'В работе'),
    row('2.3.', 'Отменённое', 'Январь 2024', 'Отменено'),
    row('2.4.', 'Сделано заранее', 'Июнь 2024', 'Выполнено', '2024-03-20'),
    row('2.5.', 'Без срока', '', ''),
  ];
  const report = roadmapReport(rows, { plan: PLAN, period: q(1), today: '2024-04-10', soonDays: 7 });

  it('keeps the items due or done in the quarter, under their sections', () => {
    expect(report.lines.map((l) => l.number)).toEqual(['1.', '1.1.', '1.2.', '2.', '2.1.', '2.2.', '2.3.', '2.4.']);
  });

  it('prints the status as of today: overdue (in progress) for an open item whose every occurrence ended', () => {
    const status = Object.fromEntries(report.lines.flatMap((l) => (l.kind === 'item' ? [[l.number, l.statusText]] : [])));
    expect(status).toEqual({
      '1.1.': 'Выполнено', '1.2.': 'Просрочено (в работе)', '2.1.': 'Не начато', '2.2.': 'В работе', '2.3.': 'Отменено', '2.4.': 'Выполнено',
    });
  });

  it('period totals: 6 items, 2 done, 2 in progress, 1 overdue, 1 cancelled, 40 %', () => {
    expect(report.period).toMatchObject({ items: 6, done: 2, inProgress: 2, overdue: 1, cancelled: 1, share: 2 / 5 });
  });

  it('plan totals are the «Свод» figures of the whole sheet', () => {
    expect(report.plan).toMatchObject({ items: 8, done: 2, inProgress: 2, overdue: 1, cancelled: 1, noDate: 1 });
    expect(report.overdue.map((i) => [i.number, i.responsible])).toEqual([['1.2.', 'Куратор']]);
    // 2.5 has no deadline: no period holds it.
    expect(report.undated).toBe(1);
  });

  it('bars per section are disjoint and add up to the period items', () => {
    expect(report.bars).toEqual([
      { label: '1. Организационные мероприятия', done: 1, inProgress: 0, overdue: 1, cancelled: 0, planned: 0 },
      { label: '2. Мониторинг', done: 1, inProgress: 1, overdue: 0, cancelled: 1, planned: 1 },
    ]);
    const sum = report.bars.reduce((n, b) => n + b.done + b.inProgress + b.overdue + b.cancelled + b.planned, 0);
    expect(sum).toBe(report.period.items);
  });

  it('an empty selection counts nothing and has no share', () => {
    const none = roadmapReport(rows, { plan: PLAN, period: { start: '2030-01-01', end: '2030-03-31' }, today: '2024-04-10', soonDays: 7 });
    expect(none.lines).toEqual([]);
    expect(none.period).toEqual(summarizeRows([], '2024-04-10', 7));
  });
});

describe('the report document', () => {
  const rows = [section('1.', 'Раздел'), row('1.1.', 'Дело', 'До 01.02.2024', '', '', { responsible: 'Иванова И.И.' })];
  const own = roadmapReport(rows, { plan: PLAN, period: q(1), today: '2024-04-10', soonDays: 7 });
  const doc = buildReportDocument({
    requisites: DERBENT_REQUISITES, plan: { title: 'План мероприятий (дорожная карта) по подготовке к ГИА-9 на 2024 год', period: PLAN },
    period: q(1), date: '2024-04-10', dateStyle: 'long', own,
  });

  it('is titled with the plan in the genitive and the period, dated, number-free, and passes the checklist', () => {
    const heading = doc.blocks.find((b) => b.kind === 'paragraph' && b.role === 'heading');
    // The plan's own subject, in the genitive as the approval order has it (ГИА-9 spelled out after «к»).
    expect(heading && 'text' in heading ? heading.text : '').toMatch(/^Информация о ходе реализации плана мероприятий \(дорожной карты\) по подготовке к государственной итоговой аттестации .* на 2024 год за I квартал 2024 года$/);
    expect(doc.meta.number).toBe('');
    const texts = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts).toContain('Отчётный период: с 01.01.2024 по 31.03.2024. Сведения приведены по состоянию на 10 апреля 2024 г.');
    expect(doc.name).toMatch(/^Отчёт за I квартал 2024 г\. от 10\.04\.2024 — Информация о ходе реализации плана/);
    expect(reportChecklist(doc, { executor: true }).filter((c) => !c.ok)).toEqual([]);
  });

  it('the chart goes after the totals table', () => {
    const totals = doc.blocks[doc.chartAfter];
    expect(totals?.kind === 'table' && totals.rows[0]?.kind === 'header' ? totals.rows[0].cells[0] : '').toBe('Показатель');
  });
});
