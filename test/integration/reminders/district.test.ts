// Reminders in district mode (issue 15): each school's editors get their own school's items only;
// the district gets one digest grouped by school; the quota goes to the district first, then to
// the schools with the most overdue items; a deleted school sheet is logged, never thrown.
import { afterEach, describe, expect, it } from 'vitest';
import * as main from '../../../src/addon/main';
import { CANONICAL_COLUMNS } from '../../../src/core/roadmap';
import { ORG_COLUMNS } from '../../../src/core/org';
import { REMINDERS_LOG_KEY } from '../../../src/addon/reminders/store';
import { METODIST, OWNER, SCHOOL1, SCHOOL1_SHEET, SCHOOL2, SCHOOL2_SHEET, createWorld, type World } from '../roles/world';

const STATUS = CANONICAL_COLUMNS.findIndex((c) => c.key === 'status') + 1;
const DEADLINE = CANONICAL_COLUMNS.findIndex((c) => c.key === 'deadline') + 1;
// The world's clock stands at 09:00 Moscow on Wednesday 15 March 2023.
const ON = { enabled: true, frequency: 'weekly' as const, weekday: 3, monthDay: 1, hour: 9, days: 14, addresses: '' };

let w: World;
afterEach(() => w?.dispose());

/** 1-based rows of the items (not sections) of a school sheet. */
function itemRows(sheet: string): number[] {
  const s = w.snapshot().sheets.find((x) => x.name === sheet)!;
  const kind = CANONICAL_COLUMNS.findIndex((c) => c.key === 'helperKind');
  return s.cells.flatMap((r, i) => (i > 0 && r[kind]?.text && r[kind]?.text !== 'section' && r[kind]?.text !== 'Тип срока' ? [i + 1] : []));
}

function setUp(): { first: number; second: number } {
  w = createWorld();
  const [first, second] = itemRows(SCHOOL1_SHEET);
  // School 1 reports its first item done; school 2 moves its second item's deadline into the next fortnight.
  w.runtime.userEdit(SCHOOL1_SHEET, first!, STATUS, 'Выполнено', { user: SCHOOL1 });
  w.runtime.userEdit(SCHOOL2_SHEET, second!, DEADLINE, 'до 20.03.2023', { user: SCHOOL2 });
  w.as(SCHOOL2, SCHOOL2_SHEET, () => main.refreshRoadmap());
  return { first: first!, second: second! };
}
const fire = () => w.runtime.fireClockTriggers({ sendReminders: main.sendReminders as (e: unknown) => unknown });
const log = () => (JSON.parse(w.properties()[REMINDERS_LOG_KEY] ?? '{"lines":[]}') as { lines: string[] }).lines;

