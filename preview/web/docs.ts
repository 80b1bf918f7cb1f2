// Generated Google Docs: listed in the «Документы» menu, opened as A4 pages (rendered by the server
// from the document's snapshot) in a sandboxed frame without scripts, and downloadable as .html.
import { el } from '../../src/sidebar/common/dom';
import { docUrl } from './api';
import type { Entry } from './menu';
import type { DocumentSummary } from './protocol';

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
