/**
 * The reading process of .xls/.et/.ods (src/read/sheetjs-process.ts, a child of its own per input): whatever
 * ends it — a signal mid-parse, its heap cap, a process-wide heap flag in NODE_OPTIONS — the clerk gets one
 * sentence for that input and exit 2, the other inputs are checked, and nothing of the crash shows; it is used
 * also with CERT_CHECK_THREADS=0 (no fallback to the main process); its batches stay small however wide the
 * sheet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { childEnv, deathError, wholeParseLimits, watchReadingProcesses, withoutHeapFlags } from '../../src/read/sheetjs-process.js';
import { openInputThreaded } from '../../src/read/threaded.js';
import { BIN, expectNoTrace, expectRefusal, runCli, tempDir } from '../hostile/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { wideXls } from './wide-xls.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/formats');
const dir = tempDir('reading-process');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Doc {
  summary: { files: number; rows: number };
  files: { path: string; format?: string; error?: string; errorId?: string }[];
  problems: { file: string }[];
}

/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …: the command name may hold spaces and parentheses.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Processes that carry `mark` in their environment (the reading process inherits the CLI's). */
function marked(mark: string): number[] {
  return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(mark);
    } catch {
      return false;
    }
  });
}

/** The processes carrying `mark` once they are gone, or those still there after `ms`. */
async function gone(mark: string, ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  for (;;) {
    const left = marked(mark);
    if (!left.length || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resident memory of a process in MB, 0 when it is gone. */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs the CLI on `args` (in a process group of its own); when its reading process has grown past `midMb`
 * (SheetJS is building the workbook: the process starts at ~60 MB and a 5,000 × 256 .xls takes it to ~700 MB
 * before the first row is sent), calls `kill` with the reading process's id and the CLI's. Resolves with the
 * run and whether `kill` was called mid-parse.
 */
function cliKillingReader(
  args: string[], kill: (reader: number, cli: number) => void, env: NodeJS.ProcessEnv = {}, midMb = 250,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const cli: ChildProcess = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, killSignal: 'SIGKILL', detached: true,
    });
    let stdout = '';
    let stderr = '';
    cli.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    cli.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    let killed = false;
    const poll = setInterval(() => {
      if (killed) return;
      for (const pid of childrenOf(cli.pid!)) {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!cmd.includes('sheetjs-child') || rssMb(pid) < midMb) continue;
        kill(pid, cli.pid!);
        killed = true;
      }
    }, 10);
    cli.on('error', reject);
    cli.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, killed });
    });
  });
}

