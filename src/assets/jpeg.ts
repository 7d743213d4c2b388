/**
 * A small JPEG reader for the photo checks (issue #20): the header (size, channels, EXIF orientation) and the
 * whole entropy-coded data, decoded at 1/8 scale — each 8×8 block's DC coefficient, as libjpeg's 1/8 DCT
 * scaling gives it. Every Huffman code of every block is decoded (the AC coefficients are read and dropped), so
 * a truncated or damaged file shows exactly where libjpeg would stop or warn; but no IDCT, upsampling or
 * colour conversion of full-size pixels is done, and no native call is made: a 358×441 ID photo takes a
 * fraction of a millisecond instead of sharp's ~1 ms of per-call overhead and decoding.
 *
 * The reader is sure only of files it fully understands: baseline or extended sequential Huffman JPEGs of
 * 8-bit samples, 1 (grey) or 3 (YCbCr) components, entropy data that ends exactly where it should (no byte
 * left over, no bit taken beyond a marker, restart markers in order), and nothing libjpeg would warn about
 * (sharp is run with failOn 'warning'). Anything else — progressive or arithmetic coding, CMYK or Adobe
 * files, RGB-coded JPEGs, unusual EXIF, a truncation, a stray byte — is `unsure` with the reason, and the
 * caller asks sharp (libvips + libjpeg), whose verdict and error message stand.
 *
 * Bounded: at most MAX_BLOCKS blocks (checked from the frame header before anything is allocated), one
 * 32-bit integer per block; time linear in the file's size and its number of blocks.
 */
import { GREY_TOLERANCE } from './limits.js';
import type { ImageFacts } from './types.js';

export type JpegReading = { sure: true; facts: ImageFacts } | { sure: false; reason: string };

/** Blocks (8×8 samples of one component) a file may have for this reader: ~64 M pixels of 4:2:0 colour. */
export const MAX_BLOCKS = 1_500_000;

interface Huffman {
  /** 9-bit lookahead: (code length << 8) | symbol, or 0 when the code is longer than 9 bits. */
  fast: Int32Array;
  /**
   * For AC tables, 9-bit lookahead of a whole coefficient: ((code length + its extra bits) << 8) | run/size
   * symbol, or 0 when the code is longer than 9 bits (the coefficient's value is not needed, only its length).
   */
  skip: Int32Array;
  /** maxcode[l]: the largest code of length l (−1 when none), l = 1..16; maxcode[17] sentinel. */
  maxcode: Int32Array;
  /** valoffset[l]: index into `symbols` of the first code of length l, minus that code. */
  valoffset: Int32Array;
  symbols: Uint8Array;
}

interface Component {
  id: number;
  h: number;
  v: number;
  tq: number;
  /** Blocks per row and rows of blocks in the (MCU-padded) grid. */
  bw: number;
  bh: number;
  dc: Int32Array;
  /** Scans that covered this component. */
  scans: number;
}

const FAST_BITS = 9;

const unsure = (reason: string): JpegReading => ({ sure: false, reason });

/** Builds the decoding tables of a DHT table, or returns null when libjpeg would refuse it. */
function buildHuffman(counts: Uint8Array, symbols: Uint8Array): Huffman | null {
  const fast = new Int32Array(1 << FAST_BITS);
  const maxcode = new Int32Array(18).fill(-1);
  const valoffset = new Int32Array(18);
  let code = 0;
  let k = 0;
  for (let l = 1; l <= 16; l++) {
    const n = counts[l - 1]!;
    valoffset[l] = k - code;
    for (let i = 0; i < n; i++) {
      if (l <= FAST_BITS) {
        const shift = FAST_BITS - l;
        const base = code << shift;
        for (let j = 0; j < 1 << shift; j++) fast[base + j] = (l << 8) | symbols[k]!;
      }
      code++;
      k++;
    }
    if (n) maxcode[l] = code - 1;
    // libjpeg: "Huffman code lengths can't exceed 2^l - 1 codes" (JERR_BAD_HUFF_TABLE).
    if (code >= 1 << l) return null;
    code <<= 1;
  }
  maxcode[17] = 0x7fffffff;
  const skip = new Int32Array(1 << FAST_BITS);
  for (let i = 0; i < skip.length; i++) if (fast[i]) skip[i] = ((fast[i]! >> 8) + (fast[i]! & 15)) << 8 | (fast[i]! & 0xff);
  return { fast, skip, maxcode, valoffset, symbols };
}

