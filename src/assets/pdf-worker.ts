/**
 * The PDF thread: pdfjs parses in the thread that calls it (its "fake worker" in Node), so the attachments
 * of a batch are parsed here while the main thread reads, checks and writes, and sharp decodes photos on
 * libuv's threads. Requests carry a path or the file's bytes; answers carry PdfFacts.
 */
import { parentPort } from 'node:worker_threads';
import { inspectPdf } from './inspect.js';

const port = parentPort!;
port.on('message', (m: { id: number; file: string | Uint8Array | null }) => {
  if (m.file === null) {
    // Warm-up: load pdfjs now, while the main thread is still starting.
    void import('pdfjs-dist/legacy/build/pdf.mjs');
    return;
  }
  const input = typeof m.file === 'string' ? m.file : Buffer.from(m.file.buffer, m.file.byteOffset, m.file.byteLength);
  inspectPdf(input).then(
    (facts) => port.postMessage({ id: m.id, facts }),
    (err: unknown) => port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
