// HtmlService: serves the built dist/<name>.html files (createHtmlOutputFromFile) and raw HTML.
// Reference: https://developers.google.com/apps-script/reference/html/html-service
import type { GasContext } from '../context';
import { complete } from './partial';
import { makeEnum } from './enum';

export interface HtmlOutputState {
  content: string;
  title: string;
  width: number;
  height: number;
}

const states = new WeakMap<object, HtmlOutputState>();

/** The fake's state behind an HtmlOutput handed to the add-on (null for a foreign object). */
export function htmlOutputState(output: object): HtmlOutputState | null {
  return states.get(output) ?? null;
}

type FakeHtmlOutput = Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  | 'getContent' | 'setContent' | 'append' | 'appendUntrusted' | 'clear' | 'getTitle' | 'setTitle' | 'getWidth' | 'setWidth'
  | 'getHeight' | 'setHeight' | 'setSandboxMode' | 'setXFrameOptionsMode' | 'addMetaTag' | 'setFaviconUrl'
>;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function createHtmlOutput(ctx: GasContext, content: string): GoogleAppsScript.HTML.HtmlOutput {
  // Google's defaults: dialogs open 600 × 400 px unless sized; the title defaults to the project's.
  const state: HtmlOutputState = { content, title: '', width: 600, height: 400 };
  // Builders return the tracked object, so chained calls are counted too.
  const self = (): GoogleAppsScript.HTML.HtmlOutput => proxy;
  const impl: FakeHtmlOutput = {
    getContent: () => state.content,
    setContent: (c: string) => ((state.content = String(c)), self()),
    append: (c: string) => ((state.content += String(c)), self()),
    appendUntrusted: (c: string) => ((state.content += escapeHtml(String(c))), self()),
    clear: () => ((state.content = ''), self()),
    getTitle: () => state.title,
    setTitle: (t: string) => ((state.title = String(t)), self()),
    getWidth: () => state.width,
    setWidth: (w: number) => ((state.width = Number(w)), self()),
    getHeight: () => state.height,
    setHeight: (h: number) => ((state.height = Number(h)), self()),
    setSandboxMode: () => self(),
    setXFrameOptionsMode: () => self(),
    addMetaTag: () => self(),
    setFaviconUrl: () => self(),
  };
  const full = complete<GoogleAppsScript.HTML.HtmlOutput>(impl, 'HtmlOutput');
  const proxy = ctx.tracker.wrap(full, 'HtmlOutput');
  states.set(proxy, state);
  return proxy;
}

export const SandboxModeEnum = makeEnum<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsModeEnum = makeEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);

type FakeHtmlService = Pick<GoogleAppsScript.HTML.HtmlService, 'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile'>;

export function createHtmlService(ctx: GasContext): GoogleAppsScript.HTML.HtmlService {
  const impl: FakeHtmlService = {
    SandboxMode: SandboxModeEnum,
    XFrameOptionsMode: XFrameOptionsModeEnum,
    createHtmlOutput: (html?: unknown) => createHtmlOutput(ctx, html === undefined ? '' : String(html)),
    createHtmlOutputFromFile(filename: string) {
      // Apps Script accepts the name with or without the .html extension.
      const name = String(filename).replace(/\.html$/, '');
      const content = ctx.options.htmlFile(name);
      if (content === null) throw new Error(`No HTML file named ${name} was found.`);
      return createHtmlOutput(ctx, content);
    },
  };
  return ctx.tracker.wrap(complete<GoogleAppsScript.HTML.HtmlService>(impl, 'HtmlService'), 'HtmlService');
}
