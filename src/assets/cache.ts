/**
 * The --cache file: what was learned about each file, keyed by its absolute path and valid while the
 * file's size and mtime are unchanged, so that a CI re-run skips unchanged files. Written atomically.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GREY_THUMBNAIL_PX, GREY_TOLERANCE } from './limits.js';
import type { ImageFacts, PdfFacts } from './types.js';

/** Changes whenever what is stored, or how it is computed, changes: older caches are then ignored. */
const CACHE_VERSION = `cert-check-assets/1;grey=${GREY_TOLERANCE}@${GREY_THUMBNAIL_PX}`;

export interface CachedFacts {
  size: number;
  mtimeMs: number;
  type: string | null;
  mime: string | null;
  image?: ImageFacts;
  pdf?: PdfFacts;
}

interface CacheFile {
  version: string;
  entries: Record<string, CachedFacts>;
}

export class FactsCache {
  private constructor(
    private readonly file: string | null,
    private readonly entries: Map<string, CachedFacts>,
  ) {}

  /** Reads the cache; a missing, unreadable or outdated cache is an empty one. */
  static async open(file: string | undefined): Promise<FactsCache> {
    const entries = new Map<string, CachedFacts>();
    if (!file) return new FactsCache(null, entries);
    try {
      const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<CacheFile>;
      if (parsed.version === CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object') {
        for (const [k, v] of Object.entries(parsed.entries)) {
          if (v && typeof v.size === 'number' && typeof v.mtimeMs === 'number') entries.set(k, v);
        }
      }
    } catch {
      /* no cache yet, or not ours: start empty */
    }
    return new FactsCache(path.resolve(file), entries);
  }

  get(absPath: string, size: number, mtimeMs: number): CachedFacts | null {
    const e = this.entries.get(absPath);
    return e && e.size === size && e.mtimeMs === mtimeMs ? e : null;
  }

  set(absPath: string, facts: CachedFacts): void {
    this.entries.set(absPath, facts);
  }

  /** Drops entries of files under `root` that are no longer there. */
  prune(root: string, present: ReadonlySet<string>): void {
    const prefix = root.endsWith(path.sep) ? root : root + path.sep;
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix) && !present.has(k)) this.entries.delete(k);
  }

  /** Writes the cache (temp file + rename, so a reader never sees half a file). */
  async save(): Promise<void> {
    if (!this.file) return;
    const data: CacheFile = { version: CACHE_VERSION, entries: Object.fromEntries(this.entries) };
    const tmp = `${this.file}.${process.pid}.${Date.now().toString(36)}.tmp`;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    try {
      await fs.writeFile(tmp, JSON.stringify(data));
      await fs.rename(tmp, this.file);
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw err;
    }
  }
}
