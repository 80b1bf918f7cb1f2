// A district after «Разослать школам», «Свод» and one district order, as the role suite meets it:
// the owner and a district editor, two schools with one editor each, an editor of the spreadsheet
// who is in no registry row, and a caller Google gives no e-mail for. Everything goes through the
// add-on's real entry points (main.ts), as google.script.run and the menu call them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGasRuntime, type GasRuntime } from '../../../preview/gas/index';
import type { WorkbookSnapshot } from '../../../preview/gas/types';
import * as main from '../../../src/addon/main';
import { ORG_COLUMNS, type OrgField } from '../../../src/core/org';
import { recognizeRoadmap } from '../../../src/core/roadmap';
import { canonicalItems } from '../../../src/addon/roadmap/recognize';
import { prepareCanonical, writeCanonicalSheet } from '../../../src/addon/roadmap/canonical-sheet';
import type { OrderRequest } from '../../../src/contract/orders';
import type { ReportRequest } from '../../../src/contract/report';
import { DERBENT_REQUISITES } from '../../fixtures/requisites';

export const OWNER = 'rono@example.org';
export const METODIST = 'metodist@example.org';
export const SCHOOL1 = 'school1@example.org';
export const SCHOOL2 = 'school2@example.org';
export const STRANGER = 'stranger@example.org';
export const TODAY = '2023-03-15';

export const DISTRICT_SHEET = 'Район';
export const SCHOOL1_SHEET = 'Школа 1';
export const SCHOOL2_SHEET = 'Школа 2';
export const SCHOOL1_NAME = 'МБОУ «СОШ № 1»';
/** A table pasted by someone, not yet recognised. */
export const PASTED_SHEET = 'Вставка';

type Row = Partial<Record<OrgField, string>>;

/** «Организации» with full requisites for every organisation (so that refusals are about roles only). */
function registry(): string[][] {
  const header = ORG_COLUMNS.map((c) => c.header);
  const rows: Row[] = [
    { ...DERBENT_REQUISITES, roadmapSheet: DISTRICT_SHEET, editors: `${OWNER}, ${METODIST}` },
    { ...DERBENT_REQUISITES, shortName: SCHOOL1_NAME, fullName: 'МБОУ «СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 1»', headPosition: 'Директор', headName: 'Алиева Марина Руслановна', roadmapSheet: SCHOOL1_SHEET, editors: SCHOOL1 },
    { ...DERBENT_REQUISITES, shortName: 'МБОУ «СОШ № 2»', fullName: 'МБОУ «СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 2»', headPosition: 'Директор', headName: 'Исаев Руслан Магомедович', roadmapSheet: SCHOOL2_SHEET, editors: SCHOOL2 },
  ];
  return [header, ...rows.map((r) => ORG_COLUMNS.map((c) => r[c.field] ?? ''))];
}

function fixtureCells(): { cells: unknown[][]; name: string; plan: [string, string] } {
  const url = new URL('../../fixtures/roadmaps/khabez-2021.json', import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as { cells: unknown[][]; name: string; plan: [string, string] };
}

/** What the report sidebar sends: the year 2021 of the (2021) plan. */
export function reportRequest(scope: 'sheet' | 'district', sheetName = DISTRICT_SHEET): ReportRequest {
  return { scope, sheetName, period: { kind: 'year', year: 2021 }, schoolItems: true, lastChanges: true, chart: false, dateStyle: 'long', signatory: { position: '', name: '' } };
}

/** What the order sidebar sends when the person accepts the defaults. */
export function orderRequest(number: string, extra: Partial<OrderRequest> = {}): OrderRequest {
  return {
    mode: 'approval', date: TODAY, number, dateStyle: 'long', heading: '', basis: '',
    points: ['Утвердить план мероприятий (дорожную карту) (приложение № 1).'],
    signatory: { position: 'Начальник', name: DERBENT_REQUISITES.headName },
    appendix: 'all', sections: [], row: null, useTemplate: false, acceptRoadmapProblems: true,
    ...extra,
  };
}

export interface World {
  runtime: GasRuntime;
  /** Runs an entry point as `user` ('' = Google gives no e-mail) with `sheet` active. */
  as<T>(user: string, sheet: string | null, fn: () => T): T;
  sheetId(name: string): number;
  snapshot(): WorkbookSnapshot;
  properties(): Record<string, string>;
  dispose(): void;
}

export function createWorld(): World {
  const now = new Date(`${TODAY}T09:00:00+03:00`);
  const runtime = createGasRuntime({ now: () => now, timeZone: 'Europe/Moscow', owner: OWNER, user: OWNER, htmlFile: (p) => `<p>${p}</p>` });
  const uninstall = runtime.install();
  const ss = () => SpreadsheetApp.getActiveSpreadsheet();
  const fixture = fixtureCells();
  runtime.run('FULL', () => ss().addEditors([METODIST, SCHOOL1, SCHOOL2, STRANGER]));
  runtime.seedSheet('Организации', registry());
  runtime.seedSheet(PASTED_SHEET, fixture.cells);
  const templateId = runtime.run('FULL', () => {
    const items = canonicalItems(recognizeRoadmap(fixture.cells));
    const plan = { title: fixture.name, planStart: fixture.plan[0], planEnd: fixture.plan[1] };
    return writeCanonicalSheet(ss(), DISTRICT_SHEET, prepareCanonical(items, plan, TODAY), plan).getSheetId();
  });
  const world: World = {
    runtime,
    as(user, sheet, fn) {
      return runtime.run('FULL', () => {
        if (sheet) ss().getSheetByName(sheet)!.activate();
        return fn();
      }, { user });
    },
    sheetId: (name) => runtime.run('FULL', () => ss().getSheetByName(name)!.getSheetId()),
    snapshot: () => runtime.snapshot(),
    properties: () => runtime.properties('document'),
    dispose: uninstall,
  };
  world.as(OWNER, DISTRICT_SHEET, () => {
    let p = main.startDistribution(templateId);
    while (!p.finished) p = main.distributeNext();
  });
  world.as(OWNER, DISTRICT_SHEET, () => main.buildDistrictSummary());
  world.as(OWNER, DISTRICT_SHEET, () => main.createOrderTemplate());
  world.as(OWNER, DISTRICT_SHEET, () => main.createOrder(orderRequest('1')));
  return world;
}
