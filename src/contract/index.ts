// The sidebar ↔ server contract: every function a sidebar may call through google.script.run, with
// its zod argument schema (checked on the server) and its result type (checked by the compiler).
// Pure: imported by the server bundle, and type-only by the sidebars.
import type * as z from 'zod/mini';
import type { EndpointSpec } from './define';
import './zod';
import { panelApi } from './panel';
import { roadmapApi } from './roadmap';
import { ordersApi } from './orders';
import { districtApi } from './district';
import { remindersApi } from './reminders';

export const api = {
  ...panelApi,
  ...roadmapApi,
  ...ordersApi,
  ...districtApi,
  ...remindersApi,
} satisfies Record<string, EndpointSpec>;

export type Api = typeof api;
export type EndpointName = keyof Api;
export type ArgsOf<K extends EndpointName> = z.input<Api[K]['args']>;
export type ParsedArgsOf<K extends EndpointName> = z.infer<Api[K]['args']>;
export type ResultOf<K extends EndpointName> = Exclude<Api[K]['returns']['__returns'], undefined>;
