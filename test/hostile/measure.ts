/**
 * runCli with the peak resident memory of every Node process of the run: the CLI and each process it started
 * (the reading process of an .xls/.ods, the PDF process), recorded at their exit by ./max-rss.cjs, which
 * NODE_OPTIONS preloads into each of them. A process that was killed or aborted records nothing (its heap
 * cap bounded it).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, type CliRun, type RunOptions } from './cli.js';

export interface MeasuredRun extends CliRun {
  /** Peak RSS of the CLI's process, MB. */
  peakMb: number;
  /** Peak RSS of each other process, MB (in the order they ended). */
  childPeaksMb: number[];
  /** An upper bound of the process tree's peak: the sum of every process's own peak, MB. */
  treePeakMb: number;
}

export async function runCliMeasured(args: string[], opts: RunOptions = {}): Promise<MeasuredRun> {
  const file = join(opts.cwd ?? ROOT, `.max-rss-${Math.random().toString(36).slice(2)}`);
  try {
    const r = await runCli(args, { ...opts, env: { ...opts.env, NODE_OPTIONS: `--require ${join(ROOT, 'test/hostile/max-rss.cjs')}`, CERT_CHECK_MAX_RSS_FILE: file } });
    if (!existsSync(file)) throw new Error(`no peak memory recorded: exit ${r.code} ${r.signal}, ${r.stderr.slice(0, 3000)}`);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number) as [number, number]);
    const main = lines.find(([pid]) => pid === r.pid);
    if (!main) throw new Error(`the CLI recorded no peak memory: exit ${r.code} ${r.signal}`);
    const mb = (kb: number) => Math.round(kb / 1024);
    const childPeaksMb = lines.filter(([pid]) => pid !== r.pid).map(([, kb]) => mb(kb));
    return { ...r, peakMb: mb(main[1]), childPeaksMb, treePeakMb: mb(main[1]) + childPeaksMb.reduce((a, b) => a + b, 0) };
  } finally {
    rmSync(file, { force: true });
  }
}
