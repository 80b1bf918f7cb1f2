// The add-on menu, as data: captions (Russian) and the global function each item calls.
// Every functionName must be exported from main.ts (the bundle contract test checks it).

export interface MenuItem {
  caption: string;
  functionName: string;
}
export interface SubMenu {
  caption: string;
  items: MenuEntry[];
}
export type MenuEntry = MenuItem | SubMenu | 'separator';

export const MENU: MenuEntry[] = [
  { caption: 'Открыть панель', functionName: 'openPanel' },
  { caption: 'Создать дорожную карту', functionName: 'createRoadmap' },
  { caption: 'Распознать таблицу', functionName: 'recognizeTable' },
  { caption: 'Импортировать из Google Документа', functionName: 'importFromDoc' },
  'separator',
  { caption: 'Проверить', functionName: 'openCheck' },
  { caption: 'Обновить сроки и цвета', functionName: 'refreshColours' },
  { caption: 'Календарный график', functionName: 'buildTimeline' },
  { caption: 'Настройки дорожной карты', functionName: 'openRoadmapSettings' },
  { caption: 'Напоминания о сроках', functionName: 'openReminders' },
  'separator',
  {
    caption: 'Приказы',
    items: [
      { caption: 'Сформировать приказ', functionName: 'openOrderSidebar' },
      { caption: 'Приказ по выделенной строке', functionName: 'openRowOrderSidebar' },
      { caption: 'Шаблон приказа', functionName: 'openOrderTemplate' },
      { caption: 'Реквизиты организации', functionName: 'openRequisites' },
    ],
  },
  {
    caption: 'Район',
    items: [
      { caption: 'Организации', functionName: 'openDistrictRegistry' },
      { caption: 'Разослать школам', functionName: 'openDistribute' },
      { caption: 'Свод', functionName: 'openDistrictSummary' },
      { caption: 'Проверить все школы', functionName: 'openCheckAll' },
      { caption: 'Календарные графики школ', functionName: 'buildSchoolTimelines' },
    ],
  },
];

type Menu = Pick<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu'>;

function fill<M extends Menu>(menu: M, entries: MenuEntry[], ui: GoogleAppsScript.Base.Ui): M {
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else if ('items' in entry) menu.addSubMenu(fill(ui.createMenu(entry.caption), entry.items, ui));
    else menu.addItem(entry.caption, entry.functionName);
  }
  return menu;
}

/**
 * Builds the menu and nothing else: onOpen runs in AuthMode.NONE before the add-on is authorised,
 * where reading the sheet or properties would throw and take the whole menu down with it.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  fill(ui.createAddonMenu(), MENU, ui).addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** All menu item function names, sub-menus included. */
export function menuFunctionNames(entries: MenuEntry[] = MENU): string[] {
  return entries.flatMap((e) => (e === 'separator' ? [] : 'items' in e ? menuFunctionNames(e.items) : [e.functionName]));
}
