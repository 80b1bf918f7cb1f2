import type { ReminderState } from '../../../contract/reminders';
import { byId, el, render, showMessage } from '../../common/dom';
import { callServer } from '../../common/rpc';

const input = <T extends HTMLElement = HTMLInputElement>(id: string): T => byId<T>(id);

function syncFrequency(): void {
  const f = input<HTMLSelectElement>('frequency').value;
  byId('weekday-row').hidden = f !== 'weekly';
  byId('monthday-row').hidden = f !== 'monthly';
}

function show(state: ReminderState): void {
  byId('form').hidden = false;
  const hour = input<HTMLSelectElement>('hour');
  if (!hour.options.length) {
    for (let h = 0; h < 24; h++) hour.append(el('option', { value: String(h) }, `${h}:00–${h + 1}:00`));
  }
  input('enabled').checked = state.enabled;
  input<HTMLSelectElement>('frequency').value = state.frequency;
  input<HTMLSelectElement>('weekday').value = String(state.weekday);
  input('monthday').value = String(state.monthDay);
  hour.value = String(state.hour);
  input('days').value = String(state.days);
  input<HTMLTextAreaElement>('addresses').value = state.addresses;
  byId('addresses-label').textContent = state.districtMode
    ? 'Дополнительные адреса для сводного письма района (через запятую)'
    : 'Адреса получателей (через запятую; если пусто — письма получает тот, кто включил рассылку)';
  syncFrequency();
  for (const id of ['enabled', 'frequency', 'weekday', 'monthday', 'hour', 'days', 'addresses', 'save']) {
    (byId(id) as HTMLInputElement).disabled = !state.mayChange;
  }
  render(
    byId('recipients'),
    ...state.recipients.map((r) =>
      el('div', { class: 'recipient' },
        el('div', { class: 'who' }, r.label),
        el('div', { class: 'emails' }, r.emails.length ? r.emails.join(', ') : 'адресов нет'),
        el('div', {}, `сейчас: просрочено — ${r.overdue}, срок скоро — ${r.dueSoon}`),
        r.note ? el('div', { class: 'note' }, r.note) : '',
      )),
  );
  byId('quota').textContent = [
    state.enabled && state.sender ? `Рассылка включена: ${state.scheduleText}, от имени ${state.sender}.` : 'Рассылка выключена.',
    state.quota === null ? '' : `Суточный лимит Google для вашего аккаунта: можно отправить ещё ${state.quota} получателям.`,
  ].filter(Boolean).join(' ');
  render(byId('log'), ...(state.log.length ? state.log.map((line) => el('div', { class: 'log-line' }, line)) : [el('div', { class: 'hint' }, 'Рассылок ещё не было.')]));
  if (!state.mayChange && state.refusal) showMessage(byId('message'), state.refusal, 'info');
  else if (state.message) showMessage(byId('message'), state.message, 'ok');
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  const button = byId<HTMLButtonElement>('save');
  button.disabled = true;
  showMessage(byId('message'), 'Сохранение…', 'info');
  try {
    show(await callServer('saveReminders', {
      enabled: input('enabled').checked,
      frequency: input<HTMLSelectElement>('frequency').value as ReminderState['frequency'],
      weekday: Number(input<HTMLSelectElement>('weekday').value),
      monthDay: Number(input('monthday').value),
      hour: Number(input<HTMLSelectElement>('hour').value),
      days: Number(input('days').value),
      addresses: input<HTMLTextAreaElement>('addresses').value,
    }));
  } catch (error) {
    showMessage(byId('message'), (error as Error).message, 'error');
  } finally {
    button.disabled = false;
  }
}

input('frequency').addEventListener('change', syncFrequency);
byId('form').addEventListener('submit', (e) => void save(e));
callServer('getReminders').then(show, (error: Error) => showMessage(byId('message'), error.message, 'error'));
