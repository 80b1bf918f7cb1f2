// The add-on in a ru_RU and in an en_US spreadsheet: completion dates are written as dates (serial
// numbers under a date format), read back as Dates, and understood whichever way the person typed
// them; no false «дата выполнения не распознана».
import { afterEach, describe, expect, it } from 'vitest';
import { checkRoadmap, getRecognitionReport, onEdit, recognizeTable } from '../../../src/addon/roadmap/actions';
import { createHarness, recognisedHarness, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

const SHEET = 'План — дорожная карта';
const TABLE: unknown[][] = [
  ['План мероприятий на 2023 год'],
  ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат', 'Статус', 'Дата выполнения'],
  ['1.', 'Семинар', 'Февраль 2023', 'Методист', 'Протокол', 'Выполнено', '07.02.2023'],
  ['2.', 'Положение', 'Июнь 2023', 'Директор', 'Приказ', 'Выполнено', ''],
  ['3.', 'Мониторинг', 'Май 2023', 'Директор', 'Справка', 'В работе', ''],
];

const dateProblems = (report: ReturnType<typeof checkRoadmap>) =>
  report.rows.flatMap((r) => r.problems).filter((p) => p.column === DONE_COLUMN).map((p) => p.code);
let DONE_COLUMN = 0;

// The column's format (dd.mm.yyyy) shows the day the same way in both.
for (const [locale, typed, shown] of [['ru_RU', '10.06.2023', '10.06.2023'], ['en_US', '6/10/2023', '10.06.2023']] as const) {
  describe(`a ${locale} spreadsheet`, () => {
    it('keeps a recognised completion date a date, and reads a date the person types in the locale\'s way', () => {
      ({ h } = recognisedHarness('2023-06-20', TABLE, locale));
      expect(h.alerts()).toEqual([]);
      const header = texts(h.sheet(SHEET))[0]!;
      const done = header.indexOf('Дата выполнения') + 1;
      DONE_COLUMN = done;
      const value = h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET)!.getRange(2, done).getValue());
      expect(value).toBeInstanceOf(Date); // written as a serial under a date format, read back as Date
      expect(dateProblems(h.run(() => checkRoadmap()))).toEqual(['done-without-date']); // row 3 only

      // Row 3 is done without a date: the person types one as their locale writes dates.
      h.run(() => onEdit(h.runtime.userEdit(SHEET, 3, done, typed)), 'LIMITED');
      expect(texts(h.sheet(SHEET))[2]![done - 1]).toBe(shown);
      const report = h.run(() => checkRoadmap());
      expect(dateProblems(report)).toEqual([]);
    });
  });
}

describe('item numbers typed into an en_US spreadsheet', () => {
  it('become numbers there («1.10» is 1.1): the recognition says so', () => {
    h = createHarness('2023-06-20', 'en_US');
    h.runtime.seedSheet('План', [
      ['План мероприятий на 2023 год'],
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['1.', 'Раздел', '', ''],
      ['1.9', 'Семинар', 'Май 2023', 'Методист'],
      ['1.10', 'Совещание', 'Июнь 2023', 'Директор'],
    ]);
    const typed = h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('План')!.getRange('A5').getValue());
    expect(typed).toBe(1.1);
    h.run(() => recognizeTable());
    const report = h.run(() => getRecognitionReport()).report!;
    expect(report.warnings.join(' ')).toContain('«1.10» становится 1,1');
  });
});
