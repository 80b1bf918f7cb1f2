// `npm run test:live`: the live checks (src/live) on a real spreadsheet. Builds dist-live/ (the
// add-on plus the live entry points), pushes it with clasp to the test spreadsheet's script named in
// the git-ignored .clasp-live.json, runs liveChecks through the Apps Script API (`clasp run`),
// prints every check and a last line «N passed, N failed», and exits non-zero on any failure.
// clasp can exit 0 when the script throws, so the verdict comes from the returned JSON only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptIdProblem } from './deploy.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONFIG = '.clasp-live.json';

export const SETUP = `npm run test:live needs a test spreadsheet and the Apps Script API, and ${CONFIG} is missing or incomplete. ` +
  'Once: create a spreadsheet for tests (not a real one: the checks add and delete sheets and switch its locale), ' +
  'open Extensions → Apps Script and copy the Script ID; turn on the Apps Script API at https://script.google.com/home/usersettings; ' +
  'link the script to a standard Google Cloud project (Project Settings → Google Cloud Platform project) whose OAuth consent screen is set up, ' +
  'create an OAuth client of type «Desktop app» in that project, download it as client_secret.json, and run ' +
  '`npx clasp login --user live --use-project-scopes --include-clasp-scopes --creds client_secret.json`. ' +
  `Then write ${CONFIG} (git-ignored) as {"scriptId": "<Script ID>", "projectId": "<GCP project id>", "rootDir": "dist-live", "user": "live"} ` +
  'and run npm run test:live again. The README section «Live checks on real Google» has the details.';

export function configProblem(config) {
  if (!config) return 'missing';
  const id = scriptIdProblem({ ...config, rootDir: 'dist' });
  if (id) return id;
  if (config.rootDir !== 'dist-live') return `rootDir must be "dist-live", found "${config.rootDir}"`;
  if (!config.projectId) return 'no projectId (the Google Cloud project clasp run needs)';
  return null;
}

const show = (v) => JSON.stringify(v);

/**
 * Turns `clasp --json run` output into printed lines and an exit code. A script error, a missing
 * response or any failed check is a failure, whatever clasp's own exit code was.
 */
export function reportFromClasp(stdout) {
  const lines = [];
  let parsed;
  try {
    parsed = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch {
    return { lines: [`clasp run gave no JSON result:\n${stdout.trim()}`, '0 passed, 1 failed'], code: 1 };
  }
  if (parsed.error || !parsed.response || !Array.isArray(parsed.response.results)) {
    const message = parsed.error?.details?.[0]?.errorMessage ?? parsed.error?.message ?? 'no result returned';
    return { lines: [`The script failed on Google: ${message}`, '0 passed, 1 failed'], code: 1 };
  }
  const report = parsed.response;
  lines.push(`spreadsheet locale ${report.locale}, time zone ${report.timeZone}`);
  for (const r of report.results) {
    if (r.measure) lines.push(`  · ${r.name}: ${show(r.actual)}`);
    else if (r.ok) lines.push(`  ✓ ${r.name}`);
    else lines.push(`  ✗ ${r.name}\n      expected (our runtime): ${show(r.expected)}\n      Google answered:        ${show(r.actual)}`);
  }
  const failed = report.results.filter((r) => !r.ok).length;
  lines.push(`${report.results.length - failed} passed, ${failed} failed`);
  return { lines, code: failed > 0 ? 1 : 0 };
}

function step(args, capture = false) {
  const result = spawnSync(args[0], args.slice(1), { cwd: root, encoding: 'utf8', stdio: capture ? ['inherit', 'pipe', 'inherit'] : 'inherit' });
  if (result.status !== 0 && !capture) process.exit(result.status ?? 1);
  return result.stdout ?? '';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.env.LIVE_CONFIG ?? path.join(root, CONFIG);
  const config = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  const problem = configProblem(config);
  if (problem) {
    console.error(`${SETUP}\n(${CONFIG}: ${problem}.)`);
    process.exit(1);
  }
  step([process.execPath, 'esbuild.config.mjs', '--live']);
  step(['npx', 'clasp', '-P', file, 'push', '--force']);
  const user = config.user ? ['--user', config.user] : [];
  const out = step(['npx', 'clasp', '-P', file, '--json', 'run', 'liveChecks', ...user], true);
  const { lines, code } = reportFromClasp(out);
  console.log(lines.join('\n'));
  process.exit(code);
}
