import type * as z from 'zod/mini';
import type { WireSafe } from './wire';

/** Phantom carrier of an endpoint's result type; never read at run time. */
export interface Returns<R> {
  readonly __returns?: R;
}

export interface EndpointSpec<A extends z.ZodMiniTuple = z.ZodMiniTuple, R = unknown> {
  /** Validated on the server before the endpoint runs. */
  args: A;
  returns: Returns<R>;
}

type WireCheck<R> = [R] extends [WireSafe<R>] ? [] : ['result type is not carried by google.script.run'];

/**
 * Declares an endpoint. The result type must be carried intact by google.script.run (no Date,
 * undefined or functions): otherwise the call needs an impossible second argument and fails to compile.
 */
export function spec<A extends z.ZodMiniTuple, R>(args: A, ..._wireCheck: WireCheck<R>): EndpointSpec<A, R> {
  return { args, returns: {} };
}
