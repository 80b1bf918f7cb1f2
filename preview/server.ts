// The local preview: `npm start [file]` serves a page that looks and behaves like the add-on in
// Google Sheets, running the built dist/Code.js on the in-memory Apps Script. node:http only,
// loopback only. Tests start it in-process with startPreview().
import * as esbuild from 'esbuild';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { renderDocumentHtml } from './doc-html';
import { LoadError, loadFile, parseFile, type LoadedWorkbook } from './load/index';
import { PreviewSession } from './session';
import type { GasRuntime } from './gas/types';
import type { ActionResult } from './web/protocol';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'preview/web');
const samplesDir = path.join(root, 'test/fixtures/roadmaps');
const DEFAULT_SAMPLE = 'derbent-2023.json';
const MAX_BODY = 20 * 1024 * 1024;

export interface PreviewOptions {
  /** A roadmap to open: .csv/.tsv/.xlsx/.json. Default: the sample roadmap. */
  file?: string;
  /** Default: PORT, else 5173, else any free port. 0 = any free port. */
  port?: number;
  /** 'yyyy-MM-dd': fixes the add-on's clock (TODAY() in formulas). */
  today?: string;
  /** Default: <repo>/dist. */
  distDir?: string;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
  /** The in-memory Apps Script of the open spreadsheet (for tests that set up state directly). */
  runtime(): GasRuntime;
}

const selection = z.optional(
  z.object({ sheet: z.string(), row: z.number(), column: z.number(), rows: z.number(), columns: z.number() }),
);
const schemas = {
  menu: z.object({ functionName: z.string(), selection }),
  run: z.object({ functionName: z.string(), args: z.array(z.unknown()), selection }),
  edit: z.object({ sheet: z.string(), row: z.number(), column: z.number(), value: z.string() }),
  paste: z.object({ sheet: z.string(), row: z.number(), column: z.number(), rows: z.array(z.array(z.string())) }),
  open: z.object({ sample: z.optional(z.string()), fileName: z.optional(z.string()), base64: z.optional(z.string()) }),
  user: z.object({ email: z.string().check(z.minLength(3), z.maxLength(200)) }),
};

