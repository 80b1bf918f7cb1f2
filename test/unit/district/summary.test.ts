import { describe, expect, it } from 'vitest';
import { summarizeRows, summaryFormulas, type SummaryRow } from '../../../src/core/district';

const row = (over: Partial<SummaryRow>): SummaryRow => ({ activity: 'Мероприятие', status: 'Не начато', kind: 'date', end: '', extraEnds: [], doneDate: '', ...over });

describe('summary maths', () => {
  const today = '2023-03-15';
  it('counts each kind of row once, sections and empty rows not at all', () => {
    const s = summarizeRows([
      row({ kind: 'section', activity: 'Раздел 1' }),
      row({ activity: '' }),
      row({ status: 'Выполнено', end: '2023-01-31', doneDate: '2023-01-20' }),
      row({ status: 'Выполнено', end: '2023-02-28', doneDate: '2023-03-01' }),
      row({ status: 'В работе', end: '2023-02-01' }), // overdue even though in progress
      row({ end: '2023-03-20' }), // soon (within 14 days)
      row({ end: '2023-03-29' }), // soon: the 14th day counts
      row({ end: '2023-03-30' }), // later
      row({ kind: 'recurring', end: '2023-01-31', extraEnds: ['2023-01-31', '2024-01-31'] }), // next occurrence ahead: not overdue
      row({ kind: 'recurring', end: '2022-05-31', extraEnds: ['2023-03-01'] }), // all past: overdue
      row({ kind: 'throughout', end: '2023-12-31' }), // ongoing, never overdue
      row({ kind: 'external' }),
      row({ kind: 'unrecognized', status: 'В работе' }),
      row({ status: 'Отменено', end: '2023-01-01' }),
    ], today, 14);
    expect(s).toEqual({ items: 12, done: 2, inProgress: 2, cancelled: 1, overdue: 2, soon: 2, noDate: 2, share: 2 / 11, lastDone: '2023-03-01' });
  });

  it('has no share when there is nothing to do', () => {
    expect(summarizeRows([row({ kind: 'section' })], today, 14).share).toBeNull();
  });

  it('writes formulas that reference the school sheet with its name quoted', () => {
    const f = summaryFormulas("Школа д'Артаньяна", { activity: 2, status: 6, doneDate: 7, helperEnd: 10, helperKind: 11, extraEnd: 18, extraEnds: 5 }, 2, 14, { items: 'C3', done: 'D3' });
    expect(f.items).toBe(`=COUNTIFS('Школа д''Артаньяна'!B2:B,"<>",'Школа д''Артаньяна'!K2:K,"<>section")`);
    expect(f.overdue).toContain("('Школа д''Артаньяна'!V2:V<TODAY())");
    expect(f.soon).toContain('TODAY()+14');
    expect(f.share).toMatch(/^=IF\(C3-COUNTIFS\(.*\)>0,D3\/\(C3-COUNTIFS/);
  });
});
