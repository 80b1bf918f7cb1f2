// «Сформировать приказ» and «Приказ по строке»: a form pre-filled from the sheet, a live preview
// built in the browser by core's order builders (the same ones the server uses), and one button.
import { BASIS_VERB_VALUES, type OrderCreated, type OrderMode, type OrderRequest, type OrderSetup } from '../../../contract/orders';
import { basisText } from '../../../core/order/basis';
import { buildApprovalOrder, buildRowOrder, type AppendixRows, type OrderRow } from '../../../core/order/build';
import { orderChecklist } from '../../../core/order/checklist';
import { GOST_FONT, type OrderDocument } from '../../../core/order/model';
import { planTitleProblem } from '../../../core/order/plan-title';
import type { Requisites } from '../../../core/order/requisites';
import { responsiblePerson, undeclinableName, type OrderKind } from '../../../core/order/row-order';
import { byId, el, render, showMessage } from '../../common/dom';
import { orderView } from '../../common/order-view';
import { callServer } from '../../common/rpc';

const PAGE_CSS = `
.order-form textarea { min-height: 48px; }
.order-form .row2 { display: flex; gap: 8px; }
.order-form .row2 > div { flex: 1; min-width: 0; }
.order-list { margin: 4px 0 8px 18px; padding: 0; }
.order-list li { margin: 2px 0; }
.order-box { border: 1px solid var(--border); border-radius: 4px; padding: 6px 8px; margin: 8px 0; }
.order-box.warn { background: var(--warn-bg); }
.order-box.error { background: #fce8e6; }
.order-check { display: flex; gap: 6px; align-items: flex-start; color: var(--text); }
.order-check input { width: auto; margin-top: 2px; }
.order-sections { max-height: 140px; overflow: auto; }
#preview { background: #f1f3f4; padding: 8px 0; border-radius: 4px; overflow: auto; max-height: 420px; }
.order-result a { display: block; margin: 4px 0; }
`;

const input = (id: string) => byId<HTMLInputElement>(id);
const area = (id: string) => byId<HTMLTextAreaElement>(id);

interface State {
  setup: OrderSetup;
  /** The person edited the points by hand: curator changes no longer rewrite them. */
  pointsEdited: boolean;
  /** The person edited the heading by hand: a corrected plan title no longer rewrites it. */
  headingEdited: boolean;
  busy: boolean;
}

/** ГОСТ Р 7.0.97-2025 sets no length, but a heading past 150 characters no longer reads as one (the common rule of instructions on records). */
const HEADING_LIMIT = 150;
const FONTS = ['Times New Roman', 'PT Astra Serif', 'PT Serif', 'Liberation Serif', 'Arial'];

const optionalInput = (id: string) => document.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
const value = (id: string) => optionalInput(id)?.value.trim() ?? '';

function requisitesOf(setup: OrderSetup): Requisites {
  const r = setup.requisites;
  return { ...r, numberFormat: r.numberFormat || '{n}' };
}

/** «Дополнительные столбцы» in the appendix (the checkbox exists only when the roadmap has them). */
function extrasChosen(): boolean {
  return !!document.querySelector<HTMLInputElement>('#appendixExtras:checked');
}

