/**
 * The small readers of issue #20 (src/assets/jpeg.ts, png.ts, pdf-reader.ts) against the libraries they stand in
 * for: every file is read both ways — the small reader, and sharp (inspectImage) or pdfjs (inspectPdf) — and
 * wherever the small reader is sure, the facts must be the same. The files are real producers' output (sharp,
 * libjpeg-turbo's cjpeg/jpegtran, Ghostscript, LibreOffice, Chromium, pdfkit, qpdf: test/fixtures/jpeg, pdf) and
 * thousands of damaged copies of them (truncated, bytes changed, inserted, removed; PNG chunks with their CRC
 * made right again; PNG pixel data changed and deflated again), made from a fixed seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectImage, inspectPdf } from '../../src/assets/inspect.js';
import { readJpeg } from '../../src/assets/jpeg.js';
import { readPdf } from '../../src/assets/pdf-reader.js';
import { readPng } from '../../src/assets/png.js';
import { objectStreamBombPdf, pageTreeBombPdf, xrefBombPdf } from '../hostile/bombs.js';
import { tempDir } from '../hostile/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';

const JPEG_DIR = join(REPO_ROOT, 'test/fixtures/jpeg');
const PDF_DIR = join(REPO_ROOT, 'test/fixtures/pdf');

/** A deterministic random source (mulberry32). */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** A damaged copy: truncated, bytes changed, a byte inserted or bytes removed. */
function damage(src: Buffer, rnd: (n: number) => number, tokens = ''): Buffer {
  const b = Buffer.from(src);
  switch (rnd(5)) {
    case 0:
      return b.subarray(0, rnd(b.length));
    case 1:
      for (let i = 1 + rnd(3); i > 0; i--) b[rnd(b.length)] = rnd(256);
      return b;
    case 2: {
      const p = rnd(b.length);
      b[p] = tokens ? tokens.charCodeAt(rnd(tokens.length)) : rnd(256);
      return b;
    }
    case 3: {
      const p = rnd(b.length);
      return Buffer.concat([b.subarray(0, p), b.subarray(p + 1 + rnd(3))]);
    }
    default: {
      const p = rnd(b.length);
      return Buffer.concat([b.subarray(0, p), Buffer.from([tokens ? tokens.charCodeAt(rnd(tokens.length)) : rnd(256)]), b.subarray(p)]);
    }
  }
}

const W = 150;
const H = 200;
const gradient = Buffer.alloc(W * H * 3);
const greyish = Buffer.alloc(W * H * 3);
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    const i = (y * W + x) * 3;
    gradient.set([Math.round((x / W) * 255), Math.round((y / H) * 255), 128], i);
    greyish.fill((x * 3 + y) % 256, i, i + 3);
  }
}
const raw = (b: Buffer) => sharp(b, { raw: { width: W, height: H, channels: 3 } });

describe('JPEG: the small reader and sharp agree', () => {
  const sources = async (): Promise<[string, Buffer][]> => [
    ...readdirSync(JPEG_DIR).filter((f) => f.endsWith('.jpg')).map((f): [string, Buffer] => [f, readFileSync(join(JPEG_DIR, f))]),
    ['example photo', readFileSync(join(REPO_ROOT, 'examples/files/500224197008171253.jpg'))],
    ['example grey photo', readFileSync(join(REPO_ROOT, 'examples/files/50022419910822071X.jpg'))],
    ['sharp 4:4:4 q95', await raw(gradient).jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer()],
    ['sharp q40', await raw(gradient).jpeg({ quality: 40 }).toBuffer()],
    ['sharp grey pixels', await raw(greyish).jpeg().toBuffer()],
    ['sharp one channel', await raw(gradient).toColourspace('b-w').jpeg().toBuffer()],
    ['EXIF orientation 6', await raw(gradient).withMetadata({ orientation: 6 }).jpeg().toBuffer()],
    ['EXIF orientation 3', await raw(gradient).withMetadata({ orientation: 3 }).jpeg().toBuffer()],
    ['CMYK', await raw(gradient).toColourspace('cmyk').jpeg().toBuffer()],
  ];

  it('is sure of every intact baseline/extended file and gives sharp\'s facts; leaves progressive, arithmetic and CMYK files to sharp', async () => {
    const unsure: string[] = [];
    for (const [name, bytes] of await sources()) {
      const r = readJpeg(bytes);
      if (!r.sure) {
        unsure.push(name);
        continue;
      }
      expect(r.facts, name).toEqual(await inspectImage(bytes));
    }
    expect(unsure.sort()).toEqual(['CMYK', 'arithmetic.jpg', 'progressive.jpg']);
  });

  it('on 1,500 damaged copies: sure only where sharp decodes the same facts', async () => {
    const rnd = random(20);
    let sure = 0;
    for (const [name, bytes] of await sources()) {
      for (let i = 0; i < 100; i++) {
        const copy = damage(bytes, rnd);
        const r = readJpeg(copy);
        if (!r.sure) continue;
        sure++;
        expect(r.facts, `${name}, copy ${i}`).toEqual(await inspectImage(copy));
      }
    }
    expect(sure).toBeGreaterThan(100); // damage the decoder cannot see (a changed coefficient) is common
  }, 60_000);

  it('a truncated photo is never sure (sharp names the error)', async () => {
    const bytes = readFileSync(join(REPO_ROOT, 'examples/files/500224197008171253.jpg'));
    for (const cut of [bytes.length - 1, bytes.length - 2, bytes.length - 3, Math.floor(bytes.length / 2), 700, 20]) {
      expect(readJpeg(bytes.subarray(0, cut)).sure, `cut at ${cut}`).toBe(false);
    }
  });

  it('a frame that declares more blocks than the reader takes is left to sharp, before anything is allocated', () => {
    const bytes = Buffer.from(readFileSync(join(JPEG_DIR, 'cjpeg-420.jpg')));
    const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
    bytes.writeUInt16BE(60000, sof + 5);
    bytes.writeUInt16BE(60000, sof + 7);
    expect(readJpeg(bytes)).toEqual({ sure: false, reason: 'too many pixels for the reader' });
  });
});

