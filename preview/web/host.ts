// Sidebars (a 300px right panel) and modal dialogs holding the add-on's HTML in sandboxed iframes.
// The injected shim (shim.ts) forwards google.script.run here by postMessage; we run the call on
// the server, answer the iframe, then let the page apply the result (refresh, new Ui).
import { el } from '../../src/sidebar/common/dom';
import type { ActionResult } from './protocol';

/** Scripts, forms and alerts in the add-on's pages, but a separate (opaque) origin, as in Sheets. */
const SANDBOX = 'allow-scripts allow-forms allow-modals allow-popups allow-downloads';

export interface HostCallbacks {
  run(functionName: string, args: unknown[]): Promise<ActionResult>;
  apply(result: ActionResult): void;
  openLink(url: string): void;
}

type RunMessage = { kind: 'gs-run'; id: number; functionName: string; args: unknown[] } | { kind: 'gs-close' } | { kind: 'gs-link'; url: string };

export class Hosts {
  constructor(
    private readonly sidebar: HTMLElement,
    private readonly overlays: HTMLElement,
    private readonly callbacks: HostCallbacks,
  ) {
    window.addEventListener('message', (e: MessageEvent<RunMessage>) => void this.onMessage(e));
  }

  showSidebar(title: string, html: string): void {
    this.closeSidebar();
    const frame = this.frame(html, 'sidebar-frame');
    const close = el('button', { type: 'button', class: 'icon-button', title: 'Закрыть', 'aria-label': 'Закрыть' }, '✕');
    close.addEventListener('click', () => this.closeSidebar());
    this.sidebar.replaceChildren(el('div', { class: 'panel-title' }, el('span', { class: 'sidebar-title' }, title), close), frame);
    this.sidebar.hidden = false;
  }

  closeSidebar(): void {
    this.sidebar.replaceChildren();
    this.sidebar.hidden = true;
  }

  showDialog(title: string, html: string, width: number, height: number, modal: boolean): void {
    const overlay = el('div', { class: modal ? 'overlay modal' : 'overlay modeless', role: 'dialog', 'aria-label': title });
    const remove = () => overlay.remove();
    const frame = this.frame(html, 'dialog-frame');
    const close = el('button', { type: 'button', class: 'icon-button', title: 'Закрыть', 'aria-label': 'Закрыть' }, '✕');
    close.addEventListener('click', remove);
    const box = el('div', { class: 'dialog addon-dialog', style: `width:${width}px` }, el('div', { class: 'dialog-title' }, el('span', {}, title), close), frame);
    frame.style.height = `${height}px`;
    overlay.append(box);
    this.overlays.append(overlay);
  }

  private frame(html: string, className: string): HTMLIFrameElement {
    const frame = el('iframe', { class: className, sandbox: SANDBOX, title: 'Дополнение' });
    frame.srcdoc = html;
    return frame;
  }

  private async onMessage(e: MessageEvent<RunMessage>): Promise<void> {
    const source = e.source as Window | null;
    if (!source) return;
    // Only the add-on's iframes may call the server.
    const frame = Array.from(document.querySelectorAll('iframe')).find((f) => f.contentWindow === source);
    if (!frame) return;
    const message = e.data;
    if (message.kind === 'gs-close') {
      if (this.sidebar.contains(frame)) this.closeSidebar();
      else frame.closest('.overlay')?.remove();
    } else if (message.kind === 'gs-link') {
      this.callbacks.openLink(message.url);
    } else if (message.kind === 'gs-run') {
      let result: ActionResult;
      try {
        result = await this.callbacks.run(message.functionName, message.args);
      } catch (error) {
        source.postMessage({ kind: 'gs-result', id: message.id, ok: false, error: (error as Error).message }, '*');
        return;
      }
      source.postMessage({ kind: 'gs-result', id: message.id, ok: result.ok, value: result.value, error: result.error }, '*');
      this.callbacks.apply(result);
    }
  }
}
