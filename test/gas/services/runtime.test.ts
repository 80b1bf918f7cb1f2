import { describe, expect, it } from 'vitest';
import manifest from '../../../appsscript.json';
import { createGasRuntime, loadBundle, LOCK_TIMEOUT } from '../../../preview/gas';

describe('createGasRuntime', () => {
  it('AuthMode.NONE allows the menu only; LIMITED reads the bound file; FULL everything', () => {
    const rt = createGasRuntime({ spreadsheetName: 'План' });
    const { SpreadsheetApp, PropertiesService, DocumentApp } = rt.globals;
    rt.run('NONE', () => SpreadsheetApp.getUi().createAddonMenu().addItem('Открыть панель', 'openPanel').addToUi());
    expect(() => rt.run('NONE', () => SpreadsheetApp.getActiveSpreadsheet())).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(() => rt.run('NONE', () => PropertiesService.getDocumentProperties())).toThrow(/permission/);
    expect(rt.run('LIMITED', () => SpreadsheetApp.getActiveSpreadsheet().getName())).toBe('План');
    expect(() => rt.run('LIMITED', () => DocumentApp.create('x'))).toThrow(/permission/);
    expect(rt.run('FULL', () => DocumentApp.create('x').getName())).toBe('x');
    expect(rt.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1); // refused calls are not counted
  });

  it('runs as another user and releases the document lock at the end of the execution', () => {
    const rt = createGasRuntime({ user: 'a@example.org' });
    const { Session, LockService } = rt.globals;
    expect(rt.run('FULL', () => Session.getActiveUser().getEmail(), { user: 'school1@example.org' })).toBe('school1@example.org');
    expect(rt.run('FULL', () => Session.getActiveUser().getEmail())).toBe('a@example.org');
    rt.run('FULL', () => LockService.getDocumentLock().waitLock(1000));
    expect(rt.run('FULL', () => LockService.getDocumentLock().tryLock(0))).toBe(true);
  });

  it('a lock held by another execution makes a guarded write leave nothing written', () => {
    const rt = createGasRuntime();
    rt.seedSheet('План', [['№', 'Мероприятие'], ['1.', 'Назначить куратора']]);
    const { SpreadsheetApp, LockService } = rt.globals;
    const guardedWrite = (): void => {
      const lock = LockService.getDocumentLock();
      lock.waitLock(5000);
      try {
        SpreadsheetApp.getActiveSpreadsheet().getSheetByName('План')!.getRange('B2').setValue('изменено');
      } finally {
        lock.releaseLock();
      }
    };
    const release = rt.holdDocumentLock();
    expect(() => rt.run('FULL', guardedWrite)).toThrow(LOCK_TIMEOUT);
    expect(rt.snapshot().sheets[0]!.cells[1]![1]!.text).toBe('Назначить куратора');
    release();
    rt.run('FULL', guardedWrite);
    expect(rt.snapshot().sheets[0]!.cells[1]![1]!.text).toBe('изменено');
  });

  it('install() puts the globals on a target and the returned function removes them', () => {
    const rt = createGasRuntime();
    const target: Record<string, unknown> = { Logger: 'mine' };
    const uninstall = rt.install(target);
    expect(target.SpreadsheetApp).toBe(rt.globals.SpreadsheetApp);
    expect(target.Logger).toBe(rt.globals.Logger);
    uninstall();
    expect(target).toEqual({ Logger: 'mine' });
  });

  it('install() gives in-process code the runtime clock, so a test does not depend on the day it runs', () => {
    const pinned = new Date('2026-11-23T21:02:00Z'); // already 24 November in Moscow
    const rt = createGasRuntime({ now: () => pinned, timeZone: 'Europe/Moscow' });
    const hostDate = Date;
    const uninstall = rt.install();
    try {
      expect(Date.now()).toBe(pinned.getTime());
      expect(new Date().toISOString()).toBe('2026-11-23T21:02:00.000Z');
      expect(new Date(2020, 0, 1).getFullYear()).toBe(2020);
      expect(new Date() instanceof hostDate).toBe(true);
      expect(rt.run('FULL', () => Utilities.formatDate(new Date(), 'Europe/Moscow', 'yyyy-MM-dd'))).toBe('2026-11-24');
    } finally {
      uninstall();
    }
    expect(Date).toBe(hostDate);
  });

  it('Spreadsheet.toast is recorded as a UiEvent', () => {
    const rt = createGasRuntime();
    rt.run('FULL', () => rt.globals.SpreadsheetApp.getActiveSpreadsheet().toast('Проверка завершена', 'Дорожная карта'));
    expect(rt.uiEvents).toEqual([{ type: 'toast', title: 'Дорожная карта', message: 'Проверка завершена' }]);
  });
});

