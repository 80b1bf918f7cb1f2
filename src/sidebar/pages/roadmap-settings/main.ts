import type { SettingsView } from '../../../contract/roadmap';
import { byId, el, render, showMessage } from '../../common/dom';
import { callServer } from '../../common/rpc';

interface SheetInputs {
  sheetId: number;
  isRoadmap: HTMLInputElement;
  start: HTMLInputElement;
  end: HTMLInputElement;
}

let inputs: SheetInputs[] = [];

function show(view: SettingsView): void {
  byId('form').hidden = false;
  byId<HTMLInputElement>('soon').value = String(view.soonDays);
  byId<HTMLInputElement>('require-mark').checked = view.requireMark;
  // Roadmaps first, then the active sheet, then the rest.
  const sheets = [...view.sheets].sort((a, b) => Number(b.isRoadmap) - Number(a.isRoadmap) || Number(b.sheetId === view.activeSheetId) - Number(a.sheetId === view.activeSheetId));
  inputs = [];
  render(
    byId('sheets'),
    ...sheets.map((s) => {
      const id = `sheet-${s.sheetId}`;
      const isRoadmap = el('input', { type: 'checkbox', id: `${id}-on` });
      isRoadmap.checked = s.isRoadmap;
      const start = el('input', { type: 'date', id: `${id}-start` });
      const end = el('input', { type: 'date', id: `${id}-end` });
      start.value = s.planStart ?? '';
      end.value = s.planEnd ?? '';
      inputs.push({ sheetId: s.sheetId, isRoadmap, start, end });
      return el(
        'fieldset',
        {},
        el('legend', {}, s.name),
        el('label', { class: 'check', for: `${id}-on` }, isRoadmap, 'Это дорожная карта'),
        el(
          'div',
          { class: 'dates' },
          el('div', {}, el('label', { for: `${id}-start` }, 'Начало плана'), start),
          el('div', {}, el('label', { for: `${id}-end` }, 'Окончание плана'), end),
        ),
      );
    }),
  );
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  const button = byId<HTMLButtonElement>('save');
  button.disabled = true;
  try {
    const view = await callServer('saveRoadmapSettings', {
      soonDays: Number(byId<HTMLInputElement>('soon').value),
      requireMark: byId<HTMLInputElement>('require-mark').checked,
      sheets: inputs.map((i) => ({ sheetId: i.sheetId, isRoadmap: i.isRoadmap.checked, planStart: i.start.value || null, planEnd: i.end.value || null })),
    });
    show(view);
    showMessage(byId('message'), 'Настройки сохранены, сроки и цвета обновлены.', 'ok');
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  } finally {
    button.disabled = false;
  }
}

byId('form').addEventListener('submit', (e) => void save(e));
callServer('getRoadmapSettings').then(show, (error: Error) => showMessage(byId('message'), error.message, 'error'));
