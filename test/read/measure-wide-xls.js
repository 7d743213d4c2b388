// Measures the reading process of an .xls (src/read/sheetjs-process.ts) on the widest sheet BIFF8 allows:
// what the batches weigh on the IPC channel, how long the read takes, and the peak memory of this process and
// of the reading process. Not a test (it needs several GB and a minute): run it by hand after `npm run build`,
//   node test/read/measure-wide-xls.js [rows=65536] [cols=256]
// It prints one line of JSON. The reading process's peak is recorded by test/hostile/max-rss.cjs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { wideXls } from './wide-xls.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rows = Number(process.argv[2] ?? 65536);
const cols = Number(process.argv[3] ?? 256);
const dir = mkdtempSync(join(tmpdir(), 'cert-check-wide-'));
const rss = join(dir, 'rss');
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${join(root, 'test/hostile/max-rss.cjs')}`.trim();
process.env.CERT_CHECK_MAX_RSS_FILE = rss;
const { openInputThreaded } = await import(join(root, 'dist/src/read/threaded.js'));
const { watchReadingProcesses } = await import(join(root, 'dist/src/read/sheetjs-process.js'));
try {
  let t = performance.now();
  const path = join(dir, 'wide.xls');
  writeFileSync(path, wideXls({ rows, cols }));
  const built = performance.now() - t;
  const messages = { count: 0, maxBytes: 0, totalBytes: 0, maxEvents: 0 };
  let childPid = 0;
  watchReadingProcesses((child) => {
    childPid = child.pid;
    child.on('message', (m) => {
      const bytes = serialize(m).length;
      messages.count++;
      messages.totalBytes += bytes;
      messages.maxBytes = Math.max(messages.maxBytes, bytes);
      messages.maxEvents = Math.max(messages.maxEvents, m.events?.length ?? 0);
    });
  });
  t = performance.now();
  let parsed = 0;
  let dataRows = 0;
  let cells = 0;
  let refused = null;
  try {
    const reader = await openInputThreaded(path, { maxRows: 1_000_000 });
    parsed = performance.now() - t;
    for await (const ev of reader.events()) {
      if (ev.type !== 'row') continue;
      if (ev.role === 'data') dataRows++;
      for (const v of ev.values) if (v !== undefined) cells++;
    }
  } catch (e) {
    refused = e.message; // too large for the reading process's heap: what a child that ran out of heap gives
  }
  const total = performance.now() - t;
  // A reading process that was killed or aborted records no peak (0): its cap is its heap flag.
  const peaks = (existsSync(rss) ? readFileSync(rss, 'utf8') : '').trim().split('\n').map((l) => l.split(' ').map(Number));
  const childPeak = peaks.find(([pid]) => pid === childPid)?.[1] ?? 0;
  console.log(JSON.stringify({
    rows, cols, fileMb: +(readFileSync(path).length / 2 ** 20).toFixed(1), buildMs: Math.round(built), refused,
    readyMs: Math.round(parsed), totalMs: Math.round(total), dataRows, cells,
    messages: { ...messages, maxBytes: messages.maxBytes, totalMb: +(messages.totalBytes / 2 ** 20).toFixed(1) },
    parentPeakMb: Math.round(process.resourceUsage().maxRSS / 1024), childPeakMb: Math.round(childPeak / 1024),
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
