/**
 * The asset inspector: lists the assets folder once, finds each row's photo and attachment (cell or naming
 * convention), and inspects each file once, reading only what the rules need: size (from the listing) → type
 * by content → a photo's pixels / a PDF's page count. Files are inspected on the inspection threads
 * (src/assets/pool.ts: one per 4,000 files, up to one per core) by small readers (src/assets/probe.ts: JPEG at
 * 1/8 scale, PNG, PDF cross-reference and page tree); sharp and pdfjs (in the PDF process) judge only the files a
 * small reader is unsure of, and those of a thread that was lost. Facts are kept in the --cache file by path,
 * size, mtime and content hash.
 */
import path from 'node:path';
import { InputError, ioCause, RunWarning } from '../errors.js';
import { rowKey, type CertRecord } from '../model/record.js';
import { FactsCache, hashOfFile } from './cache.js';
import { AssetFolder, extensionOf, type FolderEntry } from './folder.js';
import { inspectImage, sniff } from './inspect.js';
import { inspectPdfOffThread } from './pdf-thread.js';
import { limiter } from './limit.js';
import { probePool, threadsFor } from './pool.js';
import type { ProbeResult } from './probe.js';
import { DEFAULT_CONCURRENCY, PDF_MAX_BYTES, PHOTO_DECODE_MAX_BYTES } from './limits.js';
import { DEFAULT_NAMING, expectedNames, type NamingPatterns } from './naming.js';
import type {
  AssetFacts, AssetInspector, AssetLookup, AssetRole, FileFacts, FileRef, InspectorStats, ListedFile, RecordAssets,
} from './types.js';

export type { AssetFacts, AssetInspector, AssetLookup, FileFacts, RecordAssets } from './types.js';
export { DEFAULT_NAMING, type NamingPatterns } from './naming.js';

export interface AssetInspectorOptions {
  /** The assets folder (--assets). */
  dir: string;
  /** How the folder is shown in messages; default: relative to the working directory when below it, else `dir`. */
  displayDir?: string;
  /** --cache file (JSON); read now, written by close(). */
  cacheFile?: string;
  /** Files given to sharp or the PDF process at the same time, when the small readers are unsure (default 8). */
  concurrency?: number;
  /** Inspection threads (default: one per core, at most 4; CERT_CHECK_THREADS=0: none, the main thread inspects). */
  threads?: number;
  /** Naming convention for rows whose photo/attachment cell is empty or absent (default DEFAULT_NAMING). */
  patterns?: NamingPatterns;
  /** The input spreadsheets: never "unused files", even when they sit in the assets folder. */
  inputs?: readonly string[];
  /** Other paths to leave out of the listing (e.g. the annotated workbook being written). */
  ignore?: readonly string[];
  /** The folder already listed (`listAssetFolder`); else it is listed here. */
  folder?: AssetFolder;
}

const UNPREPARED: RecordAssets = { photo: { status: 'unprepared' }, attachment: { status: 'unprepared' } };

export function recordKey(record: CertRecord): string {
  return rowKey(record.file, record.sheet, record.row);
}

/** The folder as the user would write it: relative to the working directory when it lies below it. */
function shownDir(dir: string): string {
  if (!path.isAbsolute(dir)) return dir;
  const rel = path.relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? dir : rel;
}

/**
 * Lists the assets folder (recursively), leaving out the inputs, the cache and `ignore`. Throws
 * InputError: 'missing-path' when the folder does not exist, 'read-failed' (naming the cause) when it
 * cannot be read. Sub-folders and names that cannot be read are the folder's `warnings`.
 */
export async function listAssetFolder(options: Pick<AssetInspectorOptions, 'dir' | 'inputs' | 'cacheFile' | 'ignore'>): Promise<AssetFolder> {
  // The first inspection thread starts (and loads its modules) while the folder is listed.
  probePool().use(1);
  const ignore = [...(options.ignore ?? []), ...(options.inputs ?? [])];
  if (options.cacheFile) ignore.push(options.cacheFile);
  try {
    return await AssetFolder.list(options.dir, { ignore });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError('missing-path', { path: options.dir });
    throw new InputError('read-failed', { path: options.dir, detail: ioCause(err, 'read') });
  }
}

/**
 * Lists the folder (unless given) and reads the cache. Throws InputError('missing-path') when the folder
 * does not exist.
 */
