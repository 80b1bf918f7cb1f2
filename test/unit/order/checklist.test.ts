// ГОСТ Р 7.0.97-2025 requisites of the order model: every fixture roadmap's approval order and a
// single-row order pass the checklist; a model that breaks a requisite fails exactly that item.
import { describe, expect, it } from 'vitest';
import { buildApprovalOrder, buildRowOrder, executorSpacingPt, orderChecklist, type OrderDocument } from '../../../src/core/order';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';
import { FIXTURES, loadFixture } from './fixture-roadmaps';

const failing = (order: OrderDocument, opts = { place: true, executor: true }) => orderChecklist(order, opts).filter((i) => !i.ok).map((i) => i.id);

function approval(file: (typeof FIXTURES)[number], extra: Partial<Parameters<typeof buildApprovalOrder>[0]['options']> = {}) {
  const f = loadFixture(file);
  return buildApprovalOrder({
    requisites: DERBENT_REQUISITES,
    roadmap: { title: f.titleRows.join(' ').slice(-200), period: { start: f.plan[0], end: f.plan[1] }, items: f.rows },
    options: { date: '2026-02-01', number: '12', dateStyle: 'long', appendixRows: 'all', ...extra },
  });
}

describe('ГОСТ Р 7.0.97-2025 checklist on the order model', () => {
  it.each(FIXTURES)('the approval order of %s passes every item', (file) => {
    expect(failing(approval(file))).toEqual([]);
    expect(failing(approval(file, { dateStyle: 'numeric', landscapeAppendix: true, font: { family: 'PT Astra Serif', bodyPt: 12, tablePt: 11 } }))).toEqual([]);
  });

  it('lists the requisites a clerk checks, in Russian', () => {
    const ids = orderChecklist(approval('derbent-2023'), { place: true, executor: true }).map((i) => i.id);
    expect(ids).toEqual(['organisation', 'docType', 'dateNumber', 'place', 'heading', 'text', 'command', 'points', 'signature', 'executor', 'appendixMark', 'approvalStamp', 'page', 'font']);
  });

  it('a single-row order passes too (no appendix items)', () => {
    const f = loadFixture('khabez-2021');
    const doc = buildRowOrder(f.rows.find((r) => r.number === '4.')!, DERBENT_REQUISITES, { date: '2021-01-15', number: '5/1', dateStyle: 'numeric', plan: { title: f.titleRows.slice(8, 11).join(' '), period: { start: f.plan[0], end: f.plan[1] } } });
    expect(failing(doc)).toEqual([]);
  });

  it('fails the item a broken model breaks', () => {
    const order = approval('kalinovskaya-2022-2024');
    expect(failing(approval('kalinovskaya-2022-2024', { dateNumberLayout: 'stacked' }))).toEqual(['dateNumber']);
    expect(failing(approval('kalinovskaya-2022-2024', { heading: 'Об утверждении плана.' }))).toEqual(['heading']);
    expect(failing({ ...order, font: { ...order.font, bodyPt: 16 } })).toEqual(['font']);
    expect(failing(approval('kalinovskaya-2022-2024', { signatory: { position: 'Директор', name: 'директор школы' } }))).toEqual(['signature']);
  });

  it('puts the executor note at the foot of a one-page order, and leaves it after the signature when the text runs longer', () => {
    const order = approval('derbent-2023');
    const executor = order.blocks.find((b) => b.kind === 'paragraph' && b.role === 'executor');
    expect(executor?.kind === 'paragraph' && (executor.style.spaceBeforePt ?? 0)).toBeGreaterThan(36);
    const long = approval('derbent-2023', { points: Array.from({ length: 40 }, (_, i) => `Пункт ${i + 1}: очень длинный текст пункта распорядительной части приказа, который занимает не одну строку на странице.`) });
    const after = long.blocks.find((b) => b.kind === 'paragraph' && b.role === 'executor');
    expect(after?.kind === 'paragraph' && after.style.spaceBeforePt).toBe(36);
    expect(executorSpacingPt([], order)).toBeGreaterThan(500);
  });
});
