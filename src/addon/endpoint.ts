import type * as z from 'zod/mini';
import { api, type ArgsOf, type EndpointName, type ParsedArgsOf, type ResultOf } from '../contract';

/** An error whose message is written for the person using the add-on (Russian) and shown as is. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Russian text for zod issues: which argument, what is wrong. */
export function describeIssues(error: z.core.$ZodError, what = 'Неверные данные'): string {
  const lines = error.issues.map((issue) => {
    const where = issue.path.length ? `поле «${issue.path.join('.')}»` : 'значение';
    return `${where}: ${issue.message}`;
  });
  return `${what}: ${lines.join('; ')}.`;
}

/**
 * What an error of a Google service means, in Russian, with what to do. Google's texts are English
 * and not documented as a list; these are the ones people meet (transient server errors, quotas,
 * missing permissions, protected ranges, the 6-minute limit). Anything else keeps its text.
 */
export function describeServiceError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/server error|try again|failed while accessing|service (?:error|unavailable)|backend error|internal error|timed out|timeout/i.test(text)) {
    return 'Сервер Google временно не ответил. Подождите минуту и повторите действие.';
  }
  if (/too many times|quota|rate limit|limit exceeded/i.test(text)) {
    return 'Превышен лимит Google на число операций. Повторите позже (суточные лимиты обновляются через сутки).';
  }
  if (/exceeded maximum execution time/i.test(text)) {
    return 'Действие не уложилось в 6 минут, отведённые Google на один запуск. Повторите его: сделанное сохранено, дополнение продолжит с того места, где остановилось.';
  }
  if (/protected (?:cell|range|sheet|object)/i.test(text)) {
    return 'Google не разрешил изменить защищённый диапазон: у вас нет права его редактировать. Попросите владельца таблицы или редактора района выполнить это действие.';
  }
  if (/permission|authoriz|not allowed|access denied/i.test(text)) {
    return 'Google не разрешил это действие: у дополнения или у вас нет нужного доступа. Откройте меню дополнения заново и подтвердите разрешения; если не поможет — попросите доступ у владельца таблицы.';
  }
  return `Google сообщил об ошибке («${text}»). Повторите действие; если ошибка повторяется, сообщите её текст разработчикам дополнения.`;
}

/** Anything thrown becomes a message a person can act on; unknown errors keep their text, never a stack. */
export function toUserError(error: unknown): UserError {
  if (error instanceof UserError) return error;
  return new UserError(`Не удалось выполнить действие. ${describeServiceError(error)}`);
}

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
 * The server side of a contract endpoint: arguments are validated with the contract's zod schema
 * before `impl` runs; failures of either kind reach the sidebar as a Russian message.
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
      return impl(...(parsed.data as ParsedArgsOf<K>));
    } catch (error) {
      throw toUserError(error);
    }
  };
}
