// Edits made while another action holds the document lock (an order, a distribution batch) are
// not recoloured at once; they must be recoloured by the next edit or action, never forgotten.
import { afterEach, describe, expect, it } from 'vitest';
import { onEdit, refreshColours } from '../../../src/addon/roadmap/actions';
import { PENDING_PREFIX } from '../../../src/addon/roadmap/on-edit';
import { stateOf } from './harness';
import { editTrigger } from './scenarios';

const SHEET = 'Вставка — дорожная карта';
const DEADLINE = 3;

// One world at a time: each installs its own Apps Script globals.
let current: { dispose(): void } | null = null;
afterEach(() => current?.dispose());

function world() {
  current?.dispose();
  const w = editTrigger.setup();
  current = w;
  const edit = (row: number, value: string) => {
    const e = w.rt.userEdit(SHEET, row, DEADLINE, value);
    w.rt.run('LIMITED', () => onEdit(e));
  };
  const pending = () => Object.keys(w.rt.properties('document')).filter((k) => k.startsWith(PENDING_PREFIX));
  return { ...w, edit, pending };
}

describe('edits while the document lock is held', () => {
  it('are recoloured by the next edit of the sheet', () => {
    const reference = world();
    reference.edit(4, 'До 01.03.2023');
    reference.edit(7, 'Июнь 2023');
    const expected = stateOf(reference.rt);

    const w = world();
    const release = w.rt.holdDocumentLock();
    w.edit(4, 'До 01.03.2023');
    expect(w.pending()).toHaveLength(1);
    release();
    w.edit(7, 'Июнь 2023');
    expect(w.pending()).toEqual([]);
    expect(stateOf(w.rt)).toBe(expected);
  });

  it('are recoloured by «Обновить сроки и цвета», which forgets them', () => {
    const reference = world();
    reference.edit(4, 'До 01.03.2023');
    const edited = stateOf(reference.rt);
    reference.rt.run('FULL', () => refreshColours());
    const refreshed = stateOf(reference.rt);

    const w = world();
    const release = w.rt.holdDocumentLock();
    w.edit(4, 'До 01.03.2023');
    release();
    expect(stateOf(w.rt)).not.toBe(edited);
    w.rt.run('FULL', () => refreshColours());
    expect(w.pending()).toEqual([]);
    expect(stateOf(w.rt)).toBe(refreshed);
  });
});
