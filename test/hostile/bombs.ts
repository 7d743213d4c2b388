/**
 * Small files that declare huge things: PDFs whose cross-reference stream, object stream or
 * page tree would make a parser allocate gigabytes, and a PNG of 16000 × 16000 pixels in a few hundred
 * kilobytes. Written by streaming deflate, so the test process never holds what they expand to.
 */
import { writeFileSync } from 'node:fs';
import { createDeflate } from 'node:zlib';

/** Deflates `head` followed by `piece` repeated `times` times (zlib format), without holding the whole. */
async function deflateRepeated(piece: Buffer, times: number, head: Buffer = Buffer.alloc(0)): Promise<Buffer> {
  const d = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((r) => d.on('end', () => r()));
  d.write(head);
  const per = Math.max(1, Math.floor((1 << 20) / piece.length));
  const block = Buffer.concat(Array.from({ length: per }, () => piece));
  for (let left = times; left > 0; left -= per) {
    const ok = d.write(left >= per ? block : block.subarray(0, left * piece.length));
    if (!ok) await new Promise<void>((r) => d.once('drain', () => r()));
  }
  d.end();
  await done;
  return Buffer.concat(out);
}

/** Assembles a PDF from objects (in order) and returns the byte offset of each. */
function assemble(version: string, objects: Buffer[]): { bytes: Buffer[]; offsets: number[]; length: number } {
  const bytes = [Buffer.from(`%PDF-${version}\n`, 'latin1')];
  let length = bytes[0]!.length;
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(length);
    bytes.push(o);
    length += o.length;
  }
  return { bytes, offsets, length };
}

const latin = (s: string): Buffer => Buffer.from(s, 'latin1');
const streamObject = (head: string, data: Buffer): Buffer => Buffer.concat([latin(head), latin('\nstream\n'), data, latin('\nendstream\nendobj\n')]);

const CATALOG = latin('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');
const PAGES = latin('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n');
const PAGE = latin('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n');

/**
 * A PDF whose cross-reference stream declares `entries` objects (the issue's case: 50 million in ~340 KB,
 * 36 s and 4.7 GB before). `hideSize` spells the key /Si#7Ae, which a PDF reader reads as /Size.
 */
export async function xrefBombPdf(path: string, entries = 50_000_000, hideSize = false): Promise<string> {
  const data = await deflateRepeated(Buffer.alloc(7), entries);
  const { bytes, length } = assemble('1.5', [CATALOG, PAGES, PAGE]);
  const key = hideSize ? '/Si#7Ae' : '/Size';
  const xref = streamObject(`4 0 obj\n<< /Type /XRef ${key} ${entries} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${data.length} >>`, data);
  writeFileSync(path, Buffer.concat([...bytes, xref, latin(`startxref\n${length}\n%%EOF\n`)]));
  return path;
}

/**
 * A PDF whose catalog sits in an object stream declaring `n` objects: the declared sizes are honest and
 * small, so only the PDF thread's heap limit stops the parser (~200 KB for 50 million).
 */
export async function objectStreamBombPdf(path: string, n = 50_000_000): Promise<string> {
  const data = await deflateRepeated(latin('0 0 '), n - 1, latin('1 0 '));
  const objstm = streamObject(`5 0 obj\n<< /Type /ObjStm /N ${n} /First ${4 * n} /Filter /FlateDecode /Length ${data.length} >>`, data);
  const { bytes, offsets, length } = assemble('1.5', [PAGES, PAGE, objstm]);
  const row = (type: number, a: number, b: number): Buffer => {
    const r = Buffer.alloc(7);
    r[0] = type;
    r.writeUInt32BE(a, 1);
    r.writeUInt16BE(b, 5);
    return r;
  };
  // Objects: 0 free, 1 (catalog) compressed in 5, 2 and 3 plain, 4 this cross-reference stream, 5 the object stream.
  const table = Buffer.concat([row(0, 0, 65535), row(2, 5, 0), row(1, offsets[0]!, 0), row(1, offsets[1]!, 0), row(1, length, 0), row(1, offsets[2]!, 0)]);
  const xref = streamObject(`4 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length ${table.length} >>`, table);
  writeFileSync(path, Buffer.concat([...bytes, xref, latin(`startxref\n${length}\n%%EOF\n`)]));
  return path;
}

/** A PDF of ~1.6 KB whose page tree (nine levels of ten kids, all the same node) declares 10⁹ pages. */
export function pageTreeBombPdf(path: string): string {
  const depth = 9;
  const objects = [CATALOG];
  for (let d = 0; d < depth; d++) {
    const id = 2 + d;
    const parent = d === 0 ? '' : `/Parent ${id - 1} 0 R `;
    objects.push(latin(`${id} 0 obj\n<< /Type /Pages ${parent}/Kids [${Array(10).fill(`${id + 1} 0 R`).join(' ')}] /Count ${10 ** (depth - d)} >>\nendobj\n`));
  }
  objects.push(latin(`${2 + depth} 0 obj\n<< /Type /Page /Parent ${1 + depth} 0 R /MediaBox [0 0 612 792] >>\nendobj\n`));
  const { bytes, offsets, length } = assemble('1.4', objects);
  const table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  writeFileSync(path, Buffer.concat([...bytes, latin(`${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`)]));
  return path;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An RGB PNG of width × height pixels of one colour (a photo-like orange), as small as deflate makes it:
 * 16000 × 16000 is ~750 KB on disk and 768 MB of pixels. `padBytes` adds a text chunk of that many bytes
 * (a PNG of one colour is otherwise too small to be "too large").
 */
export async function hugePng(path: string, width: number, height: number, padBytes = 0): Promise<string> {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([220, 120, 60], 1 + x * 3);
  const idat = await deflateRepeated(row, height);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const pad = padBytes > 0 ? [chunk('tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(padBytes, 0x20)]))] : [];
  writeFileSync(path, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...pad, chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]));
  return path;
}
