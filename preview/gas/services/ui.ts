// Ui of the container (SpreadsheetApp.getUi()): menus, alerts, prompts, sidebars and dialogs.
// Everything shown is recorded as a UiEvent; alerts and prompts take scripted answers.
import type { GasContext } from '../context';
import { complete } from './partial';
import { enumName, makeEnum } from './enum';
import type { MenuSnapshot, UiEvent } from '../types';
import { htmlOutputState } from './html';

type Button = GoogleAppsScript.Base.Button;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const ButtonEnum = makeEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSetEnum = makeEnum<typeof GoogleAppsScript.Base.ButtonSet>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
const buttonNamed = (name: string): Button => (ButtonEnum as unknown as Record<string, Button>)[name]!;

/** Buttons each ButtonSet shows. */
const BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export interface ScriptedAnswer {
  button: string;
  text?: string;
}

type FakeMenu = Pick<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'>;

class MenuImpl implements FakeMenu {
  readonly items: MenuSnapshot[] = [];
  constructor(
    readonly caption: string,
    private readonly onAdd: (menu: MenuImpl) => void,
    private readonly lookup: (menu: unknown) => MenuImpl | undefined,
  ) {}
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new Error('Invalid argument: caption and functionName must be strings');
    }
    this.items.push({ caption, functionName });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.items.push({ separator: true });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    const sub = this.lookup(menu);
    if (!sub) throw new Error('Invalid argument: menu');
    this.items.push({ caption: sub.caption, items: sub.items });
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addToUi(): void {
    this.onAdd(this);
  }
}

type FakeUi = Pick<
  GoogleAppsScript.Base.Ui,
  'Button' | 'ButtonSet' | 'alert' | 'prompt' | 'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'
>;

export interface UiService {
  readonly ui: GoogleAppsScript.Base.Ui;
  readonly events: UiEvent[];
  answerNext(answer: ScriptedAnswer): void;
  /** For Spreadsheet.toast: records a toast event. */
  toast(message: string, title?: string): void;
}

export function createUiService(ctx: GasContext, addonMenuTitle = 'Дорожная карта'): UiService {
  const events: UiEvent[] = [];
  const answers: ScriptedAnswer[] = [];
  const menus = new WeakMap<object, MenuImpl>();

  const makeMenu = (caption: string): GoogleAppsScript.Base.Menu => {
    const impl = new MenuImpl(
      caption,
      (m) => {
        // A menu added again replaces the earlier one with the same title (as re-running onOpen does).
        const at = events.findIndex((e) => e.type === 'menu' && e.title === m.caption);
        const event: UiEvent = { type: 'menu', title: m.caption, items: JSON.parse(JSON.stringify(m.items)) as MenuSnapshot[] };
        if (at >= 0) events[at] = event;
        else events.push(event);
      },
      (x) => (typeof x === 'object' && x !== null ? menus.get(x) : undefined),
    );
    const proxy = ctx.tracker.wrap(impl, 'Menu') as unknown as GoogleAppsScript.Base.Menu;
    menus.set(proxy, impl);
    menus.set(impl, impl);
    return proxy;
  };

  const nextAnswer = (buttons: string): ScriptedAnswer => {
    const allowed = BUTTONS[buttons] ?? ['OK'];
    const scripted = answers.shift();
    const answer = scripted ?? { button: allowed[0]!, text: '' };
    // CLOSE is always possible (the dialog's ×); anything else must be on the dialog.
    if (answer.button !== 'CLOSE' && !allowed.includes(answer.button)) {
      throw new Error(`Scripted answer ${answer.button} is not among the buttons ${buttons}`);
    }
    return answer;
  };

  const buttonSetOf = (x: unknown): string => {
    if (x === undefined) return 'OK';
    const name = enumName(x);
    if (name === null || !(name in BUTTONS)) throw new Error('Invalid argument: buttons');
    return name;
  };

  const html = (output: HtmlOutput): { html: string; title: string; width: number; height: number } => {
    const state = htmlOutputState(output);
    if (!state) throw new Error('Invalid argument: userInterface');
    return { html: state.content, title: state.title, width: state.width, height: state.height };
  };

  const impl: FakeUi = {
    Button: ButtonEnum,
    ButtonSet: ButtonSetEnum,
    createAddonMenu: () => makeMenu(addonMenuTitle),
    createMenu: (caption: string) => makeMenu(caption),
    alert(a: string, b?: unknown, c?: unknown): Button {
      const [title, message, set] = typeof b === 'string' ? [a, b, buttonSetOf(c)] : ['', a, buttonSetOf(b)];
      const answer = nextAnswer(set);
      events.push({ type: 'alert', title, message, buttons: set, answer: answer.button });
      return buttonNamed(answer.button);
    },
    prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
      const [title, message, set] = typeof b === 'string' ? [a, b, buttonSetOf(c)] : ['', a, buttonSetOf(b)];
      const answer = nextAnswer(set);
      const text = answer.text ?? '';
      events.push({ type: 'prompt', title, message, buttons: set, answer: answer.button, text });
      const response: Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'> = {
        getResponseText: () => text,
        getSelectedButton: () => buttonNamed(answer.button),
      };
      return ctx.tracker.wrap(response, 'PromptResponse');
    },
    showSidebar(output: HtmlOutput): void {
      const h = html(output);
      events.push({ type: 'sidebar', title: h.title, html: h.html });
    },
    showModalDialog(output: HtmlOutput, title: string): void {
      const h = html(output);
      events.push({ type: 'dialog', title, html: h.html, width: h.width, height: h.height, modal: true });
    },
    showModelessDialog(output: HtmlOutput, title: string): void {
      const h = html(output);
      events.push({ type: 'dialog', title, html: h.html, width: h.width, height: h.height, modal: false });
    },
  };
  // Overloads are implemented by one function each; the cast states that they cover the Pick<>.
  const full = complete<GoogleAppsScript.Base.Ui>(impl as Partial<GoogleAppsScript.Base.Ui>, 'Ui');
  return {
    ui: ctx.tracker.wrap(full, 'Ui'),
    events,
    answerNext: (answer) => void answers.push(answer),
    toast: (message, title = '') => void events.push({ type: 'toast', title, message }),
  };
}
