// «Разослать школам»: every school of the registry gets its sheet from the template, in batches
// that each stay below Apps Script's 6 minutes; the sidebar calls distributeNext() until done.
// Every batch holds the document lock, so two officials cannot distribute at the same time.
//  - Before anything is written the run checks what would leave a school half-protected or the
//    spreadsheet over its cell limit, and says so with the numbers.
//  - A new school sheet is a copy of one prepared sheet per batch (school-sheet.ts): about 20 calls
//    a school, so a batch handles a hundred schools or more.
//  - An existing sheet only gets rows inserted and district-only helper columns written, after
//    comparing under the lock: a value a school typed, even during the run, is never overwritten.
//  - A batch commits its checkpoint once, at its end; a school is created, updated or left as it was,
//    never half (its inserted rows or its new sheet are removed again on failure), so a batch that
//    fails is simply run again. A protection that fails stops the run and names the school.
import { pluralRu, rowsToItems } from '../../core/roadmap';
import { capacityProblem, schoolProtection, type SchoolEntry } from '../../core/district';
import { ORG_COLUMNS, ORG_SHEET, orgColumnsFrom } from '../../core/org';
import type { DistributionProgress } from '../../contract/district';
import { twice } from '../atomic';
import { UserError, toUserError } from '../endpoint';
import { withDocumentLock } from '../lock';
import { notRoadmapMessage } from '../roadmap/process';
import { planOf, readSchoolsEdit, readSettings, registerSheets, settingsFromProperties, type SheetSettings } from '../roadmap/settings';
import { datesAsText, dayInZone } from '../roadmap/values';
import { LIST_LIMIT, emptyList, hash, knownSchoolSheets, lastHelpers, loadCheckpoint, note, saveRun, schoolKey, type Checkpoint } from './checkpoint';
import { readDistrictAsDistrict, type DistrictContext } from './people';
import { sessionOf } from './protect';
import { protectDistrictSheets } from './own-sheets';
import {
  PREPARED_SHEET, ProtectionFailed, createSchoolSheet, discardPrepared, prepareSchoolSheet, schoolSheetSize, updateSchoolSheet,
  type Prepared, type Template,
} from './school-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A batch starts no new school after this much time (Apps Script stops a run at 6 minutes; one
 * school takes a few seconds, the batch's own start and end a few more), nor beyond this many schools.
 */
export const BATCH_MS = 270_000;
export const BATCH_SCHOOLS = 200;

export function readTemplate(ss: Spreadsheet, sheetId: number): Template {
  const sheet = ss.getSheetById(sheetId);
  if (!sheet) throw new UserError('Лист-образец не найден: возможно, его удалили или переименовали. Выберите образец заново.');
  const name = sheet.getName();
  const values = datesAsText(sheet.getDataRange().getValues(), ss.getSpreadsheetTimeZone());
  const read = rowsToItems(values, 1);
  if (read.headerRow < 0) throw new UserError(notRoadmapMessage(name));
  if (!read.items.some((i) => !i.isSection)) throw new UserError(`На листе-образце «${name}» нет ни одного мероприятия.`);
  const own = readSettings().sheets[String(sheetId)];
  const plan = planOf(own);
  return { sheetName: name, items: read.items, plan: { title: own?.title || name, planStart: plan?.planStart ?? null, planEnd: plan?.planEnd ?? null } };
}

/** Names the registry left blank are written back, so the registry says which sheet is whose. */
function writeDerivedSheetNames(ss: Spreadsheet, ctx: DistrictContext): void {
  const derived = ctx.registry.schools.filter((s) => s.derivedSheetName);
  if (!derived.length) return;
  const found = orgColumnsFrom(ctx.values[0] ?? []).roadmapSheet;
  const c = found >= 0 ? found : ORG_COLUMNS.findIndex((o) => o.field === 'roadmapSheet');
  const sheet = ss.getSheetByName(ORG_SHEET)!;
  const height = Math.max(...derived.map((s) => s.row)) - 1;
  const cells = Array.from({ length: height }, (_, i) => [String(ctx.values[i + 1]?.[c] ?? '')]);
  for (const s of derived) cells[s.row - 2] = [s.sheetName];
  sheet.getRange(2, c + 1, height, 1).setValues(cells);
}

