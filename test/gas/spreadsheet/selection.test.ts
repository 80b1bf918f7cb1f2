import { describe, expect, it } from 'vitest';
import { harness } from './helpers';

describe('active selection', () => {
  it('Sheet.setActiveSelection(range) makes the range active and its top-left cell current', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const plan = ss.insertSheet('План');
    ss.insertSheet('Свод');
    expect(ss.getActiveSheet().getName()).toBe('Свод');

    const returned = plan.setActiveSelection(plan.getRange(5, 2, 1, 7));
    expect(returned.getA1Notation()).toBe('B5:H5');
    expect(returned.getSheet().getName()).toBe('План');
    expect(ss.getActiveSheet().getName()).toBe('План');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B5:H5');
    expect(app.getActiveRange()!.getA1Notation()).toBe('B5:H5');
    expect(plan.getActiveRange()!.getA1Notation()).toBe('B5:H5');
    expect(ss.getCurrentCell()!.getA1Notation()).toBe('B5');
    expect(plan.getCurrentCell()!.getA1Notation()).toBe('B5');
  });

  it('Sheet.setActiveSelection(a1Notation) reads the notation on that sheet, not the active one', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const plan = ss.insertSheet('План');
    ss.insertSheet('Свод');

    const returned = plan.setActiveSelection('C3:D4');
    expect(returned.getSheet().getName()).toBe('План');
    expect(ss.getActiveSheet().getName()).toBe('План');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('C3:D4');
    expect(ss.getCurrentCell()!.getA1Notation()).toBe('C3');
    expect(() => plan.setActiveSelection('не диапазон')).toThrow('Range not found');
  });

  it('a later selection replaces the earlier one; activating the sheet resets it to A1', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.getActiveSheet();
    sheet.setActiveSelection('A2:A10');
    sheet.setActiveSelection(sheet.getRange('E7'));
    expect(ss.getActiveRange()!.getA1Notation()).toBe('E7');
    expect(ss.getCurrentCell()!.getA1Notation()).toBe('E7');
    sheet.activate();
    expect(ss.getActiveRange()!.getA1Notation()).toBe('A1');
  });

  it('Spreadsheet.setActiveSelection reads A1 notation on the active sheet unless it names one', () => {
    const { app } = harness();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('План');
    ss.insertSheet('Свод');
    expect(ss.setActiveSelection('B2').getSheet().getName()).toBe('Свод');
    const named = ss.setActiveSelection("'План'!A3:C3");
    expect(named.getSheet().getName()).toBe('План');
    expect(ss.getActiveSheet().getName()).toBe('План');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('A3:C3');
  });
});
