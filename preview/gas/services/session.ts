// Session: who runs the execution, the script's time zone, the user's language.
import type { GasContext } from '../context';
import { complete } from './partial';

export function createUser(ctx: GasContext, email: string): GoogleAppsScript.Base.User {
  const impl: Pick<GoogleAppsScript.Base.User, 'getEmail'> = { getEmail: () => email };
  return ctx.tracker.wrap(complete<GoogleAppsScript.Base.User>(impl, 'User'), 'User');
}

export function createSession(ctx: GasContext): GoogleAppsScript.Base.Session {
  const impl: Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'> = {
    getActiveUser: () => createUser(ctx, ctx.currentUser()),
    // An add-on runs as the user who invokes it.
    getEffectiveUser: () => createUser(ctx, ctx.currentUser()),
    getScriptTimeZone: () => ctx.options.scriptTimeZone,
    // Google returns the language code, e.g. "en" (https://developers.google.com/apps-script/reference/base/session#getActiveUserLocale()).
    getActiveUserLocale: () => ctx.options.locale.split(/[_-]/)[0] ?? 'ru',
    getTemporaryActiveUserKey: () => `key-${ctx.currentUser()}`,
  };
  return ctx.tracker.wrap(complete<GoogleAppsScript.Base.Session>(impl, 'Session'), 'Session');
}
