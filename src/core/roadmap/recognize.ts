// Recognising a pasted roadmap: title rows, header, sections and items, page-break continuations,
// notes between items, extra columns; re-run with the person's choices when they correct it.
import type { ExtraColumn, Field, RecognizeChoices, Recognition, RecognizedItem, RowRole, SourceColumn } from '../types';
import { inferPlanPeriod } from '../deadline/plan-period';
import { FIELD_TITLES, matchHeaderRow } from './header';
import { planColumns, type ColumnPlan } from './columns';
import { footnoteMark, isNoteText, splitAbbreviations } from './notes';
import { levelOf, numberCellText, numberStyle, parseNumber, splitLeadingNumber } from './numbering';
import { cellText, foldForMatch, joinContinuation } from './text';

/** What recognition returns per row: the public item plus status columns when the table has them. */
export type RoadmapItem = RecognizedItem & { status?: string; doneDate?: string };

export interface RecognizeOptions extends RecognizeChoices {
  /** Sheet row of cells[0] (1-based), for the row numbers in warnings. */
  firstRow?: number;
}

const TEXT_FIELDS = ['activity', 'deadline', 'responsible', 'result', 'status', 'doneDate'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const SAMPLE_SIZE = 3;
const SAMPLE_LENGTH = 80;

function isEmptyRow(row: readonly string[]): boolean {
  return row.every((c) => c === '');
}

/** "1 | 2 | 3 | 4 | 5" under a Word header: numbers of the columns, not data. */
function isColumnNumberRow(row: readonly string[]): boolean {
  const filled = row.filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c, i) => c === String(i + 1) || c === `${i + 1}.`);
}

const TITLE_START = /^(план|дорожн\S* карт|комплекс мер|перечень мероприятий|программа|мероприятия по|график|календарный план|сетевой)/;

/** The title: from the last "План…"/"Дорожная карта…" line above the header, else the last lines. */
function titleLines(lines: readonly string[]): string[] {
  let start = -1;
  lines.forEach((l, i) => {
    if (TITLE_START.test(foldForMatch(l))) start = i;
  });
  return start >= 0 ? lines.slice(start) : lines.slice(-3);
}

function linesAbove(rows: readonly (readonly string[])[], headerRow: number): string[] {
  return rows
    .slice(0, Math.max(0, headerRow))
    .map((r) => r.filter((c) => c).join(' '))
    .filter((l) => l);
}

const titleOf = (lines: readonly string[]): string => titleLines(lines).join(' ').replace(/\s+/g, ' ').trim();

/** The plan period from the title, else from ever larger blocks of lines just above the header. */
function findPlan(lines: readonly string[], warnings: string[], chosen: RecognizeChoices['plan']): Recognition['plan'] {
  const title = titleOf(lines);
  if (chosen) return { title, start: chosen.start, end: chosen.end };
  let period = title ? inferPlanPeriod(title) : null;
  const above = lines.slice(-40);
  for (let k = 1; !period && k <= above.length; k++) period = inferPlanPeriod(above.slice(-k).join('\n'));
  if (!period) {
    warnings.push('Период действия плана не удалось определить по заголовку. Укажите даты начала и окончания плана в меню «Настройки дорожной карты».');
    return null;
  }
  return { title, start: period.start, end: period.end };
}

const MARK = /^[хxХX+✓✔vV]$/;
const NO_MARK = /^[-–—]?$/;

/**
 * How the cells of the columns serving one field become its text. `subHeaders` are the second
 * header row's texts of those columns: «I квартал | II квартал» marked «х» name the deadline.
 */
function joinParts(field: Field, parts: readonly string[], subHeaders: readonly string[]): string {
  const filled = parts.filter((p) => p);
  if (filled.length === 0) return '';
  if (field === 'deadline' && parts.every((p) => MARK.test(p) || NO_MARK.test(p)) && subHeaders.every((h) => h)) {
    return parts
      .map((p, i) => (MARK.test(p) ? (subHeaders[i] as string).replace(/\s+/g, ' ') : ''))
      .filter((h) => h)
      .join(', ');
  }
  if (field === 'deadline' && parts.length === 2) {
    // «Срок» over «начало | окончание», or «Плановое начало | Плановое окончание».
    const [from, to] = parts as [string, string];
    if (!from) return `до ${to}`;
    if (!to) return from;
    return from === to ? from : `с ${from} по ${to}`;
  }
  if (filled.length === 1) return filled[0] as string;
  return filled.join(field === 'responsible' ? ', ' : '\n');
}

