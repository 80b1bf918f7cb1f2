// Decodes the runtime's PNGs with Node's zlib (a real inflater, so the runtime's own deflate is
// checked too): 8-bit RGBA, non-interlaced, any filter. Test-only.
import { inflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngSize, type RgbaImage } from '../../preview/gas/services/png';

export function decodePng(input: ArrayLike<number>): RgbaImage {
  const bytes = Uint8Array.from(input, (b) => b & 0xff);
  const size = pngSize(bytes);
  if (!size || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('Not a PNG');
  const view = new DataView(bytes.buffer);
  const idat: Uint8Array[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR' && (data[8] !== 8 || data[9] !== 6 || data[12] !== 0)) throw new Error('Only 8-bit RGBA, non-interlaced PNGs are decoded');
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = size;
  const stride = width * 4;
  if (raw.length !== (stride + 1) * height) throw new Error(`Inflated ${raw.length} bytes, expected ${(stride + 1) * height}`);
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      if (predictor === undefined) throw new Error(`Unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** '#rrggbb' of a pixel. */
export function pixelAt(img: RgbaImage, x: number, y: number): string {
  const i = (y * img.width + x) * 4;
  return `#${[0, 1, 2].map((k) => img.pixels[i + k]!.toString(16).padStart(2, '0')).join('')}`;
}

/** Runs of equal colour along row y: [colour, length][]. */
export function runsOnRow(img: RgbaImage, y: number): [string, number][] {
  const runs: [string, number][] = [];
  for (let x = 0; x < img.width; x++) {
    const c = pixelAt(img, x, y);
    const last = runs[runs.length - 1];
    if (last && last[0] === c) last[1]++;
    else runs.push([c, 1]);
  }
  return runs;
}
