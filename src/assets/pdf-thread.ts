/**
 * Parses PDFs on a thread of their own (src/assets/pdf-worker.ts) when the compiled worker is there, else in
 * this thread (running from the TypeScript sources, as the tests do). One thread: pdfjs is single-threaded
 * per document, and a 2-core machine has one core to spare besides the main thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { inspectPdf } from './inspect.js';
import type { PdfFacts } from './types.js';

const WORKER = new URL('./pdf-worker.js', import.meta.url);

interface Pending {
  resolve: (f: PdfFacts) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

function thread(): Worker | null {
  if (worker !== undefined) return worker;
  if (process.env.CERT_CHECK_THREADS === '0' || !existsSync(fileURLToPath(WORKER))) return (worker = null);
  worker = new Worker(WORKER);
  worker.on('message', (m: { id: number; facts?: PdfFacts; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.facts) p.resolve(m.facts);
    else p.reject(new Error(m.error ?? 'PDF thread failed'));
    if (pending.size === 0) worker?.unref();
  });
  worker.on('error', (err) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = null;
  });
  // After the listeners: adding a 'message' listener refs the thread again.
  worker.unref();
  return worker;
}

/** inspectPdf, on the PDF thread when there is one. The bytes are handed over (the caller must not reuse them). */
export function inspectPdfOffThread(file: string | Buffer): Promise<PdfFacts> {
  const w = thread();
  if (!w) return inspectPdf(file);
  const id = nextId++;
  w.ref();
  return new Promise<PdfFacts>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const data = typeof file === 'string' ? file : new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    w.postMessage({ id, file: data });
  });
}

/** Starts the PDF thread and its loading of pdfjs ahead of the first attachment (no-op without a thread). */
export function warmPdfThread(): void {
  const w = thread();
  w?.postMessage({ id: -1, file: null });
}