/** The EXIF orientation (1–8) of an APP1 "Exif" payload, 1 when it has none, or null when it is unusual. */
function exifOrientation(d: Uint8Array, start: number, end: number): number | null {
  const t = start + 6; // after "Exif\0\0"
  if (end - t < 8) return null;
  const little = d[t] === 0x49 && d[t + 1] === 0x49;
  const big = d[t] === 0x4d && d[t + 1] === 0x4d;
  if (!little && !big) return null;
  const u16 = (p: number): number => (little ? d[p]! | (d[p + 1]! << 8) : (d[p]! << 8) | d[p + 1]!);
  const u32 = (p: number): number => (little ? (d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16)) + d[p + 3]! * 2 ** 24 : d[p]! * 2 ** 24 + ((d[p + 1]! << 16) | (d[p + 2]! << 8) | d[p + 3]!));
  if (u16(t + 2) !== 42) return null;
  const ifd = u32(t + 4);
  if (ifd < 8 || t + ifd + 2 > end) return null;
  const n = u16(t + ifd);
  if (t + ifd + 2 + n * 12 + 4 > end) return null;
  let orientation = 1;
  for (let i = 0; i < n; i++) {
    const e = t + ifd + 2 + i * 12;
    if (u16(e) !== 0x0112) continue;
    // SHORT, one value, 1..8: anything else is left to libexif and libvips.
    if (u16(e + 2) !== 3 || u32(e + 4) !== 1) return null;
    orientation = u16(e + 8);
    if (orientation < 1 || orientation > 8) return null;
  }
  return orientation;
}

/**
 * Reads a JPEG (the whole file in `d`). Sure: the facts sharp would give (decoded, size as displayed, stored
 * channels, colour verdict from the 1/8-scale picture). Unsure: why, for the fallback.
 */
