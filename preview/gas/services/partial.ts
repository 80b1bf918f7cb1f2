// Fakes implement a Pick<> of each real interface; anything else the add-on reaches for throws
// "not implemented" instead of failing as "x is not a function".
import { notImplemented } from '../context';

/** Presents a partial fake as the full interface T; unknown methods throw notImplemented(className, name). */
export function complete<T extends object>(partial: Partial<T>, className: string): T {
  return new Proxy(partial as T, {
    get(target, prop, receiver) {
      if (prop in target || typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') {
        return Reflect.get(target, prop, receiver);
      }
      return () => notImplemented(className, prop);
    },
  });
}
