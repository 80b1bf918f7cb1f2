// Recognising a pasted roadmap: title rows, header, sections and items, page-break continuations.
import type { Field, Recognition, RecognizedItem } from '../types';
import { inferPlanPeriod } from '../deadline/plan-period';
import { FIELD_TITLES, findHeader, matchHeaderRow, type HeaderMatch } from './header';
import { levelOf, numberCellText, parseNumber, splitLeadingNumber } from './numbering';
import { cellText, foldForMatch, joinContinuation } from './text';

/** What recognition returns per row: the public item plus status columns when the table has them. */
export type RoadmapItem = RecognizedItem & { status?: string; doneDate?: string };

const TEXT_FIELDS = ['activity', 'deadline', 'responsible', 'result', 'status', 'doneDate'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** Columns assumed when no header is found: the usual order of a roadmap. */
const DEFAULT_ORDER: readonly Field[] = ['number', 'activity', 'deadline', 'responsible', 'result'];


function isEmptyRow(row: readonly string[]): boolean {
  return row.every((c) => c === '');
}

/** "1 | 2 | 3 | 4 | 5" under a Word header: numbers of the columns, not data. */
function isColumnNumberRow(row: readonly string[]): boolean {
  const filled = row.filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c, i) => c === String(i + 1) || c === `${i + 1}.`);
}

/** Guesses the columns when there is no header: the first column that holds item numbers. */
function guessColumns(rows: readonly (readonly string[])[]): Partial<Record<Field, number>> | null {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (let c = 0; c + 2 < width; c++) {
    let numbered = 0;
    for (const r of rows) if (r[c] && parseNumber(r[c] as string) && r[c + 1]) numbered++;
    if (numbered >= 2) {
      const columns: Partial<Record<Field, number>> = {};
      DEFAULT_ORDER.forEach((f, i) => {
        if (c + i < width) columns[f] = c + i;
      });
      return columns;
    }
  }
  return null;
}

/** The title: from the last "План…"/"Дорожная карта…" row above the header, else the last rows. */
function titleRows(rows: readonly (readonly string[])[], headerRow: number): string[] {
  const lines = rows.slice(0, Math.max(0, headerRow)).map((r) => r.filter((c) => c).join(' ')).filter((l) => l);
  let start = -1;
  lines.forEach((l, i) => {
    if (/^(план|дорожн\S* карт|комплекс мер|перечень мероприятий)/.test(foldForMatch(l))) start = i;
  });
  return start >= 0 ? lines.slice(start) : lines.slice(-3);
}

/** The plan period from the title, else from ever larger blocks of title rows just above the header. */
function findPlan(rows: readonly (readonly string[])[], headerRow: number, warnings: string[]): Recognition['plan'] {
  const title = headerRow > 0 ? titleRows(rows, headerRow).join(' ').replace(/\s+/g, ' ').trim() : '';
  let period = title ? inferPlanPeriod(title) : null;
  const above = rows.slice(Math.max(0, headerRow - 40), Math.max(0, headerRow)).map((r) => r.filter((c) => c).join(' ')).filter((l) => l);
  for (let k = 1; !period && k <= above.length; k++) period = inferPlanPeriod(above.slice(-k).join('\n'));
  if (!period) {
    warnings.push('Период действия плана не удалось определить по заголовку. Укажите даты начала и окончания плана в меню «Настройки дорожной карты».');
    return null;
  }
  return { title, start: period.start, end: period.end };
}

interface Builder {
  item: RoadmapItem;
  /** Number of the row in `rows` that started the item. */
  row: number;
}

function emptyItem(number: string, sourceRow: number): RoadmapItem {
  return { number, level: levelOf(number), isSection: false, activity: '', deadline: '', responsible: '', result: '', sourceRows: [sourceRow] };
}

/**
 * Recognises a roadmap pasted into a sheet. `cells` is getValues() of the pasted area; row
 * indices in the result (headerRow, sourceRows) are 0-based indices into `cells`; warnings name
 * sheet rows as firstRow + index (firstRow: sheet row of cells[0], default 1). Never throws.
 */