describe('a reading process that dies mid-parse', () => {
  const wide = join(dir, 'wide.xls');
  writeFileSync(wide, wideXls({ rows: 5000, cols: 256 }));

  it.each([
    ['SIGSEGV', /wide\.xls 是 Excel 97-2003.*已损坏或不完整（the reading process stopped: SIGSEGV）/],
    ['SIGKILL', /wide\.xls 过大（the reading process was killed \(SIGKILL\), as when memory runs out）/],
  ] as const)('%s: one sentence for that input, exit 2, the inputs before and after it checked', async (signal, says) => {
    const args = [join(FIXTURES, 'records.xlsx'), wide, join(FIXTURES, 'records.ods'), '--format', 'json', '--no-assets', '--no-out'];
    const r = await cliKillingReader(args, (reader) => process.kill(reader, signal));
    expect(r.killed).toBe(true);
    expect(r.code, r.stderr).toBe(2);
    expectNoTrace(r.stderr);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(says);
    const doc = JSON.parse(r.stdout) as Doc;
    const name = (f: { path: string }) => f.path.replace(/.*\//, '');
    expect(doc.files.filter((f) => f.errorId).map((f) => [name(f), f.errorId])).toEqual([['wide.xls', signal === 'SIGKILL' ? 'too-large' : 'corrupt-xls']]);
    expect([...new Set(doc.files.filter((f) => !f.errorId).map(name))]).toEqual(['records.xlsx', 'records.ods']);
    expect(doc.summary.files).toBe(2);
    expect(doc.problems.some((p) => p.file.endsWith('records.ods'))).toBe(true);
  }, 120_000);

  it('Ctrl-C (SIGINT to the process group) mid-parse: cert-check ends with 130 and says nothing of a damaged file; no reading process stays', async () => {
    const mark = `${process.pid}-${Date.now()}`;
    const r = await cliKillingReader([wide, '--no-assets', '--no-out'], (_reader, cli) => process.kill(-cli, 'SIGINT'), { CERT_CHECK_TEST_MARK: mark });
    expect(r.killed).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).not.toMatch(/损坏|过大|damaged/);
    expectNoTrace(r.stderr);
    // The reading process got the same SIGINT: it may still be on its way out when cert-check has ended (the full
    // suite loads both cores), so it is given a moment; one that stays is a leak.
    expect(await gone(`CERT_CHECK_TEST_MARK=${mark}`, 3_000)).toEqual([]);
  }, 120_000);

  it('killed while its rows are streaming (after the parse): the same, from the reader in this process', async () => {
    let child: ChildProcess | null = null;
    const stop = watchReadingProcesses((c) => (child = c));
    try {
      const reader = await openInputThreaded(wide, {});
      let rows = 0;
      const read = (async () => {
        for await (const ev of reader.events()) {
          if (ev.type !== 'row') continue;
          // The child is two batches ahead and waits for credit: it is alive and holds the rest of the sheet.
          if (++rows === 10) child!.kill('SIGSEGV');
          await new Promise((r) => setTimeout(r, 1));
        }
      })();
      const err = await read.then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).id).toBe('corrupt-xls');
      expect((err as InputError).message).toMatch(/SIGSEGV/);
      expect(rows).toBeGreaterThanOrEqual(10);
      expect(rows).toBeLessThan(4999);
    } finally {
      stop();
    }
  }, 60_000);
});

