// Nothing a person typed is lost, on every real plan of the corpus (test/fixtures/roadmaps/real):
// «Распознать таблицу», «Проверить» and «Обновить сроки и цвета» leave the pasted sheet as it was, and every text of the pasted table that
// recognition did not set aside («не переносить») is on the new roadmap sheet — in a canonical
// column, an extra column with its own header, or a note.
import { afterEach, describe, expect, it } from 'vitest';
import { checkRoadmap, recognizeTable, refreshColours } from '../../../src/addon/roadmap/actions';
import { recognizeRoadmap } from '../../../src/core';
import { loadRealCorpus } from '../../unit/roadmap/corpus';
import { createHarness, texts, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

const norm = (t: string): string => t.replace(/\s+/g, ' ').trim();

describe('real plans: nothing typed is lost on the way to the roadmap sheet', () => {
  for (const r of loadRealCorpus()) {
    it(r.slug, () => {
      h = createHarness(r.plan?.[0] ?? '2023-03-15');
      h.runtime.seedSheet('Вставка', r.cells);
      const before = JSON.stringify(h.sheet('Вставка'));
      h.run(() => recognizeTable());
      expect(h.alerts()).toEqual([]);
      expect(JSON.stringify(h.sheet('Вставка'))).toBe(before);

      const sheet = h.sheet('Вставка — дорожная карта');
      const header = texts(sheet)[0]!;
      const rec = recognizeRoadmap(r.cells);
      for (const x of rec.extraColumns ?? []) {
        if (/^отметк/i.test(x.header.trim())) continue; // fills the canonical «Отметка о выполнении»
        expect(header, `extra column «${x.header}»`).toContain(norm(x.header) || `Столбец ${x.column + 1} исходной таблицы`);
      }
      // Every body text outside the number column and what was set aside is somewhere on the sheet.
      const blob = norm(sheet.cells.flat().map((c) => `${c?.text ?? ''} ${c?.note ?? ''}`).join(' '));
      const skippedColumns = new Set((rec.sourceColumns ?? []).filter((c) => c.meaning === 'skip' || c.meaning === 'number').map((c) => c.column));
      const bodyRows = new Set((rec.rowRoles ?? []).filter((x) => x.role !== 'skip').map((x) => x.row));
      // Marks in quarter columns («х», «+», «-») under a two-row «Сроки» header become the deadline text.
      const deadlineColumns = (rec.sourceColumns ?? []).filter((c) => c.meaning === 'deadline').map((c) => c.column);
      const isMark = (c: number, text: string): boolean => deadlineColumns.length > 1 && deadlineColumns.includes(c) && /^[-–—+хxvV✓✔]$/.test(text);
      const lost: string[] = [];
      r.cells.forEach((row, i) => {
        if (!bodyRows.has(i)) return;
        row.forEach((cell, c) => {
          const text = norm(String(cell ?? ''));
          if (text && !skippedColumns.has(c) && c !== rec.columns.number && !isMark(c, text) && !blob.includes(text)) lost.push(`row ${i + 1}, column ${c + 1}: ${text.slice(0, 60)}`);
        });
      });
      expect(lost).toEqual([]);

      // «Проверить» and «Обновить сроки и цвета» on the pasted sheet write nothing into it.
      h.run(() => SpreadsheetApp.getActiveSpreadsheet().setActiveSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Вставка')!));
      const report = h.run(() => checkRoadmap());
      expect(report.notes.join(' ')).toMatch(/только для чтения/);
      h.runtime.answerNext({ button: 'NO' });
      h.run(() => refreshColours());
      expect(JSON.stringify(h.sheet('Вставка'))).toBe(before);
    });
  }
});
