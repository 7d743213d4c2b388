/**
 * Reading on a second thread: the same InputReader interface, with the sniffing and the exceljs/CSV parsing
 * done by src/read/worker.ts while the main thread checks and writes. Falls back to reading in this thread
 * when the compiled worker is not there (running from the TypeScript sources, as the tests do).
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, type ErrorData, type InputMessageId } from '../errors.js';
import { openInput } from './index.js';
import { READ_TIMEOUT_S } from './limits.js';
import { wholeParseKind } from './sniff.js';
import type { InputFormat, InputReader, ReadEvent, ReadOptions } from './types.js';

export type WorkerMessage =
  | { type: 'ready'; format: InputFormat }
  | { type: 'events'; events: ReadEvent[]; date1904: boolean }
  | { type: 'end' }
  | { type: 'error'; input?: { id: InputMessageId; data: ErrorData }; message?: string };

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * True when the reading thread can be started: the compiled worker exists, and CERT_CHECK_THREADS is not 0
 * (CERT_CHECK_THREADS=1 uses it even for small inputs; unset, inputs of THREAD_MIN_BYTES and more).
 */
export function canReadInThread(): boolean {
  if (process.env.CERT_CHECK_THREADS === '0') return false;
  return existsSync(fileURLToPath(WORKER));
}

function toError(m: Extract<WorkerMessage, { type: 'error' }>): Error {
  return m.input ? new InputError(m.input.id, m.input.data) : new Error(m.message ?? 'reader thread failed');
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

/**
 * The heap limit of the thread that parses an .xls/.et or .ods whole (SheetJS keeps 300–450 bytes per cell:
 * a 20 MB .xls of 1.2 million cells holds ~570 MB): 256 MB plus 48 MB per MB of .xls, or plus 8 MB per MB
 * of an .ods's content.xml (LibreOffice writes ~130 bytes of XML per cell). CERT_CHECK_READER_HEAP_MB too.
 */
export function wholeParseLimits(kind: { format: 'xls' | 'ods'; bytes: number }): { maxOldGenerationSizeMb: number } {
  const override = Number(process.env.CERT_CHECK_READER_HEAP_MB);
  if (Number.isInteger(override) && override > 0) return { maxOldGenerationSizeMb: override };
  const mb = kind.bytes / 2 ** 20;
  return { maxOldGenerationSizeMb: Math.min(4096, Math.ceil(256 + (kind.format === 'xls' ? 48 : 8) * mb)) };
}

/** Seconds an .xls/.et/.ods may take to be opened and parsed on the thread (CERT_CHECK_READ_TIMEOUT_S sets it). */
export function readTimeoutSeconds(): number {
  const s = Number(process.env.CERT_CHECK_READ_TIMEOUT_S);
  return Number.isFinite(s) && s > 0 ? s : READ_TIMEOUT_S;
}

/**
 * Opens an input on a reading thread; rejects with the same InputError openInput would. An .xls/.et or
 * .ods always goes to the thread (unless CERT_CHECK_THREADS=0): it is parsed whole, and there the parse
 * runs under a heap limit and a time limit, so a hostile file ends in a refusal, not in a dead process.
 */
export async function openInputThreaded(path: string, options: ReadOptions = {}): Promise<InputReader> {
  const forced = process.env.CERT_CHECK_THREADS === '1';
  const size = sizeOf(path);
  const whole = canReadInThread() && size !== null ? await wholeParseKind(path) : null;
  if (!canReadInThread() || size === null || (size < THREAD_MIN_BYTES && !forced && !whole)) return openInput(path, options);
  const limits = whole ? wholeParseLimits(whole) : readerLimits(size);
  // Note: a heap size given to the whole process (node --max-old-space-size, also through NODE_OPTIONS) is
  // a V8 flag of the process and takes the place of this limit on every thread.
  const worker = new Worker(WORKER, { workerData: { path, options }, resourceLimits: limits });
  const queue: WorkerMessage[] = [];
  let waiting: (() => void) | null = null;
  let exited: Error | null = null;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    waiting?.();
    waiting = null;
  });
  worker.on('error', (err: Error & { code?: string }) => {
    // Past its heap limit the thread is stopped: the input holds far more than its size suggests.
    exited = err.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new InputError('too-large', { path, detail: `heap > ${limits.maxOldGenerationSizeMb} MB` })
      : err;
    waiting?.();
  });
  worker.on('exit', (code) => {
    exited ??= code === 0 ? null : new Error(`reader thread exited with ${code}`);
    waiting?.();
  });
  const next = async (): Promise<WorkerMessage> => {
    for (;;) {
      const m = queue.shift();
      if (m) return m;
      if (exited) throw exited;
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };

  // An .xls/.ods is parsed before the thread says it is ready: that much may take READ_TIMEOUT_S.
  let timer: NodeJS.Timeout | null = null;
  if (whole) {
    const seconds = readTimeoutSeconds();
    timer = setTimeout(() => {
      exited ??= new InputError('read-timeout', { path, seconds });
      void worker.terminate();
      waiting?.();
    }, seconds * 1000);
  }
  let first: WorkerMessage;
  try {
    first = await next();
  } catch (e) {
    await worker.terminate();
    throw e;
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (first.type === 'error') {
    await worker.terminate();
    throw toError(first);
  }
  if (first.type !== 'ready') throw new Error(`reader thread: unexpected ${first.type}`);
  let date1904 = false;
  let stopped: Promise<number> | null = null;
  /** The thread is done (or no longer wanted): end it, once. */
  const stop = (): Promise<number> => (stopped ??= worker.terminate());
  return {
    async close() {
      await stop();
    },
    format: first.format,
    get date1904() {
      return date1904;
    },
    async *events(): AsyncIterable<ReadEvent> {
      try {
        for (;;) {
          const m = await next();
          if (m.type === 'end') return;
          if (m.type === 'error') throw toError(m);
          if (m.type !== 'events') continue;
          date1904 = m.date1904;
          worker.postMessage({ type: 'credit' });
          yield* m.events;
        }
      } finally {
        await stop();
      }
    },
  };
}
