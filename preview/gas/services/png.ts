// A minimal PNG encoder for the in-memory Apps Script: truecolour RGBA, 8 bits, no interlace,
// filter 0 (PNG specification, https://www.w3.org/TR/png/). The runtime's charts render to it
// (EmbeddedChart.getAs('image/png')). preview/gas compiles without Node's types (it is typed as
// Apps Script code), so the zlib stream is written here: deflate with the fixed Huffman codes
// (RFC 1951 §3.2.6) and greedy matches against the previous pixel and the row above, which is
// what a chart's flat colours need (a 640×900 chart is a few kilobytes). Tests decode it with
// node:zlib (test/gas/png-decode.ts), which checks this encoder against a real inflater.

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row. */
  pixels: Uint8Array;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Writes bits least-significant first, as deflate packs them. */
class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >> i) & 1) << this.n;
      if (++this.n === 8) {
        this.bytes.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  /** A Huffman code: its bits go most-significant first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
  }
  done(): number[] {
    if (this.n) this.bytes.push(this.acc);
    return this.bytes;
  }
}

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/** Fixed literal/length code of a symbol 0..287 (RFC 1951 §3.2.6). */
function fixedCode(w: BitWriter, symbol: number): void {
  if (symbol < 144) w.code(0x30 + symbol, 8);
  else if (symbol < 256) w.code(0x190 + symbol - 144, 9);
  else if (symbol < 280) w.code(symbol - 256, 7);
  else w.code(0xc0 + symbol - 280, 8);
}

const lastBelow = (table: readonly number[], value: number): number => {
  let i = table.length - 1;
  while (table[i]! > value) i--;
  return i;
};

/** A zlib stream (RFC 1950) of one fixed-Huffman deflate block; `row`: the distance to the byte above. */
function zlibDeflate(data: Uint8Array, row: number): Uint8Array {
  const w = new BitWriter();
  w.bits(1, 1); // final block
  w.bits(1, 2); // fixed Huffman codes
  const matchAt = (i: number, distance: number): number => {
    if (distance > i || distance > 32768) return 0;
    let n = 0;
    while (n < 258 && i + n < data.length && data[i + n] === data[i + n - distance]) n++;
    return n;
  };
  for (let i = 0; i < data.length; ) {
    const above = matchAt(i, row);
    const left = matchAt(i, 4);
    const [length, distance] = above >= left ? [above, row] : [left, 4];
    if (length < 3) {
      fixedCode(w, data[i]!);
      i++;
      continue;
    }
    const l = lastBelow(LENGTH_BASE, length);
    fixedCode(w, 257 + l);
    w.bits(length - LENGTH_BASE[l]!, LENGTH_EXTRA[l]!);
    const d = lastBelow(DIST_BASE, distance);
    w.code(d, 5);
    w.bits(distance - DIST_BASE[d]!, DIST_EXTRA[d]!);
    i += length;
  }
  fixedCode(w, 256); // end of block
  let a = 1;
  let b = 0;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  const adler = ((b << 16) | a) >>> 0;
  return Uint8Array.from([0x78, 0x01, ...w.done(), adler >>> 24, (adler >>> 16) & 255, (adler >>> 8) & 255, adler & 255]);
}

export function encodePng(image: RgbaImage): Uint8Array {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error('pixels must hold width × height × 4 bytes');
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, filter method 0, no interlace
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1); // filter 0 (None)
  const parts = [Uint8Array.from(PNG_SIGNATURE), chunk('IHDR', header), chunk('IDAT', zlibDeflate(raw, stride + 1)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Width and height from the IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: ArrayLike<number>): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => (bytes[i]! & 0xff) !== b)) return null;
  const u32 = (at: number) => (((bytes[at]! & 0xff) << 24) | ((bytes[at + 1]! & 0xff) << 16) | ((bytes[at + 2]! & 0xff) << 8) | (bytes[at + 3]! & 0xff)) >>> 0;
  return { width: u32(16), height: u32(20) };
}
