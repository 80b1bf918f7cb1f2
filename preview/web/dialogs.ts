// What Sheets shows around the add-on: alerts and prompts as dialogs, toasts, and the red error bar.
import { el } from '../../src/sidebar/common/dom';
import type { UiEvent } from '../gas/types';

const BUTTON: Record<string, string> = { OK: 'ОК', CANCEL: 'Отмена', YES: 'Да', NO: 'Нет', CLOSE: 'Закрыть' };
const BUTTON_SET: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

function buttonCaption(name: string): string {
  return BUTTON[name] ?? name;
}

/** A simple modal box with a title, content and buttons that close it. */
export function showBox(root: HTMLElement, title: string, content: Node[], buttons: string[] = ['ОК'], className = ''): HTMLElement {
  const overlay = el('div', { class: 'overlay modal', role: 'alertdialog', 'aria-label': title || 'Сообщение' });
  const close = () => overlay.remove();
  const actions = el(
    'div',
    { class: 'dialog-actions' },
    ...buttons.map((caption, i) => {
      const b = el('button', { type: 'button', class: i === 0 ? 'primary' : '' }, caption);
      b.addEventListener('click', close);
      return b;
    }),
  );
  overlay.append(el('div', { class: `dialog box ${className}` }, title ? el('h2', { class: 'dialog-heading' }, title) : null, ...content, actions));
  root.append(overlay);
  actions.querySelector('button')?.focus();
  return overlay;
}

/** ui.alert / ui.prompt: the runtime answered during the run; show what was asked and the answer. */
export function showAsked(root: HTMLElement, event: Extract<UiEvent, { type: 'alert' | 'prompt' }>): void {
  const buttons = (BUTTON_SET[event.buttons] ?? [event.buttons || 'OK']).map(buttonCaption);
  const content: Node[] = [el('p', { class: 'dialog-message' }, event.message)];
  if (event.type === 'prompt') content.push(el('input', { class: 'prompt-input', value: event.text, readonly: true, 'aria-label': 'Ответ' }));
  const answer = event.type === 'prompt' && event.text ? `«${buttonCaption(event.answer)}», текст «${event.text}»` : `«${buttonCaption(event.answer)}»`;
  content.push(el('p', { class: 'muted small' }, `В предпросмотре ответ выбран заранее: ${answer}.`));
  showBox(root, event.title, content, buttons, `ui-${event.type}`);
}

/** An error of the add-on, shown as Sheets shows a failed script: a red bar with the message. */
export function showError(bar: HTMLElement, message: string): void {
  const close = el('button', { type: 'button', class: 'icon-button', 'aria-label': 'Закрыть' }, '✕');
  close.addEventListener('click', () => {
    bar.hidden = true;
  });
  bar.replaceChildren(el('strong', {}, 'Ошибка'), el('span', { class: 'error-message' }, message), close);
  bar.hidden = false;
}

export function hideError(bar: HTMLElement): void {
  bar.hidden = true;
}

/** spreadsheet.toast(): bottom-right, disappears by itself. */
export function showToast(root: HTMLElement, title: string, message: string, action?: { caption: string; run: () => void }): void {
  const toast = el('div', { class: 'toast', role: 'status' }, title ? el('strong', {}, title) : null, el('div', {}, message));
  if (action) {
    const b = el('button', { type: 'button', class: 'link-button' }, action.caption);
    b.addEventListener('click', () => {
      toast.remove();
      action.run();
    });
    toast.append(b);
  }
  root.append(toast);
  setTimeout(() => toast.remove(), 8000);
}
