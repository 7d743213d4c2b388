/**
 * What the CLI promises about the files around it: outputs appear only complete (temp file + rename, also
 * when interrupted), an output that is an input (links included) is refused with the input untouched,
 * ID numbers are masked unless --show-pii, nothing is written outside the output path, no network access.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_VALUES, HEADERS, buildMillionRows, rowXml, writeXlsx } from './builders.js';
import { BIN, HEAP_MB, ROOT, expectNoTrace, expectRefusal, expectReport, runCli, tempDir } from './cli.js';

const dir = tempDir('safety');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The resident ID pattern (18 characters, or 17 digits and X). */
const ID = /\b\d{17}[\dXx]\b/;
const IDS = ['500224198001011235', '11010519491231002X', '440524188001010014'];

async function smallWorkbook(path: string): Promise<string> {
  const rows = IDS.map((id, i) => {
    const v = [...GOOD_VALUES];
    v[0] = `人${i}`;
    v[1] = id;
    v[17] = `${id}.jpg`;
    v[18] = `${id}.pdf`;
    return rowXml(i + 2, v);
  });
  // A second sheet of the same person, wrong on purpose, so that findings quote ID numbers.
  rows.push(rowXml(5, ['人0', '500224198001011234', '1980.02', '工程技术', '中级', '工程师']));
  await writeXlsx(path, [rowXml(1, HEADERS), ...rows]);
  return path;
}

function listing(folder: string): string[] {
  return readdirSync(folder, { recursive: true }).map(String).sort();
}