interface Draft {
  item: RoadmapItem;
  /** Set when the row's shape or the person's choice decided it; otherwise numbering decides. */
  section?: boolean;
  /** A section that holds the items below it whatever their numbers (Roman, «Раздел N», a stage). */
  outer?: boolean;
}

function emptyItem(number: string, sourceRow: number, extras: number): RoadmapItem {
  const item: RoadmapItem = { number, level: levelOf(number), isSection: false, activity: '', deadline: '', responsible: '', result: '', sourceRows: [sourceRow] };
  if (extras > 0) item.extras = new Array<string>(extras).fill('');
  return item;
}

/**
 * Recognises a roadmap pasted into a sheet. `cells` is getValues() of the pasted area; row
 * indices in the result (headerRow, sourceRows) are 0-based indices into `cells`; warnings name
 * sheet rows as firstRow + index (firstRow: sheet row of cells[0], default 1). The person's
 * choices (mapping, header row, first data row, row roles, plan) override what is found.
 * Never throws.
 */
export function recognizeRoadmap(cells: unknown[][], options: RecognizeOptions = {}): Recognition {
  const warnings: string[] = [];
  const firstRow = options.firstRow ?? 1;
  const rowLabel = (r: number): string => `${firstRow + r}`;
  const rows: string[][] = Array.isArray(cells) ? cells.map((r) => (Array.isArray(r) ? r.map(cellText) : [cellText(r)])) : [];
  if (rows.every(isEmptyRow)) {
    return { headerRow: -1, columns: {}, plan: null, items: [], warnings: ['Лист пуст: вставьте таблицу дорожной карты вместе со строкой заголовков.'], sourceColumns: [], extraColumns: [], abbreviations: [], rowRoles: [] };
  }

  const layout = planColumns(rows, options);
  if (!layout) {
    warnings.push(
      'Не найдена строка заголовков таблицы (ожидались столбцы «Мероприятие», «Срок», «Ответственные») и нет пронумерованных строк. Вставьте таблицу вместе с заголовком.',
    );
    return { headerRow: -1, columns: {}, plan: null, items: [], warnings, sourceColumns: [], extraColumns: [], abbreviations: [], rowRoles: [] };
  }
  const { headerRow, meanings, headers } = layout;
  if (layout.guessed) {
    warnings.push('Строка заголовков не найдена; столбцы определены по порядку: № | Мероприятие | Срок | Ответственные | Результат. Проверьте результат.');
  }

  // Columns of each field (a field served by a two-row header's sub-columns has several).
  const fieldColumns = new Map<Field, number[]>();
  let stageColumn: number | undefined;
  const extraColumns: ExtraColumn[] = [];
  meanings.forEach((m, c) => {
    if (m === 'section') {
      if (stageColumn === undefined) stageColumn = c;
      else extraColumns.push({ column: c, header: headers[c] ?? '' });
    } else if (m === 'extra') extraColumns.push({ column: c, header: headers[c] ?? `Столбец ${c + 1}` });
    else if (m !== 'skip') fieldColumns.set(m, [...(fieldColumns.get(m) ?? []), c]);
  });
  // A stage column's text becomes section rows; a second one is kept as an extra column.
  const columns: Partial<Record<Field, number>> = {};
  for (const [f, cs] of fieldColumns) columns[f] = cs[0] as number;

  for (const f of ['activity', 'deadline', 'responsible', 'number'] as const) {
    if (columns[f] !== undefined || (f === 'number' && stageColumn !== undefined)) continue;
    warnings.push(
      f === 'number'
        ? 'Не найден столбец «№»: пункты не пронумерованы, разделы определены по пустым срокам и ответственным.'
        : `Не найден столбец «${FIELD_TITLES[f]}»: он останется пустым.`,
    );
  }
  if (extraColumns.length > 0) {
    const list = extraColumns.map((e) => `«${e.header.length > 60 ? `${e.header.slice(0, 59)}…` : e.header}» (${e.column + 1}-й)`).join(', ');
    warnings.push(
      extraColumns.length === 1
        ? `Столбец ${list} не соответствует ни одному полю дорожной карты и перенесён как дополнительный.`
        : `Столбцы ${list} не соответствуют полям дорожной карты и перенесены как дополнительные.`,
    );
  }

  const above = splitAbbreviations(linesAbove(rows, headerRow));
  const plan = headerRow > 0 || options.plan ? findPlan(above.rest, warnings, options.plan) : findPlan([], warnings, options.plan);
  // Without a period, only a line that opens like a title («План…», «Комплекс мер…») is taken:
  // the last lines above the header are then as likely an edition note or a table caption.
  const title = plan?.title ?? (above.rest.some((l) => TITLE_START.test(foldForMatch(l))) ? titleOf(above.rest) : '');

  const get = (row: readonly string[], f: Field): string => {
    const cs = fieldColumns.get(f);
    if (!cs) return '';
    return cs.length === 1 ? (row[cs[0] as number] ?? '') : joinParts(f, cs.map((c) => row[c] ?? ''), cs.map((c) => layout.subHeaders[c] ?? ''));
  };
  const extrasOf = (row: readonly string[]): string[] => extraColumns.map((e) => row[e.column] ?? '');
  const numberColumn = columns.number;
  const hasNumberColumn = numberColumn !== undefined;
  // Numbers typed at the start of the activity text («1. Проведение …») when no column holds them.
  const numbersInActivity = !hasNumberColumn && columns.activity !== undefined && activityNumbered(rows.slice(layout.bodyStart), columns.activity);
  // In a stage layout the number column numbers the stages; an activity row without one is still new.
  const numbersItems = hasNumberColumn && stageColumn === undefined;
  const headerKey = headerRow >= 0 ? (rows[headerRow] as string[]).join('\u0001') : '';
  const subHeaderKey = layout.subHeaderRow >= 0 ? (rows[layout.subHeaderRow] as string[]).join('\u0001') : '';
  const chosenRoles = options.rowRoles ?? {};

  const drafts: Draft[] = [];
  const rowRoles: { row: number; role: RowRole }[] = [];
  let skippedColumnNumbers = 0;
  let numbersFromDates = 0;
  let lastStage: Draft | undefined;

  const addNote = (text: string, r: number): void => {
    const mark = footnoteMark(text);
    const owner =
      (mark && [...drafts].reverse().find((d) => TEXT_FIELDS.some((f) => (d.item[f] ?? '').includes(mark)))) || drafts[drafts.length - 1];
    if (!owner) return;
    owner.item.note = owner.item.note ? `${owner.item.note}\n${text}` : text;
    owner.item.sourceRows.push(r);
  };

  for (let r = layout.bodyStart; r < rows.length; r++) {
    const row = rows[r] as string[];
    if (isEmptyRow(row)) continue;
    const chosen = chosenRoles[r];
    const joined = row.join('\u0001');
    if (!chosen && (joined === headerKey || joined === subHeaderKey)) {
      rowRoles.push({ row: r, role: 'skip' }); // header repeated on every page
      continue;
    }
    if (!chosen && isColumnNumberRow(row)) {
      skippedColumnNumbers++;
      rowRoles.push({ row: r, role: 'skip' });
      continue;
    }
    if (chosen === 'skip') {
      rowRoles.push({ row: r, role: 'skip' });
      continue;
    }
    // Only a row without an item number can be the header of a second table.
    if (!chosen && headerRow >= 0 && !parseNumber(get(row, 'number')) && matchHeaderRow(row, r)) {
      warnings.push(
        `В строке ${rowLabel(r)} начинается вторая таблица; распознана только первая (строки ${rowLabel(layout.bodyStart)}–${rowLabel(r - 1)}). Вставьте вторую таблицу на отдельный лист.`,
      );
      break;
    }

    const filledCells = row.filter((c) => c);
    const only = filledCells.length === 1 ? (filledCells[0] as string) : null;
    if (chosen === 'note' || (!chosen && only !== null && isNoteText(only) && !numberStyle(get(row, 'number')))) {
      addNote(filledCells.join(' '), r);
      rowRoles.push({ row: r, role: 'note' });
      continue;
    }

    const read = readRow(row, only, {
      get,
      numberFromDate: numberColumn === undefined ? null : numberCellText((cells[r] as unknown[] | undefined)?.[numberColumn]),
      stageColumn,
      numbersInActivity,
    });
    if (read.numberFromDate) numbersFromDates++;
    const { values, merged, stage } = read;
    let number = read.number;
    const extras = extrasOf(row);
    const prev = drafts[drafts.length - 1];

    // A stage cell merged down the rows beside its activities: its text heads them as a section.
    let newStage = false;
    if (stage && !merged) {
      if (!number && lastStage && /^[а-яёa-z,;)»]/.test(stage)) {
        lastStage.item.activity = joinContinuation(lastStage.item.activity, stage);
        lastStage.item.sourceRows.push(r);
      } else {
        // The number beside a stage («1.») is the stage's; a deeper one («1.1») is its activity's.
        const own = parseNumber(number);
        const stageNumber = own && own.parts.length === 1 ? number : '';
        if (stageNumber) number = '';
        lastStage = { item: emptyItem(stageNumber, r, extraColumns.length), section: true, outer: true };
        lastStage.item.activity = stage;
        drafts.push(lastStage);
        newStage = true;
      }
      if (!number && TEXT_FIELDS.every((f) => !values[f])) {
        // Nothing beside the stage but extra columns: they belong to the stage's row.
        extras.forEach((e, i) => {
          if (e && lastStage?.item.extras) lastStage.item.extras[i] = e;
        });
        rowRoles.push({ row: r, role: 'section' });
        continue;
      }
    }

    const hasData = TEXT_FIELDS.some((f) => values[f] !== '') || extras.some((e) => e);
    if (!number && !hasData && !merged) continue;
    const continues =
      !newStage && (chosen === 'continuation' || (!chosen && !number && !merged && !!prev && isContinuation(values, numbersItems)));
    if (continues && prev) {
      for (const f of TEXT_FIELDS) {
        if (!values[f]) continue;
        prev.item[f] = joinContinuation(prev.item[f] ?? '', values[f]);
      }
      if (prev.item.extras) extras.forEach((e, i) => {
        if (e) (prev.item.extras as string[])[i] = joinContinuation((prev.item.extras as string[])[i] ?? '', e);
      });
      prev.item.sourceRows.push(r);
      rowRoles.push({ row: r, role: 'continuation' });
      continue;
    }

    const draft: Draft = { item: emptyItem(number, r, extraColumns.length) };
    fill(draft.item, values, extras, columns);
    if (merged) {
      // A heading across the whole row holds the rows below it, whatever their numbers.
      draft.section = true;
      draft.outer = true;
    }
    if (chosen === 'section') draft.section = true;
    if (chosen === 'item') draft.section = false;
    drafts.push(draft);
    rowRoles.push({ row: r, role: 'item' });
  }

  decideSections(drafts, columns);
  assignLevels(drafts);
  const items = drafts.map((d) => d.item);
  // A row is reported as a section when it starts one and no item (a stage row starts both).
  const itemRows = new Set(drafts.filter((d) => !d.item.isSection).map((d) => d.item.sourceRows[0]));
  for (const rr of rowRoles) if (rr.role === 'item' && !itemRows.has(rr.row)) rr.role = 'section';

  if (numbersFromDates > 0) {
    warnings.push(`В столбце «№» Google Таблицы преобразовали номера вида «1.5» в даты (${numbersFromDates}); номера восстановлены по дню и месяцу — проверьте их.`);
  }
  if (skippedColumnNumbers > 0) warnings.push(`Пропущены строки с номерами столбцов («1 | 2 | 3 …»): ${skippedColumnNumbers}.`);
  if (items.length === 0) warnings.push('Под строкой заголовков не найдено ни одного мероприятия.');

  return {
    headerRow,
    columns,
    plan,
    title,
    items,
    warnings,
    sourceColumns: sourceColumnsOf(rows, layout),
    extraColumns,
    abbreviations: above.abbreviations,
    rowRoles,
  };
}