function appendixChoice(): AppendixRows {
  const mode = (document.querySelector<HTMLInputElement>('input[name="appendix"]:checked')?.value ?? 'all') as 'all' | 'not-done' | 'sections';
  if (mode !== 'sections') return mode;
  return { sections: [...document.querySelectorAll<HTMLInputElement>('input[name="section"]:checked')].map((c) => c.value) };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The model for the current form; `withDefaults` ignores the editable texts (to compute defaults). */
function buildModel(state: State, withDefaults = false): OrderDocument {
  const { setup } = state;
  const requisites = requisitesOf(setup);
  const date = input('date').value || setup.today;
  const number = input('number').value.trim() || setup.nextNumber;
  const dateStyle = byId<HTMLSelectElement>('dateStyle').value === 'numeric' ? 'numeric' : 'long';
  const heading = withDefaults ? undefined : area('heading').value;
  const basis = withDefaults ? undefined : basisOf();
  const points = withDefaults ? undefined : lines(area('points').value);
  const signatory = { position: input('signPosition').value.trim(), name: input('signName').value.trim() };
  const sign = signatory.name ? signatory : undefined;
  const font = fontOf();
  const roadmap = setup.roadmap ?? { title: '', period: null, items: [] };
  const plan = { title: value('planTitle') || roadmap.title, period: roadmap.period };
  if (setup.mode === 'row' && setup.row) {
    const item: OrderRow = setup.row.item;
    const addressee = { position: value('addresseePosition'), name: value('addresseeName') };
    return buildRowOrder(item, requisites, {
      date, number, dateStyle, heading, basis, points: points?.length ? points : undefined, signatory: sign, font,
      plan, approvedBy: setup.approvedBy, kind: (value('kind') || setup.suggestedKind) as OrderKind,
      addressee: addressee.position || addressee.name ? addressee : undefined,
    });
  }
  const curator = { position: input('curatorPosition').value.trim(), name: input('curatorName').value.trim() };
  return buildApprovalOrder({
    requisites,
    roadmap: { ...roadmap, title: plan.title },
    options: {
      date,
      number,
      dateStyle,
      heading,
      basis,
      points: points?.length ? points : undefined,
      curator: curator.name ? curator : undefined,
      signatory: sign,
      font,
      appendixRows: appendixChoice(),
      appendixExtras: extrasChosen(),
      landscapeAppendix: !!document.querySelector<HTMLInputElement>('#landscape:checked'),
    },
  });
}

function basisOf(): string | undefined {
  const acts = area('basis').value.trim();
  return acts ? basisText({ verb: basisVerb(), acts }) : undefined;
}

function basisVerb(): (typeof BASIS_VERB_VALUES)[number] {
  const v = value('basisVerb');
  return (BASIS_VERB_VALUES as readonly string[]).includes(v) ? (v as (typeof BASIS_VERB_VALUES)[number]) : 'В соответствии с';
}

function fontOf(): { family: string; bodyPt: number; tablePt: number } {
  const family = value('fontFamily') || GOST_FONT.family;
  const bodyPt = Number(value('fontSize')) || GOST_FONT.bodyPt;
  return { family, bodyPt, tablePt: Math.min(GOST_FONT.tablePt, bodyPt) };
}

function defaults(state: State): { heading: string; basis: string; points: string[] } {
  const model = buildModel(state, true);
  const basis = model.blocks.find((b) => b.kind === 'paragraph' && b.role === 'basis');
  const points = model.blocks.find((b) => b.kind === 'points');
  return {
    heading: model.meta.heading,
    basis: basis?.kind === 'paragraph' ? basis.text : '',
    points: points?.kind === 'points' ? points.items : [],
  };
}

/** Problems the person can fix in the form, live: title without subject, long heading, undeclinable name. */
function formNotes(state: State): string[] {
  const notes: string[] = [];
  const { setup } = state;
  if (setup.mode === 'approval' && !area('heading').value.trim()) {
    const problem = planTitleProblem(value('planTitle') || setup.roadmap?.title || '');
    if (problem) notes.push(problem);
  }
  const heading = area('heading').value.trim();
  if (heading.length > HEADING_LIMIT) {
    notes.push(`Заголовок длиннее ${HEADING_LIMIT} знаков (${heading.length}): сократите его в поле «Заголовок» — например, уберите перечисление документов или название организации, если оно есть в шапке.`);
  }
  if (setup.mode === 'row') {
    const who = undeclinableName({ position: value('addresseePosition'), name: value('addresseeName') });
    if (who) notes.push(who);
  }
  return notes;
}

function refreshPreview(state: State): void {
  render(byId('formNotes'), ...formNotes(state).map((n) => el('div', { class: 'order-box warn', role: 'status' }, n)));
  try {
    const model = buildModel(state);
    const shown = state.setup.roadmap?.items.length ?? 0;
    const more = state.setup.itemsTotal - shown;
    const requisites = state.setup.requisites;
    const checklist = orderChecklist(model, { place: !!requisites.place.trim(), executor: !!(requisites.executorName.trim() || requisites.executorPhone.trim()) });
    render(byId('checklist'),
      el('summary', {}, `Реквизиты по ГОСТ Р 7.0.97-2025: ${checklist.filter((i) => i.ok).length} из ${checklist.length}`),
      el('ul', { class: 'order-list' }, ...checklist.map((i) => el('li', { 'data-ok': String(i.ok) }, `${i.ok ? '✓' : '✗'} ${i.label}`))));
    render(byId('preview'),
      orderView(model),
      more > 0 ? el('p', { class: 'muted', id: 'previewMore' }, `В просмотре первые ${shown} строк плана из ${state.setup.itemsTotal}; в приказ войдут все выбранные строки.`) : null);
    byId('docName').textContent = `Название документа: «${model.name}»`;
  } catch (error) {
    render(byId('preview'), el('p', { class: 'muted' }, `Просмотр недоступен: ${(error as Error).message}`));
  }
  updateButton(state);
}

function list(items: string[], limit = 8): HTMLElement {
  const shown = items.slice(0, limit);
  const ul = el('ul', { class: 'order-list' }, ...shown.map((t) => el('li', {}, t)));
  if (items.length > limit) ul.append(el('li', { class: 'muted' }, `…и ещё ${items.length - limit}.`));
  return ul;
}

function renderNotices(state: State): void {
  const { setup } = state;
  const box = byId('notices');
  const parts: HTMLElement[] = [];
  if (setup.blocking.length) {
    const open = el('button', { type: 'button', id: 'openRequisites' }, 'Открыть лист «Организации»');
    open.addEventListener('click', () => {
      callServer('openRequisitesSheet').catch((e: Error) => showMessage(byId('message'), e.message, 'error'));
    });
    parts.push(el('div', { class: 'order-box error', id: 'blocking', role: 'alert' },
      el('strong', {}, 'Приказ не будет создан: не заполнены реквизиты'), list(setup.blocking, 20), open));
  }
  if (setup.notes.length) parts.push(el('div', { class: 'order-box', id: 'notes' }, list(setup.notes)));
  if (setup.limits.length) parts.push(el('details', { class: 'order-box', id: 'limits' }, el('summary', {}, 'Чего не умеют Google Документы'), list(setup.limits)));
  if (setup.roadmapMissing) parts.push(el('div', { class: 'order-box error', id: 'roadmapMissing', role: 'alert' }, setup.roadmapMissing));
  if (setup.roadmapProblems.length) {
    const errors = setup.roadmapErrorCount;
    const title = errors
      ? `Замечания к дорожной карте (лист «${setup.roadmap?.sheetName ?? ''}»): ${setup.roadmapProblems.length}, из них ошибок: ${errors}`
      : `Замечания к дорожной карте (лист «${setup.roadmap?.sheetName ?? ''}»): ${setup.roadmapProblems.length}`;
    const accept = el('input', { type: 'checkbox', id: 'acceptProblems' });
    accept.addEventListener('change', () => updateButton(state));
    parts.push(el('div', { class: 'order-box warn', id: 'roadmapProblems' },
      el('strong', {}, title), list(setup.roadmapProblems),
      errors ? el('label', { class: 'order-check' }, accept, 'Сформировать приказ, несмотря на ошибки') : null));
  }
  render(box, ...parts);
}

function canCreate(state: State): boolean {
  const { setup } = state;
  if (state.busy || setup.blocking.length) return false;
  if (setup.mode === 'row') return !!setup.row;
  if (!setup.roadmap) return false;
  // A plan title with no subject gives no heading: the person writes one (title or heading) first.
  if (!area('heading').value.trim() && planTitleProblem(value('planTitle') || setup.roadmap.title)) return false;
  if (setup.roadmapErrorCount > 0 && !byId<HTMLInputElement>('acceptProblems').checked) return false;
  return true;
}

function updateButton(state: State): void {
  byId<HTMLButtonElement>('create').disabled = !canCreate(state);
}

function request(state: State): OrderRequest {
  const { setup } = state;
  const appendix = appendixChoice();
  return {
    mode: setup.mode,
    date: input('date').value || setup.today,
    number: input('number').value.trim(),
    dateStyle: byId<HTMLSelectElement>('dateStyle').value === 'numeric' ? 'numeric' : 'long',
    heading: area('heading').value.trim(),
    basis: area('basis').value.trim(),
    basisVerb: basisVerb(),
    points: lines(area('points').value),
    signatory: { position: input('signPosition').value.trim(), name: input('signName').value.trim() },
    appendix: typeof appendix === 'string' ? appendix : 'sections',
    sections: typeof appendix === 'string' ? [] : appendix.sections,
    appendixExtras: extrasChosen(),
    row: setup.row ? { sheetName: setup.row.sheetName, sheetRow: setup.row.sheetRow, number: setup.row.item.number, activity: setup.row.item.activity } : null,
    useTemplate: !!document.querySelector<HTMLInputElement>('#useTemplate:checked'),
    acceptRoadmapProblems: !!document.querySelector<HTMLInputElement>('#acceptProblems:checked'),
    ...(value('planTitle') ? { planTitle: value('planTitle') } : {}),
    ...(setup.mode === 'row' ? { kind: (value('kind') || setup.suggestedKind) as OrderKind, addressee: { position: value('addresseePosition'), name: value('addresseeName') } } : {}),
    font: { family: fontOf().family, bodyPt: fontOf().bodyPt },
    landscapeAppendix: !!document.querySelector<HTMLInputElement>('#landscape:checked'),
  };
}

function showResult(created: OrderCreated): void {
  const open = el('a', { href: created.url, target: '_blank', rel: 'noopener', id: 'docLink' }, 'Открыть приказ в Google Документах');
  const pdf = el('a', { href: created.pdfUrl, target: '_blank', rel: 'noopener', id: 'pdfLink' }, 'Скачать PDF');
  const docx = el('a', { href: created.docxUrl, target: '_blank', rel: 'noopener', id: 'docxLink' }, 'Скачать .docx (Word)');
  render(byId('result'), el('div', { class: 'order-box order-result', role: 'status' },
    el('strong', {}, `Создан приказ № ${created.number}`),
    el('div', {}, `«${created.name}»`), open, pdf, docx,
    el('div', { class: 'muted' }, `Записан в «Журнал приказов», строка ${created.journalRow}.`),
    ...(created.mark ? [el('div', { class: 'muted', id: 'markResult' }, created.mark)] : []),
    ...created.warnings.map((w) => el('div', { class: 'muted' }, w))));
}

async function create(state: State): Promise<void> {
  state.busy = true;
  updateButton(state);
  showMessage(byId('message'), 'Создаём документ…', 'info');
  try {
    const created = await callServer('createOrder', request(state));
    showMessage(byId('message'), '', 'ok');
    showResult(created);
    // The number is taken now: offer the next one for another order.
    const n = /\d+/.exec(created.number);
    if (n) input('number').value = created.number.replace(n[0], String(Number(n[0]) + 1));
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  } finally {
    state.busy = false;
    updateButton(state);
  }
}

function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id;
  return el('div', {}, el('label', { for: id }, label), control);
}

