// The findings of issue 14 the fault suite counts, one by one, as a person meets them.
import { afterEach, describe, expect, it } from 'vitest';
import { armFault, disarmFault, ServiceError, SERVER_ERROR, type GasRuntime } from '../../../preview/gas';
import { JOURNAL_SHEET } from '../../../src/core/order/journal';
import { continueDistribution, startDistribution } from '../../../src/addon/district/distribute';
import { PREPARED_SHEET } from '../../../src/addon/district/school-sheet';
import { createDistrict, fixture as districtFixture, METODIST, OWNER, SCHOOL1, THREE_SCHOOLS } from '../district/harness';
import { distribute, order, recognise } from './scenarios';
import type { World } from './harness';

let w: World | null = null;
afterEach(() => w?.dispose());

const journal = (rt: GasRuntime) => (rt.snapshot({ evaluate: false }).sheets.find((s) => s.name === JOURNAL_SHEET)?.cells ?? [])
  .map((r) => r.map((c) => c?.text ?? ''));

describe('an order whose Doc fails midway', () => {
  it('is listed in the journal as unfinished with its link, the message says so, and pressing again fills the same Doc', () => {
    w = order.setup();
    const rt = w.rt;
    // The 60th call is inside the rendering of the Doc (the Doc exists, it is half filled).
    armFault(rt.tracker, { at: 60 });
    const first = order.act(w);
    disarmFault(rt.tracker);
    expect(first.ok).toBe(false);
    const docs = rt.documents();
    expect(docs).toHaveLength(1);
    const rows = journal(rt);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(docs[0]!.url);
    expect(rows[1]![6]).toMatch(/^не завершён/);
    expect(first.message).toContain(docs[0]!.url);
    expect(first.message).toMatch(/сформирован не до конца.*Сервер Google временно не ответил.*строку 2 как незавершённый.*ещё раз с тем же номером/);

    const again = order.act(w);
    expect(again).toMatchObject({ ok: true });
    expect(rt.documents().map((d) => d.id)).toEqual([docs[0]!.id]);
    const after = journal(rt);
    expect(after).toHaveLength(2);
    expect(after[1]![6]).toBe('');
    expect(after[1]).toContain(docs[0]!.url);
  });

  it('a third press with the same number is refused as a duplicate', () => {
    w = order.setup();
    expect(order.act(w).ok).toBe(true);
    const second = order.act(w);
    expect(second.ok).toBe(false);
    expect(second.message).toMatch(/уже есть в журнале/);
    expect(w.rt.documents()).toHaveLength(1);
  });
});

describe('recognition', () => {
  it('once the new sheet exists, a failure to show the summary says the sheet was made, and nothing is undone', () => {
    const first = recognise.setup();
    w = first;
    const counter = armFault(first.rt.tracker, null);
    recognise.act(first);
    const total = counter.calls;
    first.dispose();
    const rw = recognise.setup();
    w = rw;
    // The last call opens the sidebar.
    armFault(rw.rt.tracker, { at: total });
    const outcome = recognise.act(rw);
    disarmFault(w.rt.tracker);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^Таблица распознана: создан лист «Вставка — дорожная карта».*Сервер Google временно не ответил/);
    expect(w.rt.snapshot({ evaluate: false }).sheets.map((s) => s.name)).toContain('Вставка — дорожная карта');
  });

  it('Google failing the very first call is explained in Russian, not shown in English', () => {
    const rw = recognise.setup();
    w = rw;
    armFault(rw.rt.tracker, { at: 1 });
    const outcome = recognise.act(rw);
    disarmFault(w.rt.tracker);
    expect(outcome.message).not.toContain(SERVER_ERROR);
    expect(outcome.message).toMatch(/Сервер Google временно не ответил.*Действие не выполнено/);
  });
});

describe('a distribution', () => {
  it('puts the registry\'s protection right at the start of every batch, so one left half set is completed by «Продолжить рассылку»', () => {
    const d = createDistrict('2023-06-10', districtFixture('derbent-2023'), THREE_SCHOOLS);
    w = { rt: d.runtime, dispose: d.dispose };
    const first = d.run(() => startDistribution(d.ss(), d.templateId, 0)); // a batch of one school
    expect(first.finished).toBe(false);
    const registryEditors = () => d.sheet('Организации').protections[0]!.editors.sort();
    expect(registryEditors()).toEqual([METODIST, OWNER].sort());
    // What a run cut off between addEditors and removeEditors can leave: a school on the registry.
    d.run(() => d.ss().getSheetByName('Организации')!.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]!.addEditor(SCHOOL1));
    expect(registryEditors()).toContain(SCHOOL1);
    d.run(() => continueDistribution(d.ss(), 0));
    expect(registryEditors()).toEqual([METODIST, OWNER].sort());
  });

  it('a sheet copy Google made while reporting that copying failed is removed; the school is named and the rerun makes it once', () => {
    const probe = distribute.setup();
    const counter = armFault(probe.rt.tracker, null);
    distribute.act(probe);
    const k = counter.keys.indexOf('Sheet.copyTo') + 1;
    probe.dispose();
    expect(k).toBeGreaterThan(0);
    const dw = distribute.setup();
    w = dw;
    armFault(dw.rt.tracker, { at: k, timing: 'after' });
    const outcome = distribute.act(dw);
    disarmFault(dw.rt.tracker);
    const names = () => dw.rt.snapshot({ evaluate: false }).sheets.map((s) => s.name);
    expect(names().filter((n) => n.includes(PREPARED_SHEET))).toEqual([]);
    expect(names()).not.toContain('Школа 1');
    expect(outcome.message).toMatch(/Не удалось: «Школа 1»: .*Сервер Google временно не ответил/);
    expect(distribute.rerun!(dw).ok).toBe(true);
    expect(names().filter((n) => /^Школа \d$|^Калиновская$/.test(n)).sort()).toEqual(['Калиновская', 'Школа 1', 'Школа 2']);
  });
});

describe('the fault injector', () => {
  it('fails exactly the k-th call, before it runs or after it took effect', () => {
    w = recognise.setup();
    const rt = w.rt;
    const props = () => rt.globals.PropertiesService.getDocumentProperties();
    const before = armFault(rt.tracker, { at: 2 });
    const p = props();
    expect(() => p.setProperty('a', '1')).toThrow(ServiceError);
    expect(before.fired).toBe('Properties.setProperty');
    expect(rt.properties('document')['a']).toBeUndefined();
    armFault(rt.tracker, { at: 2, timing: 'after' });
    const q = props();
    expect(() => q.setProperty('a', '1')).toThrow(SERVER_ERROR);
    expect(rt.properties('document')['a']).toBe('1');
    disarmFault(rt.tracker);
    expect(() => props().setProperty('b', '2')).not.toThrow();
  });
});
