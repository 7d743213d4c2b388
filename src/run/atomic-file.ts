/**
 * Temporary files for every output cert-check writes: created beside the target under a random name
 * (`.<name>.<random>.tmp`), exclusively and without following links (O_CREAT | O_EXCL | O_NOFOLLOW), so a
 * file or link planted in a shared output folder is never opened, truncated or written through; renamed
 * into place only when complete; removed on every exit path. The command line removes the live ones on
 * SIGINT/SIGTERM/SIGHUP and at exit (`removeLiveTemps`, hooked in src/cli/signals.ts).
 */
import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, rmSync, unlinkSync, type WriteStream } from 'node:fs';
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Temporary files not yet renamed into place nor removed. */
const live = new Set<string>();

/** Temporary folders (a staging folder of several outputs, as --cards writes) not yet moved into place nor removed. */
const liveDirs = new Set<string>();

/**
 * Registers a temporary file another thread creates and writes (the annotated workbook's writing thread): removed
 * if the process ends before `untrackTempFile`. Registered before the thread creates it, so no signal finds it unknown.
 */
export function trackTempFile(path: string): void {
  live.add(resolve(path));
}

/** The other thread renamed its temporary file into place or removed it. */
export function untrackTempFile(path: string): void {
  live.delete(resolve(path));
}

/** Registers a temporary folder: removed with everything in it if the process ends before `untrackTempDir`. */
export function trackTempDir(dir: string): void {
  liveDirs.add(resolve(dir));
}

/** The folder was moved into place or removed by its owner. */
export function untrackTempDir(dir: string): void {
  liveDirs.delete(resolve(dir));
}

/** Removes every temporary file and folder still being written (synchronous: safe in 'exit' and signal handlers). */
export function removeLiveTemps(): void {
  for (const p of live) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  live.clear();
  for (const d of liveDirs) rmSync(d, { recursive: true, force: true });
  liveDirs.clear();
}

/** Flags of a temporary file: write only, created here and now, never through a link. */
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** `.<name>.<16 hex digits>.tmp` beside `target`. */
export function tempNameFor(target: string): string {
  const out = resolve(target);
  return join(dirname(out), `.${basename(out)}.${randomBytes(8).toString('hex')}.tmp`);
}

/** The pattern of the names `tempNameFor` gives (for tests and for skipping them in listings). */
export const TEMP_NAME = /^\..+\.[0-9a-f]{16}\.tmp$/;

export interface TempFile {
  /** The final path (absolute). */
  readonly target: string;
  /** The temporary file (absolute). */
  readonly path: string;
  readonly handle: FileHandle;
  /** Closes the handle (if still open) and renames the temporary file into place. */
  commit(): Promise<void>;
  /** Closes the handle and removes the temporary file; the target is left as it was. Safe to call twice. */
  abort(): Promise<void>;
}

export interface TempOptions {
  /** Create the target's folder when it is missing (default: no, a missing folder is an error). */
  mkdir?: boolean;
  /** The write stream's buffer (createTempStream; default Node's). */
  highWaterMark?: number;
  /** Names the temporary file (default `tempNameFor`); called again when a name is taken. For tests. */
  nameFor?: (target: string, attempt: number) => string;
}

/**
 * Creates a temporary file beside `target`. Errors are the system's (EACCES, EROFS, ENOSPC, ENOENT…);
 * callers turn them into a sentence (src/errors.ts `ioCause`).
 */
export async function createTemp(target: string, options: TempOptions = {}): Promise<TempFile> {
  const out = resolve(target);
  if (options.mkdir) await mkdir(dirname(out), { recursive: true });
  let handle: FileHandle | null = null;
  let path = '';
  for (let attempt = 0; handle === null; attempt++) {
    path = options.nameFor ? resolve(options.nameFor(out, attempt)) : tempNameFor(out);
    try {
      handle = await open(path, CREATE_FLAGS, 0o666);
    } catch (err) {
      // A name taken (by chance or planted): draw another. Anything else is the caller's to report.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw err;
    }
  }
  live.add(path);
  let state: 'open' | 'done' = 'open';
  let closed = false;
  const h = handle;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await h.close().catch(() => undefined);
  };
  const abort = async (): Promise<void> => {
    if (state === 'done' && !live.has(path)) return;
    state = 'done';
    await close();
    await unlink(path).catch(() => undefined);
    live.delete(path);
  };
  return {
    target: out,
    path,
    handle: h,
    abort,
    async commit() {
      if (state !== 'open') throw new Error('temporary file already closed');
      try {
        await close();
        await rename(path, out);
        live.delete(path);
        state = 'done';
      } catch (err) {
        await abort();
        throw err;
      }
    },
  };
}

/** Writes `data` to `target` atomically: a temporary file beside it, renamed into place when complete. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: TempOptions = {}): Promise<void> {
  const tmp = await createTemp(target, options);
  try {
    await tmp.handle.writeFile(data);
  } catch (err) {
    await tmp.abort();
    throw err;
  }
  await tmp.commit();
}

/** A temporary file with a write stream on it (for streaming writers such as exceljs'). */
export interface TempStream extends TempFile {
  readonly stream: WriteStream;
}

/**
 * A temporary file beside `target` with a write stream on its handle. `commit` waits for the stream to
 * close (end it first); `abort` destroys it.
 */
export async function createTempStream(target: string, options: TempOptions = {}): Promise<TempStream> {
  const tmp = await createTemp(target, options);
  // The stream owns the handle from here on (it closes it).
  const stream = createWriteStream('', { fd: tmp.handle, autoClose: true, ...(options.highWaterMark ? { highWaterMark: options.highWaterMark } : {}) });
  const closedStream = (): Promise<void> =>
    stream.closed ? Promise.resolve() : new Promise<void>((res) => stream.once('close', () => res()));
  return {
    target: tmp.target,
    path: tmp.path,
    handle: tmp.handle,
    stream,
    async commit() {
      await closedStream();
      await tmp.commit();
    },
    async abort() {
      if (!stream.closed) {
        const done = closedStream();
        stream.destroy();
        await done;
      }
      await tmp.abort();
    },
  };
}
