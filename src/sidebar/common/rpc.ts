import type { ArgsOf, EndpointName, ResultOf } from '../../contract';

/** google.script.run as typed by our contract: one method per endpoint, no index signature. */
type ScriptRun = {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
} & { [K in EndpointName]: (...args: ArgsOf<K>) => void };

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

/** Calls a server endpoint; rejects with the server's (Russian) message. */
export function callServer<K extends EndpointName>(name: K, ...args: ArgsOf<K>): Promise<ResultOf<K>> {
  return new Promise<ResultOf<K>>((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler((value) => resolve(value as ResultOf<K>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    // TypeScript cannot correlate run[name] with ArgsOf<K> for a generic K; the mapped type above
    // guarantees they match.
    const method = run[name] as unknown as (...a: ArgsOf<K>) => void;
    method.apply(run, args);
  });
}

export function closeHost(): void {
  google.script.host.close();
}
