// Bad input and failures: nothing half-done. A busy lock, the Docs quota and missing requisites
// each leave no Doc and no journal row, and say why in Russian.
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../../src/contract/orders';
import { createOrder, getOrderSetup } from '../../../src/addon/orders/endpoints';
import { LOCK_BUSY_MESSAGE } from '../../../src/addon/orders/create';
import { DERBENT_ORG, TODAY, canonicalFromFixture, inRuntime, newRuntime, orgRows, type OrgValues, seedRoadmap } from './helpers';

function runtimeWith(org: OrgValues | null) {
  const rt = newRuntime();
  seedRoadmap(rt, canonicalFromFixture('derbent-2023').values);
  if (org) rt.seedSheet('Организации', orgRows([org]));
  return rt;
}

const request: OrderRequest = {
  mode: 'approval',
  date: TODAY,
  number: '1',
  dateStyle: 'numeric',
  heading: '',
  basis: '',
  points: ['Утвердить план мероприятий (приложение № 1).'],
  signatory: { position: '', name: '' },
  appendix: 'all',
  sections: [],
  row: null,
  useTemplate: false,
  acceptRoadmapProblems: true,
};

const journalRows = (rt: ReturnType<typeof newRuntime>) => rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')?.lastRow ?? 0;

describe('orders that must not be created', () => {
  it('a lock held by another execution: a clear message, no Doc, no journal row', () => {
    const rt = runtimeWith(DERBENT_ORG);
    const release = rt.holdDocumentLock();
    expect(() => inRuntime(rt, () => createOrder(request))).toThrow(LOCK_BUSY_MESSAGE);
    expect(rt.documents()).toHaveLength(0);
    expect(journalRows(rt)).toBe(0);
    release();
    // Once the other execution is done, the same request succeeds.
    inRuntime(rt, () => createOrder(request));
    expect(rt.documents()).toHaveLength(1);
    expect(journalRows(rt)).toBe(2);
  });

  it('the daily Docs quota: a Russian message about the limit, no journal row', () => {
    const rt = runtimeWith(DERBENT_ORG);
    rt.setDocsQuota(0);
    expect(() => inRuntime(rt, () => createOrder(request))).toThrow(/Превышен дневной лимит Google на создание документов.*журнал не изменён/);
    expect(rt.documents()).toHaveLength(0);
    expect(journalRows(rt)).toBe(0);
  });

  it('missing requisites are listed by name, row and column; nothing is created', () => {
    const rt = runtimeWith({ ...DERBENT_ORG, headName: '', headPosition: '' });
    const setup = inRuntime(rt, () => getOrderSetup('approval'));
    expect(setup.blocking.join('\n')).toMatch(/строка 2, столбец D «Должность руководителя»/);
    expect(setup.blocking.join('\n')).toMatch(/строка 2, столбец E «ФИО руководителя»/);
    expect(() => inRuntime(rt, () => createOrder(request))).toThrow(/Приказ не создан: не заполнены или неверны реквизиты организации[^]*ФИО руководителя/);
    expect(rt.documents()).toHaveLength(0);
    expect(journalRows(rt)).toBe(0);
  });

  it('no «Организации» sheet: the sidebar says so and names the requisites; the sheet is not created by reading', () => {
    const rt = runtimeWith(null);
    const setup = inRuntime(rt, () => getOrderSetup('approval'));
    expect(setup.blocking[0]).toMatch(/Нет листа «Организации»/);
    expect(setup.blocking.join('\n')).toMatch(/Полное наименование организации/);
    expect(rt.snapshot().sheets.map((s) => s.name)).not.toContain('Организации');
    expect(() => inRuntime(rt, () => createOrder(request))).toThrow(/Приказ не создан/);
    expect(rt.documents()).toHaveLength(0);
  });

  it('roadmap errors must be confirmed before the order is created', () => {
    const rt = newRuntime();
    const seeded = canonicalFromFixture('khabez-2021');
    // An item without its activity is an error of the roadmap (sheet row 4: title, header, then items).
    const broken = seeded.values.map((r) => [...r]);
    broken[3]![1] = '';
    seedRoadmap(rt, broken);
    rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
    const setup = inRuntime(rt, () => getOrderSetup('approval'));
    expect(setup.roadmapErrorCount).toBeGreaterThanOrEqual(1);
    expect(setup.roadmapProblems[0]).toMatch(/^Строка 4, столбец «Мероприятие»/);
    expect(() => inRuntime(rt, () => createOrder({ ...request, acceptRoadmapProblems: false }))).toThrow(/В дорожной карте есть ошибки/);
    expect(rt.documents()).toHaveLength(0);
    inRuntime(rt, () => createOrder(request));
    expect(rt.documents()).toHaveLength(1);
  });
});
