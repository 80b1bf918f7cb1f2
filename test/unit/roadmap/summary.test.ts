import { describe, expect, it } from 'vitest';
import { pluralRu, problemCell, recognizeRoadmap, summarizeRecognition, validateRoadmap } from '../../../src/core';
import { loadRoadmap } from './fixtures';

describe('summarizeRecognition', () => {
  it('tells the user what was recognised, in Russian with correct plural forms', () => {
    const r = recognizeRoadmap(loadRoadmap('derbent-2023').cells);
    expect(summarizeRecognition(r)).toEqual(['Распознано: 10 разделов, 22 мероприятия.', 'Период плана: 01.01.2023–31.12.2023.']);
    const k = recognizeRoadmap(loadRoadmap('khabez-2021').cells);
    expect(summarizeRecognition(k)[0]).toBe('Распознано: 0 разделов, 11 мероприятий.');
  });

  it('appends the warnings', () => {
    expect(summarizeRecognition(recognizeRoadmap([]))).toEqual(['Распознано: 0 разделов, 0 мероприятий.', 'Лист пуст: вставьте таблицу дорожной карты вместе со строкой заголовков.']);
  });

  it('plural forms', () => {
    const f = ['раздел', 'раздела', 'разделов'] as const;
    expect([1, 2, 5, 11, 12, 21, 22, 25, 101, 111].map((n) => pluralRu(n, f))).toEqual([
      'раздел', 'раздела', 'разделов', 'разделов', 'разделов', 'раздел', 'раздела', 'разделов', 'раздел', 'разделов',
    ]);
  });
});

describe('problemCell', () => {
  it('points at the cell of the problem, with the deadline column of a reordered table', () => {
    const f = loadRoadmap('khabez-2021');
    const r = recognizeRoadmap(f.cells);
    const [p] = validateRoadmap(r.items, { planStart: f.plan[0], planEnd: f.plan[1] });
    expect(p && problemCell(p, r.items, r.columns, 1)).toEqual({ row: 20, column: 5 });
    expect(f.cells[19]?.[4]).toBe('В т. ч. года');
  });
});