describe('loadBundle', () => {
  it('returns the top-level functions, with the runtime clock and services in scope', () => {
    const rt = createGasRuntime({ now: () => new Date('2024-02-29T21:00:00Z'), timeZone: 'Europe/Moscow' });
    const fns = loadBundle(
      rt,
      `var helper = 1;
       function today() { return Utilities.formatDate(new Date(), 'Europe/Moscow', 'yyyy-MM-dd'); }
       function nowMs() { return Date.now(); }
       function secret_() { return helper; }`,
    );
    expect(Object.keys(fns).sort()).toEqual(['nowMs', 'secret_', 'today']);
    expect(rt.run('FULL', () => fns.today!())).toBe('2024-03-01');
    expect(fns.nowMs!()).toBe(Date.parse('2024-02-29T21:00:00Z'));
  });

  it('instanceof keeps its meaning for the script\'s own Error subclasses; service errors are Errors', () => {
    const rt = createGasRuntime();
    const fns = loadBundle(
      rt,
      `class UserError extends Error {}
       function check() {
         let service;
         try { DocumentApp.openById('no-such-doc'); } catch (e) { service = e; }
         return [new UserError('x') instanceof UserError, new Error('x') instanceof UserError, service instanceof UserError, service instanceof Error];
       }`,
    );
    expect(rt.run('FULL', () => fns.check!())).toEqual([true, false, false, true]);
  });

  it('console output of the script lands in runtime.logs() without counting as service calls', () => {
    const rt = createGasRuntime();
    const fns = loadBundle(rt, "function f() { console.log('Строк:', 3, { a: 1 }); }");
    fns.f!();
    expect(rt.logs()).toBe('Строк: 3 {"a":1}\n');
    expect(rt.calls.total()).toBe(0);
  });

  it('an error thrown at the top level of the script surfaces (it would take the whole menu down)', () => {
    const rt = createGasRuntime();
    expect(() => loadBundle(rt, 'PropertiesService.getDocumentProperties(); function onOpen() {}')).not.toThrow();
    expect(() => rt.run('NONE', () => loadBundle(rt, 'PropertiesService.getDocumentProperties(); function onOpen() {}'))).toThrow(/permission/);
  });
});

describe('loadBundle realms', () => {
  it('dates from the services are Dates to the script, and service errors are Errors', () => {
    const rt = createGasRuntime({ oauthScopes: [...manifest.oauthScopes, 'https://www.googleapis.com/auth/drive'] });
    rt.seedSheet('План', [[new Date(2021, 1, 1)]]);
    const fns = loadBundle(
      rt,
      `function isDate() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('План').getRange('A1').getValue() instanceof Date; }
       function made() { return new Date(2020, 0, 1); }
       function caught() { try { DriveApp.getFileById('nope'); } catch (e) { return e instanceof Error ? e.message : 'not an Error'; } }`,
    );
    expect(rt.run('FULL', () => fns.isDate!())).toBe(true);
    expect(fns.made!()).toBeInstanceOf(Date);
    expect(rt.run('FULL', () => fns.caught!())).toMatch(/^No item with the given ID/);
  });
});