interface RowContext {
  get: (row: readonly string[], f: Field) => string;
  /** The number cell read as a date a Russian-locale sheet made of «1.5», or null. */
  numberFromDate: { text: string } | null;
  stageColumn: number | undefined;
  numbersInActivity: boolean;
}

/**
 * One body row as texts of the fields, its number, its stage text, and whether it is a heading
 * merged across the row («1. Подготовка условий», «I. …», or a bare heading in its first cell).
 */
function readRow(row: readonly string[], only: string | null, ctx: RowContext): { values: Record<TextField, string>; number: string; stage: string; merged: boolean; numberFromDate: boolean } {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ctx.get(row, f)])) as Record<TextField, string>;
  let number = ctx.numberFromDate?.text ?? ctx.get(row, 'number');
  let stage = ctx.stageColumn === undefined ? '' : (row[ctx.stageColumn] ?? '');
  if (ctx.numbersInActivity && !number) {
    const split = splitLeadingNumber(values.activity);
    if (split && numberStyle(split[0]) === 'arabic') [number, values.activity] = split;
  }
  // Text in the number column that is no number, with no activity: the heading of a merged row.
  let merged = !!number && !numberStyle(number) && !values.activity;
  const alone = only !== null && !number && (only === values.activity || only === stage) && TEXT_FIELDS.every((f) => f === 'activity' || !values[f]);
  if (!merged && alone && splitLeadingNumber(only as string)) {
    // Alone in the activity or stage column and opening with a number («I. Работа с участниками»).
    merged = true;
    values.activity = '';
    stage = '';
    number = only as string;
  }
  if (merged) {
    const split = splitLeadingNumber(number);
    if (split) [number, values.activity] = split;
    else [number, values.activity] = ['', number];
  }
  return { values, number, stage, merged, numberFromDate: !!ctx.numberFromDate };
}

