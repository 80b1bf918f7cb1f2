// A freshly pasted table is the person's sheet: «Проверить», «Обновить сроки и цвета», the
// recognise sidebar and «Распознать таблицу» read it and never write into it — values, formulas,
// number formats, notes, backgrounds, rules and the grid stay exactly as pasted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyRecognition, checkRoadmap, getRecognitionReport, previewRecognition, recognizeTable, refreshColours, refreshRoadmap,
} from '../../../src/addon/roadmap/actions';
import { getPanelState } from '../../../src/addon/panel';
import { fixDeadline } from '../../../src/addon/roadmap/fix-deadline';
import { createHarness, fixture, texts, type Harness } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
let h: Harness;
afterEach(() => h?.dispose());

/** Everything a person could notice on a sheet, read through the Apps Script API itself. */
function fingerprint(name: string): string {
  return h.run(() => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
    const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    return JSON.stringify({
      grid: [sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getFrozenRows()],
      values: all.getValues(),
      formulas: all.getFormulas(),
      formats: all.getNumberFormats(),
      notes: all.getNotes(),
      backgrounds: all.getBackgrounds(),
      rules: sheet.getConditionalFormatRules().length,
      protections: sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).length,
      hidden: Array.from({ length: sheet.getMaxColumns() }, (_, c) => sheet.isColumnHiddenByUser(c + 1)),
    });
  });
}

/** The derbent roadmap pasted as a person would: a note, a text column, a failed formula. */
function pasted(): void {
  h = createHarness('2023-03-15');
  h.runtime.seedSheet('Вставка', fixture('derbent-2023').cells);
  h.run(() => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!;
    sheet.getRange('A1').setNote('вставлено из Word');
    sheet.getRange('C1:C5').setNumberFormat('@');
    sheet.getRange('F3').setFormula('=ПРИКАЗ(1)'); // shows #NAME?
  });
}

