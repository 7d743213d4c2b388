/**
 * Reading the small files cert-check is told about (configuration, committee list, cache): only regular
 * files, and at most a given size. The file is opened without blocking (a FIFO named as a config would
 * otherwise wait forever for a writer), checked on the open descriptor (no race between a check and the
 * open), and never read past the cap (a device such as /dev/zero claims size 0 and never ends).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { FILE_KINDS } from '../i18n/errors.js';
import type { Bilingual } from '../i18n/index.js';

/** Configuration file: a few kilobytes in practice. */
export const CONFIG_MAX_BYTES = 1024 * 1024;
/** A committee list of the configuration (data/committees.json is ~60 KB). */
export const COMMITTEES_MAX_BYTES = 8 * 1024 * 1024;
/** The --cache file: ~250 bytes a file, so room for about half a million files. */
export const CACHE_MAX_BYTES = 128 * 1024 * 1024;

/** Why a file was not read; `code` is the system's (ENOENT, EACCES…) for the other failures. */
export class NotReadable extends Error {
  constructor(
    readonly reason: 'not-regular' | 'too-large',
    readonly path: string,
    /** For not-regular: what it is (zh / en); for too-large: the size. */
    readonly detail: { kind?: { zh: string; en: string }; size?: number; max: number },
  ) {
    super(reason === 'not-regular' ? `${path} is not a regular file (${detail.kind?.en})` : `${path} is larger than ${detail.max} bytes`);
    this.name = 'NotReadable';
  }
}

/** What a non-regular file is, in both languages (for messages). */
export function kindOf(st: Stats): Bilingual {
  if (st.isDirectory()) return FILE_KINDS.folder;
  if (st.isFIFO()) return FILE_KINDS.fifo;
  if (st.isCharacterDevice()) return FILE_KINDS.characterDevice;
  if (st.isBlockDevice()) return FILE_KINDS.blockDevice;
  if (st.isSocket()) return FILE_KINDS.socket;
  if (st.isSymbolicLink()) return FILE_KINDS.link;
  return FILE_KINDS.special;
}

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** Reads a regular file of at most `maxBytes` (synchronously). Throws NotReadable, or the system's error. */
export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, READ_FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotReadable('not-regular', path, { kind: kindOf(st), max: maxBytes });
    if (st.size > maxBytes) throw new NotReadable('too-large', path, { size: st.size, max: maxBytes });
    // Read at most maxBytes + 1: a file that grows while it is read is still bounded.
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) throw new NotReadable('too-large', path, { size: n, max: maxBytes });
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Reads a regular file of at most `maxBytes`. Throws NotReadable, or the system's error. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, READ_FLAGS);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new NotReadable('not-regular', path, { kind: kindOf(st), max: maxBytes });
    if (st.size > maxBytes) throw new NotReadable('too-large', path, { size: st.size, max: maxBytes });
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) throw new NotReadable('too-large', path, { size: n, max: maxBytes });
      const { bytesRead } = await handle.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return buf.subarray(0, n);
  } finally {
    await handle.close();
  }
}

/** UTF-8 text of a file read by the functions above, without a byte-order mark. */
export function textOf(buf: Buffer): string {
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}
