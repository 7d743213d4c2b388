/**
 * Through the real CLI: every file a run writes passes one output guard before any
 * work (an output that is an input, lies in the assets folder, is another output, or is not a regular file
 * is refused with exit 2 and nothing is written); temporary files are random, exclusive, never follow a
 * link and are removed on every exit path; an output that cannot be written late in the run is a warning
 * (secondary outputs) or an exit-2 failure (the annotated workbook), and the report is printed either way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemp, createTempStream, TEMP_NAME, tempNameFor } from '../../src/run/atomic-file.js';
import { expectNoTrace, expectRefusal, expectReport, ROOT, runCli, tempDir } from './cli.js';
import { canMount, readOnly, tinyDisk } from './fs-env.js';
import { FIXTURES } from '../helpers/paths.js';
import { fingerprint, photo, scene, workbook, rows, type Scene } from './scene.js';

interface Report {
  summary: { files: number; rows: number; errors: number; warnings: number; outputsWritten: number; outputsFailed: number };
  files: { path: string; rows: number; annotated: string | null; error?: string }[];
  problems: { file: string; rule: string; message: string; severity: string }[];
  warnings?: { id: string; message: string }[];
  failures?: { path: string; message: string; kind?: string }[];
  outputs?: { path: string; kind: string; written: boolean }[];
  fixedPhotos?: { status: string; skipped?: string }[];
}

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function fresh(prefix: string): Promise<Scene> {
  const s = await scene(prefix);
  cleanup.push(s.dir);
  return s;
}

describe('one output guard, before any work: refused with exit 2 and nothing written', () => {
  type Case = [name: string, args: (s: Scene) => string[] | Promise<string[]>, says: RegExp];
  const cases: Case[] = [
    // The data-loss cases.
    ['the cache name forgotten: --cache a.xlsx b.xlsx', async (s) => {
      await workbook(join(s.dir, 'a.xlsx'), rows(s.ids.slice(0, 1)));
      return ['--cache', join(s.dir, 'a.xlsx'), s.input];
    }, /--cache.*\.json/],
    ['--cache the input', (s) => ['--cache', s.input, s.input], /--cache.*\.json/],
    ['--cache a photo named by its ID', (s) => ['--cache', join(s.assets, `${s.ids[0]}.jpg`), s.input], /--cache.*\.json/],
    ['-o an attachment of the assets folder', (s) => ['-o', join(s.assets, `${s.ids[0]}.pdf`), '--assets', s.assets, s.input], /-o 的输出文件.*位于素材文件夹/],
    ['-o a new name the assets folder would take for a photo', (s) => ['-o', join(s.assets, 'new.jpg'), '--assets', s.assets, s.input], /位于素材文件夹/],
    ['--cache the configuration file', (s) => {
      writeFileSync(join(s.dir, 'cfg.json'), '{"rules":{"name-spaces":"off"}}');
      return ['--config', join(s.dir, 'cfg.json'), '--cache', join(s.dir, 'cfg.json'), s.input];
    }, /同一个文件/],
    ['--cache a link to a device (/dev/null)', (s) => {
      symlinkSync('/dev/null', join(s.dir, 'null.json'));
      return ['--cache', join(s.dir, 'null.json'), s.input];
    }, /不是普通文件/],
    ['--cache a FIFO', (s) => {
      spawnSync('mkfifo', [join(s.dir, 'fifo.json')]);
      return ['--cache', join(s.dir, 'fifo.json'), s.input];
    }, /命名管道/],
    ['-o same.xlsx --fix-list same.xlsx', (s) => ['-o', join(s.dir, 'same.xlsx'), '--fix-list', join(s.dir, 'same.xlsx'), s.input], /既是 -o 的输出又是 --fix-list 的输出/],
    ['-o x.json --cache x.json', (s) => ['-o', join(s.dir, 'x.json'), '--cache', join(s.dir, 'x.json'), s.input], /既是 -o 的输出又是 --cache 的输出/],
    ['--fix-list names the default annotated workbook of --out-dir', (s) => ['--out-dir', join(s.dir, 'out'), '--fix-list', join(s.dir, 'out', 'records.checked.xlsx'), s.input], /既是 --out-dir 的输出又是 --fix-list 的输出/],
    ['--fix-list names the default annotated workbook', (s) => ['--fix-list', join(s.dir, 'records.checked.xlsx'), s.input], /既是 标注工作簿（默认位置） 的输出又是 --fix-list 的输出/],
    ['-o a hard link to the input', (s) => {
      linkSync(s.input, join(s.dir, 'hard.xlsx'));
      return ['-o', join(s.dir, 'hard.xlsx'), s.input];
    }, /同一个文件/],
    ['--fix-list a symbolic link to the input', (s) => {
      symlinkSync(s.input, join(s.dir, 'list.xlsx'));
      return ['--fix-list', join(s.dir, 'list.xlsx'), s.input];
    }, /同一个文件/],
    ['-o an existing folder', (s) => {
      mkdirSync(join(s.dir, 'folder.xlsx'));
      return ['-o', join(s.dir, 'folder.xlsx'), s.input];
    }, /文件夹/],
    ['-o a file below a file', (s) => ['-o', join(s.input, 'x.xlsx'), s.input], /不是文件夹/],
    ['-o in a folder that does not exist', (s) => ['-o', join(s.dir, 'nope', 'x.xlsx'), s.input], /不存在/],
    ['--fix-photos . with the photos unzipped into 照片/照片/', (s) => {
      // assets = 照片, whose photos sit in 照片/照片/: the fixed copy of 照片/x.gif would be ./照片/x.jpg, inside the assets folder.
      mkdirSync(join(s.dir, '照片', '照片'), { recursive: true });
      writeFileSync(join(s.dir, '照片', '照片', `${s.ids[0]}.gif`), readFileSync(join(s.assets, `${s.ids[0]}.jpg`)));
      writeFileSync(join(s.dir, '照片', `${s.ids[0]}.jpg`), readFileSync(join(s.assets, `${s.ids[0]}.jpg`)));
      return ['--assets', join(s.dir, '照片'), '--fix-photos', s.dir, s.input];
    }, /--fix-photos.*素材文件夹/],
    ['--fix-photos whose sub-folder is a link into the assets folder', (s) => {
      mkdirSync(join(s.assets, 'sub'));
      writeFileSync(join(s.assets, 'sub', `${s.ids[1]}.gif`), 'GIF89a');
      mkdirSync(join(s.dir, 'fixed'));
      symlinkSync(join(s.assets, 'sub'), join(s.dir, 'fixed', 'sub'));
      return ['--fix-photos', join(s.dir, 'fixed'), s.input];
    }, /--fix-photos.*素材文件夹/],
    ['--fix-photos the assets folder itself', (s) => ['--fix-photos', s.assets, s.input], /--fix-photos.*素材文件夹/],
    // A forgotten option value takes the next input as the output's name: the clerk's records are never replaced.
    ['the fix list name forgotten: --fix-list a.xlsx b.xlsx', async (s) => {
      await workbook(join(s.dir, 'a.xlsx'), rows(s.ids.slice(0, 1)));
      return ['--fix-list', join(s.dir, 'a.xlsx'), s.input];
    }, /--fix-list 的输出 .*a\.xlsx 已存在，而它不是 cert-check 写出的工作簿/],
    ['the -o name forgotten: -o a.xlsx b.xlsx', async (s) => {
      await workbook(join(s.dir, 'a.xlsx'), rows(s.ids.slice(0, 1)));
      return ['-o', join(s.dir, 'a.xlsx'), s.input];
    }, /-o 的输出 .*a\.xlsx 已存在，而它不是 cert-check 写出的工作簿/],
    ['the report file name forgotten: --report-file a.xlsx b.xlsx', async (s) => {
      await workbook(join(s.dir, 'a.xlsx'), rows(s.ids.slice(0, 1)));
      return ['--report-file', join(s.dir, 'a.xlsx'), s.input];
    }, /--report-file 的输出 .*a\.xlsx 已存在，而它是一份表格文件/],
    ['--report-file an .xls named .txt', (s) => {
      writeFileSync(join(s.dir, 'old.txt'), readFileSync(join(FIXTURES, 'formats', 'records.xls')));
      return ['--report-file', join(s.dir, 'old.txt'), '--assets', s.assets, s.input];
    }, /是一份表格文件/],
    ['-o the clerk\'s corrected copy (an annotated copy edited and saved by LibreOffice)', (s) => {
      writeFileSync(join(s.dir, 'corrected.xlsx'), readFileSync(join(FIXTURES, 'libreoffice', 'clerk-annotated-edited-libreoffice.xlsx')));
      return ['-o', join(s.dir, 'corrected.xlsx'), s.input];
    }, /已存在，而它是 cert-check 写出的工作簿，但之后有人改动并保存过/],
    ['-o a fix list cert-check wrote', async (s) => {
      const r = await runCli([s.input, '--no-out', '--fix-list', join(s.dir, 'list.xlsx')], { cwd: s.dir });
      expect([0, 1], r.stderr).toContain(r.code);
      return ['-o', join(s.dir, 'list.xlsx'), s.input];
    }, /是 cert-check 写出的另一种文件/],
  ];

  it.each(cases)('%s', async (_name, args, says) => {
    const s = await fresh('guard');
    const argv = await args(s);
    const before = fingerprint(s.dir);
    const r = await runCli([...argv, '--format', 'json'], { cwd: s.dir, timeoutMs: 20_000 });
    expectRefusal(r, says);
    expect(r.ms).toBeLessThan(20_000);
    // Refused before any work: not one file written, replaced or touched (devices and FIFOs stay what they were).
    expect(fingerprint(s.dir)).toEqual(before);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  }, 30_000);

  it('the default layout is accepted: records, photos, annotated workbook, fix list and cache in one folder', async () => {
    const s = await fresh('guard-ok');
    // No --assets: the records' folder is the assets folder, and the outputs beside the records lie in it.
    const r = await runCli([s.input, '--format', 'json', '--fix-list', join(s.dir, 'list.xlsx'), '--cache', join(s.dir, '.cert-check-cache.json')], { cwd: s.dir });
    const doc = expectReport<Report>(r);
    expect(doc.outputs?.map((o) => [o.kind, o.written])).toEqual([['checked', true], ['cache', true], ['fix-list', true]]);
    expect(doc.summary).toMatchObject({ outputsWritten: 3, outputsFailed: 0 });
  });

  it('outputs named again replace what cert-check wrote there before (-o, --fix-list, --report-file)', async () => {
    const s = await fresh('guard-again');
    // No --assets: the outputs lie in the records' folder, which is the assets folder; none can be taken for an asset.
    const args = [s.input, '--format', 'json', '-o', join(s.dir, 'out.xlsx'), '--fix-list', join(s.dir, 'list.xlsx'), '--report-file', join(s.dir, 'report.txt')];
    writeFileSync(join(s.dir, 'out.xlsx'), ''); // an empty file is nobody's work
    for (let i = 0; i < 2; i++) {
      const r = await runCli(args, { cwd: s.dir });
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(readFileSync(join(s.dir, 'report.txt'), 'utf8')) as Report;
      expect(doc.outputs?.map((o) => [o.kind, o.written])).toEqual([['checked', true], ['fix-list', true]]);
    }
  });
});

describe('temporary files', () => {
  const dir = tempDir('temps');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('have random names of their own pattern', () => {
    const a = tempNameFor(join(dir, 'x.xlsx'));
    const b = tempNameFor(join(dir, 'x.xlsx'));
    expect(a).not.toBe(b);
    for (const n of [a, b]) expect(n.split('/').pop()).toMatch(TEMP_NAME);
  });

  it('never follow a link planted at their name, nor open a file already there', async () => {
    const victim = join(dir, 'victim.xlsx');
    writeFileSync(victim, 'the records');
    const planted = join(dir, '.out.xlsx.planted.tmp');
    const existing = join(dir, '.out.xlsx.existing.tmp');
    symlinkSync(victim, planted);
    writeFileSync(existing, 'someone else\'s');
    const names = [planted, existing];
    const tmp = await createTemp(join(dir, 'out.xlsx'), { nameFor: (_t, attempt) => names[attempt] ?? tempNameFor(join(dir, 'out.xlsx')) });
    expect(names).not.toContain(tmp.path);
    await tmp.handle.writeFile('the output');
    await tmp.commit();
    expect(readFileSync(victim, 'utf8')).toBe('the records');
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
    expect(readFileSync(existing, 'utf8')).toBe('someone else\'s');
    expect(readFileSync(join(dir, 'out.xlsx'), 'utf8')).toBe('the output');
  });

  it('are replaced into place by rename: a link at the target is replaced, its target untouched', async () => {
    const victim = join(dir, 'victim2.xlsx');
    writeFileSync(victim, 'the records');
    symlinkSync(victim, join(dir, 'linked.xlsx'));
    const tmp = await createTempStream(join(dir, 'linked.xlsx'));
    tmp.stream.end('new');
    await tmp.commit();
    expect(readFileSync(victim, 'utf8')).toBe('the records');
    expect(lstatSync(join(dir, 'linked.xlsx')).isFile()).toBe(true);
  });

  /** A child that opens one temporary file of each kind (plain and streamed), then ends as `how` says. */
  const CHILD = `
    const { createTemp, createTempStream } = await import(${JSON.stringify(join(ROOT, 'dist/src/run/atomic-file.js'))});
    const { installExitCleanup } = await import(${JSON.stringify(join(ROOT, 'dist/src/cli/signals.js'))});
    installExitCleanup();
    const dir = process.argv[1], how = process.argv[2];
    const a = await createTemp(dir + '/cache.json');
    await a.handle.write('{');
    const b = await createTempStream(dir + '/list.xlsx');
    b.stream.write('PK');
    process.stdout.write('ready\\n');
    if (how === 'exit') process.exit(3);
    if (how === 'throw') setTimeout(() => { throw new Error('boom'); }, 10);
    setInterval(() => {}, 1000);
  `;

  it.each([
    ['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129], ['exit', 3], ['throw', 1],
  ] as const)('are removed when the process ends by %s, whatever output they were for', async (how, code) => {
    const d = tempDir('temps-exit');
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, d, how], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      if (out.includes('ready') && how.startsWith('SIG')) {
        expect(readdirSync(d).filter((n) => TEMP_NAME.test(n))).toHaveLength(2);
        child.kill(how as NodeJS.Signals);
      }
    });
    const exit = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    expect(out).toContain('ready');
    expect(exit).toBe(code);
    expect(readdirSync(d)).toEqual([]);
    rmSync(d, { recursive: true });
  }, 20_000);
});