function progressOf(c: Checkpoint, finished: boolean, extra: string[] = []): DistributionProgress {
  const list = (label: string, l: { names: string[]; count: number }): string | null =>
    l.count ? `${label} (${l.count}): ${l.names.join(', ')}${l.count > l.names.length ? ' и др.' : ''}.` : null;
  const lines = [
    list('Созданы листы школ', c.created),
    list('Добавлены новые строки образца', c.updated),
    list('Без изменений', c.unchanged),
    ...c.failed.names.map((n) => `Не удалось: ${n}`),
    c.failed.count > c.failed.names.length ? `Не удалось ещё для ${c.failed.count - c.failed.names.length}; исправьте перечисленное и запустите рассылку снова.` : null,
    c.added ? `Всего добавлено строк: ${c.added}; то, что заполнили школы, не изменено.` : null,
    c.differences ? `Строк, текст которых на листе школы отличается от образца: ${c.differences} (оставлены как у школы).` : null,
    ...extra,
  ].filter((l): l is string => !!l);
  const total = c.keys.length;
  const done = Math.min(c.next, total);
  const message = finished
    ? `Рассылка завершена: ${total} ${pluralRu(total, ['школа', 'школы', 'школ'])}.`
    : `Обработано ${done} из ${total}…`;
  return { total, done, finished, lines, message };
}

/** Lower-case e-mails of the spreadsheet's editors (and its owner): protections can name only them safely. */
function sharedWith(ss: Spreadsheet, ctx: DistrictContext): Set<string> {
  const shared = new Set(ss.getEditors().map((u) => u.getEmail().toLowerCase()));
  if (ctx.people.owner) shared.add(ctx.people.owner);
  return shared;
}

const addresses = (emails: readonly string[]): string =>
  `${emails.slice(0, LIST_LIMIT).join(', ')}${emails.length > LIST_LIMIT ? ' и др.' : ''}`;

const WHAT_TO_DO =
  'Откройте этим адресам доступ к таблице как редакторам («Настройки доступа»; адрес должен быть аккаунтом Google) или исправьте их в «Организациях» — и запустите рассылку снова.';

/** Why a school is left out: an editor who cannot be given its sheet (a protection naming them could fail halfway). */
function notSharedProblem(school: SchoolEntry, shared: ReadonlySet<string>): string | null {
  const missing = school.editors.filter((e) => !shared.has(e));
  if (!missing.length) return null;
  return `«${school.sheetName}» (строка ${school.row} в «${ORG_SHEET}»): у ${addresses(missing)} нет доступа к таблице, лист школы не создан и не изменён. ${WHAT_TO_DO}`;
}

/**
 * Registry rows whose addresses cannot be given a protection yet, as the panel lists registry
 * problems (shown before anyone presses «Разослать»).
 */
export function accessProblems(ss: Spreadsheet, ctx: DistrictContext): { row: number; severity: 'error' | 'warning'; message: string }[] {
  const shared = sharedWith(ss, ctx);
  const district = ctx.registry.district;
  const out: { row: number; severity: 'error' | 'warning'; message: string }[] = [];
  const missing = (district?.editors ?? []).filter((e) => !shared.has(e));
  if (district && missing.length) {
    out.push({ row: district.row, severity: 'error', message: `Строка ${district.row} в «${ORG_SHEET}»: у сотрудников района ${addresses(missing)} нет доступа к таблице — рассылка не начнётся. ${WHAT_TO_DO}` });
  }
  for (const school of ctx.registry.schools) {
    const problem = notSharedProblem(school, shared);
    if (problem) out.push({ row: school.row, severity: 'error', message: problem });
  }
  return out;
}

/**
 * Schools whose sheets the add-on made but that are no longer in the registry: their sheets stay.
 * Only sheets this run did not touch are looked at (usually none).
 */
function removedSchools(ss: Spreadsheet, ctx: DistrictContext, managed: readonly number[], touched: readonly number[]): { lines: string[]; keep: number[] } {
  const current = new Set(ctx.registry.schools.map((s) => s.sheetName.toLowerCase()));
  const seen = new Set(touched);
  const lines: string[] = [];
  const keep = [...seen];
  for (const id of new Set(managed)) {
    if (seen.has(id)) continue;
    const sheet = ss.getSheetById(id);
    if (!sheet) continue; // deleted by a person: nothing to keep track of
    keep.push(id);
    const name = sheet.getName();
    if (!current.has(name.toLowerCase())) {
      lines.push(`Лист «${name}» не относится ни к одной школе из «${ORG_SHEET}»: лист сохранён со всеми данными и прежней защитой. Удалите его вручную, если школа больше не участвует, или верните школу в реестр.`);
    }
  }
  return { lines, keep };
}

