import { describe, expect, it } from 'vitest';
import { findDuplicate, journalSheetName, nextOrderNumber, readJournal, JOURNAL_HEADER } from '../../../src/core/order/journal';

describe('each organisation keeps its own journal (issue 14)', () => {
  it('names a school\'s journal after its sheet, within Sheets\' 100 characters', () => {
    expect(journalSheetName(null)).toBe('Журнал приказов');
    expect(journalSheetName('Школа 1')).toBe('Журнал приказов — Школа 1');
    const long = journalSheetName('МБОУ «Средняя общеобразовательная школа № 1 имени Героя Советского Союза И. И. Иванова» г. Дербента');
    expect(long).toHaveLength(100);
    expect(long.endsWith('…')).toBe(true);
  });

  it('finds a number the sheet keeps with a leading apostrophe, so it cannot be taken twice', () => {
    // What an older version wrote for «-1»: the apostrophe that keeps it text.
    const values: unknown[][] = [[...JOURNAL_HEADER], ['15.03.2023', "'-1", 'Об утверждении', '', '', '', '']];
    const entries = readJournal(values);
    expect(findDuplicate(entries, '-1', '2023-04-01')?.row).toBe(2);
    expect(nextOrderNumber(entries, '{n}', '2023-04-01')).toBe('1');
  });
});
