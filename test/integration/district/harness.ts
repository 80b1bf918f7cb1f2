// A district in the in-memory Apps Script: the owner (the district official) runs the add-on,
// schools edit as themselves; the fixture roadmaps serve as templates.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGasRuntime, type GasRuntime } from '../../../preview/gas/index';
import type { SheetSnapshot } from '../../../preview/gas/types';
import { newOrgSheetRows } from '../../../src/core/org';
import { recognizeRoadmap } from '../../../src/core/roadmap';
import { canonicalItems } from '../../../src/addon/roadmap/recognize';
import { prepareCanonical, writeCanonicalSheet } from '../../../src/addon/roadmap/canonical-sheet';

export const OWNER = 'rono@example.org';
export const METODIST = 'metodist@example.org';
export const SCHOOL1 = 'school1@example.org';
export const SCHOOL2 = 'school2@example.org';
export const SCHOOL3 = 'school3@example.org';

export interface Fixture {
  name: string;
  plan: [string, string];
  cells: unknown[][];
}

export function fixture(name: 'derbent-2023' | 'kalinovskaya-2022-2024' | 'khabez-2021'): Fixture {
  const url = new URL(`../../fixtures/roadmaps/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as Fixture;
}

export interface District {
  runtime: GasRuntime;
  ss(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Runs as the district official (FULL), or as `user`. */
  run<T>(fn: () => T, user?: string): T;
  sheet(name: string): SheetSnapshot;
  templateId: number;
  /** Moves the one clock (TODAY() and the add-on's `new Date()`) to 09:00 Moscow time of `day`. */
  setToday(day: string): void;
  dispose(): void;
}

/** The registry: [short name, sheet, editors], the district first. */
export function registryRows(rows: [string, string, string][]): string[][] {
  const header = newOrgSheetRows()[0]!;
  const at = (re: RegExp) => header.findIndex((h) => re.test(h));
  return [header, ...rows.map(([short, sheet, editors]) => {
    const row = header.map(() => '');
    row[at(/^Краткое/)] = short;
    row[at(/^Лист/)] = sheet;
    row[at(/^Редакторы/)] = editors;
    row[at(/^Формат/)] = '{n}';
    return row;
  })];
}

/** The registry with each organisation's requisites filled in (an order or a report needs them), in row order. */
export function withRequisites(rows: string[][]): string[][] {
  const at = (re: RegExp) => rows[0]!.findIndex((h) => re.test(h));
  const heads: [string, string, string][] = [
    ['МКУ «Управление образования»', 'Начальник', 'Гаджибекова Саида Алиевна'],
    ['МБОУ «Средняя общеобразовательная школа № 1»', 'Директор', 'Иванова Мария Петровна'],
    ['МБОУ «Средняя общеобразовательная школа № 2»', 'Директор', 'Петров Иван Сергеевич'],
    ['МБОУ «Калиновская основная общеобразовательная школа»', 'Директор', 'Сидорова Анна Ивановна'],
  ];
  return rows.map((row, i) => {
    const h = heads[i - 1];
    if (i === 0 || !h) return row;
    const out = [...row];
    out[at(/^Полное/)] = h[0];
    out[at(/^Должность/)] = h[1];
    out[at(/^ФИО/)] = h[2];
    return out;
  });
}

export const THREE_SCHOOLS = registryRows([
  ['Управление образования', 'Район', `${OWNER}, ${METODIST}`],
  ['МБОУ «СОШ № 1»', 'Школа 1', SCHOOL1],
  ['МБОУ «СОШ № 2»', 'Школа 2', SCHOOL2],
  ['МБОУ «Калиновская ООШ»', '', SCHOOL3],
]);

export function createDistrict(today: string, template: Fixture, registry: string[][] = THREE_SCHOOLS): District {
  let now = new Date(`${today}T09:00:00+03:00`);
  const runtime = createGasRuntime({ now: () => now, timeZone: 'Europe/Moscow', owner: OWNER, user: OWNER, htmlFile: (p) => `<p>${p}</p>` });
  const uninstall = runtime.install();
  const ss = () => SpreadsheetApp.getActiveSpreadsheet();
  runtime.run('FULL', () => ss().addEditors([METODIST, SCHOOL1, SCHOOL2, SCHOOL3]));
  runtime.seedSheet('Организации', registry);
  const templateId = runtime.run('FULL', () => {
    const items = canonicalItems(recognizeRoadmap(template.cells));
    const plan = { title: template.name, planStart: template.plan[0], planEnd: template.plan[1] };
    return writeCanonicalSheet(ss(), 'Район', prepareCanonical(items, plan, today), plan).getSheetId();
  });
  return {
    runtime,
    ss,
    run: (fn, user) => runtime.run('FULL', fn, user ? { user } : undefined),
    sheet(name) {
      const s = runtime.snapshot().sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet «${name}»`);
      return s;
    },
    templateId,
    setToday(day) {
      now = new Date(`${day}T09:00:00+03:00`);
    },
    dispose() {
      uninstall();
    },
  };
}

/** Text of a sheet's cells, [row][column]. */
export const texts = (s: SheetSnapshot): string[][] => s.cells.map((r) => r.map((c) => c?.text ?? ''));