function fill(item: RoadmapItem, values: Record<TextField, string>, extras: readonly string[], columns: Partial<Record<Field, number>>): void {
  for (const f of TEXT_FIELDS) {
    if (f === 'status' || f === 'doneDate') {
      if (columns[f] !== undefined) item[f] = values[f];
    } else item[f] = values[f];
  }
  if (item.extras) extras.forEach((e, i) => ((item.extras as string[])[i] = e));
}

/** Every column that holds text, with its header, meaning and a few sample cells. */
function sourceColumnsOf(rows: readonly (readonly string[])[], layout: ColumnPlan): SourceColumn[] {
  const out: SourceColumn[] = [];
  layout.meanings.forEach((m, c) => {
    if (!layout.filled[c] && m === 'skip') return;
    const sample: string[] = [];
    for (let r = layout.bodyStart; r < rows.length && sample.length < SAMPLE_SIZE; r++) {
      const text = rows[r]?.[c];
      if (text) sample.push(text.length > SAMPLE_LENGTH ? `${text.slice(0, SAMPLE_LENGTH - 1)}…` : text);
    }
    out.push({ column: c, header: layout.headers[c] ?? '', meaning: m, sample });
  });
  return out;
}

/**
 * A row without a number continues the row above (a page break split it) unless it clearly
 * starts a new activity of its own: a capitalised activity with its own deadline. Without a
 * number column, only text that starts in lower case or an empty activity continues.
 */
