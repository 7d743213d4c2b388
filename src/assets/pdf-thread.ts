/**
 * Parses PDFs in a process of its own (src/assets/pdf-worker.ts), always: never in cert-check's own
 * process, where a hostile PDF could take the whole run down. A worker thread's `resourceLimits` are not
 * enough for that: a single huge allocation (pdfjs's `new Array(n)` for an object stream declaring n
 * objects) aborts the whole process instead of ending the thread (nodejs/node#47224). The PDF process has
 * its own heap cap (--max-old-space-size) and each file a time limit; a file that exhausts either is a
 * damaged PDF (status 'invalid', with the reason), the process is ended and a new one serves the files
 * that follow. A few files are in flight at a time (their reading and parsing overlap); when the process
 * dies or a file times out with several in flight, each of them is tried again alone, so that only the
 * file that breaks the process alone is condemned. One process: pdfjs is single-threaded per document,
 * and a 2-core machine has one core to spare besides the main thread.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PdfFacts } from './types.js';

/** The PDF process's heap (old generation); a 300-page PDF opens within 32 MB. */
export const PDF_HEAP_MB = 128;
/** Time one PDF may take (a 10 MB, 200-page scan takes ~150 ms). */
export const PDF_TIME_LIMIT_MS = 10_000;

/**
 * The compiled worker: beside this module when running from dist/, else (running from the TypeScript
 * sources, as the tests do) the one `npm run build` put in dist/.
 */
function workerFile(): string | null {
  for (const rel of ['./pdf-worker.js', '../../dist/src/assets/pdf-worker.js']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

interface Job {
  id: number;
  file: string | Buffer;
  resolve: (f: PdfFacts) => void;
  reject: (e: Error) => void;
  /** Tried again on its own, after the process failed with it and others in flight. */
  alone?: boolean;
  timer?: NodeJS.Timeout;
}

/** Files in flight at once in the normal case. */
const IN_FLIGHT = 4;

/** Settings of the PDF process (tests lower them to see a crash or a timeout quickly). */
export interface PdfProcessLimits {
  heapMb: number;
  timeLimitMs: number;
}

const limits: PdfProcessLimits = { heapMb: PDF_HEAP_MB, timeLimitMs: PDF_TIME_LIMIT_MS };

/** Changes the limits for processes started from now on (the idle one is ended). For tests. */
export function setPdfProcessLimits(next: Partial<PdfProcessLimits>): void {
  Object.assign(limits, next);
  stopPdfProcess();
}

let child: ChildProcess | null = null;
const queue: Job[] = [];
const inFlight = new Map<number, Job>();
let nextId = 0;
/** Processes started (for tests: a crash is followed by a new process). */
let started = 0;

export function pdfProcessesStarted(): number {
  return started;
}

/** Keeps the event loop alive for the PDF process only while it has work. */
function hold(c: ChildProcess, busy: boolean): void {
  const channel = c.channel as { ref(): void; unref(): void } | undefined;
  if (busy) {
    c.ref();
    channel?.ref();
  } else {
    c.unref();
    channel?.unref();
  }
}

function spawn(): ChildProcess | null {
  const file = workerFile();
  if (!file) return null;
  const c = fork(file, [], {
    // After NODE_OPTIONS, so this cap wins over a --max-old-space-size a CI job sets there.
    execArgv: [`--max-old-space-size=${limits.heapMb}`],
    serialization: 'advanced',
    // pdfjs's own messages would litter the report; its errors come back as messages.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  started++;
  c.on('message', (m: { id: number; facts?: PdfFacts; error?: string }) => {
    const job = inFlight.get(m.id);
    if (!job || child !== c) return;
    settle(job, m.facts ?? { status: 'invalid', error: (m.error ?? 'the PDF parser failed').slice(0, 160) });
    pump();
  });
  c.on('error', () => lost(c, 'the PDF parser could not be started'));
  c.on('exit', (code, signal) => {
    // V8 ends a process whose heap is full with SIGABRT.
    lost(c, signal === 'SIGABRT' || code === 134 ? `parsing needed more than ${limits.heapMb} MB of memory` : `the PDF parser stopped (${signal ?? code})`);
  });
  hold(c, false);
  return c;
}

function settle(job: Job, facts: PdfFacts): void {
  inFlight.delete(job.id);
  if (job.timer) clearTimeout(job.timer);
  job.resolve(facts);
}

/**
 * The PDF process failed (crash, out of memory, a file over the time limit): a file alone in flight gets
 * `reason`; several are each tried again alone, first. The next file starts a new process.
 */
function fail(reason: string): void {
  const jobs = [...inFlight.values()];
  if (jobs.length === 1) {
    settle(jobs[0]!, { status: 'invalid', error: reason });
  } else if (jobs.length > 1) {
    for (const job of jobs) {
      inFlight.delete(job.id);
      if (job.timer) clearTimeout(job.timer);
      job.alone = true;
    }
    queue.unshift(...jobs);
  }
  pump();
}

function lost(c: ChildProcess, reason: string): void {
  if (child !== c) return;
  child = null;
  fail(reason);
}

function pump(): void {
  for (;;) {
    const next = queue[0];
    // A file tried alone waits for the others to finish, then goes on its own.
    if (!next) break;
    const busy = inFlight.size >= IN_FLIGHT || (inFlight.size > 0 && (next.alone || [...inFlight.values()].some((j) => j.alone)));
    if (busy) break;
    queue.shift();
    child ??= spawn();
    const c = child;
    if (!c) {
      next.reject(new Error('the PDF worker is missing (dist/src/assets/pdf-worker.js): run npm run build'));
      continue;
    }
    inFlight.set(next.id, next);
    next.timer = setTimeout(() => {
      if (!inFlight.has(next.id) || child !== c) return;
      // Too long: end the process; the file (or, with others in flight, each of them alone) is judged next.
      child = null;
      c.kill('SIGKILL');
      fail(`parsing took longer than ${Math.round(limits.timeLimitMs / 1000)} s`);
    }, limits.timeLimitMs);
    c.send({ id: next.id, file: typeof next.file === 'string' ? next.file : new Uint8Array(next.file.buffer, next.file.byteOffset, next.file.byteLength) });
  }
  if (child) hold(child, inFlight.size > 0);
}

/** Parses a PDF in the PDF process. */
export function inspectPdfOffThread(file: string | Buffer): Promise<PdfFacts> {
  return new Promise<PdfFacts>((resolve, reject) => {
    queue.push({ id: nextId++, file, resolve, reject });
    pump();
  });
}

/** Starts the PDF process and its loading of pdfjs ahead of the first attachment (once per process). */
export function warmPdfThread(): void {
  if (child) return;
  child = spawn();
  child?.send({ id: -1, file: null });
}

/** Ends the PDF process when it is idle (the next PDF starts a new one). */
export function stopPdfProcess(): void {
  const c = child;
  if (!c || inFlight.size > 0) return;
  child = null;
  c.kill();
}
