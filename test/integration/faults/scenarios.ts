// The actions of the fault suite, each in a world seeded as a person would have it just before
// pressing the button: real fixture roadmaps, a district of three schools after a distribution.
import type { OrderRequest } from '../../../src/contract/orders';
import type { ReportRequest } from '../../../src/contract/report';
import { createReport } from '../../../src/addon/report/endpoints';
import { NO_CHART_WARNING, PENDING_REPORT_NAME } from '../../../src/addon/report/create';
import { onEdit, recognizeTable, refreshColours } from '../../../src/addon/roadmap/actions';
import { createOrder, createOrderTemplate } from '../../../src/addon/orders/endpoints';
import { buildSchoolTimelines, checkAllSchools, distributeNext, openDistrictSummary, startDistributionEndpoint } from '../../../src/addon/district/actions';
import { buildTimeline } from '../../../src/addon/roadmap/timeline';
import { pendingDistribution } from '../../../src/addon/district/distribute';
import { continueDistribution, startDistribution } from '../../../src/addon/district/distribute';
import { JOURNAL_SHEET } from '../../../src/core/order/journal';
import type { DocSnapshot, GasRuntime } from '../../../preview/gas';
import { PENDING_DOC_NAME } from '../../../src/addon/orders/create';
import { createHarness, fixture as roadmapFixture } from '../roadmap/harness';
import { DERBENT_ORG, ROADMAP_SHEET, TODAY, canonicalFromFixture, newRuntime, orgRows } from '../orders/helpers';
import { createDistrict, fixture as districtFixture, registryRows, withRequisites, OWNER, METODIST, SCHOOL1, SCHOOL2, SCHOOL3 } from '../district/harness';
import { eachSheetWhole, type Outcome, type Scenario, type World } from './harness';

