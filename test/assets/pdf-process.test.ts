/**
 * The PDF process (src/assets/pdf-thread.ts): every PDF is parsed there, one at a time; a PDF that takes
 * too long or exhausts the process's heap is a damaged PDF with the reason, the process is replaced, and
 * the PDFs that follow are parsed as usual — never in this process.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { inspectPdfOffThread, pdfProcessesStarted, PDF_HEAP_MB, PDF_TIME_LIMIT_MS, setPdfProcessLimits } from '../../src/assets/pdf-thread.js';
import { objectStreamBombPdf, pageTreeBombPdf, xrefBombPdf } from '../hostile/bombs.js';
import { tempDir } from '../hostile/cli.js';
import { pdf } from '../hostile/scene.js';

const dir = tempDir('pdf-process');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setPdfProcessLimits({ heapMb: PDF_HEAP_MB, timeLimitMs: PDF_TIME_LIMIT_MS }));

describe('the PDF process', () => {
  it('parses a good PDF', async () => {
    await pdf(join(dir, 'good.pdf'), 3);
    expect(await inspectPdfOffThread(join(dir, 'good.pdf'))).toEqual({ status: 'ok', pages: 3, ownerOnly: false });
  });

  it('a PDF over the heap cap is damaged ("needed more than … MB"); the PDFs in flight with it are parsed again, alone, in a new process', async () => {
    await objectStreamBombPdf(join(dir, 'bomb.pdf'), 20_000_000);
    await pdf(join(dir, 'good.pdf'), 3);
    await pdf(join(dir, 'one.pdf'), 1);
    const before = pdfProcessesStarted();
    const names = ['good.pdf', 'bomb.pdf', 'one.pdf', 'good.pdf', 'bomb.pdf', 'one.pdf'];
    const facts = await Promise.all(names.map((n) => inspectPdfOffThread(join(dir, n))));
    const bomb = { status: 'invalid', error: `parsing needed more than ${PDF_HEAP_MB} MB of memory` };
    expect(facts).toEqual([
      { status: 'ok', pages: 3, ownerOnly: false }, bomb, { status: 'ok', pages: 1, ownerOnly: false },
      { status: 'ok', pages: 3, ownerOnly: false }, bomb, { status: 'ok', pages: 1, ownerOnly: false },
    ]);
    expect(pdfProcessesStarted()).toBeGreaterThan(before + 1);
  }, 90_000);

  it('a PDF over the time limit is damaged ("took longer than"), and the next PDF gets a new process', async () => {
    await pdf(join(dir, 'slow.pdf'), 3);
    setPdfProcessLimits({ timeLimitMs: 1 });
    const slow = await inspectPdfOffThread(join(dir, 'slow.pdf'));
    expect(slow).toEqual({ status: 'invalid', error: 'parsing took longer than 0 s' });
    setPdfProcessLimits({ timeLimitMs: PDF_TIME_LIMIT_MS });
    expect(await inspectPdfOffThread(join(dir, 'slow.pdf'))).toMatchObject({ status: 'ok', pages: 3 });
  }, 60_000);

  it('declared sizes the file cannot hold are damaged before any parsing: XRef (also with an escaped key) and page tree', async () => {
    await xrefBombPdf(join(dir, 'xref.pdf'), 50_000_000);
    await xrefBombPdf(join(dir, 'xref-hidden.pdf'), 50_000_000, true);
    pageTreeBombPdf(join(dir, 'tree.pdf'));
    const t0 = performance.now();
    const [xref, hidden, tree] = await Promise.all(['xref.pdf', 'xref-hidden.pdf', 'tree.pdf'].map((n) => inspectPdfOffThread(join(dir, n))));
    expect(xref).toMatchObject({ status: 'invalid', error: expect.stringMatching(/declares 50000000 objects/) });
    expect(hidden).toMatchObject({ status: 'invalid', error: expect.stringMatching(/declares 50000000 objects/) });
    expect(tree).toMatchObject({ status: 'invalid', error: expect.stringMatching(/page tree declares 1000000000 pages/) });
    expect(performance.now() - t0).toBeLessThan(10_000);
  }, 60_000);
});
