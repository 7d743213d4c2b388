/**
 * A small decoder for Windows bitmaps (.bmp), which sharp (libvips) does not read: uncompressed 1/4/8-bit
 * palette, 16-bit (5-5-5 or bit fields), 24-bit and 32-bit (BGRX or bit fields) pictures, bottom-up or
 * top-down, with the core (12-byte) or info (40/52/56/108/124-byte) header. RLE-compressed and embedded
 * JPEG/PNG bitmaps are refused (BmpError). Output: RGB pixels, 3 channels, top row first, for
 * sharp's `raw` input.
 */

export class BmpError extends Error {
  override name = 'BmpError';
}

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 3;
}

/** Pixels a bitmap may have (a guard against absurd headers). */
const MAX_PIXELS = 100_000_000;

function maskShift(mask: number): { shift: number; bits: number } {
  if (mask === 0) return { shift: 0, bits: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  let bits = 0;
  while (((mask >>> (shift + bits)) & 1) === 1) bits++;
  return { shift, bits };
}

function channel(value: number, m: { shift: number; bits: number }): number {
  if (m.bits === 0) return 0;
  const v = (value >>> m.shift) & ((1 << m.bits) - 1);
  return m.bits >= 8 ? v >>> (m.bits - 8) : Math.round((v * 255) / ((1 << m.bits) - 1));
}

/** Decodes a bitmap of at most `maxPixels` pixels (default MAX_PIXELS). */
export function decodeBmp(buf: Buffer, maxPixels = MAX_PIXELS): RawImage {
  if (buf.length < 26 || buf.toString('latin1', 0, 2) !== 'BM') throw new BmpError('not a BMP file');
  const offset = buf.readUInt32LE(10);
  const headerSize = buf.readUInt32LE(14);
  let width: number;
  let rawHeight: number;
  let bpp: number;
  let compression = 0;
  let colours = 0;
  if (headerSize === 12) {
    width = buf.readUInt16LE(18);
    rawHeight = buf.readInt16LE(20);
    bpp = buf.readUInt16LE(24);
  } else if (headerSize >= 40 && buf.length >= 54) {
    width = buf.readInt32LE(18);
    rawHeight = buf.readInt32LE(22);
    bpp = buf.readUInt16LE(28);
    compression = buf.readUInt32LE(30);
    colours = buf.readUInt32LE(46);
  } else {
    throw new BmpError(`unsupported BMP header (${headerSize} bytes)`);
  }
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) throw new BmpError(`bad BMP size ${width}×${rawHeight}`);
  if (width * height > maxPixels) throw new BmpError(`${width}×${height} pixels, more than ${maxPixels}`);
  if (compression !== 0 && compression !== 3 && compression !== 6) throw new BmpError(`compressed BMP (method ${compression}) is not supported`);

  // Bit-field masks: after a 40-byte header (BI_BITFIELDS), or inside a V2+ header.
  let masks: [number, number, number] | null = null;
  if (compression === 3 || compression === 6) {
    const at = 14 + 40;
    if (buf.length < at + 12) throw new BmpError('truncated BMP header');
    masks = [buf.readUInt32LE(at), buf.readUInt32LE(at + 4), buf.readUInt32LE(at + 8)];
  } else if (bpp === 16) {
    masks = [0x7c00, 0x03e0, 0x001f];
  } else if (bpp === 32) {
    masks = [0x00ff0000, 0x0000ff00, 0x000000ff];
  }

  let palette: Buffer | null = null;
  if (bpp <= 8) {
    if (![1, 4, 8].includes(bpp)) throw new BmpError(`unsupported BMP depth ${bpp}`);
    const entry = headerSize === 12 ? 3 : 4;
    const count = colours || 1 << bpp;
    const start = 14 + headerSize;
    palette = buf.subarray(start, start + count * entry);
    if (palette.length < count * entry) throw new BmpError('truncated BMP palette');
    const rgb = Buffer.alloc(count * 3);
    for (let i = 0; i < count; i++) {
      rgb[i * 3] = palette[i * entry + 2]!;
      rgb[i * 3 + 1] = palette[i * entry + 1]!;
      rgb[i * 3 + 2] = palette[i * entry]!;
    }
    palette = rgb;
  } else if (![16, 24, 32].includes(bpp)) {
    throw new BmpError(`unsupported BMP depth ${bpp}`);
  }

  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (buf.length < offset + stride * (height - 1) + Math.ceil((width * bpp) / 8)) throw new BmpError('truncated BMP pixel data');
  const out = Buffer.alloc(width * height * 3);
  const m = masks ? masks.map(maskShift) : null;
  for (let y = 0; y < height; y++) {
    const src = offset + (topDown ? y : height - 1 - y) * stride;
    const dst = y * width * 3;
    for (let x = 0; x < width; x++) {
      const o = dst + x * 3;
      if (palette) {
        const bit = x * bpp;
        const byte = buf[src + (bit >> 3)]!;
        const index = bpp === 8 ? byte : (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        const p = Math.min(index, palette.length / 3 - 1) * 3;
        out[o] = palette[p]!;
        out[o + 1] = palette[p + 1]!;
        out[o + 2] = palette[p + 2]!;
      } else if (bpp === 24) {
        const p = src + x * 3;
        out[o] = buf[p + 2]!;
        out[o + 1] = buf[p + 1]!;
        out[o + 2] = buf[p]!;
      } else {
        const value = bpp === 16 ? buf.readUInt16LE(src + x * 2) : buf.readUInt32LE(src + x * 4);
        out[o] = channel(value, m![0]!);
        out[o + 1] = channel(value, m![1]!);
        out[o + 2] = channel(value, m![2]!);
      }
    }
  }
  return { data: out, width, height, channels: 3 };
}
