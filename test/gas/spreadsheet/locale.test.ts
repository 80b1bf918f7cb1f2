// Typed text by the spreadsheet's locale, and date cells read back as Date in both locales.
import { afterEach, describe, expect, it } from 'vitest';
import { createGasRuntime, type GasRuntime } from '../../../preview/gas';
import { formatSheetsDate } from '../../../preview/gas/spreadsheet/values';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

function sheetIn(locale: string): { rt: GasRuntime; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
  const rt = createGasRuntime({ now: () => new Date('2025-03-10T09:00:00Z'), locale, timeZone: 'Europe/Moscow' });
  uninstall = rt.install();
  rt.seedSheet('Лист1', [['']]);
  return { rt, sheet: rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!) };
}

const TYPED = ['1.5', '1.1', '1.1.', '01.02.2021', '2021-02-01', '2/1/2021', '1,5', '+7', '-приказ'];

function typed(locale: string): unknown[] {
  const { rt, sheet } = sheetIn(locale);
  return rt.run('FULL', () => {
    const range = sheet.getRange(1, 1, 1, TYPED.length);
    range.setValues([TYPED]);
    return range.getValues()[0]!.map((v) => (v instanceof Date ? `Date ${Utilities.formatDate(v, 'Europe/Moscow', 'yyyy-MM-dd')}` : v));
  });
}

describe('typed text by locale', () => {
  it('ru_RU: day.month are dates of this year, dotted and ISO dates are dates, comma decimals are numbers', () => {
    expect(typed('ru_RU')).toEqual(['Date 2025-05-01', 'Date 2025-01-01', '1.1.', 'Date 2021-02-01', 'Date 2021-02-01', '2/1/2021', 1.5, 7, '-приказ']);
  });

  it('en_US: "1.5" is a number, month/day and ISO are dates, dotted dates stay text', () => {
    expect(typed('en_US')).toEqual([1.5, 1.1, '1.1.', '01.02.2021', 'Date 2021-02-01', 'Date 2021-02-01', '1,5', 7, '-приказ']);
  });

  it('a plain-text (@) cell keeps every string as written', () => {
    const { rt, sheet } = sheetIn('ru_RU');
    const values = rt.run('FULL', () => sheet.getRange(1, 1, 1, TYPED.length).setNumberFormat('@').setValues([TYPED]).getValues());
    expect(values[0]).toEqual(TYPED);
  });
});

describe('date cells', () => {
  for (const locale of ['ru_RU', 'en_US']) {
    const shown = '07.02.2023'; // the cell's own format decides, in every locale
    it(`${locale}: a serial number under a date format reads back as a Date and shows as ${shown}`, () => {
      const { rt, sheet } = sheetIn(locale);
      const [value, display, plain] = rt.run('FULL', () => {
        const cell = sheet.getRange('A1').setNumberFormat('dd.mm.yyyy').setValue(44964);
        const other = sheet.getRange('B1').setValue(44964);
        return [cell.getValue(), sheet.getRange('A1').getDisplayValue(), other.getValue()];
      });
      expect(value).toBeInstanceOf(Date);
      expect((value as Date).toISOString()).toBe('2023-02-06T21:00:00.000Z'); // midnight in Moscow
      expect(plain).toBe(44964);
      expect(display).toBe(shown);
    });
  }

  it('a date under a plain number format reads back as its serial number', () => {
    const { rt, sheet } = sheetIn('ru_RU');
    const v = rt.run('FULL', () => sheet.getRange('A1').setValue('07.02.2023').setNumberFormat('0').getValue());
    expect(v).toBe(44964);
  });
});

describe('AND / OR over ranges', () => {
  it('skip text in a range, as Sheets does; nothing logical is #VALUE!', () => {
    const { rt, sheet } = sheetIn('ru_RU');
    const out = rt.run('FULL', () => {
      sheet.getRange('A1:C1').setValues([[true, 'текст', 1]]);
      sheet.getRange('A2:C2').setValues([['текст', '', 'ещё']]);
      sheet.getRange('D1').setFormula('=AND(A1:C1)');
      sheet.getRange('D2').setFormula('=OR(A1:C1;FALSE)');
      sheet.getRange('D3').setFormula('=AND(A2:C2)');
      sheet.getRange('D4').setFormula('=AND(TRUE;"текст")');
      return sheet.getRange('D1:D4').getValues().map((r) => r[0]);
    });
    expect(out).toEqual([true, true, '#VALUE!', '#VALUE!']);
  });
});

describe('how a date shows', () => {
  it('follows an explicit pattern (Sheets date-time patterns), else the locale', () => {
    const moscow = 'Europe/Moscow';
    const d = new Date('2023-02-07T11:05:09Z'); // 14:05:09 in Moscow
    expect(formatSheetsDate(d, 'dd.mm.yyyy', moscow, 'ru_RU')).toBe('07.02.2023');
    expect(formatSheetsDate(d, 'yyyy-mm-dd hh:mm:ss', moscow, 'en_US')).toBe('2023-02-07 14:05:09');
    expect(formatSheetsDate(d, 'mmmm yyyy "г."', moscow, 'ru_RU')).toBe('февраль 2023 г.');
    expect(formatSheetsDate(d, 'M/d/yy', moscow, 'en_US')).toBe('2/7/23');
    for (const [locale, shown] of [['ru_RU', '07.02.2023'], ['en_US', '2/7/2023']] as const) {
      const { rt, sheet } = sheetIn(locale);
      const display = rt.run('FULL', () => {
        sheet.getRange('A1').setFormula('=DATE(2023, 2, 7)');
        sheet.getRange('B1').setValue(sheet.getRange('A1').getValue()); // a Date into an automatic cell
        return sheet.getRange('B1').getDisplayValue();
      });
      expect(display).toBe(shown);
    }
  });
});
