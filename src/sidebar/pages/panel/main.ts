import { byId, showMessage } from '../../common/dom';
import { callServer } from '../../common/rpc';

async function start(): Promise<void> {
  try {
    const state = await callServer('getPanelState');
    byId('where').textContent = `Таблица «${state.spreadsheetName}», лист «${state.sheetName}». Сегодня ${state.today}.`;
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  }
}

void start();
