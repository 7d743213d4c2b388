/**
 * Reading off the main thread: the same InputReader interface, with the sniffing and the parsing done
 * elsewhere while the main thread checks and writes.
 * - An .xls/.et or .ods (parsed whole by SheetJS) always goes to a process of its own (./sheetjs-process.ts),
 *   whatever CERT_CHECK_THREADS says: there a hostile file ends in a refusal, never in a dead cert-check.
 * - Any other input of THREAD_MIN_BYTES and more goes to the reading thread (./worker.ts; its streaming
 *   readers are bounded by their own limits, the thread's heap limit is a second fence). Smaller ones, and
 *   all when CERT_CHECK_THREADS=0 or the compiled worker is not there (running from the TypeScript sources,
 *   as the tests do), are read in this thread.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { Inbox, readyReader, type ReaderMessage } from './channel.js';
import { openInput } from './index.js';
import { openInputInProcess } from './sheetjs-process.js';
import { wholeParseKind } from './sniff.js';
import type { InputReader, ReadOptions } from './types.js';

export { readTimeoutSeconds, wholeParseLimits } from './sheetjs-process.js';

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * True when the reading thread can be started: the compiled worker exists, and CERT_CHECK_THREADS is not 0
 * (CERT_CHECK_THREADS=1 uses it even for small inputs; unset, inputs of THREAD_MIN_BYTES and more).
 */
export function canReadInThread(): boolean {
  if (process.env.CERT_CHECK_THREADS === '0') return false;
  return existsSync(fileURLToPath(WORKER));
}

/** Inputs under this size are read in this thread: starting a thread (and loading exceljs there) would cost more than the overlap saves. */
export const THREAD_MIN_BYTES = 2 * 1024 * 1024;

/** The input's size, or null when it cannot be read (openInput then says what is wrong with the path). */
function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/**
 * The reading thread's heap limit. V8 lets a busy heap grow to several times what is alive; a limit makes it
 * collect sooner. What stays alive while reading is mostly exceljs's shared-string table, which grows with
 * the file: 128 MB plus 12 MB per MB of input (a 100,000-row sheet of 12 MB keeps under 100 MB alive).
 * CERT_CHECK_READER_HEAP_MB sets it by hand. Past the limit the input is refused as too large (exit 2).
 */
export function readerLimits(bytes: number): { maxOldGenerationSizeMb: number } {
  const mb = bytes / 2 ** 20;
  const override = Number(process.env.CERT_CHECK_READER_HEAP_MB);
  if (Number.isInteger(override) && override > 0) return { maxOldGenerationSizeMb: override };
  return { maxOldGenerationSizeMb: Math.min(4096, Math.ceil(128 + 12 * mb)) };
}

/** A reading thread started, with the inbox its messages go to from its first one. */
interface Started {
  path: string;
  worker: Worker;
  inbox: Inbox;
  limits: { maxOldGenerationSizeMb: number };
}

/** Starts a reading thread for `path` (its messages queued in its inbox, its end or failure the inbox's error). */
function startThread(path: string, workerData: { path: string; options: ReadOptions; later?: boolean }, limits: Started['limits']): Started {
  // Note: a heap size given to the whole process (node --max-old-space-size, also through NODE_OPTIONS) is
  // a V8 flag of the process and takes the place of this limit on every thread. The streaming readers that
  // run here hold little whatever the file: this limit is a second fence, not the first.
  const worker = new Worker(WORKER, { workerData, resourceLimits: limits });
  const inbox = new Inbox();
  worker.on('message', (m: ReaderMessage) => inbox.push(m));
  // Past its heap limit the thread is stopped: the input holds far more than its size suggests.
  worker.on('error', (err: Error & { code?: string }) => {
    inbox.fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new InputError('too-large', { path, detail: `heap > ${limits.maxOldGenerationSizeMb} MB` }) : err);
  });
  worker.on('exit', (code) => inbox.fail(new Error(code === 0 ? 'reader thread ended' : `reader thread exited with ${code}`)));
  return { path: resolve(path), worker, inbox, limits };
}

/** The reading thread started ahead for the first input (prewarmReader), not yet taken. */
let warm: Started | null = null;

/**
 * Starts reading an .xlsx input that will be read on a thread before the main thread has loaded what the check
 * needs (rules, reference data, the configuration): the thread loads exceljs and reads the workbook, styles and
 * shared strings meanwhile, and waits for the rest of its options (header aliases…) before the first row, which
 * openInputThreaded gives it (at 100k rows, the first row 0.4 s sooner). `early` holds the options known now
 * (--max-rows). The thread does not keep the process alive until it is taken; one not taken (a refused run,
 * another first file) is ended.
 */
export function prewarmReader(path: string, early: ReadOptions = {}): void {
  if (warm || !canReadInThread() || !/\.xls[xm]$/i.test(path)) return;
  const size = sizeOf(path);
  if (size === null || (size < THREAD_MIN_BYTES && process.env.CERT_CHECK_THREADS !== '1')) return;
  warm = startThread(path, { path, options: early, later: true }, readerLimits(size));
  warm.worker.unref();
}

/** The warm thread if it was started for `path`; a warm thread for another path is ended. */
function takeWarm(path: string): Started | null {
  const w = warm;
  warm = null;
  if (!w) return null;
  if (w.path === resolve(path)) return w;
  void w.worker.terminate();
  return null;
}

/** Opens an input off the main thread where that is due (see above); rejects with the same InputError openInput would. */
export async function openInputThreaded(path: string, options: ReadOptions = {}): Promise<InputReader> {
  let warmed = takeWarm(path);
  const size = sizeOf(path);
  const whole = size === null ? null : await wholeParseKind(path);
  const forced = process.env.CERT_CHECK_THREADS === '1';
  if (size === null || whole || !canReadInThread() || (size < THREAD_MIN_BYTES && !forced)) {
    // Not read on a thread after all (gone, an .xls or .ods by its content…): a thread started ahead ends.
    if (warmed) void warmed.worker.terminate();
    warmed = null;
    if (size === null) return openInput(path, options);
    if (whole) return openInputInProcess(path, options, whole);
    return openInput(path, options);
  }
  const { worker, inbox } = warmed ?? startThread(path, { path, options }, readerLimits(size));
  if (warmed) {
    worker.ref();
    worker.postMessage({ type: 'options', options });
  }

  let stopped: Promise<number> | null = null;
  /** The thread is done (or no longer wanted): end it, once. */
  const stop = async (): Promise<void> => {
    await (stopped ??= worker.terminate());
  };
  return readyReader(inbox, 'reader thread', () => worker.postMessage({ type: 'credit' }), stop);
}
