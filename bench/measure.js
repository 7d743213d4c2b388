// Child process for the benchmark: runs the real CLI in-process and reports wall time and peak RSS on fd 3.
import { writeSync } from 'node:fs';

const t0 = performance.now();
const { run } = await import('../dist/src/cli/main.js');
const code = await run(['node', 'cert-check', ...process.argv.slice(2)]);
const ms = performance.now() - t0;
writeSync(3, JSON.stringify({ code, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
process.exitCode = 0;
