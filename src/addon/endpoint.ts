import type * as z from 'zod/mini';
import { api, type ArgsOf, type EndpointName, type ParsedArgsOf, type ResultOf } from '../contract';
import { describeIssues } from '../contract/messages';
import { UserError, describeServiceError, toUserError } from './errors';
import { authorize, type EntryName } from './roles';

export { UserError, describeServiceError, toUserError, describeIssues };

/**
 * Runs a menu action; a failure becomes an alert the person can act on, never a stack trace. If
 * Google fails even the alert, the Russian message goes to Apps Script's own error box.
 */
export function menuAction(title: string, fn: (ui: GoogleAppsScript.Base.Ui) => void): void {
  let ui: GoogleAppsScript.Base.Ui;
  try {
    ui = SpreadsheetApp.getUi();
  } catch (error) {
    throw new Error(`${describeServiceError(error)} Действие не выполнено.`);
  }
  try {
    fn(ui);
  } catch (error) {
    const message = toUserError(error).message;
    try {
      ui.alert(title, message, ui.ButtonSet.OK);
    } catch {
      throw new Error(message);
    }
  }
}

/** Tells the person an action is done; a toast Google fails to show changes nothing about what was done. */
export function notify(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, message: string, title: string): void {
  try {
    ss.toast(message, title);
  } catch {
    // The work is done; the toast is only news of it.
  }
}

/**
 * The server side of a contract endpoint: arguments are validated with the contract's zod schema,
 * then the caller's role is checked against the endpoint's requirement (src/addon/roles.ts), before
 * `impl` runs; failures of any kind reach the sidebar as a Russian message.
 */
export function implement<K extends EndpointName>(
  name: K,
  impl: (...args: ParsedArgsOf<K>) => ResultOf<K>,
): (...raw: ArgsOf<K>) => ResultOf<K> {
  const schema: z.ZodMiniTuple = api[name].args;
  return (...raw: ArgsOf<K>): ResultOf<K> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new UserError(describeIssues(parsed.error, 'Неверный запрос к серверу'));
    try {
      authorize(name, parsed.data);
      return impl(...(parsed.data as ParsedArgsOf<K>));
    } catch (error) {
      throw toUserError(error);
    }
  };
}

/**
 * A menu action (or trigger) exported from main.ts, behind its role requirement. A refusal is shown
 * as an alert, as the actions show their own failures; `anyone` entries run untouched (onOpen runs
 * in AuthMode.NONE, where the check could not even read the registry).
 */
export function guarded<A extends unknown[]>(name: EntryName, fn: (...args: A) => void, title = 'Дорожная карта'): (...args: A) => void {
  return (...args: A): void => {
    try {
      authorize(name, []);
    } catch (error) {
      const ui = SpreadsheetApp.getUi();
      ui.alert(title, toUserError(error).message, ui.ButtonSet.OK);
      return;
    }
    fn(...args);
  };
}
