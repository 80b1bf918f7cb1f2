// The built add-on, loaded as Apps Script loads it: dist/Code.js in a fresh V8 context holding only
// the in-memory services. Proves what Apps Script needs from the bundle: the menu builds in every
// authorization mode, every function the menu or a sidebar calls is a top-level global function.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../src/contract';
import { createGasRuntime, loadBundle, type GasRuntime, type MenuSnapshot } from '../../preview/gas';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = (name: string): string => path.join(root, 'dist', name);

let code = '';
let panelHtml = '';

// esbuild.config.mjs is untyped JavaScript: import it by URL and state the one function used.
type BuildConfig = { build(): Promise<{ exports: string[]; pages: string[] }> };

beforeAll(async () => {
  const { build } = (await import(new URL('../../esbuild.config.mjs', import.meta.url).href)) as BuildConfig;
  await build();
  code = readFileSync(dist('Code.js'), 'utf8');
  panelHtml = readFileSync(dist('panel.html'), 'utf8');
});

function load(options: Parameters<typeof createGasRuntime>[0] = {}) {
  const runtime = createGasRuntime({
    spreadsheetName: 'План наставничества',
    htmlFile: (name) => {
      try {
        return readFileSync(dist(`${name}.html`), 'utf8');
      } catch {
        return null;
      }
    },
    ...options,
  });
  const fns = loadBundle(runtime, code);
  return { runtime, fns };
}

function call(fns: Record<string, (...args: unknown[]) => unknown>, name: string, ...args: unknown[]): unknown {
  const fn = fns[name];
  if (!fn) throw new Error(`${name} is not a global function of the bundle`);
  return fn(...args);
}

function functionNames(items: MenuSnapshot[]): string[] {
  return items.flatMap((i) => ('functionName' in i ? [i.functionName] : 'items' in i ? functionNames(i.items) : []));
}

function menuOf(runtime: GasRuntime) {
  const menus = runtime.uiEvents.filter((e) => e.type === 'menu');
  expect(menus).toHaveLength(1);
  return menus[0]!;
}

