// «Календарные графики школ»: the district builds every school's timeline (roadmap/timeline.ts,
// one per school sheet, named after the school and protected like its sheet) in batches that stay
// inside Apps Script's 6 minutes. A batch that runs out of time saves where it stopped (a small
// checkpoint in a document property, tied to the registry's list of sheets); choosing the menu
// item again continues from there. A fixed number of calls per school, whatever its rows.
import * as z from 'zod/mini';
import { pluralRu } from '../../core/roadmap';
import { twice } from '../atomic';
import { toUserError } from '../errors';
import { parseStoredJson } from '../stored-json';
import { buildTimelineSheet } from '../roadmap/timeline';
import { readSettings } from '../roadmap/settings';
import { BATCH_MS } from './distribute';
import { LIST_LIMIT, emptyList, hash, note } from './checkpoint';
import { readDistrictAsDistrict } from './people';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TIMELINES_RUN_KEY = 'dorozhnayaKarta.district.timelines.run.v1';

const runSchema = z.object({
  /** The registry's school sheets when the run began: a changed registry starts it over. */
  fingerprint: z.string(),
  next: z.number(),
  built: z.number(),
  failed: z.object({ names: z.array(z.string()), count: z.number() }),
});
type Run = z.infer<typeof runSchema>;

function loadRun(props: GoogleAppsScript.Properties.Properties, fingerprint: string): Run | null {
  const run = parseStoredJson(runSchema, props.getProperty(TIMELINES_RUN_KEY));
  return run?.fingerprint === fingerprint ? run : null;
}

export interface SchoolTimelinesResult {
  finished: boolean;
  done: number;
  total: number;
  message: string;
}

/** One batch; runs inside the document lock. `budgetMs`: no new school is started after this long. */
export function schoolTimelinesBatch(ss: Spreadsheet, budgetMs = BATCH_MS): SchoolTimelinesResult {
  const started = Date.now();
  const ctx = readDistrictAsDistrict(ss);
  const props = PropertiesService.getDocumentProperties();
  const settings = readSettings();
  const schools = ctx.registry.schools;
  const fingerprint = hash(JSON.stringify(schools.map((s) => s.sheetName.toLowerCase())));
  const run = loadRun(props, fingerprint) ?? { fingerprint, next: 0, built: 0, failed: emptyList() };
  const active = ss.getActiveSheet();
  let count = 0;
  try {
    // At least one school a batch, so every batch makes progress.
    while (run.next < schools.length && (count === 0 || Date.now() - started < budgetMs)) {
      const school = schools[run.next]!;
      run.next++;
      count++;
      const sheet = ss.getSheetByName(school.sheetName);
      if (!sheet || !settings.sheets[String(sheet.getSheetId())]) {
        note(run.failed, `«${school.sheetName}»: лист школы ещё не создан — выберите «Разослать школам».`);
        continue;
      }
      try {
        buildTimelineSheet(ss, props, sheet);
        run.built++;
      } catch (error) {
        note(run.failed, `«${school.sheetName}»: ${toUserError(error).message}`);
      }
    }
  } finally {
    try {
      // Building a timeline opens it; the official stays where they were.
      active.activate();
    } catch {
      // a view only
    }
  }
  const finished = run.next >= schools.length;
  // Idempotent writes, made again if Google fails one: the schools are built either way.
  if (finished) twice(() => props.deleteProperty(TIMELINES_RUN_KEY));
  else twice(() => props.setProperty(TIMELINES_RUN_KEY, JSON.stringify(run)));
  const failures = run.failed.count
    ? ` Не построены (${run.failed.count}): ${run.failed.names.join(' ')}${run.failed.count > LIST_LIMIT ? ' и др.' : ''}`
    : '';
  const total = schools.length;
  const message = finished
    ? `Календарные графики построены для ${run.built} ${pluralRu(run.built, ['школы', 'школ', 'школ'])} из ${total}.${failures}`
    : `Обработано ${run.next} из ${total} школ: время одного запуска на исходе. Выберите «Календарные графики школ» ещё раз — построение продолжится с того же места.${failures}`;
  return { finished, done: run.next, total, message };
}
