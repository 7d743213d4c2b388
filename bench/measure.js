// Child process for the benchmark: runs the real CLI in-process and reports wall time and peak RSS on fd 3.
import { writeSync } from 'node:fs';

const t0 = performance.now();
const { run } = await import('../dist/src/cli/main.js');
const code = await run(['node', 'cert-check', ...process.argv.slice(2)]);
const ms = performance.now() - t0;
// CPU of the whole process (every thread: reading, inspection, zlib's pool, GC) and the time the main thread's
// event loop was busy: whether a second core has room for more work shows in CPU ÷ cores against the wall time.
const { user, system } = process.cpuUsage();
const mainBusyMs = performance.eventLoopUtilization().active;
writeSync(3, JSON.stringify({ code, ms, maxRssMB: process.resourceUsage().maxRSS / 1024, cpuMs: (user + system) / 1000, mainBusyMs }) + '\n');
process.exitCode = 0;
