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

/** Anything thrown becomes a message a person can act on; unknown errors keep their text, never a stack. */
export function toUserError(error: unknown): UserError {
  if (error instanceof UserError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new UserError(`Не удалось выполнить действие: ${text}`);
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
