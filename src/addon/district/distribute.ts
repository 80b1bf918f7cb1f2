// «Разослать школам»: every school of the registry gets its sheet from the template, in batches
// that each stay far below Apps Script's 6 minutes; the sidebar calls distributeNext() until done.
// Every batch holds the document lock, so two officials cannot distribute at the same time.
import { pluralRu, rowsToItems } from '../../core/roadmap';
import { ORG_COLUMNS, ORG_SHEET, orgColumnsFrom } from '../../core/org';
import type { DistributionProgress } from '../../contract/district';
import { UserError, toUserError } from '../endpoint';
import { withDocumentLock } from '../lock';
import { notRoadmapMessage } from '../roadmap/process';
import { planOf, readSettings } from '../roadmap/settings';
import { datesAsText, dayInZone } from '../roadmap/values';
import {
  LIST_LIMIT, clearCheckpoint, emptyList, knownSchoolSheets, loadCheckpoint, note, saveCheckpoint, saveSchoolSheets, schoolKey, type Checkpoint,
} from './checkpoint';
import { readDistrictAsDistrict, type DistrictContext } from './people';
import { protectDistrictSheets } from './own-sheets';
import { distributeToSchool, type Template } from './school-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A batch stops after this many schools or this much time, whichever comes first. */
export const BATCH_SCHOOLS = 20;
export const BATCH_MS = 60_000;

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

/** Editors named in the registry who cannot open the spreadsheet yet (protections do not share the file). */
function notSharedLines(ss: Spreadsheet, ctx: DistrictContext): string[] {
  const shared = new Set(ss.getEditors().map((u) => u.getEmail().toLowerCase()));
  if (ctx.people.owner) shared.add(ctx.people.owner);
  const wanted = [...(ctx.registry.district?.editors ?? []), ...ctx.registry.schools.flatMap((s) => s.editors)];
  const missing = [...new Set(wanted)].filter((e) => !shared.has(e));
  if (!missing.length) return [];
  const shown = missing.slice(0, LIST_LIMIT).join(', ');
  return [`Нет доступа к таблице у ${missing.length} ${pluralRu(missing.length, ['адреса', 'адресов', 'адресов'])} из «${ORG_SHEET}»: ${shown}${missing.length > LIST_LIMIT ? ' и др.' : ''}. Откройте доступ к таблице этим сотрудникам как редакторам («Настройки доступа»): защита листов доступ к файлу не даёт.`];
}

/** Schools whose sheets the add-on made but that are no longer in the registry: their sheets stay. */
function removedSchools(ss: Spreadsheet, ctx: DistrictContext, managed: number[]): { lines: string[]; keep: number[] } {
  const current = new Set(ctx.registry.schools.map((s) => s.sheetName.toLowerCase()));
  const lines: string[] = [];
  const keep: number[] = [];
  for (const id of managed) {
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

function runBatch(ss: Spreadsheet, c: Checkpoint, budgetMs: number): DistributionProgress {
  const started = Date.now();
  const ctx = readDistrictAsDistrict(ss);
  const template = readTemplate(ss, c.templateId);
  const timeZone = ss.getSpreadsheetTimeZone();
  const clock = { today: dayInZone(new Date(), timeZone), datesAsText: (v: unknown[][]) => datesAsText(v, timeZone) };
  const byKey = new Map(ctx.registry.schools.map((s) => [schoolKey(s.sheetName), s]));
  const managed = knownSchoolSheets();
  let count = 0;
  while (c.next < c.keys.length && count < BATCH_SCHOOLS && (count === 0 || Date.now() - started < budgetMs)) {
    const school = byKey.get(c.keys[c.next]!);
    c.next++;
    count++;
    if (!school) {
      note(c.failed, 'школа удалена из реестра или её лист переименован во время рассылки — запустите рассылку ещё раз');
      continue;
    }
    try {
      const out = distributeToSchool(ss, school, template, ctx.people, clock);
      managed.push(out.sheet.getSheetId());
      c.added += out.added;
      c.differences += out.differences;
      note(out.kind === 'created' ? c.created : out.kind === 'updated' ? c.updated : c.unchanged, school.sheetName);
    } catch (error) {
      note(c.failed, `«${school.sheetName}»: ${toUserError(error).message}`);
    }
  }
  const finished = c.next >= c.keys.length;
  // Creating a sheet activates it; the official stays on the template.
  ss.getSheetById(c.templateId)?.activate();
  if (!finished) {
    saveSchoolSheets(managed);
    saveCheckpoint(c);
    return progressOf(c, false);
  }
  const removed = removedSchools(ss, ctx, managed);
  saveSchoolSheets(removed.keep);
  clearCheckpoint();
  return progressOf(c, true, [...removed.lines, ...notSharedLines(ss, ctx)]);
}

/** Starts a distribution from the template sheet; does the first batch. */
export function startDistribution(ss: Spreadsheet, templateId: number, budgetMs = BATCH_MS): DistributionProgress {
  return withDocumentLock(() => {
    const ctx = readDistrictAsDistrict(ss);
    readTemplate(ss, templateId); // fails early, before anything is written
    if (ctx.registry.schools.length === 0) {
      const errors = ctx.registry.problems.filter((p) => p.severity === 'error').map((p) => p.message);
      throw new UserError(`В «${ORG_SHEET}» нет ни одной школы, которой можно разослать дорожную карту.${errors.length ? ` ${errors.join(' ')}` : ''}`);
    }
    writeDerivedSheetNames(ss, ctx);
    // The registry grants access (its «Редакторы» column); the template reaches every school: only
    // the district may change them, its journal and «Свод».
    protectDistrictSheets(ss, ctx, templateId);
    const c: Checkpoint = {
      templateId, keys: ctx.registry.schools.map((s) => schoolKey(s.sheetName)), next: 0,
      created: emptyList(), updated: emptyList(), unchanged: emptyList(), failed: emptyList(), added: 0, differences: 0,
    };
    for (const p of ctx.registry.problems.filter((x) => x.severity === 'error')) note(c.failed, p.message);
    return runBatch(ss, c, budgetMs);
  });
}

/** The next batch of an unfinished distribution. */
export function continueDistribution(ss: Spreadsheet, budgetMs = BATCH_MS): DistributionProgress {
  return withDocumentLock(() => {
    const c = loadCheckpoint();
    if (!c) throw new UserError('Нет незавершённой рассылки. Выберите лист-образец и нажмите «Разослать».');
    return runBatch(ss, c, budgetMs);
  });
}

/** The unfinished distribution's progress, or null (read-only, no lock). */
export function pendingDistribution(): DistributionProgress | null {
  const c = loadCheckpoint();
  return c ? progressOf(c, false) : null;
}
