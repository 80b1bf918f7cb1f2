// Generated Google Docs: listed in the «Документы» menu, opened as A4 pages (rendered by the server
// from the document's snapshot) in a sandboxed frame without scripts, and downloadable as .html.
import { el } from '../../src/sidebar/common/dom';
import { docUrl } from './api';
import type { Entry } from './menu';
import type { DocumentSummary, MailSummary } from './protocol';

export function openDocument(root: HTMLElement, doc: DocumentSummary): void {
  root.querySelector('.doc-viewer')?.remove();
  const overlay = el('div', { class: 'overlay doc-viewer', role: 'dialog', 'aria-label': doc.name });
  const close = el('button', { type: 'button' }, 'Закрыть');
  close.addEventListener('click', () => overlay.remove());
  const download = el('a', { class: 'button', href: docUrl(doc.id, true), download: `${doc.name}.html` }, 'Скачать (.html)');
  const frame = el('iframe', { class: 'doc-frame', sandbox: '', title: doc.name, src: docUrl(doc.id) });
  overlay.append(el('div', { class: 'doc-toolbar' }, el('strong', { class: 'doc-name' }, doc.name), download, close), frame);
  root.append(overlay);
}

export function documentsMenu(root: HTMLElement, docs: DocumentSummary[]): Entry[] {
  if (!docs.length) return [{ caption: 'Документов пока нет', run: () => undefined, disabled: true }];
  return docs.map((doc) => ({ caption: doc.name, run: () => openDocument(root, doc) }));
}

/** One sent e-mail as text (never HTML: it carries sheet text). */
export function openMail(root: HTMLElement, mail: MailSummary): void {
  root.querySelector('.doc-viewer')?.remove();
  const overlay = el('div', { class: 'overlay doc-viewer mail-viewer', role: 'dialog', 'aria-label': mail.subject });
  const close = el('button', { type: 'button' }, 'Закрыть');
  close.addEventListener('click', () => overlay.remove());
  const head = `От: ${mail.from}\nКому: ${mail.to.join(', ')}\nТема: ${mail.subject}\nОтправлено: ${mail.at.replace('T', ' ').slice(0, 16)} (UTC)`;
  overlay.append(
    el('div', { class: 'doc-toolbar' }, el('strong', { class: 'doc-name' }, 'Отправленное письмо'), close),
    el('pre', { class: 'mail-text' }, `${head}\n\n${mail.body}`),
  );
  root.append(overlay);
}

/** «Почта»: what the add-on sent, and a way to run the installed schedules now. */
export function mailMenu(root: HTMLElement, mail: MailSummary[], triggers: number, fire: () => void): Entry[] {
  const entries: Entry[] = [
    { caption: triggers ? `Запустить расписания сейчас (${triggers})` : 'Расписаний нет', run: fire, disabled: !triggers },
  ];
  if (!mail.length) return [...entries, { caption: 'Отправленных писем нет', run: () => undefined, disabled: true }];
  return [...entries, ...mail.map((m) => ({ caption: `${m.to.join(', ')}: ${m.subject}`.slice(0, 120), run: () => openMail(root, m) }))];
}
