// «Свод» shows each organisation's last change from «История изменений»: when, who, what (row,
// column, old → new), read in a fixed number of calls however long the history has grown.
import { afterEach, describe, expect, it } from 'vitest';
import { continueDistribution, startDistribution } from '../../../src/addon/district/distribute';
import { buildSummary } from '../../../src/addon/district/summary-sheet';
import { handleEdit } from '../../../src/addon/roadmap/on-edit';
import { readLastChanges } from '../../../src/addon/roadmap/history';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../../src/core/roadmap/history';
import { SUMMARY_HEADERS } from '../../../src/core/district';
import { SCHOOL1, SCHOOL2, createDistrict, fixture, texts, type District } from './harness';

const col = (key: string) => CANONICAL_COLUMNS.findIndex((c) => c.key === key) + 1;
const [STATUS, DEADLINE] = [col('status'), col('deadline')];
const CHANGE = SUMMARY_HEADERS.findIndex((h) => h.key === 'lastChange');

let d: District;
afterEach(() => d.dispose());

function distributed(): { items: number[] } {
  d = createDistrict('2023-03-15', fixture('derbent-2023'));
  d.run(() => {
    let p = startDistribution(d.ss(), d.templateId);
    while (!p.finished) p = continueDistribution(d.ss());
  });
  const items = texts(d.sheet('Школа 1')).map((r, i) => ({ r, i })).filter(({ r }) => r[10] !== 'section' && r[1] && r[0] !== '№').map(({ i }) => i + 1);
  return { items };
}

/** A person's edit with onEdit run as that person (the simple trigger records it in the history). */
function edit(sheet: string, row: number, column: number, value: string, user: string): void {
  const e = d.runtime.userEdit(sheet, row, column, value, { user });
  d.runtime.run('LIMITED', () => handleEdit(e), { user });
}

const summaryRow = (sheet: string) => texts(d.sheet('Свод')).find((r) => r[1] === sheet)!;

describe('«Свод»: the last change of every organisation', () => {
  it('shows when, who and what for each school from the history, the latest one, and nothing for an organisation never changed', () => {
    const { items } = distributed();
    const deadlineBefore = texts(d.sheet('Школа 2'))[items[1]! - 1]![DEADLINE - 1]!;
    edit('Школа 1', items[0]!, STATUS, 'В работе', SCHOOL1);
    d.setToday('2023-03-20');
    edit('Школа 2', items[1]!, DEADLINE, 'До 30.04.2023', SCHOOL2);
    d.setToday('2023-04-03');
    edit('Школа 1', items[0]!, STATUS, 'Выполнено', SCHOOL1);

    d.run(() => buildSummary(d.ss()));
    expect(texts(d.sheet('Свод'))[0]![CHANGE]).toBe('Последнее изменение');
    expect(summaryRow('Школа 1')[CHANGE]).toBe(`03.04.2023 09:00, ${SCHOOL1}: строка ${items[0]}, Статус: В работе → Выполнено`);
    expect(summaryRow('Школа 2')[CHANGE]).toBe(`20.03.2023 09:00, ${SCHOOL2}: строка ${items[1]}, Срок: ${deadlineBefore} → До 30.04.2023`);
    expect(summaryRow('МБОУ «Калиновская ООШ»')[CHANGE]).toBe('');
    expect(summaryRow('Район')[CHANGE]).toBe('');
    expect(texts(d.sheet('Свод')).find((r) => r[0] === 'Итого')![CHANGE]).toBe('');
    expect(texts(d.sheet('Свод')).flat().join(' ')).toMatch(/«Последнее изменение» — по листу «История изменений» на момент построения свода/);
  });

  it('reads the history in the same number of calls for 10 and 3,000 rows of it', () => {
    const { items } = distributed();
    edit('Школа 1', items[0]!, STATUS, 'В работе', SCHOOL1);
    const calls = () => {
      d.runtime.calls.reset();
      const found = d.run(() => readLastChanges(d.ss(), ['Школа 1', 'Школа 2', 'Район']));
      return { calls: d.runtime.calls.total(), schools: [...found.keys()].sort() };
    };
    const short = calls();
    // Three thousand older changes of another sheet, then one of «Школа 2».
    d.run(() => {
      const history = d.ss().getSheetByName(HISTORY_SHEET)!;
      const rows = Array.from({ length: 3000 }, (_, i) => ['01.01.2023 10:00', 'x@example.org', 'Школа 9', String(i + 3), 'Статус', '', 'В работе', '']);
      history.insertRowsBefore(2, rows.length);
      history.getRange(2, 1, rows.length, HISTORY_HEADERS.length).setValues(rows);
    });
    edit('Школа 2', items[1]!, STATUS, 'Выполнено', SCHOOL2);
    const long = calls();
    expect(short.schools).toEqual(['Школа 1']);
    expect(long.schools).toEqual(['Школа 1', 'Школа 2']);
    expect(long.calls).toBe(short.calls);
  });
});