const T = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
/** Makes every chunk's CRC right again (so that the damage reaches what lies behind the CRC check). */
function fixCrc(b: Buffer): void {
  for (let p = 8; p + 12 <= b.length;) {
    const len = b.readUInt32BE(p);
    if (p + 12 + len > b.length) return;
    let c = -1;
    for (let i = p + 4; i < p + 8 + len; i++) c = T[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
    b.writeUInt32BE((c ^ -1) >>> 0, p + 8 + len);
    p += 12 + len;
  }
}

/** A copy whose image data was inflated, changed (filter bytes, pixels, length) and deflated again. */
function damagePixels(src: Buffer, rnd: (n: number) => number): Buffer {
  const parts: Buffer[] = [];
  let first = -1;
  let last = -1;
  for (let p = 8; p + 12 <= src.length;) {
    const len = src.readUInt32BE(p);
    if (src.toString('latin1', p + 4, p + 8) === 'IDAT') {
      if (first < 0) first = p;
      parts.push(src.subarray(p + 8, p + 8 + len));
      last = p + 12 + len;
    }
    p += 12 + len;
  }
  let data = inflateSync(Buffer.concat(parts));
  for (let i = 1 + rnd(3); i > 0; i--) data[rnd(data.length)] = rnd(2) ? rnd(8) : rnd(256);
  if (rnd(4) === 0) data = data.subarray(0, data.length - 1 - rnd(10));
  const packed = deflateSync(data);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(packed.length);
  head.write('IDAT', 4, 'latin1');
  const out = Buffer.concat([src.subarray(0, first), head, packed, Buffer.alloc(4), src.subarray(last)]);
  fixCrc(out);
  return out;
}

describe('PNG: the small reader and sharp agree', () => {
  const sources = async (): Promise<[string, Buffer][]> => [
    ['example photo', readFileSync(join(REPO_ROOT, 'examples/files/500224199002070426.png'))],
    ['RGB', await raw(gradient).png().toBuffer()],
    ['RGB, no compression', await raw(gradient).png({ compressionLevel: 0 }).toBuffer()],
    ['RGB, adaptive filtering', await raw(gradient).png({ adaptiveFiltering: true }).toBuffer()],
    ['RGBA', await raw(gradient).ensureAlpha(0.5).png().toBuffer()],
    ['palette', await raw(gradient).png({ palette: true }).toBuffer()],
    ['palette of 4 colours (2 bits)', await raw(gradient).png({ palette: true, colours: 4 }).toBuffer()],
    ['palette of grey', await raw(gradient).toColourspace('b-w').png({ palette: true, colours: 2 }).toBuffer()],
    ['grey', await raw(gradient).toColourspace('b-w').png().toBuffer()],
    ['grey pixels as RGB', await raw(greyish).png().toBuffer()],
    ['interlaced', await raw(gradient).png({ progressive: true }).toBuffer()],
  ];

  it('is sure of every plain file and gives sharp\'s facts (colour verdict from the same pixels); leaves interlaced files to sharp', async () => {
    const unsure: string[] = [];
    for (const [name, bytes] of await sources()) {
      const r = readPng(bytes);
      if (!r.sure) {
        unsure.push(name);
        continue;
      }
      expect(r.facts, name).toEqual(await inspectImage(bytes));
    }
    expect(unsure).toEqual(['interlaced']);
  });

  it('on 2,000 damaged copies (raw, CRCs made right, pixel data changed): sure only where sharp decodes the same facts', async () => {
    const rnd = random(21);
    let sure = 0;
    for (const [name, bytes] of await sources()) {
      for (let i = 0; i < 180; i++) {
        let copy: Buffer;
        const kind = rnd(3);
        if (kind === 0) copy = damage(bytes, rnd);
        else if (kind === 1) {
          copy = Buffer.from(bytes);
          copy[8 + rnd(copy.length - 8)] = rnd(256);
          fixCrc(copy);
        } else copy = damagePixels(bytes, rnd);
        const r = readPng(copy);
        if (!r.sure) continue;
        sure++;
        expect(r.facts, `${name}, copy ${i}`).toEqual(await inspectImage(copy));
      }
    }
    expect(sure).toBeGreaterThan(200);
  }, 60_000);
});

/** A pdfkit PDF of `pages` pages, as bytes. */
function pdfkit(pages: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    for (let i = 0; i < pages; i++) doc.addPage().text(`page ${i + 1}`);
    doc.end();
  });
}

