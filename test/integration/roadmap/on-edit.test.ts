// Editing a deadline, status or date cell updates that row's helper columns at once (onEdit,
// simple trigger, LIMITED mode): colours and problem highlights follow the edit.
import { afterEach, describe, expect, it } from 'vitest';
import { legend } from '../../../src/core/roadmap/colour';
import { onEdit } from '../../../src/addon/roadmap/actions';
import { recognisedHarness, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

const BG = new Map(legend(14).map((l) => [l.key, l.background]));
const SHEET = 'План — дорожная карта';
const TABLE: unknown[][] = [
  ['План мероприятий на 2023 год'],
  ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат'],
  ['1.', 'Семинар', 'мартобря', 'Методист', 'Протокол'],
  ['2.', 'Положение', 'Июнь 2023', 'Директор', 'Приказ'],
];

function setup(): void {
  ({ h } = recognisedHarness('2023-06-10', TABLE));
  expect(h.alerts()).toEqual([]);
}

/** Effective background of a cell (1-based row, 0-based column as in texts()). */
const bg = (row: number, column: number): string | undefined => h.sheet(SHEET).cells[row - 1]?.[column]?.background;

function edit(row: number, column: number, value: string): void {
  const e = h.runtime.userEdit(SHEET, row, column, value);
  h.run(() => onEdit(e), 'LIMITED');
}

/** 0-based column of a header on the canonical sheet. */
const col = (header: string): number => texts(h.sheet(SHEET))[0]!.indexOf(header);

describe('onEdit', () => {
  it('recolours the row when its deadline is corrected, and the problem highlight goes', () => {
    setup();
    const deadline = col('Срок');
    expect(bg(2, deadline)).toBe(BG.get('invalid'));
    edit(2, deadline + 1, 'Июнь 2023'); // today 10.06: the month is running, its end 20 days away
    expect(bg(2, deadline)).toBe(BG.get('active'));
    edit(2, deadline + 1, '15.06.2023'); // typed date: Sheets makes it a Date; 5 days away
    expect(bg(2, deadline)).toBe(BG.get('soon'));
    edit(2, deadline + 1, '');
    expect(bg(2, deadline)).toBe(BG.get('nodate'));
  });

  it('marks «Выполнено» done, asks for the completion date, and drops the highlight when it is typed', () => {
    setup();
    const status = col('Статус');
    const doneDate = col('Дата выполнения');
    expect(bg(3, doneDate)).toBeUndefined();
    edit(3, status + 1, 'Выполнено');
    expect(bg(3, col('Срок'))).toBe(BG.get('done'));
    expect(bg(3, doneDate)).toBe(BG.get('problem')); // done without a completion date
    edit(3, doneDate + 1, '05.06.2023');
    expect(bg(3, doneDate)).toBeUndefined();
    expect(texts(h.sheet(SHEET))[2]![doneDate]).toBe('05.06.2023');
  });

  it('highlights a cleared responsible cell at once, and never changes what the person typed', () => {
    setup();
    const responsible = col('Ответственные');
    edit(3, responsible + 1, '');
    expect(bg(3, responsible)).toBe(BG.get('problem'));
    const before = texts(h.sheet(SHEET)).map((r) => r.slice(0, 8));
    edit(3, responsible + 1, 'Заместитель директора');
    expect(bg(3, responsible)).toBeUndefined();
    const after = texts(h.sheet(SHEET)).map((r) => r.slice(0, 8));
    before[2]![responsible] = 'Заместитель директора';
    expect(after).toEqual(before);
  });

  it('costs the same few calls in LIMITED mode and ignores sheets that are not roadmaps', () => {
    setup();
    h.runtime.seedSheet('Заметки', [['что-то'], ['ещё']]);
    const e = h.runtime.userEdit('Заметки', 1, 1, 'правка');
    h.runtime.calls.reset();
    h.run(() => onEdit(e), 'LIMITED');
    expect(h.runtime.calls.count('Range.setValues')).toBe(0);
    expect(h.runtime.calls.count('Range.getValues')).toBe(0);
    expect(texts(h.sheet('Заметки'))).toEqual([['правка'], ['ещё']]);
  });

  it('leaves the row alone while another action holds the document lock', () => {
    setup();
    const deadline = col('Срок');
    const release = h.runtime.holdDocumentLock();
    edit(2, deadline + 1, 'Июнь 2023');
    expect(bg(2, deadline)).toBe(BG.get('invalid')); // not recomputed: the other action recomputes everything
    release();
  });
});
