/** The content hash that keys the --cache (with size and mtime): sha256 of a file's head and tail. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes hashed at each end of a file (a file up to twice this is hashed whole). */
export const HASH_SPAN = 64 * 1024;

/** The content part of the key: sha256 of the first and last HASH_SPAN bytes and the size. */
export function contentHash(head: Uint8Array, tail: Uint8Array | null, size: number): string {
  const h = createHash('sha256');
  h.update(String(size));
  h.update(head);
  if (tail) h.update(tail);
  return h.digest('hex').slice(0, 32);
}

/** The content hash of a file read whole (small files: the bytes are already in memory). */
export function hashOfBytes(bytes: Uint8Array): string {
  if (bytes.length <= 2 * HASH_SPAN) return contentHash(bytes, null, bytes.length);
  return contentHash(bytes.subarray(0, HASH_SPAN), bytes.subarray(bytes.length - HASH_SPAN), bytes.length);
}

/** The content hash of a file on disk (reads at most 2 × HASH_SPAN bytes). */
export async function hashOfFile(file: string, size: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    if (size <= 2 * HASH_SPAN) {
      const buf = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buf, 0, size, 0);
      return contentHash(buf.subarray(0, bytesRead), null, size);
    }
    const head = Buffer.alloc(HASH_SPAN);
    const tail = Buffer.alloc(HASH_SPAN);
    await handle.read(head, 0, HASH_SPAN, 0);
    await handle.read(tail, 0, HASH_SPAN, size - HASH_SPAN);
    return contentHash(head, tail, size);
  } finally {
    await handle.close();
  }
}
