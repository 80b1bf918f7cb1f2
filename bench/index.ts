// `npm run bench`: every bench/*.bench.ts in one run, each printing its own tables.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MODEL_LEGEND, reportedTimes, timeTable } from './cost-model';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

for (const file of files) {
  console.log(`\n=== ${file.replace('.bench.ts', '')} ===`);
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run: () => Promise<void> | void };
  await mod.run();
}

// Every operation the bench files priced (reportTime), against the 6-minute and 30-second limits.
if (reportedTimes().length > 0) {
  console.log('\n=== modelled Apps Script time, per operation ===');
  console.log(MODEL_LEGEND);
  console.table(timeTable());
}
