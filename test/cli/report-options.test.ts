/**
 * The report options end to end through the launcher: --format github/junit/csv/tsv, --quiet, --max-warnings,
 * the cap and --all, --report-file, every input counted, and nothing on stderr off a terminal.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_KEYS, FIELDS } from '../../src/model/fields.js';
import { GOOD_ROW } from '../helpers/records.js';
import { makeTempDir } from '../read/files.js';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/cert-check.js');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Run {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp.dir, encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A CSV of correct rows (GOOD_ROW) with some fields changed per row. */
function csv(name: string, rows: Partial<Record<string, string>>[]): string {
  const header = FIELD_KEYS.map((k) => FIELDS[k].header).join(',');
  const lines = rows.map((over, i) => FIELD_KEYS.map((k) => String(over[k] ?? (k === 'certNo' ? `TL2019${String(i).padStart(4, '0')}` : GOOD_ROW[k] ?? ''))).join(','));
  const path = join(tmp.dir, name);
  writeFileSync(path, `${header}\n${lines.join('\n')}\n`);
  return path;
}

/** Distinct valid IDs (up to 900), so rows are different people. */
function idOf(i: number): string {
  const first17 = `50022419800101${String(100 + i).slice(-3)}`; // born 1980-01-01, as GOOD_ROW's 出生年月
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let j = 0; j < 17; j++) sum += Number(first17[j]) * w[j]!;
  return first17 + '10X98765432'[sum % 11]!;
}

let examples: string;
beforeAll(() => {
  examples = join(tmp.dir, 'records.xlsx');
  copyFileSync(join(root, 'examples/records.xlsx'), examples);
});

