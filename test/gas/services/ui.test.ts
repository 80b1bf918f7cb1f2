import { describe, expect, it } from 'vitest';
import { createContext } from '../../../preview/gas/services/context';
import { createUiService } from '../../../preview/gas/services/ui';
import { createHtmlService } from '../../../preview/gas/services/html';
import { AuthorizationError } from '../../../preview/gas/track';

function setup(htmlFile: (name: string) => string | null = () => null) {
  const ctx = createContext({ htmlFile });
  const ui = createUiService(ctx);
  ctx.setUi(ui.ui);
  return { ctx, ui, html: createHtmlService(ctx) };
}

describe('Ui menus', () => {
  it('records the add-on menu tree with sub-menus and separators, counting each call', () => {
    const { ctx, ui } = setup();
    const { ui: u } = ui;
    const sub = u.createMenu('Проверка').addItem('Проверить всё', 'checkAll');
    u.createAddonMenu().addItem('Открыть панель', 'openPanel').addSeparator().addSubMenu(sub).addToUi();
    expect(ui.events).toEqual([
      {
        type: 'menu',
        title: 'Дорожная карта',
        items: [
          { caption: 'Открыть панель', functionName: 'openPanel' },
          { separator: true },
          { caption: 'Проверка', items: [{ caption: 'Проверить всё', functionName: 'checkAll' }] },
        ],
      },
    ]);
    expect(ctx.tracker.calls.snapshot()).toEqual({
      'Menu.addItem': 2, 'Menu.addSeparator': 1, 'Menu.addSubMenu': 1, 'Menu.addToUi': 1,
      'Ui.createAddonMenu': 1, 'Ui.createMenu': 1,
    });
  });

  it('builds menus in AuthMode.NONE but refuses a sidebar there and in LIMITED', () => {
    const { ctx, ui, html } = setup(() => '<p>Панель</p>');
    ctx.tracker.run('NONE', () => ui.ui.createAddonMenu().addItem('Открыть панель', 'openPanel').addToUi());
    expect(ui.events).toHaveLength(1);
    const output = ctx.tracker.run('FULL', () => html.createHtmlOutputFromFile('panel'));
    for (const mode of ['NONE', 'LIMITED'] as const) {
      expect(() => ctx.tracker.run(mode, () => ui.ui.showSidebar(output))).toThrow(AuthorizationError);
      expect(() => ctx.tracker.run(mode, () => ui.ui.showSidebar(output))).toThrow(/You do not have permission to call Ui\.showSidebar/);
    }
    expect(ui.events).toHaveLength(1);
  });
});

describe('Ui alerts and prompts', () => {
  it('answers OK / YES and empty text by default, and takes scripted answers in order', () => {
    const { ui } = setup();
    const u = ui.ui;
    expect(u.alert('Готово')).toBe(u.Button.OK);
    expect(u.alert('Удалить?', u.ButtonSet.YES_NO)).toBe(u.Button.YES);
    ui.answerNext({ button: 'NO' });
    expect(u.alert('Внимание', 'Удалить строки?', u.ButtonSet.YES_NO)).toBe(u.Button.NO);
    ui.answerNext({ button: 'OK', text: 'Приказ № 5' });
    const r = u.prompt('Номер', 'Введите номер', u.ButtonSet.OK_CANCEL);
    expect(r.getSelectedButton()).toBe(u.Button.OK);
    expect(r.getResponseText()).toBe('Приказ № 5');
    expect(u.prompt('Имя').getResponseText()).toBe('');
    expect(ui.events.map((e) => e.type)).toEqual(['alert', 'alert', 'alert', 'prompt', 'prompt']);
    expect(ui.events[2]).toMatchObject({ title: 'Внимание', message: 'Удалить строки?', buttons: 'YES_NO', answer: 'NO' });
    expect(ui.events[0]).toMatchObject({ title: '', message: 'Готово', buttons: 'OK' });
  });

  it('refuses a scripted answer that is not a button of the dialog', () => {
    const { ui } = setup();
    ui.answerNext({ button: 'YES' });
    expect(() => ui.ui.alert('Готово')).toThrow(/not among the buttons OK/);
  });
});

describe('HtmlService', () => {
  it('serves a built file with its title and size, and shows it as sidebar and dialog', () => {
    const { ui, html } = setup((name) => (name === 'panel' ? '<h1>Панель</h1>' : null));
    const out = html.createHtmlOutputFromFile('panel').setTitle('Дорожная карта');
    expect(out.getContent()).toBe('<h1>Панель</h1>');
    ui.ui.showSidebar(out);
    ui.ui.showModalDialog(html.createHtmlOutputFromFile('panel.html').setWidth(720).setHeight(560), 'Приказ');
    expect(ui.events).toEqual([
      { type: 'sidebar', title: 'Дорожная карта', html: '<h1>Панель</h1>' },
      { type: 'dialog', title: 'Приказ', html: '<h1>Панель</h1>', width: 720, height: 560, modal: true },
    ]);
  });

  it('throws like Google for a missing file', () => {
    const { html } = setup();
    expect(() => html.createHtmlOutputFromFile('nope')).toThrow('No HTML file named nope was found.');
  });

  it('escapes appendUntrusted and leaves append as is', () => {
    const { html } = setup();
    const out = html.createHtmlOutput('<b>a</b>').appendUntrusted('<img src=x onerror=alert(1)>');
    expect(out.getContent()).toBe('<b>a</b>&lt;img src=x onerror=alert(1)&gt;');
  });

  it('throws "not implemented" for methods the fake lacks', () => {
    const { html } = setup();
    expect(() => html.createTemplate('x')).toThrow('HtmlService.createTemplate is not implemented in the in-memory Apps Script');
  });
});
