import { describe, expect, it } from 'vitest';
import { harness } from './helpers';

const OWNER = 'rono@example.org';
const SCHOOL = 'school1@example.org';
const OTHER = 'school2@example.org';
const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

describe('protections', () => {
  it('lets only editors write a protected sheet; owner and current user cannot be removed', () => {
    const h = harness({ owner: OWNER, user: OWNER });
    const ss = h.app.getActiveSpreadsheet();
    ss.addEditors([SCHOOL, OTHER]);
    const sheet = ss.insertSheet('Школа 1');
    const p = sheet.protect().setDescription('Школа 1: только школа и район');
    p.removeEditors(p.getEditors());
    p.addEditor(SCHOOL);
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual([OWNER, SCHOOL].sort());
    expect(p.canEdit()).toBe(true);

    h.setUser(OTHER);
    expect(() => sheet.getRange('A2').setValue('чужая школа')).toThrow(PROTECTED);
    expect(() => sheet.getRange('A2:B3').setBackground('#ff0000')).toThrow(PROTECTED);
    expect(() => h.service.userEdit('Школа 1', 2, 1, 'x', OTHER)).toThrow(PROTECTED);
    expect(sheet.getRange('A2').getValue()).toBe('');

    h.setUser(SCHOOL);
    sheet.getRange('A2').setValue('своя школа');
    expect(sheet.getRange('A2').getValue()).toBe('своя школа');
    expect(sheet.getProtections(h.app.ProtectionType.SHEET)[0]!.getDescription()).toBe('Школа 1: только школа и район');
    expect(sheet.getProtections(h.app.ProtectionType.RANGE)).toHaveLength(0);
  });

  it('protects helper columns inside an editable sheet and honours warning-only and unprotected ranges', () => {
    const h = harness({ owner: OWNER, user: OWNER });
    const ss = h.app.getActiveSpreadsheet();
    ss.addEditor(SCHOOL);
    const sheet = ss.getActiveSheet();
    const helpers = sheet.getRange('I:J').protect().setDescription('Служебные столбцы');
    helpers.removeEditors([SCHOOL, OWNER]);
    expect(helpers.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    h.setUser(SCHOOL);
    expect(() => h.service.userEdit('Лист1', 5, 9, '2024-01-01', SCHOOL)).toThrow(PROTECTED);
    h.service.userEdit('Лист1', 5, 8, 'можно', SCHOOL);
    expect(helpers.canEdit()).toBe(false);
    h.setUser(OWNER);
    helpers.setWarningOnly(true);
    h.setUser(SCHOOL);
    sheet.getRange('I5').setValue('предупреждение не мешает скрипту');
    expect(sheet.getRange('I5').getValue()).toBe('предупреждение не мешает скрипту');

    h.setUser(OWNER);
    const whole = ss.insertSheet('Свод').protect();
    whole.removeEditor(SCHOOL).setUnprotectedRanges([ss.getSheetByName('Свод')!.getRange('B2:B3')]);
    h.setUser(SCHOOL);
    const svod = ss.getSheetByName('Свод')!;
    svod.getRange('B2:B3').setValues([['1'], ['2']]);
    expect(() => svod.getRange('B2:B4').setValues([['1'], ['2'], ['3']])).toThrow(PROTECTED);
    expect(h.service.snapshot().sheets.find((s) => s.name === 'Лист1')!.protections).toEqual([
      { range: 'I1:J1000', description: 'Служебные столбцы', warningOnly: true, editors: [OWNER] },
    ]);
  });

  it('keeps protections, named ranges and rule ranges on their rows when rows are inserted or deleted', () => {
    const h = harness({ owner: OWNER, user: OWNER });
    const ss = h.app.getActiveSpreadsheet();
    const sheet = ss.getActiveSheet();
    const p = sheet.getRange('A5:H6').protect();
    ss.setNamedRange('ITEMS', sheet.getRange('A2:H10'));
    const rule = h.app.newConditionalFormatRule().whenCellEmpty().setBackground('#eeeeee').setRanges([sheet.getRange('C8:C9')]).build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowsBefore(3, 2);
    expect(p.getRange().getA1Notation()).toBe('A7:H8');
    expect(ss.getRangeByName('ITEMS')!.getA1Notation()).toBe('A2:H12');
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('C10:C11');
    sheet.deleteRows(7, 2);
    expect(sheet.getProtections(h.app.ProtectionType.RANGE)).toHaveLength(0);
    expect(ss.getRangeByName('ITEMS')!.getA1Notation()).toBe('A2:H10');
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('C8:C9');
  });
});