export function recognizeRoadmap(cells: unknown[][], options: { firstRow?: number } = {}): Recognition {
  const warnings: string[] = [];
  const firstRow = options.firstRow ?? 1;
  const rowLabel = (r: number): string => `${firstRow + r}`;
  const rows: string[][] = Array.isArray(cells) ? cells.map((r) => (Array.isArray(r) ? r.map(cellText) : [cellText(r)])) : [];
  const nonEmpty = rows.filter((r) => !isEmptyRow(r)).length;
  if (nonEmpty === 0) {
    return { headerRow: -1, columns: {}, plan: null, items: [], warnings: ['Лист пуст: вставьте таблицу дорожной карты вместе со строкой заголовков.'] };
  }

  const header: HeaderMatch | null = findHeader(rows);
  let columns: Partial<Record<Field, number>>;
  let headerRow = -1;
  let bodyStart = 0;
  if (header) {
    columns = header.columns;
    headerRow = header.row;
    bodyStart = header.row + 1;
    for (const u of header.unknown) {
      warnings.push(`Столбец «${u.text}» (${u.column + 1}-й) не распознан, его содержимое не перенесено.`);
    }
    for (const d of header.duplicates) {
      warnings.push(`Столбец «${d.text}» (${d.column + 1}-й) повторяет смысл столбца «${FIELD_TITLES[d.field]}» и не перенесён.`);
    }
  } else {
    const guessed = guessColumns(rows);
    if (!guessed) {
      warnings.push(
        'Не найдена строка заголовков таблицы (ожидались столбцы «Мероприятие», «Срок», «Ответственные») и нет пронумерованных строк. Вставьте таблицу вместе с заголовком.',
      );
      return { headerRow: -1, columns: {}, plan: null, items: [], warnings };
    }
    columns = guessed;
    warnings.push('Строка заголовков не найдена; столбцы определены по порядку: № | Мероприятие | Срок | Ответственные | Результат. Проверьте результат.');
  }

  for (const f of ['activity', 'deadline', 'responsible', 'number'] as const) {
    if (columns[f] === undefined) {
      warnings.push(
        f === 'number'
          ? 'Не найден столбец «№»: пункты не пронумерованы, разделы определены по пустым срокам и ответственным.'
          : `Не найден столбец «${FIELD_TITLES[f]}»: он останется пустым.`,
      );
    }
  }

  const plan = findPlan(rows, headerRow, warnings);
  const headerKey = header ? (rows[header.row] as string[]).join('\u0001') : '';
  const get = (row: readonly string[], f: Field): string => {
    const c = columns[f];
    return c === undefined ? '' : (row[c] ?? '');
  };
  const used = new Set(Object.values(columns));
  const hasNumberColumn = columns.number !== undefined;

  const builders: Builder[] = [];
  let skippedColumnNumbers = 0;
  let numbersFromDates = 0;
  const lost: number[] = [];

  for (let r = bodyStart; r < rows.length; r++) {
    const row = rows[r] as string[];
    if (isEmptyRow(row)) continue;
    if (header && row.join('\u0001') === headerKey) continue; // header repeated on every page
    if (isColumnNumberRow(row)) {
      skippedColumnNumbers++;
      continue;
    }
    // Only a row without an item number can be the header of a second table.
    if (header && !parseNumber(get(row, 'number')) && matchHeaderRow(row, r)) {
      warnings.push(
        `В строке ${rowLabel(r)} начинается вторая таблица; распознана только первая (строки ${rowLabel(bodyStart)}–${rowLabel(r - 1)}). Вставьте вторую таблицу на отдельный лист.`,
      );
      break;
    }

    const values: Record<TextField, string> = {
      activity: get(row, 'activity'),
      deadline: get(row, 'deadline'),
      responsible: get(row, 'responsible'),
      result: get(row, 'result'),
      status: get(row, 'status'),
      doneDate: get(row, 'doneDate'),
    };
    let number = get(row, 'number');
    const asDate = columns.number === undefined ? null : numberCellText((cells[r] as unknown[] | undefined)?.[columns.number]);
    if (asDate) {
      number = asDate.text;
      numbersFromDates++;
    }
    // A merged section row lands in its first cell: "1. Подготовка условий" or just a heading.
    const mergedHeading = !!number && !parseNumber(number) && !values.activity;
    if (mergedHeading) {
      const split = splitLeadingNumber(number);
      if (split) [number, values.activity] = split;
      else [number, values.activity] = ['', number];
    }
    const hasData = TEXT_FIELDS.some((f) => values[f] !== '');
    if (!number && !hasData) {
      // Text only in unrecognised columns.
      if (row.some((c, i) => c && !used.has(i))) lost.push(r);
      continue;
    }

    const prev = builders[builders.length - 1];
    if (!number && !mergedHeading && prev && isContinuation(values, hasNumberColumn)) {
      for (const f of TEXT_FIELDS) {
        if (!values[f]) continue;
        const upper = prev.item[f] ?? '';
        prev.item[f] = joinContinuation(upper, values[f]);
      }
      prev.item.sourceRows.push(r);
      continue;
    }

    const item = emptyItem(number, r);
    for (const f of TEXT_FIELDS) {
      if (f === 'status' || f === 'doneDate') {
        if (columns[f] !== undefined) item[f] = values[f];
      } else item[f] = values[f];
    }
    builders.push({ item, row: r });
  }

  markSections(builders.map((b) => b.item), columns);

  if (numbersFromDates > 0) {
    warnings.push(`В столбце «№» Google Таблицы преобразовали номера вида «1.5» в даты (${numbersFromDates}); номера восстановлены по дню и месяцу — проверьте их.`);
  }
  if (skippedColumnNumbers > 0) warnings.push(`Пропущены строки с номерами столбцов («1 | 2 | 3 …»): ${skippedColumnNumbers}.`);
  if (lost.length > 0) {
    const list = lost.slice(0, 10).map(rowLabel).join(', ');
    warnings.push(
      lost.length === 1
        ? `Строка ${list} заполнена только в нераспознанных столбцах и пропущена.`
        : `Строки ${list}${lost.length > 10 ? ' и другие' : ''} заполнены только в нераспознанных столбцах и пропущены.`,
    );
  }
  if (builders.length === 0) warnings.push('Под строкой заголовков не найдено ни одного мероприятия.');

  return { headerRow, columns, plan, items: builders.map((b) => b.item), warnings };
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

/**
 * Sections are rows with neither deadline nor responsible that are top-level ("1", "2.") or
 * have items numbered under them; without numbers, any row holding only an activity.
 */
export function markSections(items: RecognizedItem[], columns: Partial<Record<Field, number>>): void {
  const hasDetailColumns = columns.deadline !== undefined || columns.responsible !== undefined;
  if (!hasDetailColumns) return;
  const prefixes = new Set<string>();
  for (const it of items) {
    const p = parseNumber(it.number);
    if (p) for (let k = 1; k < p.parts.length; k++) prefixes.add(p.parts.slice(0, k).join('.'));
  }
  for (const it of items) {
    if (it.deadline || it.responsible) continue;
    const p = parseNumber(it.number);
    if (p) it.isSection = p.parts.length === 1 || prefixes.has(p.key);
    else if (!it.number) it.isSection = !it.result && !!it.activity;
  }
}
