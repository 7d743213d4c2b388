/**
 * One file's inspection for one role, in one go (issue #20): read it (once, whole when it is small or has to be
 * decoded), tell its type by content, hash it for the --cache, and read a JPEG photo or a PDF attachment with
 * the small readers (src/assets/jpeg.ts, png.ts, pdf-reader.ts). Where a small reader is unsure, the result
 * says which fallback must look at the file (sharp for pictures, pdfjs in the PDF process for PDFs): the
 * caller runs it, so that its verdict — and its exact error message — is the one the rules see.
 *
 * Runs in the inspection threads (src/assets/pool.ts, synchronous reads: those threads do nothing else) or, with
 * no threads, in the main thread (asynchronous reads).
 */
import { closeSync, openSync, readFileSync, readSync, promises as fsp } from 'node:fs';
import { fileTypeFromBuffer } from 'file-type';
import { contentHash, hashOfBytes, HASH_SPAN } from './hash.js';
import { declaresTooMuch } from './pdf-declared.js';
import { readJpeg } from './jpeg.js';
import { PDF_MAX_BYTES, PHOTO_DECODE_MAX_BYTES, SNIFF_BYTES } from './limits.js';
import { readPdf } from './pdf-reader.js';
import { readPng } from './png.js';
import type { AssetRole, ImageFacts, PdfFacts } from './types.js';

export interface ProbeJob {
  /** The real file (inside the assets folder). */
  path: string;
  /** Its size as listed. */
  size: number;
  role: AssetRole;
  /** Compute the content hash (the --cache is on). */
  hash: boolean;
  /** The cache holds facts for this size and mtime with this hash: when the file's hash is the same, stop there. */
  cachedHash?: string;
  /** The type is already known (a second role of a file): do not tell it again. */
  type?: string | null;
}

export interface ProbeResult {
  /** The file could not be read: the system's message. */
  readError?: string;
  /** The content hash (when asked for). */
  hash?: string;
  /** The hash equals `cachedHash`: nothing else was done. */
  cacheHit?: boolean;
  /** Type by content (unless given or a cache hit). */
  type?: string | null;
  mime?: string | null;
  /** Sure facts of the small readers. */
  image?: ImageFacts;
  pdf?: PdfFacts;
  /** The file needs the fallback: sharp ('image') or pdfjs ('pdf'); `reason` says why the small reader is unsure. */
  fallback?: 'image' | 'pdf';
  reason?: string;
}

/** Files up to this size are read whole at once (photos are at most 200 KB when right). */
export const WHOLE_READ_BYTES = 256 * 1024;

/** How a file is read: synchronously in an inspection thread, asynchronously in the main thread. */
export interface ProbeIo {
  whole(path: string): Buffer | Promise<Buffer>;
  /** Up to `length` bytes from `position`. */
  range(path: string, position: number, length: number): Buffer | Promise<Buffer>;
}

export const SYNC_IO: ProbeIo = {
  whole: (path) => readFileSync(path),
  range(path, position, length) {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, buf, got, length - got, position + got);
        if (n === 0) break;
        got += n;
      }
      return buf.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  },
};

export const ASYNC_IO: ProbeIo = {
  whole: (path) => fsp.readFile(path),
  async range(path, position, length) {
    const handle = await fsp.open(path, 'r');
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
};

/** The content hash of a file not read whole (head and tail, see cache.ts). */
async function hashOfParts(io: ProbeIo, path: string, size: number): Promise<string> {
  const head = await io.range(path, 0, HASH_SPAN);
  const tail = await io.range(path, Math.max(0, size - HASH_SPAN), HASH_SPAN);
  return contentHash(head, tail, size);
}

/** Whether the role's reader needs the file whole, by type and listed size. */
function decodes(role: AssetRole, type: string | null | undefined, size: number): 'image' | 'pdf' | null {
  if (role === 'photo' && (type === 'jpg' || type === 'png') && size <= PHOTO_DECODE_MAX_BYTES) return 'image';
  if (role === 'attachment' && type === 'pdf' && size <= PDF_MAX_BYTES) return 'pdf';
  return null;
}

/** Inspects one file for one role. Never throws: a file that cannot be read is `readError`. */
export async function probe(job: ProbeJob, io: ProbeIo): Promise<ProbeResult> {
  const out: ProbeResult = {};
  try {
    let bytes: Buffer | null = job.size <= WHOLE_READ_BYTES ? await io.whole(job.path) : null;
    if (job.hash || job.cachedHash) {
      out.hash = bytes ? hashOfBytes(bytes) : await hashOfParts(io, job.path, job.size);
      if (job.cachedHash && out.hash === job.cachedHash) {
        out.cacheHit = true;
        return out;
      }
    }
    let type = job.type;
    if (type === undefined) {
      const head = bytes ?? await io.range(job.path, 0, SNIFF_BYTES);
      if (head.length === 0) {
        out.type = 'empty';
        out.mime = null;
        return out;
      }
      const found = await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES));
      out.type = type = found ? found.ext : null;
      out.mime = found ? found.mime : null;
    }
    const kind = decodes(job.role, type, job.size);
    if (!kind) return out;
    bytes ??= await io.whole(job.path);
    try {
      Object.assign(out, kind === 'image' ? readPhoto(bytes, type === 'png') : readAttachment(bytes));
    } catch (err) {
      // A reader's own failure (a bug) is no verdict: the fallback decides.
      Object.assign(out, { fallback: kind, reason: `reader failed: ${(err as Error).message}`.slice(0, 160) });
    }
    return out;
  } catch (err) {
    return { readError: (err as Error).message.slice(0, 160) };
  }
}

function readPhoto(bytes: Uint8Array, png: boolean): Partial<ProbeResult> {
  const r = png ? readPng(bytes) : readJpeg(bytes);
  return r.sure ? { image: r.facts } : { fallback: 'image', reason: r.reason };
}

function readAttachment(bytes: Uint8Array): Partial<ProbeResult> {
  // The declared sizes first, as inspectPdf does, with the same words.
  const tooMany = declaresTooMuch(bytes);
  if (tooMany) return { pdf: { status: 'invalid', error: tooMany } };
  const r = readPdf(bytes);
  return r.sure ? { pdf: r.facts } : { fallback: 'pdf', reason: r.reason };
}
