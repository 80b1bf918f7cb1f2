// The role suite (issue 14): every entry point of main.ts × every role × crafted arguments, with the
// spreadsheet and the document properties compared before and after each call. A write outside
// the caller's role — a changed sheet or property the role does not own — is counted; the count
// must be 0. Every refusal must be Russian and say what to do (no English error text).
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetSnapshot } from '../../../preview/gas/types';
import * as main from '../../../src/addon/main';
import { CHART_DATA_KEY, CHART_DATA_SHEET } from '../../../src/addon/report/progress-chart';
import { HISTORY_SHEET } from '../../../src/core/roadmap/history';
import { HISTORY_KEY } from '../../../src/addon/roadmap/history';
import { TIMELINES_KEY } from '../../../src/addon/roadmap/timeline';
import {
  DISTRICT_SHEET, METODIST, PASTED_SHEET, SCHOOL1, SCHOOL1_NAME, SCHOOL1_SHEET, SCHOOL2_SHEET, STRANGER, createWorld, orderRequest, reportRequest, type World,
} from './world';

type EntryName = keyof typeof main;
type Fn = (...args: unknown[]) => unknown;

interface Call {
  name: EntryName;
  /** Arguments; a function gets the world (sheet ids are only known once it exists). */
  args?: unknown[] | ((w: World) => unknown[]);
  /** The active sheet when the call is made (default: the first school's sheet). */
  sheet?: string;
  /** The answer to a prompt or alert the call shows. */
  answer?: { button: string; text?: string };
  label?: string;
}

const SETTINGS_KEY = 'dorozhnayaKarta.roadmap.sheet.';
const SHEETS = [DISTRICT_SHEET, SCHOOL1_SHEET, SCHOOL2_SHEET];

/** The settings sidebar's request with `change` applied to the sheet `name` (others as they are). */
const settings = (change: { name?: string; plan?: [string | null, string | null]; isRoadmap?: boolean; soonDays?: number; requireMark?: boolean }) =>
  (w: World): unknown[] => {
    const view = w.as(METODIST, null, () => main.getRoadmapSettings());
    return [{
      soonDays: change.soonDays ?? view.soonDays,
      requireMark: change.requireMark ?? view.requireMark,
      sheets: view.sheets.map((s) => {
        const mine = s.name === change.name;
        return {
          sheetId: s.sheetId,
          isRoadmap: mine && change.isRoadmap !== undefined ? change.isRoadmap : s.isRoadmap,
          planStart: mine && change.plan ? change.plan[0] : s.planStart,
          planEnd: mine && change.plan ? change.plan[1] : s.planEnd,
        };
      }),
    }];
  };

/** 200 sheet ids the spreadsheet does not have, each registered as a roadmap. */
const fakeSheets = (): unknown[] => [{
  soonDays: 14,
  sheets: Array.from({ length: 200 }, (_, i) => ({ sheetId: 900_000 + i, isRoadmap: true, planStart: '2023-01-01', planEnd: '2023-12-31' })),
}];

const NO_CHOICES = { mapping: [], headerRow: null, firstDataRow: null, rowRoles: [], plan: null };

