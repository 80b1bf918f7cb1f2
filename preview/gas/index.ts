// The in-memory Apps Script: builds every service around one context and exposes the GasRuntime
// that tests, benchmarks and the local preview drive.
import type { AuthMode } from './track';
import type { GasGlobals, GasRuntime, GasRuntimeOptions } from './types';
import { createContext } from './services/context';
import { clockDate } from './clock';
import { createUiService } from './services/ui';
import { createHtmlService } from './services/html';
import { createPropertiesService } from './services/properties';
import { createLockService } from './services/lock';
import { createSession } from './services/session';
import { createUtilities } from './services/utilities';
import { createScriptApp, firesAt, clockEvent } from './services/script';
import { createMailApp } from './services/mail';
import { createLogger } from './services/logger';
import { createDriveService } from './services/drive';
import { createDocumentService } from './services/document';
import { createDocsApi } from './services/docs-api';
import manifest from '../../appsscript.json';
import { createSpreadsheetService } from './spreadsheet';

export type * from './types';
export type { AuthMode, AuthPolicy, CallEvent } from './track';
export { CallLog, Tracker, AuthorizationError } from './track';
export { armFault, disarmFault, FaultInjector, ServiceError, SERVER_ERROR, type Fault, type FaultTiming } from './faults';
export { editorAddonPolicy, permissionMessage } from './policy';
export { loadBundle, type BundleGlobals } from './bundle';
export { LOCK_TIMEOUT } from './services/lock';
export { DOCS_QUOTA_MESSAGE, DOCS_PER_DAY } from './services/document';
export { quoteReplacement } from './services/doc-text';
export { MAIL_QUOTA_MESSAGE, CONSUMER_MAIL_QUOTA, type SentMail } from './services/mail';
export { TOO_MANY_CLOCK_TRIGGERS, type TriggerRecord } from './services/script';
export { VALUE_TOO_LARGE, STORE_FULL, MAX_VALUE_BYTES, MAX_STORE_BYTES } from './services/properties';

export function createGasRuntime(options: GasRuntimeOptions = {}): GasRuntime {
  const ctx = createContext(options);
  const { tracker } = ctx;
  const ui = createUiService(ctx);
  ctx.setUi(ui.ui);

  const spreadsheet = createSpreadsheetService(ctx);
  spreadsheet.onToast = (title, message) => ui.toast(message, title);
  const properties = createPropertiesService(ctx);
  const lock = createLockService(ctx);
  const logger = createLogger(ctx);
  const drive = createDriveService(ctx, { id: spreadsheet.id, url: spreadsheet.url, name: () => spreadsheet.name() });
  const documents = createDocumentService(ctx, drive.store);
  const script = createScriptApp(ctx, () => spreadsheet.id);
  const mail = createMailApp(ctx, ctx.options.mailQuota);
  // Advanced services exist only when the manifest enables them, as in Apps Script.
  const advanced = (manifest as { dependencies?: { enabledAdvancedServices?: { userSymbol: string }[] } }).dependencies?.enabledAdvancedServices ?? [];
  const docsApi = advanced.some((s) => s.userSymbol === 'Docs') ? createDocsApi(ctx, documents.model, documents.adopt) : null;

  const globals: GasGlobals = {
    SpreadsheetApp: spreadsheet.SpreadsheetApp,
    DocumentApp: documents.service,
    DriveApp: drive.service,
    HtmlService: createHtmlService(ctx),
    PropertiesService: properties.service,
    LockService: lock.service,
    Session: createSession(ctx),
    Utilities: createUtilities(ctx),
    ScriptApp: script.service,
    MailApp: mail.service,
    Logger: logger,
    ...(docsApi ? { Docs: docsApi.service } : {}),
  };

  let depth = 0;
  return {
    globals,
    tracker,
    calls: tracker.calls,
    uiEvents: ui.events,
    run<T>(mode: AuthMode, fn: () => T, as?: { user?: string }): T {
      const outermost = depth === 0;
      if (outermost) ctx.setRunner(as?.user ?? null);
      depth += 1;
      try {
        return tracker.run(mode, fn);
      } finally {
        depth -= 1;
        // The end of an execution releases its locks, as Apps Script does.
        if (outermost) {
          lock.endExecution();
          ctx.setRunner(null);
        }
      }
    },
    install(target: object = globalThis) {
      const record = target as Record<string, unknown>;
      const previous = new Map<string, PropertyDescriptor | undefined>();
      // In-process code sees the runtime clock too, as a loaded bundle does.
      const installed = { ...globals, Date: clockDate(() => ctx.options.now().getTime()) };
      for (const [name, value] of Object.entries(installed)) {
        previous.set(name, Object.getOwnPropertyDescriptor(target, name));
        record[name] = value;
      }
      return () => {
        for (const [name, descriptor] of previous) {
          if (descriptor) Object.defineProperty(target, name, descriptor);
          else delete record[name];
        }
      };
    },
    answerNext: ui.answerNext,
    seedSheet: (name, cells) => tracker.internal(() => spreadsheet.seedSheet(name, cells)),
    userEdit: (sheetName, row, column, value, as) =>
      tracker.internal(() => spreadsheet.userEdit(sheetName, row, column, value, as?.user ?? ctx.options.user)),
    snapshot: (options) => tracker.internal(() => spreadsheet.snapshot(options)),
    documents: () => documents.snapshots(),
    driveFiles: () => drive.snapshots(),
    holdDocumentLock: () => lock.holdDocumentLock(),
    properties: (store) => properties.dump(store),
    logs: () => tracker.internal(() => logger.getLog()),
    now: () => ctx.options.now(),
    setDocsQuota: (n) => documents.setDocsQuota(n),
    sentMail: () => mail.sent.map((m) => ({ ...m, to: [...m.to], cc: [...m.cc], bcc: [...m.bcc] })),
    setMailQuota: (n) => mail.setQuota(n),
    triggers: () => script.triggers.map((t) => ({ ...t, schedule: { ...t.schedule } })),
    fireClockTriggers(handlers, options) {
      const at = ctx.options.now();
      const fired: string[] = [];
      // A copy: a handler may delete its own trigger.
      for (const t of [...script.triggers]) {
        if (!options?.now && !firesAt(t, at)) continue;
        const handler = handlers[t.handler];
        if (!handler) throw new Error(`No function ${t.handler} for trigger ${t.id}`);
        fired.push(t.id);
        // Installable triggers run as their creator, with full authorization.
        this.run('FULL', () => handler(clockEvent(t, at)), { user: t.user });
      }
      return fired;
    },
    revokeAccess: (user) => ctx.revokeAccess(user),
  };
}
