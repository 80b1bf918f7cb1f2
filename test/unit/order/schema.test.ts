import { describe, expect, it } from 'vitest';
import '../../../src/contract/zod';
import { approvalOrderOptionsSchema } from '../../../src/core/order';

const valid = { date: '2023-02-07', number: '1982', dateStyle: 'long', appendixRows: 'all' };

describe('approval order options from the sidebar', () => {
  it('accepts what the sidebar sends, with chosen sections', () => {
    expect(approvalOrderOptionsSchema.safeParse(valid).success).toBe(true);
    expect(approvalOrderOptionsSchema.safeParse({ ...valid, appendixRows: { sections: ['1', '3'] }, control: { position: 'Заместитель директора', name: 'Иванова А.А.' } }).success).toBe(true);
  });

  it.each([
    [{ date: '2023-02-30' }, 'date', 'Дата приказа должна быть существующей датой в формате ГГГГ-ММ-ДД.'],
    [{ number: '  ' }, 'number', 'Укажите номер приказа.'],
    [{ number: '№ 12' }, 'number', 'Укажите номер приказа без знака №: он добавляется автоматически.'],
    [{ appendixRows: { sections: [] } }, 'appendixRows', 'Выберите хотя бы один раздел для приложения.'],
    [{ points: ['Утвердить план.', ' '] }, 'points', 'Пункт приказа не может быть пустым.'],
  ])('refuses %j with a Russian message', (patch, field, message) => {
    const r = approvalOrderOptionsSchema.safeParse({ ...valid, ...patch });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [String(i.path[0]), i.message])).toContainEqual([field, message]);
  });
});