function protectionStopped(name: string, error: unknown): UserError {
  return new UserError(
    `Рассылка остановлена: не удалось настроить защиту листа «${name}» (${toUserError(error).message}). ` +
    `Этот лист может быть доступен для изменения не только школе «${name}». Проверьте адреса в «${ORG_SHEET}» и нажмите «Продолжить рассылку»: она начнётся с этого листа.`,
  );
}

/** The helper protections' target as a short fingerprint: unchanged since the last run → not re-read. */
const helpersFingerprint = (ctx: DistrictContext): string => {
  const t = schoolProtection('', [], ctx.people).helpers;
  // Each school's helper columns are its own: their editors change with its row of the registry.
  return hash(JSON.stringify([[...t.editors].sort(), t.description, ctx.registry.schools.map((s) => [s.sheetName, s.editors])]));
};

/**
 * One batch; `started`: when this execution began (its 6 minutes count from there); `shared`: the
 * spreadsheet's editors, read once per execution (one User a person, each asked for its e-mail).
 */
function runBatch(ss: Spreadsheet, ctx: DistrictContext, c: Checkpoint, budgetMs: number, started: number, shared = sharedWith(ss, ctx)): DistributionProgress {
  const template = readTemplate(ss, c.templateId);
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = dayInZone(new Date(), timeZone);
  const all = PropertiesService.getDocumentProperties().getProperties();
  const settings = settingsFromProperties(all);
  const byKey = new Map(ctx.registry.schools.map((s) => [schoolKey(s.sheetName), s]));
  const managed = knownSchoolSheets(all);
  const fingerprint = helpersFingerprint(ctx);
  const trusted = lastHelpers(all) === fingerprint ? new Set(managed) : new Set<number>();
  const register: Record<string, SheetSettings> = {};
  const session = sessionOf(ctx.people, shared);
  const schoolsEdit = readSchoolsEdit();
  const update = { template, settings, timeZone, today, session, trusted };
  protectDistrict(ss, ctx, c.templateId);
  let prepared: Prepared | null = null;
  let count = 0;
  try {
    while (c.next < c.keys.length && count < BATCH_SCHOOLS && (count === 0 || Date.now() - started < budgetMs)) {
      const school = byKey.get(c.keys[c.next]!);
      count++;
      if (!school) {
        c.next++;
        note(c.failed, 'школа удалена из реестра или её лист переименован во время рассылки — запустите рассылку ещё раз');
        continue;
      }
      const unshared = notSharedProblem(school, shared);
      if (unshared) {
        c.next++;
        note(c.failed, unshared);
        continue;
      }
      const target = schoolProtection(school.shortName || school.sheetName, school.editors, ctx.people, schoolsEdit);
      try {
        const existing = ss.getSheetByName(school.sheetName);
        let out;
        if (existing) {
          out = updateSchoolSheet(existing, school, target, update);
        } else {
          prepared ??= prepareSchoolSheet(ss, template, today);
          out = createSchoolSheet(ss, prepared, school, template, target, session);
        }
        const id = out.sheetId;
        c.touched.push(id);
        if (out.register) register[String(id)] = out.register;
        c.added += out.added;
        c.differences += out.differences;
        note(out.kind === 'created' ? c.created : out.kind === 'updated' ? c.updated : c.unchanged, school.sheetName);
      } catch (error) {
        if (error instanceof ProtectionFailed) {
          // Commit what this batch finished, and resume at this school.
          commit(register, c, [...managed, ...c.touched]);
          throw protectionStopped(error.sheetName, error.cause);
        }
        note(c.failed, `«${school.sheetName}»: ${toUserError(error).message}`);
      }
      c.next++;
    }
  } finally {
    if (prepared) discardPrepared(ss, prepared.sheet);
  }
  const finished = c.next >= c.keys.length;
  // Creating a sheet activates it; the official stays on the template (a view, not state: a
  // failure here does not fail the batch).
  try {
    ss.getSheetById(c.templateId)?.activate();
  } catch {
    // the official is on another tab; nothing is lost
  }
  if (!finished) {
    commit(register, c, [...managed, ...c.touched]);
    return progressOf(c, false);
  }
  const removed = removedSchools(ss, ctx, managed, c.touched);
  commit(register, null, removed.keep, fingerprint);
  return progressOf(c, true, removed.lines);
}

/**
 * The batch's commit: the new sheets' settings, then the checkpoint. Both writes are idempotent
 * (they set values computed before, and saveRun re-reads what to delete), so one that Google fails —
 * before or after it took effect — is simply made again. Sheets were already made whole, so if the
 * commit still fails, a rerun finds them and registers them (updateSchoolSheet).
 */
