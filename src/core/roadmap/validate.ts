// Row-by-row checks of a roadmap, with Russian messages naming the row and the column.
import type { Field, PlanContext, Problem, ProblemField, RecognizedItem } from '../types';
import { isISODate } from '../dates';
import { formatDayRu as formatRu, parseDayText } from './day';
import { parseDeadline } from '../deadline/parse';
import { FIELD_TITLES } from './header';
import { numberStyle, parseNumber } from './numbering';
import { looksLikeFormula } from './text';
import { STATUS_DONE, STATUS_VALUES } from './layout';
import { hasMark } from './evidence';

export type ValidatedItem = RecognizedItem & { status?: string; doneDate?: string; mark?: string };

export interface ValidateOptions {
  /**
   * Sheet row number (1-based) of cells[0], i.e. of sourceRows index 0. Default 1: the cells
   * were read from row 1. Messages say "Строка N" with N = firstRow + sourceRows[0].
   */
  firstRow?: number;
  /** Column titles to use in messages (the user's own header text); default: the add-on's names. */
  columnTitles?: Partial<Record<Field, string>>;
  /**
   * Warn when an item is «Выполнено» without anything in «Отметка о выполнении» (a setting, on by
   * default): given only when the sheet has that column, with its title as the sheet names it.
   */
  requireMark?: { columnTitle: string };
}


const lowerFirst = (text: string): string => (/^[А-ЯЁ][а-яё]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

const quote = (text: string, max = 60): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return `«${one.length > max ? `${one.slice(0, max)}…` : one}»`;
};

/**
 * Validates recognised (or read-back) items. Never throws and never changes `items`.
 * `today` ('YYYY-MM-DD', in the spreadsheet's zone) enables the "completion date in the future"
 * check and, when the plan period is invalid, lets deadlines still be read within today's year.
 * Sections are checked only for their title and numbering.
 */