/** A menu action: an alert is its failure; otherwise the last toast is what it said. */
function menu(rt: GasRuntime, fn: () => void, mode: 'FULL' | 'LIMITED' = 'FULL'): Outcome {
  const from = rt.uiEvents.length;
  try {
    rt.run(mode, fn);
  } catch (error) {
    // The alert itself failed: Apps Script shows the error in its own box.
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const events = rt.uiEvents.slice(from);
  const alert = events.find((e) => e.type === 'alert');
  if (alert && alert.type === 'alert') return { ok: false, message: alert.message };
  const toast = events.filter((e) => e.type === 'toast').pop();
  return { ok: true, message: toast && toast.type === 'toast' ? toast.message : '' };
}

/** A sidebar call: a thrown error is what the sidebar shows. */
function endpoint(rt: GasRuntime, fn: () => unknown, describe: (result: unknown) => string = () => ''): Outcome {
  try {
    return { ok: true, message: describe(rt.run('FULL', fn)) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

// ---- Roadmap: recognise, refresh, onEdit ----

const PASTED = 'Вставка';
const CANONICAL = `${PASTED} — дорожная карта`;

interface RoadmapWorld extends World {
  activate(name: string): void;
  edit?: GoogleAppsScript.Events.SheetsOnEdit;
}

function roadmapWorld(recognised: boolean): RoadmapWorld {
  const h = createHarness('2023-06-10');
  h.runtime.seedSheet(PASTED, roadmapFixture('derbent-2023').cells);
  const activate = (name: string) => h.run(() => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!.activate());
  activate(PASTED);
  if (recognised) h.run(() => recognizeTable());
  return { rt: h.runtime, dispose: h.dispose, activate };
}

/** Deadline column (1-based) of the canonical sheet. */
const DEADLINE = 3;

export const recognise: Scenario<RoadmapWorld> = {
  name: 'recognise',
  setup: () => roadmapWorld(false),
  act: (w) => menu(w.rt, () => recognizeTable()),
  // The person goes back to the pasted table and presses again.
  rerun: (w) => {
    w.activate(PASTED);
    return menu(w.rt, () => recognizeTable());
  },
};

export const refresh: Scenario<RoadmapWorld> = {
  name: 'refresh (colours)',
  setup: () => {
    const w = roadmapWorld(true);
    // Deadlines typed while onEdit did not run: the helper columns are stale until a refresh.
    w.rt.userEdit(CANONICAL, 3, DEADLINE, 'До 01.03.2023');
    w.rt.userEdit(CANONICAL, 5, DEADLINE, 'мартобря');
    w.activate(CANONICAL);
    return w;
  },
  act: (w) => menu(w.rt, () => refreshColours()),
};

export const editTrigger: Scenario<RoadmapWorld> = {
  name: 'onEdit',
  setup: () => {
    const w = roadmapWorld(true);
    w.edit = w.rt.userEdit(CANONICAL, 3, DEADLINE, 'До 01.03.2023');
    return w;
  },
  act: (w) => menu(w.rt, () => onEdit(w.edit), 'LIMITED'),
  // The person goes on working: the next edit, of another row.
  rerun: (w) => {
    const e = w.rt.userEdit(CANONICAL, 6, DEADLINE, 'Июнь 2023');
    return menu(w.rt, () => onEdit(e), 'LIMITED');
  },
  rerunAddsWork: true,
};

// ---- Orders ----

const ORDER: OrderRequest = {
  mode: 'approval',
  date: TODAY,
  number: '17-од',
  dateStyle: 'long',
  heading: '',
  basis: '',
  points: ['Утвердить план мероприятий (приложение № 1).', 'Контроль за исполнением настоящего приказа оставляю за собой.'],
  signatory: { position: 'Начальник', name: 'Гаджибекова Саида Алиевна' },
  appendix: 'all',
  sections: [],
  row: null,
  useTemplate: false,
  acceptRoadmapProblems: true,
};

function orderWorld(template: boolean): World {
  const rt = newRuntime();
  rt.seedSheet(ROADMAP_SHEET, canonicalFromFixture('derbent-2023').values);
  rt.seedSheet('Организации', orgRows([DERBENT_ORG]));
  const uninstall = rt.install();
  if (template) rt.run('FULL', () => createOrderTemplate());
  return { rt, dispose: uninstall };
}

/**
 * A Doc the add-on could not remove is acceptable only when the journal lists it (its link, marked
 * unfinished) and the message gives the same link. One exception Google leaves no way around: a
 * Doc whose creation succeeded while Google reported a failure is never seen by the add-on; it is
 * blank and carries no number (PENDING_DOC_NAME), and the journal is untouched.
 */
const warningsOf = (r: unknown): string => (r as { warnings: string[] }).warnings.join(' ');

const blankPending = (d: DocSnapshot): boolean => d.name === PENDING_DOC_NAME && d.body.every((b) => b.type === 'paragraph' && b.text === '');

function docsAccountedFor(w: World, outcome: Outcome): boolean | 'final' {
  // The Docs API step after the Doc is saved (merged section rows, repeated table header) is the
  // orders renderer's: when Google fails it, the order is complete without those touches, finished
  // in the journal, and the warning says what to fix by hand. Pressing again would be a duplicate.
  if (outcome.ok) return /Docs API не выполнил оформление/.test(outcome.message) && w.rt.documents().length > 0 ? 'final' : false;
  const journal = w.rt.snapshot().sheets.find((s) => s.name === JOURNAL_SHEET);
  const rows = (journal?.cells ?? []).map((r) => r.map((c) => c?.text ?? '').join('\t'));
  const created = w.rt.documents().filter((d) => !/Шаблон/.test(d.name));
  const listed = (d: DocSnapshot) => outcome.message.includes(d.url) && rows.some((r) => r.includes(d.url) && /не заверш/i.test(r));
  const unfinishedRows = rows.filter((r) => /создаётся|не заверш/.test(r));
  return !outcome.ok && created.length > 0 && created.every(listed) &&
    unfinishedRows.every((r) => created.some((d) => r.includes(d.url)));
}

export const order: Scenario = {
  name: 'order',
  setup: () => orderWorld(false),
  act: (w) => endpoint(w.rt, () => createOrder(ORDER), warningsOf),
  recorded: docsAccountedFor,
  unavoidable: blankPending,
};

export const templateOrder: Scenario = {
  name: 'template order',
  setup: () => orderWorld(true),
  act: (w) => endpoint(w.rt, () => createOrder({ ...ORDER, useTemplate: true }), warningsOf),
  recorded: docsAccountedFor,
  maxRuns: 160,
  unavoidable: blankPending,
};

/** «Приказ по выделенной строке» for derbent's «2.1. Подготовка Приказа … «О внедрении …»»: its line and link go into the row's mark. */
const ROW_ITEMS = canonicalFromFixture('derbent-2023').items;
const ROW_INDEX = ROW_ITEMS.findIndex((i) => /^Приказ/.test(i.result));
const ROW_ORDER: OrderRequest = {
  ...ORDER,
  mode: 'row',
  number: '18-од',
  points: ['Обеспечить внедрение целевой модели наставничества.'],
  row: { sheetName: ROADMAP_SHEET, sheetRow: ROW_INDEX + 3, number: ROW_ITEMS[ROW_INDEX]!.number, activity: ROW_ITEMS[ROW_INDEX]!.activity },
};

export const rowOrder: Scenario = {
  name: 'row order (mark)',
  setup: () => {
    const w = orderWorld(false);
    // What the person typed in the mark stays, whatever fails.
    w.rt.userEdit(ROADMAP_SHEET, ROW_INDEX + 3, 8, 'Проект приказа согласован');
    return w;
  },
  act: (w) => endpoint(w.rt, () => createOrder(ROW_ORDER), warningsOf),
  recorded: docsAccountedFor,
  unavoidable: blankPending,
};

// ---- Progress reports: one roadmap's, the district's consolidated one ----

const report = (scope: 'sheet' | 'district', sheetName: string): ReportRequest => ({
  scope, sheetName, period: { kind: 'year', year: 2023 }, schoolItems: true, lastChanges: true, chart: true, dateStyle: 'long', signatory: { position: '', name: '' },
});
const blankPendingReport = (d: DocSnapshot): boolean => d.name === PENDING_REPORT_NAME && d.body.every((b) => b.type === 'paragraph' && b.text === '');

/** As an order's, and: a report Google would not draw the chart for is finished without it, and says so. */
function reportAccountedFor(w: World, outcome: Outcome): boolean | 'final' {
  if (outcome.ok && outcome.message.includes(NO_CHART_WARNING) && w.rt.documents().length > 0) return 'final';
  return docsAccountedFor(w, outcome);
}

export const roadmapReport: Scenario = {
  name: 'report',
  setup: () => orderWorld(false),
  act: (w) => endpoint(w.rt, () => createReport(report('sheet', ROADMAP_SHEET)), warningsOf),
  recorded: reportAccountedFor,
  unavoidable: blankPendingReport,
};

// ---- District: summary, check-all ----

const REGISTRY = registryRows([
  ['Управление образования', 'Район', `${OWNER}, ${METODIST}`],
  ['МБОУ «СОШ № 1»', 'Школа 1', SCHOOL1],
  ['МБОУ «СОШ № 2»', 'Школа 2', SCHOOL2],
  ['МБОУ «Калиновская ООШ»', 'Калиновская', SCHOOL3],
]);

interface DistrictWorld extends World {
  templateId: number;
}

function districtWorld(distributed = true, registry = REGISTRY): DistrictWorld {
  const d = createDistrict('2023-06-10', districtFixture('derbent-2023'), registry);
  if (distributed) {
    d.run(() => {
      let p = startDistribution(d.ss(), d.templateId);
      while (!p.finished) p = continueDistribution(d.ss());
    });
  }
  return { rt: d.runtime, dispose: d.dispose, templateId: d.templateId };
}

/** «Разослать» in the sidebar: start, then one batch after another until finished. */
function distribution(w: DistrictWorld, resume: boolean): Outcome {
  return endpoint(w.rt, () => {
    let p = resume && pendingDistribution() ? distributeNext() : startDistributionEndpoint(w.templateId);
    while (!p.finished) p = distributeNext();
    return p;
  }, (p) => [(p as { message: string }).message, ...(p as { lines: string[] }).lines].join('\n'));
}

/** Some schools done, the others as before, and the person told which failed (or to continue). */
const schoolsWholeAndTold = (_w: World, outcome: Outcome, states: Parameters<typeof eachSheetWhole>[0]): boolean =>
  eachSheetWhole(states) && (!outcome.ok || /Не удалось|не удалось/.test(outcome.message));

export const distribute: Scenario<DistrictWorld> = {
  name: 'distribute',
  setup: () => districtWorld(false),
  act: (w) => distribution(w, false),
  // The sidebar offers to continue an interrupted run; otherwise the person starts again.
  rerun: (w) => distribution(w, true),
  recorded: schoolsWholeAndTold,
  maxRuns: 40,
};

export const rerunDistribution: Scenario<DistrictWorld> = {
  name: 'rerun (distribute again)',
  setup: () => {
    const w = districtWorld(true);
    // A school marked a row done; the district added a row to its template.
    w.rt.userEdit('Школа 1', 4, 6, 'Выполнено', { user: SCHOOL1 });
    w.rt.run('FULL', () => {
      const t = SpreadsheetApp.getActiveSpreadsheet().getSheetById(w.templateId)!;
      t.insertRowsAfter(4, 1);
      t.getRange(5, 1, 1, 6).setValues([['1.1.1.', 'Новое мероприятие района', 'Апрель 2023', 'Директор', 'Приказ', 'Не начато']]);
    });
    return w;
  },
  act: (w) => distribution(w, false),
  rerun: (w) => distribution(w, true),
  recorded: schoolsWholeAndTold,
  maxRuns: 40,
};

export const summary: Scenario = {
  name: 'summary («Свод»)',
  setup: () => {
    const w = districtWorld();
    menu(w.rt, () => openDistrictSummary());
    // The registry changed since: the next «Свод» differs from the one on the sheet.
    w.rt.userEdit('Организации', 3, 1, 'МБОУ «СОШ № 1 им. А. С. Пушкина»', { user: OWNER });
    w.rt.userEdit('Школа 2', 5, 6, 'Выполнено', { user: SCHOOL2 });
    return w;
  },
  act: (w) => menu(w.rt, () => openDistrictSummary()),
  maxRuns: 40,
};

export const checkAll: Scenario = {
  name: 'check-all',
  setup: () => districtWorld(),
  readOnly: true,
  act: (w) => endpoint(w.rt, () => checkAllSchools(), (r) =>
    (r as { schools: { note: string | null }[] }).schools.flatMap((s) => (s.note ? [s.note] : [])).join(' ')),
};

export const districtReport: Scenario<DistrictWorld> = {
  name: 'district report',
  setup: () => {
    const w = districtWorld(true, withRequisites(REGISTRY));
    // A school's status edit recorded by onEdit: the report reads each organisation's last change too.
    const e = w.rt.userEdit('Школа 2', 5, 6, 'Выполнено', { user: SCHOOL2 });
    w.rt.run('LIMITED', () => onEdit(e), { user: SCHOOL2 });
    return w;
  },
  act: (w) => endpoint(w.rt, () => createReport(report('district', 'Район')), warningsOf),
  recorded: reportAccountedFor,
  // Each school's sheet is read the same way: every kind of call still fails at least once.
  maxRuns: 60,
  unavoidable: blankPendingReport,
};

/** A school's timeline rebuilt after the school added an activity: the old one stays until the new one is whole. */
export const schoolTimeline: Scenario = {
  name: 'school timeline',
  setup: () => {
    const w = districtWorld();
    const inSchool1 = () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Школа 1')!.activate();
    w.rt.run('FULL', inSchool1);
    menu(w.rt, () => buildTimeline());
    // The school adds an activity (typed in one paste, so no onEdit per cell).
    w.rt.run('FULL', () => {
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Школа 1')!;
      sheet.getRange(sheet.getLastRow() + 1, 1, 1, 3).setValues([['9.9.', 'Новое мероприятие школы', 'Декабрь 2023 - январь 2024']]);
    }, { user: SCHOOL1 });
    // The helper columns as a refresh leaves them (onEdit checks one row; numbering needs the sheet).
    w.rt.run('FULL', inSchool1);
    menu(w.rt, () => refreshColours());
    return w;
  },
  act: (w) => menu(w.rt, () => buildTimeline(), 'FULL'),
  maxRuns: 40,
  // A district distributed in every run's world: slow under a full parallel test run.
  timeoutMs: 120_000,
};

/** «Календарные графики школ»: every school's timeline, batch after batch. */
export const schoolTimelines: Scenario = {
  name: 'school timelines (all schools)',
  setup: () => districtWorld(),
  act: (w) => menu(w.rt, () => buildSchoolTimelines()),
  recorded: (_w, outcome, states) => eachSheetWhole(states) && (!outcome.ok || /Не построены/.test(outcome.message)),
  maxRuns: 40,
  timeoutMs: 120_000,
};

export const ALL = [recognise, refresh, editTrigger, order, rowOrder, templateOrder, roadmapReport, districtReport, summary, checkAll, distribute, rerunDistribution, schoolTimeline, schoolTimelines] as Scenario<never>[];
