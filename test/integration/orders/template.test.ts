// «Шаблон приказа»: the template Doc with documented placeholders, and orders made from it where
// values full of regex and replacement syntax come out exactly as typed.
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../../src/contract/orders';
import { PLACEHOLDERS } from '../../../src/core';
import { createOrder, createOrderTemplate, getOrderSetup } from '../../../src/addon/orders/endpoints';
import { TEMPLATE_PROPERTY } from '../../../src/addon/orders/template';
import { DERBENT_ORG, TODAY, canonicalFromFixture, flatText, inRuntime, newRuntime, orgRows, seedRoadmap } from './helpers';

const HOSTILE = {
  shortName: 'МБОУ «Школа $1 \\d (a|b) [x]»',
  heading: 'О проверке $& и $1, \\1 \\n C:\\Users\\ ^.*+?(){}[]| {{Номер}}',
  basis: 'В соответствии с $$ и \\\\ — «кавычки» и $0',
  point: 'Назначить ответственным $2 (руб.) за [сбор] {данных}.',
};

function setup() {
  const rt = newRuntime();
  const seeded = canonicalFromFixture('kalinovskaya-2022-2024');
  seedRoadmap(rt, seeded.values);
  rt.seedSheet('Организации', orgRows([{ ...DERBENT_ORG, shortName: HOSTILE.shortName }]));
  return { rt, seeded };
}

const request = (extra: Partial<OrderRequest>): OrderRequest => ({
  mode: 'approval',
  date: TODAY,
  number: '3-од',
  dateStyle: 'long',
  heading: HOSTILE.heading,
  basis: HOSTILE.basis,
  points: [HOSTILE.point, 'Контроль за исполнением настоящего приказа оставляю за собой.'],
  signatory: { position: 'Начальник', name: 'Гаджибекова Саида Алиевна' },
  appendix: 'all',
  sections: [],
  row: null,
  useTemplate: true,
  acceptRoadmapProblems: true,
  ...extra,
});

describe('own order template', () => {
  it('creates an editable Doc with every documented placeholder and remembers it in the document properties', () => {
    const { rt } = setup();
    const doc = inRuntime(rt, () => createOrderTemplate());
    expect(rt.properties('document')[TEMPLATE_PROPERTY]).toBe(doc.id);
    const snap = rt.documents().find((d) => d.id === doc.id)!;
    const text = flatText(snap.body).join('\n');
    for (const p of Object.values(PLACEHOLDERS)) expect(text).toContain(p.token);
    expect(text).toContain('Справка по меткам шаблона');
    expect(inRuntime(rt, () => getOrderSetup('approval')).template?.id).toBe(doc.id);
  });

  it('fills the placeholders literally: $, \\, brackets and a value containing a placeholder come out as typed', () => {
    const { rt, seeded } = setup();
    const template = inRuntime(rt, () => createOrderTemplate());
    const created = inRuntime(rt, () => createOrder(request({})));
    const doc = rt.documents().find((d) => d.id === created.docId)!;
    expect(doc.id).not.toBe(template.id);
    const text = flatText(doc.body);
    expect(text).toContain(HOSTILE.heading);
    expect(text.some((t) => t.startsWith(`${HOSTILE.basis},`))).toBe(true);
    expect(text).toContain(`1. ${HOSTILE.point}`);
    expect(text.some((t) => t.includes(`к приказу ${HOSTILE.shortName}`))).toBe(true);
    expect(text).toContain('РЕСПУБЛИКА ДАГЕСТАН');
    // The appendix starts on a new page; the order does not end with a blank page.
    expect(text.indexOf('\f')).toBeGreaterThan(text.indexOf(`1. ${HOSTILE.point}`));
    expect(text.indexOf('\f')).toBeLessThan(text.indexOf('Приложение № 1'));
    expect(text.filter((t) => t === '\f')).toHaveLength(1);
    expect(text).toContain('МР «ДЕРБЕНТСКИЙ РАЙОН»');
    // No placeholder and no private marker is left; the legend page is not copied.
    const all = text.join('\n');
    expect(all.replace(HOSTILE.heading, '')).not.toMatch(/\{\{[^}]*\}\}/);
    expect(all).not.toMatch(/\u2063/);
    expect(all).not.toContain('Справка по меткам шаблона');
    // {{Таблица}} became the roadmap table.
    const table = doc.body.filter((b) => b.type === 'table').pop();
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.rows.slice(1).map((r) => r.cells[0]!.text)).toEqual(seeded.items.map((i) => i.number));
    // The template's page setup (ГОСТ) is carried over, and the template itself is untouched.
    expect(doc.page.marginLeft).toBeCloseTo(85.04, 1);
    const tpl = rt.documents().find((d) => d.id === template.id)!;
    expect(flatText(tpl.body).join('\n')).toContain(PLACEHOLDERS.heading.token);
  });

  it('a template that is gone: a Russian message, nothing written', () => {
    const { rt } = setup();
    inRuntime(rt, () => PropertiesService.getDocumentProperties().setProperty(TEMPLATE_PROPERTY, 'no-such-doc'));
    expect(() => inRuntime(rt, () => createOrder(request({})))).toThrow(/Шаблон приказа не удалось открыть: возможно, он удалён/);
    expect(rt.snapshot().sheets.find((s) => s.name === 'Журнал приказов')).toBeUndefined();
  });
});

describe('what the user\'s template has, the order keeps', () => {
  it('a header the person added in Docs (page numbers, a letterhead) survives into the order, with the ГОСТ date/number line', () => {
    const { rt } = setup();
    const template = inRuntime(rt, () => createOrderTemplate());
    inRuntime(rt, () => {
      const doc = DocumentApp.openById(template.id);
      // Docs offers scripts no page-number field; the person inserts one in Docs. Its paragraph is what the order copies.
      doc.addHeader().getParagraphs()[0]!.setText('Бланк МКУ «Управление образования» — стр.');
      doc.saveAndClose();
    });
    const created = inRuntime(rt, () => createOrder(request({})));
    const doc = rt.documents().find((d) => d.id === created.docId)!;
    expect(flatText(doc.header)).toEqual(['Бланк МКУ «Управление образования» — стр.']);
    const dateNumber = doc.body.find((b) => b.type === 'table' && b.rows.length === 1 && b.rows[0]!.cells.length === 2);
    expect(dateNumber?.type === 'table' && dateNumber.rows[0]!.cells.map((c) => [c.text, c.alignment ?? null])).toEqual([['23 ноября 2026 г.', null], ['№ 3-од', 'RIGHT']]);
  });
});
