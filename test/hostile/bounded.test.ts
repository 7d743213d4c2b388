/**
 * Bounded readers and processes, through the real CLI with a 512 MB heap, a time limit and the peak memory of the
 * whole process measured: PDF bombs (an XRef stream declaring 50 million entries, object streams that
 * exhaust the PDF thread's heap one after the other, a page tree of 10⁹ pages) end as damaged PDFs while the
 * other files are checked; the configuration, committee list and cache are read only from regular files
 * under a size cap (a device, a FIFO, a huge or deeply nested file never hangs nor crashes); --fix-photos
 * has a pixel cap and shrinks pictures while they load; no spinner on a terminal of 0 columns; the cache
 * sees a file rewritten with the same size and mtime.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_VERSION } from '../../src/assets/cache.js';
import { progressAllowed } from '../../src/cli/main.js';
import { hugePng, objectStreamBombPdf, pageTreeBombPdf, xrefBombPdf } from './bombs.js';
import { BIN, expectRefusal, expectReport, HEAP_MB, ROOT, runCli, type CliRun, type RunOptions } from './cli.js';
import { pdf, rows, scene, workbook, type Scene } from './scene.js';

interface Report {
  summary: { rows: number; errors: number; warnings: number };
  problems: { rule: string; messageId: string; message: string; row: number | null }[];
  warnings?: { id: string; message: string }[];
  fixedPhotos?: { status: string; skipped?: string; width?: number; height?: number; error?: string }[];
}

/** Peak memory of the run above which something was not bounded (the issue's cases took 2.9–16.8 GB). */
const RSS_LIMIT_MB = 1024;

/**
 * runCli, and the peak resident memory in MB of the CLI's process (`peakMb`) and of the largest process it
 * started and that ended by itself (`childPeakMb`, 0 if none; the PDF process is heap-capped besides).
 */
async function measured(args: string[], opts: RunOptions = {}): Promise<CliRun & { peakMb: number; childPeakMb: number }> {
  const file = join(opts.cwd ?? ROOT, `.max-rss-${Math.random().toString(36).slice(2)}`);
  const r = await runCli(args, { ...opts, env: { ...opts.env, NODE_OPTIONS: `--require ${join(ROOT, 'test/hostile/max-rss.cjs')}`, CERT_CHECK_MAX_RSS_FILE: file } });
  if (!existsSync(file)) throw new Error(`no peak memory recorded: exit ${r.code} ${r.signal}, ${r.stderr.slice(0, 3000)}`);
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number) as [number, number]);
  rmSync(file, { force: true });
  const main = lines.find(([pid]) => pid === r.pid);
  if (!main) throw new Error(`the CLI recorded no peak memory: exit ${r.code} ${r.signal}`);
  const others = lines.filter(([pid]) => pid !== r.pid).map(([, kb]) => kb);
  return { ...r, peakMb: Math.round(main[1] / 1024), childPeakMb: Math.round(Math.max(0, ...others) / 1024) };
}

const scenes: Scene[] = [];
afterAll(() => scenes.forEach((s) => rmSync(s.dir, { recursive: true, force: true })));
async function fresh(prefix: string, opts: Parameters<typeof scene>[1] = {}): Promise<Scene> {
  const s = await scene(prefix, opts);
  scenes.push(s);
  return s;
}

