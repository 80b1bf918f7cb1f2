// The live checks (src/live) on the in-memory runtime: our runtime is held to the same claims a
// maintainer checks on Google with `npm run test:live`, and the harness itself is exercised here.
import { afterEach, describe, expect, it } from 'vitest';
import { createGasRuntime, type GasRuntime } from '../../preview/gas';
import { CHECKS } from '../../src/live/checks';
import { RESULTS_SHEET, runLiveChecks, writeLiveReport } from '../../src/live/run';

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

function runtime(locale = 'ru_RU'): GasRuntime {
  const rt = createGasRuntime({ now: () => new Date('2025-03-10T09:00:00Z'), locale, timeZone: 'Europe/Moscow' });
  uninstall = rt.install();
  rt.seedSheet('Лист1', [['Данные']]);
  return rt;
}

describe('live checks on the in-memory runtime', () => {
  for (const locale of ['ru_RU', 'en_US']) {
    it(`every check agrees with our runtime (spreadsheet in ${locale})`, () => {
      const rt = runtime(locale);
      const report = rt.run('FULL', () => runLiveChecks());
      const failures = report.results.filter((r) => !r.ok).map((r) => `${r.name}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.actual)}`);
      expect(failures).toEqual([]);
      expect(report.passed).toBe(CHECKS.length);
      // The run leaves the spreadsheet as it found it: its locale, its sheets.
      const after = rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet());
      expect(rt.run('FULL', () => after.getSpreadsheetLocale())).toBe(locale);
      expect(rt.run('FULL', () => after.getSheets().map((s) => s.getName()))).toEqual(['Лист1']);
    });
  }

  it('covers the behaviours the issue lists', () => {
    const names = CHECKS.map((c) => c.name).join('\n');
    for (const s of ['=1+1', '+7', '-приказ', '1.1.', '1.5', '01.02.2021', '2021-02-01']) expect(names).toContain(`«${s}» into a plain-text`);
    for (const topic of ['date format reads back as a Date', 'setFormula with commas', 'conditional-format custom formula', 'TableCell.merge()', 'after saveAndClose', 'getDocumentLock', 'en_US', 'copied one by one', 'Docs API: the order renderer']) {
      expect(names).toContain(topic);
    }
  });

  it('reports a difference: a check whose claim the runtime does not meet fails with both answers', () => {
    const rt = runtime();
    const report = rt.run('FULL', () =>
      runLiveChecks([{ name: 'wrong claim', expected: () => 'text', run: (ctx) => ctx.sheet.getRange('A1').setValue('1,5').getValue() }]),
    );
    expect(report.failed).toBe(1);
    expect(report.results[0]).toMatchObject({ ok: false, expected: 'text', actual: 1.5 });
  });

  it('an error inside a check is a failure with its message, and the rest still run', () => {
    const rt = runtime();
    const report = rt.run('FULL', () =>
      runLiveChecks([
        { name: 'throws', expected: () => 1, run: () => { throw new Error('boom'); } },
        { name: 'fine', expected: () => 1, run: () => 1 },
      ]),
    );
    expect(report.results.map((r) => [r.ok, r.actual])).toEqual([[false, 'error: boom'], [true, 1]]);
  });

  it('the Run-button entry writes the results into a sheet', () => {
    const rt = runtime();
    rt.run('FULL', () => writeLiveReport(runLiveChecks()));
    const sheet = rt.snapshot().sheets.find((s) => s.name === RESULTS_SHEET)!;
    const texts = sheet.cells.map((row) => row.map((c) => c?.text ?? ''));
    expect(texts[0]).toEqual(['Проверка', 'Итог', 'Ожидается (наша модель)', 'Ответ Google']);
    expect(texts.length).toBe(CHECKS.length + 2);
    expect(texts.at(-1)![0]).toBe(`${CHECKS.length} passed, 0 failed`);
  });
});
