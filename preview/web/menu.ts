// The menu bar: «Файл» (the preview's own actions) and «Расширения → <add-on> → …», the latter built
// exactly from the menu the add-on's onOpen created. Sub-menus open on hover or click.
import { el } from '../../src/sidebar/common/dom';
import type { MenuSnapshot } from '../gas/types';

/** A menu entry of the page: an action, a separator, or a sub-menu. */
export type Entry = { caption: string; run: () => void; disabled?: boolean } | { separator: true } | { caption: string; items: Entry[] };

export function fromAddonMenu(items: MenuSnapshot[], run: (functionName: string) => void): Entry[] {
  return items.map((item): Entry => {
    if ('separator' in item) return { separator: true };
    if ('items' in item) return { caption: item.caption, items: fromAddonMenu(item.items, run) };
    return { caption: item.caption, run: () => run(item.functionName) };
  });
}

export class MenuBar {
  private open: HTMLElement | null = null;

  constructor(private readonly bar: HTMLElement) {
    document.addEventListener('mousedown', (e) => {
      if (this.open && !(e.target instanceof Node && this.bar.contains(e.target))) this.close();
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
  }

  render(menus: { caption: string; items: Entry[] }[], extra: HTMLElement[] = []): void {
    this.close();
    this.bar.replaceChildren(
      ...menus.map(({ caption, items }) => {
        const top = el('div', { class: 'menu-top' });
        const button = el('button', { type: 'button', class: 'menu-top-button', 'aria-haspopup': 'menu' }, caption);
        const popup = this.popup(items);
        popup.hidden = true;
        button.addEventListener('click', () => {
          const wasOpen = this.open === popup;
          this.close();
          if (!wasOpen) {
            popup.hidden = false;
            this.open = popup;
          }
        });
        top.append(button, popup);
        return top;
      }),
      ...extra,
    );
  }

  close(): void {
    if (!this.open) return;
    this.open.hidden = true;
    for (const sub of Array.from(this.open.querySelectorAll<HTMLElement>('.menu-popup'))) sub.hidden = true;
    this.open = null;
  }

  private popup(items: Entry[]): HTMLElement {
    const popup = el('div', { class: 'menu-popup', role: 'menu' });
    for (const item of items) {
      if ('separator' in item) {
        popup.append(el('div', { class: 'menu-separator', role: 'separator' }));
      } else if ('items' in item) {
        const sub = this.popup(item.items);
        sub.classList.add('sub');
        sub.hidden = true;
        const row = el('div', { class: 'menu-item has-sub', role: 'menuitem', 'aria-haspopup': 'menu', tabindex: 0 }, el('span', {}, item.caption), el('span', { class: 'arrow' }, '▸'), sub);
        const show = () => {
          for (const other of Array.from(popup.querySelectorAll<HTMLElement>(':scope > .menu-item > .menu-popup'))) other.hidden = other !== sub;
          sub.hidden = false;
        };
        row.addEventListener('mouseenter', show);
        row.addEventListener('click', (e) => {
          if (e.target === row || (e.target instanceof Node && !sub.contains(e.target))) show();
        });
        popup.append(row);
      } else {
        const button = el('button', { type: 'button', class: 'menu-item', role: 'menuitem', disabled: item.disabled ?? false }, item.caption);
        button.addEventListener('mouseenter', () => {
          for (const other of Array.from(popup.querySelectorAll<HTMLElement>(':scope > .menu-item > .menu-popup'))) other.hidden = true;
        });
        button.addEventListener('click', (e) => {
          e.stopPropagation();
          this.close();
          item.run();
        });
        popup.append(button);
      }
    }
    return popup;
  }
}
