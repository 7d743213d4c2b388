/**
 * Every input format through the real launcher (bin/ → dist/, so .xls/.ods are parsed in their reading process under its
 * limits): every format of a folder is checked and every skipped file named, JSON on stdout is one document
 * even when every input fails, --delimiter, and the reading process's time and heap limits (more of those in
 * ./reading-process.test.ts).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';
import { expectNoTrace, expectRefusal, expectReport, runCli, tempDir, type CliRun } from '../hostile/cli.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/formats');
const dir = tempDir('formats-cli');
afterAll(async () => (await import('node:fs')).rmSync(dir, { recursive: true, force: true }));

interface Doc {
  summary: { files: number; rows: number; errors: number };
  files: { path: string; sheet: string | null; rows: number; format?: string; error?: string; errorId?: string; annotated: string | null }[];
  problems: { file: string; rule: string; row: number; column: string }[];
  skipped?: { path: string; reason: string; message: string; folder?: boolean }[];
  otherFiles?: number;
  failures?: { path: string; message: string }[];
}

/** Rules that compare rows with each other (across the files of a run). */
const CROSS_ROW = new Set(['duplicate-certificate', 'cert-no-one-person', 'same-id-same-person']);

/** Exit 2 because an input could not be read, yet exactly one JSON document on stdout. */
function expectFailedJson(r: CliRun): Doc {
  expect(r.signal, r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(2);
  expectNoTrace(r.stderr);
  return JSON.parse(r.stdout) as Doc;
}

describe('a folder of every kind of spreadsheet, with sub-folders', () => {
  const batch = join(dir, 'batch');
  let json: CliRun;
  let pretty: CliRun;
  beforeAll(async () => {
    mkdirSync(join(batch, '补登', '2019'), { recursive: true });
    mkdirSync(join(batch, '.backup'));
    copyFileSync(join(FIXTURES, 'records.xlsx'), join(batch, 'd.xlsx'));
    copyFileSync(join(FIXTURES, 'records.xls'), join(batch, 'a.xls'));
    copyFileSync(join(FIXTURES, 'records.ods'), join(batch, 'b.ods'));
    copyFileSync(join(FIXTURES, 'records.xls'), join(batch, 'c.et'));
    copyFileSync(join(FIXTURES, 'scenario-utf16le.txt'), join(batch, '补登', 'unicode.txt'));
    copyFileSync(join(FIXTURES, 'scenario-semicolon.csv'), join(batch, '补登', '2019', 'e.csv'));
    copyFileSync(join(FIXTURES, 'records.xlsx'), join(batch, '.backup', 'old.xlsx'));
    copyFileSync(join(FIXTURES, 'records.xlsx'), join(batch, 'd.checked.xlsx'));
    writeFileSync(join(batch, '~$d.xlsx'), 'lock');
    writeFileSync(join(batch, '说明.txt'), '五月底前交齐。\n');
    writeFileSync(join(batch, '通知.docx'), 'PK');
    writeFileSync(join(batch, '500224198001011235.jpg'), 'jpg');
    json = await runCli([batch, '--format', 'json', '--no-assets', '--out-dir', join(dir, 'out')], { timeoutMs: 60_000 });
    pretty = await runCli([batch, '--no-assets', '--no-out'], { timeoutMs: 60_000 });
  }, 120_000);

  it('checks all six inputs, each by its content', () => {
    const doc = expectReport<Doc>(json);
    const byName = new Map(doc.files.map((f) => [f.path.slice(batch.length + 1), f.format]));
    expect(Object.fromEntries(byName)).toEqual({
      'a.xls': 'xls', 'b.ods': 'ods', 'c.et': 'xls', 'd.xlsx': 'xlsx', [join('补登', '2019', 'e.csv')]: 'csv', [join('补登', 'unicode.txt')]: 'csv',
    });
    expect(doc.summary.files).toBe(6);
    // The four copies of the same records give the same problems of their rows (cross-file rules aside:
    // the later copies repeat the certificates of the first).
    const own = (n: string) => doc.problems.filter((p) => p.file.endsWith(n) && !CROSS_ROW.has(p.rule)).map((p) => `${p.rule}@${p.row}${p.column}`).sort();
    expect(own('d.xlsx').length).toBeGreaterThan(10);
    for (const n of ['a.xls', 'b.ods', 'c.et']) expect(own(n), n).toEqual(own('d.xlsx'));
    // Each annotated copy is an .xlsx; a.xls and c.et keep apart from d.xlsx.
    for (const n of ['a', 'b', 'c', 'd']) expect(existsSync(join(dir, 'out', `${n}.checked.xlsx`))).toBe(true);
  });

  it('names every skipped file with its reason in the JSON, and counts the photos', () => {
    const doc = expectReport<Doc>(json);
    expect(doc.skipped!.map((s) => [s.path.slice(batch.length + 1), s.reason])).toEqual([
      ['d.checked.xlsx', 'own-output'], ['~$d.xlsx', 'lock-file'], ['说明.txt', 'text-no-header'], ['通知.docx', 'not-spreadsheet'], ['.backup', 'hidden-folder'],
    ]);
    for (const s of doc.skipped!) expect(s.message).toMatch(/[\u4e00-\u9fff]/);
    expect(doc.otherFiles).toBe(1);
  });

  it('names them in the terminal report too', () => {
    expect(pretty.code).toBe(1);
    const out = pretty.stdout;
    expect(out).toContain('输入 11 个：检查了 6 个，跳过 5 个');
    for (const name of ['d.checked.xlsx', '~$d.xlsx', '说明.txt', '通知.docx', '.backup']) expect(out).toContain(name);
    expect(out).toContain('cert-check 写出的标注/修正副本');
    expect(out).toContain('另有 1 个照片、PDF 等文件不是登记表');
  });
});

describe('JSON on stdout is one document, also when inputs fail', () => {
  it('when every input fails: each listed with its error, exit 2, one sentence per input on stderr', async () => {
    const broken = join(dir, 'broken.xls');
    writeFileSync(broken, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    const r = await runCli([join(dir, 'nowhere.xlsx'), broken, '--format', 'json', '--no-assets']);
    const doc = expectFailedJson(r);
    expect(doc.summary.files).toBe(0);
    expect(doc.problems).toEqual([]);
    expect(doc.files.map((f) => [f.path.replace(/.*[\\/]/, ''), f.errorId])).toEqual([['nowhere.xlsx', 'missing-path'], ['broken.xls', 'corrupt-xls']]);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(doc.files[0]!.error);
    expect(lines[1]).toContain(doc.files[1]!.error);
  });

  it('when some inputs fail: the others are checked and reported, exit 2', async () => {
    const r = await runCli([join(FIXTURES, 'records.xls'), join(dir, 'nowhere.ods'), '--format', 'json', '--no-assets', '--no-out']);
    const doc = expectFailedJson(r);
    expect(doc.summary.files).toBe(1);
    expect(doc.problems.length).toBeGreaterThan(10);
    expect(doc.files.filter((f) => f.error).map((f) => f.errorId)).toEqual(['missing-path']);
    expect(doc.failures).toHaveLength(1);
  });

  it('a folder holding only cert-check outputs: the skipped files explain the refusal', async () => {
    const only = join(dir, 'only-outputs');
    mkdirSync(only);
    copyFileSync(join(FIXTURES, 'records.xlsx'), join(only, 'records.checked.xlsx'));
    const doc = expectFailedJson(await runCli([only, '--format', 'json', '--no-assets']));
    expect(doc.files).toMatchObject([{ path: only, errorId: 'no-inputs' }]);
    expect(doc.files[0]!.error).toMatch(/没有 \.xlsx\/\.xls\/\.et\/\.ods\/\.csv.*跳过了 1 个文件.*请把登记表放进这个文件夹，或直接写出要检查的文件名。/);
    expect(doc.skipped).toMatchObject([{ reason: 'own-output' }]);

    const pretty = await runCli([only, '--no-assets']);
    expect(pretty.code).toBe(2);
    expect(pretty.stdout).toContain('records.checked.xlsx');
    expect(pretty.stderr.trim().split('\n')).toHaveLength(1);
    expect(pretty.stderr).toMatch(/^cert-check: .*没有 .*登记表/);
  });
});

describe('--delimiter and --encoding', () => {
  it('--delimiter overrides the delimiter found in the header line', async () => {
    const ok = await runCli([join(FIXTURES, 'scenario.tsv'), '--delimiter', 'tab', '--format', 'json', '--no-assets', '--no-out']);
    expect(expectReport<Doc>(ok).summary.rows).toBeGreaterThan(30);
    // Told the wrong delimiter, the file has no header row: refused, and the sentence says what to do.
    expectRefusal(await runCli([join(FIXTURES, 'scenario.tsv'), '--delimiter', ';', '--no-assets', '--no-out']), /没有找到表头行/);
  });

  it('an unknown --delimiter is refused before any work', async () => {
    expectRefusal(await runCli([join(FIXTURES, 'scenario.tsv'), '--delimiter', 'space', '--no-assets']), /不认识的分隔符.*--delimiter 可用/);
  });

  it('--encoding reads UTF-16 text without a byte-order mark', async () => {
    const noBom = join(dir, 'nobom.txt');
    const { readFileSync } = await import('node:fs');
    writeFileSync(noBom, readFileSync(join(FIXTURES, 'scenario-utf16le.txt')).subarray(2));
    expectRefusal(await runCli([noBom, '--no-assets', '--no-out']));
    const r = await runCli([noBom, '--encoding', 'utf-16le', '--format', 'json', '--no-assets', '--no-out']);
    expect(expectReport<Doc>(r).summary.rows).toBeGreaterThan(30);
  });

  it('the help names the new inputs and --delimiter', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toContain('--delimiter');
    expect(r.stdout).toMatch(/\.xls .*\.et .*\.ods/);
    expect(r.stdout).toContain('utf-16le');
  });
});

describe('the reading process bounds the parse of an .xls/.ods', () => {
  it('in time: past CERT_CHECK_READ_TIMEOUT_S the read is stopped with a sentence', async () => {
    const r = await runCli([join(FIXTURES, 'records.ods'), '--no-assets', '--no-out'], { env: { CERT_CHECK_READ_TIMEOUT_S: '0.001' } });
    expectRefusal(r, /超过 0\.001 秒.*另存为 \.xlsx/);
  });

  it('in memory: past the heap limit the read is stopped with a sentence', async () => {
    const rows = [['姓名', '身份证号', '职称名称', '批准文号'], ...Array.from({ length: 3000 }, (_, i) => [`张三${i}`, '500224198001011235', `工程师${i}`, `铜职改办【2019】${i}号`])];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { dense: true }), '登记表');
    const path = join(dir, 'rows3000.xls');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    // The reading process's heap is its own: runCli's --max-old-space-size=512 does not reach it. On a worker
    // thread this ended in SIGABRT about one run in three (nodejs/node#47224); in a process it is a sentence.
    expectRefusal(await runCli([path, '--no-assets', '--no-out'], { env: { CERT_CHECK_READER_HEAP_MB: '8' } }), /过大.*heap > 8 MB/);
    // Under the cap sized for it, the same file reads.
    expect((await runCli([path, '--no-assets', '--no-out'])).code).toBe(1);
  });

  it.each(['records.xls', 'records.ods'])('%s: the same report with CERT_CHECK_THREADS=0 (which concerns the .xlsx thread only)', async (name) => {
    const args = [join(FIXTURES, name), '--format', 'json', '--no-assets', '--no-out'];
    const [threaded, plain] = [await runCli(args), await runCli(args, { env: { CERT_CHECK_THREADS: '0' } })];
    const a = expectReport<Doc>(threaded);
    expect(a.problems.length).toBeGreaterThan(10);
    expect(a).toEqual(expectReport<Doc>(plain));
  });
});