describe('--format', () => {
  it('github: one workflow command per problem, exit 1, nothing on stderr', () => {
    const r = cli([examples, '--no-assets', '--no-out', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, -1).every((l) => /^::(error|warning|notice) file=records\.xlsx,title=[a-z0-9-]+::/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('::error file=records.xlsx,title=approval-no-brackets::工作表「登记表」第 10 行 I 列（批准文号）'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^cert-check：检查了 1 个文件/);
    expect(r.stdout).not.toMatch(/\d{17}[\dX]/);
  });

  it('junit: one XML document', () => {
    const r = cli([examples, '--no-assets', '--no-out', '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cert-check"')).toBe(true);
    expect(r.stdout.trim().endsWith('</testsuites>')).toBe(true);
  });

  it('csv and tsv: a byte-order mark, a header, a line per problem', () => {
    const c = cli([examples, '--no-assets', '--no-out', '--format', 'csv']);
    expect(c.stdout.startsWith('\uFEFF文件,工作表,行,列,字段,级别,问题,原值,建议值,规则\r\n')).toBe(true);
    const t = cli([examples, '--no-assets', '--no-out', '--format', 'tsv', '--lang', 'en']);
    expect(t.stdout.startsWith('\uFEFFfile\tsheet\trow\tcolumn\t')).toBe(true);
    expect(c.stdout.split('\r\n').length).toBe(t.stdout.split('\r\n').length);
  });

  it('an unknown format is a usage error that names the choices', () => {
    const r = cli([examples, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pretty, json, github, junit, csv, tsv/);
  });

  it('--help lists every format with what it is for', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['pretty', 'json', 'github', 'junit', 'csv', 'tsv']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('JUnit XML（GitLab、Jenkins 的测试报告）');
    for (const opt of ['--quiet', '--max-warnings', '--all', '--report-file']) expect(r.stdout).toContain(opt);
  });
});

describe('--quiet and --max-warnings', () => {
  let warnOnly: string;
  beforeAll(() => {
    warnOnly = csv('warn-only.csv', [{ idNumber: idOf(1) }, { idNumber: idOf(2), name: '李 四' }, { idNumber: idOf(3), name: '王 五' }]);
  });

  it('a sheet with warnings only exits 0', () => {
    const r = cli([warnOnly, '--no-assets', '--no-out']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('姓名“李 四”中有空格');
  });

  it('--max-warnings exits 1 when there are more warnings, with one line on stderr', () => {
    const over = cli([warnOnly, '--no-assets', '--no-out', '--max-warnings', '1', '--format', 'json']);
    expect(over.code).toBe(1);
    expect(JSON.parse(over.stdout).summary.warnings).toBe(2);
    expect(over.stderr).toBe('cert-check: 有 2 个警告，超过了 --max-warnings 1。\n');
    expect(cli([warnOnly, '--no-assets', '--no-out', '--max-warnings', '2']).code).toBe(0);
    expect(cli([warnOnly, '--no-assets', '--no-out', '--max-warnings', '-1']).code).toBe(2);
  });

  it('--quiet lists errors only and still counts the warnings (also for --max-warnings, as ESLint)', () => {
    const r = cli([warnOnly, '--no-assets', '--no-out', '--quiet', '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('姓名“李 四”中有空格');
    expect(r.stdout).toContain('--quiet：只列出错误，2 个警告、0 个提示未列出');
    const errors = cli([examples, '--no-assets', '--no-out', '--quiet', '--format', 'json']);
    expect(errors.code).toBe(1);
    const doc = JSON.parse(errors.stdout);
    expect(doc.problems.every((p: { severity: string }) => p.severity === 'error')).toBe(true);
    expect(doc.summary.warnings).toBeGreaterThan(0);
  });
});

describe('the cap on large inputs, and --all', () => {
  let big: string;
  beforeAll(() => {
    big = csv('big.csv', Array.from({ length: 150 }, (_, i) => ({ idNumber: idOf(i), approvalNo: `铜职改办〔2019〕${i + 1}号` })));
  });

  it('lists the first 20 rows of a rule and says where the rest is; --all lists them all', () => {
    const capped = cli([big, '--no-assets']);
    expect(capped.code).toBe(1);
    expect(capped.stdout.split('\n').filter((l) => l.includes('批准文号的年份应写在【】中'))).toHaveLength(20);
    expect(capped.stdout).toContain('approval-no-brackets …还有 130 行：见 big.checked.xlsx 的问题清单');
    expect(capped.stdout).toMatch(/150 {2}错误 {2}approval-no-brackets/);
    const all = cli([big, '--no-assets', '--no-out', '--all']);
    expect(all.stdout.split('\n').filter((l) => l.includes('批准文号的年份应写在【】中'))).toHaveLength(150);
    expect(all.stdout).not.toContain('还有');
  });

  it('JSON is never capped', () => {
    const doc = JSON.parse(cli([big, '--no-assets', '--no-out', '--format', 'json']).stdout);
    expect(doc.problems.filter((p: { rule: string }) => p.rule === 'approval-no-brackets')).toHaveLength(150);
  });
});

describe('--report-file', () => {
  it('writes the chosen format to the file and keeps the pretty report on stdout', () => {
    const r = cli([examples, '--no-assets', '--no-out', '--format', 'json', '--report-file', 'ci/report.json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(readFileSync(join(tmp.dir, 'ci/report.json'), 'utf8'));
    expect(doc.version).toBe(1);
    expect(doc.problems.length).toBeGreaterThan(10);
    expect(r.stdout).toContain('汇总');
    expect(r.stdout).toContain('第 10 行');
    expect(readdirSync(join(tmp.dir, 'ci'))).toEqual(['report.json']);
  });

  it('with a pretty format writes the report without colour', () => {
    cli([examples, '--no-assets', '--no-out', '--report-file', 'report.txt']);
    const text = readFileSync(join(tmp.dir, 'report.txt'), 'utf8');
    expect(text).toContain('汇总');
    expect(text).not.toMatch(/\x1b\[/);
  });

  it('refuses, before any work, a report file that is the input or a folder', () => {
    const before = readFileSync(examples);
    const same = cli([examples, '--no-assets', '--no-out', '--format', 'json', '--report-file', examples]);
    expect(same.code).toBe(2);
    expect(same.stdout).toBe('');
    expect(same.stderr).toMatch(/同一个文件/);
    expect(readFileSync(examples)).toEqual(before);
    mkdirSync(join(tmp.dir, 'adir'));
    const folder = cli([examples, '--no-assets', '--no-out', '--report-file', 'adir']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/是文件夹/);
  });
});

describe('every input counted', () => {
  let dir: string;
  beforeAll(() => {
    dir = join(tmp.dir, 'batch');
    mkdirSync(dir);
    copyFileSync(join(root, 'examples/records.xlsx'), join(dir, 'a.xlsx'));
    copyFileSync(join(root, 'examples/records.xlsx'), join(dir, 'a.checked.xlsx'));
    copyFileSync(join(root, 'examples/records.xlsx'), join(dir, '~$a.xlsx'));
    writeFileSync(join(dir, 'broken.xlsx'), 'PK\u0003\u0004 not a zip at all');
    writeFileSync(join(dir, 'empty.csv'), '');
  });

  it('pretty: the summary names the skipped and unreadable inputs; exit 2; one sentence per unreadable input on stderr', () => {
    const r = cli([dir, '--no-assets', '--no-out']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('输入 5 个：检查了 1 个，跳过 2 个，2 个无法读取');
    expect(r.stdout).toMatch(/跳过 batch\/a\.checked\.xlsx：cert-check 写出的标注\/修正副本/);
    expect(r.stdout).toMatch(/跳过 batch\/~\$a\.xlsx：Excel\/WPS\/LibreOffice 的临时锁定文件/);
    expect(r.stdout).toMatch(/✖ 无法读取：.*broken\.xlsx/);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('json: unreadable inputs in files with an error, skipped ones beside', () => {
    const doc = JSON.parse(cli([dir, '--no-assets', '--no-out', '--format', 'json']).stdout);
    expect(doc.files.filter((f: { error?: string }) => f.error).map((f: { path: string }) => f.path.replace(/.*\//, ''))).toEqual(['broken.xlsx', 'empty.csv']);
    expect(doc.skipped.map((s: { reason: string }) => s.reason)).toEqual(['own-output', 'lock-file']);
  });

  it('when nothing could be read: JSON still gives its document (contract), pretty only the sentences', () => {
    const bad = join(dir, 'broken.xlsx');
    const json = cli([bad, join(dir, 'empty.csv'), '--no-assets', '--no-out', '--format', 'json']);
    expect(json.code).toBe(2);
    const doc = JSON.parse(json.stdout);
    expect(doc.files.map((f: { error: string }) => f.error)).toEqual([expect.stringMatching(/损坏或不完整/), expect.stringMatching(/文件是空的/)]);
    expect(doc.problems).toEqual([]);
    expect(json.stderr.trim().split('\n')).toHaveLength(2);
    const pretty = cli([bad, '--no-assets', '--no-out']);
    expect(pretty.code).toBe(2);
    expect(pretty.stdout).toBe('');
    expect(pretty.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a file given twice is checked once and counted as skipped', () => {
    const doc = JSON.parse(cli([examples, examples, '--no-assets', '--no-out', '--format', 'json']).stdout);
    expect(doc.summary.files).toBe(1);
    expect(doc.skipped).toEqual([{ path: examples, reason: 'duplicate', message: '与另一个输入是同一个文件（重复给出，或是它的链接），只检查一次' }]);
  });
});

describe('progress', () => {
  it('writes nothing on stderr when stderr is not a terminal', () => {
    const r = cli([examples, '--no-assets', '--no-out']);
    expect(r.stderr).toBe('');
    expect(existsSync(join(tmp.dir, 'records.checked.xlsx'))).toBe(false);
  });
});