describe('PDF bombs: damaged PDFs, the rest checked, the process bounded', () => {
  let s: Scene;
  beforeAll(async () => {
    s = await fresh('pdf-bombs');
    const [a, b, c] = s.ids;
    // a: XRef of 50 million entries (~340 KB); b: an object stream that only the thread's heap limit stops;
    // c: the same again (the thread that died is replaced, and never by the main thread); then a good PDF
    // and a page tree of 10⁹ pages under other names of the same rows' folder.
    await xrefBombPdf(join(s.assets, `${a}.pdf`));
    await objectStreamBombPdf(join(s.assets, `${b}.pdf`));
    await objectStreamBombPdf(join(s.assets, `${c}.pdf`), 30_000_000);
    pageTreeBombPdf(join(s.assets, 'tree.pdf'));
    await pdf(join(s.assets, 'good.pdf'));
    await workbook(s.input, [...rows(s.ids), ...rows([a!], () => ({ 18: 'tree.pdf' })), ...rows([b!], () => ({ 18: 'good.pdf' }))]);
  }, 120_000);

  it('every bomb is a damaged attachment with its reason; the good PDF passes; bounded time and memory', async () => {
    const r = await measured([s.input, '--assets', s.assets, '--no-out', '--format', 'json'], { cwd: s.dir, timeoutMs: 110_000 });
    const doc = expectReport<Report>(r);
    const invalid = (row: number) => doc.problems.find((p) => p.row === row && p.rule === 'attachment-format' && p.messageId === 'invalid')?.message ?? '';
    expect(invalid(2)).toMatch(/declares 50000000 objects/);
    expect(invalid(3)).toMatch(/more than 128 MB|longer than/);
    expect(invalid(4)).toMatch(/more than 128 MB|longer than/);
    expect(invalid(5)).toMatch(/page tree declares 1000000000 pages/);
    expect(doc.problems.filter((p) => p.row === 6 && p.rule.startsWith('attachment-'))).toEqual([]);
    expect(r.ms).toBeLessThan(110_000);
    expect(r.peakMb).toBeLessThan(RSS_LIMIT_MB);
    expect(r.childPeakMb).toBeLessThan(RSS_LIMIT_MB);
  }, 120_000);
});

