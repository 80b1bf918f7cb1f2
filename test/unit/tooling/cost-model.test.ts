// The time model is fitted to Google's own example (best practices, «Use batch operations"):
// 100 × 100 backgrounds cell by cell with a flush per row ≈ 70 s; computed in memory and written
// with one setBackgrounds ≈ 1 s. Both ways run here on the in-memory runtime, so the recorded calls
// (not a hand-written count) are what the model prices.
import { afterEach, describe, expect, it } from 'vitest';
import { createGasRuntime, type GasRuntime } from '../../../preview/gas';
import { classify, estimate, EXECUTION_LIMIT_MS, reportTime, timeTable } from '../../../bench/cost-model';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

function runtime(): GasRuntime {
  const rt = createGasRuntime({ now: () => new Date('2025-01-10T09:00:00Z') });
  uninstall = rt.install();
  rt.seedSheet('Лист1', [['']]);
  return rt;
}

const colour = (x: number, y: number): string => ((x + y) % 2 ? '#ff0000' : '#00ff00');

describe('time model', () => {
  it('prices Google\'s cell-by-cell example at about 70 s and the batched one at about 1 s', () => {
    const rt = runtime();
    rt.run('FULL', () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
      sheet.insertRowsAfter(1, 99);
      sheet.insertColumnsAfter(1, 99);
    });
    rt.calls.reset();
    rt.run('FULL', () => {
      const cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1');
      for (let y = 0; y < 100; y++) {
        for (let x = 0; x < 100; x++) cell.offset(y, x).setBackground(colour(x, y));
        SpreadsheetApp.flush();
      }
    });
    const slow = estimate(rt.calls.events());
    rt.calls.reset();
    rt.run('FULL', () => {
      const colours = Array.from({ length: 100 }, (_, y) => Array.from({ length: 100 }, (_, x) => colour(x, y)));
      SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange(1, 1, 100, 100).setBackgrounds(colours);
    });
    const fast = estimate(rt.calls.events());
    // Two lookups of the sheet are round trips too: within a few tenths of a second of Google's figures.
    expect(slow.ms / 1000).toBeGreaterThan(69);
    expect(slow.ms / 1000).toBeLessThan(71);
    expect(fast.cells).toBe(10_000);
    expect(fast.ms / 1000).toBeGreaterThan(0.9);
    expect(fast.ms / 1000).toBeLessThan(1.3);
  });

  it('charges builders nothing and reads a round trip', () => {
    expect(classify('ConditionalFormatRuleBuilder.whenFormulaSatisfied')).toBe('local');
    expect(classify('SpreadsheetApp.newConditionalFormatRule')).toBe('local');
    expect(classify('Range.getValues')).toBe('roundTrip');
    expect(classify('Range.setValues')).toBe('queued');
    expect(classify('Range.getNumRows')).toBe('local');
    expect(classify('Body.appendParagraph')).toBe('queued');
    expect(classify('DocumentApp.create')).toBe('roundTrip');
  });

  it('charges the cells a read returns as well as those a write sends', () => {
    const rt = runtime();
    rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange(1, 1, 1, 1).setValues([[1]]));
    rt.calls.reset();
    rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getDataRange().getValues());
    const read = rt.calls.events().find((e) => e.key === 'Range.getValues')!;
    expect(read.cells).toBe(1);
    expect(estimate(rt.calls.events()).cells).toBe(1);
  });

  it('counts the time between taking and releasing the lock', () => {
    const rt = runtime();
    rt.run('FULL', () => {
      const lock = LockService.getDocumentLock();
      SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1').getValue(); // before the lock
      lock.tryLock(1000);
      SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1').setValue('x');
      SpreadsheetApp.flush();
      lock.releaseLock();
    });
    const e = estimate(rt.calls.events());
    expect(e.lockMs).toBeGreaterThan(0);
    expect(e.lockMs).toBeLessThan(e.ms);
    const [row] = timeTable([reportTime('test', [e, { ...e, ms: EXECUTION_LIMIT_MS * 2 }])]);
    expect(row!['of limit']).toBe('200% OVER');
    expect(row!.executions).toBe(2);
  });
});
