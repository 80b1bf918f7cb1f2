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

export const PROTECTED_MESSAGE =
  'Действие не выполнено: оно меняет защищённый диапазон, а у вас нет права его редактировать. ' +
  'Если это ваш лист, попросите сотрудников района выбрать «Район → Разослать школам» — рассылка восстановит права школы; иначе откройте лист своей организации.';

/** Anything thrown becomes a message a person can act on; unknown errors keep their text, never a stack. */
export function toUserError(error: unknown): UserError {
  if (error instanceof UserError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (PROTECTED.test(text)) return new UserError(PROTECTED_MESSAGE);
  return new UserError(`Не удалось выполнить действие: ${text}`);
}
