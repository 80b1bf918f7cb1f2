// Our conditional-format rules replace only themselves, and the helper values behind them.
import { afterEach, describe, expect, it } from 'vitest';
import { deadlineStatus, parseDeadline } from '../../../src/core';
import { addDays } from '../../../src/core/dates';
import {
  OCCURRENCE_SLOTS, colourOfHelper, colourOfStatus, isOurRuleFormula, legend, pickOccurrences, rowHelper,
} from '../../../src/core/roadmap/colour';
import { parsePlanPeriod } from '../../../src/addon/roadmap/create';
import { checkRoadmap, recognizeTable, refreshRoadmap } from '../../../src/addon/roadmap/actions';
import { createHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(() => h?.dispose());

describe('conditional-format rules', () => {
  it('keeps rules that are not ours, and never duplicates ours', () => {
    h = createHarness('2023-06-01');
    const hh = h;
    hh.runtime.seedSheet('Вставка', [['№', 'Мероприятие', 'Срок', 'Ответственные'], ['1.', 'Семинар', 'Май 2023', 'Методист']]);
    hh.run(() => recognizeTable());
    hh.run(() => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка — дорожная карта')!;
      const mine = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$B2="Семинар"').setBackground('#123456').setRanges([sheet.getRange('B2:B50')]).build();
      sheet.setConditionalFormatRules([mine, ...sheet.getConditionalFormatRules()]);
    });
    const count = (): { ours: number; theirs: number } => {
      const rules = hh.sheet('Вставка — дорожная карта').conditionalRules;
      return { ours: rules.filter((r) => isOurRuleFormula(r.formula)).length, theirs: rules.filter((r) => !isOurRuleFormula(r.formula)).length };
    };
    const first = count();
    hh.run(() => refreshRoadmap());
    hh.run(() => checkRoadmap());
    expect(count()).toEqual(first);
    expect(first.theirs).toBe(1);
    expect(hh.sheet('Вставка — дорожная карта').conditionalRules[0]!.formula).toBe('=$B2="Семинар"');
  });
});

describe('helper values (pure)', () => {
  const plan = { planStart: '2023-01-01', planEnd: '2023-12-31' };

  it('a monthly deadline keeps the next occurrences from the day of writing, so colours hold for months', () => {
    const text = 'Ежемесячно';
    const d = parseDeadline(text, plan);
    expect(d.periods.length).toBeGreaterThan(OCCURRENCE_SLOTS);
    const written = '2023-02-10';
    const helper = rowHelper({ isSection: false, deadline: text }, plan, written);
    for (let day = written; day <= addDays(written, 110); day = addDays(day, 1)) {
      const expected = colourOfStatus(deadlineStatus(d, { today: day, done: false, soonDays: 14 }));
      expect(colourOfHelper(helper, day, 14), day).toBe(expected);
    }
  });

  it('pickOccurrences keeps the ones ending from today on, then fills with the latest past ones', () => {
    const periods = Array.from({ length: 12 }, (_, m) => ({ start: `2023-${String(m + 1).padStart(2, '0')}-01`, end: `2023-${String(m + 1).padStart(2, '0')}-28` }));
    expect(pickOccurrences(periods, '2023-03-15').map((p) => p.start.slice(5, 7))).toEqual(['03', '04', '05', '06', '07', '08']);
    expect(pickOccurrences(periods, '2023-11-15').map((p) => p.start.slice(5, 7))).toEqual(['07', '08', '09', '10', '11', '12']);
    expect(pickOccurrences(periods, '2024-03-01').map((p) => p.start.slice(5, 7))).toEqual(['07', '08', '09', '10', '11', '12']);
  });

  it('the «soon» legend in correct Russian for any threshold, and the plan period a person types', () => {
    const soon = (n: number) => legend(n).find((l) => l.key === 'soon')!.label;
    expect([0, 1, 5, 11, 14, 21, 22].map(soon)).toEqual([
      'Срок истекает сегодня', 'Срок истекает в течение 1 дня', 'Срок истекает в течение 5 дней', 'Срок истекает в течение 11 дней',
      'Срок истекает в течение 14 дней', 'Срок истекает в течение 21 дня', 'Срок истекает в течение 22 дней',
    ]);
    expect(parsePlanPeriod('2024–2026')).toEqual({ start: '2024-01-01', end: '2026-12-31' });
    expect(parsePlanPeriod('2025/2026 учебный год')).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(parsePlanPeriod('01.09.2025 – 31.08.2026')).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(parsePlanPeriod('31.02.2025 – 31.08.2026')).toBeNull();
    expect(parsePlanPeriod('2026–2024')).toBeNull();
  });
});
