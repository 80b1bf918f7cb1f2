// The preview page: wires the grid, the menu bar, sidebars/dialogs and documents to the server.
// Every action returns the new state and the Ui the add-on showed; apply() renders both.
import { byId, el } from '../../src/sidebar/common/dom';
import type { SheetSnapshot } from '../gas/types';
import { columnLetter } from './a1';
import { api } from './api';
import { hideError, showAsked, showError, showToast } from './dialogs';
import { documentsMenu, mailMenu, openDocument } from './docs';
import { Grid } from './grid';
import { Hosts } from './host';
import { fromAddonMenu, MenuBar, type Entry } from './menu';
import type { ActionResult, PreviewState } from './protocol';

const overlays = byId('overlays');
const toasts = byId('toasts');
const errorBar = byId('errorbar');
const busy = byId('busy');
const menuBar = new MenuBar(byId('menubar'));

let state: PreviewState | null = null;
let currentSheet = '';

const grid = new Grid(byId('grid'), {
  onSelect: () => updateFormulaBar(),
  onEdit: (row, column, value) => void act(() => api.edit({ sheet: grid.sheetName, row, column, value })),
  onPaste: (row, column, rows) => void act(() => api.paste({ sheet: grid.sheetName, row, column, rows })),
});

const hosts = new Hosts(byId('sidebar'), overlays, {
  run: (functionName, args) => withBusy(() => api.run({ functionName, args, selection: grid.selection() })),
  apply: (result) => apply(result),
  openLink: (url) => {
    const doc = state?.documents.find((d) => d.url === url);
    if (doc) openDocument(overlays, doc);
    else window.open(url, '_blank', 'noopener');
  },
});

async function withBusy<T>(fn: () => Promise<T>): Promise<T> {
  busy.hidden = false;
  document.body.classList.add('busy');
  try {
    return await fn();
  } finally {
    busy.hidden = true;
    document.body.classList.remove('busy');
  }
}

/** Runs an action; a failure of the preview itself is shown like an add-on error, never a blank page. */
async function act(fn: () => Promise<ActionResult>): Promise<void> {
  try {
    apply(await withBusy(fn));
  } catch (error) {
    showError(errorBar, (error as Error).message);
  }
}

function apply(result: ActionResult): void {
  // Documents that appear during an action are announced; those present on first load are not.
  const before = state ? new Set(state.documents.map((d) => d.id)) : null;
  // The add-on switched sheets or selected a range (setActiveSheet / setActiveRange): follow it, as Sheets does.
  const moved = result.state.selection && JSON.stringify(result.state.selection) !== JSON.stringify(state?.selection ?? null);
  if (state && result.state.workbook.activeSheet !== state.workbook.activeSheet) currentSheet = result.state.workbook.activeSheet;
  if (moved && result.state.selection) currentSheet = result.state.selection.sheet;
  render(result.state);
  if (moved && result.state.selection && result.state.selection.sheet === grid.sheetName) grid.setSelection(result.state.selection);
  if (!result.ok && result.error) showError(errorBar, result.error);
  else if (result.ok) hideError(errorBar);
  for (const event of result.events) {
    if (event.type === 'sidebar') hosts.showSidebar(event.title, event.html);
    else if (event.type === 'dialog') hosts.showDialog(event.title, event.html, event.width, event.height, event.modal);
    else if (event.type === 'alert' || event.type === 'prompt') showAsked(overlays, event);
    else if (event.type === 'toast') showToast(toasts, event.title, event.message);
  }
  for (const doc of before ? result.state.documents.filter((d) => !before.has(d.id)) : []) {
    showToast(toasts, 'Создан документ', doc.name, { caption: 'Открыть', run: () => openDocument(overlays, doc) });
  }
}

/** «Пользователь»: whose protections apply — the owner, or a school's editor from «Организации». */
const userSelect = byId<HTMLSelectElement>('user');
userSelect.addEventListener('change', () => void act(() => api.user({ email: userSelect.value })));