export function readJpeg(d: Uint8Array): JpegReading {
  const size = d.length;
  if (size < 4 || d[0] !== 0xff || d[1] !== 0xd8) return unsure('no SOI');
  const dcTables: (Huffman | null)[] = [null, null, null, null];
  const acTables: (Huffman | null)[] = [null, null, null, null];
  const quant0 = new Int32Array(4).fill(-1);
  let restartInterval = 0;
  let jfif = false;
  let orientation = 1;
  let exifSeen = false;
  let width = 0;
  let height = 0;
  let comps: Component[] | null = null;
  let hmax = 1;
  let vmax = 1;
  let mcusX = 0;
  let mcusY = 0;
  let scans = 0;
  let p = 2;
  for (;;) {
    // A marker: 0xFF, any fill 0xFFs, the code. Anything else here is data libjpeg would skip with a warning.
    if (p >= size) return unsure('no EOI');
    if (d[p] !== 0xff) return unsure('extraneous bytes before a marker');
    while (p < size && d[p] === 0xff) p++;
    if (p >= size) return unsure('no EOI');
    const m = d[p++]!;
    if (m === 0xd9) break; // EOI
    if (p + 2 > size) return unsure('truncated marker');
    const len = (d[p]! << 8) | d[p + 1]!;
    if (len < 2 || p + len > size) return unsure('bad marker length');
    const s = p + 2;
    const e = p + len;
    p = e;
    if (m >= 0xe0 && m <= 0xef) {
      // APPn: JFIF (version checked as libjpeg does), EXIF orientation, Adobe (colour transform: left to libjpeg).
      if (m === 0xe0 && len >= 16 && d[s] === 0x4a && d[s + 1] === 0x46 && d[s + 2] === 0x49 && d[s + 3] === 0x46 && d[s + 4] === 0) {
        if (d[s + 5] !== 1) return unsure('JFIF major version');
        jfif = true;
      } else if (m === 0xe0 && len >= 7 && d[s] === 0x4a && d[s + 1] === 0x46 && d[s + 2] === 0x49 && d[s + 3] === 0x46 && d[s + 4] === 0) {
        return unsure('short JFIF marker');
      } else if (m === 0xe1 && len >= 8 && d[s] === 0x45 && d[s + 1] === 0x78 && d[s + 2] === 0x69 && d[s + 3] === 0x66) {
        if (exifSeen) continue; // libvips reads the first EXIF block
        exifSeen = true;
        if (d[s + 4] !== 0 || d[s + 5] !== 0) return unsure('EXIF header');
        const o = exifOrientation(d, s, e);
        if (o === null) return unsure('EXIF');
        orientation = o;
      } else if (m === 0xee && len >= 7 && d[s] === 0x41 && d[s + 1] === 0x64 && d[s + 2] === 0x6f && d[s + 3] === 0x62 && d[s + 4] === 0x65) {
        return unsure('Adobe marker');
      }
      continue;
    }
    switch (m) {
      case 0xfe: // COM
        continue;
      case 0xdb: { // DQT
        let q = s;
        while (q < e) {
          const pq = d[q]! >> 4;
          const tq = d[q]! & 15;
          if (tq > 3 || pq > 1) return unsure('DQT');
          const n = pq ? 128 : 64;
          if (q + 1 + n > e) return unsure('DQT length');
          quant0[tq] = pq ? (d[q + 1]! << 8) | d[q + 2]! : d[q + 1]!;
          q += 1 + n;
        }
        continue;
      }
      case 0xc4: { // DHT
        let q = s;
        while (q < e) {
          if (q + 17 > e) return unsure('DHT length');
          const tc = d[q]! >> 4;
          const th = d[q]! & 15;
          if (tc > 1 || th > 3) return unsure('DHT index');
          const counts = d.subarray(q + 1, q + 17);
          let total = 0;
          for (let i = 0; i < 16; i++) total += counts[i]!;
          if (total > 256 || q + 17 + total > e) return unsure('DHT count');
          const symbols = d.slice(q + 17, q + 17 + total);
          if (tc === 0) for (let i = 0; i < total; i++) if (symbols[i]! > 15) return unsure('DC symbol');
          const table = buildHuffman(counts, symbols);
          if (!table) return unsure('bad Huffman table');
          (tc === 0 ? dcTables : acTables)[th] = table;
          q += 17 + total;
        }
        continue;
      }
      case 0xdd: // DRI
        if (len !== 4) return unsure('DRI length');
        restartInterval = (d[s]! << 8) | d[s + 1]!;
        continue;
      case 0xc0:
      case 0xc1: { // SOF0 baseline, SOF1 extended sequential (Huffman)
        if (comps) return unsure('second frame');
        if (len < 8) return unsure('SOF length');
        if (d[s] !== 8) return unsure(`${d[s]}-bit samples`);
        height = (d[s + 1]! << 8) | d[s + 2]!;
        width = (d[s + 3]! << 8) | d[s + 4]!;
        const nf = d[s + 5]!;
        if (height === 0 || width === 0) return unsure('zero size (DNL)');
        if (nf !== 1 && nf !== 3) return unsure(`${nf} components`);
        if (len !== 8 + 3 * nf) return unsure('SOF length');
        const list: Component[] = [];
        for (let i = 0; i < nf; i++) {
          const b = s + 6 + i * 3;
          const h = d[b + 1]! >> 4;
          const v = d[b + 1]! & 15;
          const tq = d[b + 2]!;
          if (h < 1 || h > 4 || v < 1 || v > 4 || tq > 3) return unsure('SOF component');
          if (list.some((c) => c.id === d[b])) return unsure('duplicate component id');
          list.push({ id: d[b]!, h, v, tq, bw: 0, bh: 0, dc: new Int32Array(0), scans: 0 });
        }
        if (nf === 1) list[0]!.h = list[0]!.v = 1; // one component: never interleaved, its factors do not matter
        hmax = Math.max(...list.map((c) => c.h));
        vmax = Math.max(...list.map((c) => c.v));
        let perMcu = 0;
        for (const c of list) {
          if (hmax % c.h || vmax % c.v) return unsure('fractional sampling');
          perMcu += c.h * c.v;
        }
        if (nf > 1 && perMcu > 10) return unsure('MCU too large');
        if (nf === 3 && !jfif && list[0]!.id === 82 && list[1]!.id === 71 && list[2]!.id === 66) return unsure('RGB-coded JPEG');
        mcusX = Math.ceil(width / (8 * hmax));
        mcusY = Math.ceil(height / (8 * vmax));
        let blocks = 0;
        for (const c of list) {
          c.bw = mcusX * c.h;
          c.bh = mcusY * c.v;
          blocks += c.bw * c.bh;
        }
        if (blocks > MAX_BLOCKS) return unsure('too many pixels for the reader');
        for (const c of list) c.dc = new Int32Array(c.bw * c.bh);
        comps = list;
        continue;
      }
      case 0xda: { // SOS
        if (!comps) return unsure('scan before frame');
        const ns = d[s]!;
        if (ns < 1 || ns > 4 || len !== 6 + 2 * ns) return unsure('SOS length');
        const inScan: Component[] = [];
        const dcs: Huffman[] = [];
        const acs: Huffman[] = [];
        for (let i = 0; i < ns; i++) {
          const id = d[s + 1 + i * 2]!;
          const c = comps.find((x) => x.id === id);
          if (!c || inScan.includes(c)) return unsure('SOS component');
          const td = d[s + 2 + i * 2]! >> 4;
          const ta = d[s + 2 + i * 2]! & 15;
          const dct = td < 4 ? dcTables[td] : null;
          const act = ta < 4 ? acTables[ta] : null;
          if (!dct || !act) return unsure('missing Huffman table');
          if (quant0[c.tq]! < 0) return unsure('missing quantisation table');
          inScan.push(c);
          dcs.push(dct);
          acs.push(act);
        }
        const b = s + 1 + 2 * ns;
        if (d[b] !== 0 || d[b + 1] !== 63 || d[b + 2] !== 0) return unsure('not a sequential scan');
        if (ns > 1 && inScan.reduce((n, c) => n + c.h * c.v, 0) > 10) return unsure('MCU too large');
        const end = decodeScan(d, p, inScan, dcs, acs, restartInterval, ns > 1 ? mcusX : 0, ns > 1 ? mcusY : 0, width, height, hmax, vmax);
        if (typeof end === 'string') return unsure(end);
        for (const c of inScan) c.scans++;
        scans++;
        p = end;
        continue;
      }
      default:
        // Progressive (C2), lossless, hierarchical, arithmetic coding, DNL, RSTn outside a scan, reserved markers.
        return unsure(`marker 0x${m.toString(16)}`);
    }
  }
  if (!comps || scans === 0) return unsure('no image data');
  if (comps.some((c) => c.scans !== 1)) return unsure('component scanned more or less than once');
  const swap = orientation >= 5;
  const facts: ImageFacts = {
    decoded: true,
    width: swap ? height : width,
    height: swap ? width : height,
    channels: comps.length,
    colour: comps.length === 1 ? 'grey-channels' : isGreyBlocks(comps, quant0, width, height, hmax, vmax) ? 'grey-pixels' : 'colour',
  };
  return { sure: true, facts };
}

