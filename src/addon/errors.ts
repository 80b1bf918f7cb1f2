// Errors a person reads. Kept apart from endpoint.ts so that every module (roles, people, locks)
// can throw them without importing the endpoint wrapper that checks roles.

/** An error whose message is written for the person using the add-on (Russian) and shown as is. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Google's English refusals to write a protected range or change a protection (as preview/gas words them). */
const PROTECTED = /protected cell or object|do not have permission to edit this protected/i;

/** Google refused a write because of a protection. */
export const isProtectionError = (error: unknown): boolean => error instanceof Error && PROTECTED.test(error.message);

/** A protection refused the write: in district mode that is a sheet of another organisation, or rights a rerun restores. */
export const PROTECTED_MESSAGE =
  'Действие не выполнено: оно меняет защищённый диапазон, а у вас нет права его редактировать. ' +
  'Если это ваш лист, попросите сотрудников района выбрать «Район → Разослать школам» — рассылка восстановит права школы; иначе откройте лист своей организации.';

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
  if (isProtectionError(error)) return new UserError(PROTECTED_MESSAGE);
  return new UserError(`Не удалось выполнить действие. ${describeServiceError(error)}`);
}