const CALLS: Call[] = [
  { name: 'onOpen' }, { name: 'onInstall' },
  { name: 'onEdit', args: [{}] }, { name: 'onEdit', args: [{ range: { getSheet: 1 }, value: 'x' }] },
  { name: 'openPanel' }, { name: 'getPanelState' },
  { name: 'openFromPanel', args: ['check'] }, { name: 'openFromPanel', args: ['order'] }, { name: 'openFromPanel', args: ['report'] }, { name: 'openFromPanel', args: ['roadmap-settings'] },
  { name: 'openFromPanel', args: ['district'] },
  { name: 'openCheck' }, { name: 'openRoadmapSettings' }, { name: 'openOrderSidebar' }, { name: 'openRowOrderSidebar' },
  { name: 'openDistribute' }, { name: 'openCheckAll' }, { name: 'getRecognitionReport' }, { name: 'getRoadmapSettings' },
  { name: 'getDistrictState' }, { name: 'checkAllSchools' },
  { name: 'openRequisites' }, { name: 'openRequisitesSheet' }, { name: 'openDistrictRegistry' },
  { name: 'getOrderSetup', args: ['approval'] }, { name: 'getOrderSetup', args: ['row'], sheet: SCHOOL2_SHEET },
  { name: 'selectCell', args: (w) => [w.sheetId(SCHOOL2_SHEET), 3, 2] },
  // crafted: a fix for another school's or the district's cell (and for text the cell does not hold)
  { name: 'fixDeadline', args: (w) => [{ sheetId: w.sheetId(SCHOOL2_SHEET), row: 3, column: 3, text: 'Февраль - март', fix: 'Февраль–март' }], label: "another school's cell" },
  { name: 'fixDeadline', args: (w) => [{ sheetId: w.sheetId(DISTRICT_SHEET), row: 3, column: 3, text: 'Февраль - март', fix: 'Февраль–март' }], label: "the district's cell" },
  { name: 'createRoadmap', answer: { button: 'OK', text: '2025' } },
  { name: 'recognizeTable', sheet: PASTED_SHEET },
  // crafted: corrections that re-map every column, and a «replace» aimed at another school's sheet
  { name: 'previewRecognition', args: (w) => [w.sheetId(PASTED_SHEET), NO_CHOICES], sheet: PASTED_SHEET },
  { name: 'applyRecognition', args: (w) => [w.sheetId(PASTED_SHEET), { ...NO_CHOICES, mapping: [{ column: 1, meaning: 'skip' }] }, w.sheetId(SCHOOL2_SHEET)], sheet: PASTED_SHEET, label: "replacing another school's sheet" },
  { name: 'importFromDoc', answer: { button: 'OK', text: 'https://docs.google.com/document/d/abcdefghijklmnopqrstuvwxyz1234567890/edit' } },
  { name: 'openOrderTemplate' }, // «replace the template?» gets the default answer, YES
  { name: 'createOrderTemplate' },
  { name: 'startDistribution', args: (w) => [w.sheetId(DISTRICT_SHEET)] },
  { name: 'startDistribution', args: (w) => [w.sheetId(SCHOOL2_SHEET)], label: 'a school sheet as the template' },
  { name: 'startDistribution', args: (w) => [w.sheetId(DISTRICT_SHEET), 'all'], label: 'schools edit everything' },
  { name: 'distributeNext' },
  { name: 'openDistrictSummary' }, { name: 'buildDistrictSummary' }, { name: 'buildTimeline', sheet: DISTRICT_SHEET },
  { name: 'buildTimeline', sheet: SCHOOL1_SHEET, label: "the first school's own timeline" },
  { name: 'buildTimeline', sheet: SCHOOL2_SHEET, label: "another school's timeline" },
  { name: 'buildSchoolTimelines' },
  ...SHEETS.flatMap((sheet): Call[] => [
    { name: 'checkRoadmap', sheet }, { name: 'refreshRoadmap', sheet }, { name: 'refreshColours', sheet },
  ]),
  { name: 'createOrder', args: [orderRequest('2')], sheet: DISTRICT_SHEET, label: "the district's order" },
  { name: 'createOrder', args: [orderRequest('3')], sheet: SCHOOL2_SHEET, label: "another school's order" },
  { name: 'createOrder', args: [orderRequest('4')], sheet: SCHOOL1_SHEET, label: "the first school's order" },
  { name: 'createOrder', args: [orderRequest('5', { mode: 'row', row: { sheetName: SCHOOL2_SHEET, sheetRow: 3 } })], sheet: SCHOOL1_SHEET, label: "a row of another school's sheet" },
  { name: 'createOrder', args: [orderRequest('10', { mode: 'row', row: { sheetName: SCHOOL1_SHEET, sheetRow: 3 } })], sheet: SCHOOL1_SHEET, label: "a row of the first school's own sheet (its mark, the history)" },
  { name: 'createOrder', args: [orderRequest('6', { mode: 'row', row: { sheetName: SCHOOL1_SHEET, sheetRow: 3 } })], sheet: DISTRICT_SHEET, label: "the first school's row from the district's sheet" },
  { name: 'createOrder', args: [orderRequest('7', { useTemplate: true })], sheet: DISTRICT_SHEET, label: "the district's template order" },
  { name: 'createOrder', args: [orderRequest('-1')], sheet: SCHOOL1_SHEET, label: 'a number with a formula sign' },
  { name: 'createOrder', args: [orderRequest('8', { date: '2023-02-30' })], sheet: SCHOOL1_SHEET, label: 'an impossible date' },
  { name: 'createOrder', args: [{ ...orderRequest('9'), points: Array.from({ length: 5000 }, () => 'x'.repeat(5000)) }], sheet: SCHOOL1_SHEET, label: 'an oversized list' },
  { name: 'openReportSidebar' }, { name: 'getReportSetup' },
  { name: 'previewReport', args: [reportRequest('district')], label: 'the consolidated report' },
  { name: 'createReport', args: [reportRequest('district')], sheet: DISTRICT_SHEET, label: 'the consolidated report' },
  { name: 'createReport', args: [reportRequest('sheet', DISTRICT_SHEET)], sheet: DISTRICT_SHEET, label: "the district's own report" },
  { name: 'createReport', args: [reportRequest('sheet', SCHOOL1_SHEET)], sheet: SCHOOL1_SHEET, label: "the first school's report" },
  { name: 'createReport', args: [reportRequest('sheet', SCHOOL2_SHEET)], sheet: SCHOOL1_SHEET, label: "another school's report" },
  { name: 'createReport', args: [{ ...reportRequest('sheet', SCHOOL1_SHEET), chart: true }], sheet: SCHOOL1_SHEET, label: "the first school's report with its chart" },
  { name: 'createReport', args: [{ ...reportRequest('sheet', SCHOOL1_SHEET), period: { kind: 'range', start: '2021-02-30', end: '2021-12-31' } }], sheet: SCHOOL1_SHEET, label: 'an impossible date' },
  { name: 'createReport', args: [{ ...reportRequest('sheet', SCHOOL1_SHEET), period: { kind: 'range', start: '2021-12-31', end: '2021-01-01' } }], sheet: SCHOOL1_SHEET, label: 'a period ending before it starts' },
  // Last: the district un-registering its own roadmap would leave its orders without a plan title.
  { name: 'saveRoadmapSettings', args: settings({ soonDays: 60 }), label: 'the «soon» threshold' },
  { name: 'saveRoadmapSettings', args: settings({ requireMark: false }), label: 'the «done without a mark» warning' },
  { name: 'saveRoadmapSettings', args: settings({ name: DISTRICT_SHEET, isRoadmap: false }), label: "un-register the district's roadmap" },
  { name: 'saveRoadmapSettings', args: settings({ name: SCHOOL2_SHEET, plan: ['2020-01-01', '2020-12-31'] }), label: "another school's plan" },
  { name: 'saveRoadmapSettings', args: settings({ name: SCHOOL1_SHEET, plan: ['2021-01-01', '2021-12-31'] }), label: "the first school's plan" },
  { name: 'saveRoadmapSettings', args: fakeSheets, label: '200 sheets that do not exist' },
  // Reminders: reading is open; switching on (which mails every school) is the district's; the
  // trigger's handler, called directly as a crafted request, sends only as the sender it records.
  { name: 'openReminders' }, { name: 'getReminders' },
  { name: 'sendReminders', args: [{ triggerUid: 'crafted' }], label: 'before switching on' },
  { name: 'saveReminders', args: [{ enabled: true, frequency: 'weekly', weekday: 1, monthDay: 1, hour: 8, days: 7, addresses: '' }], label: 'switch on' },
  { name: 'sendReminders', args: [{ triggerUid: 'crafted' }], label: 'after switching on' },
  { name: 'saveReminders', args: [{ enabled: false, frequency: 'weekly', weekday: 1, monthDay: 1, hour: 8, days: 7, addresses: '' }], label: 'switch off' },
];

