// Shared set-up for order integration tests and the order benchmark: an in-memory spreadsheet with
// a canonical roadmap sheet made from a fixture (recognised, then written as the add-on writes it)
// and an «Организации» sheet.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGasRuntime, type GasRuntime } from '../../../preview/gas';
import { CANONICAL_COLUMNS, canonicalHeaderRow, itemsToRows, recognizeRoadmap, type CanonicalItem, type RecognizedItem } from '../../../src/core';
import { ORG_COLUMNS, type Organisation } from '../../../src/core/org';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';

export const ROADMAP_SHEET = 'Дорожная карта';
export const FIXTURES = ['derbent-2023', 'kalinovskaya-2022-2024', 'khabez-2021'] as const;
export type FixtureName = (typeof FIXTURES)[number];

const dir = fileURLToPath(new URL('../../fixtures/roadmaps/', import.meta.url));

export interface Fixture {
  name: string;
  plan: [string, string];
  cells: string[][];
}

export function loadFixture(name: FixtureName): Fixture {
  return JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as Fixture;
}

export interface SeededRoadmap {
  title: string;
  items: RecognizedItem[];
  /** Sheet values as seeded: title row, header, item rows. */
  values: string[][];
}

/**
 * Seeds the roadmap sheet as the add-on writes it: text columns formatted '@' before the values, so
 * a number such as "1.5" stays text (a ru_RU sheet would otherwise make it the 1st of May).
 */
export function seedRoadmap(rt: GasRuntime, values: string[][], name = ROADMAP_SHEET): void {
  rt.seedSheet(name, values.map((row) => row.map(() => '')));
  const width = Math.max(...values.map((r) => r.length));
  const rows = values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  rt.run('FULL', () => {
    const range = rt.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!.getRange(1, 1, rows.length, width);
    range.setNumberFormats(rows.map((row) => row.map((_, c) => CANONICAL_COLUMNS[c]?.numberFormat ?? '@')));
    range.setValues(rows);
  });
  rt.calls.reset();
}

/** The canonical sheet the add-on would have made from this pasted fixture. */
export function canonicalFromFixture(name: FixtureName): SeededRoadmap {
  const fixture = loadFixture(name);
  const recognition = recognizeRoadmap(fixture.cells);
  const [start, end] = fixture.plan;
  const period = start.slice(0, 4) === end.slice(0, 4) ? `на ${start.slice(0, 4)} год` : `на ${start.slice(0, 4)}-${end.slice(0, 4)} гг.`;
  const title = recognition.plan?.title || `План мероприятий (дорожная карта) ${period}`;
  return { title, items: recognition.items, values: canonicalValues(title, recognition.items) };
}

export function canonicalValues(title: string, items: CanonicalItem[]): string[][] {
  const header = canonicalHeaderRow();
  const titleRow = header.map((_, i) => (i === 0 ? title : ''));
  return [titleRow, header, ...itemsToRows(items)];
}

/** A synthetic roadmap: `sections` sections sharing `items` items, deadlines within 2025. */
export function syntheticItems(items: number, sections: number): CanonicalItem[] {
  const out: CanonicalItem[] = [];
  const perSection = Math.ceil(items / Math.max(1, sections));
  let made = 0;
  for (let s = 1; s <= Math.max(1, sections) && made < items; s++) {
    if (sections > 0) {
      out.push({ number: `${s}.`, level: 1, isSection: true, activity: `Раздел ${s}. Организационные мероприятия`, deadline: '', responsible: '', result: '', sourceRows: [] });
    }
    for (let k = 1; k <= perSection && made < items; k++, made++) {
      const month = ((made % 12) + 1).toString().padStart(2, '0');
      out.push({
        number: sections > 0 ? `${s}.${k}.` : `${k}.`,
        level: sections > 0 ? 2 : 1,
        isSection: false,
        activity: `Мероприятие ${made + 1}: проведение семинара для наставников и наставляемых`,
        deadline: `До 28.${month}.2025`,
        responsible: 'Куратор внедрения ЦМН, руководители ШМО',
        result: 'Информационная справка',
        sourceRows: [],
      });
    }
  }
  return out;
}

/** A row of «Организации» as typed: editors as one comma-separated cell. */
export type OrgValues = Omit<Organisation, 'row' | 'editors'> & { editors: string };

export const DERBENT_ORG: OrgValues = { ...DERBENT_REQUISITES, roadmapSheet: ROADMAP_SHEET, editors: '' };

export function orgRows(orgs: OrgValues[]): string[][] {
  return [ORG_COLUMNS.map((c) => c.header), ...orgs.map((o) => ORG_COLUMNS.map((c) => o[c.field]))];
}

export const NOW = new Date('2026-11-23T09:30:00Z');
export const TODAY = '2026-11-23';

export function newRuntime(locale = 'ru_RU'): GasRuntime {
  return createGasRuntime({ now: () => NOW, user: 'metodist@example.org', locale, htmlFile: () => '<html></html>' });
}

/** Runs fn with the runtime's globals installed (as one FULL execution). */
export function inRuntime<T>(rt: GasRuntime, fn: () => T, user?: string): T {
  const uninstall = rt.install();
  try {
    return rt.run('FULL', fn, user ? { user } : undefined);
  } finally {
    uninstall();
  }
}

/** Body text of a document snapshot, one entry per paragraph or table cell, in order. */
export function flatText(blocks: import('../../../preview/gas').DocBlockSnapshot[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'paragraph' || b.type === 'listItem') return [b.text];
    if (b.type === 'table') return b.rows.flatMap((r) => r.cells.map((c) => c.text));
    return ['\f'];
  });
}