describe.skipIf(!canMount())('an output that fails late: a warning for secondary outputs, exit 2 for the annotated workbook; the report is printed', () => {
  let s: Scene;
  let full: string;
  let ro: string;
  beforeAll(async () => {
    s = await fresh('late');
    full = join(s.dir, 'full');
    ro = join(s.dir, 'ro');
    mkdirSync(full);
    mkdirSync(ro);
  });

  it('a cache on a read-only file system: warning, exit 0/1, one JSON document', async () => {
    const r = await runCli([s.input, '--assets', s.assets, '--format', 'json', '--no-out', '--cache', join(ro, 'cache.json')], { cwd: s.dir, prefix: readOnly(ro) });
    const doc = expectReport<Report>(r);
    expect(doc.summary.rows).toBe(3);
    expect(doc.warnings).toEqual([expect.objectContaining({ id: 'cache-failed' })]);
    expect(doc.warnings![0]!.message).toMatch(/ro\/cache\.json.*只读/);
    expect(doc.summary).toMatchObject({ outputsWritten: 0, outputsFailed: 1 });
    expect(r.stderr).toBe('');
  });

  it('a fix list on a full disk (ENOSPC at the end): warning, the report printed, no temporary file left', async () => {
    const r = await runCli([s.input, '--format', 'json', '--no-out', '--fix-list', join(full, 'list.xlsx')], { cwd: s.dir, prefix: tinyDisk(full, 4) });
    const doc = expectReport<Report>(r);
    expect(doc.warnings).toEqual([expect.objectContaining({ id: 'fix-list-failed' })]);
    expect(doc.warnings![0]!.message).toMatch(/list\.xlsx.*磁盘空间已满/);
    expect(doc.outputs).toEqual([expect.objectContaining({ kind: 'fix-list', written: false })]);
    expect(readdirSync(full)).toEqual([]); // the tmpfs was private to the run; the folder below it stays empty
  });

  it('fixed photos into a read-only folder: warning, each photo left alone as write-failed', async () => {
    const big = await fresh('late-photos');
    await photo(join(big.assets, `${big.ids[0]}.gif`));
    rmSync(join(big.assets, `${big.ids[0]}.jpg`));
    await workbook(big.input, rows(big.ids, (i) => (i === 0 ? { 17: `${big.ids[0]}.gif` } : {})));
    const target = join(big.dir, 'fixed');
    mkdirSync(target);
    const r = await runCli([big.input, '--assets', big.assets, '--format', 'json', '--no-out', '--fix-photos', target], { cwd: big.dir, prefix: readOnly(target) });
    const doc = expectReport<Report>(r);
    expect(doc.fixedPhotos).toEqual([expect.objectContaining({ status: 'skipped', skipped: 'write-failed' })]);
    expect(doc.warnings).toEqual([expect.objectContaining({ id: 'fixed-photos-failed' })]);
    expect(doc.warnings![0]!.message).toMatch(/只读/);
  });

  it('the annotated workbook on a full disk: the whole report, exit 2, the file still counted, one sentence on stderr', async () => {
    const out = join(full, 'records.checked.xlsx');
    const r = await runCli([s.input, '--format', 'json', '-o', out, '--assets', s.assets], { cwd: s.dir, prefix: tinyDisk(full, 4) });
    expect(r.code).toBe(2);
    expectNoTrace(r.stderr);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.summary).toMatchObject({ files: 1, rows: 3, outputsWritten: 0, outputsFailed: 1 });
    expect(doc.files).toEqual([expect.objectContaining({ rows: 3, annotated: null })]);
    expect(doc.failures).toEqual([expect.objectContaining({ path: out, kind: 'output' })]);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^cert-check: 无法写入 .*records\.checked\.xlsx：磁盘空间已满/)]);
  });

  it.each([['in this thread', '0'], ['by the writing thread', '1']])('the annotated workbook on a disk full before the rows are written (%s): the whole report, exit 2, no trace', async (_how, threads) => {
    const many = await fresh(`early-${threads}`);
    await workbook(many.input, rows(Array.from({ length: 1500 }, (_, i) => many.ids[i % many.ids.length]!)));
    const out = join(full, 'many.checked.xlsx');
    // 24 KB: the temporary file is created, and the sheet's first 256 KB written between two batches do not fit.
    const r = await runCli([many.input, '--format', 'json', '--no-assets', '-o', out], { cwd: many.dir, prefix: tinyDisk(full, 24), env: { CERT_CHECK_THREADS: threads } });
    expect(r.code).toBe(2);
    expectNoTrace(r.stderr);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.summary).toMatchObject({ files: 1, rows: 1500, outputsWritten: 0, outputsFailed: 1 });
    expect(doc.failures).toEqual([expect.objectContaining({ path: out, kind: 'output' })]);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^cert-check: 无法写入 .*many\.checked\.xlsx：磁盘空间已满/)]);
    expect(readdirSync(full)).toEqual([]);
  });

  it('--out-dir on a full disk with two inputs: both files in files and summary, their problems listed, exit 2', async () => {
    const second = join(s.dir, 'second.xlsx');
    await workbook(second, rows(s.ids.slice(0, 2), () => ({ 7: '铜职改办〔2019〕12号' })));
    const r = await runCli([s.input, second, '--format', 'json', '--no-assets', '--out-dir', full], { cwd: s.dir, prefix: tinyDisk(full, 4) });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.summary).toMatchObject({ files: 2, rows: 5 });
    // The problems of a file whose workbook failed are in the summary too.
    expect(doc.problems.some((p) => p.file === second && p.rule === 'approval-no-brackets')).toBe(true);
    expect(doc.summary.errors).toBe(doc.problems.filter((p) => p.severity === 'error').length);
    expect(doc.summary.outputsFailed).toBeGreaterThanOrEqual(1);
    expect(doc.summary.outputsWritten + doc.summary.outputsFailed).toBe(2);
  });

  it('pretty: the report, then the sentence on stderr, exit 2', async () => {
    const r = await runCli([s.input, '-o', join(full, 'x.xlsx'), '--no-assets'], { cwd: s.dir, prefix: tinyDisk(full, 4) });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/检查了 1 个文件，3 行数据|全部通过/);
    expect(r.stdout).toMatch(/输出文件：已写出 0 个，1 个未能写出/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/x\.xlsx.*磁盘空间已满（ENOSPC）/);
  });
});

it('finds a way to make read-only and full file systems here (else the tests above would not run)', () => {
  expect(canMount()).toBe(true);
});

it('a run that succeeds leaves no temporary file anywhere', async () => {
  const s = await fresh('clean');
  const r = await runCli([s.input, '--format', 'json', '--fix-list', join(s.dir, 'list.xlsx'), '--cache', join(s.dir, 'c.json')], { cwd: s.dir });
  expectReport(r);
  const all = readdirSync(s.dir, { recursive: true }).map(String);
  expect(all.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  expect(existsSync(join(s.dir, 'records.checked.xlsx'))).toBe(true);
});