interface Role {
  name: string;
  user: string;
  /** Sheets this role may change (by name, including sheets it may create). */
  sheets: (w: World) => string[];
  /** Document property keys this role may change. */
  keys: (w: World) => string[];
}

const ALL = (): string[] => ['*'];
const ROLES: Role[] = [
  { name: 'district editor', user: METODIST, sheets: ALL, keys: ALL },
  {
    name: "a school's editor",
    user: SCHOOL1,
    // its sheet, its journal, its timeline; «История изменений» too (a row order writes its line into
    // the row's mark and records it there, as onEdit records the school's edits); and the add-on's
    // hidden chart-data sheet its report's chart is drawn from (the bars of its own report only)
    sheets: () => [SCHOOL1_SHEET, `Журнал приказов — ${SCHOOL1_SHEET}`, `Календарный график — ${SCHOOL1_NAME}`, HISTORY_SHEET, CHART_DATA_SHEET],
    // its sheet's settings, what its own orders remember (orders/preferences.ts, per organisation),
    // the list of the add-on's timelines, where its own timeline is entered, the history sheet's id
    // and the chart sheet's id
    keys: (w) => [`${SETTINGS_KEY}${w.sheetId(SCHOOL1_SHEET)}`, `orders.prefs.${SCHOOL1_NAME}`, `orders.basis.${SCHOOL1_NAME}|*`, TIMELINES_KEY, HISTORY_KEY, CHART_DATA_KEY],
  },
  { name: 'an editor in no registry row', user: STRANGER, sheets: () => [], keys: () => [] },
  { name: 'a caller without an e-mail', user: '', sheets: () => [], keys: () => [] },
];

