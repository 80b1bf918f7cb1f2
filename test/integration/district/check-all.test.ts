import { afterEach, describe, expect, it } from 'vitest';
import { checkAll } from '../../../src/addon/district/check-all';
import { continueDistribution, startDistribution } from '../../../src/addon/district/distribute';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { handleEdit } from '../../../src/addon/roadmap/on-edit';
import { legend } from '../../../src/core/roadmap/colour';
import { METODIST, SCHOOL1, SCHOOL2, createDistrict, fixture, texts, type District } from './harness';

const STATUS = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
const DEADLINE = CANONICAL_COLUMNS.findIndex((c) => c.key === 'deadline') + 1;
const STATE = CANONICAL_COLUMNS.length + 1; // «Расцветка (служебное)», the first extra helper column

let d: District;
afterEach(() => d.dispose());

function distribute() {
  d.run(() => {
    let p = startDistribution(d.ss(), d.templateId);
    while (!p.finished) p = continueDistribution(d.ss());
  });
}

describe('«Проверить все школы»', () => {
  it('groups problems by school; a school\'s own edit is recoloured at once by onEdit (issue 14)', () => {
    d = createDistrict('2023-03-15', fixture('derbent-2023'));
    distribute();
    const rows = texts(d.sheet('Школа 2'));
    const item = rows.findIndex((r, i) => i > 0 && r[10] !== 'section' && r[1] !== '') + 1;
    d.runtime.userEdit('Школа 2', item, DEADLINE, 'мартобря', { user: SCHOOL2 });
    const e = d.runtime.userEdit('Школа 1', item, STATUS, 'Выполнено', { user: SCHOOL1 });
    // onEdit runs as the school's editor, who may write the helper columns of its own sheet
    d.runtime.run('LIMITED', () => handleEdit(e), { user: SCHOOL1 });
    expect(texts(d.sheet('Школа 1'))[item - 1]![STATE - 1]).toBe('выполнено');
    // …and the school sees the row done at once
    const doneColour = legend(14).find((l) => l.key === 'done')!.background;
    expect(d.sheet('Школа 1').cells[item - 1]![DEADLINE - 1]!.background).toBe(doneColour);
    const report = d.run(() => checkAll(d.ss()));
    expect(report.schools.map((s) => s.sheetName)).toEqual(['Школа 1', 'Школа 2', 'МБОУ «Калиновская ООШ»']);
    const s2 = report.schools[1]!.report!;
    const flagged = s2.rows.find((r) => r.row === item)!;
    expect(flagged.problems.filter((p) => p.columnTitle === 'Срок').map((p) => p.message).join(' ')).toMatch(/мартобря/);
    const same = report.schools[2]!.report!.rows.find((r) => r.row === item);
    expect((same?.problems ?? []).map((p) => p.message).join(' ')).not.toMatch(/мартобря/);
    // a rerun of the distribution keeps what onEdit wrote
    distribute();
    expect(texts(d.sheet('Школа 1'))[item - 1]![STATE - 1]).toBe('выполнено');
  });

  it('shows a school editor only their own sheet, with items and statuses, without writing', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    distribute();
    const rows = texts(d.sheet('Школа 1'));
    const item = rows.findIndex((r, i) => i > 0 && r[10] !== 'section' && r[1] !== '') + 1;
    d.runtime.userEdit('Школа 1', item, STATUS, 'В работе', { user: SCHOOL1 });
    const before = JSON.stringify(d.runtime.snapshot().sheets);
    const report = d.run(() => checkAll(d.ss()), SCHOOL1);
    expect(JSON.stringify(d.runtime.snapshot().sheets)).toBe(before);
    expect(report.schools.map((s) => s.sheetName)).toEqual(['Школа 1']);
    expect(report.registry).toEqual([]);
    const items = report.schools[0]!.items;
    expect(items.length).toBe(rows.filter((r, i) => i > 0 && r[10] !== 'section' && r[1] !== '').length);
    expect(items.find((i) => i.row === item)!.status).toBe('В работе');
    expect(items.every((i) => ['overdue', 'soon', 'active', 'done', 'nodate', 'invalid', ''].includes(i.colour))).toBe(true);
  });

  it('updates colours on edit on a school sheet as on any roadmap when a district editor edits it', () => {
    d = createDistrict('2023-03-15', fixture('derbent-2023'));
    distribute();
    const rows = texts(d.sheet('Школа 2'));
    const item = rows.findIndex((r, i) => i > 0 && r[10] !== 'section' && r[1] !== '') + 1;
    const e = d.runtime.userEdit('Школа 2', item, STATUS, 'Выполнено', { user: METODIST });
    d.runtime.run('LIMITED', () => handleEdit(e), { user: METODIST });
    expect(texts(d.sheet('Школа 2'))[item - 1]![STATE - 1]).toBe('выполнено');
  });
});