describe('configuration, committee list and cache: regular files under a size cap', () => {
  let s: Scene;
  beforeAll(async () => {
    s = await fresh('readers', { pdfs: false });
  });
  const fifo = (name: string): string => {
    const p = join(s.dir, name);
    rmSync(p, { force: true });
    expect(spawnSync('mkfifo', [p]).status).toBe(0);
    return p;
  };

  it.each([
    ['{"committees":"/dev/zero"}', () => {
      writeFileSync(join(s.dir, 'zero.json'), '{"committees":"/dev/zero"}');
      return ['--config', join(s.dir, 'zero.json')];
    }, /\/dev\/zero 不是普通文件（是字符设备）/],
    ['a FIFO as the configuration', () => ['--config', fifo('fifo-config.json')], /不是普通文件（是命名管道（FIFO））/],
    ['a FIFO as the committee list', () => {
      writeFileSync(join(s.dir, 'c.json'), JSON.stringify({ committees: fifo('fifo-committees.json') }));
      return ['--config', join(s.dir, 'c.json')];
    }, /命名管道/],
    ['a FIFO as cert-check.config.json in the working folder', () => {
      fifo('cert-check.config.json');
      return [];
    }, /命名管道/],
    ['a configuration of 2 MB', () => {
      writeFileSync(join(s.dir, 'big.json'), `{"rules":{}, "x": "${'a'.repeat(2 * 1024 * 1024)}"}`);
      return ['--config', join(s.dir, 'big.json')];
    }, /过大/],
    ['a committee list of 9 MB (sparse)', () => {
      writeFileSync(join(s.dir, 'many.json'), '[]');
      truncateSync(join(s.dir, 'many.json'), 9 * 1024 * 1024);
      writeFileSync(join(s.dir, 'cm.json'), JSON.stringify({ committees: join(s.dir, 'many.json') }));
      return ['--config', join(s.dir, 'cm.json')];
    }, /过大/],
  ])('%s: refused in one sentence, quickly', async (_name, args, says) => {
    const r = await measured([s.input, '--no-assets', '--no-out', ...args()], { cwd: s.dir, timeoutMs: 20_000 });
    expectRefusal(r, says);
    expect(r.ms).toBeLessThan(20_000);
    expect(r.peakMb).toBeLessThan(RSS_LIMIT_MB);
    rmSync(join(s.dir, 'cert-check.config.json'), { force: true });
  }, 30_000);

  it.each([
    ['deeply nested', () => `{"version":${JSON.stringify(CACHE_VERSION)},"entries":{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`],
    ['not JSON', () => `{"version": ${JSON.stringify(CACHE_VERSION)}, "entries": {`],
    ['someone else\'s JSON', () => '{"name":"a package.json perhaps"}'],
    ['entries of the wrong shape', () => `{"version":${JSON.stringify(CACHE_VERSION)},"entries":{"x.jpg":{"size":"big"}}}`],
  ])('a cache that is %s: ignored with a warning, written anew, and the next run is quiet', async (_name, content) => {
    const cache = join(s.dir, 'cache.json');
    writeFileSync(cache, content());
    const first = expectReport<Report>(await measured([s.input, '--assets', s.assets, '--no-out', '--format', 'json', '--cache', cache], { cwd: s.dir }));
    expect(first.warnings).toEqual([expect.objectContaining({ id: 'cache-ignored' })]);
    expect(first.warnings![0]!.message).toMatch(/cache\.json 无法使用/);
    const saved = JSON.parse(readFileSync(cache, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(saved.entries)).toHaveLength(s.ids.length);
    const second = expectReport<Report>(await runCli([s.input, '--assets', s.assets, '--no-out', '--format', 'json', '--cache', cache], { cwd: s.dir }));
    expect(second.warnings).toBeUndefined();
  });

  it('a cache of 200 MB (sparse) is not read: a warning, and it is written anew', async () => {
    const cache = join(s.dir, 'huge-cache.json');
    writeFileSync(cache, '{');
    truncateSync(cache, 200 * 1024 * 1024);
    const r = await measured([s.input, '--assets', s.assets, '--no-out', '--format', 'json', '--cache', cache], { cwd: s.dir });
    const doc = expectReport<Report>(r);
    expect(doc.warnings![0]!.message).toMatch(/超过 \d+ 字节/);
    expect(statSync(cache).size).toBeLessThan(100_000);
    expect(r.peakMb).toBeLessThan(RSS_LIMIT_MB);
  });
});

describe('--fix-photos: a pixel cap, and shrinking while loading', () => {
  it('a 16000 × 16000 PNG of ~750 KB is left alone at once; a 7000 × 7000 one is shrunk as it loads and fixed', async () => {
    const s = await fresh('pixels', { pdfs: false });
    const [a, b] = s.ids;
    rmSync(join(s.assets, `${a}.jpg`));
    rmSync(join(s.assets, `${b}.jpg`));
    await hugePng(join(s.assets, `${a}.png`), 16_000, 16_000);
    // Padded over 200 KB, so that it needs fixing (a PNG of one colour deflates to very little).
    await hugePng(join(s.assets, `${b}.png`), 7000, 7000, 256 * 1024);
    await workbook(s.input, rows(s.ids, (i) => (i < 2 ? { 17: `${s.ids[i]}.png`, 18: '' } : { 18: '' })));
    const out = join(s.dir, 'fixed');
    const r = await measured([s.input, '--assets', s.assets, '--no-out', '--format', 'json', '--fix-photos', out], { cwd: s.dir, timeoutMs: 60_000 });
    const doc = expectReport<Report>(r);
    const [huge, large] = doc.fixedPhotos ?? [];
    expect(huge).toMatchObject({ status: 'skipped', skipped: 'too-many-pixels' });
    expect(large).toMatchObject({ status: 'written' });
    expect(Math.max(large!.width!, large!.height!)).toBeLessThanOrEqual(2000);
    expect(statSync(join(out, `${b}.jpg`)).size).toBeLessThanOrEqual(200 * 1024);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.peakMb).toBeLessThan(RSS_LIMIT_MB);
  }, 90_000);
});

