/**
 * Parses PDFs on a thread of their own (src/assets/pdf-worker.ts), always: never in the main thread, where
 * a hostile PDF could take the whole process down. The thread's heap is capped (`resourceLimits`) and
 * each file has a time limit; a file that exhausts either is a damaged PDF (status 'invalid' with the
 * reason), the thread is ended and a new one serves the files that follow. Files are handed over one at a
 * time, so the file that broke the thread is always known. One thread: pdfjs is single-threaded per
 * document, and a 2-core machine has one core to spare besides the main thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfFacts } from './types.js';

/** The PDF thread's heap (old generation); a 300-page PDF opens within 32 MB. */
export const PDF_HEAP_MB = 128;
/** Time one PDF may take on the thread (a 10 MB, 200-page scan takes ~150 ms). */
export const PDF_TIME_LIMIT_MS = 10_000;

/**
 * The compiled worker: beside this module when running from dist/, else (running from the TypeScript
 * sources, as the tests do) the one `npm run build` put in dist/.
 */
function workerFile(): URL | null {
  for (const rel of ['./pdf-worker.js', '../../dist/src/assets/pdf-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

interface Job {
  id: number;
  file: string | Buffer;
  resolve: (f: PdfFacts) => void;
  reject: (e: Error) => void;
}

/** Settings of the thread (tests lower them to see a crash or a timeout quickly). */
export interface PdfThreadLimits {
  heapMb: number;
  timeLimitMs: number;
}

const limits: PdfThreadLimits = { heapMb: PDF_HEAP_MB, timeLimitMs: PDF_TIME_LIMIT_MS };

/** Changes the limits for threads started from now on (the current one is ended). For tests. */
export function setPdfThreadLimits(next: Partial<PdfThreadLimits>): void {
  Object.assign(limits, next);
  void stopPdfThread();
}

let worker: Worker | null = null;
const queue: Job[] = [];
let current: Job | null = null;
let timer: NodeJS.Timeout | null = null;
let nextId = 0;
/** Threads started (for tests: a crash is followed by a new thread). */
let started = 0;

export function pdfThreadsStarted(): number {
  return started;
}

function spawn(): Worker | null {
  const url = workerFile();
  if (!url) return null;
  const w = new Worker(url, {
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    // pdfjs's own messages would litter stderr; its errors come back as messages.
    stderr: true,
    stdout: true,
  });
  started++;
  w.on('message', (m: { id: number; facts?: PdfFacts; error?: string }) => {
    if (!current || m.id !== current.id) return;
    finish(m.facts ?? { status: 'invalid', error: (m.error ?? 'PDF thread failed').slice(0, 160) });
  });
  const lost = (reason: string): void => {
    if (worker !== w) return;
    worker = null;
    if (current) finish({ status: 'invalid', error: reason });
  };
  w.on('error', (err: Error & { code?: string }) => {
    lost(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? `parsing needed more than ${limits.heapMb} MB of memory`
      : `the PDF parser failed (${err.message.split('\n')[0]!.slice(0, 120)})`);
  });
  w.on('exit', () => lost('the PDF parser stopped'));
  w.unref();
  return w;
}

/** Settles the current job and starts the next. */
function finish(facts: PdfFacts): void {
  const job = current;
  current = null;
  if (timer) clearTimeout(timer);
  timer = null;
  job?.resolve(facts);
  pump();
}

function pump(): void {
  if (current || queue.length === 0) {
    if (!current) worker?.unref();
    return;
  }
  const job = queue.shift()!;
  worker ??= spawn();
  const w = worker;
  if (!w) {
    job.reject(new Error('the PDF thread is missing (dist/src/assets/pdf-worker.js): run npm run build'));
    pump();
    return;
  }
  current = job;
  w.ref();
  timer = setTimeout(() => {
    if (current !== job) return;
    // Too long: end the thread (the file gets its verdict now), a new one takes the next file.
    worker = null;
    void w.terminate();
    finish({ status: 'invalid', error: `parsing took longer than ${Math.round(limits.timeLimitMs / 1000)} s` });
  }, limits.timeLimitMs);
  const data = typeof job.file === 'string' ? job.file : new Uint8Array(job.file.buffer, job.file.byteOffset, job.file.byteLength);
  w.postMessage({ id: job.id, file: data });
}

/** Parses a PDF on the PDF thread. The bytes are handed over (the caller must not reuse them). */
export function inspectPdfOffThread(file: string | Buffer): Promise<PdfFacts> {
  return new Promise<PdfFacts>((resolve, reject) => {
    queue.push({ id: nextId++, file, resolve, reject });
    pump();
  });
}

/** Starts the PDF thread and its loading of pdfjs ahead of the first attachment. */
export function warmPdfThread(): void {
  worker ??= spawn();
  worker?.postMessage({ id: -1, file: null });
}

/** Ends the PDF thread (the next PDF starts a new one). */
export async function stopPdfThread(): Promise<void> {
  const w = worker;
  worker = null;
  if (w && !current) await w.terminate();
}
