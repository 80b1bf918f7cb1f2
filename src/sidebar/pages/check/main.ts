import type { CheckProblem, CheckReport } from '../../../contract/roadmap';
import { byId, el, render, showMessage } from '../../common/dom';
import { legendItems, ruDay } from '../../common/legend';
import { callServer } from '../../common/rpc';

function problemButton(report: CheckReport, p: CheckProblem): HTMLElement {
  const button = el('button', { type: 'button', class: `problem ${p.severity}`, title: 'Выделить ячейку на листе' }, p.message);
  button.addEventListener('click', () => {
    callServer('selectCell', report.sheetId, p.row, p.column).catch((error: Error) => showMessage(byId('message'), error.message, 'error'));
  });
  if (!p.fix || p.column === null) return button;
  return el('div', { class: 'problem-with-fix' }, button, fixButton(report, p, p.fix, p.column));
}

/**
 * «Исправить на «июль 2023»»: a first click asks, inline (window.confirm is allowed by the IFRAME
 * sandbox's allow-modals, https://developers.google.com/apps-script/guides/html/restrictions, but it
 * freezes the editor and names no row); «Да, заменить» writes that one cell and checks again.
 */
function fixButton(report: CheckReport, p: CheckProblem, fix: { text: string; fix: string }, column: number): HTMLElement {
  const offer = el('button', { type: 'button', class: 'fix', title: `Заменить «${fix.text}» на «${fix.fix}»` }, `Исправить на «${fix.fix}»`);
  const yes = el('button', { type: 'button', class: 'fix action' }, 'Да, заменить');
  const no = el('button', { type: 'button', class: 'fix' }, 'Отмена');
  const question = el('div', { class: 'fix-confirm', hidden: 'hidden' }, el('span', {}, `Заменить «${fix.text}» на «${fix.fix}» в строке ${p.row}?`), yes, no);
  offer.addEventListener('click', () => {
    offer.hidden = true;
    question.hidden = false;
  });
  no.addEventListener('click', () => {
    question.hidden = true;
    offer.hidden = false;
  });
  yes.addEventListener('click', () => {
    yes.disabled = true;
    callServer('fixDeadline', { sheetId: report.sheetId, row: p.row, column, text: fix.text, fix: fix.fix })
      .then(async (result) => {
        await check();
        showMessage(byId('message'), result.message, 'info');
      })
      .catch((error: Error) => {
        yes.disabled = false;
        showMessage(byId('message'), error.message, 'error');
      });
  });
  return el('div', { class: 'fix-box' }, offer, question);
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
  render(byId('legend'), ...legendItems(report.legend, report.colours));
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
