// PropertiesService: document, user (one store per user) and script stores, with Google's limits.
// Quotas (https://developers.google.com/apps-script/guides/services/quotas): a property value at
// most 9 KB, a store at most 500 KB in total.
import type { GasContext } from '../context';
import { complete } from './partial';
import { utf8Length } from './utf8';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

type FakeProperties = Pick<
  GoogleAppsScript.Properties.Properties,
  'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'deleteProperty' | 'deleteAllProperties' | 'getKeys'
>;

const storeBytes = (m: Map<string, string>): number => {
  let n = 0;
  for (const [k, v] of m) n += utf8Length(k) + utf8Length(v);
  return n;
};

function createStore(ctx: GasContext, data: Map<string, string>): GoogleAppsScript.Properties.Properties {
  const self = (): GoogleAppsScript.Properties.Properties => proxy;
  /** Applies a change only if the store stays within its quota (all or nothing, like Google). */
  const commit = (next: Map<string, string>): void => {
    for (const v of next.values()) if (utf8Length(v) > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE);
    if (storeBytes(next) > MAX_STORE_BYTES) throw new Error(STORE_FULL);
    data.clear();
    for (const [k, v] of next) data.set(k, v);
  };
  const impl: FakeProperties = {
    getProperty: (key: string) => data.get(String(key)) ?? null,
    setProperty(key: string, value: string) {
      if (key === null || key === undefined) throw new Error('Invalid argument: key');
      const next = new Map(data);
      next.set(String(key), String(value));
      commit(next);
      return self();
    },
    setProperties(properties: Record<string, string>, deleteAllOthers?: boolean) {
      const next = deleteAllOthers ? new Map<string, string>() : new Map(data);
      for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
      commit(next);
      return self();
    },
    getProperties: () => Object.fromEntries(data),
    deleteProperty: (key: string) => (data.delete(String(key)), self()),
    deleteAllProperties: () => (data.clear(), self()),
    getKeys: () => [...data.keys()],
  };
  const proxy = ctx.tracker.wrap(complete<GoogleAppsScript.Properties.Properties>(impl as Partial<GoogleAppsScript.Properties.Properties>, 'Properties'), 'Properties');
  return proxy;
}

export interface PropertiesState {
  readonly service: GoogleAppsScript.Properties.PropertiesService;
  /** Raw contents of a store, for assertions and the preview (not counted). */
  dump(store: 'document' | 'script' | { user: string }): Record<string, string>;
}

export function createPropertiesService(ctx: GasContext): PropertiesState {
  const documentData = new Map<string, string>();
  const scriptData = new Map<string, string>();
  const userData = new Map<string, Map<string, string>>();
  const userStore = (user: string): Map<string, string> => {
    let m = userData.get(user);
    if (!m) userData.set(user, (m = new Map()));
    return m;
  };
  const impl: Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'> = {
    getDocumentProperties: () => createStore(ctx, documentData),
    getScriptProperties: () => createStore(ctx, scriptData),
    getUserProperties: () => createStore(ctx, userStore(ctx.currentUser())),
  };
  return {
    service: ctx.tracker.wrap(complete<GoogleAppsScript.Properties.PropertiesService>(impl, 'PropertiesService'), 'PropertiesService'),
    dump: (store) =>
      Object.fromEntries(store === 'document' ? documentData : store === 'script' ? scriptData : userStore(store.user)),
  };
}
