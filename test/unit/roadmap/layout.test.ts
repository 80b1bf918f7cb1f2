import { describe, expect, it } from 'vitest';
import {
  CANONICAL_COLUMNS,
  STATUS_VALUES,
  canonicalHeaderRow,
  findCanonicalHeader,
  helperValues,
  itemsToRows,
  parseDeadline,
  recognizeRoadmap,
  rowsToItems,
  validateRoadmap,
  deadlineStatus,
  type CanonicalItem,
} from '../../../src/core';
import { loadRoadmap } from './fixtures';

const kalin = loadRoadmap('kalinovskaya-2022-2024');
const items: CanonicalItem[] = recognizeRoadmap(kalin.cells).items;

describe('canonical columns', () => {
  it('are the issue’s columns in order, then machine-readable helper columns', () => {
    expect(CANONICAL_COLUMNS.filter((c) => !c.helper).map((c) => c.header)).toEqual([
      '№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат (вид документа)', 'Статус', 'Дата выполнения', 'Отметка о выполнении',
    ]);
    const firstHelper = CANONICAL_COLUMNS.findIndex((c) => c.helper);
    expect(CANONICAL_COLUMNS.slice(firstHelper).every((c) => c.helper && /служебное/.test(c.header))).toBe(true);
    expect(STATUS_VALUES).toEqual(['Не начато', 'В работе', 'Выполнено', 'Отменено']);
  });

  it('text columns are plain text so that «1.5» and «=…» stay as typed', () => {
    for (const key of ['number', 'activity', 'deadline', 'responsible', 'result', 'status', 'mark'] as const) {
      expect(CANONICAL_COLUMNS.find((c) => c.key === key)?.numberFormat).toBe('@');
    }
  });
});

describe('itemsToRows → rowsToItems', () => {
  it('round-trips a recognised fixture, sections included', () => {
    const values = [canonicalHeaderRow(), ...itemsToRows(items)];
    const back = rowsToItems(values, 1);
    expect(back.warnings).toEqual([]);
    expect(back.headerRow).toBe(0);
    const strip = (it: CanonicalItem) => [it.number, it.level, it.isSection, it.activity, it.deadline, it.responsible, it.result];
    expect(back.items.map(strip)).toEqual(items.map(strip));
    expect(back.items[3]?.sourceRows).toEqual([4]);
  });

  it('writes text exactly as typed (formula-like text is guarded by the column format, not altered)', () => {
    const rows = itemsToRows([{ ...(items[1] as CanonicalItem), responsible: '=A1', doneDate: '05.06.2023', status: 'Выполнено' }]);
    const at = (key: string) => CANONICAL_COLUMNS.findIndex((c) => c.key === key);
    expect(rows[0]?.[at('responsible')]).toBe('=A1');
    expect(rows[0]?.[at('doneDate')]).toBe('2023-06-05');
    expect(rows[0]).toHaveLength(CANONICAL_COLUMNS.length);
  });

  it('reads columns reordered by the user and a title above the header; Dates become ISO completion dates', () => {
    const header = canonicalHeaderRow();
    const order = header.map((_, i) => i).reverse();
    const rows = itemsToRows(items.slice(0, 3)).map((r) => order.map((i) => r[i]));
    const doneAt = order.indexOf(CANONICAL_COLUMNS.findIndex((c) => c.key === 'doneDate'));
    (rows[1] as unknown[])[doneAt] = new Date(2022, 4, 17);
    const values: unknown[][] = [['План мероприятий'], order.map((i) => header[i]), ...rows];
    const back = rowsToItems(values, 5);
    expect(back.headerRow).toBe(1);
    expect(back.items.map((i) => i.number)).toEqual(items.slice(0, 3).map((i) => i.number));
    expect(back.items[1]?.doneDate).toBe('2022-05-17');
    expect(back.items[0]?.isSection).toBe(true);
  });

  it('recognising the add-on’s own sheet ignores its helper columns silently', () => {
    const r = recognizeRoadmap([canonicalHeaderRow(), ...itemsToRows(items)]);
    expect(r.items).toHaveLength(items.length);
    expect(r.columns.status).toBe(CANONICAL_COLUMNS.findIndex((c) => c.key === 'status'));
    expect(r.warnings).toEqual(['Столбец «Отметка о выполнении» (8-й) не соответствует ни одному полю дорожной карты и перенесён как дополнительный.', expect.stringMatching(/^Период действия плана не удалось определить/)]);
  });

  it('a sheet without our header: a clear Russian warning, no items', () => {
    const back = rowsToItems([['что-то'], ['другое']], 1);
    expect(back.items).toEqual([]);
    expect(back.warnings[0]).toMatch(/не найдена строка заголовков дорожной карты/);
    expect(findCanonicalHeader([])).toBeNull();
  });

  it('a renamed column is still found by meaning and a missing one is reported', () => {
    const header = canonicalHeaderRow().map((h) => (h === 'Ответственные' ? 'Исполнители' : h)).filter((h) => h !== 'Срок');
    const back = rowsToItems([header], 1);
    expect(back.columns.responsible).toBe(header.indexOf('Исполнители'));
    expect(back.warnings).toContain('На листе нет столбца «Срок» (строка 1).');
  });

  it('validation of read-back rows names sheet rows via firstRow', () => {
    const values = [canonicalHeaderRow(), ...itemsToRows([{ ...(items[1] as CanonicalItem), responsible: '' }])];
    const back = rowsToItems(values, 3);
    const ps = validateRoadmap(back.items, { planStart: '2021-01-01', planEnd: '2021-12-31' }, undefined, { firstRow: 3 });
    expect(ps.find((p) => p.code === 'responsible-missing')?.message).toBe('Строка 4, столбец «Ответственные»: не указаны ответственные.');
    expect(ps.find((p) => p.code === 'section-missing')?.message).toMatch(/^Строка 4, столбец «№»: пункт 1\.1 стоит вне своего раздела/);
  });
});

describe('helperValues', () => {
  const plan = { planStart: '2022-01-01', planEnd: '2024-12-31' };
  it('hold the period that decides the status today, so TODAY() formatting can reproduce it', () => {
    const d = parseDeadline('Май 2022,2023,2024г', plan);
    const h = helperValues(d, '2023-03-10');
    expect(h).toEqual({ start: '2023-05-01', end: '2023-05-31', kind: 'recurring' });
    // Same decision as the engine: upcoming before the start.
    expect(deadlineStatus(d, { today: '2023-03-10', done: false, soonDays: 14 })).toBe('upcoming');
    expect(h.start > '2023-03-10').toBe(true);
  });

  it('sections and dateless deadlines carry no dates', () => {
    expect(helperValues(parseDeadline('Март 2022', plan), '2022-01-01', true)).toEqual({ start: '', end: '', kind: 'section' });
    expect(helperValues(parseDeadline('В соответствии со сроками, установленными Минпросвещения России', plan), '2022-01-01')).toMatchObject({ start: '', end: '' });
  });
});
