// The recognise sidebar: what was made of the pasted table, and the one place to correct it — column
// meanings, header and first data row, the plan period, how each row was read. Every change asks
// the server for the result with that choice (nothing is written); «Создать лист заново» writes it.
import type { ChoicesWire, RecognitionReport, RecognitionState, RecognitionView } from '../../../contract/roadmap';
import type { ColumnMeaning, RowRole } from '../../../core/types';
import { byId, el, render, showMessage } from '../../common/dom';
import { callServer } from '../../common/rpc';

const ruDay = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const MEANINGS: Record<ColumnMeaning, string> = {
  number: '№',
  activity: 'Мероприятие',
  deadline: 'Срок',
  responsible: 'Ответственные',
  result: 'Результат',
  status: 'Статус',
  doneDate: 'Дата выполнения',
  section: 'Раздел (этап)',
  extra: 'Оставить как дополнительный столбец',
  skip: 'Не переносить',
};

const ROLES: Record<RowRole, string> = {
  item: 'Мероприятие',
  section: 'Раздел',
  note: 'Примечание',
  continuation: 'Продолжение',
  skip: 'Не переносить',
};

let report: RecognitionReport | null = null;
let view: RecognitionView | null = null;
let choices: ChoicesWire = { mapping: [], headerRow: null, firstDataRow: null, rowRoles: [], plan: null };
/** Only the answer to the latest change is shown. */
let pending = 0;

function showReport(r: RecognitionReport): void {
  byId('report').hidden = false;
  byId('created').textContent = `Из «${r.source}» создан лист «${r.sheetName}».`;
  const kept: string[] = [];
  if (r.extraColumns.length) kept.push(`дополнительные столбцы: ${r.extraColumns.map((h) => `«${h}»`).join(', ')}`);
  if (r.notes) kept.push(`примечания к пунктам: ${r.notes} (в примечаниях к ячейкам «Мероприятие»)`);
  if (r.abbreviations) kept.push(`список сокращений: ${r.abbreviations} (в примечании к заголовку «Мероприятие»)`);
  render(
    byId('counts'),
    el('li', {}, `Мероприятий: ${r.items}, разделов: ${r.sections}.`),
    el('li', {}, r.headerRow ? `Строка заголовков: ${r.headerRow}.` : 'Строка заголовков не найдена, столбцы определены по порядку.'),
    el('li', {}, r.plan ? `Период плана: ${ruDay(r.plan.start)}–${ruDay(r.plan.end)}${r.plan.title ? ` (по заголовку «${r.plan.title}»)` : ''}.` : 'Период плана не определён: укажите его ниже или в меню «Настройки дорожной карты».'),
    el('li', {}, `Первая проверка: ошибок — ${r.errors}, предупреждений — ${r.problemWarnings}.`),
    kept.length ? el('li', {}, `Сохранены ${kept.join('; ')}.`) : null,
  );
  render(byId('columns'), ...r.columns.map((c) => el('li', {}, c)));
  render(byId('warnings'), ...(r.warnings.length ? r.warnings.map((w) => el('li', {}, w)) : [el('li', {}, 'Всё распознано.')]));
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  return el('option', { value, selected }, label);
}

function columnEditor(v: RecognitionView): HTMLElement[] {
  return v.columns.map((c) => {
    const id = `col-${c.column}`;
    const select = el('select', { id, 'data-column': c.column }, ...(Object.keys(MEANINGS) as ColumnMeaning[]).map((m) => option(m, MEANINGS[m], m === c.meaning)));
    select.addEventListener('change', () => {
      choices.mapping = [...choices.mapping.filter((m) => m.column !== c.column), { column: c.column, meaning: select.value as ColumnMeaning }];
      void refresh(id);
    });
    return el(
      'div',
      { class: 'fix-col' },
      el('label', { for: id }, `Столбец ${c.letter}${c.header ? ` «${c.header}»` : ' (без заголовка)'}`),
      c.sample.length ? el('div', { class: 'sample' }, c.sample.join(' · ')) : null,
      select,
    );
  });
}

function rowEditor(v: RecognitionView): HTMLElement[] {
  return v.rows.map((r) => {
    const id = `row-${r.row}`;
    const select = el('select', { id, 'aria-label': `Строка ${r.row + 1}` }, ...(Object.keys(ROLES) as RowRole[]).map((k) => option(k, ROLES[k], k === r.role)));
    select.addEventListener('change', () => {
      choices.rowRoles = [...choices.rowRoles.filter((x) => x.row !== r.row), { row: r.row, role: select.value as RowRole }];
      void refresh(id);
    });
    return el('div', { class: 'fix-row' }, el('span', { class: 'row-text' }, `${r.row + 1}: ${r.text || '(пусто)'}`), select);
  });
}

