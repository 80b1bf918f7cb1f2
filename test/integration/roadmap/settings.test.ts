// Roadmap settings in document properties: they must hold a district's hundreds of school sheets
// (a property holds at most 9 KB) and stay readable by onEdit in LIMITED mode.
import { describe, expect, it } from 'vitest';
import { createGasRuntime } from '../../../preview/gas';
import { SETTINGS_KEY, readSettings, requiresMark, writeSettings, type RoadmapSettings } from '../../../src/addon/roadmap/settings';

const sheet = (i: number) => ({ title: `План мероприятий МБОУ «СОШ № ${i}» по внедрению целевой модели наставничества`, planStart: '2022-01-01', planEnd: '2024-12-31' });

describe('roadmap settings', () => {
  it('keep every one of 300 school sheets, and onEdit (LIMITED) reads them', () => {
    const rt = createGasRuntime();
    const uninstall = rt.install();
    try {
      const settings: RoadmapSettings = { soonDays: 10, sheets: {} };
      for (let i = 1; i <= 300; i++) settings.sheets[String(1000 + i)] = sheet(i);
      rt.run('FULL', () => writeSettings(settings));
      const read = rt.run('LIMITED', () => readSettings());
      expect(Object.keys(read.sheets)).toHaveLength(300);
      expect(read.sheets['1300']).toEqual(sheet(300));
      expect(read.soonDays).toBe(10);

      // A sheet dropped from the settings loses its property; the others stay.
      delete settings.sheets['1001'];
      rt.run('FULL', () => writeSettings(settings));
      const again = rt.run('FULL', () => readSettings());
      expect(again.sheets['1001']).toBeUndefined();
      expect(Object.keys(again.sheets)).toHaveLength(299);
    } finally {
      uninstall();
    }
  });

  it('still read what the first version stored in one property', () => {
    const rt = createGasRuntime();
    const uninstall = rt.install();
    try {
      rt.run('FULL', () =>
        PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify({ soonDays: 7, sheets: { '42': sheet(42) } })),
      );
      expect(rt.run('FULL', () => readSettings())).toEqual({ soonDays: 7, sheets: { '42': sheet(42) } });
    } finally {
      uninstall();
    }
  });

  it('warn about «Выполнено» without a mark unless switched off; the default is not stored, so older properties stay as they were', () => {
    const rt = createGasRuntime();
    const uninstall = rt.install();
    try {
      const props = () => rt.properties('document')[SETTINGS_KEY];
      rt.run('FULL', () => PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify({ soonDays: 7 })));
      expect(requiresMark(rt.run('FULL', () => readSettings()))).toBe(true);
      rt.run('FULL', () => writeSettings({ ...readSettings(), requireMark: false }));
      expect(JSON.parse(props()!)).toEqual({ soonDays: 7, requireMark: false });
      expect(requiresMark(rt.run('FULL', () => readSettings()))).toBe(false);
      rt.run('FULL', () => writeSettings({ ...readSettings(), requireMark: true }));
      expect(JSON.parse(props()!)).toEqual({ soonDays: 7 });
    } finally {
      uninstall();
    }
  });
});
