// Shared set-up of the roadmap integration tests: an in-memory Apps Script whose globals are
// installed for src/addon modules, with one clock for both TODAY() in formulas and the add-on's
// `new Date()` (install() pins both to the runtime clock).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGasRuntime, type GasRuntime } from '../../../preview/gas/index';
import type { AuthMode } from '../../../preview/gas/track';
import type { SheetSnapshot } from '../../../preview/gas/types';
import { recognizeTable } from '../../../src/addon/roadmap/actions';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface RoadmapFixture {
  name: string;
  plan: [string, string];
  cells: unknown[][];
}

export const FIXTURES = ['derbent-2023', 'kalinovskaya-2022-2024', 'khabez-2021'] as const;

export function fixture(name: string): RoadmapFixture {
  return JSON.parse(readFileSync(path.join(here, '../../fixtures/roadmaps', `${name}.json`), 'utf8')) as RoadmapFixture;
}

export interface Harness {
  runtime: GasRuntime;
  /** Runs as a menu item or sidebar call (FULL) or a simple trigger (LIMITED). */
  run<T>(fn: () => T, mode?: AuthMode): T;
  /** Moves the one clock to 09:00 Moscow time of `day`. */
  setToday(day: string): void;
  sheet(name: string): SheetSnapshot;
  /** Alerts shown so far (a menu action that failed shows one). */
  alerts(): string[];
  dispose(): void;
}

/** `locale`: the spreadsheet's (ru_RU unless a test is about another). */
export function createHarness(today: string, locale = 'ru_RU'): Harness {
  let now = new Date(`${today}T09:00:00+03:00`);
  // Sidebar pages are stand-ins: these tests look at what the server does, the browser tests at pages.
  const runtime = createGasRuntime({ now: () => now, timeZone: 'Europe/Moscow', locale, htmlFile: (page) => `<p>${page}</p>` });
  const uninstall = runtime.install();
  return {
    runtime,
    run: (fn, mode = 'FULL') => runtime.run(mode, fn),
    setToday(day) {
      now = new Date(`${day}T09:00:00+03:00`);
    },
    alerts: () => runtime.uiEvents.flatMap((e) => (e.type === 'alert' ? [e.message] : [])),
    sheet(name) {
      const s = runtime.snapshot().sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet «${name}»`);
      return s;
    },
    dispose() {
      uninstall();
    },
  };
}

/**
 * A harness whose sheet «План» holds `table`, recognised into «План — дорожная карта» (returned
 * with the harness): the usual start of a roadmap test.
 */
export function recognisedHarness(today: string, table: unknown[][], locale?: string): { h: Harness; sheet: string } {
  const h = createHarness(today, locale);
  h.runtime.seedSheet('План', table);
  h.run(() => recognizeTable());
  return { h, sheet: 'План — дорожная карта' };
}

/** Text of every cell of a sheet snapshot, [row][column]. */
export function texts(sheet: SheetSnapshot): string[][] {
  return sheet.cells.map((row) => row.map((c) => c?.text ?? ''));
}
