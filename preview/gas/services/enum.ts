// Apps Script enums are opaque objects (compared by identity) whose toString() and name() give the
// name. Strings would make overloads like alert(prompt, ButtonSet) ambiguous with alert(title, prompt).

export interface EnumValue {
  name(): string;
  toString(): string;
  toJSON(): string;
}

const values = new WeakSet<object>();

export function makeEnum<T>(names: readonly string[]): T {
  const out: Record<string, EnumValue> = {};
  for (const n of names) {
    const v: EnumValue = Object.freeze({ name: () => n, toString: () => n, toJSON: () => n });
    values.add(v);
    out[n] = v;
  }
  return Object.freeze(out) as unknown as T;
}

/** The enum value's name, or null when x is not one of ours. */
export function enumName(x: unknown): string | null {
  return typeof x === 'object' && x !== null && values.has(x) ? String(x) : null;
}