export async function createAssetInspector(options: AssetInspectorOptions): Promise<AssetInspector> {
  const folder = options.folder ?? await listAssetFolder(options);
  const pool = probePool(options.threads);
  pool.use(options.threads ?? threadsFor(folder.entries.length));
  const cache = await FactsCache.open(options.cacheFile);
  const warnings: RunWarning[] = [...folder.warnings];
  if (cache.warning) warnings.push(cache.warning);
  const displayDir = options.displayDir ?? shownDir(options.dir);
  const naming = options.patterns ?? DEFAULT_NAMING;
  const run = limiter(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
  /** The cache file, once saved (or failed). */
  const written: string[] = [];
  const failed: string[] = [];
  const stats: InspectorStats = { listed: folder.entries.length, headerReads: 0, imageDecodes: 0, pdfParses: 0, cacheHits: 0 };

  const factsByEntry = new Map<FolderEntry, FileFacts>();
  const entryOfFacts = new Map<FileFacts, FolderEntry>();
  const results = new Map<string, RecordAssets>();
  /** The same, by the record prepared (the rules ask for a row's files several times; a fixed row is a new record, found by its key). */
  const byRecord = new WeakMap<CertRecord, RecordAssets>();
  const roleJobs = new Map<string, Promise<void>>();

  const display = (rel: string): string => path.join(displayDir, ...rel.split('/'));
  /** Each file's reference (path and how it is shown), made once: a row's lookup names it, often twice. */
  const refs = new Map<FolderEntry, FileRef>();
  const refOf = (entry: FolderEntry): FileRef => {
    let r = refs.get(entry);
    if (!r) refs.set(entry, (r = { rel: entry.rel, display: display(entry.rel) }));
    return r;
  };

  const factsOf = (entry: FolderEntry): FileFacts => {
    let f = factsByEntry.get(entry);
    if (!f) {
      f = { rel: entry.rel, display: refOf(entry).display, size: entry.size, mtimeMs: entry.mtimeMs, extension: extensionOf(entry.rel) };
      factsByEntry.set(entry, f);
      entryOfFacts.set(f, entry);
    }
    return f;
  };

  /** The content hash of each file (only with a cache). */
  const hashes = new Map<FolderEntry, string>();

  const remember = (entry: FolderEntry, f: FileFacts): void => {
    const hash = hashes.get(entry);
    if (!entry.real || f.readError || f.type === undefined || hash === undefined) return;
    cache.set(entry.rel, {
      size: f.size, mtimeMs: f.mtimeMs, hash, type: f.type, mime: f.mime ?? null,
      ...(f.image ? { image: f.image } : {}), ...(f.pdf ? { pdf: f.pdf } : {}),
    });
  };

  /** Each file's first inspection (its type, hash and cache check, and its first role's facts). */
  const firstProbe = new Map<FolderEntry, Promise<void>>();

  /** Whether a role still needs the file read by its reader (a photo decoded, a PDF parsed). */
  const needs = (role: AssetRole, f: FileFacts): boolean =>
    role === 'photo'
      ? (f.type === 'jpg' || f.type === 'png') && !f.image && f.size <= PHOTO_DECODE_MAX_BYTES
      : f.type === 'pdf' && !f.pdf && f.size <= PDF_MAX_BYTES;

  /** The role's facts from a probe: the small reader's, or the fallback's (sharp, the PDF process). */
  const apply = async (entry: FolderEntry, f: FileFacts, r: ProbeResult): Promise<void> => {
    if (r.image) {
      stats.imageDecodes++;
      f.image = r.image;
    } else if (r.pdf) {
      stats.pdfParses++;
      f.pdf = r.pdf;
    } else if (r.fallback === 'image') {
      stats.imageDecodes++;
      f.image = await run(() => inspectImage(entry.real!));
    } else if (r.fallback === 'pdf') {
      stats.pdfParses++;
      try {
        f.pdf = await run(() => inspectPdfOffThread(entry.real!));
      } catch (err) {
        f.readError = (err as Error).message.slice(0, 160);
      }
    }
    remember(entry, f);
  };

  /**
   * A file whose inspection thread was lost (time limit, crash): inspected as before the small readers — type
   * by sniffing in this thread, pictures by sharp, PDFs in the PDF process.
   */
  const legacy = async (entry: FolderEntry, f: FileFacts, role: AssetRole): Promise<void> => {
    try {
      if (f.type === undefined) {
        const s = await sniff(entry.real!, entry.size, 0);
        f.type = s.type;
        f.mime = s.mime;
        if (cache.enabled && !hashes.has(entry)) hashes.set(entry, await hashOfFile(entry.real!, entry.size));
      }
    } catch (err) {
      f.readError = (err as Error).message.slice(0, 160);
      return;
    }
    if (needs(role, f)) await apply(entry, f, { fallback: role === 'photo' ? 'image' : 'pdf' });
    else remember(entry, f);
  };

  /** The first inspection of a file, for the role it is first wanted for. */
  const first = async (entry: FolderEntry, role: AssetRole): Promise<void> => {
    const f = factsOf(entry);
    const candidate = cache.candidate(entry.rel, entry.size, entry.mtimeMs);
    const r = await pool.run({ path: entry.real!, size: entry.size, role, hash: cache.enabled, ...(candidate ? { cachedHash: candidate.hash } : {}) });
    if (r.hash !== undefined) hashes.set(entry, r.hash);
    if (r.cacheHit && candidate) {
      stats.cacheHits++;
      f.type = candidate.type;
      f.mime = candidate.mime;
      if (candidate.image) f.image = candidate.image;
      if (candidate.pdf) f.pdf = candidate.pdf;
      return;
    }
    stats.headerReads++;
    if (r.lost) return legacy(entry, f, role);
    if (r.readError) {
      f.readError = r.readError;
      return;
    }
    f.type = r.type;
    f.mime = r.mime;
    await apply(entry, f, r);
  };

  /** Inspects a file for a role, once. */
  const inspect = (entry: FolderEntry, role: AssetRole): Promise<void> => {
    const key = `${role}\u0000${entry.rel}`;
    let job = roleJobs.get(key);
    if (!job) {
      job = (async () => {
        const earlier = firstProbe.get(entry);
        if (!earlier) {
          const p = first(entry, role);
          firstProbe.set(entry, p);
          return p;
        }
        // A second role of the file: its type is known, only this role's reader is needed.
        await earlier;
        const f = factsOf(entry);
        if (f.readError || f.type === undefined || !needs(role, f)) return;
        const r = await pool.run({ path: entry.real!, size: entry.size, role, hash: false, type: f.type });
        if (r.lost) return legacy(entry, f, role);
        if (r.readError) {
          f.readError = r.readError;
          return;
        }
        await apply(entry, f, r);
      })();
      roleJobs.set(key, job);
    }
    return job;
  };

  const found = (source: 'cell' | 'convention', ref: string, chosen: FolderEntry, all: FolderEntry[]): AssetLookup => {
    if (chosen.outside) return { status: 'unsafe', ref, reason: 'symlink', rel: chosen.rel };
    return { status: 'found', source, ref, file: factsOf(chosen), candidates: all.map(refOf) };
  };

  const lookup = async (record: CertRecord, role: AssetRole): Promise<AssetLookup> => {
    const text = record.v[role];
    if (text) {
      const res = await folder.resolve(text);
      if (res.kind === 'unsafe') return { status: 'unsafe', ref: text, reason: res.reason, ...(res.rel ? { rel: res.rel } : {}) };
      if (res.kind === 'entry') return found('cell', text, res.entry, res.candidates);
      // Named in the cell but missing: the names of the convention tell which file was probably meant.
      const near = folder.findByNames(expectedNames(record, role, naming)).find((e) => !e.outside);
      return { status: 'missing', ref: text, near: near ? near.rel : null };
    }
    const names = expectedNames(record, role, naming);
    const candidates = folder.findByNames(names);
    if (candidates.length === 0) return { status: 'not-found', tried: names.slice(0, 4) };
    return found('convention', candidates[0]!.rel, candidates[0]!, candidates);
  };

  const facts: AssetFacts = {
    dir: displayDir,
    forRecord: (record) => byRecord.get(record) ?? results.get(recordKey(record)) ?? UNPREPARED,
    files: (() => {
      let listed: ListedFile[] | null = null;
      return () => (listed ??= folder.entries.filter((e) => !e.ignorable).map((e) => ({ rel: e.rel, display: refOf(e).display, outside: e.outside })));
    })(),
  };

  return {
    facts,
    stats,
    warnings,
    folder,
    async prepare(records) {
      const jobs: Promise<void>[] = [];
      for (const record of records) {
        const photo = await lookup(record, 'photo');
        const attachment = await lookup(record, 'attachment');
        const assets = { photo, attachment };
        results.set(recordKey(record), assets);
        byRecord.set(record, assets);
        for (const [role, l] of [['photo', photo], ['attachment', attachment]] as const) {
          if (l.status !== 'found') continue;
          jobs.push(inspect(entryOfFacts.get(l.file)!, role));
        }
      }
      await Promise.all(jobs);
    },
    async close() {
      if (!cache.enabled) return;
      cache.prune(new Set(folder.entries.map((e) => e.rel)));
      try {
        await cache.save();
        written.push(path.resolve(options.cacheFile!));
      } catch (err) {
        warnings.push(new RunWarning('cache-failed', { path: options.cacheFile!, detail: ioCause(err) }));
        failed.push(options.cacheFile!);
      }
    },
    written,
    failed,
  };
}
