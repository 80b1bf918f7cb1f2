import { afterEach, describe, expect, it } from 'vitest';
import { continueDistribution, startDistribution } from '../../../src/addon/district/distribute';
import { BUSY_MESSAGE } from '../../../src/addon/lock';
import { getDistrictState } from '../../../src/addon/district/actions';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { METODIST, OWNER, SCHOOL1, SCHOOL2, SCHOOL3, createDistrict, fixture, registryRows, texts, type District } from './harness';

const PROTECTED = /protected cell/;
const STATUS = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
const DONE_DATE = CANONICAL_COLUMNS.findIndex((c) => c.key === 'doneDate') + 1;
const FIRST_HELPER = CANONICAL_COLUMNS.findIndex((c) => c.helper) + 1;

let d: District;
afterEach(() => d.dispose());

function distributeAll(budgetMs?: number) {
  return d.run(() => {
    let p = startDistribution(d.ss(), d.templateId, budgetMs);
    const steps = [p];
    while (!p.finished) {
      p = continueDistribution(d.ss(), budgetMs);
      steps.push(p);
    }
    return steps;
  });
}

/** Rows of a sheet whose activity (column 2) is `activity`. */
const rowOf = (name: string, activity: string) => texts(d.sheet(name)).findIndex((r) => r[1] === activity) + 1;

