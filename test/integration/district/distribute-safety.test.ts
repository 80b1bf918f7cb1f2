// «Разослать школам» under the conditions of a real district: schools typing while it runs,
// a protection call that fails, hundreds of long names, a spreadsheet near its cell limit.
import { afterEach, describe, expect, it } from 'vitest';
import { continueDistribution, startDistribution } from '../../../src/addon/district/distribute';
import { PREPARED_SHEET } from '../../../src/addon/district/school-sheet';
import { MAX_VALUE_BYTES } from '../../../preview/gas/index';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { METODIST, OWNER, SCHOOL1, SCHOOL2, createDistrict, fixture, registryRows, texts, type District } from './harness';

const STATUS = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
const MARK = CANONICAL_COLUMNS.findIndex((c) => c.key === 'mark') + 1;

let d: District;
afterEach(() => d.dispose());

function distributeAll(budgetMs?: number) {
  return d.run(() => {
    let p = startDistribution(d.ss(), d.templateId, budgetMs);
    while (!p.finished) p = continueDistribution(d.ss(), budgetMs);
    return p;
  });
}

/** Calls `fn` just before the add-on's k-th service call (1-based) of the next run; returns a remover. */
function beforeCall(k: number, fn: (key: string) => void): () => void {
  const calls = d.runtime.calls;
  const record = calls.record.bind(calls);
  let n = 0;
  calls.record = (key: string, cells?: number) => {
    n++;
    if (n === k) fn(key);
    record(key, cells);
  };
  return () => void (calls.record = record);
}

/** The district adds a row to its template after row 4. */
function addTemplateRow(): void {
  d.run(() => {
    const t = d.ss().getSheetById(d.templateId)!;
    t.insertRowsAfter(4, 1);
    t.getRange(5, 1, 1, 6).setValues([['1.1.1.', 'Новое мероприятие района', 'Апрель 2023', 'Директор', 'Приказ', 'Не начато']]);
  });
}

const ONE_SCHOOL = registryRows([['Управление образования', 'Район', `${OWNER}, ${METODIST}`], ['МБОУ «СОШ № 1»', 'Школа 1', SCHOOL1]]);

describe('«Разослать школам» never loses what a school typed', () => {
  it('keeps a value typed before any call of a rerun that inserts template rows', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'), ONE_SCHOOL);
    distributeAll();
    addTemplateRow();
    d.runtime.calls.reset();
    distributeAll();
    const calls = d.runtime.calls.total();
    d.dispose();
    expect(calls).toBeGreaterThan(20);

    for (let k = 1; k <= calls; k++) {
      d = createDistrict('2023-03-15', fixture('khabez-2021'), ONE_SCHOOL);
      distributeAll();
      addTemplateRow();
      const activity = texts(d.sheet('Школа 1'))[6]![1]!;
      const typed = `Отчёт ${k}`;
      const remove = beforeCall(k, () => {
        // the school's editor types into the sheet in the middle of the run (the row moves if rows were inserted above)
        const row = texts(d.sheet('Школа 1')).findIndex((r) => r[1] === activity) + 1;
        d.runtime.userEdit('Школа 1', row, MARK, typed, { user: SCHOOL1 });
        d.runtime.userEdit('Школа 1', row, STATUS, 'Выполнено', { user: SCHOOL1 });
      });
      try {
        d.run(() => {
          let p = startDistribution(d.ss(), d.templateId);
          while (!p.finished) p = continueDistribution(d.ss());
        });
      } catch {
        // a rerun that saw the sheet change under it says so; what matters is the school's value
      } finally {
        remove();
      }
      const rows = texts(d.sheet('Школа 1'));
      const mine = rows.find((r) => r[1] === activity)!;
      expect([k, mine[MARK - 1], mine[STATUS - 1]]).toEqual([k, typed, 'Выполнено']);
      // the template row arrives exactly once
      expect(rows.filter((r) => r[1] === 'Новое мероприятие района').length).toBeLessThanOrEqual(1);
      d.dispose();
    }
    d = createDistrict('2023-03-15', fixture('khabez-2021'), ONE_SCHOOL);
  }, 120_000);

  it('keeps values typed between batches, and a later run adds what a changed sheet missed', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    distributeAll();
    addTemplateRow();
    const activity = texts(d.sheet('Школа 1'))[3]![1]!;
    let p = d.run(() => startDistribution(d.ss(), d.templateId, 0));
    expect(p.finished).toBe(false);
    const row = texts(d.sheet('Школа 1')).findIndex((r) => r[1] === activity) + 1;
    d.runtime.userEdit('Школа 1', row, STATUS, 'В работе', { user: SCHOOL1 });
    d.runtime.userEdit('Школа 2', 4, MARK, 'Сделано', { user: SCHOOL2 });
    while (!p.finished) p = d.run(() => continueDistribution(d.ss(), 0));
    expect(texts(d.sheet('Школа 1')).find((r) => r[1] === activity)![STATUS - 1]).toBe('В работе');
    expect(texts(d.sheet('Школа 2')).some((r) => r[MARK - 1] === 'Сделано')).toBe(true);
    for (const s of ['Школа 1', 'Школа 2']) expect(texts(d.sheet(s)).filter((r) => r[1] === 'Новое мероприятие района')).toHaveLength(1);
  });
});

