/**
 * Reading on a second thread gives exactly what reading in the main thread gives, errors included; the
 * annotated workbook written by a thread of its own is byte for byte the one written in the main thread.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../read/files.js';
import { zipParts } from '../report/package-helpers.js';
import { TEMP_NAME } from '../../src/run/atomic-file.js';
import { generateWorkbook } from '../../bench/generate.js';

const root = resolve(__dirname, '../..');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

function cli(threads: '0' | '1', args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/cert-check.js'), ...args], {
    cwd: tmp.dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CERT_CHECK_THREADS: threads },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('reading thread', () => {
  it('the report of the examples is the same with and without it', () => {
    const args = [join(root, 'examples/records.xlsx'), '--assets', join(root, 'examples/files'), '--format', 'json', '--no-out'];
    const inThread = cli('0', args);
    const threaded = cli('1', args);
    expect(threaded.code).toBe(1);
    expect(threaded.stderr).toBe('');
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse(inThread.stdout));
  });

  it('the annotated copy keeps the merged ranges, which the thread learns only at the end of the sheet', async () => {
    const out = join(tmp.dir, 'merged.checked.xlsx');
    const r = cli('1', [join(root, 'examples/records.xlsx'), '--no-assets', '--format', 'json', '-o', out]);
    expect(r.code).toBe(1);
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(join(root, 'examples/records.xlsx'));
    const dst = new ExcelJS.Workbook();
    await dst.xlsx.readFile(out);
    const merges = (wb: ExcelJS.Workbook) => (wb.worksheets[0]!.model as { merges: string[] }).merges;
    expect(merges(src).length).toBeGreaterThan(0);
    expect(merges(dst)).toEqual(merges(src));
  });

  it('an unreadable input is still one sentence and exit 2', () => {
    const bad = join(tmp.dir, 'bad.xlsx');
    writeFileSync(bad, Buffer.from('PK\u0003\u0004 this is not a whole zip'));
    const r = cli('1', [bad, '--no-assets', '--no-out']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a CSV read on the thread keeps its rows and numbers', () => {
    const csv = join(tmp.dir, 'a.csv');
    writeFileSync(csv, '姓名,身份证号,职称级别,批准文号\n张三,11010519491231002X,中级,渝职改办〔2019〕1号\n');
    const a = cli('1', [csv, '--no-assets', '--no-out', '--format', 'json']);
    const b = cli('0', [csv, '--no-assets', '--no-out', '--format', 'json']);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    expect(JSON.parse(a.stdout).problems.some((p: { row: number; rule: string }) => p.row === 2 && p.rule === 'approval-no-brackets')).toBe(true);
  });
});

describe('a reading thread opened ahead (before the configuration is read)', () => {
  it('still takes the configuration\'s header aliases', async () => {
    const input = join(tmp.dir, 'alias.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('登记表');
    ws.addRow(['姓名', '身份证件号', '职称级别', '批准文号']);
    ws.addRow(['张三', '11010519491231002x', '中级', '渝职改办【2019】1号']);
    await wb.xlsx.writeFile(input);
    const config = join(tmp.dir, 'alias.json');
    writeFileSync(config, JSON.stringify({ aliases: { idNumber: ['身份证件号'] } }));
    const args = [input, '--no-assets', '--no-out', '--format', 'json', '--config', config];
    const threaded = cli('1', args);
    expect(threaded.stderr).toBe('');
    const doc = JSON.parse(threaded.stdout) as { problems: { rule: string; column: string }[] };
    expect(doc.problems.some((p) => p.rule === 'id-number-lowercase-x' && p.column === 'B')).toBe(true);
    expect(doc).toEqual(JSON.parse(cli('0', args).stdout));
  });

  it('a text file named .xlsx is read with the encoding and delimiter given, as in this thread', () => {
    const input = join(tmp.dir, 'really-text.xlsx');
    writeFileSync(input, Buffer.concat([Buffer.from('姓名;身份证号;职称级别;批准文号\n', 'utf16le'), Buffer.from('张三;11010519491231002X;中级;渝职改办〔2019〕1号\n', 'utf16le')]));
    const args = [input, '--no-assets', '--no-out', '--format', 'json', '--encoding', 'utf-16le', '--delimiter', ';'];
    const threaded = cli('1', args);
    const inThread = cli('0', args);
    expect(threaded.code).toBe(inThread.code);
    expect(threaded.stdout).toBe(inThread.stdout);
    expect(JSON.parse(threaded.stdout).problems.some((p: { rule: string }) => p.rule === 'approval-no-brackets')).toBe(true);
  });
});

describe('helper threads never keep the process alive', () => {
  it('a run that checks assets but names no PDF still ends at once', () => {
    const csv = join(tmp.dir, 'photos-only.csv');
    writeFileSync(csv, '姓名,身份证号,职称级别,批准文号,免冠照\n张三,11010519491231002X,中级,渝职改办【2019】1号,a.jpg\n');
    const r = spawnSync(process.execPath, [join(root, 'bin/cert-check.js'), csv, '--no-out', '--format', 'json'], { cwd: tmp.dir, encoding: 'utf8', timeout: 30_000 });
    expect(r.error).toBeUndefined(); // a hang would end in spawnSync's timeout, which sets it
    expect(r.status).toBe(1);
  });

  it.each([
    ['the output is the input', (input: string) => [input, '--no-assets', '-o', input]],
    ['the assets folder is missing', (input: string) => [input, '--assets', join(tmp.dir, 'no-such-folder')]],
  ])('a run refused after the reading thread started still ends: %s', (_name, args) => {
    const input = join(tmp.dir, 'threaded-input.xlsx');
    copyFileSync(join(root, 'examples/records.xlsx'), input);
    const r = spawnSync(process.execPath, [join(root, 'bin/cert-check.js'), ...args(input)], {
      cwd: tmp.dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, CERT_CHECK_THREADS: '1' },
    });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a reading thread that runs out of its heap limit is a clean refusal, not a crash', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/cert-check.js'), join(root, 'examples/records.xlsx'), '--no-assets', '--no-out'], {
      cwd: tmp.dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, CERT_CHECK_THREADS: '1', CERT_CHECK_READER_HEAP_MB: '4' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/过大（heap > 4 MB）/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('writing thread', () => {
  /** Every part of two workbooks, the time each was written taken out of the document properties and the marker. */
  async function sameWorkbooks(a: string, b: string): Promise<void> {
    const [pa, pb] = [await zipParts(a), await zipParts(b)];
    expect([...pb.keys()]).toEqual([...pa.keys()]);
    // The time of the check (document properties, marker, 汇总) and the folder of each copy differ, nothing else.
    const timeless = (t: string) => t.replace(/<\/vt:lpwstr><\/property><property [^>]*><vt:lpwstr>/g, '').replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?Z?/g, 'T').replaceAll(dirname(a), 'D').replaceAll(dirname(b), 'D');
    for (const [name, part] of pa) {
      const other = pb.get(name)!;
      if (other.data.equals(part.data)) continue;
      expect(timeless(other.data.toString('utf8')), name).toBe(timeless(part.data.toString('utf8')));
      expect(name, 'only these parts hold a time').toMatch(/^docProps\/|^xl\/worksheets\/sheet\d+\.xml$|^xl\/sharedStrings\.xml$/);
    }
  }

  it.each([
    ['the annotated copy', [] as string[]],
    ['the --fix copy', ['--fix']],
  ])('%s of the examples is the same written by the thread', async (_name, extra) => {
    const a = join(tmp.dir, `in-thread${extra.join('')}`, 'records.checked.xlsx');
    const b = join(tmp.dir, `threaded${extra.join('')}`, 'records.checked.xlsx');
    mkdirSync(dirname(a));
    mkdirSync(dirname(b));
    const args = (out: string) => [join(root, 'examples/records.xlsx'), '--assets', join(root, 'examples/files'), '--format', 'json', '-o', out, ...extra];
    const inThread = cli('0', args(a));
    const threaded = cli('1', args(b));
    expect(threaded.stderr).toBe('');
    expect(threaded.code).toBe(inThread.code);
    const report = (out: string) => out.replace(/in-thread|threaded/g, 'X');
    expect(report(threaded.stdout)).toBe(report(inThread.stdout));
    await sameWorkbooks(a, b);
  });

  it('the new workbook of a CSV is the same written by the thread', async () => {
    const csv = join(tmp.dir, 'w.csv');
    writeFileSync(csv, '姓名,身份证号,职称级别,批准文号,发证时间\n张三,11010519491231002X,中级,渝职改办〔2019〕1号,2019-12-20\n李四,11010519491231002X,初级,渝职改办【2019】1号,2019.12\n');
    const a = join(tmp.dir, 'csv-a', 'w.xlsx');
    const b = join(tmp.dir, 'csv-b', 'w.xlsx');
    mkdirSync(dirname(a));
    mkdirSync(dirname(b));
    expect(cli('0', [csv, '--no-assets', '-o', a, '--format', 'json']).code).toBe(1);
    expect(cli('1', [csv, '--no-assets', '-o', b, '--format', 'json']).code).toBe(1);
    await sameWorkbooks(a, b);
  });

  it('Ctrl-C while the thread writes leaves neither the workbook nor its temporary file', async () => {
    const dir = join(tmp.dir, 'sigint');
    mkdirSync(dir);
    const input = join(dir, 'big.xlsx');
    await generateWorkbook(input, 20_000);
    const out = join(dir, 'big.checked.xlsx');
    const child = spawn(process.execPath, [join(root, 'bin/cert-check.js'), input, '--no-assets', '-o', out], {
      cwd: dir, stdio: 'ignore', env: { ...process.env, CERT_CHECK_THREADS: '1' },
    });
    let sawTemp = false;
    const poll = setInterval(() => {
      if (!sawTemp && readdirSync(dir).some((n) => TEMP_NAME.test(n))) {
        sawTemp = true;
        child.kill('SIGINT');
      }
    }, 5);
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    clearInterval(poll);
    expect(sawTemp).toBe(true);
    expect(code).toBe(130);
    expect(readdirSync(dir).sort()).toEqual(['big.xlsx']);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
