// Logger: collects lines; the preview and tests read them with getLog().
import type { GasContext } from '../context';
import { complete } from './partial';

export function createLogger(ctx: GasContext): GoogleAppsScript.Base.Logger {
  let log = '';
  const impl: Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> = {
    log(format: unknown, ...values: unknown[]) {
      let i = 0;
      const text =
        typeof format === 'string' && values.length
          ? format.replace(/%s|%d/g, () => String(values[i++]))
          : typeof format === 'string' ? format : JSON.stringify(format);
      log += `${text}\n`;
      return proxy;
    },
    getLog: () => log,
    clear: () => void (log = ''),
  };
  const proxy = ctx.tracker.wrap(complete<GoogleAppsScript.Base.Logger>(impl, 'Logger'), 'Logger');
  return proxy;
}