describe('no spinner or progress on a terminal of 0 columns', () => {
  const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

  it('the decision: a terminal with columns only', () => {
    expect(progressAllowed({ isTTY: true, columns: 0 })).toBe(false);
    expect(progressAllowed({ isTTY: true, columns: undefined })).toBe(false);
    expect(progressAllowed({ isTTY: false, columns: 80 })).toBe(false);
    expect(progressAllowed({ isTTY: true, columns: 80 })).toBe(true);
  });

  /** Runs the CLI on a pseudo-terminal of `cols` columns (util-linux `script`); returns what the terminal got. */
  function onTerminal(cols: number, args: string[], cwd: string): Promise<{ code: number | null; out: string; ms: number }> {
    const q = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;
    const command = `stty cols ${cols} rows 24; exec ${q(process.execPath)} --max-old-space-size=${HEAP_MB} ${q(BIN)} ${args.map(q).join(' ')}`;
    return new Promise((res) => {
      const t0 = performance.now();
      const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000, killSignal: 'SIGKILL', env: { ...process.env, CI: undefined } as NodeJS.ProcessEnv });
      let out = '';
      child.stdout.setEncoding('latin1').on('data', (c: string) => (out += c));
      child.on('close', (code) => res({ code, out, ms: performance.now() - t0 }));
    });
  }

  it('a pseudo-terminal can be made here (util-linux script), else the two tests below would prove nothing', () => {
    expect(hasScript).toBe(true);
  });

  it.skipIf(!hasScript)('0 columns: no spinner escape codes, the report and an end; 80 columns: the spinner, with the file name masked', async () => {
    const s = await fresh('tty', { pdfs: false });
    const named = join(s.dir, `${s.ids[0]}.xlsx`);
    await workbook(named, rows(s.ids));
    const zero = await onTerminal(0, [named, '--assets', s.assets, '--no-out'], s.dir);
    expect([0, 1]).toContain(zero.code);
    expect(zero.out).not.toMatch(/\x1b\[\?25l|\x1b\[1G|\x1b\[0K/); // cursor hidden, line redrawn: ora's frames
    expect(zero.out.length).toBeLessThan(100_000);
    expect(Buffer.from(zero.out, 'latin1').toString('utf8')).toMatch(/检查了 1 个文件|全部通过/);
    const wide = await onTerminal(80, [named, '--assets', s.assets, '--no-out'], s.dir);
    expect([0, 1]).toContain(wide.code);
    expect(wide.out).toMatch(/\x1b\[\?25l/);
    expect(Buffer.from(wide.out, 'latin1').toString('utf8')).not.toContain(s.ids[0]);
  }, 60_000);
});

describe('the cache key includes content', () => {
  it('a PDF rewritten with the same size and mtime is inspected again', async () => {
    const s = await fresh('cache-content');
    const [a] = s.ids;
    const file = join(s.assets, `${a}.pdf`);
    const cache = join(s.dir, 'cache.json');
    const run = async (): Promise<Report> => expectReport<Report>(await runCli([s.input, '--assets', s.assets, '--no-out', '--format', 'json', '--cache', cache], { cwd: s.dir }));
    const pagesWarning = (d: Report): boolean => d.problems.some((p) => p.row === 2 && p.rule === 'attachment-pages');
    const when = new Date('2024-05-01T08:00:00Z'); // whole seconds: set back exactly below
    utimesSync(file, when, when);
    expect(pagesWarning(await run())).toBe(false); // three pages: a whole scan
    // One page, padded after %%EOF to the very same size, with the same mtime.
    const before = statSync(file);
    const one = join(s.dir, 'one.pdf');
    await pdf(one, 1);
    const bytes = readFileSync(one);
    expect(bytes.length).toBeLessThan(before.size);
    writeFileSync(file, Buffer.concat([bytes, Buffer.from(`%${' '.repeat(before.size - bytes.length - 2)}\n`, 'latin1')]));
    utimesSync(file, when, when);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(pagesWarning(await run())).toBe(true);
  });
});
