import { describe, expect, it } from 'vitest';
import { fixture, harness } from './helpers';

describe('values', () => {
  it('getValues gives Date for dates, numbers, booleans and "" for empty cells', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:D1').setValues([['01.02.2021', '12', true, '']]);
    const [row] = sheet.getRange('A1:E1').getValues();
    expect(row![0]).toBeInstanceOf(Date);
    // midnight in Moscow (UTC+3) is 21:00 UTC the day before
    expect((row![0] as Date).toISOString()).toBe('2021-01-31T21:00:00.000Z');
    expect(row!.slice(1)).toEqual([12, true, '', '']);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['01.02.2021', '12']]);
  });

  it('interprets typed strings as a ru_RU spreadsheet would, unless plain text or apostrophe', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.getRange('A1:F1').setValues([['1,5', '1 234,5', 'До 01.02.21 г.', "'=x", '=1+2', '31.02.2021']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[1.5, 1234.5, 'До 01.02.21 г.', '=x', 3, '31.02.2021']]);
    expect(sheet.getRange('E1').getFormula()).toBe('=1+2');
    expect(sheet.getRange('D1').getFormula()).toBe('');

    const text = sheet.getRange('A2:C2').setNumberFormat('@');
    text.setValues([['12', '01.02.2021', '=SUM(1;2)']]);
    expect(text.getValues()).toEqual([['12', '01.02.2021', '=SUM(1;2)']]);
    expect(text.getFormulas()).toEqual([['', '', '']]);
  });

  it('setValues and format setters with the wrong dimensions throw Google\'s message and change nothing', () => {
    const { app } = harness();
    const range = app.getActiveSheet().getRange(1, 1, 3, 2);
    expect(() => range.setValues([[1, 2], [3, 4]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setBackgrounds([['red'], ['red'], ['red']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    for (const set of [() => range.setNotes([['a', 'b']]), () => range.setFontWeights([]), () => range.setNumberFormats([['@', '@']])]) {
      expect(set).toThrow(/does not match/);
    }
    expect(range.getValues()).toEqual([['', ''], ['', ''], ['', '']]);
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff'], ['#ffffff', '#ffffff'], ['#ffffff', '#ffffff']]);
  });

  it('seeds a real roadmap as pasted and reads it back in one call', () => {
    const { service, app, tracker } = harness();
    const cells = fixture('kalinovskaya-2022-2024');
    service.seedSheet('План', cells);
    const sheet = app.getActiveSpreadsheet().getSheetByName('План')!;
    expect(sheet.getLastRow()).toBe(cells.length);
    const values = sheet.getDataRange().getValues();
    expect(values[1]![1]).toBe('Наименование мероприятий');
    expect(values[3]![0]).toBe('1.1.');
    expect(values[2]![0]).toBe(1); // "1" pasted into a sheet becomes a number
    expect(values[4]![2]).toBe('до 31.12.2021');
    expect(tracker.calls.snapshot()).toEqual({
      'Spreadsheet.getSheetByName': 1, 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Sheet.getLastRow': 1,
      'Sheet.getDataRange': 1, 'Range.getValues': 1,
    });
  });

  it('counts one getValues/setValues on 10,000 rows as one call each', () => {
    const { app, tracker } = harness();
    const sheet = app.getActiveSheet();
    sheet.insertRowsAfter(1000, 9000);
    const data = Array.from({ length: 10_000 }, (_, i) => [`Мероприятие ${i + 1}`, i, '01.09.2023', '']);
    const started = performance.now();
    sheet.getRange(1, 1, 10_000, 4).setValues(data);
    const back = sheet.getRange(1, 1, 10_000, 4).getValues();
    expect(performance.now() - started).toBeLessThan(3000);
    expect(back[9999]![0]).toBe('Мероприятие 10000');
    expect(back[5000]![2]).toBeInstanceOf(Date);
    expect(tracker.calls.count('Range.setValues')).toBe(1);
    expect(tracker.calls.count('Range.getValues')).toBe(1);
    expect(tracker.calls.total()).toBe(6);
  });

  it('appendRow, insertRows and deleteRows move content and getLastRow follows', () => {
    const { app } = harness();
    const sheet = app.getActiveSheet();
    sheet.appendRow(['a']);
    sheet.appendRow(['b']);
    sheet.appendRow(['c']);
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['a', '', '', 'b', 'c']);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['a', 'b', 'c']);
    expect(sheet.getLastRow()).toBe(3);
    sheet.getRange('A3').clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });
});

describe('number formats in what a cell shows', () => {
  it('whole-number and percent formats change the display, not the value', () => {
    const h = harness();
    const sheet = h.app.getActiveSpreadsheet().getSheets()[0]!;
    const range = sheet.getRange('A1:C1');
    range.setValues([[0.0456, 0.0456, 3.6]]);
    range.setNumberFormats([['0%', '0.0%', '0']]);
    expect(range.getDisplayValues()).toEqual([['5%', '4,6%', '4']]);
    expect(range.getValues()).toEqual([[0.0456, 0.0456, 3.6]]);
    expect(h.service.snapshot().sheets[0]!.cells[0]!.map((c) => c?.text)).toEqual(['5%', '4,6%', '4']);
  });
});
