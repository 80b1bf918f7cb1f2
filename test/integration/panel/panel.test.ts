// «Открыть панель»: an overview of the active roadmap that matches «Проверить», read without
// writing anything, and buttons that open the other sidebars.
import { afterEach, describe, expect, it } from 'vitest';
import { getPanelState, openFromPanel } from '../../../src/addon/panel';
import { checkRoadmap, recognizeTable } from '../../../src/addon/roadmap/actions';
import { createHarness, fixture, texts, type Harness } from '../roadmap/harness';

let h: Harness;
afterEach(() => h?.dispose());

describe('«Открыть панель»', () => {
  it('shows the colour counts and problem totals «Проверить» reports, and writes nothing', () => {
    const f = fixture('derbent-2023');
    h = createHarness('2023-03-15');
    h.runtime.seedSheet('Вставка', f.cells);
    h.run(() => recognizeTable());
    const check = h.run(() => checkRoadmap());
    const before = texts(h.sheet(check.sheetName));
    h.runtime.calls.reset();

    const state = h.run(() => getPanelState());

    expect(state.sheetName).toBe(check.sheetName);
    expect(state.today).toBe('2023-03-15');
    expect(state.hint).toBeNull();
    expect(state.overview).toEqual({
      plan: check.plan,
      soonDays: check.soonDays,
      errors: check.errors,
      warnings: check.warnings,
      colours: check.colours,
      legend: check.legend,
    });
    // Derbent on 15 March 2023: January deadlines are overdue, «Февраль - март» is in progress.
    const count = (key: string) => state.overview!.colours.find((c) => c.key === key)?.count ?? 0;
    expect(count('overdue')).toBeGreaterThan(0);
    expect(count('active')).toBeGreaterThan(0);
    expect(h.runtime.calls.count('Range.setValues') + h.runtime.calls.count('Sheet.setConditionalFormatRules')).toBe(0);
    expect(h.runtime.calls.count('Range.getValues')).toBe(1);
    expect(texts(h.sheet(check.sheetName))).toEqual(before);
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  });

  it('on a sheet that is not a roadmap, says what to do instead of failing', () => {
    h = createHarness('2023-03-15');
    h.runtime.seedSheet('Вставка', fixture('khabez-2021').cells.slice(0, 5));
    const state = h.run(() => getPanelState());
    expect(state.overview).toBeNull();
    expect(state.hint).toContain('Распознать таблицу');
  });

  it('its buttons open the other sidebars; an unknown one is refused in Russian', () => {
    h = createHarness('2023-03-15');
    h.run(() => openFromPanel('check'));
    const sidebars = h.runtime.uiEvents.filter((e) => e.type === 'sidebar');
    expect(sidebars.at(-1)).toMatchObject({ type: 'sidebar', title: 'Проверка дорожной карты' });
    expect(() => h.run(() => (openFromPanel as (x: string) => unknown)('delete-everything'))).toThrow(/Неверный запрос к серверу/);
  });
});
