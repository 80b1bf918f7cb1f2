// Reading what the add-on stored as JSON in a property: anything missing, unparsable or of another
// shape (an older version, a hand edit) is null, so one bad value never breaks an action.
import type * as z from 'zod/mini';

export function parseStoredJson<T>(schema: z.ZodMiniType<T>, raw: string | null | undefined): T | null {
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
