import type { CheckProblem, CheckReport } from '../../../contract/roadmap';
import { byId, el, render, showMessage } from '../../common/dom';
import { callServer } from '../../common/rpc';

const ruDay = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function problemButton(report: CheckReport, p: CheckProblem): HTMLElement {
  const button = el('button', { type: 'button', class: `problem ${p.severity}`, title: 'Выделить ячейку на листе' }, p.message);
  button.addEventListener('click', () => {
    callServer('selectCell', report.sheetId, p.row, p.column).catch((error: Error) => showMessage(byId('message'), error.message, 'error'));
  });
  return button;
}

function show(report: CheckReport): void {
  const plan = report.plan ? `период плана ${ruDay(report.plan.start)}–${ruDay(report.plan.end)}` : 'период плана не задан';
  byId('where').textContent = `Лист «${report.sheetName}», ${plan}. Сегодня ${ruDay(report.today)}.`;
  byId('summary').textContent =
    report.errors + report.warnings === 0
      ? 'Замечаний нет.'
      : `Ошибок: ${report.errors}, предупреждений: ${report.warnings}. Нажмите на замечание, чтобы перейти к ячейке.`;
  render(byId('notes'), ...report.notes.map((n) => el('li', {}, n)));
  render(
    byId('problems'),
    ...report.rows.map((row) =>
      el('section', { class: 'row-group' }, el('h3', {}, `Строка ${row.row}: ${row.label}`), ...row.problems.map((p) => problemButton(report, p))),
    ),
  );
  const counts = new Map(report.colours.map((c) => [c.key, c.count]));
  render(
    byId('legend'),
    ...report.legend.map((l) => {
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = l.background;
      const count = counts.get(l.key);
      return el('li', {}, swatch, el('span', {}, l.label), count === undefined ? null : el('span', { class: 'count' }, String(count)));
    }),
  );
}

async function check(): Promise<void> {
  const again = byId<HTMLButtonElement>('again');
  again.disabled = true;
  showMessage(byId('message'), 'Проверяем…', 'info');
  try {
    show(await callServer('checkRoadmap'));
    showMessage(byId('message'), '', 'info');
  } catch (error) {
    byId('where').textContent = '';
    showMessage(byId('message'), (error as Error).message, 'error');
  } finally {
    again.disabled = false;
  }
}

byId('again').addEventListener('click', () => void check());
void check();
