import { describe, expect, it } from 'vitest';
import { createContext } from '../../../preview/gas/services/context';
import { createUtilities } from '../../../preview/gas/services/utilities';
import { createSession } from '../../../preview/gas/services/session';
import { createLogger } from '../../../preview/gas/services/logger';

const utilities = () => createUtilities(createContext());

describe('Utilities.formatDate', () => {
  // https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
  // Patterns are Java SimpleDateFormat's.
  const instant = new Date('2023-12-31T21:30:05.007Z');

  it('converts to the given time zone', () => {
    const u = utilities();
    expect(u.formatDate(instant, 'Europe/Moscow', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-01-01 00:30:05');
    expect(u.formatDate(instant, 'Asia/Vladivostok', 'dd.MM.yyyy HH:mm')).toBe('01.01.2024 07:30');
    expect(u.formatDate(instant, 'UTC', 'dd.MM.yyyy')).toBe('31.12.2023');
    expect(u.formatDate(instant, 'America/New_York', 'yyyy-MM-dd HH:mm Z')).toBe('2023-12-31 16:30 -0500');
  });

  it('follows daylight saving where the zone has it', () => {
    const u = utilities();
    expect(u.formatDate(new Date('2023-07-01T12:00:00Z'), 'Europe/Berlin', 'HH:mm XXX')).toBe('14:00 +02:00');
    expect(u.formatDate(new Date('2023-01-01T12:00:00Z'), 'Europe/Berlin', 'HH:mm XXX')).toBe('13:00 +01:00');
  });

  it('supports unpadded fields, English month and day names, quoted text and milliseconds', () => {
    const u = utilities();
    const d = new Date('2024-03-05T06:07:08.009Z');
    expect(u.formatDate(d, 'UTC', 'd.M.yy')).toBe('5.3.24');
    expect(u.formatDate(d, 'UTC', 'EEEE, d MMMM yyyy')).toBe('Tuesday, 5 March 2024');
    expect(u.formatDate(d, 'UTC', "EEE MMM ''yy 'at' h a")).toBe("Tue Mar '24 at 6 AM");
    expect(u.formatDate(d, 'UTC', 'HH:mm:ss.SSS')).toBe('06:07:08.009');
  });

  it('rejects an unknown pattern letter and an unknown time zone', () => {
    const u = utilities();
    expect(() => u.formatDate(instant, 'UTC', 'yyyy-MM-dd Q')).toThrow(/Illegal pattern character 'Q'/);
    expect(() => u.formatDate(instant, 'Mars/Olympus', 'yyyy')).toThrow(/timeZone/);
  });
});

describe('Utilities blobs and encodings', () => {
  it('newBlob keeps UTF-8 text, type and name; base64 matches Node', () => {
    const u = utilities();
    const blob = u.newBlob('Приказ № 1 — $100 \\ [x]', 'text/plain', 'prikaz.txt');
    expect(blob.getDataAsString()).toBe('Приказ № 1 — $100 \\ [x]');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('prikaz.txt');
    expect(u.base64Encode('Приказ')).toBe(Buffer.from('Приказ', 'utf8').toString('base64'));
    expect(u.base64Encode(blob.getBytes())).toBe(Buffer.from('Приказ № 1 — $100 \\ [x]').toString('base64'));
    // Apps Script bytes are Java's: signed.
    expect(Math.min(...blob.getBytes())).toBeLessThan(0);
  });

  it('getUuid gives distinct RFC 4122 version 4 identifiers', () => {
    const u = utilities();
    const ids = new Set(Array.from({ length: 100 }, () => u.getUuid()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('Session and Logger', () => {
  it('reports the running user, the script time zone and the language', () => {
    const ctx = createContext({ user: 'metodist@school.ru', scriptTimeZone: 'Asia/Yekaterinburg', locale: 'ru_RU' });
    const s = createSession(ctx);
    expect(s.getActiveUser().getEmail()).toBe('metodist@school.ru');
    expect(s.getScriptTimeZone()).toBe('Asia/Yekaterinburg');
    expect(s.getActiveUserLocale()).toBe('ru');
    ctx.setRunner('director@school.ru');
    expect(s.getActiveUser().getEmail()).toBe('director@school.ru');
    expect(ctx.tracker.calls.count('Session.getActiveUser')).toBe(2);
    expect(ctx.tracker.calls.count('User.getEmail')).toBe(2);
  });

  it('Logger.log formats %s and keeps lines', () => {
    const logger = createLogger(createContext());
    logger.log('Строк: %s', 12).log({ a: 1 });
    expect(logger.getLog()).toBe('Строк: 12\n{"a":1}\n');
  });
});
