// UTF-8 and base64 without TextEncoder or Buffer: neither exists in Apps Script's V8, and this
// code also compiles in the server type environment (no DOM, no Node).

export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function utf8Length(s: string): number {
  return utf8Encode(s).length;
}

/** Bytes (0..255 or Java-style signed -128..127) to a string. */
export function utf8Decode(bytes: readonly number[]): string {
  const b = bytes.map((x) => x & 0xff);
  let s = '';
  for (let i = 0; i < b.length; ) {
    const x = b[i]!;
    let c: number;
    let n: number;
    if (x < 0x80) [c, n] = [x, 1];
    else if (x >= 0xf0) [c, n] = [x & 7, 4];
    else if (x >= 0xe0) [c, n] = [x & 15, 3];
    else [c, n] = [x & 31, 2];
    for (let k = 1; k < n; k++) c = (c << 6) | ((b[i + k] ?? 0) & 63);
    s += String.fromCodePoint(c);
    i += n;
  }
  return s;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]! & 0xff, (bytes[i + 1] ?? 0) & 0xff, (bytes[i + 2] ?? 0) & 0xff];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** Signed bytes, as Apps Script's Byte[] (Java) holds them. */
export function toSignedBytes(bytes: readonly number[]): number[] {
  return bytes.map((x) => ((x & 0xff) << 24) >> 24);
}

export function base64Decode(text: string): number[] {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => ALPHABET.indexOf(clean[i + k] ?? 'A')) as [number, number, number, number];
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out.push((n >> 16) & 255);
    if (i + 2 < clean.length) out.push((n >> 8) & 255);
    if (i + 3 < clean.length) out.push(n & 255);
  }
  return out;
}
