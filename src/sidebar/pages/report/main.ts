// «Отчёт о выполнении»: pick the period and options, see the totals (the server counts them from
// the sheets, as the Doc will), then create the Doc. Sheet text goes into the DOM as text only.
import type { ReportPeriodView, ReportPreview, ReportRequest, ReportSetup, ReportTotalsView } from '../../../contract/report';
import { byId, el, render, showMessage } from '../../common/dom';
import { callServer } from '../../common/rpc';

let setup: ReportSetup;
const input = (id: string) => byId<HTMLInputElement>(id);
const select = (id: string) => byId<HTMLSelectElement>(id);

const ROMAN = ['I', 'II', 'III', 'IV'];

function fillIndex(kind: string, keep?: number): void {
  const count = kind === 'quarter' ? 4 : 2;
  const word = kind === 'quarter' ? 'квартал' : 'полугодие';
  render(select('index'), ...Array.from({ length: count }, (_, i) => el('option', { value: i + 1 }, `${ROMAN[i]} ${word}`)));
  if (keep && keep <= count) select('index').value = String(keep);
}

function showKind(): void {
  const kind = select('kind').value;
  byId('calendar').hidden = kind === 'plan' || kind === 'range';
  byId('index-box').hidden = kind === 'year';
  byId('range').hidden = kind !== 'range';
  if (kind === 'quarter' || kind === 'half') fillIndex(kind, Number(select('index').value) || 1);
}

function period(): ReportPeriodView {
  const kind = select('kind').value;
  const year = Number(select('year').value);
  const index = Number(select('index').value);
  if (kind === 'quarter') return { kind, year, index: index as 1 | 2 | 3 | 4 };
  if (kind === 'half') return { kind, year, index: (index === 2 ? 2 : 1) as 1 | 2 };
  if (kind === 'year') return { kind, year };
  if (kind === 'plan') return { kind };
  return { kind: 'range', start: input('start').value, end: input('end').value };
}

function request(): ReportRequest {
  const scope = (document.querySelector<HTMLInputElement>('input[name=scope]:checked')?.value ?? setup.scope) as ReportRequest['scope'];
  return {
    scope,
    sheetName: setup.sheetName,
    period: period(),
    schoolItems: scope === 'district' && input('school-items').checked,
    lastChanges: scope === 'district' && input('last-changes').checked,
    chart: input('chart').checked,
    dateStyle: select('date-style').value === 'numeric' ? 'numeric' : 'long',
    signatory: { position: input('position').value, name: input('name').value },
    planTitle: byId<HTMLTextAreaElement>('plan-title').value,
  };
}

const ROWS: [keyof ReportTotalsView, string][] = [
  ['items', 'Мероприятий'], ['done', 'Выполнено'], ['inProgress', 'В работе'], ['overdue', 'Просрочено'], ['cancelled', 'Отменено'], ['percent', '% выполнения'],
];

function showPreview(p: ReportPreview): void {
  byId('period-text').textContent = p.periodText;
  render(
    byId('totals'),
    el('tr', {}, el('th', {}, ''), el('th', {}, 'За период'), el('th', {}, `План на ${setup.today.split('-').reverse().join('.')}`)),
    ...ROWS.map(([key, label]) =>
      el('tr', {}, el('td', {}, label), el('td', { class: key === 'overdue' && p.period.overdue ? 'overdue' : '' }, String(p.period[key])), el('td', { class: key === 'overdue' && p.plan.overdue ? 'overdue' : '' }, String(p.plan[key])))),
  );
  render(
    byId('schools'),
    p.schools.length
      ? el(
          'table',
          { class: 'schools' },
          el('tr', {}, el('th', {}, 'Организация'), el('th', {}, 'Всего'), el('th', {}, 'Вып.'), el('th', {}, 'Проср.'), el('th', {}, '%')),
          ...p.schools.map((s) => el('tr', {}, el('td', {}, s.name, ...(s.lastChange === null ? [] : [el('div', { class: 'muted small change' }, s.lastChange || 'изменений не записано')])), el('td', {}, String(s.items)), el('td', {}, String(s.done)), el('td', { class: s.overdue ? 'overdue' : '' }, String(s.overdue)), el('td', {}, s.percent))),
        )
      : null,
  );
  const notes = [
    p.rows ? `В таблицах отчёта — ${p.rows} мероприятий периода.` : '',
    p.overdue ? `Просроченных на сегодня мероприятий плана: ${p.overdue}; они перечислены в отчёте с ответственными.` : 'Просроченных мероприятий нет.',
    p.undated ? `Без определённого срока: ${p.undated} — в перечень за период не входят, если не выполнены в нём.` : '',
    ...p.problems,
  ].filter(Boolean);
  byId('preview-note').textContent = notes.join(' ');
  render(
    byId('checklist'),
    p.checklist.length ? el('summary', {}, `Реквизиты по ГОСТ Р 7.0.97-2025: ${p.checklist.filter((i) => i.ok).length} из ${p.checklist.length}`) : null,
    el('ul', { class: 'plain' }, ...p.checklist.map((i) => el('li', { 'data-ok': String(i.ok) }, `${i.ok ? '✓' : '✗'} ${i.label}`))),
  );
  // The server checks the request as chosen (scope, sheet, requisites of the right organisation).
  const blocked = p.blocking;
  byId<HTMLButtonElement>('create').disabled = blocked.length > 0;
  if (blocked.length) showMessage(byId('message'), blocked.join('\n'), 'error');
  else byId('message').textContent = '';
}

