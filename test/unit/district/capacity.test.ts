import { describe, expect, it } from 'vitest';
import { SPREADSHEET_CELL_LIMIT, capacityProblem, groupDigits } from '../../../src/core/district';

describe('room for the school sheets', () => {
  it('is fine below the 10 million cells', () => {
    expect(capacityProblem({ used: 100_000, newSheets: 300, perSheet: 1_600, scratch: 1_600 })).toBeNull();
    expect(capacityProblem({ used: SPREADSHEET_CELL_LIMIT - 3 * 1_600, newSheets: 2, perSheet: 1_600, scratch: 1_600 })).toBeNull();
  });

  it('names the numbers and how many sheets still fit when they do not', () => {
    // 300 schools on default 1000 × 26 sheets: 7.9 million cells, as the issue measured
    const used = 300 * 26_000 + 100_000;
    expect(capacityProblem({ used, newSheets: 100, perSheet: 26_000, scratch: 0 })).toBe(
      'В таблице не хватит места для листов всех школ. Google Таблицы вмещают не более 10\u00a0000\u00a0000 ячеек на файл; ' +
      'сейчас занято 7\u00a0900\u00a0000, а 100 новых листов школ займут ещё 2\u00a0600\u00a0000 (по 26\u00a0000 на лист). ' +
      'Поместится ещё листов: 80. Удалите ненужные листы или лишние пустые строки и столбцы на больших листах либо разделите район на несколько таблиц — и запустите рассылку снова. Ничего не создано.',
    );
  });

  it('groups digits as Russian text does', () => {
    expect([groupDigits(0), groupDigits(999), groupDigits(1000), groupDigits(9_958_000)]).toEqual(['0', '999', '1\u00a0000', '9\u00a0958\u00a0000']);
  });
});
