// Blob: bytes with a content type and a name (Utilities.newBlob, Document.getAs, File.getBlob).
import type { GasContext } from '../context';
import { complete } from './partial';
import { toSignedBytes, utf8Decode, utf8Encode } from './utf8';

type Blob = GoogleAppsScript.Base.Blob;
type FakeBlob = Pick<
  Blob,
  'copyBlob' | 'getAs' | 'getBytes' | 'getContentType' | 'getDataAsString' | 'getName' | 'isGoogleType' | 'setBytes'
  | 'setContentType' | 'setDataFromString' | 'setName' | 'getBlob'
>;

export interface BlobData {
  bytes: number[];
  contentType: string | null;
  name: string | null;
}

const blobs = new WeakMap<object, BlobData>();

/** The data behind a Blob handed out by the runtime (null for a foreign object). */
export function blobData(blob: object): BlobData | null {
  return blobs.get(blob) ?? null;
}

/**
 * Converts a blob to another type. Only what the add-on needs: anything to itself, and text to a
 * one-page stub PDF that carries the text (enough to check what a "PDF copy" contains).
 */
export type Converter = (data: BlobData, contentType: string) => BlobData;

export const defaultConverter: Converter = (data, contentType) => {
  if (contentType === data.contentType) return { ...data, bytes: [...data.bytes] };
  if (contentType === 'application/pdf') {
    const text = utf8Decode(data.bytes);
    return { bytes: utf8Encode(stubPdf(text)), contentType, name: renameTo(data.name, 'pdf') };
  }
  throw new Error(`Converting from ${data.contentType ?? 'unknown'} to ${contentType} is not supported.`);
};

export function renameTo(name: string | null, ext: string): string | null {
  return name === null ? null : `${name.replace(/\.[^.]*$/, '')}.${ext}`;
}

/** A minimal PDF whose text stream names its content; not rendered, only inspected by tests. */
export function stubPdf(text: string): string {
  return `%PDF-1.4\n%in-memory Apps Script\n1 0 obj << /Type /Catalog >> endobj\n% ${text.replace(/\n/g, '\n% ')}\n%%EOF\n`;
}

export function createBlob(ctx: GasContext, data: BlobData, convert: Converter = defaultConverter): Blob {
  const self = (): Blob => proxy;
  const impl: FakeBlob = {
    copyBlob: () => createBlob(ctx, { ...data, bytes: [...data.bytes] }, convert),
    getAs: (contentType: string) => createBlob(ctx, convert(data, contentType), convert),
    getBlob: () => self(),
    getBytes: () => toSignedBytes(data.bytes),
    getContentType: () => data.contentType,
    getDataAsString: () => utf8Decode(data.bytes),
    getName: () => data.name,
    isGoogleType: () => (data.contentType ?? '').startsWith('application/vnd.google-apps.'),
    setBytes: (bytes: GoogleAppsScript.Byte[]) => ((data.bytes = bytes.map((b) => b & 0xff)), self()),
    setContentType: (t: string | null) => ((data.contentType = t), self()),
    setDataFromString: (s: string) => ((data.bytes = utf8Encode(String(s))), self()),
    setName: (n: string) => ((data.name = String(n)), self()),
  };
  const proxy = ctx.tracker.wrap(complete<Blob>(impl as Partial<Blob>, 'Blob'), 'Blob');
  blobs.set(proxy, data);
  return proxy;
}