const sheetMap = (sheets: SheetSnapshot[]): Map<string, string> => new Map(sheets.map((s) => [s.name, JSON.stringify(s)]));

function changedSheets(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n));
}

function changedKeys(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]);
}

/** A refusal a person can act on: Russian, no English error text or type names. */
const ENGLISH = /\b(Exception|Error|undefined|object|string|number|boolean|protected|permission|expected|received|Invalid)\b/;

interface Outcome {
  call: string;
  outside: string[];
  changed: string[];
  refusal: string | null;
}

/**
 * Whether a call may have changed the spreadsheet: it called a method that is not a reader
 * (get…, is…, can…, has…) of a class other than the Ui's and the lock's. Snapshots are costly
 * (every formula and colour rule is evaluated), so calls that only read are not compared.
 */
const QUIET = /^(Ui|Menu|HtmlService|HtmlOutput|Lock|LockService|Logger|Utilities|Session|User)\.|\.(activate|setActive\w*|setCurrentCell|toast)$/;
function mayHaveWritten(before: Record<string, number>, after: Record<string, number>): boolean {
  return Object.keys(after).some((k) => (after[k] ?? 0) > (before[k] ?? 0) && !QUIET.test(k) && !/\.(get|is|can|has)[A-Z]?\w*$/.test(k));
}