export function validateRoadmap(
  items: ValidatedItem[],
  plan: PlanContext,
  today?: string,
  options: ValidateOptions = {},
): Problem[] {
  const problems: Problem[] = [];
  const firstRow = options.firstRow ?? 1;
  const title = (f: ProblemField): string => (f === 'mark' ? (options.requireMark?.columnTitle ?? 'Отметка о выполнении') : (options.columnTitles?.[f] ?? FIELD_TITLES[f]));
  const planOk = !!plan && isISODate(plan.planStart) && isISODate(plan.planEnd) && plan.planStart <= plan.planEnd;
  const todayOk = typeof today === 'string' && isISODate(today);

  const add = (index: number, field: ProblemField | undefined, severity: Problem['severity'], code: string, text: string, fix?: string): void => {
    const item = items[index];
    const src = item?.sourceRows?.[0];
    const where = typeof src === 'number' ? `Строка ${firstRow + src}` : `Пункт ${index + 1}`;
    const column = field ? `, столбец «${title(field)}»` : '';
    problems.push({ item: index, ...(field ? { field } : {}), severity, code, message: `${where}${column}: ${text}`, ...(fix ? { fix } : {}) });
  };

  const numbered = items.filter((it) => it.number).length;
  const seen = new Set<string>();
  const outerSeen = new Set<string>();
  let prevParts: number[] | null = null;

  items.forEach((it, i) => {
    const number = String(it.number ?? '');
    // Numbering.
    if (number) {
      const parsed = parseNumber(number);
      const style = numberStyle(number);
      if (style === 'letter') {
        // «а)», «б)»: sub-points of the item above, outside the numbered outline.
      } else if (!parsed) {
        add(i, 'number', 'error', 'number-invalid', `номер ${quote(number)} не похож на номер пункта (ожидается «1.», «1.1.», «3.1.1.»).`);
      } else if (it.isSection && (style === 'roman' || style === 'part')) {
        checkOuterSection(i, parsed.key);
      } else {
        checkNumber(i, parsed.parts, parsed.key);
      }
    } else if (numbered > 0) {
      add(i, 'number', 'warning', 'number-missing', `у ${it.isSection ? 'раздела' : 'мероприятия'} нет номера.`);
    }

    const activity = String(it.activity ?? '');
    if (!activity.trim()) {
      add(i, 'activity', 'error', 'activity-missing', it.isSection ? 'не указано название раздела.' : 'не указано мероприятие.');
    }

    for (const f of ['number', 'activity', 'deadline', 'responsible', 'result', 'status', 'doneDate'] as const) {
      const v = it[f];
      if (typeof v === 'string' && looksLikeFormula(v)) {
        add(i, f, 'warning', 'formula-like', `текст начинается со знака «${v[0]}» и при вводе в таблицу будет прочитан как формула. Уберите знак в начале или сохраните ячейку как текст.`);
      }
    }

    if (it.isSection) return;

    const responsible = String(it.responsible ?? '');
    if (!responsible.trim()) add(i, 'responsible', 'error', 'responsible-missing', 'не указаны ответственные.');

    checkDeadline(i, String(it.deadline ?? ''));
    checkStatus(i, it.status, it.doneDate);
    if (options.requireMark && isDone(it.status) && !hasMark(it.mark)) {
      add(i, 'mark', 'warning', 'done-without-mark', `статус «${STATUS_DONE}», но отметка о выполнении пуста: укажите документ или ссылку, подтверждающие выполнение.`);
    }
  });

  return problems;

  /**
   * A Roman section («I.», «II.») or «Раздел 2.»: its items are numbered either under it («2.1»)
   * or afresh from «1» (I → 1, 2; II → 1, 2), so the outline restarts at it.
   */
  function checkOuterSection(i: number, key: string): void {
    if (outerSeen.has(key)) add(i, 'number', 'error', 'number-duplicate', `номер ${quote(items[i]?.number ?? '')} уже встречался выше.`);
    outerSeen.add(key);
    seen.clear();
    prevParts = null;
    let firstInside = '';
    for (let k = i + 1; k < items.length && !firstInside; k++) {
      const n = String(items[k]?.number ?? '');
      if (numberStyle(n) === 'arabic') firstInside = n;
    }
    const restarts = (parseNumber(firstInside)?.parts.length ?? 1) === 1;
    if (!restarts) {
      seen.add(key);
      prevParts = [Number(key)];
    }
  }

  function checkNumber(i: number, parts: number[], key: string): void {
    if (seen.has(key)) {
      add(i, 'number', 'error', 'number-duplicate', `номер ${quote(items[i]?.number ?? '')} уже встречался выше.`);
      prevParts = parts;
      return;
    }
    const parentKey = parts.slice(0, -1).join('.');
    const parentMissing = parts.length > 1 && !seen.has(parentKey);
    if (parentMissing) {
      add(i, 'number', 'error', 'section-missing', `пункт ${key} стоит вне своего раздела: выше нет пункта или раздела ${parentKey}.`);
    } else if (!followsFrom(prevParts, parts)) {
      const before = prevParts ? compareParts(parts, prevParts) < 0 : false;
      const after = prevParts ? ` после ${prevParts.join('.')}` : ' в начале таблицы';
      if (before) add(i, 'number', 'warning', 'number-order', `нарушен порядок нумерации: пункт ${key} стоит${after}.`);
      else add(i, 'number', 'warning', 'number-gap', `пропуск в нумерации: пункт ${key} стоит${after}.`);
    }
    seen.add(key);
    prevParts = parts;
  }

  function checkDeadline(i: number, deadline: string): void {
    if (!deadline.trim()) {
      add(i, 'deadline', 'error', 'deadline-missing', 'не указан срок.');
      return;
    }
    // Without a plan period, a year-less deadline is read within today's year; nothing is "outside".
    const context = planOk ? plan : todayOk ? { planStart: `${(today as string).slice(0, 4)}-01-01`, planEnd: `${(today as string).slice(0, 4)}-12-31` } : null;
    if (!context) return;
    let parsed;
    try {
      parsed = parseDeadline(deadline, context);
    } catch {
      add(i, 'deadline', 'error', 'deadline-unrecognized', `срок не распознан: ${quote(deadline)}.`);
      return;
    }
    if (parsed.kind === 'unrecognized') {
      const why = parsed.warnings.filter((w) => !/^срок не распознан/i.test(w)).map(lowerFirst);
      const fix = parsed.fix ? ` Возможно, имелось в виду ${quote(parsed.fix)}.` : '';
      add(i, 'deadline', 'error', 'deadline-unrecognized', `срок не распознан: ${quote(deadline)}${why.length ? ` — ${why.join('; ')}` : '.'}${fix}`, parsed.fix);
      return;
    }
    // The fix belongs to the first warning only: one button per cell.
    parsed.warnings.forEach((w, k) => add(i, 'deadline', 'warning', 'deadline-warning', `${quote(deadline)} — ${lowerFirst(w)}`, k === 0 ? parsed.fix : undefined));
    const periods = parsed.periods;
    if (!planOk || periods.length === 0) return;
    const outside = periods.filter((p) => p.end < plan.planStart || p.start > plan.planEnd);
    const partly = periods.filter((p) => !outside.includes(p) && (p.start < plan.planStart || p.end > plan.planEnd));
    const planText = `${formatRu(plan.planStart)}–${formatRu(plan.planEnd)}`;
    if (outside.length === periods.length) {
      add(i, 'deadline', 'error', 'deadline-outside-plan', `срок ${quote(deadline)} находится вне периода плана (${planText}). Проверьте год в сроке или период плана.`);
    } else if (outside.length > 0 || partly.length > 0) {
      add(i, 'deadline', 'warning', 'deadline-outside-plan', `срок ${quote(deadline)} частично выходит за период плана (${planText}).`);
    }
  }

  function checkStatus(i: number, status: unknown, doneDate: unknown): void {
    const s = typeof status === 'string' ? status.trim() : '';
    const d = typeof doneDate === 'string' ? doneDate.trim() : '';
    const known = STATUS_VALUES.find((v) => v.toLowerCase() === s.toLowerCase());
    if (s && !known) {
      add(i, 'status', 'warning', 'status-unknown', `статус ${quote(s)} не входит в список: ${STATUS_VALUES.join(', ')}.`);
    }
    const done = isDone(s);
    if (done && !d) add(i, 'doneDate', 'error', 'done-without-date', `статус «${STATUS_DONE}», но не указана дата выполнения.`);
    if (!d) return;
    const iso = parseDayText(d);
    if (!iso) {
      add(i, 'doneDate', 'error', 'done-date-invalid', `дата выполнения ${quote(d)} не распознана (ожидается ДД.ММ.ГГГГ).`);
      return;
    }
    if (!done) add(i, 'doneDate', 'warning', 'date-without-done', `указана дата выполнения, но статус не «${STATUS_DONE}».`);
    if (todayOk && iso > (today as string)) {
      add(i, 'doneDate', 'error', 'done-date-future', `дата выполнения ${formatRu(iso)} ещё не наступила.`);
    }
  }
}

function isDone(status: unknown): boolean {
  return typeof status === 'string' && status.trim().toLowerCase() === STATUS_DONE.toLowerCase();
}

function compareParts(a: number[], b: number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    if ((a[k] as number) !== (b[k] as number)) return (a[k] as number) - (b[k] as number);
  }
  return a.length - b.length;
}

/** Whether `next` is a natural successor of `prev`: a first child, a next sibling, or the next of an ancestor. */
function followsFrom(prev: number[] | null, next: number[]): boolean {
  if (!prev) return next.every((p) => p === 1);
  if (next.length === prev.length + 1 && next[next.length - 1] === 1 && prev.every((p, k) => p === next[k])) return true;
  if (next.length > prev.length) return false;
  const last = next.length - 1;
  for (let k = 0; k < last; k++) if (next[k] !== prev[k]) return false;
  return next[last] === (prev[last] as number) + 1;
}