describe('a pasted table is never written by the add-on', () => {
  it('«Проверить» checks it read-only, says so, and points at the pasted cells', () => {
    pasted();
    const before = fingerprint('Вставка');
    const report = h.run(() => checkRoadmap());
    expect(fingerprint('Вставка')).toBe(before);
    expect(report.sheetName).toBe('Вставка');
    expect(report.notes.join(' ')).toMatch(/только для чтения, на листе ничего не изменено/);
    expect(report.errors + report.warnings).toBeGreaterThan(0);
    const values = texts(h.sheet('Вставка'));
    for (const p of report.rows.flatMap((r) => r.problems)) {
      expect(p.message.startsWith(`Строка ${p.row}`)).toBe(true);
      if (p.column !== null) expect(values[0]!.length).toBeGreaterThanOrEqual(p.column);
    }
    expect(h.runtime.snapshot().sheets.map((s) => s.name)).toEqual(['Вставка']);
  });

  it('«Обновить сроки и цвета» writes nothing and offers recognition; «Нет» leaves everything as it was', () => {
    pasted();
    const before = fingerprint('Вставка');
    h.runtime.answerNext({ button: 'NO' });
    h.run(() => refreshColours());
    expect(h.alerts()[0]).toMatch(/не оформлен дополнением как дорожная карта[\s\S]*Распознать таблицу сейчас\?/);
    expect(fingerprint('Вставка')).toBe(before);
    expect(h.runtime.snapshot().sheets.map((s) => s.name)).toEqual(['Вставка']);
    expect(() => h.run(() => refreshRoadmap())).toThrow(/ничего в нём не меняет/);
    expect(fingerprint('Вставка')).toBe(before);
  });

  it('answering «Да» recognises the table into a new sheet; the pasted one stays as it was', () => {
    pasted();
    const before = fingerprint('Вставка');
    h.runtime.answerNext({ button: 'YES' });
    h.run(() => refreshColours());
    expect(h.alerts()).toHaveLength(1);
    expect(texts(h.sheet('Вставка — дорожная карта'))[0]![1]).toBe('Мероприятие');
    expect(fingerprint('Вставка')).toBe(before);
  });

  it('after «Проверить» and «Обновить сроки и цвета», «Распознать таблицу» still accepts the sheet', () => {
    pasted();
    const before = fingerprint('Вставка');
    h.run(() => checkRoadmap());
    h.runtime.answerNext({ button: 'NO' });
    h.run(() => refreshColours());
    h.run(() => recognizeTable());
    expect(h.alerts()).toHaveLength(1); // only the offer, no refusal
    expect(h.run(() => getRecognitionReport()).report?.sheetName).toBe('Вставка — дорожная карта');
    expect(fingerprint('Вставка')).toBe(before);
  });

  it('the recognise sidebar (view, preview, apply) and the panel leave it as pasted', () => {
    pasted();
    const before = fingerprint('Вставка');
    h.run(() => recognizeTable());
    const state = h.run(() => getRecognitionReport());
    expect(state.view?.sourceName).toBe('Вставка');
    const id = state.view!.sourceSheetId;
    const choices = { ...state.view!.choices, plan: { start: '2023-01-01', end: '2024-12-31' } };
    h.run(() => previewRecognition(id, choices));
    h.run(() => applyRecognition(id, choices, state.report!.sheetId));
    h.run(() => getPanelState());
    expect(fingerprint('Вставка')).toBe(before);
  });

  it('a deadline typo in a pasted table is reported without a one-click fix, and a fix is refused', () => {
    h = createHarness('2023-06-01');
    h.runtime.seedSheet('Вставка', [['План на 2023 год'], ['№', 'Мероприятие', 'Срок', 'Ответственные'], ['1.', 'Летний лагерь', 'иголь 2023', 'Директор']]);
    const before = fingerprint('Вставка');
    const report = h.run(() => checkRoadmap());
    const problems = report.rows.flatMap((r) => r.problems);
    expect(problems.some((p) => p.column === 3)).toBe(true);
    expect(problems.every((p) => p.fix === null)).toBe(true);
    const sheetId = h.sheet('Вставка').sheetId;
    expect(() => h.run(() => fixDeadline({ sheetId, row: 3, column: 3, text: 'иголь 2023', fix: 'июль 2023' }))).toThrow(/ничего в нём не меняет/);
    expect(fingerprint('Вставка')).toBe(before);
  });

  it('the panel reads a pasted table as «Проверить» does: «1.1» typed in a Russian spreadsheet is a number, not a date', () => {
    // A real regional plan numbered «1.1», «1.2»: typed into a ru_RU spreadsheet, each becomes a date.
    const real = JSON.parse(readFileSync(path.join(here, '../../fixtures/roadmaps/real/garant-mordovia-fgos-2021-2023.json'), 'utf8')) as { cells: string[][] };
    h = createHarness('2022-03-01');
    h.runtime.seedSheet('Вставка', [['']]);
    const width = Math.max(...real.cells.map((r) => r.length));
    const typed = real.cells.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
    h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!.getRange(1, 1, typed.length, width).setValues(typed));
    expect(h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!.getRange('A9').getValue())).toBeInstanceOf(Date);
    const before = fingerprint('Вставка');
    const check = h.run(() => checkRoadmap());
    const panel = h.run(() => getPanelState()).overview!;
    expect(check.rows.flatMap((r) => r.problems).filter((p) => p.column === 1)).toEqual([]);
    expect({ errors: panel.errors, warnings: panel.warnings }).toEqual({ errors: check.errors, warnings: check.warnings });
    expect(panel.colours.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(0);
    expect(fingerprint('Вставка')).toBe(before);
  });

  it('a sheet with no table at all is still told apart, in Russian', () => {
    h = createHarness('2023-06-01');
    h.runtime.seedSheet('Заметки', [['Просто текст']]);
    const before = fingerprint('Заметки');
    expect(() => h.run(() => checkRoadmap())).toThrow(/не похож на дорожную карту/);
    expect(fingerprint('Заметки')).toBe(before);
  });
});
