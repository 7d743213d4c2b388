/** End to end: the real launcher on real files — exit codes, JSON on stdout, the annotated workbook, bad input. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, writeOle2 } from '../read/files.js';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/cert-check.js');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Run {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp.dir,
    encoding: 'utf8',
    env: { ...base, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');
const ANSI = /\u001b\[/;

/** One sentence, no stack trace: what every exit-2 run must print. */
function expectCleanRefusal(r: Run, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe('examples/ through the launcher', () => {
  let input: string;
  let files: string;
  let json: Run;
  const out = (): string => join(tmp.dir, 'out', 'records.checked.xlsx');

  beforeAll(() => {
    input = join(tmp.dir, 'records.xlsx');
    files = join(tmp.dir, 'files');
    copyFileSync(join(root, 'examples/records.xlsx'), input);
    cpSync(join(root, 'examples/files'), files, { recursive: true });
    mkdirSync(join(tmp.dir, 'out'));
    json = cli([input, '--assets', files, '--format', 'json', '-o', out()]);
  });

  it('exits 1 and prints exactly one JSON document of the contract', () => {
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.version).toBe(1);
    expect(Object.keys(doc.summary).sort()).toEqual(['errors', 'files', 'infos', 'outputsFailed', 'outputsWritten', 'rows', 'rowsWithErrors', 'rowsWithWarnings', 'warnings']);
    expect(doc.summary.files).toBe(1);
    expect(doc.files[0]).toMatchObject({ sheet: '登记表', headerRow: 2, annotated: out() });
    expect(doc.summary.rows).toBe(doc.files[0].rows);
    const brackets = doc.problems.find((p: { rule: string }) => p.rule === 'approval-no-brackets');
    expect(brackets).toMatchObject({
      sheet: '登记表', row: 10, column: 'I', field: 'approvalNo', severity: 'error',
      value: '渝职改办〔2019〕125号', suggestion: '渝职改办【2019】125号',
    });
    expect(brackets.message).toContain('【】');
    for (const p of doc.problems) expect(Object.keys(p)).toEqual(expect.arrayContaining(['file', 'sheet', 'row', 'column', 'field', 'rule', 'severity', 'message', 'value', 'suggestion']));
  });

  it('masks ID numbers in JSON unless --show-pii', () => {
    expect(json.stdout).not.toMatch(/\d{17}[\dX]/);
    expect(json.stdout).toMatch(/500224\*{8}\d{3}[\dX]/);
    const shown = cli([input, '--assets', files, '--format', 'json', '--no-out', '--show-pii']);
    expect(shown.stdout).toMatch(/500224\d{11}[\dX]/);
  });

  it('leaves the input byte for byte as it was', () => {
    expect(sha(input)).toBe(sha(join(root, 'examples/records.xlsx')));
  });

  it('writes the annotated workbook: original values in place, fills, notes, result columns, 问题清单, 汇总', async () => {
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    const checked = new ExcelJS.Workbook();
    await checked.xlsx.readFile(out());
    const src = original.getWorksheet('登记表')!;
    const dst = checked.getWorksheet('登记表')!;
    src.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // An empty-string cell and an empty cell look the same in Excel; exceljs may write either.
        const same = (v: unknown): string => JSON.stringify(v === '' ? null : v);
        expect(same(dst.getCell(r, c).value), `cell ${cell.address}`).toBe(same(cell.value));
      });
    });
    expect(dst.model.merges).toEqual(src.model.merges); // the merged title row stays merged
    expect(dst.model.merges).toContain('A1:T1');
    const width = src.getRow(2).cellCount;
    expect([1, 2, 3].map((i) => dst.getCell(2, width + i).value)).toEqual(['检查结果', '问题说明', '建议修改']);
    expect(dst.getCell(3, width + 1).value).toBe('通过');
    expect(dst.getCell(10, width + 1).value).toBe('需修改');
    expect(String(dst.getCell(10, width + 3).value)).toContain('渝职改办【2019】125号');
    const bad = dst.getCell('I10');
    expect((bad.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FFFF/);
    expect(JSON.stringify(bad.note)).toContain('【】');
    expect(dst.getCell('I3').note).toBeUndefined();
    const list = checked.getWorksheet('问题清单')!;
    expect(list.getRow(1).values).toEqual(expect.arrayContaining(['行号', '姓名', '字段', '级别', '问题', '建议值']));
    expect(list.rowCount - 1).toBeGreaterThanOrEqual(JSON.parse(json.stdout).problems.filter((p: { row: number | null; file: string }) => p.row !== null && p.file === input).length);
    expect(checked.getWorksheet('汇总')).toBeDefined();
  });

  it('pretty report: grouped rows, column letter and header, suggestion, summary; no colour off a terminal', () => {
    const r = cli([input, '--assets', files, '--no-out']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('第 10 行');
    expect(r.stdout).toMatch(/I 批准文号\s+错误/);
    expect(r.stdout).toContain('建议：渝职改办【2019】125号');
    expect(r.stdout).toContain('汇总');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).not.toMatch(/\d{17}[\dX]/);
    expect(r.stderr).toBe('');
  });

  it('colour only when asked for, and NO_COLOR wins', () => {
    expect(cli([input, '--assets', files, '--no-out'], { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
    expect(cli([input, '--assets', files, '--no-out'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(ANSI);
  });

  it('--lang en speaks English', () => {
    const r = cli([input, '--assets', files, '--no-out', '--format', 'json', '--lang', 'en']);
    const doc = JSON.parse(r.stdout);
    const brackets = doc.problems.find((p: { rule: string }) => p.rule === 'approval-no-brackets');
    expect(brackets.message).toMatch(/must be in 【】/);
  });

  it('default output goes beside the input as <name>.checked.xlsx', () => {
    const r = cli([input, '--assets', files, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(existsSync(join(tmp.dir, 'records.checked.xlsx'))).toBe(true);
  });
});

describe('CSV and folders', () => {
  it('reads a GBK CSV with the row numbers a spreadsheet shows', () => {
    const dir = join(tmp.dir, 'csv');
    mkdirSync(dir);
    const text = '姓名,身份证号,职称级别,批准文号\r\n张三,11010519491231002X,中级,渝职改办〔2019〕1号\r\n李四,440524188001010014,中级,渝职改办【2019】2号\r\n';
    writeFileSync(join(dir, 'gbk.csv'), iconv.encode(text, 'gb18030'));
    const r = cli([join(dir, 'gbk.csv'), '--format', 'json', '--no-assets', '--no-out']);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].headerRow).toBe(1);
    expect(doc.files[0].rows).toBe(2);
    expect(doc.problems.find((p: { rule: string }) => p.rule === 'approval-no-brackets')).toMatchObject({ row: 2, column: 'D', suggestion: '渝职改办【2019】1号' });
  });

  it('checks every spreadsheet of a folder, skipping its own .checked.xlsx outputs', () => {
    const dir = join(tmp.dir, 'folder');
    mkdirSync(dir);
    copyFileSync(join(root, 'examples/records.xlsx'), join(dir, 'a.xlsx'));
    copyFileSync(join(root, 'examples/records.xlsx'), join(dir, 'b.xlsx'));
    copyFileSync(join(root, 'examples/records.xlsx'), join(dir, 'a.checked.xlsx'));
    const r = cli([dir, '--format', 'json', '--no-assets', '--out-dir', join(tmp.dir, 'folder-out')]);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { path: string }) => f.path.replace(/.*[\\/]/, ''))).toEqual(['a.xlsx', 'b.xlsx']);
    expect(existsSync(join(tmp.dir, 'folder-out', 'a.checked.xlsx'))).toBe(true);
    expect(existsSync(join(tmp.dir, 'folder-out', 'b.checked.xlsx'))).toBe(true);
  });
});

describe('bad input: exit 2, one Chinese sentence, never a stack trace', () => {
  const cases: [string, () => string, RegExp][] = [
    ['missing path', () => join(tmp.dir, 'nope.xlsx'), /找不到文件/],
    ['empty file', () => write('empty.xlsx', Buffer.alloc(0)), /文件是空的/],
    ['random bytes', () => write('random.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), /不是 \.xlsx 或 \.csv/],
    ['a truncated .xlsx', () => write('cut.xlsx', readFileSync(join(root, 'examples/records.xlsx')).subarray(0, 3000)), /损坏或不完整/],
    ['an old .xls', () => ole2('old.xls', ['Workbook', 'SummaryInformation']), /Excel 97-2003/],
    ['a password-protected .xlsx', () => ole2('locked.xlsx', ['EncryptionInfo', 'EncryptedPackage']), /密码/],
    ['no header row', () => write('noheader.csv', Buffer.from('a,b,c\n1,2,3\n')), /没有找到表头行/],
  ];
  it.each(cases)('%s', (_name, make, pattern) => {
    expectCleanRefusal(cli([make(), '--no-assets', '--no-out']), pattern);
  });

  it('an unknown option', () => {
    expectCleanRefusal(cli(['--frobnicate', 'x.xlsx']), /不认识的选项 --frobnicate/);
  });

  it('no input at all', () => {
    expectCleanRefusal(cli([]), /缺少要检查的文件/);
  });

  it('refuses an output that is the input, even through a link', async () => {
    const input = join(tmp.dir, 'self.xlsx');
    copyFileSync(join(root, 'examples/records.xlsx'), input);
    const before = { sha: sha(input), mtime: statSync(input).mtimeMs };
    expectCleanRefusal(cli([input, '--no-assets', '-o', input]), /同一个文件/);
    const { symlinkSync } = await import('node:fs');
    symlinkSync(input, join(tmp.dir, 'link.xlsx'));
    expectCleanRefusal(cli([input, '--no-assets', '-o', join(tmp.dir, 'link.xlsx')]), /同一个文件/);
    expect({ sha: sha(input), mtime: statSync(input).mtimeMs }).toEqual(before);
  });

  it('--version and --help exit 0', () => {
    const v = cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--assets');
  });
});

function write(name: string, data: Buffer): string {
  const p = join(tmp.dir, name);
  writeFileSync(p, data);
  return p;
}

function ole2(name: string, streams: string[]): string {
  const p = join(tmp.dir, name);
  writeOle2(p, streams);
  return p;
}