function runRole(role: Role): Outcome[] {
  const w = createWorld();
  try {
    const ownSheets = role.sheets(w);
    const ownKeys = role.keys(w);
    const mayChange = (list: string[], item: string) =>
      list.includes('*') || list.some((allowed) => allowed === item || (allowed.endsWith('*') && item.startsWith(allowed.slice(0, -1))));
    let sheets = ownSheets.includes('*') ? new Map<string, string>() : sheetMap(w.snapshot().sheets);
    return CALLS.map((call) => {
      const args = typeof call.args === 'function' ? call.args(w) : (call.args ?? []);
      const props = w.properties();
      const calls = w.runtime.calls.snapshot();
      const alerts = w.runtime.uiEvents.length;
      if (call.answer) w.runtime.answerNext(call.answer);
      let refusal: string | null = null;
      try {
        w.as(role.user, call.sheet ?? SCHOOL1_SHEET, () => (main[call.name] as Fn)(...args));
      } catch (error) {
        refusal = error instanceof Error ? error.message : String(error);
      }
      // A menu action shows its refusal as an alert, and writes nothing.
      const alert = w.runtime.uiEvents.slice(alerts).filter((e) => e.type === 'alert').at(-1);
      const shown = alert && alert.type === 'alert' ? alert.message : null;
      let changed: string[] = [];
      // The district may change anything: its calls need no comparison.
      if (!ownSheets.includes('*') && mayHaveWritten(calls, w.runtime.calls.snapshot())) {
        const after = sheetMap(w.snapshot().sheets);
        changed = changedSheets(sheets, after);
        sheets = after;
      }
      const keys = changedKeys(props, w.properties());
      if (!refusal && shown && !changed.length && !keys.length) refusal = shown;
      const outside = [...changed.filter((s) => !mayChange(ownSheets, s)).map((s) => `лист «${s}»`), ...keys.filter((k) => !mayChange(ownKeys, k)).map((k) => `свойство ${k}`)];
      return { call: `${call.name}${call.label ? ` (${call.label})` : ''} on «${call.sheet ?? SCHOOL1_SHEET}»`, outside, changed: [...changed, ...keys], refusal };
    });
  } finally {
    w.dispose();
  }
}

const results = new Map<string, Outcome[]>();
const outcomes = (role: Role): Outcome[] => {
  if (!results.has(role.name)) results.set(role.name, runRole(role));
  return results.get(role.name)!;
};

