// «История изменений»: a person's change of status, completion date or deadline is appended to the
// add-on's hidden, protected history sheet by onEdit — when, who, sheet, row, column, old → new.
import { afterEach, describe, expect, it } from 'vitest';
import { onEdit, recognizeTable } from '../../../src/addon/roadmap/actions';
import { rowHistory } from '../../../src/addon/roadmap/history';
import { getPanelState } from '../../../src/addon/panel';
import { HISTORY_HEADERS, HISTORY_SHEET, UNKNOWN_BEFORE } from '../../../src/core/roadmap/history';
import { createHarness, recognisedHarness, texts, type Harness } from './harness';
import { pastedRoadmap } from './tables';

let h: Harness;
afterEach(() => h?.dispose());

const SHEET = 'План — дорожная карта';
const TABLE: unknown[][] = [
  ['План мероприятий на 2023 год'],
  ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат'],
  ['1.', 'Семинар', 'Май 2023', 'Методист', 'Протокол'],
  ['2.', 'Положение', 'Июнь 2023', 'Директор', 'Приказ'],
];

function setup(): void {
  ({ h } = recognisedHarness('2023-06-10', TABLE));
  expect(h.alerts()).toEqual([]);
}

function edit(row: number, header: string, value: string, user?: string): void {
  const column = texts(h.sheet(SHEET))[0]!.indexOf(header) + 1;
  const e = h.runtime.userEdit(SHEET, row, column, value, user ? { user } : undefined);
  h.run(() => onEdit(e), 'LIMITED');
}

const history = (): string[][] => texts(h.sheet(HISTORY_SHEET));
const ss = (): GoogleAppsScript.Spreadsheet.Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();

