/**
 * The asset inspector: lists the assets folder once, finds each row's photo and attachment (cell or naming
 * convention), and inspects each file once, a bounded number at a time, reading only what the rules need:
 * size (from the listing) → leading bytes (type) → a photo's pixels / a PDF's structure. Facts are kept
 * in the --cache file by path, size and mtime.
 */
import path from 'node:path';
import { InputError, ioCause, RunWarning } from '../errors.js';
import { rowKey, type CertRecord } from '../model/record.js';
import { FactsCache, hashOfBytes, hashOfFile } from './cache.js';
import { AssetFolder, extensionOf, type FolderEntry } from './folder.js';
import { inspectImage, sniff } from './inspect.js';
import { inspectPdfOffThread, warmPdfThread } from './pdf-thread.js';
import { limiter } from './limit.js';
import { DEFAULT_CONCURRENCY, PDF_MAX_BYTES, PHOTO_DECODE_MAX_BYTES } from './limits.js';
import { DEFAULT_NAMING, expectedNames, type NamingPatterns } from './naming.js';
import type {
  AssetFacts, AssetInspector, AssetLookup, AssetRole, FileFacts, InspectorStats, ListedFile, RecordAssets,
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
  /** Files inspected at the same time (default 4). */
  concurrency?: number;
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
  // The PDF process starts (and loads pdfjs) while the folder is listed.
  warmPdfThread();
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
  if (options.folder) warmPdfThread();
  const folder = options.folder ?? await listAssetFolder(options);
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
  const headerJobs = new Map<FolderEntry, Promise<void>>();
  const roleJobs = new Map<string, Promise<void>>();

  const display = (rel: string): string => path.join(displayDir, ...rel.split('/'));

  const factsOf = (entry: FolderEntry): FileFacts => {
    let f = factsByEntry.get(entry);
    if (!f) {
      f = { rel: entry.rel, display: display(entry.rel), size: entry.size, mtimeMs: entry.mtimeMs, extension: extensionOf(entry.rel) };
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

  /** Files up to this size are read whole by the header read (photos are at most 200 KB when right). */
  const WHOLE_READ_BYTES = 256 * 1024;
  /** At most this many such files wait for their inspection at once (bounds the memory it takes). */
  const KEEP_WHOLE_FILES = 64;
  /** Files read whole by the header read, kept until their inspection (small files only, see WHOLE_READ_BYTES). */
  const bytesOf = new Map<FolderEntry, Buffer>();

  const readHeader = (entry: FolderEntry): Promise<void> => {
    let job = headerJobs.get(entry);
    if (!job) {
      job = (async () => {
        const f = factsOf(entry);
        // Same size and mtime: the content hash of head and tail decides (a rewrite keeping both is seen).
        if (cache.candidate(entry.rel, entry.size, entry.mtimeMs)) {
          try {
            hashes.set(entry, await hashOfFile(entry.real!, entry.size));
          } catch {
            // unreadable: inspected below, which says why
          }
          const cached = cache.get(entry.rel, entry.size, entry.mtimeMs, hashes.get(entry) ?? '');
          if (cached) {
            stats.cacheHits++;
            f.type = cached.type;
            f.mime = cached.mime;
            if (cached.image) f.image = cached.image;
            if (cached.pdf) f.pdf = cached.pdf;
            return;
          }
        }
        stats.headerReads++;
        try {
          const s = await sniff(entry.real!, entry.size, WHOLE_READ_BYTES);
          f.type = s.type;
          f.mime = s.mime;
          if (s.bytes && bytesOf.size < KEEP_WHOLE_FILES) bytesOf.set(entry, s.bytes);
          if (cache.enabled && !hashes.has(entry)) hashes.set(entry, s.bytes ? hashOfBytes(s.bytes) : await hashOfFile(entry.real!, entry.size));
          remember(entry, f);
        } catch (err) {
          f.readError = (err as Error).message.slice(0, 160);
        }
      })();
      headerJobs.set(entry, job);
    }
    return job;
  };

  /** Inspects a file for a role, once, within the concurrency bound. */
  const inspect = (entry: FolderEntry, role: AssetRole): Promise<void> => {
    const key = `${role}\u0000${entry.rel}`;
    let job = roleJobs.get(key);
    if (!job) {
      job = run(async () => {
        await readHeader(entry);
        const f = factsOf(entry);
        if (f.readError) return;
        if (role === 'photo' && (f.type === 'jpg' || f.type === 'png') && !f.image && f.size <= PHOTO_DECODE_MAX_BYTES) {
          stats.imageDecodes++;
          f.image = await inspectImage(bytesOf.get(entry) ?? entry.real!);
          remember(entry, f);
        } else if (role === 'attachment' && f.type === 'pdf' && !f.pdf && f.size <= PDF_MAX_BYTES) {
          stats.pdfParses++;
          try {
            f.pdf = await inspectPdfOffThread(bytesOf.get(entry) ?? entry.real!);
            remember(entry, f);
          } catch (err) {
            f.readError = (err as Error).message.slice(0, 160);
          }
        }
        bytesOf.delete(entry);
      });
      roleJobs.set(key, job);
    }
    return job;
  };

  const found = (source: 'cell' | 'convention', ref: string, chosen: FolderEntry, all: FolderEntry[]): AssetLookup => {
    if (chosen.outside) return { status: 'unsafe', ref, reason: 'symlink', rel: chosen.rel };
    return { status: 'found', source, ref, file: factsOf(chosen), candidates: all.map((e) => ({ rel: e.rel, display: display(e.rel) })) };
  };

  const lookup = async (record: CertRecord, role: AssetRole): Promise<AssetLookup> => {
    const text = record.v[role];
    const names = expectedNames(record, role, naming);
    if (text) {
      const res = await folder.resolve(text);
      if (res.kind === 'unsafe') return { status: 'unsafe', ref: text, reason: res.reason, ...(res.rel ? { rel: res.rel } : {}) };
      if (res.kind === 'entry') return found('cell', text, res.entry, res.candidates);
      const near = folder.findByNames(names).find((e) => !e.outside);
      return { status: 'missing', ref: text, near: near ? near.rel : null };
    }
    const candidates = folder.findByNames(names);
    if (candidates.length === 0) return { status: 'not-found', tried: names.slice(0, 4) };
    return found('convention', candidates[0]!.rel, candidates[0]!, candidates);
  };

  const facts: AssetFacts = {
    dir: displayDir,
    forRecord: (record) => results.get(recordKey(record)) ?? UNPREPARED,
    files: (() => {
      let listed: ListedFile[] | null = null;
      return () => (listed ??= folder.entries.filter((e) => !e.ignorable).map((e) => ({ rel: e.rel, display: display(e.rel), outside: e.outside })));
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
        results.set(recordKey(record), { photo, attachment });
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
