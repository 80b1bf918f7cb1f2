// The runtime refuses calls whose scope the manifest does not declare, as real Apps Script does
// with explicit oauthScopes (each method's "Authorization" section in Google's reference).
import { describe, expect, it } from 'vitest';
import manifest from '../../../appsscript.json';
import { createGasRuntime } from '../../../preview/gas';

describe('OAuth scopes from appsscript.json', () => {
  it('our manifest declares no full Drive scope, so DriveApp is refused', () => {
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    const rt = createGasRuntime();
    expect(() => rt.run('FULL', () => rt.globals.DriveApp.getRootFolder())).toThrow(
      'Required permissions: https://www.googleapis.com/auth/drive',
    );
  });

  it('DriveApp works once the drive scope is declared', () => {
    const rt = createGasRuntime({ oauthScopes: [...manifest.oauthScopes, 'https://www.googleapis.com/auth/drive'] });
    expect(rt.run('FULL', () => rt.globals.DriveApp.getRootFolder().getName())).toBeTruthy();
  });

  it('spreadsheets.currentonly reaches the bound spreadsheet but not another one by id', () => {
    const rt = createGasRuntime();
    expect(rt.run('FULL', () => rt.globals.SpreadsheetApp.getActiveSpreadsheet().getName())).toBe('Дорожная карта');
    expect(() => rt.run('FULL', () => rt.globals.SpreadsheetApp.openById('x'))).toThrow('auth/spreadsheets');
  });

  it('Session.getActiveUser needs userinfo.email, which the manifest declares', () => {
    const declared = createGasRuntime();
    expect(declared.run('FULL', () => declared.globals.Session.getActiveUser().getEmail())).toBe('metodist@example.org');
    const without = createGasRuntime({ oauthScopes: manifest.oauthScopes.filter((s) => !s.endsWith('userinfo.email')) });
    expect(() => without.run('FULL', () => without.globals.Session.getActiveUser())).toThrow('userinfo.email');
  });
});
