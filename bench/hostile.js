// Hostile inputs for `npm run bench`: the zip bombs and the sheet of 1,048,576 rows, checked with the
// default limits; each must be refused (exit 2) within the stated memory limit. Called by bench/run.js.
import { join } from 'node:path';
import { buildMillionRows, buildZipBomb } from '../test/hostile/builders.js';

/** Peak RSS each case must stay under (the process, start-up included). */
export const HOSTILE_LIMIT_MB = 256;

export async function hostileBench(workDir, child, measureScript) {
  const cases = [
    { name: 'zip bomb (300 MB sheet XML in 300 KB)', file: 'bomb.xlsx', build: (p) => buildZipBomb(p, { mb: 300, kind: 'cell' }) },
    { name: 'zip bomb with lying sizes (300 MB in 300 KB, declares 64 KB)', file: 'bomb-lying.xlsx', build: (p) => buildZipBomb(p, { mb: 300, kind: 'cell', lie: true }) },
    { name: 'zip bomb of rows with lying sizes (1 GB in ~4 MB)', file: 'bomb-rows.xlsx', build: (p) => buildZipBomb(p, { mb: 1024, kind: 'rows', lie: true }) },
    { name: '1,048,576 rows, default --max-rows', file: 'million.xlsx', build: (p) => buildMillionRows(p) },
  ];
  const out = [];
  for (const c of cases) {
    const path = join(workDir, c.file);
    await c.build(path);
    const r = await child(measureScript, ['node', 'cert-check', path, '--no-assets', '--format', 'json', '-o', join(workDir, `${c.file}.checked.xlsx`)]);
    if (r.code !== 2) console.log(`  ${c.name}: expected exit 2, got ${r.code}`);
    out.push({ name: c.name, code: r.code, ms: r.ms, maxRssMB: r.maxRssMB, limitMB: HOSTILE_LIMIT_MB });
  }
  return out;
}
