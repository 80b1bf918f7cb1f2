import { describe, expect, it } from 'vitest';
import { harness } from './helpers';

function seedPlan(h: ReturnType<typeof harness>): GoogleAppsScript.Spreadsheet.Sheet {
  h.service.seedSheet('План', [
    ['Мероприятие', 'Статус', 'Конец'],
    ['Приказ', 'Выполнено', '01.02.2024'],
    ['Куратор', 'В работе', '01.03.2024'],
    ['Положение', 'В работе', '20.03.2024'],
    ['Мониторинг', '', ''],
  ]);
  return h.app.getActiveSpreadsheet().getSheetByName('План')!;
}

describe('conditional format rules', () => {
  it('stores the list, replaces it whole, and keeps rules that are not ours when re-set', () => {
    const h = harness();
    const sheet = seedPlan(h);
    const foreign = h.app.newConditionalFormatRule().whenCellEmpty().setBackground('#eeeeee').setRanges([sheet.getRange('A2:A')]).build();
    sheet.setConditionalFormatRules([foreign]);
    const ours = h.app.newConditionalFormatRule().whenFormulaSatisfied('=$B2="Выполнено"').setBackground('#b7e1cd')
      .setRanges([sheet.getRange('A2:C')]).build();
    const kept = sheet.getConditionalFormatRules().filter((r) => String(r.getBooleanCondition()?.getCriteriaType()) !== 'CUSTOM_FORMULA');
    sheet.setConditionalFormatRules([...kept, ours]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    expect(rules[1]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$B2="Выполнено"']);
    expect(rules[1]!.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:C1000']);
    sheet.setConditionalFormatRules([]);
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('evaluates custom formulas per cell relative to the range top-left, with TODAY() of the runtime', () => {
    const h = harness({ today: '2024-03-15' });
    const sheet = seedPlan(h);
    const rule = (formula: string, color: string) =>
      h.app.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(color).setRanges([sheet.getRange('A2:C')]).build();
    sheet.setConditionalFormatRules([
      rule('=$B2="Выполнено"', '#b7e1cd'),
      rule('=AND($C2<>"";$C2<TODAY())', '#f4c7c3'),
      rule('=AND($C2<>"";$C2-TODAY()<=14)', '#fce8b2'),
    ]);
    sheet.getRange('A5').setBackground('#cccccc');
    const bg = () => h.service.snapshot().sheets.find((s) => s.name === 'План')!.cells.slice(1).map((row) => row.map((c) => c?.background ?? null));
    expect(bg()).toEqual([
      ['#b7e1cd', '#b7e1cd', '#b7e1cd'], // done wins: the first matching rule applies
      ['#f4c7c3', '#f4c7c3', '#f4c7c3'], // overdue
      ['#fce8b2', '#fce8b2', '#fce8b2'], // due within 14 days
      ['#cccccc', null, null], // no date: the cell's own background
    ]);
    h.setToday('2024-03-21');
    expect(bg()[2]).toEqual(['#f4c7c3', '#f4c7c3', '#f4c7c3']); // the next days, colours follow with nothing re-run
  });
});
