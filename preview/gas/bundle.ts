// Runs a built dist/Code.js as Apps Script would: in a fresh global scope that holds only the
// runtime's services and what V8 Apps Script offers (no require, process, timers, fetch).
import type { GasRuntime } from './types';
import { clockDate } from './clock';

/** The top-level functions the script defined: what Apps Script can call by name. */
export type BundleGlobals = Record<string, (...args: unknown[]) => unknown>;

// The subset of node:vm used here. Taken through process.getBuiltinModule so this file also
// compiles in the server type environment (no @types/node there).
interface VmLike {
  createContext(sandbox: object, options?: { name?: string; codeGeneration?: { strings: boolean; wasm: boolean } }): object;
  runInContext(code: string, context: object, options?: { filename?: string }): unknown;
}
interface ProcessLike {
  getBuiltinModule(id: 'node:vm'): VmLike;
}

function vm(): VmLike {
  const proc = (globalThis as unknown as { process?: ProcessLike }).process;
  if (!proc?.getBuiltinModule) throw new Error('loadBundle needs Node.js 20.16 or later');
  return proc.getBuiltinModule('node:vm');
}

/** Globals V8 Apps Script has beyond the language itself: console, written to the runtime's log (runtime.logs()). */
function runtimeExtras(runtime: GasRuntime): Record<string, unknown> {
  const log = (...args: unknown[]): void =>
    void runtime.tracker.internal(() => runtime.globals.Logger.log(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')));
  return { console: { log, info: log, warn: log, error: log, debug: log } };
}

export function loadBundle(runtime: GasRuntime, code: string, filename = 'Code.js'): BundleGlobals {
  const sandbox: Record<string, unknown> = { ...runtime.globals, ...runtimeExtras(runtime) };
  const context = vm().createContext(sandbox, { name: filename });
  // The script's clock is the runtime's: `new Date()` and Date.now() read runtime.now().
  Object.defineProperty(context, 'Date', { value: clockDate(() => runtime.now().getTime()), writable: true, configurable: true, enumerable: false });
  // Errors thrown by the services are the script's errors in Apps Script: `e instanceof Error` holds.
  // Only for Error itself: subclasses (the add-on's UserError) inherit this static method, and for
  // them instanceof must keep its ordinary meaning.
  const ScriptError = vm().runInContext('Error', context) as ErrorConstructor;
  const ordinary = (ctor: unknown, x: unknown): boolean => Function.prototype[Symbol.hasInstance].call(ctor, x);
  Object.defineProperty(ScriptError, Symbol.hasInstance, {
    value(this: unknown, x: unknown): boolean {
      return this === ScriptError ? ordinary(ScriptError, x) || x instanceof Error : ordinary(this, x);
    },
  });
  vm().runInContext(code, context, { filename });
  const before = new Set(Object.keys(runtime.globals));
  const functions: BundleGlobals = {};
  for (const name of Object.keys(context)) {
    const value = (context as Record<string, unknown>)[name];
    if (typeof value === 'function' && !before.has(name)) functions[name] = value as (...args: unknown[]) => unknown;
  }
  return functions;
}
