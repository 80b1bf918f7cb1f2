// Builds the GasContext every service module receives (defaults of GasRuntimeOptions applied).
import type { GasContext } from '../context';
import manifest from '../../../appsscript.json';
import { editorAddonPolicy, scopePolicy, touchesSpreadsheet, NO_ACCESS_MESSAGE } from '../policy';
import { Tracker } from '../track';
import type { GasRuntimeOptions } from '../types';
import { formatDate } from './format-date';
import { wallClock } from '../clock';

export interface MutableContext extends GasContext {
  /** Sets who runs the current execution (null: the runtime's user). */
  setRunner(user: string | null): void;
  /** Installs the Ui once the Ui service exists (it needs the context itself). */
  setUi(ui: GoogleAppsScript.Base.Ui): void;
  /** The account can no longer open the spreadsheet (see GasRuntime.revokeAccess). */
  revokeAccess(user: string): void;
}

export function resolveOptions(options: GasRuntimeOptions = {}): Required<GasRuntimeOptions> {
  const user = options.user ?? 'metodist@example.org';
  return {
    timeZone: options.timeZone ?? 'Europe/Moscow',
    scriptTimeZone: options.scriptTimeZone ?? 'Europe/Moscow',
    spreadsheetName: options.spreadsheetName ?? 'Дорожная карта',
    locale: options.locale ?? 'ru_RU',
    user,
    owner: options.owner ?? user,
    htmlFile: options.htmlFile ?? (() => null),
    now: options.now ?? wallClock,
    oauthScopes: options.oauthScopes ?? manifest.oauthScopes,
    mailQuota: options.mailQuota ?? 100,
  };
}

export function createContext(options: GasRuntimeOptions = {}, tracker?: Tracker): MutableContext {
  const resolved = resolveOptions(options);
  const scopes = scopePolicy(resolved.oauthScopes);
  const revoked = new Set<string>();
  let runner: string | null = null;
  const access = (_mode: unknown, className: string, method: string): string | null =>
    revoked.has(runner ?? resolved.user) && touchesSpreadsheet(className, method) ? NO_ACCESS_MESSAGE : null;
  tracker ??= new Tracker((mode, className, method) => editorAddonPolicy(mode, className, method) ?? scopes(mode, className, method) ?? access(mode, className, method));
  let ui: GoogleAppsScript.Base.Ui | null = null;
  return {
    tracker,
    options: resolved,
    currentUser: () => runner ?? resolved.user,
    today: () => formatDate(resolved.now(), resolved.timeZone, 'yyyy-MM-dd'),
    ui() {
      if (!ui) throw new Error('Ui is not available');
      return ui;
    },
    setRunner: (user) => void (runner = user),
    setUi: (u) => void (ui = u),
    revokeAccess: (user) => void revoked.add(user),
  };
}
