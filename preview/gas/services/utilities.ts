// Utilities: formatDate (time zones), blobs, base64, UUIDs; sleep does not wait.
import type { GasContext } from '../context';
import { createBlob } from './blob';
import { formatDate } from './format-date';
import { complete } from './partial';
import { makeEnum } from './enum';
import { base64Encode, utf8Encode } from './utf8';

type FakeUtilities = Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate' | 'newBlob' | 'base64Encode' | 'getUuid' | 'sleep' | 'Charset'>;

const hex = (n: number): string => Math.floor(n).toString(16);

export function createUtilities(ctx: GasContext): GoogleAppsScript.Utilities.Utilities {
  const impl: FakeUtilities = {
    Charset: makeEnum<typeof GoogleAppsScript.Utilities.Charset>(['US_ASCII', 'UTF_8']),
    formatDate: (date: GoogleAppsScript.Base.Date, timeZone: string, format: string) => formatDate(date as Date, timeZone, format),
    newBlob(data: string | GoogleAppsScript.Byte[], contentType?: string, name?: string) {
      const bytes = typeof data === 'string' ? utf8Encode(data) : data.map((b) => b & 0xff);
      return createBlob(ctx, { bytes, contentType: contentType ?? null, name: name ?? null });
    },
    base64Encode: (data: string | GoogleAppsScript.Byte[]) => base64Encode(typeof data === 'string' ? utf8Encode(data) : data),
    getUuid: () =>
      'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => hex(c === 'x' ? Math.random() * 16 : 8 + Math.random() * 4)),
    // Runs are synchronous here and nothing else happens meanwhile: waiting would only slow tests.
    sleep: () => undefined,
  };
  return ctx.tracker.wrap(complete<GoogleAppsScript.Utilities.Utilities>(impl as Partial<GoogleAppsScript.Utilities.Utilities>, 'Utilities'), 'Utilities');
}
