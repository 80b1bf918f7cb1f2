// Injected first into every sidebar and dialog of the preview (a sandboxed iframe): google.script.run
// and google.script.host, talking to the preview page by postMessage. Any function name works, as
// in Apps Script; the page runs it on the server in FULL mode and posts back the JSON result.

type Handler = ((value: unknown, userObject: unknown) => void) | null;

interface RunnerState {
  success: Handler;
  failure: Handler;
  userObject: unknown;
}

interface ResultMessage {
  kind: 'gs-result';
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

const pending = new Map<number, RunnerState>();
let nextId = 1;

function send(message: object): void {
  window.parent.postMessage(message, '*');
}

function runner(state: RunnerState): object {
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== 'string') return undefined;
        if (name === 'withSuccessHandler') return (h: Handler) => runner({ ...state, success: h });
        if (name === 'withFailureHandler') return (h: Handler) => runner({ ...state, failure: h });
        if (name === 'withUserObject') return (o: unknown) => runner({ ...state, userObject: o });
        return (...args: unknown[]) => {
          const id = nextId++;
          pending.set(id, state);
          // Like google.script.run, arguments are copied: Dates and functions do not survive.
          send({ kind: 'gs-run', id, functionName: name, args: JSON.parse(JSON.stringify(args)) as unknown[] });
        };
      },
    },
  );
}

window.addEventListener('message', (event: MessageEvent<ResultMessage>) => {
  if (event.source !== window.parent || event.data?.kind !== 'gs-result') return;
  const { id, ok, value, error } = event.data;
  const state = pending.get(id);
  if (!state) return;
  pending.delete(id);
  if (ok) state.success?.(value, state.userObject);
  else if (state.failure) state.failure(new Error(error), state.userObject);
  else console.error(`Uncaught server error: ${error ?? ''}`);
});

// Links (e.g. to a generated document) open in the preview page, which knows the in-memory documents.
document.addEventListener(
  'click',
  (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    const href = link?.getAttribute('href');
    if (!link || !href || href.startsWith('#') || /^javascript:/i.test(href)) return;
    event.preventDefault();
    send({ kind: 'gs-link', url: (link as HTMLAnchorElement).href });
  },
  true,
);

const host = {
  close: () => send({ kind: 'gs-close' }),
  setHeight: (_height: number) => undefined,
  setWidth: (_width: number) => undefined,
  origin: window.location.origin,
  editor: { focus: () => undefined },
};

Object.assign(window, {
  google: { script: { run: runner({ success: null, failure: null, userObject: undefined }), host } },
});