describe('the heap cap is the reading process\'s own', () => {
  it('with NODE_OPTIONS=--max-old-space-size=4096 (and the same flag on the command line) the cap still holds', async () => {
    const r = await runCli([join(FIXTURES, 'records.xls'), '--no-assets', '--no-out'], {
      nodeArgs: ['--max-old-space-size=4096'],
      env: { NODE_OPTIONS: '--max-old-space-size=4096', CERT_CHECK_READER_HEAP_MB: '8' },
    });
    expectRefusal(r, /records\.xls 过大（heap > 8 MB）/);
  });

  it('the child is started with its sized cap only, and NODE_OPTIONS without heap flags', async () => {
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = '--max-old-space-size=4096 --max-semi-space-size 64 --no-warnings';
    const args: string[][] = [];
    const stop = watchReadingProcesses((c) => args.push(c.spawnargs));
    try {
      const reader = await openInputThreaded(join(FIXTURES, 'records.xls'), {});
      for await (const ev of reader.events()) void ev;
    } finally {
      stop();
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
    const bytes = readFileSync(join(FIXTURES, 'records.xls')).length;
    const cap = wholeParseLimits({ format: 'xls', bytes }).maxOldGenerationSizeMb;
    expect(args).toHaveLength(1);
    expect(args[0]!.filter((a) => /space|heap/.test(a))).toEqual([`--max-old-space-size=${cap}`]);
    expect(args[0]!.some((a) => a.endsWith('sheetjs-child.js'))).toBe(true);
  });

  it('NODE_OPTIONS loses its heap flags, and keeps everything else', () => {
    expect(withoutHeapFlags('--max-old-space-size=4096')).toBe('');
    expect(withoutHeapFlags('--require /x/max-rss.cjs --max_old_space_size=4096 --max-semi-space-size 64 --max-heap-size=9000 --no-warnings'))
      .toBe('--require /x/max-rss.cjs --no-warnings');
    expect(withoutHeapFlags('--require "/a b/hook.cjs" --max-old-space-size 4096')).toBe('--require "/a b/hook.cjs"');
    expect(withoutHeapFlags('--stack-size=2000')).toBe('--stack-size=2000');
    expect(childEnv({ NODE_OPTIONS: '--max-old-space-size=4096', PATH: '/bin' })).toEqual({ PATH: '/bin' });
    expect(childEnv({ NODE_OPTIONS: '--inspect=0 --max-old-space-size=64' }).NODE_OPTIONS).toBe('--inspect=0');
  });

  it('every end of the child is one sentence: too large, took too long, or damaged', () => {
    const how = { format: 'xls' as const, heapMb: 300, seconds: 60, timedOut: false, code: null, signal: null, stderr: '' };
    const said = (over: Partial<typeof how>) => {
      const e = deathError('a.xls', { ...how, ...over });
      return [e.id, e.message];
    };
    expect(said({ signal: 'SIGKILL', timedOut: true })).toEqual(['read-timeout', expect.stringMatching(/longer than 60 s/)]);
    expect(said({ signal: 'SIGABRT', stderr: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb8 node::Abort' }))
      .toEqual(['too-large', expect.stringMatching(/heap > 300 MB/)]);
    expect(said({ signal: 'SIGTRAP', stderr: '# Fatal JavaScript invalid size error 169220804' })).toEqual(['too-large', expect.stringMatching(/heap > 300 MB/)]);
    expect(said({ signal: 'SIGKILL' })).toEqual(['too-large', expect.stringMatching(/killed \(SIGKILL\)/)]);
    expect(said({ signal: 'SIGSEGV' })).toEqual(['corrupt-xls', expect.stringMatching(/stopped: SIGSEGV/)]);
    expect(said({ signal: 'SIGABRT', stderr: 'Assertion failed' })).toEqual(['corrupt-xls', expect.stringMatching(/stopped: SIGABRT/)]);
    expect(said({ code: 0 })).toEqual(['corrupt-xls', expect.stringMatching(/stopped: exit code 0/)]);
    expect(deathError('b.ods', { ...how, format: 'ods', code: 1 }).id).toBe('corrupt-xlsx');
  });
});

describe('CERT_CHECK_THREADS=0 concerns the .xlsx reading thread only', () => {
  it('an .xls is still read in its own process: its cap holds, never a fallback to the main process', async () => {
    for (const name of ['records.xls', 'records.ods']) {
      const r = await runCli([join(FIXTURES, name), '--no-assets', '--no-out'], { env: { CERT_CHECK_THREADS: '0', CERT_CHECK_READER_HEAP_MB: '8' } });
      expectRefusal(r, /过大（heap > 8 MB）/);
    }
  });
});

describe('batches on the IPC channel', () => {
  it('a sheet 256 columns wide comes through whole, in batches of at most a few hundred KB', async () => {
    const path = join(dir, 'wide-2000.xls');
    writeFileSync(path, wideXls({ rows: 2000, cols: 256 }));
    const sizes: number[] = [];
    const stop = watchReadingProcesses((c) => c.on('message', (m: unknown) => sizes.push(serialize(m).length)));
    let cells = 0;
    let last: unknown[] = [];
    try {
      const reader = await openInputThreaded(path, {});
      expect(reader.format).toBe('xls');
      for await (const ev of reader.events()) {
        if (ev.type !== 'row') continue;
        cells += ev.values.filter((v) => v !== undefined).length;
        last = ev.values;
      }
    } finally {
      stop();
    }
    expect(cells).toBe(4 + 256 + 1998 * 256);
    expect(last.slice(0, 5)).toEqual(['张1999', '500224198001011235', '工程师', '渝职改办【2019】1999号', 1999004]);
    expect(last[255]).toBe(1999255);
    expect(sizes.length).toBeGreaterThan(8);
    expect(Math.max(...sizes)).toBeLessThan(1024 * 1024);
  });
});

describe('a run whose reader is given up on ends its reading process', () => {
  it('a run refused after the first input started reading ends at once, and leaves no reading process behind', async () => {
    const copy = join(dir, 'records.xls');
    copyFileSync(join(FIXTURES, 'records.xls'), copy);
    const mark = `CERT_CHECK_TEST_MARK=${process.pid}-${Date.now()}`;
    const [key, value] = mark.split('=') as [string, string];
    const r = await runCli([copy, '--no-assets', '-o', copy], { env: { [key]: value }, timeoutMs: 30_000 });
    expectRefusal(r, /输出文件 .*records\.xls 与输入文件是同一个文件/);
    expect(r.ms).toBeLessThan(30_000);
    expect(await gone(mark, 3_000)).toEqual([]);
  });
});