function buildForm(state: State): void {
  const { setup } = state;
  const r = setup.requisites;
  const dateStyle = el('select', { id: 'dateStyle' },
    el('option', { value: 'long' }, '7 февраля 2023 г.'),
    el('option', { value: 'numeric' }, '07.02.2023'));
  dateStyle.value = setup.dateStyle;
  const basisVerb = el('select', { id: 'basisVerb', 'aria-label': 'Начало основания' }, ...BASIS_VERB_VALUES.map((v) => el('option', { value: v }, `${v} …`)));
  basisVerb.value = setup.basis.verb;
  const fontFamily = el('select', { id: 'fontFamily' }, ...[...new Set([setup.font.family, ...FONTS])].map((f) => el('option', { value: f }, f)));
  fontFamily.value = setup.font.family;
  const fontSize = el('select', { id: 'fontSize' }, ...[12, 13, 14].map((n) => el('option', { value: String(n) }, `${n} пт`)));
  fontSize.value = String(setup.font.bodyPt);
  const planTitle = setup.mode === 'approval'
    ? field('Название плана (из листа; можно поправить здесь)', el('textarea', { id: 'planTitle', rows: 2 }))
    : null;
  const person = setup.mode === 'row' && setup.row ? responsiblePerson(setup.row.item.responsible) : null;
  const rowFields = setup.mode === 'row' && setup.row
    ? [
        field('Вид приказа', el('select', { id: 'kind' }, ...setup.kinds.map((k) => el('option', { value: k.value, selected: k.value === setup.suggestedKind }, k.label)))),
        el('div', { class: 'row2' },
          field('Кому: должность', el('input', { id: 'addresseePosition', value: person?.position ?? '', placeholder: 'заместитель директора по УВР' })),
          field('Кому: ФИО', el('input', { id: 'addresseeName', value: person?.name ?? '', placeholder: 'Иванова М.П.' }))),
        el('p', { class: 'muted', id: 'approvedBy' }, setup.approvedBy
          ? `Ссылка на приказ об утверждении плана из журнала: № ${setup.approvedBy.number} от ${setup.approvedBy.date.split('-').reverse().join('.')}.`
          : 'В «Журнале приказов» нет приказа об утверждении плана: пункты сошлются на план без реквизитов приказа.'),
      ]
    : [];
  const appendix = setup.mode === 'approval'
    ? el('fieldset', { class: 'order-box', id: 'appendix' },
        el('legend', {}, 'Строки приложения'),
        ...([['all', 'все'], ['not-done', 'только невыполненные'], ['sections', 'выбранные разделы']] as const).map(([value, text]) =>
          el('label', { class: 'order-check' }, el('input', { type: 'radio', name: 'appendix', value, checked: value === 'all' }), text)),
        el('div', { class: 'order-sections', id: 'sections' },
          ...setup.sections.map((s) => el('label', { class: 'order-check' }, el('input', { type: 'checkbox', name: 'section', value: s.number }), `${s.number} ${s.text}`))),
        setup.roadmap?.extraHeaders.length
          ? el('label', { class: 'order-check' }, el('input', { type: 'checkbox', id: 'appendixExtras' }), `Включить дополнительные столбцы: ${setup.roadmap.extraHeaders.map((h) => `«${h}»`).join(', ')}`)
          : null)
    : null;
  const curator = setup.mode === 'approval'
    ? el('div', { class: 'row2' },
        field('Ответственный (куратор): должность', el('input', { id: 'curatorPosition', placeholder: 'заместитель директора по УВР' })),
        field('ФИО', el('input', { id: 'curatorName', placeholder: 'Иванова Мария Петровна' })))
    : null;
  const template = setup.template
    ? el('label', { class: 'order-check' }, el('input', { type: 'checkbox', id: 'useTemplate' }), 'По своему шаблону (', el('a', { href: setup.template.url, target: '_blank', rel: 'noopener' }, 'открыть шаблон'), ')')
    : null;
  const rowInfo = setup.mode === 'row' && setup.row
    ? el('div', { class: 'order-box', id: 'rowInfo' },
        el('strong', {}, `Строка ${setup.row.sheetRow}, пункт ${setup.row.item.number}`),
        el('div', {}, setup.row.item.activity),
        el('div', { class: 'muted' }, `Срок: ${setup.row.item.deadline || '—'}; ответственные: ${setup.row.item.responsible || '—'}; результат: ${setup.row.item.result || '—'}`))
    : null;
  render(byId('form'),
    rowInfo,
    ...rowFields,
    el('div', { class: 'row2' },
      field('Дата', el('input', { id: 'date', type: 'date', value: setup.today })),
      field('Номер', el('input', { id: 'number', value: setup.nextNumber }))),
    field('Формат даты', dateStyle),
    planTitle,
    field('Заголовок', el('textarea', { id: 'heading', rows: 3 })),
    field('Основание', basisVerb),
    el('textarea', { id: 'basis', rows: 4, 'aria-label': 'Основание: документы' }),
    el('div', { class: 'row2' }, field('Шрифт', fontFamily), field('Размер', fontSize)),
    curator,
    field('Пункты (каждый с новой строки)', el('textarea', { id: 'points', rows: 6 })),
    el('button', { type: 'button', id: 'resetPoints' }, 'Восстановить пункты по умолчанию'),
    el('div', { class: 'row2' },
      field('Подписывает: должность', el('input', { id: 'signPosition', value: r.headPosition })),
      field('ФИО', el('input', { id: 'signName', value: r.headName }))),
    appendix,
    setup.mode === 'approval' ? el('label', { class: 'order-check' }, el('input', { type: 'checkbox', id: 'landscape' }), 'Приложение на альбомных страницах (широкая таблица)') : null,
    template,
    el('div', { id: 'formNotes' }));
  if (setup.mode === 'approval') area('planTitle').value = setup.roadmap?.title ?? '';
  area('basis').value = setup.basis.acts;
}

