import { describe, expect, it } from 'vitest';
import { createContext } from '../../../preview/gas/services/context';
import { createPropertiesService, MAX_VALUE_BYTES, STORE_FULL, VALUE_TOO_LARGE } from '../../../preview/gas/services/properties';
import { createLockService, LOCK_TIMEOUT } from '../../../preview/gas/services/lock';

describe('PropertiesService', () => {
  // Limits from https://developers.google.com/apps-script/guides/services/quotas:
  // "Properties value size 9 KB / val", "Properties total storage 500 KB / property store".
  it('keeps document, script and per-user stores apart', () => {
    const ctx = createContext({ user: 'a@example.org' });
    const { service, dump } = createPropertiesService(ctx);
    service.getDocumentProperties().setProperty('org', 'МБОУ «СОШ № 1»');
    service.getUserProperties().setProperty('lastOrder', '5');
    ctx.setRunner('b@example.org');
    expect(service.getUserProperties().getProperty('lastOrder')).toBeNull();
    expect(service.getDocumentProperties().getProperty('org')).toBe('МБОУ «СОШ № 1»');
    expect(service.getScriptProperties().getKeys()).toEqual([]);
    expect(dump({ user: 'a@example.org' })).toEqual({ lastOrder: '5' });
  });

  it('stores strings: a number comes back as text', () => {
    const { service } = createPropertiesService(createContext());
    const p = service.getDocumentProperties();
    p.setProperty('n', 42 as unknown as string);
    expect(p.getProperty('n')).toBe('42');
  });

  it('refuses a value over 9 KB (counted in UTF-8 bytes) and keeps the old value', () => {
    const { service } = createPropertiesService(createContext());
    const p = service.getDocumentProperties();
    p.setProperty('k', 'old');
    // 4,700 Cyrillic letters: fewer than 9,216 characters, but 9,400 bytes in UTF-8.
    const cyrillic = 'я'.repeat(4700);
    expect(cyrillic.length).toBeLessThan(MAX_VALUE_BYTES);
    expect(() => p.setProperty('k', cyrillic)).toThrow(VALUE_TOO_LARGE);
    expect(p.getProperty('k')).toBe('old');
    expect(() => p.setProperty('k', 'a'.repeat(MAX_VALUE_BYTES))).not.toThrow();
  });

  it('refuses to grow a store past 500 KB, all or nothing for setProperties', () => {
    const { service } = createPropertiesService(createContext());
    const p = service.getDocumentProperties();
    const chunk = 'x'.repeat(9000);
    const batch: Record<string, string> = {};
    for (let i = 0; i < 58; i++) batch[`k${i}`] = chunk; // 522,000 bytes > 500 × 1024
    expect(() => p.setProperties(batch)).toThrow(STORE_FULL);
    expect(p.getKeys()).toEqual([]);
    delete batch.k57;
    delete batch.k56;
    p.setProperties(batch);
    expect(p.getKeys()).toHaveLength(56);
    p.setProperties({ only: '1' }, true);
    expect(p.getProperties()).toEqual({ only: '1' });
  });

  it('is refused in AuthMode.NONE, allowed in LIMITED', () => {
    const ctx = createContext();
    const { service } = createPropertiesService(ctx);
    expect(() => ctx.tracker.run('NONE', () => service.getDocumentProperties())).toThrow(/You do not have permission/);
    expect(ctx.tracker.run('LIMITED', () => service.getDocumentProperties().getProperty('x'))).toBeNull();
  });
});

describe('LockService document lock', () => {
  // https://developers.google.com/apps-script/reference/lock/lock
  it('tryLock succeeds when free, is re-entrant for the holder, and releases', () => {
    const ctx = createContext();
    const locks = createLockService(ctx);
    const lock = locks.service.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(locks.documentLocked()).toBe(false);
  });

  it('while another execution holds it, tryLock returns false and waitLock throws Google\'s timeout', () => {
    const ctx = createContext();
    const locks = createLockService(ctx);
    const release = locks.holdDocumentLock();
    const lock = locks.service.getDocumentLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(() => lock.waitLock(10_000)).toThrow(LOCK_TIMEOUT);
    expect(lock.hasLock()).toBe(false);
    release();
    expect(lock.tryLock(10_000)).toBe(true);
  });

  it('the end of an execution releases a lock its code forgot', () => {
    const ctx = createContext();
    const locks = createLockService(ctx);
    locks.service.getDocumentLock().waitLock(1000);
    locks.endExecution();
    expect(locks.documentLocked()).toBe(false);
  });
});
