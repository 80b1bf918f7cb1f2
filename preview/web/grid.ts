// The spreadsheet grid: one sheet of the snapshot as a table with column letters and row numbers,
// cell formatting, notes, frozen rows/columns (sticky), hidden columns, protected ranges and list
// validations marked; selection, keyboard navigation, an in-cell editor and paste of tab-separated text.
import Papa from 'papaparse';
import { el } from '../../src/sidebar/common/dom';
import type { CellSnapshot, SheetSnapshot } from '../gas/types';
import { type Bounds, columnLetter, contains, parseRange, rangeSheet } from './a1';
import type { Selection } from './protocol';

export interface GridCallbacks {
  onSelect(selection: Selection): void;
  onEdit(row: number, column: number, value: string): void;
  onPaste(row: number, column: number, rows: string[][]): void;
}

const DEFAULT_WIDTH = 100;
const HIDDEN_WIDTH = 6;

interface Area {
  row: number;
  column: number;
  /** The other corner of the selected range. */
  row2: number;
  column2: number;
}

export class Grid {
  private sheet: SheetSnapshot | null = null;
  private area: Area = { row: 1, column: 1, row2: 1, column2: 1 };
  private readonly table = el('table', { class: 'grid' });
  private readonly tooltip = el('div', { class: 'note-tooltip', hidden: true });
  private editor: HTMLTextAreaElement | HTMLInputElement | null = null;
  private rows = 0;
  private columns = 0;
  private lists: { bounds: Bounds; values: string[] }[] = [];

  constructor(
    private readonly scroller: HTMLElement,
    private readonly callbacks: GridCallbacks,
  ) {
    scroller.tabIndex = 0;
    scroller.append(this.table, this.tooltip);
    this.table.addEventListener('mousedown', (e) => this.onMouseDown(e));
    this.table.addEventListener('dblclick', (e) => {
      const cell = this.cellAt(e.target);
      if (cell) this.startEdit(null);
    });
    this.table.addEventListener('mouseover', (e) => this.showNote(e));
    this.table.addEventListener('mouseleave', () => (this.tooltip.hidden = true));
    scroller.addEventListener('keydown', (e) => this.onKey(e));
    scroller.addEventListener('paste', (e) => this.onPasteEvent(e));
  }

  get sheetName(): string {
    return this.sheet?.name ?? '';
  }

  selection(): Selection {
    const { row, column, row2, column2 } = this.area;
    return {
      sheet: this.sheetName,
      row: Math.min(row, row2),
      column: Math.min(column, column2),
      rows: Math.abs(row2 - row) + 1,
      columns: Math.abs(column2 - column) + 1,
    };
  }

  /** Selects a range (the add-on moved the selection). */
  setSelection(s: Selection): void {
    this.select({ row: s.row, column: s.column, row2: s.row + s.rows - 1, column2: s.column + s.columns - 1 });
  }

  /** The active cell's snapshot (for the formula bar). */
  activeCell(): CellSnapshot | null {
    return this.sheet?.cells[this.area.row - 1]?.[this.area.column - 1] ?? null;
  }

