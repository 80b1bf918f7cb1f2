// The authorization modes of editor add-ons (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
// and ScriptApp.AuthMode): NONE builds menus only; LIMITED works on the bound file without
// sidebars or dialogs; FULL allows everything.
import { describe, expect, it } from 'vitest';
import { editorAddonPolicy } from '../../../preview/gas/policy';

const allowed = (mode: 'NONE' | 'LIMITED' | 'FULL', call: string): boolean => {
  const [cls, method] = call.split('.') as [string, string];
  return editorAddonPolicy(mode, cls, method) === null;
};

describe('editorAddonPolicy', () => {
  it.each([
    // call, NONE, LIMITED, FULL
    ['SpreadsheetApp.getUi', true, true, true],
    ['Ui.createAddonMenu', true, true, true],
    ['Menu.addItem', true, true, true],
    ['SpreadsheetApp.getActiveSpreadsheet', false, true, true],
    ['Range.setValues', false, true, true],
    ['PropertiesService.getDocumentProperties', false, true, true],
    ['LockService.getDocumentLock', false, true, true],
    ['Spreadsheet.toast', false, true, true],
    ['Ui.showSidebar', false, false, true],
    ['Ui.showModalDialog', false, false, true],
    ['Ui.alert', false, false, true],
    ['DocumentApp.create', false, false, true],
    ['Body.appendParagraph', false, false, true],
    ['DriveApp.getFileById', false, false, true],
  ] as const)('%s: NONE %s, LIMITED %s, FULL %s', (call, none, limited, full) => {
    expect([allowed('NONE', call), allowed('LIMITED', call), allowed('FULL', call)]).toEqual([none, limited, full]);
  });

  it('names the scope the call needs, as Google does', () => {
    expect(editorAddonPolicy('NONE', 'SpreadsheetApp', 'getActiveSpreadsheet')).toBe(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(editorAddonPolicy('LIMITED', 'Paragraph', 'setText')).toMatch(/auth\/documents$/);
    expect(editorAddonPolicy('LIMITED', 'Ui', 'showSidebar')).toMatch(/auth\/script\.container\.ui$/);
  });
});