const latin = (s: string): Buffer => Buffer.from(s, 'latin1');

/** The numbers a classic trailer and the last startxref give. */
function tail(pdf: Buffer): { size: number; root: string; info: string; startxref: number; pages: number } {
  const text = pdf.toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  return {
    size: Number(/\/Size (\d+)/.exec(trailer)![1]),
    root: /\/Root (\d+ \d+ R)/.exec(trailer)![1]!,
    info: /\/Info (\d+ \d+ R)/.exec(trailer)![1]!,
    startxref: Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]),
    pages: Number(/(\d+) 0 obj\s*<<\s*\/Type \/Pages/.exec(text)![1]),
  };
}

/** An incremental update that redefines the page tree with only its first page (pdfjs: the newest entry wins). */
function incrementalUpdate(pdf: Buffer): Buffer {
  const t = tail(pdf);
  const text = pdf.toString('latin1');
  const firstKid = /\/Kids \[(\d+ \d+ R)/.exec(text)![1];
  const obj = latin(`\n${t.pages} 0 obj\n<< /Type /Pages /Count 1 /Kids [${firstKid}] >>\nendobj\n`);
  const objAt = pdf.length + 1;
  const xrefAt = pdf.length + obj.length;
  const xref = latin(`xref\n0 1\n0000000000 65535 f \n${t.pages} 1\n${String(objAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${t.size} /Root ${t.root} /Info ${t.info} /Prev ${t.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat([pdf, obj, xref]);
}

/** A hybrid-reference update: a classic section whose /XRefStm stream holds the redefined page tree. */
function hybridUpdate(pdf: Buffer): Buffer {
  const t = tail(pdf);
  const text = pdf.toString('latin1');
  const firstKid = /\/Kids \[(\d+ \d+ R)/.exec(text)![1];
  const obj = latin(`\n${t.pages} 0 obj\n<< /Type /Pages /Count 1 /Kids [${firstKid}] >>\nendobj\n`);
  const objAt = pdf.length + 1;
  const stmNum = t.size;
  const stmAt = pdf.length + obj.length;
  const row = (type: number, offset: number): Buffer => {
    const r = Buffer.alloc(7);
    r[0] = type;
    r.writeUInt32BE(offset, 1);
    return r;
  };
  const data = deflateSync(Buffer.concat([row(1, objAt), row(1, stmAt)]));
  const stm = Buffer.concat([
    latin(`${stmNum} 0 obj\n<< /Type /XRef /Size ${stmNum + 1} /Index [${t.pages} 1 ${stmNum} 1] /W [1 4 2] /Filter /FlateDecode /Length ${data.length} >>\nstream\n`),
    data, latin('\nendstream\nendobj\n'),
  ]);
  const xrefAt = stmAt + stm.length;
  const xref = latin(`xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size ${stmNum + 1} /Root ${t.root} /Info ${t.info} /Prev ${t.startxref} /XRefStm ${stmAt} >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat([pdf, obj, stm, xref]);
}

describe('PDF: the small reader and pdfjs agree', () => {
  const sources = async (): Promise<[string, Buffer][]> => {
    const three = await pdfkit(3);
    return [
      ...readdirSync(PDF_DIR).filter((f) => f.endsWith('.pdf')).map((f): [string, Buffer] => [f, readFileSync(join(PDF_DIR, f))]),
      ['pdfkit 3 pages', three],
      ['pdfkit 1 page', await pdfkit(1)],
      ['incremental update', incrementalUpdate(three)],
      ['hybrid-reference update', hybridUpdate(three)],
      ['update of an update', incrementalUpdate(incrementalUpdate(await pdfkit(5)))],
      ['example scan', readFileSync(join(REPO_ROOT, 'examples/files/500224197008171253_工程师.pdf'))],
    ];
  };

  it('is sure of every intact unencrypted file — object streams, linearized files, incremental and hybrid updates — and gives pdfjs\'s facts', async () => {
    const facts = new Map<string, unknown>();
    const unsure: string[] = [];
    for (const [name, bytes] of await sources()) {
      const r = readPdf(bytes);
      const reference = await inspectPdf(bytes);
      facts.set(name, reference);
      if (r.sure) expect(r.facts, name).toEqual(reference);
      else unsure.push(`${name}: ${r.reason}`);
    }
    // Encryption is pdfjs's to judge (the password rules); everything else here the small reader reads.
    expect(unsure.sort()).toEqual([
      'gs-3.aes-128-user.pdf: encrypted', 'gs-3.rc4-128-owner-only.pdf: encrypted', 'gs-3.rc4-40-owner-only.pdf: encrypted',
      'libreoffice.aes-256-user.pdf: encrypted', 'pdfkit-4.aes-256-owner-only.pdf: encrypted',
    ]);
    // The newest revision counts.
    expect(facts.get('incremental update')).toEqual({ status: 'ok', pages: 1, ownerOnly: false });
    expect(facts.get('hybrid-reference update')).toEqual({ status: 'ok', pages: 1, ownerOnly: false });
    expect(facts.get('libreoffice.linearized-objstm.pdf')).toEqual({ status: 'ok', pages: 10, ownerOnly: false });
    expect(facts.get('gs-3.aes-128-user.pdf')).toEqual({ status: 'user-password' });
    expect(facts.get('pdfkit-4.aes-256-owner-only.pdf')).toEqual({ status: 'ok', pages: 4, ownerOnly: true });
  }, 60_000);

  it('a file cut short is not sure unless what is left is a whole earlier revision (then pdfjs reads it the same)', async () => {
    for (const [name, bytes] of await sources()) {
      const updated = /update/.test(name);
      for (const cut of [bytes.length - 1, bytes.length - 10, Math.floor(bytes.length * 0.9), Math.floor(bytes.length / 2)]) {
        const part = bytes.subarray(0, cut);
        const r = readPdf(part);
        if (!updated && cut < bytes.length - 1) expect(r.sure, `${name} cut at ${cut}`).toBe(false);
        if (r.sure) expect(r.facts, `${name} cut at ${cut}`).toEqual(await inspectPdf(part));
      }
    }
  });

  it('on 2,500 damaged copies: sure only where pdfjs gives the same facts', async () => {
    const rnd = random(22);
    let sure = 0;
    for (const [name, bytes] of await sources()) {
      for (let i = 0; i < 90; i++) {
        const copy = damage(bytes, rnd, '0123456789 /<>[]()RnfobjPageKids');
        const r = readPdf(copy);
        if (!r.sure) continue;
        sure++;
        expect(r.facts, `${name}, copy ${i}`).toEqual(await inspectPdf(copy));
      }
    }
    expect(sure).toBeGreaterThan(300);
  }, 120_000);

  it('hostile PDFs are refused at once, within bounded memory: declared sizes, object-stream and page-tree bombs', async () => {
    const dir = tempDir('readers');
    const files = [
      await xrefBombPdf(join(dir, 'xref.pdf'), 50_000_000),
      await objectStreamBombPdf(join(dir, 'objstm.pdf'), 20_000_000),
      pageTreeBombPdf(join(dir, 'tree.pdf')),
    ];
    const heap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const results = files.map((f) => readPdf(readFileSync(f)));
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 2 ** 20);
    expect(results.map((r) => r.sure)).toEqual([false, false, false]);
    expect((results[1] as { reason: string }).reason).toMatch(/inflate/);
    expect((results[2] as { reason: string }).reason).toMatch(/seen twice/);
  }, 60_000);
});