  render(sheet: SheetSnapshot): void {
    if (this.sheet?.name !== sheet.name) this.area = { row: 1, column: 1, row2: 1, column2: 1 };
    this.sheet = sheet;
    this.rows = Math.max(sheet.lastRow + 20, 50);
    this.columns = Math.max(sheet.lastColumn + 4, 12);
    const protections = sheet.protections
      .filter((p) => p.range === null || (rangeSheet(p.range) ?? sheet.name) === sheet.name)
      .map((p) => ({ bounds: p.range === null ? { top: 1, left: 1, bottom: Infinity, right: Infinity } : parseRange(p.range), p }));
    this.lists = sheet.validations.flatMap((v) => {
      const bounds = (rangeSheet(v.range) ?? sheet.name) === sheet.name ? parseRange(v.range) : null;
      return bounds ? [{ bounds, values: v.values }] : [];
    });
    const hidden = new Set(sheet.hiddenColumns);
    const width = (c: number) => (hidden.has(c) ? HIDDEN_WIDTH : sheet.columnWidths[c] ?? DEFAULT_WIDTH);

    const colgroup = el('colgroup', {}, el('col', { style: 'width:46px' }));
    const head = el('tr', {}, el('th', { class: 'corner' }));
    for (let c = 1; c <= this.columns; c++) {
      colgroup.append(el('col', { style: `width:${width(c)}px` }));
      head.append(
        hidden.has(c)
          ? el('th', { class: 'col-head hidden-col', title: `Скрытый столбец ${columnLetter(c)}` })
          : el('th', { class: 'col-head' }, columnLetter(c)),
      );
    }
    const body = el('tbody');
    const hiddenRows = new Set(sheet.hiddenRows);
    for (let r = 1; r <= this.rows; r++) {
      if (hiddenRows.has(r)) continue;
      const tr = el('tr', {}, el('th', { class: 'row-head' }, String(r)));
      for (let c = 1; c <= this.columns; c++) {
        const td = this.cell(sheet.cells[r - 1]?.[c - 1] ?? null, hidden.has(c));
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        const protectedBy = protections.find((x) => x.bounds && contains(x.bounds, r, c));
        if (protectedBy) {
          td.classList.add('protected');
          td.dataset.protection = protectedBy.p.description || (protectedBy.p.warningOnly ? 'с предупреждением при изменении' : 'без описания');
        }
        if (this.listAt(r, c)) td.classList.add('has-list');
        this.overflow(td, sheet, r, c, width, hidden);
        tr.append(td);
      }
      body.append(tr);
    }
    this.table.replaceChildren(colgroup, el('thead', {}, head), body);
    this.highlight();
    this.stickFrozen(sheet, width);
  }

