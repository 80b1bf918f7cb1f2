import { describe, expect, it } from 'vitest';
import { VALUE_BUDGET, boundedMeta, emptyList, note, schoolKey, type Checkpoint } from '../../../src/addon/district/checkpoint';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('the distribution checkpoint', () => {
  it('keeps its report within a property value whatever the names, and every count', () => {
    const c: Checkpoint = {
      templateId: 1, keys: [], touched: [], next: 0, added: 0, differences: 0,
      created: emptyList(), updated: emptyList(), unchanged: emptyList(), failed: emptyList(),
    };
    const long = (i: number) => `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${i}» имени очень длинного названия`;
    for (let i = 0; i < 300; i++) {
      note(c.created, long(i));
      note(c.failed, `«${long(i)}»: ${'описание ошибки '.repeat(40)}`);
    }
    const json = boundedMeta(c);
    expect(bytes(json)).toBeLessThanOrEqual(VALUE_BUDGET);
    const parsed = JSON.parse(json) as { created: { count: number; names: string[] }; failed: { count: number; names: string[] } };
    expect([parsed.created.count, parsed.failed.count]).toEqual([300, 300]);
    expect(parsed.failed.names.length).toBeGreaterThan(0); // failures are the last to be cut
  });

  it('names a school by 6 characters whatever its sheet name, the same for any case', () => {
    expect(schoolKey('МБОУ «СОШ № 1»')).toHaveLength(6);
    expect(schoolKey('мбоу «сош № 1»')).toBe(schoolKey('МБОУ «СОШ № 1»'));
    expect(new Set(Array.from({ length: 1000 }, (_, i) => schoolKey(`Школа ${i}`))).size).toBe(1000);
  });
});