function commit(register: Record<string, SheetSettings>, c: Checkpoint | null, sheetIds: number[], fingerprint?: string): void {
  twice(() => registerSheets(register));
  twice(() => saveRun(c, sheetIds, fingerprint));
}

/**
 * The registry grants access (its «Редакторы» column); the template reaches every school: only the
 * district may change them, its journal and «Свод». Applied at the start of every batch and
 * idempotent (each protection is read and only what differs is changed), so a protection left half
 * set by a failed call is completed by the repeat or by the next batch.
 */
function protectDistrict(ss: Spreadsheet, ctx: DistrictContext, templateId: number): void {
  twice(() => protectDistrictSheets(ss, ctx, templateId));
}

/** Cells of every sheet now (maxRows × maxColumns: Sheets counts blank cells too). */
function cellsInUse(ss: Spreadsheet): number {
  return ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
}

/** What must hold before anything is written: people who can be given their sheets, and room for the sheets. */
function preflight(ss: Spreadsheet, ctx: DistrictContext, template: Template, shared: ReadonlySet<string>): void {
  const district = (ctx.registry.district?.editors ?? []).filter((e) => !shared.has(e));
  if (district.length) {
    throw new UserError(
      `Рассылка не начата: у сотрудников района ${addresses(district)} (строка ${ctx.registry.district!.row} в «${ORG_SHEET}») нет доступа к таблице, ` +
      `а их нужно указать в защите каждого листа школы. ${WHAT_TO_DO}`,
    );
  }
  // A rerun over as many sheets as schools creates few if any: the cell count (a few calls a sheet) is skipped.
  if (knownSchoolSheets().length >= ctx.registry.schools.length) return;
  const existing = new Set(ss.getSheets().map((s) => s.getName().toLowerCase()));
  const missing = ctx.registry.schools.filter((s) => !existing.has(s.sheetName.toLowerCase()) && !notSharedProblem(s, shared));
  if (!missing.length) return;
  const size = schoolSheetSize(template);
  const problem = capacityProblem({ used: cellsInUse(ss), newSheets: missing.length, perSheet: size.cells, scratch: size.cells });
  if (problem) throw new UserError(problem);
}

/** Starts a distribution from the template sheet; does the first batch. */
export function startDistribution(ss: Spreadsheet, templateId: number, budgetMs = BATCH_MS): DistributionProgress {
  const started = Date.now();
  return withDocumentLock(() => {
    const ctx = readDistrictAsDistrict(ss);
    const template = readTemplate(ss, templateId); // fails early, before anything is written
    if (ctx.registry.schools.length === 0) {
      const errors = ctx.registry.problems.filter((p) => p.severity === 'error').map((p) => p.message);
      throw new UserError(`В «${ORG_SHEET}» нет ни одной школы, которой можно разослать дорожную карту.${errors.length ? ` ${errors.join(' ')}` : ''}`);
    }
    const shared = sharedWith(ss, ctx);
    preflight(ss, ctx, template, shared);
    // A prepared sheet left by a run that was cut off is scratch.
    const stale = ss.getSheetByName(PREPARED_SHEET);
    if (stale) discardPrepared(ss, stale);
    writeDerivedSheetNames(ss, ctx);
    // Schools whose people cannot be given their sheet are reported now and left out of the run.
    const blocked = ctx.registry.schools.map((s) => notSharedProblem(s, shared));
    const c: Checkpoint = {
      templateId, keys: ctx.registry.schools.filter((_, i) => !blocked[i]).map((s) => schoolKey(s.sheetName)), next: 0, touched: [],
      created: emptyList(), updated: emptyList(), unchanged: emptyList(), failed: emptyList(), added: 0, differences: 0,
    };
    for (const p of ctx.registry.problems.filter((x) => x.severity === 'error')) note(c.failed, p.message);
    for (const problem of blocked) if (problem) note(c.failed, problem);
    return runBatch(ss, ctx, c, budgetMs, started, shared);
  });
}

/** The next batch of an unfinished distribution. */
export function continueDistribution(ss: Spreadsheet, budgetMs = BATCH_MS): DistributionProgress {
  const started = Date.now();
  return withDocumentLock(() => {
    const c = loadCheckpoint();
    if (!c) throw new UserError('Нет незавершённой рассылки. Выберите лист-образец и нажмите «Разослать».');
    return runBatch(ss, readDistrictAsDistrict(ss), c, budgetMs, started);
  });
}

/** The unfinished distribution's progress, or null (read-only, no lock). */
export function pendingDistribution(): DistributionProgress | null {
  const c = loadCheckpoint();
  return c ? progressOf(c, false) : null;
}