/**
 * Decodes one scan starting at `p` (just after the SOS header); keeps each block's DC. Returns the offset of
 * the marker that ends the scan, or why the reader is unsure. `mcusX` = 0: a non-interleaved scan.
 */
function decodeScan(
  d: Uint8Array, p: number, inScan: Component[], dcs: Huffman[], acs: Huffman[], restartInterval: number,
  mcusX: number, mcusY: number, width: number, height: number, hmax: number, vmax: number,
): number | string {
  const size = d.length;
  // The entropy-coded data, unstuffed (FF 00 → FF), and where each restart interval ends.
  const data = new Uint8Array(size - p);
  const bounds: number[] = [];
  let o = 0;
  let q = p;
  let end = -1;
  let nextRst = 0;
  while (q < size) {
    const b = d[q]!;
    if (b !== 0xff) {
      data[o++] = b;
      q++;
      continue;
    }
    let r = q + 1;
    while (r < size && d[r] === 0xff) r++;
    if (r >= size) break;
    const c = d[r]!;
    if (c === 0) {
      data[o++] = 0xff;
      q = r + 1;
      continue;
    }
    if (c >= 0xd0 && c <= 0xd7) {
      if (!restartInterval) return 'restart marker without restart interval';
      if (c !== 0xd0 + nextRst) return 'restart markers out of order';
      nextRst = (nextRst + 1) & 7;
      bounds.push(o);
      q = r + 1;
      continue;
    }
    end = q;
    break;
  }
  if (end < 0) return 'truncated entropy-coded data';
  bounds.push(o);

  const single = mcusX === 0;
  const c0 = inScan[0]!;
  // Non-interleaved: the component's own block grid, unpadded.
  const singleW = single ? Math.ceil(Math.ceil((width * c0.h) / hmax) / 8) : 0;
  const singleH = single ? Math.ceil(Math.ceil((height * c0.v) / vmax) / 8) : 0;
  const totalMcus = single ? singleW * singleH : mcusX * mcusY;
  const intervals = restartInterval ? Math.ceil(totalMcus / restartInterval) : 1;
  if (bounds.length !== intervals) return 'restart markers do not match the restart interval';

  const ns = inScan.length;
  const pred = new Int32Array(ns);
  // Per component of the scan: blocks per MCU across and down, and the DC array.
  const cw = inScan.map((c) => (single ? 1 : c.h));
  const ch = inScan.map((c) => (single ? 1 : c.v));
  const widthInMcus = single ? singleW : mcusX;
  let mx = 0;
  let my = 0;
  let mcu = 0;
  let start = 0;
  for (let iv = 0; iv < intervals; iv++) {
    const stop = bounds[iv]!;
    const mcuEnd = Math.min(totalMcus, mcu + (restartInterval || totalMcus));
    pred.fill(0);
    let acc = 0;
    let nbits = 0;
    let pos = start;
    for (; mcu < mcuEnd; mcu++) {
      for (let ci = 0; ci < ns; ci++) {
        const c = inScan[ci]!;
        const dcFast = dcs[ci]!.fast;
        const acSkip = acs[ci]!.skip;
        const bh = ch[ci]!;
        const bw = cw[ci]!;
        const dcArray = c.dc;
        const stride = c.bw;
        for (let by = 0; by < bh; by++) {
          const rowBase = (my * bh + by) * stride + mx * bw;
          for (let bx = 0; bx < bw; bx++) {
            // DC: the difference's size, then its bits.
            if (nbits < 25) {
              do {
                acc = (acc << 8) | (pos < stop ? data[pos]! : 0);
                pos++;
                nbits += 8;
              } while (nbits <= 24);
            }
            let look = dcFast[(acc >>> (nbits - FAST_BITS)) & 0x1ff]!;
            let sym: number;
            if (look) {
              nbits -= look >> 8;
              sym = look & 0xff;
            } else {
              sym = slowDecode(dcs[ci]!, acc, nbits);
              if (sym < 0) return 'bad Huffman code';
              nbits -= sym >> 8;
              sym &= 0xff;
            }
            if (sym) {
              if (nbits < sym) {
                do {
                  acc = (acc << 8) | (pos < stop ? data[pos]! : 0);
                  pos++;
                  nbits += 8;
                } while (nbits <= 24);
              }
              const v = (acc >>> (nbits - sym)) & ((1 << sym) - 1);
              nbits -= sym;
              pred[ci] += v < 1 << (sym - 1) ? v - (1 << sym) + 1 : v;
            }
            dcArray[rowBase + bx] = pred[ci]!;
            // AC: each coefficient's code and bits are taken and dropped.
            for (let k = 1; k < 64; k++) {
              if (nbits < 25) {
                do {
                  acc = (acc << 8) | (pos < stop ? data[pos]! : 0);
                  pos++;
                  nbits += 8;
                } while (nbits <= 24);
              }
              look = acSkip[(acc >>> (nbits - FAST_BITS)) & 0x1ff]!;
              let rs: number;
              if (look) {
                nbits -= look >> 8;
                rs = look & 0xff;
              } else {
                rs = slowDecode(acs[ci]!, acc, nbits);
                if (rs < 0) return 'bad Huffman code';
                nbits -= rs >> 8;
                rs &= 0xff;
                const extra = rs & 15;
                if (nbits < extra) {
                  do {
                    acc = (acc << 8) | (pos < stop ? data[pos]! : 0);
                    pos++;
                    nbits += 8;
                  } while (nbits <= 24);
                }
                nbits -= extra;
              }
              if (rs & 15) k += rs >> 4;
              else if (rs === 0xf0) k += 15;
              else break;
            }
          }
        }
      }
      if (++mx === widthInMcus) {
        mx = 0;
        my++;
      }
      // Bits taken beyond the interval's data: libjpeg warns (premature end of data segment).
      if ((pos - start) * 8 - nbits > (stop - start) * 8) return 'entropy-coded data ends early';
    }
    // Whole bytes left over: libjpeg warns (extraneous bytes before marker).
    const used = Math.ceil(((pos - start) * 8 - nbits) / 8);
    if (used !== stop - start) return 'extraneous bytes in entropy-coded data';
    start = stop;
  }
  return end;
}