function isContinuation(values: Record<TextField, string>, hasNumberColumn: boolean): boolean {
  const lowerStart = /^[а-яёa-z,;)»]/.test(values.activity);
  if (!values.activity) return true;
  if (!hasNumberColumn) return lowerStart;
  return lowerStart || !values.deadline;
}

const PART_TITLE = /^(?:раздел|этап|блок|модуль)\s+\S/i;

/**
 * Rows whose shape did not decide: a Roman «I.» among arabic numbers and a «Раздел 1. …» title
 * head sections; the rest by numbering (see markSections). A section that is not numbered like
 * its items (Roman, «Раздел», unnumbered) holds the rows below it.
 */
function decideSections(drafts: Draft[], columns: Partial<Record<Field, number>>): void {
  const arabic = drafts.some((d) => numberStyle(d.item.number) === 'arabic');
  for (const d of drafts) {
    if (d.section !== undefined) continue;
    const style = numberStyle(d.item.number);
    const noDetails = !d.item.deadline && !d.item.responsible;
    if (((style === 'roman' || style === 'part') && arabic) || (noDetails && PART_TITLE.test(d.item.activity))) {
      d.section = true;
      d.outer = true;
    }
  }
  const open = drafts.filter((d) => d.section === undefined).map((d) => d.item);
  markSectionsAmong(open, drafts.map((d) => d.item), columns);
  for (const d of drafts) if (d.section !== undefined) d.item.isSection = d.section;
  for (const d of drafts) {
    if (d.section !== undefined || !d.item.isSection) continue;
    const style = numberStyle(d.item.number);
    if (style === 'roman' || style === 'part' || !d.item.number) d.outer = true;
  }
}

