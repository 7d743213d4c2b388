/**
 * The --cache file: what was learned about each file of the assets folder, so that a CI re-run skips
 * unchanged files. Keyed by the path relative to the assets folder (never an absolute path: photo names
 * are ID numbers, and the cache should not keep where they lay); valid while the file's size, mtime and a
 * hash of its head and tail are unchanged (a file rewritten with the same size and mtime is inspected
 * again). Entries of files no longer in the folder are dropped on save.
 *
 * Read with a size cap from a regular file only, and validated: a cache that is not one (not JSON, a wrong
 * shape, too deep, too large) is ignored with a warning and written anew. Written atomically
 * (src/run/atomic-file.ts).
 */
import path from 'node:path';
import { z } from 'zod';
import { ioCause, RunWarning } from '../errors.js';
import { bilingual } from '../i18n/index.js';
import { writeFileAtomic } from '../run/atomic-file.js';
import { CACHE_MAX_BYTES, NotReadable, readRegularFile, textOf } from '../run/bounded-read.js';
import { GREY_THUMBNAIL_PX, GREY_TOLERANCE } from './limits.js';
import type { ImageFacts, PdfFacts } from './types.js';

export { contentHash, hashOfBytes, hashOfFile, HASH_SPAN } from './hash.js';

/** Changes whenever what is stored, or how it is computed, changes: older caches are then ignored. */
// 3: a JPEG's colour verdict comes from its 8×8 blocks' DC coefficients (src/assets/jpeg.ts).
export const CACHE_VERSION = `cert-check-assets/3;grey=${GREY_TOLERANCE}@${GREY_THUMBNAIL_PX},jpeg-dc;hash=sha256/64k+64k`;

export const ImageSchema = z.object({
  decoded: z.boolean(),
  error: z.string().max(1000).optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  channels: z.number().optional(),
  colour: z.enum(['colour', 'grey-channels', 'grey-pixels']).optional(),
}).strict();

export const PdfSchema = z.object({
  status: z.enum(['ok', 'user-password', 'invalid']),
  error: z.string().max(1000).optional(),
  pages: z.number().optional(),
  ownerOnly: z.boolean().optional(),
}).strict();

export const EntrySchema = z.object({
  size: z.number(),
  mtimeMs: z.number(),
  hash: z.string().max(128),
  type: z.string().max(32).nullable(),
  mime: z.string().max(200).nullable(),
  image: ImageSchema.optional(),
  pdf: PdfSchema.optional(),
}).strict();

/**
 * The file: `{ version, entries: { [path]: EntrySchema } }`, checked by hand (`isCacheFile`, `isEntry`: zod's rules for
 * these schemas, without its cost per entry; test/assets/inspector.test.ts compares them with zod's).
 */
export const FileSchema = z.object({ version: z.string(), entries: z.record(z.string().max(4096), EntrySchema) }).strict();
const FILE_KEYS = new Set(['version', 'entries']);

export type CachedFacts = z.infer<typeof EntrySchema> & { image?: ImageFacts; pdf?: PdfFacts };

const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const only = (o: Record<string, unknown>, keys: ReadonlySet<string>): boolean => Object.keys(o).every((k) => keys.has(k));
const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const absent = (v: unknown): boolean => v === undefined;
const IMAGE_KEYS = new Set(['decoded', 'error', 'width', 'height', 'channels', 'colour']);
const PDF_KEYS = new Set(['status', 'error', 'pages', 'ownerOnly']);
const ENTRY_KEYS = new Set(['size', 'mtimeMs', 'hash', 'type', 'mime', 'image', 'pdf']);

function isImage(v: unknown): boolean {
  return plain(v) && only(v, IMAGE_KEYS) && typeof v.decoded === 'boolean' && (absent(v.error) || str(v.error, 1000))
    && (absent(v.width) || num(v.width)) && (absent(v.height) || num(v.height)) && (absent(v.channels) || num(v.channels))
    && (absent(v.colour) || v.colour === 'colour' || v.colour === 'grey-channels' || v.colour === 'grey-pixels');
}

function isPdf(v: unknown): boolean {
  return plain(v) && only(v, PDF_KEYS) && (v.status === 'ok' || v.status === 'user-password' || v.status === 'invalid')
    && (absent(v.error) || str(v.error, 1000)) && (absent(v.pages) || num(v.pages)) && (absent(v.ownerOnly) || typeof v.ownerOnly === 'boolean');
}

