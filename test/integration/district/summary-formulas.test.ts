// The summary's live formulas and core's summarizeRows() are two forms of the same rules: for any
// school sheet, the spreadsheet's computed values must equal the in-memory counts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGasRuntime, type GasRuntime } from '../../../preview/gas/index';
import { summarizeRows, summaryFormulas, type SummaryRow } from '../../../src/core/district';
import { addDays, toSheetSerial } from '../../../src/core/dates';
import { CANONICAL_COLUMNS, CANONICAL_INDEX } from '../../../src/core/roadmap';
import { OCCURRENCE_SLOTS, extraHelperHeaders } from '../../../src/core/roadmap/colour';

const TODAY = '2024-03-15';
const WIDTH = CANONICAL_COLUMNS.length + extraHelperHeaders().length;
const EXTRA_END = CANONICAL_COLUMNS.length + 1 + OCCURRENCE_SLOTS; // 1-based: after the state and the extra starts
const KEYS = ['items', 'done', 'inProgress', 'overdue', 'soon', 'noDate', 'share', 'lastDone'] as const;

let rt: GasRuntime;
let uninstall: () => void;
beforeAll(() => {
  rt = createGasRuntime({ now: () => new Date(`${TODAY}T09:00:00+03:00`) });
  uninstall = rt.install();
});
afterAll(() => uninstall());

const day = fc.integer({ min: -60, max: 60 }).map((n) => addDays(TODAY, n));
const maybeDay = fc.option(day, { nil: '' as const });
const row: fc.Arbitrary<SummaryRow> = fc.record({
  activity: fc.constantFrom('', 'Мероприятие', 'Приказ'),
  status: fc.constantFrom('', 'Не начато', 'В работе', 'Выполнено', 'Отменено', 'выполнено'),
  kind: fc.constantFrom('section', 'date', 'by', 'period', 'recurring', 'throughout', 'external', 'empty', 'unrecognized'),
  end: maybeDay,
  extraEnds: fc.array(maybeDay, { minLength: OCCURRENCE_SLOTS - 1, maxLength: OCCURRENCE_SLOTS - 1 }),
  doneDate: maybeDay,
});

/** The school sheet's cells for these rows: header, then user and helper columns in the canonical layout. */
function sheetRows(rows: readonly SummaryRow[]): (string | number)[][] {
  const header = [...CANONICAL_COLUMNS.map((c) => c.header), ...extraHelperHeaders()];
  const serial = (d: string): number | string => (d ? toSheetSerial(d) : '');
  return [header, ...rows.map((r) => {
    const out: (string | number)[] = new Array<string | number>(WIDTH).fill('');
    out[CANONICAL_INDEX.number] = '1.1.';
    out[CANONICAL_INDEX.activity] = r.activity;
    out[CANONICAL_INDEX.status] = r.status;
    out[CANONICAL_INDEX.doneDate] = serial(r.doneDate);
    out[CANONICAL_INDEX.helperEnd] = serial(r.end);
    out[CANONICAL_INDEX.helperKind] = r.kind;
    r.extraEnds.forEach((e, k) => (out[EXTRA_END - 1 + k] = serial(e)));
    return out;
  })];
}

describe('summary formulas', () => {
  it('compute what summarizeRows computes, for any sheet', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 12 }), fc.integer({ min: 0, max: 30 }), (rows, soonDays) => {
        const name = `Школа ${++n}`;
        const got = rt.run('FULL', () => {
          const ss = SpreadsheetApp.getActiveSpreadsheet();
          const sheet = ss.insertSheet(name);
          const cells = sheetRows(rows);
          sheet.getRange(1, 1, cells.length, WIDTH).setValues(cells);
          const f = summaryFormulas(name, {
            activity: CANONICAL_INDEX.activity + 1, status: CANONICAL_INDEX.status + 1, doneDate: CANONICAL_INDEX.doneDate + 1,
            helperEnd: CANONICAL_INDEX.helperEnd + 1, helperKind: CANONICAL_INDEX.helperKind + 1, extraEnd: EXTRA_END, extraEnds: OCCURRENCE_SLOTS - 1,
          }, 2, soonDays, { items: 'A1', done: 'B1' });
          const out = ss.insertSheet(`Свод ${n}`);
          out.getRange(1, 1, 1, KEYS.length).setFormulas([KEYS.map((k) => f[k])]);
          const values = out.getRange(1, 1, 1, KEYS.length).getValues()[0]!;
          ss.deleteSheet(out);
          ss.deleteSheet(sheet);
          return values;
        });
        const want = summarizeRows(rows, TODAY, soonDays);
        const [items, done, inProgress, overdue, soon, noDate, share, lastDone] = got;
        expect({ items, done, inProgress, overdue, soon, noDate }).toEqual({
          items: want.items, done: want.done, inProgress: want.inProgress, overdue: want.overdue, soon: want.soon, noDate: want.noDate,
        });
        if (want.share === null) expect(share).toBe('');
        else expect(share as number).toBeCloseTo(want.share, 9);
        if (want.lastDone === null) expect(lastDone).toBe('');
        else expect(lastDone).toBe(toSheetSerial(want.lastDone)); // serials here: the cells carry no date format
      }),
      { numRuns: 40 },
    );
  });
});
