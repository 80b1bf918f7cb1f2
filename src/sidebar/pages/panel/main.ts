import type { PanelLink, PanelState } from '../../../contract/panel';
import { byId, render, showMessage } from '../../common/dom';
import { legendItems, ruDay } from '../../common/legend';
import { callServer } from '../../common/rpc';

function show(state: PanelState): void {
  const where = `Таблица «${state.spreadsheetName}», лист «${state.sheetName}». Сегодня ${ruDay(state.today)}.`;
  byId('where').textContent = where;
  const overview = state.overview;
  byId('overview').hidden = !overview;
  if (state.hint) showMessage(byId('message'), state.hint, 'info');
  if (!overview) return;
  const plan = overview.plan ? `Период плана: ${ruDay(overview.plan.start)}–${ruDay(overview.plan.end)}.` : 'Период плана не задан.';
  byId('where').textContent = `${where} ${plan}`;
  byId('problems').textContent =
    overview.errors + overview.warnings === 0
      ? 'Замечаний к заполнению нет.'
      : `Ошибок: ${overview.errors}, предупреждений: ${overview.warnings}. Чтобы увидеть замечания, нажмите «Проверить».`;
  render(byId('legend'), ...legendItems(overview.legend, overview.colours));
  showHistory(state.history);
}

/** The selected row's last changes of status, completion date and deadline (text only, never HTML). */
function showHistory(history: PanelState['history']): void {
  byId('history-title').textContent = history ? `Изменения строки ${history.row}` : 'Изменения строки';
  const items = (history?.changes ?? []).map((c) => {
    const li = document.createElement('li');
    li.textContent = `${c.at}, ${c.who}: «${c.column}» ${c.before ? `«${c.before}»` : '(пусто)'} → ${c.after ? `«${c.after}»` : '(пусто)'}`;
    return li;
  });
  if (!items.length) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'Изменений статуса, срока и даты выполнения не записано. Выделите строку и нажмите «Показать выделенную строку».';
    items.push(li);
  }
  render(byId('history'), ...items);
}

async function start(): Promise<void> {
  try {
    show(await callServer('getPanelState'));
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-open]')) {
  button.addEventListener('click', () => {
    callServer('openFromPanel', button.dataset.open as PanelLink).catch((error: Error) =>
      showMessage(byId('message'), error.message, 'error'),
    );
  });
}

byId('reload').addEventListener('click', () => void start());

void start();
