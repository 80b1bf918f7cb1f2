// Builds dist/ for clasp: Code.js (server bundle + top-level stubs), one self-contained HTML file
// per sidebar page, and appsscript.json.
//
// Apps Script only sees top-level `function` declarations, and a bundle hides everything inside an
// IIFE. So we bundle once as ESM just to learn the entry's export names (metafile), bundle again as
// an IIFE under a private global, and append one delegating stub per export.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
// `--live` (build({ live: true })) builds the live-check bundle for `npm run test:live`: the add-on
// plus src/live's entry points, into dist-live/, with a manifest that lets the Apps Script API run
// it (executionApi).
const targetOf = (live) => ({
  live,
  dist: path.join(root, live ? 'dist-live' : 'dist'),
  serverEntry: path.join(root, live ? 'src/live/main.ts' : 'src/addon/main.ts'),
});
const pagesDir = path.join(root, 'src/sidebar/pages');
export const GLOBAL_NAME = '__dorozhnayaKarta';

/** Export names of the server entry, read from an ESM build's metafile. */
async function entryExports({ serverEntry }) {
  const result = await esbuild.build({
    entryPoints: [serverEntry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  return output.exports;
}

export function stubsFor(names) {
  const bad = names.filter((n) => !/^[A-Za-z_$][\w$]*$/.test(n) || n === 'default');
  if (bad.length) throw new Error(`Entry exports that cannot be Apps Script functions: ${bad.join(', ')}`);
  return names
    .map((n) => `function ${n}() { return ${GLOBAL_NAME}.${n}.apply(this, arguments); }`)
    .join('\n');
}

async function buildServer(target) {
  const { dist, serverEntry } = target;
  const names = await entryExports(target);
  const result = await esbuild.build({
    entryPoints: [serverEntry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Apps Script parses the whole file on every execution: drop whitespace, keep names so that
    // stack traces in the execution log stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const banner = `// Built by esbuild.config.mjs; do not edit. Source: ${path.relative(root, serverEntry)}\n`;
  await writeFile(path.join(dist, 'Code.js'), `${banner}${code}\n// Apps Script entry points\n${stubsFor(names)}\n`);
  return names;
}

/** `</script` inside inlined JS would close the tag early. */
const escapeScript = (js) => js.replace(/<\/(script)/gi, '<\\/$1');

async function buildPage(name, { dist }) {
  const dir = path.join(pagesDir, name);
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const js = await esbuild.build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const cssFiles = [path.join(pagesDir, '../common/style.css'), path.join(dir, 'style.css')].filter(existsSync);
  const css = (await Promise.all(cssFiles.map((f) => readFile(f, 'utf8')))).join('\n');
  if (!html.includes('<!-- inline:css -->') || !html.includes('<!-- inline:js -->')) {
    throw new Error(`${name}/index.html needs <!-- inline:css --> and <!-- inline:js --> markers`);
  }
  const out = html
    .replace('<!-- inline:css -->', () => `<style>\n${css}\n</style>`)
    .replace('<!-- inline:js -->', () => `<script>\n${escapeScript(js.outputFiles[0].text)}\n</script>`);
  await writeFile(path.join(dist, `${name}.html`), out);
  return name;
}

export async function build({ live = false } = {}) {
  const target = targetOf(live);
  const { dist } = target;
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const pages = existsSync(pagesDir)
    ? (await readdir(pagesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)
    : [];
  const [names] = await Promise.all([buildServer(target), ...pages.map((p) => buildPage(p, target))]);
  if (live) {
    const manifest = JSON.parse(await readFile(path.join(root, 'appsscript.json'), 'utf8'));
    // https://developers.google.com/apps-script/manifest: executionApi.access lets the owner call
    // functions through the Apps Script API (scripts.run), which `clasp run` uses.
    manifest.executionApi = { access: 'MYSELF' };
    await writeFile(path.join(dist, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  } else {
    await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  }
  return { exports: names, pages };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const live = process.argv.includes('--live');
  const { exports, pages } = await build({ live });
  const dist = targetOf(live).dist;
  console.log(`${path.relative(root, dist)}/Code.js: ${exports.length} entry points; pages: ${pages.map((p) => `${p}.html`).join(', ')}`);
}
