import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without type declarations
import { scriptIdProblem } from '../../../scripts/deploy.mjs';

const check = scriptIdProblem as (clasp: { scriptId?: string; rootDir?: string }) => string | null;

describe('npm run deploy', () => {
  it('refuses the committed placeholder before running anything, and says how to log in and set the id', () => {
    const committed = JSON.parse(readFileSync('.clasp.json', 'utf8'));
    expect(check(committed)).toBe('no script id');
    const result = spawnSync(process.execPath, ['scripts/deploy.mjs'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Deploy refused');
    expect(result.stderr).toContain('npx clasp login');
    expect(result.stderr).toContain('Script ID');
  });

  it('accepts a real-looking id only with dist/ as rootDir', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdEFGH';
    expect(check({ scriptId: id, rootDir: 'dist' })).toBeNull();
    expect(check({ scriptId: id, rootDir: 'src' })).toMatch(/rootDir/);
    expect(check({ scriptId: 'abc', rootDir: 'dist' })).toMatch(/does not look like/);
  });
});
