import { describe, expect, it } from 'vitest';
import { JOURNAL_FORMATS, asSheetText, duplicateMessage, findDuplicate, journalRow, nextOrderNumber, readJournal } from '../../../src/core/order/journal';

const header = ['Дата', 'Номер', 'Заголовок', 'Ссылка', 'Кто создал', 'Когда создан'];

describe('«Журнал приказов» (core)', () => {
  const values = [
    header,
    ['2023-02-07', '12-од', 'Об утверждении плана', 'https://docs.google.com/document/d/a/edit', 'a@x.ru', ''],
    ['15.03.2023', '13-од', 'О назначении куратора', '', '', ''],
    [45291, '40-од', 'О поощрении наставников', '', '', ''], // 31.12.2023 as a serial
    ['2022-12-30', '99-од', 'Прошлый год', '', '', ''],
    ['', '', '', '', '', ''],
  ];
  const entries = readJournal(values);

  it('reads ISO, dd.MM.yyyy and serial dates; skips empty rows', () => {
    expect(entries.map((e) => [e.row, e.date])).toEqual([[2, '2023-02-07'], [3, '2023-03-15'], [4, '2023-12-31'], [5, '2022-12-30']]);
  });

  it('the next number is one more than the largest of the same year, in the organisation\'s format', () => {
    expect(nextOrderNumber(entries, '{n}-од', '2023-06-01')).toBe('41-од');
    expect(nextOrderNumber(entries, '{n}-од', '2024-01-09')).toBe('1-од');
    expect(nextOrderNumber([], '{n}', '2024-01-09')).toBe('1');
  });

  it('a duplicate is the same number in the same year, whatever the spacing or № sign', () => {
    expect(findDuplicate(entries, '№ 13-ОД', '2023-05-05')?.row).toBe(3);
    expect(findDuplicate(entries, '99-од', '2023-05-05')).toBeNull();
    expect(duplicateMessage(entries[1]!, '13-од')).toBe('Приказ № 13-од от 15.03.2023 уже есть в журнале (лист «Журнал приказов», строка 3: «О назначении куратора»). Укажите другой номер.');
  });

  it('the written row has the date as a serial number and text as typed, under plain-text formats', () => {
    expect(asSheetText('=IMPORTRANGE("x")')).toBe(`'=IMPORTRANGE("x")`);
    expect(journalRow({ date: '2023-02-07', number: '5/1', heading: '+ О мерах', url: 'u', author: 'a', createdAt: '07.02.2023 10:00' }))
      .toEqual([44964, '5/1', '+ О мерах', 'u', 'a', '07.02.2023 10:00', '', 'приказ']);
  });

  it('a report shares the journal without a number: «б/н», kind «отчёт», never taken for an order', () => {
    const values = [
      ['Дата', 'Номер', 'Заголовок', 'Ссылка', 'Кто создал', 'Когда создан', 'Состояние', 'Вид документа'],
      ['2023-02-07', '7', 'Об утверждении плана', '', '', '', '', 'приказ'],
      ['2023-03-01', 'б/н', 'Информация о ходе реализации плана за I квартал 2023 года', '', '', '', '', 'отчёт'],
      ['2023-03-02', '8', 'О назначении куратора', '', '', '', ''],
    ];
    const entries = readJournal(values);
    expect(entries.map((e) => e.kind)).toEqual(['приказ', 'отчёт', '']);
    expect(nextOrderNumber(entries, '{n}', '2023-05-01')).toBe('9');
    expect(findDuplicate(entries, 'б/н', '2023-05-01')).toBeNull();
    expect(findDuplicate(entries, '8', '2023-05-01')?.row).toBe(4);
    expect(JOURNAL_FORMATS).toHaveLength(8);
    expect(JOURNAL_FORMATS.slice(1).every((f) => f === '@')).toBe(true);
  });
});
