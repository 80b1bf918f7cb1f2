// «Проверить все школы»: problems of every school sheet, grouped by school (the district), or a school's
// own items with their statuses and problems (a school's editor). Sheet text only as text.
import type { CheckAllReport, SchoolCheck } from '../../../contract/district';
import type { CheckProblem } from '../../../contract/roadmap';
import { byId, el, render, showMessage } from '../../common/dom';
import { callServer } from '../../common/rpc';

const ruDay = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const COLOUR_LABEL: Record<string, string> = {
  overdue: 'срок прошёл', soon: 'срок скоро', active: 'идёт срок', done: 'выполнено', nodate: 'без даты', invalid: 'срок не распознан',
};

function problemButton(sheetId: number, p: CheckProblem): HTMLElement {
  const button = el('button', { type: 'button', class: `problem ${p.severity}`, title: 'Выделить ячейку на листе' }, p.message);
  button.addEventListener('click', () => {
    callServer('selectCell', sheetId, p.row, p.column).catch((error: Error) => showMessage(byId('message'), error.message, 'error'));
  });
  return button;
}

function school(s: SchoolCheck, open: boolean): HTMLElement {
  const r = s.report;
  const counts = r ? (r.errors + r.warnings === 0 ? 'замечаний нет' : `ошибок: ${r.errors}, предупреждений: ${r.warnings}`) : 'не проверен';
  const details = el('details', { class: 'school', open },
    el('summary', {}, s.school, el('span', { class: 'counts' }, ` — лист «${s.sheetName}», ${counts}`)),
    s.note ? el('p', { class: 'muted' }, s.note) : null,
    ...(r ? r.notes.map((n) => el('p', { class: 'muted' }, n)) : []),
    s.items.length
      ? el('ul', { class: 'plain items' }, ...s.items.map((i) =>
        el('li', { class: i.colour }, `${i.number ? `${i.number} ` : ''}${i.activity}`, el('span', { class: 'status' }, ` — ${i.status || 'статус не указан'}${i.colour ? `, ${COLOUR_LABEL[i.colour] ?? ''}` : ''}`))))
      : null,
    ...(r ? r.rows.map((row) => el('section', {}, el('h3', {}, `Строка ${row.row}: ${row.label}`), ...row.problems.map((p) => problemButton(r.sheetId, p)))) : []),
  );
  return details;
}

function show(report: CheckAllReport): void {
  const total = report.schools.reduce((n, s) => n + (s.report ? s.report.errors + s.report.warnings : 0), 0);
  byId('where').textContent = `Сегодня ${ruDay(report.today)}. Листов: ${report.schools.length}, замечаний всего: ${total}.`;
  render(byId('registry'), ...report.registry.map((m) => el('li', { class: 'registry' }, m)));
  const single = report.schools.length === 1;
  render(byId('schools'), ...report.schools.map((s) => school(s, single)));
}

async function check(): Promise<void> {
  const again = byId<HTMLButtonElement>('again');
  again.disabled = true;
  showMessage(byId('message'), 'Проверяем листы школ…', 'info');
  try {
    show(await callServer('checkAllSchools'));
    showMessage(byId('message'), '', 'info');
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  } finally {
    again.disabled = false;
  }
}

byId('again').addEventListener('click', () => void check());
void check();
