/**
 * Through the real CLI: names in the assets folder that are not UTF-8 (GBK names from
 * unzipping on Linux/macOS) and sub-folders that cannot be read are listed as a warning while the rest is
 * checked; permission errors and read-only file systems get one sentence naming the path and the cause.
 * Permission errors are met as an ordinary user: run as root, the CLI runs as `nobody` (fs-env.ts).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoTrace, expectRefusal, expectReport, runCli } from './cli.js';
import { asOrdinaryUser, canMount, IS_ROOT, openToOrdinaryUser, readOnly } from './fs-env.js';
import { photo, scene, type Scene } from './scene.js';

interface Report {
  summary: { rows: number; errors: number };
  problems: { row: number | null; rule: string; messageId: string; message: string }[];
  warnings?: { id: string; message: string }[];
  failures?: { path: string; message: string; kind?: string }[];
}

const scenes: string[] = [];
// rm -rf copes with names that are not UTF-8 (fs.rmSync goes through JavaScript strings).
afterAll(() => scenes.forEach((d) => {
  spawnSync('chmod', ['-R', 'u+rwx', d]);
  spawnSync('rm', ['-rf', d]);
}));

async function fresh(prefix: string): Promise<Scene> {
  const s = await scene(prefix);
  scenes.push(s.dir);
  openToOrdinaryUser(s.dir);
  return s;
}

const gbk = (s: string): Buffer => iconv.encode(s, 'gbk');
const at = (dir: string, ...parts: Buffer[]): Buffer => Buffer.concat([Buffer.from(`${dir}/`), ...parts.flatMap((p, i) => (i ? [Buffer.from('/'), p] : [p]))]);

describe('names that are not UTF-8', () => {
  let s: Scene;
  beforeAll(async () => {
    s = await fresh('gbk-names');
    // 张三.jpg at the top, a folder 照片 with a photo in it, and a photo in a good sub-folder: all in GBK.
    writeFileSync(at(s.assets, gbk('张三.jpg')), readFileSync(join(s.assets, `${s.ids[0]}.jpg`)));
    mkdirSync(at(s.assets, gbk('照片')));
    writeFileSync(at(s.assets, gbk('照片'), Buffer.from('a.jpg')), 'x');
    mkdirSync(join(s.assets, 'sub'));
    writeFileSync(at(s.assets, Buffer.from('sub'), gbk('李四.pdf')), 'x');
  });

  it.each([['json', ['--format', 'json']], ['pretty', []]])('%s: listed as a warning (shown as GBK); every row still checked', async (format, args) => {
    const r = await runCli([s.input, '--assets', s.assets, '--no-out', ...args], { cwd: s.dir });
    expect([0, 1], r.stderr).toContain(r.code);
    expectNoTrace(r.stderr);
    if (format === 'json') {
      const doc = JSON.parse(r.stdout) as Report;
      expect(doc.summary.rows).toBe(3);
      expect(doc.warnings).toEqual([expect.objectContaining({ id: 'unreadable-names' })]);
      const message = doc.warnings![0]!.message;
      expect(message).toMatch(/有 3 个文件或文件夹的名称不是有效的 UTF-8/);
      for (const name of ['张三.jpg', '照片', 'sub/李四.pdf']) expect(message).toContain(name);
      // The rows' own photos and PDFs were found and checked.
      expect(doc.problems.filter((p) => p.rule === 'photo-file' || p.rule === 'attachment-file')).toEqual([]);
    } else {
      expect(r.stdout).toMatch(/⚠ 素材文件夹中有 3 个文件或文件夹的名称不是有效的 UTF-8/);
    }
  });
});

describe('permission errors: a sentence naming the path and the cause', () => {
  const user = asOrdinaryUser();

  it(`runs as an ordinary user (${IS_ROOT ? 'root: as nobody' : 'ourselves'})`, () => {
    expect(IS_ROOT ? user.uid : process.getuid?.()).not.toBe(0);
  });

  it('an unreadable sub-folder of the assets folder: a warning, the rest checked', async () => {
    const s = await fresh('perm-sub');
    mkdirSync(join(s.assets, 'locked'));
    await photo(join(s.assets, 'locked', 'x.jpg'));
    chmodSync(join(s.assets, 'locked'), 0o000);
    const r = await runCli([s.input, '--assets', s.assets, '--no-out', '--format', 'json'], { cwd: s.dir, ...user });
    const doc = expectReport<Report>(r);
    expect(doc.summary.rows).toBe(3);
    expect(doc.warnings).toEqual([expect.objectContaining({ id: 'unreadable-entry' })]);
    expect(doc.warnings![0]!.message).toMatch(/素材文件夹中的 locked 无法读取，未检查：没有读取权限（EACCES）/);
    expect(doc.problems.filter((p) => p.rule === 'photo-file')).toEqual([]);
  });

  it('an unreadable photo: its row says so, with the cause', async () => {
    const s = await fresh('perm-photo');
    chmodSync(join(s.assets, `${s.ids[1]}.jpg`), 0o000);
    const doc = expectReport<Report>(await runCli([s.input, '--assets', s.assets, '--no-out', '--format', 'json'], { cwd: s.dir, ...user }));
    const unreadable = doc.problems.find((p) => p.row === 3 && p.rule === 'photo-file');
    expect(unreadable?.messageId).toBe('unreadable');
    expect(unreadable?.message).toMatch(/EACCES/);
  });

  it.each([
    ['the input', (s: Scene) => {
      chmodSync(s.input, 0o000);
      return [s.input, '--no-assets'];
    }, /无法读取 .*records\.xlsx：没有读取权限（EACCES）/],
    ['the assets folder', (s: Scene) => {
      chmodSync(s.assets, 0o000);
      return [s.input, '--assets', s.assets];
    }, /无法读取 .*files：没有读取权限（EACCES）/],
    ['the configuration', (s: Scene) => {
      writeFileSync(join(s.dir, 'cfg.json'), '{}');
      chmodSync(join(s.dir, 'cfg.json'), 0o000);
      return [s.input, '--no-assets', '--config', join(s.dir, 'cfg.json')];
    }, /无法读取 .*cfg\.json：没有读取权限（EACCES）/],
  ])('an unreadable %s: refused in one sentence', async (_name, args, says) => {
    const s = await fresh('perm-refuse');
    const r = await runCli([...args(s), '--no-out'], { cwd: s.dir, ...user });
    expectRefusal(r, says);
  });

  it('a folder the output may not be written to: the report, then the sentence, exit 2', async () => {
    const s = await fresh('perm-out');
    mkdirSync(join(s.dir, 'closed'));
    chmodSync(join(s.dir, 'closed'), 0o555);
    const r = await runCli([s.input, '--assets', s.assets, '-o', join(s.dir, 'closed', 'x.xlsx'), '--format', 'json'], { cwd: s.dir, ...user });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.summary.rows).toBe(3);
    expect(doc.failures).toEqual([expect.objectContaining({ kind: 'output' })]);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^cert-check: 无法写入 .*closed\/x\.xlsx：没有写入权限（EACCES）；请换一个有写入权限的文件夹/)]);
  });
});

describe.skipIf(!canMount())('a read-only file system', () => {
  it('the records on a read-only mount: the report, the annotated workbook refused by the system in one sentence, the input untouched', async () => {
    const s = await fresh('ro');
    const before = statSync(s.input);
    const r = await runCli([s.input, '--assets', s.assets, '--format', 'json'], { cwd: s.dir, prefix: readOnly(s.dir) });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.summary.rows).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^cert-check: 无法写入 .*records\.checked\.xlsx：所在的文件系统是只读的（EROFS/)]);
    expect(statSync(s.input).mtimeMs).toBe(before.mtimeMs);
  });

  it('--no-out on a read-only mount: a normal run', async () => {
    const s = await fresh('ro-noout');
    const r = await runCli([s.input, '--assets', s.assets, '--no-out', '--format', 'json'], { cwd: s.dir, prefix: readOnly(s.dir) });
    expectReport(r);
    expect(r.stderr).toBe('');
  });

  it('the template written onto a read-only mount: one sentence with the cause', async () => {
    const s = await fresh('ro-template');
    const r = await runCli(['template', join(s.dir, 't.xlsx')], { cwd: s.dir, prefix: readOnly(s.dir) });
    expectRefusal(r, /t\.xlsx：所在的文件系统是只读的（EROFS/);
  });
});

it('the scene these tests read is a clean one: 3 rows, each with its photo and PDF, no error', async () => {
  const s = await fresh('sanity');
  const doc = expectReport<Report>(await runCli([s.input, '--assets', s.assets, '--no-out', '--format', 'json'], { cwd: s.dir }));
  expect(doc.summary, JSON.stringify(doc.problems.map((p) => [p.row, p.rule, p.message]))).toMatchObject({ rows: 3, errors: 0 });
});
