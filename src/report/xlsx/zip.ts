/**
 * A small zip writer for workbook packages: entries are written one after another to a stream, each either
 * copied as it is stored in another zip (its compressed bytes, CRC and sizes unchanged), deflated from a
 * buffer, or deflated as it is streamed (sizes in a data descriptor). No zip64: a workbook cert-check reads
 * is far below 4 GiB (src/read/limits.ts), and an output that would pass it is refused.
 */
import type { Readable, Writable } from 'node:stream';
import * as zlib from 'node:zlib';

const crc32: (data: Buffer, value?: number) => number = (zlib as { crc32?: (d: Buffer, v?: number) => number }).crc32 ?? tableCrc32;

let TABLE: Int32Array | null = null;
/** CRC-32 for Node versions before zlib.crc32 (20.15). */
function tableCrc32(data: Buffer, value = 0): number {
  if (!TABLE) {
    TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const MAX_32 = 0xffffffff;

/** An entry as another zip stores it (yauzl's Entry has these fields). */
export interface StoredEntry {
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
}

interface Central {
  name: Buffer;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  flags: number;
}

/** DOS date and time of a Date (local time, 2-second precision). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A streamed entry: write its content in pieces, then `end`. */
export interface EntryWriter {
  write(data: Buffer): Promise<void>;
  end(): Promise<void>;
  /** Uncompressed bytes written so far. */
  readonly bytes: number;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Central[] = [];
  private readonly names = new Set<string>();
  private busy = false;
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly out: Writable,
    time = new Date(),
  ) {
    this.stamp = dosTime(time);
  }

  /** Names written so far. */
  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Bytes waiting in the output stream. */
  get pending(): number {
    return this.out.writableLength;
  }

  /** Copies an entry of another zip without inflating it: `raw` is its stored (compressed) bytes. */
  async copy(name: string, entry: StoredEntry, raw: Readable): Promise<void> {
    this.begin(name);
    const flags = 0x0800;
    const c: Central = {
      name: Buffer.from(name, 'utf8'), method: entry.compressionMethod, crc: entry.crc32 >>> 0,
      csize: entry.compressedSize, usize: entry.uncompressedSize, offset: this.offset, flags,
    };
    await this.put(this.localHeader(c));
    let n = 0;
    for await (const chunk of raw) {
      n += (chunk as Buffer).length;
      await this.put(chunk as Buffer);
    }
    if (n !== entry.compressedSize) throw new Error(`${name}: copied ${n} of ${entry.compressedSize} bytes`);
    this.done(c);
  }

  /** Adds an entry from a buffer or text (UTF-8), deflated. */
  async add(name: string, data: Buffer | string, level = 6): Promise<void> {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const packed = await new Promise<Buffer>((res, rej) => zlib.deflateRaw(buf, { level }, (e, r) => (e ? rej(e) : res(r))));
    this.begin(name);
    const c: Central = {
      name: Buffer.from(name, 'utf8'), method: 8, crc: crc32(buf) >>> 0, csize: packed.length, usize: buf.length,
      offset: this.offset, flags: 0x0800,
    };
    await this.put(this.localHeader(c));
    await this.put(packed);
    this.done(c);
  }

  /** Opens a streamed entry (deflated as written; sizes follow in a data descriptor). */
  async open(name: string, level = 1): Promise<EntryWriter> {
    this.begin(name);
    const c: Central = { name: Buffer.from(name, 'utf8'), method: 8, crc: 0, csize: 0, usize: 0, offset: this.offset, flags: 0x0808 };
    await this.put(this.localHeader(c));
    const deflate = zlib.createDeflateRaw({ level, chunkSize: 64 * 1024 });
    let failure: Error | null = null;
    let outWaits: Promise<void> = Promise.resolve();
    deflate.on('error', (e) => (failure ??= e));
    deflate.on('data', (chunk: Buffer) => {
      c.csize += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        outWaits = drained(this.out).then(() => {
          deflate.resume();
        }, (e: Error) => {
          failure ??= e;
          deflate.destroy(e);
        });
      }
    });
    const ended = new Promise<void>((res, rej) => {
      deflate.once('end', () => res());
      deflate.once('error', rej);
    });
    ended.catch(() => {});
    let crc = 0;
    const writer: EntryWriter = {
      get bytes() {
        return c.usize;
      },
      write: async (data: Buffer) => {
        if (failure) throw failure;
        if (!data.length) return;
        crc = crc32(data, crc);
        c.usize += data.length;
        if (!deflate.write(data)) {
          await new Promise<void>((res, rej) => {
            const onDrain = (): void => {
              deflate.off('error', onError);
              res();
            };
            const onError = (e: Error): void => {
              deflate.off('drain', onDrain);
              rej(e);
            };
            deflate.once('drain', onDrain);
            deflate.once('error', onError);
          });
          await outWaits;
          if (failure) throw failure;
        }
      },
      end: async () => {
        deflate.end();
        await ended;
        await outWaits;
        if (failure) throw failure;
        c.crc = crc >>> 0;
        if (c.usize > MAX_32 || c.csize > MAX_32) throw new Error(`${name}: over 4 GiB`);
        const d = Buffer.alloc(16);
        d.writeUInt32LE(0x08074b50, 0);
        d.writeUInt32LE(c.crc, 4);
        d.writeUInt32LE(c.csize, 8);
        d.writeUInt32LE(c.usize, 12);
        await this.put(d);
        this.done(c);
      },
    };
    return writer;
  }

  /** The CRC-32 and size of an entry written (as its central directory will say), or undefined. */
  written(name: string): { crc32: number; size: number } | undefined {
    const c = this.entries.find((e) => e.name.toString('utf8') === name);
    return c ? { crc32: c.crc >>> 0, size: c.usize } : undefined;
  }

  /** Writes the central directory; the stream is not ended. */
  async finish(): Promise<void> {
    if (this.busy) throw new Error('zip: an entry is still open');
    const start = this.offset;
    for (const c of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(c.flags, 8);
      h.writeUInt16LE(c.method, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(c.crc, 16);
      h.writeUInt32LE(c.csize, 20);
      h.writeUInt32LE(c.usize, 24);
      h.writeUInt16LE(c.name.length, 28);
      h.writeUInt32LE(c.offset, 42);
      await this.put(Buffer.concat([h, c.name]));
    }
    const size = this.offset - start;
    if (this.entries.length > 0xffff || start > MAX_32) throw new Error('zip: too large for a workbook');
    const e = Buffer.alloc(22);
    e.writeUInt32LE(0x06054b50, 0);
    e.writeUInt16LE(this.entries.length, 8);
    e.writeUInt16LE(this.entries.length, 10);
    e.writeUInt32LE(size, 12);
    e.writeUInt32LE(start, 16);
    await this.put(e);
  }

  private begin(name: string): void {
    if (this.busy) throw new Error(`zip: ${name} started while another entry is open`);
    if (this.names.has(name)) throw new Error(`zip: ${name} written twice`);
    this.busy = true;
    this.names.add(name);
  }

  private done(c: Central): void {
    if (c.offset > MAX_32) throw new Error('zip: too large for a workbook');
    this.entries.push(c);
    this.busy = false;
  }

  private localHeader(c: Central): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(c.flags, 6);
    h.writeUInt16LE(c.method, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    const streamed = (c.flags & 0x08) !== 0;
    h.writeUInt32LE(streamed ? 0 : c.crc, 14);
    h.writeUInt32LE(streamed ? 0 : c.csize, 18);
    h.writeUInt32LE(streamed ? 0 : c.usize, 22);
    h.writeUInt16LE(c.name.length, 26);
    return Buffer.concat([h, c.name]);
  }

  private async put(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await drained(this.out);
  }
}

/** Resolves when `out` drains; rejects when it fails or closes first (a full disk must not hang the run). */
function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(out.errored ?? new Error('output closed'));
  return new Promise<void>((res, rej) => {
    const done = (err?: Error | null): void => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
      if (err) rej(err);
      else res();
    };
    const onDrain = (): void => done();
    const onError = (e: Error): void => done(e);
    const onClose = (): void => done(out.errored ?? new Error('output closed'));
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}
