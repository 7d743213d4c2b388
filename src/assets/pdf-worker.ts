/**
 * The PDF process (started by src/assets/pdf-thread.ts): pdfjs parses here, in a process of its own with a
 * capped heap, so that a PDF that exhausts memory ends this process and never cert-check. Requests carry a
 * path or the file's bytes; answers carry PdfFacts. pdfjs is loaded on the warm-up request, while the main
 * process is still starting.
 */
import { inspectPdf } from './inspect.js';

type Request = { id: number; file: string | Uint8Array | null };

process.on('message', (m: Request) => {
  if (m.file === null) {
    void import('pdfjs-dist/legacy/build/pdf.mjs');
    return;
  }
  const input = typeof m.file === 'string' ? m.file : Buffer.from(m.file.buffer, m.file.byteOffset, m.file.byteLength);
  inspectPdf(input).then(
    (facts) => process.send?.({ id: m.id, facts }),
    (err: unknown) => process.send?.({ id: m.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
// The parent went away: nothing more to do.
process.on('disconnect', () => process.exit(0));
