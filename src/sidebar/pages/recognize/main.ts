import type { RecognitionReport } from '../../../contract/roadmap';
import { byId, el, render, showMessage } from '../../common/dom';
import { callServer } from '../../common/rpc';

const ruDay = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function show(r: RecognitionReport): void {
  byId('report').hidden = false;
  byId('created').textContent = `Из «${r.source}» создан лист «${r.sheetName}».`;
  render(
    byId('counts'),
    el('li', {}, `Мероприятий: ${r.items}, разделов: ${r.sections}.`),
    el('li', {}, r.headerRow ? `Строка заголовков: ${r.headerRow}.` : 'Строка заголовков не найдена, столбцы определены по порядку.'),
    el('li', {}, r.plan ? `Период плана: ${ruDay(r.plan.start)}–${ruDay(r.plan.end)} (по заголовку «${r.plan.title}»).` : 'Период плана не определён: укажите его в меню «Настройки дорожной карты».'),
    el('li', {}, `Первая проверка: ошибок — ${r.errors}, предупреждений — ${r.problemWarnings}.`),
  );
  render(byId('columns'), ...r.columns.map((c) => el('li', {}, c)));
  render(byId('warnings'), ...(r.warnings.length ? r.warnings.map((w) => el('li', {}, w)) : [el('li', {}, 'Всё распознано.')]));
  byId('open').addEventListener('click', () => {
    callServer('selectCell', r.sheetId, 1, 1).catch((error: Error) => showMessage(byId('message'), error.message, 'error'));
  });
}

async function start(): Promise<void> {
  try {
    const { report } = await callServer('getRecognitionReport');
    if (report) show(report);
    else showMessage(byId('message'), 'Сводка распознавания не найдена. Выберите в меню «Распознать таблицу».', 'info');
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  }
}

void start();