let pending = 0;
async function preview(): Promise<void> {
  const mine = ++pending;
  const req = request();
  if (req.period.kind === 'range' && (!req.period.start || !req.period.end)) return;
  try {
    const p = await callServer('previewReport', req);
    if (mine === pending) showPreview(p);
  } catch (error) {
    if (mine === pending) showMessage(byId('message'), (error as Error).message, 'error');
  }
}

function show(s: ReportSetup): void {
  setup = s;
  byId('form').hidden = false;
  byId('about').textContent = s.scope === 'district'
    ? 'Сводный отчёт района: строка по каждой школе, мероприятия района и просроченные мероприятия всех организаций.'
    : `План листа «${s.sheetName}»${s.plan ? `, период реализации ${s.plan.start.split('-').reverse().join('.')}–${s.plan.end.split('-').reverse().join('.')}` : ''}.`;
  byId('scope-box').hidden = !s.districtOffered;
  input(s.scope === 'district' ? 'scope-district' : 'scope-sheet').checked = true;
  input('scope-sheet').disabled = !s.sheetName;
  render(select('year'), ...s.years.map((y) => el('option', { value: y }, String(y))));
  select('kind').value = s.period.kind;
  if (s.period.kind === 'quarter' || s.period.kind === 'half') {
    fillIndex(s.period.kind, s.period.index);
    select('year').value = String(s.period.year);
  } else if (s.period.kind === 'year') select('year').value = String(s.period.year);
  if (s.plan) {
    input('start').value = s.plan.start;
    input('end').value = s.plan.end;
  }
  showKind();
  byId<HTMLTextAreaElement>('plan-title').value = s.planTitle;
  input('position').value = s.signatory.position;
  input('name').value = s.signatory.name;
  select('date-style').value = s.dateStyle;
  input('chart').checked = true;
  if (s.roadmapMissing && s.scope === 'sheet') {
    showMessage(byId('message'), s.roadmapMissing, 'error');
    byId<HTMLButtonElement>('create').disabled = true;
    return;
  }
  void preview();
}

async function create(event: Event): Promise<void> {
  event.preventDefault();
  const button = byId<HTMLButtonElement>('create');
  button.disabled = true;
  showMessage(byId('message'), 'Формируется отчёт…', 'info');
  try {
    const made = await callServer('createReport', request());
    showMessage(byId('message'), `Отчёт сформирован и записан в «${made.journalSheet}» (строка ${made.journalRow}).${made.warnings.length ? `\n${made.warnings.join('\n')}` : ''}`, made.warnings.length ? 'info' : 'ok');
    render(
      byId('result'),
      el('a', { href: made.url, target: '_blank', rel: 'noopener' }, `Открыть документ «${made.name}»`),
      el('a', { href: made.docxUrl, target: '_blank', rel: 'noopener' }, 'Скачать в формате Word (.docx)'),
      el('a', { href: made.pdfUrl, target: '_blank', rel: 'noopener' }, 'Скачать PDF'),
    );
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  } finally {
    button.disabled = false;
  }
}

for (const id of ['kind', 'index', 'year', 'start', 'end', 'scope-district', 'scope-sheet', 'school-items', 'last-changes', 'plan-title']) {
  byId(id).addEventListener('change', () => {
    if (id === 'kind') showKind();
    void preview();
  });
}
byId('form').addEventListener('submit', (e) => void create(e));
callServer('getReportSetup').then(show, (error: Error) => showMessage(byId('message'), error.message, 'error'));
