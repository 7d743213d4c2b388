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
import type { InputReader, ReadEvent, ReadOptions } from './types.js';

export type WorkerMessage =
  | { type: 'ready'; format: 'xlsx' | 'csv' }
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

/** Opens an input on a reading thread; rejects with the same InputError openInput would. */
export async function openInputThreaded(path: string, options: ReadOptions = {}): Promise<InputReader> {
  const forced = process.env.CERT_CHECK_THREADS === '1';
  const size = sizeOf(path);
  if (!canReadInThread() || size === null || (size < THREAD_MIN_BYTES && !forced)) return openInput(path, options);
  const limits = readerLimits(size);
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

  const first = await next();
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