function showView(v: RecognitionView): void {
  view = v;
  choices = v.choices;
  byId('fix').hidden = false;
  const extras = v.extraColumns.length ? `, дополнительных столбцов: ${v.extraColumns.length}` : '';
  byId('fix-summary').textContent = v.refusal
    ? v.refusal
    : `С этими настройками получится мероприятий: ${v.items}, разделов: ${v.sections}${extras}${v.notes ? `, примечаний к пунктам: ${v.notes}` : ''}.`;
  render(byId('fix-columns'), ...columnEditor(v));
  byId<HTMLInputElement>('header-row').value = v.headerRow === null ? '' : String(v.headerRow + 1);
  byId<HTMLInputElement>('header-row').max = String(v.rowCount);
  byId<HTMLInputElement>('first-row').value = v.firstDataRow === null ? '' : String(v.firstDataRow + 1);
  byId<HTMLInputElement>('first-row').max = String(v.rowCount);
  byId<HTMLInputElement>('plan-start').value = v.plan?.start ?? '';
  byId<HTMLInputElement>('plan-end').value = v.plan?.end ?? '';
  render(byId('fix-rows'), ...rowEditor(v));
  byId('fix-rows-more').textContent = v.rowsOmitted ? `Ещё строк мероприятий: ${v.rowsOmitted} (не показаны).` : '';
  render(
    byId('fix-preview'),
    ...v.preview.map((p) =>
      el('li', { class: p.isSection ? 'section' : '' }, [p.number, p.activity, p.deadline, p.responsible].filter(Boolean).join(' — ') || '(пусто)'),
    ),
  );
  render(byId('fix-warnings'), ...v.warnings.map((w) => el('li', {}, w)));
  byId<HTMLButtonElement>('apply').disabled = v.refusal !== null;
}

/** Asks for the result with the current choices; `focus` keeps the person's place after re-rendering. */
async function refresh(focus?: string): Promise<void> {
  if (!view) return;
  const ticket = ++pending;
  showMessage(byId('fix-message'), 'Распознаём заново…', 'info');
  try {
    const next = await callServer('previewRecognition', view.sourceSheetId, choices);
    if (ticket !== pending) return;
    showView(next);
    showMessage(byId('fix-message'), '', 'info');
    if (focus) document.getElementById(focus)?.focus();
  } catch (error) {
    if (ticket === pending) showMessage(byId('fix-message'), (error as Error).message, 'error');
  }
}

function rowInput(id: string, set: (row: number | null) => void): void {
  const input = byId<HTMLInputElement>(id);
  input.addEventListener('change', () => {
    const n = Number(input.value);
    set(input.value.trim() === '' ? null : Number.isInteger(n) && n >= 1 ? n - 1 : null);
    void refresh(id);
  });
}

function planInputs(): void {
  for (const id of ['plan-start', 'plan-end']) {
    byId<HTMLInputElement>(id).addEventListener('change', () => {
      const start = byId<HTMLInputElement>('plan-start').value;
      const end = byId<HTMLInputElement>('plan-end').value;
      if (start && end && start > end) {
        showMessage(byId('fix-message'), 'Дата начала плана позже даты окончания.', 'error');
        return;
      }
      choices.plan = start && end ? { start, end } : null;
      void refresh(id);
    });
  }
}

function show(state: RecognitionState): void {
  report = state.report;
  if (report) showReport(report);
  if (state.view) showView(state.view);
  else byId('fix').hidden = true;
}

async function apply(): Promise<void> {
  if (!view) return;
  const button = byId<HTMLButtonElement>('apply');
  button.disabled = true;
  showMessage(byId('fix-message'), 'Создаём лист дорожной карты заново…', 'info');
  try {
    show(await callServer('applyRecognition', view.sourceSheetId, choices, report?.sheetId ?? null));
    showMessage(byId('fix-message'), `Лист «${report?.sheetName ?? ''}» создан заново. Исправления запомнены для листа «${view.sourceName}».`, 'ok');
  } catch (error) {
    showMessage(byId('fix-message'), (error as Error).message, 'error');
  } finally {
    button.disabled = view?.refusal !== null;
  }
}

async function start(): Promise<void> {
  byId('open').addEventListener('click', () => {
    if (report) callServer('selectCell', report.sheetId, 1, 1).catch((error: Error) => showMessage(byId('message'), error.message, 'error'));
  });
  rowInput('header-row', (row) => (choices.headerRow = row));
  rowInput('first-row', (row) => (choices.firstDataRow = row));
  planInputs();
  byId('apply').addEventListener('click', () => void apply());
  byId('reset').addEventListener('click', () => {
    choices = { mapping: [], headerRow: null, firstDataRow: null, rowRoles: [], plan: null };
    void refresh();
  });
  try {
    const state = await callServer('getRecognitionReport');
    if (!state.report) showMessage(byId('message'), 'Сводка распознавания не найдена. Выберите в меню «Распознать таблицу».', 'info');
    show(state);
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  }
}

void start();