describe('district reminders', () => {
  it('each school gets its own items only; the district gets every school, grouped', () => {
    const { first, second } = setUp();
    const state = w.as(METODIST, null, () => main.saveReminders(ON));
    expect(state.districtMode).toBe(true);
    expect(state.recipients.map((r) => [r.label, r.emails])).toEqual([
      ['«МКУ «Управление образования» МР «Дербентский район»» (район)', [OWNER, METODIST]],
      ['«МБОУ «СОШ № 1»»', [SCHOOL1]],
      ['«МБОУ «СОШ № 2»»', [SCHOOL2]],
    ]);
    const sentBefore = w.runtime.sentMail().length;
    fire();
    const mail = w.runtime.sentMail().slice(sentBefore);
    const to = (who: string) => mail.filter((m) => m.to.includes(who));
    expect(to(SCHOOL1)).toHaveLength(1);
    expect(to(SCHOOL2)).toHaveLength(1);
    const ids = { one: w.sheetId(SCHOOL1_SHEET), two: w.sheetId(SCHOOL2_SHEET) };
    const school1 = to(SCHOOL1)[0]!;
    const school2 = to(SCHOOL2)[0]!;
    // Links point only into the school's own sheet.
    expect(school1.htmlBody).toContain(`#gid=${ids.one}&amp;range=`);
    expect(school1.htmlBody).not.toContain(`#gid=${ids.two}`);
    expect(school2.htmlBody).not.toContain(`#gid=${ids.one}`);
    // School 1's done item is not reminded of; school 2's moved deadline is due soon, for school 2 only.
    expect(school1.body).not.toContain(`строка ${first}:`);
    expect(school2.body).toContain(`строка ${first}:`);
    expect(school2.body).toMatch(new RegExp(`Срок истекает в ближайшие 14 дней \\(по 29\\.03\\.2023\\):\\n1\\) строка ${second}: .*\\(до 20\\.03\\.2023\\)`));
    expect(school1.body).not.toContain('до 20.03.2023');
    expect(school1.subject).toMatch(/^Дорожная карта «МБОУ «СОШ № 1»»: просрочено — \d+, срок в ближайшие 14 дней — 0/);
    // The district: one message to its editors, the schools as sections, the one with more overdue first.
    const district = to(METODIST);
    expect(district).toHaveLength(1);
    expect(district[0]!.to).toEqual([OWNER, METODIST]);
    const body = district[0]!.body;
    const at1 = body.indexOf('«МБОУ «СОШ № 1»», лист «Школа 1»');
    const at2 = body.indexOf('«МБОУ «СОШ № 2»», лист «Школа 2»');
    expect(at1).toBeGreaterThan(0);
    expect(at2).toBeGreaterThan(0);
    expect(body).toContain('(район), лист «Район»');
    // Equal overdue counts; school 2 has an item due soon, so it comes first.
    expect(at2).toBeLessThan(at1);
  });

  it('at the quota: the district first, then the school with the most overdue; the rest logged', () => {
    setUp();
    w.as(METODIST, null, () => main.saveReminders(ON));
    w.runtime.setMailQuota(3); // the district's two editors and one school
    const before = w.runtime.sentMail().length;
    expect(() => fire()).not.toThrow();
    const mail = w.runtime.sentMail().slice(before);
    expect(mail.map((m) => m.to)).toEqual([[OWNER, METODIST], [SCHOOL2]]);
    expect(mail.reduce((n, m) => n + m.to.length, 0)).toBeLessThanOrEqual(3);
    expect(log()[0]).toMatch(/Не отправлено из-за суточного лимита Google .*: «МБОУ «СОШ № 1»» — эти адресаты получат следующую рассылку\..*можно отправить ещё 0 получателям\./);
  });

  it('a deleted school sheet is logged; the others still get theirs', () => {
    setUp();
    w.as(METODIST, null, () => main.saveReminders(ON));
    w.as(OWNER, null, () => SpreadsheetApp.getActiveSpreadsheet().deleteSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SCHOOL1_SHEET)!));
    const before = w.runtime.sentMail().length;
    expect(() => fire()).not.toThrow();
    const mail = w.runtime.sentMail().slice(before);
    expect(mail.some((m) => m.to.includes(SCHOOL1))).toBe(false);
    expect(mail.some((m) => m.to.includes(SCHOOL2))).toBe(true);
    expect(log()[0]).toMatch(/«МБОУ «СОШ № 1»»: лист «Школа 1» не найден/);
  });

  it('a sender taken off the district\'s row stops: the trigger deletes itself and reminders go off', () => {
    setUp();
    w.as(METODIST, null, () => main.saveReminders(ON));
    // The district's row now lists the owner only.
    w.runtime.userEdit('Организации', 2, ORG_COLUMNS.findIndex((c) => c.field === 'editors') + 1, OWNER, { user: OWNER });
    const before = w.runtime.sentMail().length;
    expect(() => fire()).not.toThrow();
    expect(w.runtime.sentMail().length).toBe(before);
    expect(w.runtime.triggers()).toEqual([]);
    expect(log()[0]).toMatch(/рассылка выключена: metodist@example\.org больше не указан среди сотрудников района/);
    expect(w.as(OWNER, null, () => main.getReminders()).enabled).toBe(false);
  });

  it('a school editor cannot switch the district\'s reminders off', () => {
    setUp();
    w.as(METODIST, null, () => main.saveReminders(ON));
    expect(() => w.as(SCHOOL1, SCHOOL1_SHEET, () => main.saveReminders({ ...ON, enabled: false }))).toThrow(/район/);
    expect(w.runtime.triggers()).toHaveLength(1);
    const view = w.as(SCHOOL1, SCHOOL1_SHEET, () => main.getReminders());
    expect(view.mayChange).toBe(false);
    expect(view.refusal).toMatch(/Напоминания настраивают сотрудники района/);
  });
});
