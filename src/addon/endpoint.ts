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

/** What a Google error means for the person, and what to do, by the words of its (English) text. */
const GOOGLE_FAILURES: readonly [RegExp, string][] = [
  [/protected (cell|range|sheet)|trying to edit a protected/i,
    'Эта часть таблицы защищена от изменений. Попросите владельца таблицы дать вам права на редактирование и повторите действие.'],
  [/permission|authoriz|not have access|access denied|доступ/i,
    'Google не дал дополнению доступа к таблице или документу. Проверьте, что у вас есть права на редактирование и что дополнению выданы разрешения, и повторите действие.'],
  [/too many times|quota|rate limit|лимит/i,
    'Превышен лимит Google на число таких действий. Подождите (дневные лимиты сбрасываются через сутки) и повторите действие.'],
  [/exceeded maximum execution time|timed? ?out|timeout/i,
    'Действие не уложилось в отведённое Google время. Повторите его: уже сделанное сохранено.'],
  [/is missing|not found|deleted|does not exist/i,
    'Нужный файл или лист не найден: возможно, его удалили или у вас нет к нему доступа. Проверьте и повторите действие.'],
  [/service|server error|internal error|unavailable|try again/i,
    'Сервис Google временно не ответил. Повторите действие через минуту.'],
];

/**
 * Anything thrown becomes a message a person can act on: a UserError as is; a Google error as a
 * Russian sentence saying what happened and what to do, with Google's own text only as a detail;
 * never a stack.
 */
export function toUserError(error: unknown): UserError {
  if (error instanceof UserError) return error;
  const text = (error instanceof Error ? error.message : String(error)).trim();
  const known = GOOGLE_FAILURES.find(([pattern]) => pattern.test(text))?.[1];
  const what = known ?? 'Не удалось выполнить действие из-за ошибки Google. Повторите его; если ошибка не пройдёт, перешлите текст ниже тому, кто поддерживает дополнение.';
  return new UserError(`${what} Подробности: ${text}`);
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
