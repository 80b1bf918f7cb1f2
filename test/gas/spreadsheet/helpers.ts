import { readFileSync } from 'node:fs';
import type { GasContext } from '../../../preview/gas/context';
import { createSpreadsheetService, type SpreadsheetService } from '../../../preview/gas/spreadsheet';
import { Tracker } from '../../../preview/gas/track';

export interface Harness {
  service: SpreadsheetService;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  tracker: Tracker;
  setUser(email: string): void;
  setToday(iso: string): void;
}

export function harness(options: { owner?: string; user?: string; today?: string } = {}): Harness {
  const tracker = new Tracker(() => null);
  let user = options.user ?? 'metodist@example.org';
  let today = options.today ?? '2024-03-15';
  const ctx: GasContext = {
    tracker,
    options: {
      timeZone: 'Europe/Moscow', scriptTimeZone: 'Europe/Moscow', spreadsheetName: 'Дорожная карта', locale: 'ru_RU',
      user, owner: options.owner ?? user, htmlFile: () => null, now: () => new Date(`${today}T09:00:00+03:00`), oauthScopes: [], mailQuota: 100,
    },
    currentUser: () => user,
    today: () => today,
    ui: () => { throw new Error('no Ui in these tests'); },
  };
  const service = createSpreadsheetService(ctx);
  return {
    service, app: service.SpreadsheetApp, tracker,
    setUser: (e) => { user = e; },
    setToday: (iso) => { today = iso; },
  };
}

export function fixture(name: string): unknown[][] {
  const json = JSON.parse(readFileSync(new URL(`../../fixtures/roadmaps/${name}.json`, import.meta.url), 'utf8')) as { cells: unknown[][] };
  return json.cells;
}