function samples(): string[] {
  try {
    return readdirSync(samplesDir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

/** The page's script and the sidebar shim, bundled from preview/web at start. */
async function bundleWeb(): Promise<{ app: string; shim: string; css: string; html: string }> {
  const build = async (entry: string) => {
    const result = await esbuild.build({
      entryPoints: [path.join(webDir, entry)],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      write: false,
      logLevel: 'warning',
    });
    return result.outputFiles[0]!.text;
  };
  const { readFile } = await import('node:fs/promises');
  const [app, shim, css, html] = await Promise.all([
    build('main.ts'),
    build('shim.ts'),
    readFile(path.join(webDir, 'style.css'), 'utf8'),
    readFile(path.join(webDir, 'index.html'), 'utf8'),
  ]);
  return { app, shim, css, html };
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const distDir = options.distDir ?? path.join(root, 'dist');
  const web = await bundleWeb();

  const makeSession = (workbook: LoadedWorkbook, source: string) => {
    const s = new PreviewSession({ workbook, distDir, shim: web.shim, source, samples: samples(), ...(options.today ? { today: options.today } : {}) });
    return { session: s, opened: s.open() };
  };
  const first = options.file
    ? makeSession(await loadFile(options.file), path.basename(options.file))
    : makeSession(await loadFile(path.join(samplesDir, DEFAULT_SAMPLE)), DEFAULT_SAMPLE);
  let session = first.session;
  /** Events of opening (menu, a failed onOpen) go to the page's first state request. */
  let pendingOpen: ActionResult | null = first.opened;

  const reopen = async (workbook: LoadedWorkbook, source: string): Promise<ActionResult> => {
    const next = makeSession(workbook, source);
    session = next.session;
    pendingOpen = null;
    return next.opened;
  };

  async function api(route: string, body: unknown): Promise<ActionResult> {
    switch (route) {
      case 'state': {
        const opened = pendingOpen;
        pendingOpen = null;
        return opened ? { ...opened, state: session.state() } : { ok: true, events: [], state: session.state() };
      }
      case 'menu': {
        const r = schemas.menu.parse(body);
        return session.runMenu(r.functionName, r.selection);
      }
      case 'run': {
        const r = schemas.run.parse(body);
        return session.callServer(r.functionName, r.args, r.selection);
      }
      case 'edit': {
        const r = schemas.edit.parse(body);
        return session.edit(r.sheet, r.row, r.column, r.value);
      }
      case 'triggers':
        return session.fireTriggers();
      case 'user': {
        const r = schemas.user.parse(body);
        return session.setUser(r.email.trim().toLowerCase());
      }
      case 'paste': {
        const r = schemas.paste.parse(body);
        return session.paste(r.sheet, r.row, r.column, r.rows);
      }
      case 'open': {
        const r = schemas.open.parse(body);
        if (r.sample) {
          if (!samples().includes(r.sample)) throw new LoadError(`Нет такого примера: «${r.sample}».`);
          return reopen(await loadFile(path.join(samplesDir, r.sample)), r.sample);
        }
        if (r.fileName && r.base64 !== undefined) {
          return reopen(await parseFile(r.fileName, Buffer.from(r.base64, 'base64')), r.fileName);
        }
        throw new LoadError('Не выбран файл.');
      }
      default:
        throw new NotFound();
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof NotFound) return send(res, 404, 'text/plain; charset=utf-8', 'Не найдено');
      if (error instanceof Forbidden) return send(res, 403, 'text/plain; charset=utf-8', 'Доступ запрещён');
      const badRequest = typeof error === 'object' && error !== null && Array.isArray((error as { issues?: unknown }).issues);
      const message =
        error instanceof LoadError ? error.message : badRequest ? 'Неверный запрос к предпросмотру.' : `Ошибка предпросмотра: ${(error as Error).message}`;
      if (!(error instanceof LoadError) && !badRequest) console.error(error);
      send(res, 400, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: message }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Everything (the page and generated documents too) only for loopback host names: another name
    // pointing at 127.0.0.1 (DNS rebinding) must not read the session's documents.
    if (!isLoopbackHost(req.headers.host)) throw new Forbidden();
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/') {
      const page = web.html
        .replace('<!-- inline:css -->', () => `<style>\n${web.css}\n</style>`)
        .replace('<!-- inline:js -->', () => `<script>\n${web.app.replace(/<\/(script)/gi, '<\\/$1')}\n</script>`);
      return send(res, 200, 'text/html; charset=utf-8', page);
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return void res.end();
    }
    if (req.method === 'GET' && url.pathname === '/api/doc') {
      const doc = session.runtime.documents().find((d) => d.id === url.searchParams.get('id'));
      if (!doc) throw new NotFound();
      const headers: Record<string, string> = {};
      if (url.searchParams.has('download')) {
        headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(`${doc.name}.html`)}`;
      }
      return send(res, 200, 'text/html; charset=utf-8', renderDocumentHtml(doc), headers);
    }
    // Only this page may drive the session: no other site's requests (CSRF).
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackHost(origin.replace(/^https?:\/\//, ''))) {
      throw new Forbidden();
    }
    const route = /^\/api\/(\w+)$/.exec(url.pathname)?.[1];
    if (!route) throw new NotFound();
    if (req.method === 'GET' && route !== 'state') throw new NotFound();
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
    const result = await api(route, body);
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  }

  const port = await listen(server, options.port ?? (process.env.PORT ? Number(process.env.PORT) : 5173));
  return {
    url: `http://127.0.0.1:${port}`,
    runtime: () => session.runtime,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

class NotFound extends Error {}
class Forbidden extends Error {}

function isLoopbackHost(host: string | undefined): boolean {
  return !!host && /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new LoadError('Файл слишком большой для предпросмотра (больше 20 МБ).'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Listens on loopback; a busy preferred port falls back to any free one. */
function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' && port !== 0) {
        server.listen(0, '127.0.0.1');
      } else reject(error);
    };
    server.on('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
    server.listen(port, '127.0.0.1');
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // npm runs scripts from the package root; a relative path is relative to where the user typed it.
  const arg = process.argv[2];
  const file = arg ? path.resolve(process.env.INIT_CWD ?? process.cwd(), arg) : undefined;
  startPreview(file ? { file } : {})
    .then(({ url }) => {
      console.log(`Предпросмотр: ${url}`);
      console.log(file ? `Opened ${file}. Ctrl+C to stop.` : `Opened the sample roadmap ${DEFAULT_SAMPLE}. Ctrl+C to stop.`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
