// The live-check bundle as `npm run test:live` pushes it: dist-live/Code.js (the add-on plus the
// live entry points) loaded as Apps Script loads it, its two entry points run on the in-memory
// runtime, and a manifest the Apps Script API may run with the add-on's own scopes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGasRuntime, loadBundle } from '../../preview/gas';
import { CHECKS } from '../../src/live/checks';
import type { LiveReport } from '../../src/live/run';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type BuildConfig = { build(options?: { live?: boolean }): Promise<{ exports: string[] }> };
let exportsOfBundle: string[] = [];

beforeAll(async () => {
  const { build } = (await import(new URL('../../esbuild.config.mjs', import.meta.url).href)) as BuildConfig;
  exportsOfBundle = (await build({ live: true })).exports;
});

describe('the live-check bundle', () => {
  it('holds the add-on and the live entry points; liveChecks returns a JSON report, liveChecksToSheet a summary', () => {
    expect(exportsOfBundle).toEqual(expect.arrayContaining(['onOpen', 'liveChecks', 'liveChecksToSheet']));
    const runtime = createGasRuntime({ now: () => new Date('2025-03-10T09:00:00Z') });
    runtime.seedSheet('Лист1', [['']]);
    const fns = loadBundle(runtime, readFileSync(path.join(root, 'dist-live/Code.js'), 'utf8'));
    const report = runtime.run('FULL', () => fns.liveChecks!()) as LiveReport;
    expect(JSON.parse(JSON.stringify(report))).toEqual(report); // what the Apps Script API can return
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(runtime.run('FULL', () => fns.liveChecksToSheet!())).toBe(`${CHECKS.length} passed, 0 failed`);
  });

  it('has a manifest the Apps Script API may run (executionApi) with exactly the add-on\'s scopes', () => {
    const live = JSON.parse(readFileSync(path.join(root, 'dist-live/appsscript.json'), 'utf8')) as Record<string, unknown>;
    const addon = JSON.parse(readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
    expect(live.executionApi).toEqual({ access: 'MYSELF' });
    expect(live.oauthScopes).toEqual(addon.oauthScopes);
  });
});