describe('История изменений', () => {
  it('records status, completion date and deadline changes with who, where and old → new', () => {
    setup();
    edit(2, 'Статус', 'В работе');
    h.setToday('2023-06-12');
    edit(2, 'Статус', 'Выполнено', 'school1@example.org');
    edit(2, 'Дата выполнения', '09.06.2023', 'school1@example.org');
    edit(3, 'Срок', 'Июль 2023');
    edit(3, 'Мероприятие', 'Положение о наставничестве'); // not a tracked column
    const rows = history();
    expect(rows[0]).toEqual([...HISTORY_HEADERS]);
    expect(rows.slice(1).map((r) => r.slice(2))).toEqual([
      [SHEET, '2', 'Статус', '', 'В работе', '1.'],
      [SHEET, '2', 'Статус', 'В работе', 'Выполнено', '1.'],
      [SHEET, '2', 'Дата выполнения', '', '09.06.2023', '1.'],
      [SHEET, '3', 'Срок', 'Июнь 2023', 'Июль 2023', '2.'],
    ]);
    expect(rows[1]![0]).toBe('10.06.2023 09:00');
    expect(rows[2]!.slice(0, 2)).toEqual(['12.06.2023 09:00', 'school1@example.org']);
    const sheet = h.sheet(HISTORY_SHEET);
    expect(sheet.hidden).toBe(true);
    expect(sheet.protections.some((p) => p.warningOnly)).toBe(true);
    // The person stays on the roadmap they are editing.
    expect(h.run(() => SpreadsheetApp.getActiveSheet().getName())).toBe(SHEET);
    // The panel's view of a row: newest first.
    const last = h.run(() => rowHistory(SpreadsheetApp.getActiveSpreadsheet(), SHEET, 2, '1.'));
    expect(last.map((r) => `${r.column}: ${r.before} → ${r.after}`)).toEqual([
      'Дата выполнения:  → 09.06.2023', 'Статус: В работе → Выполнено', 'Статус:  → В работе',
    ]);
  });

  it('a paste over several rows records every tracked cell, the old value unknown', () => {
    setup();
    const column = texts(h.sheet(SHEET))[0]!.indexOf('Статус') + 1;
    const e = h.run(() => {
      const range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET)!.getRange(2, column, 2, 1);
      range.setValues([['Выполнено'], ['Отменено']]);
      return { range, source: SpreadsheetApp.getActiveSpreadsheet(), authMode: 'LIMITED' } as unknown as GoogleAppsScript.Events.SheetsOnEdit;
    });
    h.run(() => onEdit(e), 'LIMITED');
    expect(history().slice(1).map((r) => r.slice(3))).toEqual([
      ['2', 'Статус', UNKNOWN_BEFORE, 'Выполнено', '1.'],
      ['3', 'Статус', UNKNOWN_BEFORE, 'Отменено', '2.'],
    ]);
  });

  it('follows the item, not the row: rows inserted above later do not hand its history to another item', () => {
    setup();
    edit(2, 'Статус', 'Выполнено');
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET)!.insertRowBefore(2));
    // Item «1.» now stands in row 3; row 2 is the new, empty row, row 4 is item «2.».
    expect(h.run(() => rowHistory(ss(), SHEET, 3, '1.')).map((r) => r.after)).toEqual(['Выполнено']);
    expect(h.run(() => rowHistory(ss(), SHEET, 2, '1.1.'))).toEqual([]);
    expect(h.run(() => rowHistory(ss(), SHEET, 2, '2.'))).toEqual([]);
    // A record written before items were kept (seven columns) is still found by its row.
    h.run(() => ss().getSheetByName(HISTORY_SHEET)!.getRange(2, 8).setValue(''));
    expect(h.run(() => rowHistory(ss(), SHEET, 2, '2.')).map((r) => r.after)).toEqual(['Выполнено']);
  });

  it('gives a history sheet of the first version (seven columns) its «Пункт» header on the next record', () => {
    setup();
    edit(2, 'Статус', 'В работе');
    // The first version's sheet: no eighth column at all.
    h.run(() => ss().getSheetByName(HISTORY_SHEET)!.getRange(1, 8, 2, 1).setValues([[''], ['']]));
    edit(3, 'Статус', 'Выполнено');
    expect(history()[0]).toEqual([...HISTORY_HEADERS]);
    expect(history()[2]!.slice(2)).toEqual([SHEET, '3', 'Статус', '', 'Выполнено', '2.']);
  });

  it('never writes into a person\u2019s own sheet called «История изменений»', () => {
    setup();
    h.runtime.seedSheet(HISTORY_SHEET, [['мои заметки']]);
    edit(2, 'Статус', 'В работе');
    expect(history()).toEqual([['мои заметки']]);
    expect(texts(h.sheet(`${HISTORY_SHEET} (2)`))[1]!.slice(2)).toEqual([SHEET, '2', 'Статус', '', 'В работе', '1.']);
  });

  it('costs the same service calls for 10 and 1,000 rows, with one append', () => {
    const measure = (items: number): Record<string, number> => {
      h = createHarness('2023-05-20');
      h.runtime.seedSheet('Вставка', pastedRoadmap(items));
      h.run(() => recognizeTable());
      const sheet = 'Вставка — дорожная карта';
      const column = texts(h.sheet(sheet))[0]!.indexOf('Срок') + 1;
      // The first edit creates the history sheet; the second is the steady state.
      h.run(() => onEdit(h.runtime.userEdit(sheet, 3, column, 'Июнь 2023')), 'LIMITED');
      h.runtime.calls.reset();
      h.run(() => onEdit(h.runtime.userEdit(sheet, 4, column, 'Июль 2023')), 'LIMITED');
      const counts = h.runtime.calls.snapshot();
      expect(texts(h.sheet(HISTORY_SHEET))).toHaveLength(3);
      h.dispose();
      return counts;
    };
    const small = measure(10);
    const large = measure(1_000);
    expect(large).toEqual(small);
    expect(small['Range.setValues']).toBe(2); // the row's helper columns, then the history append
  });

  it('the panel shows the selected row’s last changes, newest first', () => {
    setup();
    edit(3, 'Статус', 'В работе', 'school1@example.org');
    edit(3, 'Срок', 'Июль 2023');
    edit(2, 'Статус', 'Выполнено');
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET)!.getRange('B3').activate());
    const state = h.run(() => getPanelState());
    expect(state.history).toEqual({
      row: 3,
      changes: [
        // The runtime's default editor.
        { at: '10.06.2023 09:00', who: 'metodist@example.org', column: 'Срок', before: 'Июнь 2023', after: 'Июль 2023' },
        { at: '10.06.2023 09:00', who: 'school1@example.org', column: 'Статус', before: '', after: 'В работе' },
      ],
    });
      // The header row is not an item: nothing to show.
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET)!.getRange('B1').activate());
    expect(h.run(() => getPanelState()).history).toBeNull();
  });
});
