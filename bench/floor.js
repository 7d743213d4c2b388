// Child process for the benchmark: the naive-library floor of a full check with files (issue #20) — what the
// same work costs done plainly with the same libraries, no checks: exceljs streaming read of every row and
// streaming write of the same values to a new workbook, then every row's photo decoded to pixels by sharp
// (a few at a time, as sharp's thread pool allows) while a second thread opens every row's PDF with pdfjs
// (document, page count, first page). Reports on fd 3 like measure.js.
//   node bench/floor.js <input.xlsx> <output.xlsx> <assets dir>
import { readFile, renameSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

if (!isMainThread) {
  // The second thread: pdfjs opens each PDF it is sent, one after another.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pages = 0;
  for (const file of workerData.files) {
    const data = await new Promise((resolve) => readFile(file, (err, b) => resolve(err ? null : new Uint8Array(b))));
    if (!data) continue;
    const task = pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, disableAutoFetch: true });
    try {
      const doc = await task.promise;
      pages += doc.numPages;
      await doc.getPage(1);
    } catch {
      // damaged or a password: opened, that is all the floor does
    } finally {
      await task.destroy().catch(() => undefined);
    }
  }
  parentPort.postMessage(pages);
} else {
  const [input, output, assets] = process.argv.slice(2);
  const t0 = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${output}.tmp`, useStyles: true, useSharedStrings: false });
  const photos = [];
  const pdfs = [];
  let rows = 0;
  for await (const sheet of reader) {
    const out = writer.addWorksheet(sheet.name ?? 'Sheet1');
    let photoCol = 0;
    let pdfCol = 0;
    for await (const row of sheet) {
      const values = row.values;
      if (photoCol <= 0) {
        photoCol = values.indexOf('免冠照');
        pdfCol = values.indexOf('证书附件');
      } else {
        if (typeof values[photoCol] === 'string') photos.push(join(assets, values[photoCol]));
        if (typeof values[pdfCol] === 'string') pdfs.push(join(assets, values[pdfCol]));
      }
      out.getRow(row.number).values = values;
      out.getRow(row.number).commit();
      rows++;
    }
    out.commit();
  }
  await writer.commit();
  renameSync(`${output}.tmp`, output);
  const pdfDone = new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { files: pdfs } });
    w.once('message', resolve);
    w.once('error', reject);
  });
  const sharp = (await import('sharp')).default;
  let next = 0;
  let decoded = 0;
  const lane = async () => {
    while (next < photos.length) {
      const file = photos[next++];
      try {
        await sharp(file).raw().toBuffer();
        decoded++;
      } catch {
        // missing or damaged: tried, that is all the floor does
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, lane));
  const pages = await pdfDone;
  const ms = performance.now() - t0;
  writeSync(3, JSON.stringify({ code: 0, rows, photos: photos.length, decoded, pdfs: pdfs.length, pages, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}