/** A code longer than FAST_BITS bits: (length << 8) | symbol, or −1 when no code fits. */
function slowDecode(t: Huffman, acc: number, nbits: number): number {
  for (let l = FAST_BITS + 1; l <= 16; l++) {
    const code = (acc >>> (nbits - l)) & ((1 << l) - 1);
    if (code <= t.maxcode[l]!) return (l << 8) | t.symbols[code + t.valoffset[l]!]!;
  }
  return -1;
}

/**
 * Whether the 1/8-scale picture is grey: for every 8×8 cell of the picture, the DC samples of Y, Cb and Cr
 * (as libjpeg's 1×1 IDCT gives them) converted to RGB (libjpeg's YCbCr formulas, clamped to 0–255) have R, G
 * and B within GREY_TOLERANCE of each other.
 */
function isGreyBlocks(comps: Component[], quant0: Int32Array, width: number, height: number, hmax: number, vmax: number): boolean {
  const [y, cb, cr] = comps as [Component, Component, Component];
  const qy = quant0[y.tq]!;
  const qb = quant0[cb.tq]!;
  const qr = quant0[cr.tq]!;
  const cellsX = Math.ceil(width / 8);
  const cellsY = Math.ceil(height / 8);
  const sample = (dc: number, q: number): number => {
    const v = ((dc * q + 4) >> 3) + 128;
    return v < 0 ? 0 : v > 255 ? 255 : v;
  };
  const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);
  for (let cy = 0; cy < cellsY; cy++) {
    const rowY = Math.floor((cy * y.v) / vmax) * y.bw;
    const rowB = Math.floor((cy * cb.v) / vmax) * cb.bw;
    const rowR = Math.floor((cy * cr.v) / vmax) * cr.bw;
    for (let cx = 0; cx < cellsX; cx++) {
      const Y = sample(y.dc[rowY + Math.floor((cx * y.h) / hmax)]!, qy);
      const B = sample(cb.dc[rowB + Math.floor((cx * cb.h) / hmax)]!, qb) - 128;
      const R = sample(cr.dc[rowR + Math.floor((cx * cr.h) / hmax)]!, qr) - 128;
      const r = clamp(Y + Math.round(1.402 * R));
      const g = clamp(Y - Math.round(0.34414 * B + 0.71414 * R));
      const b = clamp(Y + Math.round(1.772 * B));
      if (Math.abs(r - g) > GREY_TOLERANCE || Math.abs(g - b) > GREY_TOLERANCE || Math.abs(r - b) > GREY_TOLERANCE) return false;
    }
  }
  return true;
}