function renderUsers(next: PreviewState): void {
  userSelect.replaceChildren(...next.users.map((u) => el('option', { value: u, selected: u === next.user }, u)));
}

function render(next: PreviewState): void {
  const first = state === null;
  state = next;
  const wb = next.workbook;
  const visible = wb.sheets.filter((s) => !s.hidden);
  if (!visible.some((s) => s.name === currentSheet)) currentSheet = wb.activeSheet || visible[0]?.name || '';
  byId('doc-title').textContent = wb.name;
  byId('doc-meta').textContent = `Файл: ${next.source} · Сегодня: ${formatDate(wb.today)} · Часовой пояс: ${wb.timeZone}`;
  document.title = `${wb.name} — предпросмотр`;
  renderMenu(next);
  renderUsers(next);
  renderTabs(visible);
  const sheet = visible.find((s) => s.name === currentSheet);
  if (sheet) {
    grid.render(sheet);
    renderCharts(sheet);
  }
  updateFormulaBar();
  if (first) byId('grid').focus({ preventScroll: true });
}

function renderMenu(s: PreviewState): void {
  const addon: Entry[] = s.menu
    ? [{ caption: s.menu.title, items: fromAddonMenu(s.menu.items, runMenu) }]
    : [{ caption: 'Меню дополнения не построено', run: () => undefined, disabled: true }];
  const file: Entry[] = [
    { caption: 'Открыть файл…', run: () => byId<HTMLInputElement>('file-input').click() },
    { caption: 'Открыть пример', items: s.samples.map((name) => ({ caption: name, run: () => void act(() => api.open({ sample: name })) })) },
  ];
  menuBar.render([
    { caption: 'Файл', items: file },
    { caption: 'Расширения', items: addon },
    { caption: `Документы${s.documents.length ? ` (${s.documents.length})` : ''}`, items: documentsMenu(overlays, s.documents) },
    { caption: `Отправленные письма${s.mail.length ? ` (${s.mail.length})` : ''}`, items: mailMenu(overlays, s.mail, s.triggers.length, () => void act(() => api.fireTriggers())) },
  ]);
}

function runMenu(functionName: string): void {
  void act(() => api.menu({ functionName, selection: grid.selection() }));
}

function renderTabs(sheets: SheetSnapshot[]): void {
  byId('tabs').replaceChildren(
    ...sheets.map((s) => {
      const locked = s.protections.some((p) => p.range === null);
      const tab = el(
        'button',
        { type: 'button', class: s.name === currentSheet ? 'tab active' : 'tab', role: 'tab', 'aria-selected': s.name === currentSheet ? 'true' : 'false', title: locked ? 'Лист защищён' : null },
        s.name,
        locked ? el('span', { class: 'locked' }, '· защищён') : null,
      );
      tab.addEventListener('click', () => {
        currentSheet = s.name;
        if (state) render(state);
      });
      return tab;
    }),
  );
}

function renderCharts(sheet: SheetSnapshot): void {
  const box = byId('charts');
  box.hidden = sheet.charts.length === 0;
  box.replaceChildren(
    ...sheet.charts.map((c) => el('div', { class: 'chart-card' }, el('strong', {}, `Диаграмма: ${c.title || 'без названия'}`), el('div', { class: 'muted small' }, `${c.type}: ${c.ranges.join(', ')}`))),
  );
}

function updateFormulaBar(): void {
  const sel = grid.selection();
  const end = sel.rows > 1 || sel.columns > 1 ? `:${columnLetter(sel.column + sel.columns - 1)}${sel.row + sel.rows - 1}` : '';
  byId('cell-ref').textContent = `${columnLetter(sel.column)}${sel.row}${end}`;
  const cell = grid.activeCell();
  byId('cell-value').textContent = cell?.formula ?? cell?.text ?? '';
}

function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

byId<HTMLInputElement>('file-input').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  void act(async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    hosts.closeSidebar();
    return api.open({ fileName: file.name, base64: btoa(binary) });
  });
});

void act(() => api.state());
