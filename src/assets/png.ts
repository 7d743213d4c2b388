/**
 * A small PNG reader for the photo checks (issue #20): every chunk's CRC, the image data inflated and
 * unfiltered whole (a truncated or damaged file shows), and the colour verdict computed from the very pixels
 * sharp would give — PNG is lossless, so the sampled pixels are the same bytes and the verdict is sharp's.
 *
 * Sure only of plain files: non-interleaved 8-bit (or, for grey and palette pictures, 1/2/4-bit) images of at
 * most WHOLE_DECODE_PIXELS pixels, the usual chunks only (no EXIF, no ICC profile, no compressed text), each
 * CRC right, the zlib stream of the IDAT chunks exactly as long as the rows need and ending at the last IDAT
 * byte, IEND last. Anything else is `unsure`, and sharp (libvips + libspng) decides.
 */
import { inflateSync } from 'node:zlib';
import { GREY_THUMBNAIL_PX, GREY_TOLERANCE } from './limits.js';
import type { JpegReading } from './jpeg.js';
import type { ImageFacts } from './types.js';

/** Pictures up to this many pixels are judged from all their pixels (sharp decodes them whole too). */
export const PNG_MAX_PIXELS = 1_000_000;

const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

function crc32(d: Uint8Array, start: number, end: number): number {
  let c = -1;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ d[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Ancillary chunks libvips reads without anything that could fail or turn the picture. */
const PLAIN_CHUNKS = new Set(['gAMA', 'cHRM', 'sRGB', 'pHYs', 'tEXt', 'tIME', 'bKGD', 'sBIT']);

const unsure = (reason: string): JpegReading => ({ sure: false, reason });

export function readPng(d: Uint8Array): JpegReading {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (d.length < 8 || sig.some((b, i) => d[i] !== b)) return unsure('no PNG signature');
  const u32 = (p: number): number => d[p]! * 2 ** 24 + ((d[p + 1]! << 16) | (d[p + 2]! << 8) | d[p + 3]!);
  let p = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colourType = -1;
  let palette: Uint8Array | null = null;
  let trns = false;
  const idat: Uint8Array[] = [];
  let idatDone = false;
  let ended = false;
  let first = true;
  while (p < d.length) {
    if (p + 12 > d.length) return unsure('truncated chunk');
    const len = u32(p);
    const type = String.fromCharCode(d[p + 4]!, d[p + 5]!, d[p + 6]!, d[p + 7]!);
    if (len > 0x7fffffff || p + 12 + len > d.length) return unsure('truncated chunk');
    const s = p + 8;
    const e = s + len;
    if (crc32(d, p + 4, e) !== u32(e)) return unsure(`CRC of ${type}`);
    p = e + 4;
    if (first !== (type === 'IHDR')) return unsure('IHDR not first');
    if (type !== 'IDAT' && idat.length) idatDone = true;
    switch (type) {
      case 'IHDR': {
        first = false;
        if (len !== 13) return unsure('IHDR length');
        width = u32(s);
        height = u32(s + 4);
        depth = d[s + 8]!;
        colourType = d[s + 9]!;
        if (!width || !height || width > 0x7fffffff || height > 0x7fffffff) return unsure('size');
        if (d[s + 10] !== 0 || d[s + 11] !== 0) return unsure('compression or filter method');
        if (d[s + 12] !== 0) return unsure('interlaced');
        const ok = colourType === 0 ? [1, 2, 4, 8].includes(depth) : colourType === 3 ? [1, 2, 4, 8].includes(depth) : [2, 4, 6].includes(colourType) && depth === 8;
        if (!ok) return unsure(`colour type ${colourType} at ${depth} bits`);
        if (width * height > PNG_MAX_PIXELS) return unsure('too many pixels for the reader');
        break;
      }
      case 'PLTE':
        if (palette || idat.length || len % 3 || len === 0 || len > 768 || colourType === 0 || colourType === 4) return unsure('PLTE');
        palette = d.subarray(s, e);
        break;
      case 'tRNS':
        if (trns || idat.length || colourType === 4 || colourType === 6 || (colourType === 3 && !palette)) return unsure('tRNS');
        trns = true;
        break;
      case 'IDAT':
        if (idatDone) return unsure('IDAT chunks apart');
        idat.push(d.subarray(s, e));
        break;
      case 'IEND':
        if (len !== 0) return unsure('IEND length');
        ended = true;
        break;
      default:
        if (!PLAIN_CHUNKS.has(type)) return unsure(`chunk ${type}`);
        if (idat.length && type !== 'tEXt' && type !== 'tIME') return unsure(`${type} after the image data`);
    }
    if (ended) break;
  }
  if (!ended || p !== d.length) return unsure(ended ? 'data after IEND' : 'no IEND');
  if (!idat.length) return unsure('no image data');
  if (colourType === 3 && !palette) return unsure('palette missing');

  const channelsIn = colourType === 0 ? 1 : colourType === 2 ? 3 : colourType === 3 ? 1 : colourType === 4 ? 2 : 4;
  const rowBytes = Math.ceil((width * channelsIn * depth) / 8);
  const expected = height * (rowBytes + 1);
  const compressed = idat.length === 1 ? idat[0]! : Buffer.concat(idat);
  let raw: Buffer;
  try {
    const res = inflateSync(compressed, { maxOutputLength: expected + 1, info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    raw = res.buffer;
    if (res.engine.bytesWritten !== compressed.length) return unsure('data after the zlib stream');
  } catch {
    return unsure('image data does not inflate');
  }
  if (raw.length !== expected) return unsure('image data of the wrong length');

  // What sharp reports: palette pictures become RGB, a tRNS chunk adds an alpha channel.
  const channels = (colourType === 3 ? 3 : channelsIn) + (trns ? 1 : 0);
  const bpp = Math.max(1, (channelsIn * depth) >> 3);
  const stride = rowBytes + 1;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const filter = raw[row]!;
    if (filter > 4) return unsure('filter type');
    if (channels <= 2 || filter === 0) continue; // grey: no pixel needed, only valid rows
    unfilter(raw, filter, row + 1, y > 0 ? row + 1 - stride : -1, rowBytes, bpp);
  }
  const facts: ImageFacts = { decoded: true, width, height, channels, colour: 'grey-channels' };
  if (channels > 2) {
    // The pixels isGreyPixels would sample from sharp's raw RGB output (alpha removed): every step-th pixel.
    const pixels = width * height;
    const step = Math.max(1, Math.floor(pixels / (GREY_THUMBNAIL_PX * GREY_THUMBNAIL_PX)));
    let grey = true;
    for (let px = 0; px < pixels && grey; px += step) {
      const y = Math.floor(px / width);
      const x = px - y * width;
      const at = y * stride + 1;
      let r: number;
      let g: number;
      let b: number;
      if (colourType === 3) {
        let index: number;
        if (depth === 8) index = raw[at + x]!;
        else {
          const bit = x * depth;
          index = (raw[at + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
        }
        if (index * 3 + 2 >= palette!.length) return unsure('palette index out of range');
        r = palette![index * 3]!;
        g = palette![index * 3 + 1]!;
        b = palette![index * 3 + 2]!;
      } else {
        const q = at + x * channelsIn;
        r = raw[q]!;
        g = raw[q + 1]!;
        b = raw[q + 2]!;
      }
      if (Math.abs(r - g) > GREY_TOLERANCE || Math.abs(g - b) > GREY_TOLERANCE || Math.abs(r - b) > GREY_TOLERANCE) grey = false;
    }
    // A palette index out of range anywhere makes libspng refuse the picture: checked for every pixel.
    if (colourType === 3 && palette!.length < 3 << depth) {
      for (let y = 0; y < height; y++) {
        const at = y * stride + 1;
        for (let x = 0; x < width; x++) {
          const bit = x * depth;
          const index = depth === 8 ? raw[at + x]! : (raw[at + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
          if (index * 3 + 2 >= palette!.length) return unsure('palette index out of range');
        }
      }
    }
    facts.colour = grey ? 'grey-pixels' : 'colour';
  }
  return { sure: true, facts };
}

/** Reverses one row's PNG filter in place (`prev`: the start of the row above, −1 for the first row). */
function unfilter(raw: Buffer, filter: number, at: number, prev: number, n: number, bpp: number): void {
  switch (filter) {
    case 1:
      for (let x = bpp; x < n; x++) raw[at + x] = (raw[at + x]! + raw[at + x - bpp]!) & 0xff;
      break;
    case 2:
      if (prev >= 0) for (let x = 0; x < n; x++) raw[at + x] = (raw[at + x]! + raw[prev + x]!) & 0xff;
      break;
    case 3:
      for (let x = 0; x < n; x++) {
        const a = x >= bpp ? raw[at + x - bpp]! : 0;
        const b = prev >= 0 ? raw[prev + x]! : 0;
        raw[at + x] = (raw[at + x]! + ((a + b) >> 1)) & 0xff;
      }
      break;
    case 4:
      for (let x = 0; x < n; x++) {
        const a = x >= bpp ? raw[at + x - bpp]! : 0;
        const b = prev >= 0 ? raw[prev + x]! : 0;
        const c = x >= bpp && prev >= 0 ? raw[prev + x - bpp]! : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        raw[at + x] = (raw[at + x]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      break;
  }
}
