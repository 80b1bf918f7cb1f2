import { describe, expect, it } from 'vitest';
import { columnToLetters, lettersToColumn, parseA1 } from '../../../preview/gas/spreadsheet/a1';
import { harness } from './helpers';


describe('A1 notation and sheets', () => {
  it('parses cells, ranges, whole and open columns, and quoted sheet names', () => {
    expect(parseA1("'Школа 1'!$A$2:B")).toMatchObject({ sheet: 'Школа 1', row1: 2, col1: 1, row2: null, col2: 2, absRow1: true, absCol1: true });
    expect(parseA1('Лист1!C:C')).toMatchObject({ sheet: 'Лист1', row1: null, col1: 3, row2: null, col2: 3 });
    expect(parseA1('AA10')).toMatchObject({ row1: 10, col1: 27, row2: 10, col2: 27 });
    expect(parseA1('A')).toBeNull();
    expect(parseA1('1A')).toBeNull();
    for (const n of [1, 26, 27, 52, 702, 703, 16384]) expect(lettersToColumn(columnToLetters(n))).toBe(n);
  });

  it('getRange overloads and open ranges resolve against the sheet size', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.insertSheet('Школа 1');
    expect(sheet.getRange('A2:H').getA1Notation()).toBe('A2:H1000');
    expect(sheet.getRange('B:B').getNumRows()).toBe(1000);
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    expect(ss.getRange("'Школа 1'!B3").getSheet().getName()).toBe('Школа 1');
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4]])).not.toThrow();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B2');
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getMaxColumns()]).toEqual([2, 2, 26]);
  });

  it('inserts, finds, renames, copies and deletes sheets like Google', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const plan = ss.insertSheet('План');
    expect(ss.getActiveSheet().getName()).toBe('План');
    expect(() => ss.insertSheet('план')).toThrow('A sheet with the name "план" already exists. Please enter another name.');
    expect(ss.getSheetByName('Нет такого')).toBeNull();
    plan.getRange('A1').setValue('x').setNote('примечание');
    const copy = plan.copyTo(ss);
    expect(copy.getName()).toBe('Copy of План'); // the name Google's reference gives
    expect(plan.copyTo(ss).getName()).toBe('Copy of План 2');
    ss.deleteSheet(ss.getSheetByName('Copy of План 2')!);
    expect(copy.getRange('A1').getNote()).toBe('примечание');
    expect(copy.getSheetId()).not.toBe(plan.getSheetId());
    copy.setName('Архив');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Лист1', 'План', 'Архив']);
    ss.deleteSheet(ss.getSheetByName('Лист1')!);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['План', 'Архив']);
    plan.getRange('B2:C3').activate();
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B2:C3');
    expect(ss.getCurrentCell()!.getA1Notation()).toBe('B2');
  });

  it('copies a sheet with its formats, validation, widths, hidden columns and rules, within the cell limit', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const src = ss.insertSheet('Заготовка');
    src.getRange('A1:A3').setNumberFormat('@').setValues([['=1+1'], ['1.1.'], ['x']]);
    src.getRange('B2:B3').setDataValidation(app.newDataValidation().requireValueInList(['Да', 'Нет'], true).build());
    src.setColumnWidth(2, 240);
    src.hideColumns(3, 2);
    src.setConditionalFormatRules([app.newConditionalFormatRule().whenFormulaSatisfied('=$A1="x"').setBackground('#ff0000').setRanges([src.getRange('A1:A3')]).build()]);
    src.deleteRows(11, 990);
    const copy = src.copyTo(ss);
    expect(copy.getRange('A1:A3').getValues()).toEqual([['=1+1'], ['1.1.'], ['x']]);
    expect(copy.getRange('A1').getNumberFormat()).toBe('@');
    expect(copy.getRange('B2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Да', 'Нет']);
    expect([copy.getColumnWidth(2), copy.isColumnHiddenByUser(3), copy.isColumnHiddenByUser(4), copy.getMaxRows()]).toEqual([240, true, true, 10]);
    const rule = copy.getConditionalFormatRules()[0]!;
    expect(rule.getRanges()[0]!.getSheet().getName()).toBe(copy.getName());
    // Sheets holds at most 10 million cells
    const big = ss.insertSheet('Большой');
    big.insertRowsAfter(1000, 380_000);
    expect(() => big.copyTo(ss)).toThrow('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
  });

  it('keeps notes, formats, layout and named ranges', () => {
    const { app, service } = harness();
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.getActiveSheet();
    const r = sheet.getRange('A1:B2');
    r.setNotes([['n1', ''], ['', 'n2']]).setFontWeight('bold').setBackground('#ff0000').setWrap(true)
      .setHorizontalAlignment('center').setFontColor('#333333').setFontStyle('italic').setFontLine('line-through');
    expect(r.getNotes()).toEqual([['n1', ''], ['', 'n2']]);
    sheet.getRange('A1').clearNote();
    expect(r.getNote()).toBe('');
    expect(r.getFontWeights()).toEqual([['bold', 'bold'], ['bold', 'bold']]);
    expect(sheet.getRange('C1').getFontWeight()).toBe('normal');
    r.clearFormat();
    expect(r.getBackgrounds()[0]).toEqual(['#ffffff', '#ffffff']);
    sheet.setFrozenRows(2);
    sheet.hideColumns(9, 2);
    sheet.getRange('K:L').shiftColumnGroupDepth(1);
    sheet.collapseAllColumnGroups();
    sheet.setColumnWidth(2, 320);
    expect([sheet.getFrozenRows(), sheet.isColumnHiddenByUser(10), sheet.isColumnHiddenByUser(11)]).toEqual([2, true, false]);
    ss.setNamedRange('DK_PLAN', sheet.getRange('A2:H'));
    expect(ss.getRangeByName('DK_PLAN')!.getA1Notation()).toBe('A2:H1000');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['DK_PLAN']);
    ss.getNamedRanges()[0]!.remove();
    expect(ss.getRangeByName('DK_PLAN')).toBeNull();
    sheet.getRange('A1').setValue('x');
    // collapsed groups hide columns, but not "by user"
    expect(service.snapshot().sheets[0]).toMatchObject({ frozenRows: 2, hiddenColumns: [9, 10, 11, 12], columnWidths: { 2: 320 } });
  });

  it('stores list validations and reports them in the snapshot', () => {
    const { app, service } = harness();
    const sheet = app.getActiveSheet();
    const rule = app.newDataValidation().requireValueInList(['Не начато', 'В работе', 'Выполнено'], true).setAllowInvalid(false).build();
    sheet.getRange('F2:F4').setDataValidation(rule);
    const got = sheet.getRange('F3').getDataValidation()!;
    expect(String(got.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(got.getCriteriaValues()).toEqual([['Не начато', 'В работе', 'Выполнено'], true]);
    expect(got.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('F1:F2').getDataValidations()[0]![0]).toBeNull();
    expect(service.snapshot().sheets[0]!.validations).toEqual([{ range: 'F2:F4', values: ['Не начато', 'В работе', 'Выполнено'] }]);
    expect(() => service.userEdit('Лист1', 3, 6, 'Сделано', 'metodist@example.org')).toThrow(/violates the data validation rules/);
    const e = service.userEdit('Лист1', 3, 6, 'Выполнено', 'metodist@example.org');
    expect(e.value).toBe('Выполнено');
    expect(e.range.getA1Notation()).toBe('F3');
  });

  it('builds, inserts and updates an embedded chart', () => {
    const { app, service } = harness();
    const sheet = app.getActiveSheet();
    const chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B5')).setPosition(2, 5, 0, 0).setOption('title', 'Выполнение').build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    sheet.updateChart(stored!.modify().setOption('title', 'Выполнение по школам').build());
    expect(service.snapshot().sheets[0]!.charts).toEqual([{ title: 'Выполнение по школам', type: 'COLUMN', ranges: ['A1:B5'] }]);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it('throws "not implemented" for a real method the fake lacks, and counts builder chains per call', () => {
    const { app, tracker } = harness();
    const sheet = app.getActiveSheet();
    expect(() => sheet.getRange('A1').getBandings()).toThrow('Range.getBandings is not implemented in the in-memory Apps Script');
    tracker.calls.reset();
    app.newConditionalFormatRule().whenFormulaSatisfied('=TRUE').setBackground('#fff').setRanges([sheet.getRange('A1')]).build();
    expect(tracker.calls.snapshot()).toEqual({
      'ConditionalFormatRuleBuilder.build': 1, 'ConditionalFormatRuleBuilder.setBackground': 1,
      'ConditionalFormatRuleBuilder.setRanges': 1, 'ConditionalFormatRuleBuilder.whenFormulaSatisfied': 1,
      'Sheet.getRange': 1, 'SpreadsheetApp.newConditionalFormatRule': 1,
    });
  });
});
