// What may cross google.script.run. A Date anywhere in a response turns the whole response into
// null, and undefined inside arrays is not carried, so the compiler refuses both (and functions).
// Dates travel as 'yyyy-MM-dd' strings; "no value" is null, never an optional property.

type Primitive = string | number | boolean | null;

/** Maps T onto itself when it is wire-safe; a Date, function or undefined becomes `never` inside it. */
export type WireSafe<T> = T extends Primitive
  ? T
  : T extends Date | ((...args: never[]) => unknown) | undefined | symbol | bigint
    ? never
    : T extends readonly (infer E)[]
      ? readonly WireSafe<E>[]
      : T extends object
        ? { readonly [K in keyof T]-?: WireSafe<T[K]> }
        : never;

/** Satisfied only by wire-safe types: `R extends Wire<R>`. */
export type Wire<T> = WireSafe<T>;

/** A server function callable from a sidebar. */
export type Endpoint = (...args: never[]) => unknown;
