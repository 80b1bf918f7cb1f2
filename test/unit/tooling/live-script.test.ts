// `npm run test:live` without configuration refuses with one paragraph naming .clasp-live.json, and
// its verdict comes from the JSON the script returned, never from clasp's exit code.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without type declarations
import { configProblem, reportFromClasp } from '../../../scripts/live.mjs';

const problem = configProblem as (c: unknown) => string | null;
const report = reportFromClasp as (stdout: string) => { lines: string[]; code: number };

describe('npm run test:live', () => {
  it('without .clasp-live.json says what to set up and exits non-zero', () => {
    const result = spawnSync(process.execPath, ['scripts/live.mjs'], { encoding: 'utf8', env: { ...process.env, LIVE_CONFIG: 'no-such-file.json' } });
    expect(result.status).toBe(1);
    for (const part of ['.clasp-live.json', 'Apps Script API', 'OAuth client', 'Google Cloud project', 'Script ID', 'clasp login']) {
      expect(result.stderr).toContain(part);
    }
  });

  it('accepts a complete configuration only', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdEFGH';
    expect(problem({ scriptId: id, projectId: 'p-1', rootDir: 'dist-live' })).toBeNull();
    expect(problem({ scriptId: id, projectId: 'p-1', rootDir: 'dist' })).toMatch(/dist-live/);
    expect(problem({ scriptId: id, rootDir: 'dist-live' })).toMatch(/projectId/);
    expect(problem(null)).toBe('missing');
  });

  it('prints every check and «N passed, N failed»; a failed check fails the run', () => {
    const out = JSON.stringify({
      response: {
        locale: 'ru_RU', timeZone: 'Europe/Moscow',
        results: [
          { name: 'a', ok: true, measure: false, expected: 1, actual: 1 },
          { name: 'b', ok: false, measure: false, expected: 'text', actual: 'Date 2025-05-01' },
          { name: 'timing', ok: true, measure: true, expected: null, actual: 140 },
        ],
      },
    });
    const r = report(`Running function: liveChecks\n${out}`);
    expect(r.code).toBe(1);
    expect(r.lines.at(-1)).toBe('2 passed, 1 failed');
    expect(r.lines.join('\n')).toContain('Google answered:        "Date 2025-05-01"');
  });

  it('a script that threw is a failure even when clasp exits 0', () => {
    const r = report(JSON.stringify({ error: { code: 3, message: 'ScriptError', details: [{ errorMessage: 'Exception: You do not have permission' }] } }));
    expect(r.code).toBe(1);
    expect(r.lines[0]).toContain('You do not have permission');
    expect(report('Unknown error').code).toBe(1);
  });
});