describe('role suite: every entry point × every role × crafted arguments', () => {
  it('covers every entry point of main.ts', () => {
    const called = new Set(CALLS.map((c) => c.name));
    expect(Object.keys(main).filter((n) => !called.has(n as EntryName))).toEqual([]);
  });

  it.each(ROLES)('$name: writes outside the role = 0', (role) => {
    const out = outcomes(role).filter((o) => o.outside.length).map((o) => `${o.call}: ${o.outside.join(', ')}`);
    expect(out).toEqual([]);
  }, 120_000);

  it.each(ROLES)('$name: every refusal is Russian and names no English type', (role) => {
    const bad = outcomes(role).filter((o) => o.refusal && (ENGLISH.test(o.refusal) || !/[а-яё]/i.test(o.refusal)));
    expect(bad.map((o) => `${o.call}: ${o.refusal}`)).toEqual([]);
  });

  it('the district editor is refused only what nobody may do', () => {
    const refused = outcomes(ROLES[0]!).filter((o) => o.refusal).map((o) => o.call);
    // the crafted arguments (a fix for text the cell does not hold), a school's order, a Doc that
    // does not exist, a distribution that is not running; every other call does what it says
    expect(refused).toEqual([
      'openFromPanel on «Школа 1»',
      "fixDeadline (another school's cell) on «Школа 1»",
      "fixDeadline (the district's cell) on «Школа 1»",
      'importFromDoc on «Школа 1»',
      'distributeNext on «Школа 1»',
      "createOrder (another school's order) on «Школа 2»",
      "createOrder (the first school's order) on «Школа 1»",
      "createOrder (a row of another school's sheet) on «Школа 1»",
      "createOrder (a row of the first school's own sheet (its mark, the history)) on «Школа 1»",
      "createOrder (the first school's row from the district's sheet) on «Район»",
      'createOrder (a number with a formula sign) on «Школа 1»',
      'createOrder (an impossible date) on «Школа 1»',
      'createOrder (an oversized list) on «Школа 1»',
      "createReport (the first school's report) on «Школа 1»",
      "createReport (another school's report) on «Школа 1»",
      "createReport (the first school's report with its chart) on «Школа 1»",
      'createReport (an impossible date) on «Школа 1»',
      'createReport (a period ending before it starts) on «Школа 1»',
      'saveRoadmapSettings (200 sheets that do not exist) on «Школа 1»',
    ]);
  });

  it("a school's editor checks and recolours its own sheet, sets its own plan and journals its own order", () => {
    const own = outcomes(ROLES[1]!);
    const byCall = (call: string) => own.find((o) => o.call === call)!;
    for (const call of ['checkRoadmap on «Школа 1»', 'refreshRoadmap on «Школа 1»', 'refreshColours on «Школа 1»', "saveRoadmapSettings (the first school's plan) on «Школа 1»"]) {
      expect(byCall(call).refusal, call).toBeNull();
    }
    const order = byCall("createOrder (the first school's order) on «Школа 1»");
    expect(order.refusal).toBeNull();
    expect(order.changed).toEqual(['Журнал приказов — Школа 1', `orders.prefs.${SCHOOL1_NAME}`]);
    const report = byCall("createReport (the first school's report) on «Школа 1»");
    expect(report.refusal).toBeNull();
    expect(report.changed).toEqual(['Журнал приказов — Школа 1']);
    const charted = byCall("createReport (the first school's report with its chart) on «Школа 1»");
    expect(charted.refusal).toBeNull();
    expect(charted.changed).toEqual(['Журнал приказов — Школа 1', CHART_DATA_SHEET, CHART_DATA_KEY]);
    expect(byCall("createReport (the consolidated report) on «Район»").refusal).toMatch(/^Сводный отчёт района формируют сотрудники района/);
    // A row order: its line in the row's mark on the school's own sheet, recorded in the history.
    const rowOrder = byCall("createOrder (a row of the first school's own sheet (its mark, the history)) on «Школа 1»");
    expect(rowOrder.refusal).toBeNull();
    expect(rowOrder.changed).toEqual(expect.arrayContaining([SCHOOL1_SHEET, 'Журнал приказов — Школа 1', HISTORY_SHEET]));
  });

  it('reminders: only the district switches them on or off; everyone may look', () => {
    const call = (role: Role, name: string) => outcomes(role).find((o) => o.call === `${name} on «Школа 1»`)!;
    expect(call(ROLES[0]!, 'saveReminders (switch on)').refusal).toBeNull();
    expect(call(ROLES[0]!, 'saveReminders (switch off)').refusal).toBeNull();
    for (const role of ROLES.slice(1)) {
      expect(call(role, 'saveReminders (switch on)').refusal, role.name).toMatch(/район/);
      expect(call(role, 'saveReminders (switch on)').changed, role.name).toEqual([]);
      expect(call(role, 'getReminders').refusal, role.name).toBeNull();
    }
  });

  afterAll(() => {
    const lines = ROLES.map((r) => {
      const o = results.get(r.name) ?? [];
      const english = o.filter((x) => x.refusal && (ENGLISH.test(x.refusal) || !/[а-яё]/i.test(x.refusal))).length;
      return `${r.name}: ${o.length} calls, ${o.filter((x) => x.refusal).length} refused (${english} not in Russian), ${o.filter((x) => x.outside.length).length} with writes outside the role`;
    });
    console.log(`Role suite (${CALLS.length} crafted calls per role):\n${lines.join('\n')}`);
    if (process.env.ROLES_VERBOSE) for (const [name, list] of results) for (const o of list) console.log(`${name} | ${o.call} | ${o.refusal ?? '—'} | ${o.changed.join(', ')}`);
  });
});
