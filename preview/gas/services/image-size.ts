// The pixel size of an image from its bytes, as Google reads it when Body.appendImage(blob) makes
// an InlineImage of its natural size (InlineImage.getWidth/getHeight, in pixels):
// https://developers.google.com/apps-script/reference/document/body#appendImage(BlobSource)
// https://developers.google.com/apps-script/reference/document/inline-image
// PNG (IHDR), GIF (logical screen) and JPEG (the first SOFn marker): the types Docs accepts.

const u16be = (b: readonly number[], i: number) => ((b[i]! & 255) << 8) | (b[i + 1]! & 255);
const u16le = (b: readonly number[], i: number) => (b[i]! & 255) | ((b[i + 1]! & 255) << 8);
const u32be = (b: readonly number[], i: number) => u16be(b, i) * 65536 + u16be(b, i + 2);

export function imageSize(bytes: readonly number[]): { width: number; height: number; contentType: string } | null {
  const at = (i: number) => bytes[i]! & 255;
  if (bytes.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) {
    return { width: u32be(bytes, 16), height: u32be(bytes, 20), contentType: 'image/png' };
  }
  if (bytes.length >= 10 && at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) {
    return { width: u16le(bytes, 6), height: u16le(bytes, 8), contentType: 'image/gif' };
  }
  if (bytes.length >= 4 && at(0) === 0xff && at(1) === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (at(i) !== 0xff) return null;
      const marker = at(i + 1);
      // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: u16be(bytes, i + 7), height: u16be(bytes, i + 5), contentType: 'image/jpeg' };
      }
      i += 2 + u16be(bytes, i + 2);
    }
  }
  return null;
}