describe('«Разослать школам» stops when a protection fails', () => {
  it('names the school, leaves no unprotected sheet and resumes from it', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    let copies = 0;
    const calls = d.runtime.calls;
    const record = calls.record.bind(calls);
    calls.record = (key: string, cells?: number) => {
      if (key === 'Sheet.copyTo') copies++;
      // the second school's sheet protection: its editors cannot be set
      if (key === 'Protection.removeEditors' && copies === 2) throw new Error('Service Spreadsheets failed while accessing document');
      record(key, cells);
    };
    let error: Error | null = null;
    try {
      d.run(() => startDistribution(d.ss(), d.templateId));
    } catch (e) {
      error = e as Error;
    } finally {
      calls.record = record;
    }
    expect(error?.message).toMatch(/^Рассылка остановлена: не удалось настроить защиту листа «Школа 2»/);
    const names = d.runtime.snapshot().sheets.map((s) => s.name);
    expect(names).toContain('Школа 1');
    expect(names).not.toContain('Школа 2'); // a new sheet that could not be protected is removed
    expect(names).not.toContain(PREPARED_SHEET);
    // «Продолжить» starts from that school
    let p = d.run(() => continueDistribution(d.ss()));
    while (!p.finished) p = d.run(() => continueDistribution(d.ss()));
    expect(p.lines[0]).toBe('Созданы листы школ (3): Школа 1, Школа 2, МБОУ «Калиновская ООШ».');
    expect(d.sheet('Школа 2').protections.find((x) => x.range === null)!.editors.sort()).toEqual([METODIST, OWNER, SCHOOL2].sort());
  });
});

describe('«Разослать школам» at district scale', () => {
  it('keeps its checkpoint within the 9 KB a property holds for 300 schools of 45-character names', () => {
    const name = (i: number) => `МБОУ «Средняя общеобразовательная школа № ${String(i).padStart(3, '0')}»`.slice(0, 45);
    const bad = Array.from({ length: 10 }, (_, i) => [`Школа без адреса ${i}`, '', `не-адрес-${i}`] as [string, string, string]);
    const schools = Array.from({ length: 300 }, (_, i): [string, string, string] => [name(i), '', `s${i}@example.org`]);
    expect(name(1)).toHaveLength(45);
    d = createDistrict('2023-03-15', fixture('khabez-2021'), registryRows([['Управление образования', 'Район', `${OWNER}, ${METODIST}`], ...bad, ...schools]));
    d.run(() => d.ss().addEditors(schools.map((s) => s[2])));
    let p = d.run(() => startDistribution(d.ss(), d.templateId, 0));
    for (let i = 0; i < 3; i++) p = d.run(() => continueDistribution(d.ss(), 0));
    expect(p).toMatchObject({ finished: false, done: 4, total: 300 });
    const props = d.runtime.properties('document');
    for (const value of Object.values(props)) expect(new TextEncoder().encode(value).length).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    expect(p.lines).toContain('Не удалось: Лист «Организации», строка 3, столбец J «Редакторы»: «не-адрес-0» — не адрес электронной почты (ожидается вида name@example.ru).');
  });

  it('sizes school sheets to their rows', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    distributeAll();
    const size = d.runtime.tracker.internal(() => {
      const s = d.ss().getSheetByName('Школа 1')!;
      return [s.getMaxRows(), s.getMaxColumns()];
    });
    const rows = texts(d.sheet('Школа 1')).length;
    expect(size[0]).toBeLessThan(rows + 50);
    expect(size[0]).toBeGreaterThan(rows);
    expect(size[1]).toBeLessThan(26);
    expect(d.sheet('Школа 1').hidden).toBe(false);
  });

  it('says up front, with the numbers, when the schools would not fit in the spreadsheet', () => {
    d = createDistrict('2023-03-15', fixture('khabez-2021'));
    // an archive sheet that takes all but 1,000 of the 10 million cells
    const used = d.runtime.tracker.internal(() => d.ss().getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0));
    d.run(() => d.ss().insertSheet('Архив').insertRowsAfter(1000, Math.floor((10_000_000 - 1_000 - used - 26_000) / 26)));
    const before = d.runtime.snapshot().sheets.map((s) => s.name);
    let message = '';
    try {
      distributeAll();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^В таблице не хватит места для листов всех школ\. Google Таблицы вмещают не более 10\u00a0000\u00a0000 ячеек на файл; сейчас занято 9\u00a099\d\u00a0\d{3}, а 3 новых листов школ займут ещё [\d\u00a0]+ \(по [\d\u00a0]+ на лист\)\. Поместится ещё листов: 0\./);
    expect(message).toMatch(/Ничего не создано\.$/);
    expect(d.runtime.snapshot().sheets.map((s) => s.name)).toEqual(before);
  });
});