/** At least two body rows, and most rows with several filled cells, open their activity with a number. */
function activityNumbered(body: readonly (readonly string[])[], activity: number): boolean {
  let rows = 0;
  let numbered = 0;
  for (const row of body) {
    if (row.filter((c) => c).length < 2) continue;
    rows++;
    const split = splitLeadingNumber(row[activity] ?? '');
    if (split && numberStyle(split[0]) === 'arabic') numbered++;
  }
  return numbered >= 2 && numbered >= rows * 0.6;
}

/**
 * Levels: from the number («3.1.1.» → 3), one deeper under a section that holds its items
 * whatever their numbers (a Roman «I», «Раздел 1», a stage, an unnumbered heading) when the
 * numbering restarts inside it (I → 1, 2; II → 1, 2); a letter «а)» one deeper than the item above.
 */
function assignLevels(drafts: Draft[]): void {
  let inOuter = false;
  /** Whether the first arabic number inside the current outer section was a single part («1»). */
  let restart: boolean | null = null;
  let lastLevel = 1;
  for (const d of drafts) {
    const it = d.item;
    if (d.outer && it.isSection) {
      inOuter = true;
      restart = null;
      it.level = lastLevel = 1;
      continue;
    }
    const style = numberStyle(it.number);
    if (style === 'letter') {
      it.level = lastLevel + 1;
      continue;
    }
    if (style === 'arabic') {
      const parts = parseNumber(it.number)?.parts.length ?? 1;
      if (inOuter && restart === null) restart = parts === 1;
      it.level = parts + (inOuter && restart ? 1 : 0);
    } else if (it.number) it.level = levelOf(it.number);
    // Unnumbered: a heading is top-level; an item sits under its outer section or beside the item above.
    else it.level = it.isSection ? 1 : inOuter ? 2 : lastLevel;
    lastLevel = it.level;
  }
}

/**
 * Sections are rows with neither deadline nor responsible that are numbered «I.» or «Раздел 2.»,
 * have items numbered under them, or are top-level ("1", "2.") in a table numbered in levels;
 * without numbers, a row holding only an activity that heads an item. In a flat list («1, 2, 3»)
 * a row without details is an item with gaps.
 */
export function markSections(items: RecognizedItem[], columns: Partial<Record<Field, number>>): void {
  markSectionsAmong(items, items, columns);
}

/** markSections for `items`, with numbering prefixes taken from `all`. */
function markSectionsAmong(items: RecognizedItem[], all: readonly RecognizedItem[], columns: Partial<Record<Field, number>>): void {
  const hasDetailColumns = columns.deadline !== undefined || columns.responsible !== undefined;
  if (!hasDetailColumns) return;
  const prefixes = new Set<string>();
  for (const it of all) {
    const p = parseNumber(it.number);
    if (p) for (let k = 1; k < p.parts.length; k++) prefixes.add(p.parts.slice(0, k).join('.'));
  }
  const levelled = prefixes.size > 0;
  const next = new Map(all.map((it, i) => [it, all[i + 1]]));
  for (const it of items) {
    if (it.deadline || it.responsible) continue;
    const p = parseNumber(it.number);
    const style = numberStyle(it.number);
    if (style === 'roman' || style === 'part') it.isSection = true;
    else if (p) it.isSection = prefixes.has(p.key) || (levelled && p.parts.length === 1);
    // An unnumbered heading heads something: the last row, or one before another bare row, is an item cut short.
    else if (!it.number) it.isSection = !it.result && !!it.activity && headsItem(next.get(it));
  }
}

function headsItem(next: RecognizedItem | undefined): boolean {
  return !!next && (!!next.number || !!next.deadline || !!next.responsible);
}