describe('«Разослать школам»', () => {
  it('creates one protected sheet per school from the template', () => {
    d = createDistrict('2023-03-15', fixture('derbent-2023'));
    const steps = distributeAll();
    expect(steps.at(-1)!.message).toBe('Рассылка завершена: 3 школы.');
    expect(steps.at(-1)!.lines[0]).toBe('Созданы листы школ (3): Школа 1, Школа 2, МБОУ «Калиновская ООШ».');
    const template = texts(d.sheet('Район'));
    for (const name of ['Школа 1', 'Школа 2', 'МБОУ «Калиновская ООШ»']) {
      const s = d.sheet(name);
      // same items as the template, statuses reset for the school
      expect(texts(s).map((r) => r.slice(0, 5))).toEqual(template.map((r) => r.slice(0, 5)));
      const sheetProtection = s.protections.find((p) => p.range === null)!;
      const helper = s.protections.filter((p) => p.range !== null);
      expect(sheetProtection.warningOnly).toBe(false);
      expect(helper).toHaveLength(1);
      expect(helper[0]!.warningOnly).toBe(false);
      expect(helper[0]!.editors.sort()).toEqual([METODIST, OWNER].sort());
    }
    expect(d.sheet('Школа 1').protections.find((p) => p.range === null)!.editors.sort()).toEqual([METODIST, OWNER, SCHOOL1].sort());
    // the registry now names the sheet it derived, and only the district may change the registry
    expect(texts(d.sheet('Организации'))[4]![8]).toBe('МБОУ «Калиновская ООШ»');
    expect(d.sheet('Организации').protections[0]!.editors.sort()).toEqual([METODIST, OWNER].sort());
  });

  it('lets a school edit only its own sheet, never the helper columns; owner and runner stay editors', () => {
    d = createDistrict('2023-03-15', fixture('derbent-2023'));
    distributeAll();
    const row = rowOf('Школа 1', texts(d.sheet('Район'))[3]![1]!);
    d.runtime.userEdit('Школа 1', row, STATUS, 'Выполнено', { user: SCHOOL1 });
    expect(texts(d.sheet('Школа 1'))[row - 1]![STATUS - 1]).toBe('Выполнено');
    expect(() => d.runtime.userEdit('Школа 2', row, STATUS, 'Выполнено', { user: SCHOOL1 })).toThrow(PROTECTED);
    expect(() => d.runtime.userEdit('Школа 1', row, FIRST_HELPER, '2020-01-01', { user: SCHOOL1 })).toThrow(PROTECTED);
    expect(() => d.runtime.userEdit('Организации', 3, 10, 'hacker@example.org', { user: SCHOOL1 })).toThrow(PROTECTED);
    // a script run by a school editor is held to the same rules
    expect(() => d.run(() => d.ss().getSheetByName('Школа 2')!.getRange(row, STATUS).setValue('Выполнено'), SCHOOL1)).toThrow(PROTECTED);
    // the district's own editors may edit any school sheet
    d.runtime.userEdit('Школа 2', row, STATUS, 'В работе', { user: METODIST });
    // a district editor who reruns the distribution keeps the owner and themself as editors
    d.run(() => { startDistribution(d.ss(), d.templateId); }, METODIST);
    for (const s of ['Школа 1', 'Школа 2']) {
      for (const p of d.sheet(s).protections) expect(p.editors).toEqual(expect.arrayContaining([OWNER, METODIST]));
    }
    expect(d.sheet('Школа 2').protections.find((p) => p.range === null)!.editors).not.toContain(SCHOOL1);
    expect(d.sheet('Школа 1').protections.find((p) => p.range === null)!.editors).not.toContain(SCHOOL3);
  });

  it('reruns without losing what schools entered and adds new template rows in place', () => {
    d = createDistrict('2023-03-15', fixture('kalinovskaya-2022-2024'));
    distributeAll();
    const template = texts(d.sheet('Район'));
    const a = rowOf('Школа 1', template[3]![1]!);
    const b = rowOf('Школа 1', template[5]![1]!);
    d.runtime.userEdit('Школа 1', a, STATUS, 'Выполнено', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 1', a, DONE_DATE, '10.02.2023', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 1', a, 8, 'Приказ № 12 от 10.02.2023', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 1', b, STATUS, 'В работе', { user: SCHOOL1 });
    const before = texts(d.sheet('Школа 1'));

    // the district adds a row to its template after row 4
    d.run(() => {
      const t = d.ss().getSheetById(d.templateId)!;
      t.insertRowsAfter(4, 1);
      t.getRange(5, 1, 1, 6).setValues([['1.1.1.', 'Новое мероприятие района', 'Апрель 2023', 'Директор', 'Приказ', 'Не начато']]);
    });
    const steps = distributeAll();
    const after = texts(d.sheet('Школа 1'));
    expect(steps.at(-1)!.lines).toContain('Добавлены новые строки образца (3): Школа 1, Школа 2, МБОУ «Калиновская ООШ».');
    expect(steps.at(-1)!.lines).toContain('Всего добавлено строк: 3; то, что заполнили школы, не изменено.');
    expect(after[4]!.slice(0, STATUS)).toEqual(['1.1.1.', 'Новое мероприятие района', 'Апрель 2023', 'Директор', 'Приказ', 'Не начато']);
    // every row the school had is still there with what it entered
    expect(after.filter((_, i) => i !== 4).map((r) => r.slice(0, 8))).toEqual(before.map((r) => r.slice(0, 8)));
    expect(after[a - 1]![DONE_DATE - 1]).toBe('10.02.2023');
    // a third run changes nothing
    const third = distributeAll();
    expect(third.at(-1)!.lines[0]).toBe('Без изменений (3): Школа 1, Школа 2, МБОУ «Калиновская ООШ».');
    expect(texts(d.sheet('Школа 1')).map((r) => r.slice(0, 8))).toEqual(after.map((r) => r.slice(0, 8)));
  });

  it('text a school typed stays text when new template rows push it below the rows formatted at creation', () => {
    d = createDistrict('2023-03-15', fixture('kalinovskaya-2022-2024'));
    distributeAll();
    const last = texts(d.sheet('Школа 1')).length;
    d.runtime.userEdit('Школа 1', last, 8, '=2+2', { user: SCHOOL1 }); // «Отметка о выполнении», a '@' column
    // A sheet sized to its rows (nothing formatted below them), as a district with many schools has.
    d.run(() => {
      const s = d.ss().getSheetByName('Школа 1')!;
      s.deleteRows(last + 1, s.getMaxRows() - last);
    });
    d.run(() => {
      const t = d.ss().getSheetById(d.templateId)!;
      t.insertRowsAfter(4, 2);
      t.getRange(5, 1, 2, 6).setValues([
        ['1.1.1.', 'Новое мероприятие района', 'Апрель 2023', 'Директор', 'Приказ', 'Не начато'],
        ['1.1.2.', 'Ещё одно', 'Май 2023', 'Директор', 'Приказ', 'Не начато'],
      ]);
    });
    distributeAll();
    const moved = d.run(() => {
      const cell = d.ss().getSheetByName('Школа 1')!.getRange(last + 2, 8);
      return { value: cell.getValue(), formula: cell.getFormula() };
    });
    expect(moved).toEqual({ value: '=2+2', formula: '' });
  });

  it('works in batches resumable from a checkpoint', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    const steps = distributeAll(0);
    expect(steps.map((s) => [s.done, s.finished])).toEqual([[1, false], [2, false], [3, true]]);
    expect(steps[0]!.message).toBe('Обработано 1 из 3…');
    expect(Object.keys(d.runtime.properties('document')).some((k) => k.includes('district.run'))).toBe(false);
  });

  it('resumes the right schools when the registry changes between batches', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    const first = d.run(() => startDistribution(d.ss(), d.templateId, 0));
    expect(first.done).toBe(1);
    // the official inserts a new school above the others mid-run
    d.run(() => {
      const reg = d.ss().getSheetByName('Организации')!;
      reg.insertRowsBefore(3, 1);
      reg.getRange(3, 1).setValue('Новая школа');
      reg.getRange(3, 9).setValue('Новая');
    });
    let p = first;
    while (!p.finished) p = d.run(() => continueDistribution(d.ss(), 0));
    expect(p.lines[0]).toBe('Созданы листы школ (3): Школа 1, Школа 2, МБОУ «Калиновская ООШ».');
    expect(d.runtime.snapshot().sheets.map((s) => s.name)).not.toContain('Новая');
    // the next run adds it
    expect(distributeAll().at(-1)!.lines[0]).toBe('Созданы листы школ (1): Новая.');
  });

  it('tells the official about a school removed from the registry and keeps its sheet', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    distributeAll();
    d.run(() => d.ss().getSheetByName('Организации')!.deleteRow(4));
    const steps = distributeAll();
    expect(steps.at(-1)!.lines.join('\n')).toMatch(/Лист «Школа 2» не относится ни к одной школе из «Организации»: лист сохранён/);
    expect(d.sheet('Школа 2').protections.find((p) => p.range === null)!.editors).toContain(SCHOOL2);
  });

  it('says it is busy and writes nothing while another run holds the lock', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    const release = d.runtime.holdDocumentLock();
    const sheetsBefore = d.runtime.snapshot().sheets.map((s) => s.name);
    expect(() => d.run(() => startDistribution(d.ss(), d.templateId))).toThrow(BUSY_MESSAGE);
    expect(d.runtime.snapshot().sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(d.sheet('Организации').protections).toEqual([]);
    release();
    distributeAll();
    expect(d.runtime.snapshot().sheets.map((s) => s.name)).toContain('Школа 1');
  });

  it('reports registry addresses without access before distributing, and leaves those schools untouched', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'), registryRows([
      ['Управление образования', 'Район', `${OWNER}, ${METODIST}`],
      ['Школа 1', 'Школа 1', `${SCHOOL1}, new.teacher@example.org`],
      ['Школа 2', 'Школа 2', SCHOOL2],
    ]));
    // the panel lists it before anyone presses «Разослать»
    expect(d.run(() => getDistrictState()).problems).toContainEqual({
      row: 3, severity: 'error',
      message: 'Не удалось: «Школа 1» (строка 3 в «Организации»): у new.teacher@example.org нет доступа к таблице, лист школы не создан и не изменён. Откройте этим адресам доступ к таблице как редакторам («Настройки доступа»; адрес должен быть аккаунтом Google) или исправьте их в «Организациях» — и запустите рассылку снова.'.slice('Не удалось: '.length),
    });
    const last = distributeAll().at(-1)!;
    expect(last.total).toBe(1); // Школа 1 is left out from the start
    expect(last.lines).toContain('Созданы листы школ (1): Школа 2.');
    expect(last.lines).toContain('Не удалось: «Школа 1» (строка 3 в «Организации»): у new.teacher@example.org нет доступа к таблице, лист школы не создан и не изменён. Откройте этим адресам доступ к таблице как редакторам («Настройки доступа»; адрес должен быть аккаунтом Google) или исправьте их в «Организациях» — и запустите рассылку снова.');
    expect(d.runtime.snapshot().sheets.map((s) => s.name)).not.toContain('Школа 1');
    // a district editor without access: nothing starts
    d.run(() => d.ss().getSheetByName('Организации')!.getRange(2, 10).setValue(`${OWNER}, boss@example.org`));
    const before = d.runtime.snapshot().sheets.map((s) => s.name);
    expect(() => distributeAll()).toThrow(/Рассылка не начата: у сотрудников района boss@example.org \(строка 2 в «Организации»\) нет доступа к таблице/);
    expect(d.runtime.snapshot().sheets.map((s) => s.name)).toEqual(before);
  });
});
