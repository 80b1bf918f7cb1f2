// `npm run deploy`: checks that .clasp.json names a real script, runs the full test suite
// (lint, type-check, build, tests), then pushes dist/ with `clasp push --force` (without --force a
// changed appsscript.json is silently skipped when clasp runs non-interactively).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLACEHOLDER = 'PASTE_YOUR_SCRIPT_ID_HERE';

export function scriptIdProblem(clasp) {
  const id = clasp?.scriptId;
  if (!id || id === PLACEHOLDER) return 'no script id';
  if (!/^[A-Za-z0-9_-]{20,}$/.test(id)) return `"${id}" does not look like an Apps Script script id`;
  if (clasp.rootDir !== 'dist') return `rootDir must be "dist" (clasp pushes the built bundle), found "${clasp.rootDir}"`;
  return null;
}

const HOW_TO = `
To deploy, attach the add-on to a spreadsheet once:
  1. npx clasp login                      (opens a browser to authorise clasp with your Google account)
  2. In the spreadsheet: Extensions → Apps Script; in the editor: Project Settings → copy the Script ID
     (or create a new bound project: npx clasp create --type sheets --title "Дорожная карта" --rootDir dist)
  3. Put the id into .clasp.json ("scriptId"), keep "rootDir": "dist", and do not commit it.
Then run npm run deploy again.`;

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: false });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const clasp = JSON.parse(readFileSync(path.join(root, '.clasp.json'), 'utf8'));
  const problem = scriptIdProblem(clasp);
  if (problem) {
    console.error(`Deploy refused: .clasp.json has ${problem}.${HOW_TO}`);
    process.exit(1);
  }
  run('npm', ['test']);
  run('npx', ['clasp', 'push', '--force']);
  console.log('Pushed dist/ to the Apps Script project. Test it: Extensions → Apps Script → Deploy → Test deployments.');
}
