// ScriptApp: the AuthMode enum (for onOpen(e) checks) and the current run's mode.
import type { GasContext } from '../context';
import { complete } from './partial';
import { makeEnum } from './enum';

export const AuthModeEnum = makeEnum<typeof GoogleAppsScript.Script.AuthMode>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

export function createScriptApp(ctx: GasContext): GoogleAppsScript.Script.ScriptApp {
  const impl: Pick<GoogleAppsScript.Script.ScriptApp, 'AuthMode' | 'getScriptId'> = {
    AuthMode: AuthModeEnum,
    getScriptId: () => 'in-memory-script',
  };
  return ctx.tracker.wrap(complete<GoogleAppsScript.Script.ScriptApp>(impl, 'ScriptApp'), 'ScriptApp');
}
