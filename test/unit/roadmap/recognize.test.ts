import { describe, expect, it } from 'vitest';
import { recognizeRoadmap } from '../../../src/core';
import { loadRoadmap, rawRow } from './fixtures';

const derbent = loadRoadmap('derbent-2023');
const kalin = loadRoadmap('kalinovskaya-2022-2024');
const khabez = loadRoadmap('khabez-2021');

const byNumber = (r: ReturnType<typeof recognizeRoadmap>, n: string) => {
  const it = r.items.find((i) => i.number === n);
  if (!it) throw new Error(`item ${n} not recognised`);
  return it;
};

/** Counts rows of a fixture below the header whose number cell is filled. */
function numberedRows(cells: unknown[][], headerRow: number): number {
  return cells.slice(headerRow + 1).filter((r) => String(r[0] ?? '').trim() !== '').length;
}

describe('recognizeRoadmap on Derbent (district, order + appendix, page breaks, HTML)', () => {
  const r = recognizeRoadmap(derbent.cells);

  it('finds the header under the order text and maps the columns', () => {
    expect(derbent.cells[r.headerRow]?.[1]).toBe('Содержание деятельности/разделы');
    expect(r.columns).toEqual({ number: 0, activity: 1, deadline: 2, responsible: 3, result: 4 });
  });

  it('makes one item per numbered row: 10 sections, the rest items', () => {
    expect(r.items).toHaveLength(numberedRows(derbent.cells, r.headerRow));
    expect(r.items.filter((i) => i.isSection).map((i) => i.number)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.']);
    expect(r.items.filter((i) => !i.isSection)).toHaveLength(r.items.length - 10);
    expect(r.items.filter((i) => i.level === 3).map((i) => i.number)).toEqual(['3.1.1.', '3.1.2.']);
  });

  it('merges 2.1 with its continuation row, joining mid-sentence text with a space', () => {
    const top = rawRow(derbent, '2.1.');
    const item = byNumber(r, '2.1.');
    const cont = derbent.cells[(item.sourceRows[0] as number) + 1] as string[];
    expect(item.sourceRows).toHaveLength(2);
    expect(item.activity).toBe(`${top[1]} ${cont[1]}`);
    expect(item.result).toBe(`${top[4]} ${cont[4]}`);
    expect(item.deadline).toBe('Январь');
  });

  it('merges 7.2: a responsible that ended with a full stop continues on a new line', () => {
    const item = byNumber(r, '7.2.');
    expect(item.sourceRows).toHaveLength(2);
    expect(item.responsible).toBe('Муниципальный куратор.\nответственные по ОО.');
    expect(item.result).toBe('Аналитические материалы, прогноз следующего этапа');
    expect(item.activity).toContain('о развитии наставничества в образовательном');
  });

  it('strips the HTML of 3.1.1, one order per line', () => {
    const item = byNumber(r, '3.1.1.');
    expect(item.activity).not.toMatch(/<|>|style=/);
    const lines = item.activity.split('\n');
    expect(lines[0]).toBe('Приказы:');
    expect(lines[1]).toBe('- О внедрении целевой модели наставничества,');
    expect(lines).toContain('Положение о наставничестве. Протокол педагогического совета:');
    expect(item.level).toBe(3);
  });

  it('keeps numbers as typed and computes levels (10.1 without a dot is still level 2)', () => {
    expect(byNumber(r, '10.1').level).toBe(2);
    expect(byNumber(r, '10.').level).toBe(1);
  });

  it('takes the title above the table and the plan year from the approval line', () => {
    expect(r.plan?.title).toContain('ДОРОЖНАЯ КАРТА');
    expect(r.plan?.title).toContain('Дербентский район');
    expect(r.plan && [r.plan.start, r.plan.end]).toEqual(derbent.plan);
  });
});

describe('recognizeRoadmap on Калиновская (school, sections without dots)', () => {
  const r = recognizeRoadmap(kalin.cells);

  it('maps «№ п/п», «Наименование мероприятий», «Срок реализации», «Ответственный исполнитель», «Результат. Вид документа»', () => {
    expect(r.headerRow).toBe(1);
    expect(r.columns).toEqual({ number: 0, activity: 1, deadline: 2, responsible: 3, result: 4 });
  });

  it("tells sections '1'…'5' from items '1.5', '2.1'", () => {
    expect(r.items.filter((i) => i.isSection).map((i) => i.number)).toEqual(['1', '2', '3', '4', '5']);
    const item = byNumber(r, '1.5');
    expect(item.isSection).toBe(false);
    expect(item.level).toBe(2);
    expect(item.deadline).toBe(rawRow(kalin, '1.5')[2]);
    expect(r.items).toHaveLength(numberedRows(kalin.cells, r.headerRow));
  });

  it('infers 2022–2024 from «НА 2022-2024 ГГ.»', () => {
    expect(r.plan?.title).toMatch(/^ПЛАН МЕРОПРИЯТИЙ/);
    expect(r.plan && [r.plan.start, r.plan.end]).toEqual(kalin.plan);
    expect(r.warnings).toEqual([]);
  });
});

describe('recognizeRoadmap on Хабез (columns in another order, deadline last, no sections)', () => {
  const r = recognizeRoadmap(khabez.cells);

  it('maps columns by meaning whatever their order, header with a line break and double spaces', () => {
    expect(r.columns).toEqual({ number: 0, activity: 1, responsible: 2, result: 3, deadline: 4 });
    expect(r.headerRow).toBe(11);
  });

  it('reads the deadline from the last column; top-level rows with deadlines are items', () => {
    expect(r.items).toHaveLength(11);
    expect(r.items.some((i) => i.isSection)).toBe(false);
    expect(byNumber(r, '2.').deadline).toBe('До 01.02.21 г.');
    expect(byNumber(r, '11').responsible).toBe(rawRow(khabez, '11')[2]);
  });

  it('keeps line breaks inside cells and collapses double spaces', () => {
    const item = byNumber(r, '7.');
    expect(item.activity.split('\n')).toHaveLength(6);
    expect(byNumber(r, '9').activity).toBe('Разработка комплекса тематических мероприятий, направленных на популяризацию роли наставника');
  });

  it('infers the year from «за 2021 год»', () => {
    expect(r.plan && [r.plan.start, r.plan.end]).toEqual(khabez.plan);
    expect(r.plan?.title).toMatch(/^План \(дорожная карта\)/);
  });
});

describe('recognizeRoadmap on bad input', () => {
  it('an empty sheet: no items, a warning, no throw', () => {
    for (const cells of [[], [[]], [['', ''], ['', '']]]) {
      const r = recognizeRoadmap(cells);
      expect(r.items).toEqual([]);
      expect(r.headerRow).toBe(-1);
      expect(r.warnings[0]).toMatch(/Лист пуст/);
    }
  });

  it('only a title: says the header is missing', () => {
    const r = recognizeRoadmap([['План мероприятий на 2024 год'], ['']]);
    expect(r.items).toEqual([]);
    expect(r.warnings.join(' ')).toMatch(/Не найдена строка заголовков/);
  });

  it('no header but numbered rows: assumes the usual column order and says so', () => {
    const rows = khabez.cells.slice(12).map((r) => [r[0], r[1], r[4], r[2], r[3]]);
    const r = recognizeRoadmap(rows);
    expect(r.headerRow).toBe(-1);
    expect(r.items).toHaveLength(11);
    expect(r.items[1]?.deadline).toBe('До 01.02.21 г.');
    expect(r.warnings.join(' ')).toMatch(/Строка заголовков не найдена/);
  });

  it('two tables: recognises the first and warns about the second', () => {
    const cells = [...kalin.cells, [''], ...khabez.cells.slice(11)];
    const r = recognizeRoadmap(cells, { firstRow: 3 });
    expect(r.items).toHaveLength(recognizeRoadmap(kalin.cells).items.length);
    const second = kalin.cells.length + 1;
    expect(r.warnings).toContain(
      `В строке ${second + 3} начинается вторая таблица; распознана только первая (строки 5–${second + 2}). Вставьте вторую таблицу на отдельный лист.`,
    );
  });

  it('a header repeated after a page break and a «1 2 3 4 5» row are skipped', () => {
    const head = kalin.cells[1] as unknown[];
    const cells = [...kalin.cells.slice(0, 10), head, ['1', '2', '3', '4', '5'], ...kalin.cells.slice(10)];
    const r = recognizeRoadmap(cells);
    expect(r.items).toHaveLength(recognizeRoadmap(kalin.cells).items.length);
    expect(r.warnings.join(' ')).toMatch(/номерами столбцов/);
  });

  it('missing columns are tolerated and reported', () => {
    const cells = kalin.cells.map((row) => [row[0], row[1], row[4]]);
    const r = recognizeRoadmap(cells);
    expect(r.columns).toEqual({ number: 0, activity: 1, result: 2 });
    expect(r.items.find((i) => i.number === '1.2.')?.result).toBe('Приказ ОО');
    expect(r.warnings).toContain('Не найден столбец «Срок»: он останется пустым.');
    expect(r.warnings).toContain('Не найден столбец «Ответственные»: он останется пустым.');
  });

  it('text only in an extra column continues the item above; nothing is dropped', () => {
    const cells = khabez.cells.map((row, i) => [...row, i === 11 ? 'Примечание' : i === 15 ? 'важно' : '']);
    cells.splice(16, 0, ['', '', '', '', '', 'только примечание']);
    const r = recognizeRoadmap(cells);
    expect(r.items).toHaveLength(11);
    expect(r.extraColumns).toEqual([{ column: 5, header: 'Примечание' }]);
    const item = r.items.find((i) => i.sourceRows.includes(15));
    expect(item?.extras).toEqual(['важно только примечание']);
    expect(item?.sourceRows).toContain(16);
    expect(r.rowRoles?.find((x) => x.row === 16)?.role).toBe('continuation');
  });

  it('unknown columns are carried as extra columns and named in a warning', () => {
    const cells = khabez.cells.map((row, i) => [...row, i === 11 ? 'Примечание' : 'x']);
    const r = recognizeRoadmap(cells);
    expect(r.warnings.some((w) => w.includes('«Примечание»') && w.includes('6-й') && w.includes('дополнительн'))).toBe(true);
    expect(r.warnings.join(' ')).not.toMatch(/не перенесен/);
    expect(r.sourceColumns?.map((c) => c.meaning)).toEqual(['number', 'activity', 'responsible', 'result', 'deadline', 'extra']);
    expect(r.items.every((i) => i.extras?.[0] === 'x')).toBe(true);
  });

  it('numbers and Dates where text is expected become text; Dates as dd.MM.yyyy', () => {
    const cells: unknown[][] = [
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      [1, 'Раздел первый', '', ''],
      [1.1, 12345, new Date(2021, 1, 20), true],
    ];
    const r = recognizeRoadmap(cells);
    expect(r.items[0]).toMatchObject({ number: '1', isSection: true });
    expect(r.items[1]).toMatchObject({ number: '1.1', level: 2, activity: '12345', deadline: '20.02.2021', responsible: 'ИСТИНА' });
  });

  it('numbers a Russian-locale sheet turned into dates («1.5» → 1 May) are given back', () => {
    const asDates = kalin.cells.map((row) => {
      const m = /^(\d+)\.(\d+)$/.exec(String(row[0]));
      return m ? [new Date(2026, Number(m[2]) - 1, Number(m[1])), ...row.slice(1)] : row;
    });
    const converted = asDates.filter((row) => row[0] instanceof Date).length;
    const r = recognizeRoadmap(asDates);
    expect(r.items.map((i) => i.number)).toEqual(recognizeRoadmap(kalin.cells).items.map((i) => i.number));
    expect(r.warnings.some((w) => w.includes(`преобразовали номера вида «1.5» в даты (${converted})`))).toBe(true);
  });

  it('merged section cells (text in the first cell, the rest empty) become sections', () => {
    const cells: unknown[][] = [
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['1. Организационный этап', '', '', ''],
      ['1.1.', 'Приказ о назначении куратора', 'Январь 2024', 'Директор'],
      ['Информационный этап', '', '', ''],
    ];
    const r = recognizeRoadmap(cells);
    expect(r.items.map((i) => [i.number, i.activity, i.isSection])).toEqual([
      ['1.', 'Организационный этап', true],
      ['1.1.', 'Приказ о назначении куратора', false],
      ['', 'Информационный этап', true],
    ]);
  });

  it('an unnumbered row with its own capitalised activity and deadline is a new item, not a continuation', () => {
    const cells: unknown[][] = [
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['1.', 'Приказ о назначении куратора.', 'Январь 2024', 'Директор'],
      ['', 'Семинар для наставников', 'Март 2024', 'Куратор'],
    ];
    expect(recognizeRoadmap(cells).items.map((i) => i.activity)).toEqual(['Приказ о назначении куратора.', 'Семинар для наставников']);
  });

  it('a 50,000-character cell and formula text are kept as they are', () => {
    const long = 'Мероприятие '.repeat(4200).slice(0, 50_000);
    const cells: unknown[][] = [
      ['№', 'Мероприятие', 'Срок', 'Ответственные'],
      ['1.', long, 'Январь 2024', '=A1+B1'],
    ];
    const r = recognizeRoadmap(cells);
    expect(r.items[0]?.activity).toBe(long.trim());
    expect(r.items[0]?.responsible).toBe('=A1+B1');
  });

  it('non-array rows and odd values never throw', () => {
    const cells = [null, undefined, 'строка', [{}, Symbol.iterator, NaN, new Date('x')]] as unknown as unknown[][];
    expect(() => recognizeRoadmap(cells)).not.toThrow();
  });
});
