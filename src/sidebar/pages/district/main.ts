// «Разослать школам»: chooses the template, then drives the server in batches (startDistribution,
// then distributeNext until finished), showing progress; a run interrupted (closed sidebar, time
// limit) resumes from the server's checkpoint.
import type { DistributionProgress, DistrictState } from '../../../contract/district';
import { byId, el, render, showMessage } from '../../common/dom';
import { callServer } from '../../common/rpc';

const message = () => byId('message');

function showProgress(p: DistributionProgress): void {
  byId('progress-box').hidden = false;
  const bar = byId<HTMLProgressElement>('progress');
  bar.max = Math.max(1, p.total);
  bar.value = p.done;
  byId('progress-text').textContent = p.message;
  render(byId('lines'), ...p.lines.map((l) => el('li', {}, l)));
}

function showState(s: DistrictState): void {
  byId('who').textContent = s.districtName ? `Район: ${s.districtName}. Школ в реестре: ${s.schools.length}.` : 'Район не указан в листе «Организации».';
  const select = byId<HTMLSelectElement>('template');
  render(select, ...s.templates.map((t) => el('option', { value: String(t.sheetId), selected: t.sheetId === s.defaultTemplateId }, t.name)));
  render(
    byId('schools'),
    ...s.schools.map((school) =>
      el('li', {}, school.name, el('span', { class: 'state' }, ` — лист «${school.sheetName}»${school.exists ? '' : ' (будет создан)'}, редакторов: ${school.editors}`)),
    ),
  );
  byId('problems-title').hidden = s.problems.length === 0;
  render(byId('problems'), ...s.problems.map((p) => el('li', { class: p.severity }, p.message)));
  byId('resume').hidden = !s.pending;
  if (s.pending) showProgress(s.pending);
  byId<HTMLInputElement>('progress-only').checked = s.schoolsEdit === 'progress';
  byId<HTMLInputElement>('progress-only').disabled = s.role !== 'district';
  const canRun = s.role === 'district' && s.templates.length > 0;
  byId<HTMLButtonElement>('start').disabled = !canRun;
  if (s.role === 'none') showMessage(message(), 'Вашего адреса нет на листе «Организации» (или Google его не сообщил): таблицу можно только просматривать. Рассылать школам могут только сотрудники района.', 'info');
  else if (s.role !== 'district') showMessage(message(), 'Рассылать школам могут только сотрудники района.', 'info');
  else if (!s.templates.length) showMessage(message(), 'Нет листа дорожной карты, который может служить образцом: создайте или распознайте дорожную карту района.', 'info');
}

function setBusy(busy: boolean): void {
  for (const id of ['start', 'resume', 'summary']) byId<HTMLButtonElement>(id).disabled = busy;
}

async function drive(first: () => Promise<DistributionProgress>): Promise<void> {
  setBusy(true);
  showMessage(message(), 'Идёт рассылка. Не закрывайте боковую панель: после перерыва рассылку можно продолжить.', 'info');
  try {
    let p = await first();
    showProgress(p);
    while (!p.finished) {
      p = await callServer('distributeNext');
      showProgress(p);
    }
    showMessage(message(), p.message, 'ok');
    showState(await callServer('getDistrictState'));
  } catch (error) {
    showMessage(message(), (error as Error).message, 'error');
    byId('resume').hidden = false;
  } finally {
    setBusy(false);
  }
}

byId('start').addEventListener('click', () => {
  const id = Number(byId<HTMLSelectElement>('template').value);
  const schoolsEdit = byId<HTMLInputElement>('progress-only').checked ? 'progress' : 'all';
  void drive(() => callServer('startDistribution', id, schoolsEdit));
});
byId('resume').addEventListener('click', () => void drive(() => callServer('distributeNext')));
byId('summary').addEventListener('click', () => {
  setBusy(true);
  callServer('buildDistrictSummary')
    .then((r) => showMessage(message(), r.message, 'ok'))
    .catch((error: Error) => showMessage(message(), error.message, 'error'))
    .finally(() => setBusy(false));
});

callServer('getDistrictState')
  .then(showState)
  .catch((error: Error) => {
    byId('who').textContent = '';
    showMessage(message(), error.message, 'error');
  });