describe('atomic output', () => {
  let big: string;
  beforeAll(async () => {
    big = join(dir, 'big.xlsx');
    await buildMillionRows(big, 200_000);
  }, 60_000);

  /** Starts a check writing big.checked.xlsx, waits until its temporary file grows, then sends `signal`. */
  async function interrupt(signal: NodeJS.Signals, outDir: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sawTemp: boolean }> {
    const out = join(outDir, 'big.checked.xlsx');
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, big, '--no-assets', '--format', 'json', '-o', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('close', (code, sig) => res({ code, signal: sig })));
    let sawTemp = false;
    for (let i = 0; i < 600 && child.exitCode === null; i++) {
      const temp = readdirSync(outDir).find((n) => n.endsWith('.tmp'));
      if (temp && statSync(join(outDir, temp)).size > 64 * 1024) {
        sawTemp = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill(signal);
    return { ...(await closed), stderr, sawTemp };
  }

  it('Ctrl-C (SIGINT) while the workbook is written leaves neither the workbook nor its temporary file', async () => {
    const outDir = tempDir('sigint');
    const r = await interrupt('SIGINT', outDir);
    expect(r.sawTemp).toBe(true);
    expect(r.code).toBe(130);
    expectNoTrace(r.stderr);
    expect(readdirSync(outDir)).toEqual([]);
    rmSync(outDir, { recursive: true });
  }, 60_000);

  it('SIGTERM likewise', async () => {
    const outDir = tempDir('sigterm');
    const r = await interrupt('SIGTERM', outDir);
    expect(r.sawTemp).toBe(true);
    expect(r.code).toBe(143);
    expect(readdirSync(outDir)).toEqual([]);
    rmSync(outDir, { recursive: true });
  }, 60_000);

  it('SIGKILL leaves no workbook; at most a temporary file named as one', async () => {
    const outDir = tempDir('sigkill');
    const r = await interrupt('SIGKILL', outDir);
    expect(r.sawTemp).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    const left = readdirSync(outDir);
    expect(left.filter((n) => n.endsWith('.xlsx'))).toEqual([]);
    for (const n of left) expect(n).toMatch(/^\.big\.checked\.xlsx\.[0-9a-f]{16}\.tmp$/);
    rmSync(outDir, { recursive: true });
  }, 60_000);

  it('a completed run leaves exactly the workbook', async () => {
    const outDir = tempDir('done');
    const input = await smallWorkbook(join(outDir, 'records.xlsx'));
    expectReport(await runCli([input, '--no-assets', '--format', 'json']));
    expect(readdirSync(outDir).sort()).toEqual(['records.checked.xlsx', 'records.xlsx']);
    rmSync(outDir, { recursive: true });
  });
});

describe('an output that is an input is refused, and the input is untouched', () => {
  const cases: [string, (input: string) => string][] = [
    ['-o the input itself', (input) => input],
    ['-o the input by another spelling', (input) => join(dir, 'sub', '..', 'same.xlsx')],
    ['-o a symbolic link to the input', (input) => {
      const link = join(dir, 'link.checked.xlsx');
      symlinkSync(input, link);
      return link;
    }],
    ['-o a link to the input\'s folder', (input) => {
      const linkDir = join(dir, 'dirlink');
      symlinkSync(dir, linkDir);
      return join(linkDir, 'same.xlsx');
    }],
  ];
  it.each(cases)('%s', async (_name, target) => {
    const input = join(dir, 'same.xlsx');
    if (!existsSync(input)) await smallWorkbook(input);
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    const out = target(input);
    const r = await runCli([input, '--no-assets', '--format', 'json', '-o', out]);
    expectRefusal(r, /同一个文件/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
  });
});

describe('privacy', () => {
  let input: string;
  let work: string;
  let cwd: string;
  let tmp: string;
  beforeAll(async () => {
    work = tempDir('pii-in');
    cwd = tempDir('pii-cwd');
    tmp = tempDir('pii-tmp');
    input = await smallWorkbook(join(work, 'records.xlsx'));
  });
  afterAll(() => [work, cwd, tmp].forEach((d) => rmSync(d, { recursive: true, force: true })));

  it.each([
    ['pretty', ['--format', 'pretty']],
    ['json', ['--format', 'json']],
    ['pretty, English', ['--format', 'pretty', '--lang', 'en']],
  ])('%s: no ID number appears unmasked, but every one is there masked', async (_name, args) => {
    const r = await runCli([input, '--no-assets', '--no-out', ...args], { cwd });
    expect([0, 1]).toContain(r.code);
    expect(r.stdout + r.stderr).not.toMatch(ID);
    expect(r.stdout).toMatch(/500224\*{8}1235|500224\*+1234/);
  });

  it('--show-pii prints them', async () => {
    const r = await runCli([input, '--no-assets', '--no-out', '--format', 'json', '--show-pii'], { cwd });
    expect(r.stdout).toMatch(ID);
  });

  it('writes nothing but the output path: not beside the input, not in the working folder, not in TMPDIR', async () => {
    const outDir = tempDir('pii-out');
    const snap = () => [listing(work), listing(cwd), listing(tmp)];
    const before = snap();
    const r = await runCli([input, '--no-assets', '--format', 'json', '-o', join(outDir, 'checked.xlsx')], { cwd, env: { TMPDIR: tmp, TEMP: tmp, TMP: tmp } });
    expectReport(r);
    expect(snap()).toEqual(before);
    expect(listing(outDir)).toEqual(['checked.xlsx']);
    rmSync(outDir, { recursive: true });
  });

  it('makes no network access (net, tls, dns, http(s), dgram and fetch denied and logged)', async () => {
    const log = join(tmp, 'net.log');
    const preload = join(ROOT, 'test/hostile/no-network.cjs');
    const env = { NODE_OPTIONS: `--require ${preload}`, CERT_CHECK_NET_LOG: log };
    // The guard works: a script that connects is caught.
    const probe = await new Promise<number | null>((res) => {
      const p = spawn(process.execPath, ['-e', "require('node:net').connect(9, '127.0.0.1')"], { env: { ...process.env, ...env }, stdio: 'ignore' });
      p.on('close', res);
    });
    expect(probe).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('net.connect');
    rmSync(log);
    for (const args of [['--format', 'json', '--no-out'], ['--format', 'pretty', '-o', join(tmp, 'x.checked.xlsx')]]) {
      const r = await runCli([input, '--assets', work, ...args], { cwd, env });
      expect([0, 1], r.stderr).toContain(r.code);
      expect(existsSync(log)).toBe(false);
    }
    rmSync(join(tmp, 'x.checked.xlsx'), { force: true });
  });
});