function fillDefaults(state: State, which: { heading?: boolean; points?: boolean }): void {
  const d = defaults(state);
  // No heading from a title without a subject: the empty field and the note say what to write.
  const titleProblem = state.setup.mode === 'approval' && planTitleProblem(value('planTitle') || state.setup.roadmap?.title || '');
  if (which.heading) area('heading').value = titleProblem ? '' : d.heading;
  if (which.points) area('points').value = d.points.join('\n');
}

function wire(state: State): void {
  const form = byId('form');
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLElement;
    if (target.id === 'points') state.pointsEdited = true;
    if (target.id === 'heading') state.headingEdited = true;
    const rewrites = ['curatorPosition', 'curatorName', 'planTitle', 'addresseePosition', 'addresseeName'];
    if (rewrites.includes(target.id) && !state.pointsEdited) fillDefaults(state, { points: true });
    if (target.id === 'planTitle' && !state.headingEdited) fillDefaults(state, { heading: true });
    refreshPreview(state);
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target.id === 'kind') fillDefaults(state, { heading: !state.headingEdited, points: !state.pointsEdited });
    refreshPreview(state);
  });
  byId('resetPoints').addEventListener('click', () => {
    state.pointsEdited = false;
    fillDefaults(state, { points: true });
    refreshPreview(state);
  });
  byId('create').addEventListener('click', () => void create(state));
}

export async function startOrderPage(mode: OrderMode): Promise<void> {
  const style = document.createElement('style');
  style.textContent = PAGE_CSS;
  document.head.append(style);
  byId('title').textContent = mode === 'row' ? 'Приказ по строке дорожной карты' : 'Сформировать приказ';
  try {
    const setup = await callServer('getOrderSetup', mode);
    const state: State = { setup, pointsEdited: false, headingEdited: false, busy: false };
    renderNotices(state);
    byId('loading').remove();
    // A single-row order needs a selected item row; the notice above says what to select.
    if (setup.mode === 'row' && !setup.row) return;
    buildForm(state);
    fillDefaults(state, { heading: true, points: true });
    wire(state);
    refreshPreview(state);
    updateButton(state);
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  }
}
