import { describe, expect, it } from 'vitest';
import { harness } from './helpers';

describe('formulas', () => {
  it('computes values on read and returns formulas from getFormulas', () => {
    const { app } = harness({ today: '2024-03-15' });
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:A4').setValues([[2], ['3'], ['01.03.2024'], ['']]);
    sheet.getRange('B1:B8').setFormulas([
      ['=A1*A2+1'], ['=IF(A3<TODAY();"просрочено";"в срок")'], ['=TODAY()-A3'], ['=DATE(2024;12;31)'],
      ['=ISBLANK(A4)&"/"&ISNUMBER(A3)'], ['=IFERROR(1/0;"нет")'], ['=ROUND(SUM(A1:A2)/3;2)'], ['=LEN("мероприятие")'],
    ]);
    const values = sheet.getRange('B1:B8').getValues().flat();
    expect(values[0]).toBe(7);
    expect(values[1]).toBe('просрочено');
    expect(values[2]).toBe(14);
    expect(values[3]).toBeInstanceOf(Date);
    expect(sheet.getRange('B4').getDisplayValue()).toBe('31.12.2024');
    expect(values.slice(4)).toEqual(['TRUE/TRUE', 'нет', 1.67, 11]);
    expect(sheet.getRange('B2').getFormula()).toBe('=IF(A3<TODAY();"просрочено";"в срок")');
  });

  it('counts across sheets with COUNTIFS, COUNTA, SUMPRODUCT, MAX/MIN, ROWS and N', () => {
    const { app, service } = harness({ today: '2024-03-15' });
    service.seedSheet('Школа 1', [
      ['№', 'Мероприятие', 'Статус', 'Конец'],
      ['1.1.', 'Приказ', 'Выполнено', '01.02.2024'],
      ['1.2.', 'Куратор', 'В работе', '01.03.2024'],
      ['1.3.', 'Положение', 'В работе', '01.05.2024'],
      ['1.4.', 'Мониторинг', '', ''],
    ]);
    const summary = app.getActiveSpreadsheet().insertSheet('Свод');
    summary.getRange('A1:H1').setFormulas([[
      "=COUNTA('Школа 1'!B2:B)",
      "=COUNTIFS('Школа 1'!C2:C;\"Выполнено\")",
      "=COUNTIFS('Школа 1'!C2:C;\"<>Выполнено\";'Школа 1'!D2:D;\"<\"&TODAY();'Школа 1'!D2:D;\"<>\")",
      "=SUMPRODUCT(('Школа 1'!C2:C5=\"В работе\")*('Школа 1'!D2:D5>=TODAY()))",
      "=MAX('Школа 1'!D2:D)-MIN('Школа 1'!D2:D)",
      "=ROWS('Школа 1'!A2:A5)",
      "=COUNTIF('Школа 1'!C2:C5;\"В*\")+N('Школа 1'!A1)",
      '=AND(TRUE;NOT(FALSE);OR(FALSE;1))',
    ]]);
    expect(summary.getRange('A1:H1').getValues()).toEqual([[4, 1, 1, 1, 90, 4, 3, true]]);
    // live: a school edit changes the summary without re-running anything
    service.userEdit('Школа 1', 3, 3, 'Выполнено', 'metodist@example.org');
    expect(summary.getRange('B1:C1').getValues()).toEqual([[2, 0]]);
  });

  it('shows clear error values for what it cannot compute', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:D1').setFormulas([['=VLOOKUP(1;B:B;1)', "='Нет листа'!A1", '=1/0', '=A1+']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['#NAME?', '#REF!', '#DIV/0!', '#ERROR!']]);
    sheet.getRange('E1').setFormula('=E1+1');
    expect(sheet.getRange('E1').getValue()).toBe('#REF!');
  });
});