  private cell(snap: CellSnapshot | null, hidden: boolean): HTMLTableCellElement {
    const td = el('td');
    if (hidden) {
      td.className = 'hidden-col';
      return td;
    }
    if (!snap) return td;
    const text = el('div', { class: 'cell-text' });
    const link = (url: string, part: string) => el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, part);
    if (snap.link && /^https?:/i.test(snap.link)) {
      text.append(link(snap.link, snap.text));
    } else if (snap.links?.length) {
      // Rich text: linked parts of the text as links, the rest as text.
      let at = 0;
      for (const l of snap.links) {
        if (l.start > at) text.append(snap.text.slice(at, l.start));
        const part = snap.text.slice(l.start, l.end);
        text.append(/^https?:/i.test(l.url) ? link(l.url, part) : part);
        at = l.end;
      }
      if (at < snap.text.length) text.append(snap.text.slice(at));
    } else text.textContent = snap.text;
    td.append(text);
    const s = td.style;
    if (snap.background) s.backgroundColor = snap.background;
    if (snap.fontColor) s.color = snap.fontColor;
    if (snap.bold) s.fontWeight = 'bold';
    if (snap.italic) s.fontStyle = 'italic';
    if (snap.strikethrough) s.textDecoration = 'line-through';
    if (snap.horizontalAlignment) s.textAlign = snap.horizontalAlignment.replace(/^general-?/i, '').toLowerCase() || 'left';
    else if (/^-?[\d\s]+([.,]\d+)?%?$/.test(snap.text) || /^\d{2}\.\d{2}\.\d{4}$/.test(snap.text)) s.textAlign = 'right';
    if (snap.wrap) td.classList.add('wrap');
    if (snap.note) {
      td.classList.add('has-note');
      td.dataset.note = snap.note;
    }
    return td;
  }

  /** As in Sheets, unwrapped text runs on over the empty cells to its right. */
  private overflow(td: HTMLTableCellElement, sheet: SheetSnapshot, r: number, c: number, width: (c: number) => number, hidden: Set<number>): void {
    const row = sheet.cells[r - 1] ?? [];
    const snap = row[c - 1];
    // Only left-aligned text runs on: numbers and dates (right-aligned by default) stay in their cell.
    if (!snap?.text || snap.wrap || hidden.has(c) || (td.style.textAlign && td.style.textAlign !== 'left')) return;
    let span = width(c);
    for (let next = c + 1; next <= this.columns && next < c + 12 && !row[next - 1]?.text && !hidden.has(next); next++) span += width(next);
    if (span === width(c)) return;
    td.classList.add('overflow');
    const text = td.querySelector<HTMLElement>('.cell-text');
    if (text) text.style.width = `${span - 7}px`;
  }

  /** Frozen rows and columns stay in view: sticky offsets measured after layout. */
  private stickFrozen(sheet: SheetSnapshot, width: (c: number) => number): void {
    const headHeight = this.table.tHead?.offsetHeight ?? 0;
    const body = this.table.tBodies[0];
    if (!body) return;
    let top = headHeight;
    // Hidden rows are not rendered: the frozen ones that are shown come first in the body.
    const frozenShown = sheet.frozenRows - sheet.hiddenRows.filter((r) => r <= sheet.frozenRows).length;
    for (let r = 0; r < frozenShown && r < body.rows.length; r++) {
      const tr = body.rows[r]!;
      for (const cell of Array.from(tr.cells)) {
        cell.classList.add('frozen-row');
        cell.style.top = `${top}px`;
      }
      if (r === frozenShown - 1) tr.classList.add('frozen-last');
      top += tr.offsetHeight;
    }
    let left = 46;
    for (let c = 1; c <= sheet.frozenColumns; c++) {
      for (const tr of Array.from(this.table.rows)) {
        const cell = tr.cells[c];
        if (!cell) continue;
        cell.classList.add('frozen-col');
        cell.style.left = `${left}px`;
        if (c === sheet.frozenColumns) cell.classList.add('frozen-col-last');
      }
      left += width(c);
    }
  }

  private listAt(row: number, column: number): string[] | null {
    return this.lists.find((l) => contains(l.bounds, row, column))?.values ?? null;
  }

  private cellAt(target: EventTarget | null): HTMLTableCellElement | null {
    const td = target instanceof Element ? target.closest('td') : null;
    return td && td.dataset.row ? td : null;
  }

  private tdAt(row: number, column: number): HTMLTableCellElement | null {
    return this.table.tBodies[0]?.rows[row - 1]?.cells[column] ?? null;
  }

  private onMouseDown(e: MouseEvent): void {
    const td = this.cellAt(e.target);
    if (!td || e.target instanceof HTMLAnchorElement) return;
    if (this.editor) this.commitEdit();
    const row = Number(td.dataset.row);
    const column = Number(td.dataset.col);
    this.select(e.shiftKey ? { ...this.area, row2: row, column2: column } : { row, column, row2: row, column2: column });
    this.scroller.focus({ preventScroll: true });
    e.preventDefault();
  }

  private select(area: Area): void {
    const clamp = (n: number, max: number) => Math.min(Math.max(n, 1), max);
    this.area = {
      row: clamp(area.row, this.rows),
      column: clamp(area.column, this.columns),
      row2: clamp(area.row2, this.rows),
      column2: clamp(area.column2, this.columns),
    };
    this.highlight();
    this.tdAt(this.area.row2, this.area.column2)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.callbacks.onSelect(this.selection());
  }

  private highlight(): void {
    for (const td of Array.from(this.table.querySelectorAll('td.selected, td.active'))) td.classList.remove('selected', 'active');
    const s = this.selection();
    for (let r = s.row; r < s.row + s.rows; r++) {
      for (let c = s.column; c < s.column + s.columns; c++) this.tdAt(r, c)?.classList.add('selected');
    }
    this.tdAt(this.area.row, this.area.column)?.classList.add('active');
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editor || e.target !== this.scroller) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const [dr, dc] = move;
      if (e.shiftKey && e.key !== 'Tab') this.select({ ...this.area, row2: this.area.row2 + dr, column2: this.area.column2 + dc });
      else {
        const row = this.area.row + dr;
        const column = this.area.column + dc;
        this.select({ row, column, row2: row, column2: column });
      }
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEdit(null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const s = this.selection();
      if (s.rows === 1 && s.columns === 1) this.callbacks.onEdit(s.row, s.column, '');
      else this.callbacks.onPaste(s.row, s.column, Array.from({ length: s.rows }, () => Array<string>(s.columns).fill('')));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  /** Opens the in-cell editor over the active cell; `initial` replaces the content (typing). */
  startEdit(initial: string | null): void {
    const { row, column } = this.area;
    const td = this.tdAt(row, column);
    if (!td || td.classList.contains('hidden-col')) return;
    const current = this.activeCell();
    const values = this.listAt(row, column);
    let editor: HTMLTextAreaElement | HTMLInputElement;
    if (values) {
      const listId = 'grid-validation-list';
      const datalist = el('datalist', { id: listId }, ...values.map((v) => el('option', { value: v })));
      this.scroller.querySelector(`#${listId}`)?.remove();
      this.scroller.append(datalist);
      editor = el('input', { class: 'cell-editor', list: listId });
    } else editor = el('textarea', { class: 'cell-editor', rows: 1 });
    editor.value = initial ?? current?.formula ?? current?.text ?? '';
    const box = td.getBoundingClientRect();
    const outer = this.scroller.getBoundingClientRect();
    Object.assign(editor.style, {
      left: `${box.left - outer.left + this.scroller.scrollLeft}px`,
      top: `${box.top - outer.top + this.scroller.scrollTop}px`,
      minWidth: `${box.width}px`,
      minHeight: `${box.height}px`,
    });
    (editor as HTMLElement).addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.closeEditor();
      } else if ((e.key === 'Enter' && !e.altKey && !e.shiftKey) || e.key === 'Tab') {
        e.preventDefault();
        this.commitEdit();
        const [dr, dc] = e.key === 'Tab' ? [0, 1] : [1, 0];
        this.select({ row: row + dr, column: column + dc, row2: row + dr, column2: column + dc });
      } else if (e.key === 'Enter' && editor instanceof HTMLTextAreaElement) {
        // Alt+Enter / Shift+Enter: a line break inside the cell, as in Sheets.
        e.preventDefault();
        editor.setRangeText('\n', editor.selectionStart, editor.selectionEnd, 'end');
      }
    });
    editor.addEventListener('blur', () => this.commitEdit());
    this.editor = editor;
    this.scroller.append(editor);
    editor.focus();
    editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  private commitEdit(): void {
    const editor = this.editor;
    if (!editor) return;
    const { row, column } = this.area;
    const before = this.activeCell();
    const value = editor.value;
    this.closeEditor();
    if (value !== (before?.formula ?? before?.text ?? '')) this.callbacks.onEdit(row, column, value);
  }

  private closeEditor(): void {
    const editor = this.editor;
    this.editor = null;
    editor?.remove();
    this.scroller.focus({ preventScroll: true });
  }

  private onPasteEvent(e: ClipboardEvent): void {
    if (this.editor) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text) return;
    e.preventDefault();
    this.callbacks.onPaste(this.area.row, this.area.column, parseClipboard(text));
  }

  private showNote(e: MouseEvent): void {
    const td = this.cellAt(e.target);
    const note = td?.dataset.note;
    const protection = td?.dataset.protection;
    if (!td || (!note && !protection)) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.replaceChildren(
      ...(note ? [el('div', { class: 'note-text' }, note)] : []),
      ...(protection ? [el('div', { class: 'protection-text' }, `Защищённый диапазон: ${protection}`)] : []),
    );
    const box = td.getBoundingClientRect();
    const outer = this.scroller.getBoundingClientRect();
    this.tooltip.style.left = `${box.right - outer.left + this.scroller.scrollLeft + 4}px`;
    this.tooltip.style.top = `${box.top - outer.top + this.scroller.scrollTop}px`;
    this.tooltip.hidden = false;
  }
}

/** Text copied from Excel or a Word table: rows by line, cells by tab, quoted cells may hold line breaks. */
export function parseClipboard(text: string): string[][] {
  const rows = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), { delimiter: '\t', newline: text.includes('\r\n') ? '\r\n' : '\n' }).data;
  return rows.length ? rows : [[text]];
}