/** Whether a parsed file has FileSchema's shape (zod's record leaves a "__proto__" key out, so does `open`). */
export function isCacheFile(v: unknown): v is { version: string; entries: Record<string, CachedFacts> } {
  if (!plain(v) || !only(v, FILE_KEYS) || typeof v.version !== 'string' || !plain(v.entries)) return false;
  for (const [k, e] of Object.entries(v.entries)) if (k.length > 4096 || (k !== '__proto__' && !isEntry(e))) return false;
  return true;
}

/** Whether a cache entry has EntrySchema's shape (a cache of 40,000 files is checked in milliseconds, not tenths of seconds). */
export function isEntry(v: unknown): v is CachedFacts {
  return plain(v) && only(v, ENTRY_KEYS) && num(v.size) && num(v.mtimeMs) && str(v.hash, 128)
    && (v.type === null || str(v.type, 32)) && (v.mime === null || str(v.mime, 200))
    && (absent(v.image) || isImage(v.image)) && (absent(v.pdf) || isPdf(v.pdf));
}

export class FactsCache {
  /** Why the cache on disk was not used (shown as a warning), if it was not. */
  warning: RunWarning | null = null;
  /**
   * What `save` would write differs from the file on disk: no valid file of this version was read, or an entry
   * was set or pruned since. A re-run that found every file unchanged leaves the file as it is.
   */
  private changed = true;

  private constructor(
    private readonly file: string | null,
    private readonly entries: Map<string, CachedFacts>,
  ) {}

  /** Reads the cache; a missing or outdated cache is an empty one, a bad one too (with `warning` set). */
  static async open(file: string | undefined): Promise<FactsCache> {
    const entries = new Map<string, CachedFacts>();
    if (!file) return new FactsCache(null, entries);
    const cache = new FactsCache(path.resolve(file), entries);
    const ignore = (zh: string, en: string): void => {
      entries.clear();
      cache.warning = new RunWarning('cache-ignored', { path: file, detail: bilingual(zh, en) });
    };
    let text: string;
    try {
      text = textOf(await readRegularFile(file, CACHE_MAX_BYTES));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return cache; // the first run
      if (err instanceof NotReadable) {
        if (err.reason === 'too-large') ignore(`超过 ${CACHE_MAX_BYTES} 字节`, `larger than ${CACHE_MAX_BYTES} bytes`);
        else ignore(`不是普通文件，而是${err.detail.kind!.zh}`, `not a regular file but ${err.detail.kind!.en}`);
      } else {
        cache.warning = new RunWarning('cache-ignored', { path: file, detail: ioCause(err, 'read') });
      }
      return cache;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      ignore('不是有效的 JSON', 'not valid JSON');
      return cache;
    }
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'string' && version !== CACHE_VERSION && version.startsWith('cert-check-assets/')) {
      return cache; // an older cert-check's cache: rebuilt quietly
    }
    if (!isCacheFile(raw) || raw.version !== CACHE_VERSION) {
      ignore('不是 cert-check 的缓存文件，或内容不完整', 'not a cert-check cache, or incomplete');
      return cache;
    }
    for (const [k, v] of Object.entries(raw.entries)) if (k !== '__proto__') entries.set(k, v);
    cache.changed = false;
    return cache;
  }

  /** Whether there is an entry for `rel` of this size and mtime (the content hash is compared by `get`). */
  candidate(rel: string, size: number, mtimeMs: number): CachedFacts | null {
    const e = this.entries.get(rel);
    return e && e.size === size && e.mtimeMs === mtimeMs ? e : null;
  }

  get(rel: string, size: number, mtimeMs: number, hash: string): CachedFacts | null {
    const e = this.candidate(rel, size, mtimeMs);
    return e && e.hash === hash ? e : null;
  }

  set(rel: string, facts: CachedFacts): void {
    this.entries.set(rel, facts);
    this.changed = true;
  }

  /** Keeps only the entries of files in `present` (relative paths of the folder as listed now). */
  prune(present: ReadonlySet<string>): void {
    for (const k of [...this.entries.keys()]) {
      if (present.has(k)) continue;
      this.entries.delete(k);
      this.changed = true;
    }
  }

  /** Whether a file was given (else nothing is read or written). */
  get enabled(): boolean {
    return this.file !== null;
  }

  /**
   * Writes the cache (temporary file + rename, so a reader never sees half a file), unless the file read holds
   * exactly these entries already. Throws what fs throws.
   */
  async save(): Promise<void> {
    if (!this.file || !this.changed) return;
    await writeFileAtomic(this.file, JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(this.entries) }), { mkdir: true });
    this.changed = false;
  }
}