describe('dist/Code.js in node:vm', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('onOpen in AuthMode.%s builds the Russian menu and touches nothing else', (mode) => {
    const { runtime, fns } = load();
    runtime.run(mode, () => call(fns, 'onOpen', { authMode: runtime.globals.ScriptApp.AuthMode[mode] }));
    const menu = menuOf(runtime);
    expect(menu.title).toBe('Дорожная карта');
    const captions = menu.items.flatMap((i) => ('caption' in i ? [i.caption] : []));
    expect(captions).toContain('Открыть панель');
    // Russian captions: capitalised, Cyrillic words (product names such as Google may stay Latin).
    for (const caption of captions) {
      expect(caption).toMatch(/^[А-ЯЁA-Z]/);
      expect(caption).toMatch(/[а-яё]{3,}/);
    }
    const touched = Object.keys(runtime.calls.snapshot());
    expect(touched.length).toBeGreaterThan(0);
    for (const key of touched) expect(key).toMatch(/^(Ui\.(createAddonMenu|createMenu)|Menu\.\w+|SpreadsheetApp\.getUi)$/);
    expect(runtime.uiEvents.every((e) => e.type === 'menu')).toBe(true);
  });

  it('onInstall builds the same menu', () => {
    const a = load();
    // onInstall runs in FULL (editor add-on authorization guide).
    a.runtime.run('FULL', () => call(a.fns, 'onInstall', { authMode: a.runtime.globals.ScriptApp.AuthMode.FULL }));
    const b = load();
    b.runtime.run('NONE', () => call(b.fns, 'onOpen', { authMode: b.runtime.globals.ScriptApp.AuthMode.NONE }));
    expect(menuOf(a.runtime)).toEqual(menuOf(b.runtime));
  });

  it('every menu item and every sidebar endpoint is a top-level global function', () => {
    const { runtime, fns } = load();
    runtime.run('NONE', () => call(fns, 'onOpen'));
    const names = [...functionNames(menuOf(runtime).items), ...Object.keys(api)];
    expect(names.length).toBeGreaterThan(Object.keys(api).length);
    for (const name of names) {
      expect(typeof fns[name], name).toBe('function');
      expect(name.endsWith('_'), `${name} would be private in Apps Script`).toBe(false);
    }
  });

  it('the reminders\' clock trigger names a global function of the bundle, which runs when it fires', () => {
    const { runtime, fns } = load({ now: () => new Date('2025-09-08T08:30:00+03:00') });
    const state = runtime.run('FULL', () => call(fns, 'saveReminders', { enabled: true, frequency: 'weekly', weekday: 1, monthDay: 1, hour: 8, days: 7, addresses: '' })) as { message: string };
    expect(state.message).toMatch(/^Напоминания включены/);
    const [trigger] = runtime.triggers();
    expect(typeof fns[trigger!.handler], trigger!.handler).toBe('function');
    expect(runtime.fireClockTriggers(fns as Record<string, (e: unknown) => unknown>)).toEqual([trigger!.id]);
  });

  it('the bundle sees no Node globals', () => {
    const { fns } = load();
    expect(Object.keys(fns)).not.toContain('require');
    const probe = loadBundle(createGasRuntime(), 'function probe() { return [typeof require, typeof process, typeof setTimeout, typeof SpreadsheetApp]; }');
    expect(call(probe, 'probe')).toEqual(['undefined', 'undefined', 'undefined', 'object']);
  });

  it('openPanel shows the built panel in FULL and is refused in LIMITED', () => {
    const { runtime, fns } = load();
    expect(() => runtime.run('LIMITED', () => call(fns, 'openPanel'))).toThrow(/You do not have permission/);
    expect(runtime.uiEvents.filter((e) => e.type === 'sidebar')).toHaveLength(0);
    runtime.run('FULL', () => call(fns, 'openPanel'));
    const sidebar = runtime.uiEvents.find((e) => e.type === 'sidebar');
    expect(sidebar).toBeDefined();
    if (sidebar?.type !== 'sidebar') return;
    expect(sidebar.html).toBe(panelHtml);
    expect(sidebar.title).toMatch(/[А-Яа-я]/);
  });

  it('getPanelState returns the spreadsheet name and today in the spreadsheet time zone', () => {
    // 22:30 UTC on 31 Dec is already 1 January in Moscow.
    const { runtime, fns } = load({ now: () => new Date('2025-12-31T22:30:00Z'), timeZone: 'Europe/Moscow' });
    const state = runtime.run('FULL', () => call(fns, 'getPanelState')) as Record<string, unknown>;
    expect(state.spreadsheetName).toBe('План наставничества');
    expect(state.today).toBe('2026-01-01');
    expect(state.timeZone).toBe('Europe/Moscow');
  });

  it('an endpoint called with bad arguments fails with a Russian message, not a stack', () => {
    const { runtime, fns } = load();
    let message = '';
    try {
      runtime.run('FULL', () => call(fns, 'getPanelState', 'лишний аргумент', 42));
    } catch (error) {
      message = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
        ? String((error as { message: unknown }).message)
        : String(error);
    }
    expect(message).toMatch(/^Неверный запрос к серверу/);
    expect(message).toMatch(/[а-я]{4,}/);
    expect(message).not.toMatch(/\n\s+at /);
  });
});

describe('dist/panel.html', () => {
  it('is self-contained: no external URL, no CDN', () => {
    expect(panelHtml).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(panelHtml).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
  });

  it('contains no "<?" (createHtmlOutputFromFile is safe, and no scriptlet could run if templated)', () => {
    expect(panelHtml).not.toContain('<?');
  });

  it('speaks Russian', () => {
    expect(panelHtml).toMatch(/lang="ru"/);
  });
});
