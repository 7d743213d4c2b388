/**
 * Through the real CLI: ID numbers are masked in every form on every stream unless
 * --show-pii — the 身份证号 value whole whatever it looks like (17 or 19 digits, the 15-digit first
 * generation, full-width, with spaces or hyphens, too short), and any run of 14 or more digits in messages,
 * naming-convention hints, paths and stderr sentences. The cache keeps no absolute path and forgets files
 * that are gone.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJsonRefusal, expectNoTrace, expectRefusal, expectReport, runCli, tempDir } from './cli.js';
import { IDS, rows, scene, workbook, type Scene } from './scene.js';

const FULL_WIDTH = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The malformed and odd forms of an ID a clerk's sheet really holds, each on its own row. */
const FORMS: [name: string, value: string][] = [
  ['17 digits', '50022419800101123'],
  ['19 digits', '5002241980010112356'],
  ['15-digit first generation', '500224800101123'],
  ['full-width', FULL_WIDTH('500224198001011235')],
  ['spaces', '500224 19800101 1235'],
  ['hyphens', '500224-1980-0101-1235'],
  ['lower-case x', '11010519491231002x'],
  ['12 digits (too short for the shape, masked as the field)', '500224198001'],
  ['letters', 'AB0224198001011C'],
  ['dots', '500224.19800101.1235'],
  ['double spaces', '500224  19800101  1235'],
];

/**
 * Digits of `text` an observer can read as one number: full-width digits made ASCII, one or two spaces,
 * hyphens or dots between digits dropped. Written apart from src/util/id-number.ts on purpose.
 */
function readableRuns(text: string): string[] {
  const ascii = text.replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  return [...ascii.matchAll(/\d(?:[ \u3000.-]{0,2}\d)*/g)].map((m) => m[0].replace(/[^\d]/g, ''));
}

function expectNoIdOn(stream: string): void {
  for (const run of readableRuns(stream)) expect(run.length, `a run of ${run.length} digits: ${run.slice(0, 4)}…`).toBeLessThan(14);
  for (const [, v] of FORMS) expect(stream).not.toContain(v);
}

describe('ID numbers in every form, masked on stdout and stderr', () => {
  let s: Scene;
  let input: string;
  beforeAll(async () => {
    s = await scene('pii-forms');
    // One row per form; no photo/attachment cells, so that the naming convention is tried with each ID.
    const data = FORMS.map(([, v], i) => {
      const r = rows([IDS[i % 3]!])[0]!;
      r[1] = v;
      r[17] = '';
      r[18] = '';
      return r;
    });
    input = await workbook(join(s.dir, 'forms.xlsx'), data);
  });
  afterAll(() => rmSync(s.dir, { recursive: true, force: true }));

  it.each([
    ['pretty', ['--format', 'pretty']],
    ['pretty, English', ['--format', 'pretty', '--lang', 'en']],
    ['json', ['--format', 'json']],
    ['github', ['--format', 'github']],
    ['junit', ['--format', 'junit']],
    ['csv', ['--format', 'csv']],
    ['tsv', ['--format', 'tsv', '--quiet']],
  ])('%s', async (_name, args) => {
    const r = await runCli([input, '--assets', s.assets, '--no-out', ...args], { cwd: s.dir });
    expect([0, 1], r.stderr).toContain(r.code);
    expectNoIdOn(r.stdout);
    expectNoIdOn(r.stderr);
    expect(r.stdout).toMatch(/500224[ -]?\*{4}/); // masked, but there
  });

  it('JSON: the value of every 身份证号 problem is masked whole, and the naming hints too', async () => {
    const r = await runCli([input, '--assets', s.assets, '--no-out', '--format', 'json'], { cwd: s.dir });
    const doc = expectReport<{ problems: { field: string | null; rule: string; value: string | null; message: string; suggestion: string | null }[] }>(r);
    const idProblems = doc.problems.filter((p) => p.field === 'idNumber');
    expect(idProblems.length).toBeGreaterThanOrEqual(FORMS.length - 2); // the two spaced forms are read as the ID
    for (const p of idProblems) {
      expect((p.value ?? '').split('*').length - 1).toBeGreaterThanOrEqual(Math.min(8, (p.value ?? '').length));
      expect((p.value ?? '').replace(/[^0-9\uFF10-\uFF19A-Za-z]/g, '').length).toBeLessThanOrEqual(10);
    }
    const hints = doc.problems.filter((p) => p.rule === 'photo-file');
    expect(hints.length).toBeGreaterThan(0);
    for (const h of hints) expect(h.message).not.toMatch(/\d{14}/);
  });

  it('the --cards index page (who got no sheet, and why) masks each 身份证号 whole, and the file names', async () => {
    const named = join(s.dir, `${FORMS[0]![1]}00.xlsx`);
    writeFileSync(named, readFileSync(input));
    const cards = join(s.dir, 'cards');
    const r = await runCli([named, '--assets', s.assets, '--no-out', '--cards', cards, '--format', 'json'], { cwd: s.dir });
    const doc = expectReport<{ cards: { index: string; missing: { idNumber: string }[] } }>(r);
    expectNoIdOn(r.stdout);
    expect(doc.cards.missing.length).toBe(FORMS.length);
    const index = readFileSync(doc.cards.index, 'utf8');
    expectNoIdOn(index);
    expect(index).toContain('500224.********.1235');
    expect(index).toContain('5002********');
    rmSync(cards, { recursive: true, force: true });
  });

  it('--show-pii prints them as typed', async () => {
    const r = await runCli([input, '--assets', s.assets, '--no-out', '--format', 'json', '--show-pii'], { cwd: s.dir });
    expectReport(r);
    for (const [, v] of FORMS.slice(0, 3)) expect(r.stdout).toContain(v);
  });
});

describe('stderr: every sentence masked', () => {
  const dir = tempDir('pii-stderr');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const named = (id: string): string => join(dir, `${id}.xlsx`);

  it('an input named by an ID that cannot be read', async () => {
    writeFileSync(named(IDS[0]!), '');
    const r = await runCli([named(IDS[0]!), '--no-assets'], { cwd: dir });
    expectRefusal(r, /是空的/);
    expect(r.stderr).toContain(`${IDS[0]!.slice(0, 6)}********${IDS[0]!.slice(14)}.xlsx`);
    expectNoIdOn(r.stderr);
  });

  it('several failing inputs beside a good one: the report, then one masked sentence each', async () => {
    writeFileSync(named(IDS[1]!), 'not a spreadsheet at all, just text that goes on\n'.repeat(3));
    const good = await workbook(join(dir, 'good.xlsx'), rows([IDS[2]!]));
    const r = await runCli([named(IDS[0]!), named(IDS[1]!), good, '--no-assets', '--no-out', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expectNoTrace(r.stderr);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expectNoIdOn(r.stderr);
    expectNoIdOn(r.stdout);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
  });

  it('every input failing, --format json: one document, masked, and the sentence', async () => {
    const r = await runCli([named(IDS[0]!), '--no-assets', '--format', 'json'], { cwd: dir });
    expectJsonRefusal(r, /是空的/);
    expectNoIdOn(r.stdout);
  });

  it('a folder named by an ID that does not exist (--assets), and an output refused', async () => {
    const good = await workbook(join(dir, 'good2.xlsx'), rows([IDS[2]!]));
    const a = await runCli([good, '--assets', join(dir, IDS[1]!)], { cwd: dir });
    expectRefusal(a, /找不到/);
    expectNoIdOn(a.stderr);
    mkdirSync(join(dir, `${IDS[0]}.xlsx.d`));
    const b = await runCli([good, '-o', join(dir, `${IDS[0]}.xlsx.d`), '--no-assets'], { cwd: dir });
    expectRefusal(b, /文件夹/);
    expectNoIdOn(b.stderr);
  });

  it('committees: a row pasted whole as the query is echoed masked (in full with --show-pii)', async () => {
    const query = `张三 ${IDS[0]} 重庆市工程技术中级职务铜梁区评审委员会`;
    const r = await runCli(['committees', query], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${IDS[0]!.slice(0, 6)}********${IDS[0]!.slice(14)}`);
    expectNoIdOn(r.stdout);
    expect((await runCli(['--show-pii', 'committees', query], { cwd: dir })).stdout).toContain(IDS[0]);
  });

  it('--show-pii shows them on stderr too', async () => {
    const r = await runCli([named(IDS[0]!), '--no-assets', '--show-pii'], { cwd: dir });
    expect(r.stderr).toContain(IDS[0]!);
  });
});

describe('the cache', () => {
  it('keeps paths relative to the assets folder (no absolute path, no folder above it) and forgets files that are gone', async () => {
    const s = await scene('pii-cache');
    const cache = join(s.dir, 'cache.json');
    expectReport(await runCli([s.input, '--assets', s.assets, '--no-out', '--format', 'json', '--cache', cache], { cwd: s.dir }));
    const first = JSON.parse(readFileSync(cache, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(first.entries).sort()).toEqual(s.ids.flatMap((id) => [`${id}.jpg`, `${id}.pdf`]).sort());
    expect(readFileSync(cache, 'utf8')).not.toContain(s.dir);
    // One person's files leave the folder: the next run drops them from the cache.
    mkdirSync(join(s.dir, 'elsewhere'));
    for (const ext of ['jpg', 'pdf']) renameSync(join(s.assets, `${s.ids[0]}.${ext}`), join(s.dir, 'elsewhere', `${s.ids[0]}.${ext}`));
    expectReport(await runCli([s.input, '--assets', s.assets, '--no-out', '--format', 'json', '--cache', cache], { cwd: s.dir }));
    const second = JSON.parse(readFileSync(cache, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(second.entries).some((k) => k.includes(s.ids[0]!))).toBe(false);
    expect(Object.keys(second.entries)).toHaveLength(4);
    rmSync(s.dir, { recursive: true, force: true });
  });
});

describe('maskIds / maskIdValue (the functions every reporter calls)', () => {
  it.each([
    ['500224198001011235', '500224********1235'],
    ['11010519491231002X', '110105********002X'],
    ['照片 500224198001011235.jpg', '照片 500224********1235.jpg'],
    ['50022419800101123', '500224********123'],
    ['500224800101123', '500224********3'],
    ['500224 19800101 1235', '500224 ******** 1235'],
    ['500224-1980-0101-1235', '500224-****-****-1235'],
    [FULL_WIDTH('500224198001011235'), `${FULL_WIDTH('500224')}********${FULL_WIDTH('1235')}`],
  ])('masks %s', async (text, masked) => {
    const { maskIds } = await import('../../src/util/id-number.js');
    expect(maskIds(text)).toBe(masked);
  });

  it.each([
    '第 12、13、14 行', '2019年12月20日', '1,234,567,890,123', '电话 13800000000', '渝职改办【2019】125号', '204,800 字节',
  ])('leaves %s alone (under 14 digits in a run)', async (text) => {
    const { maskIds } = await import('../../src/util/id-number.js');
    expect(maskIds(text)).toBe(text);
  });

  it('masks a whole 身份证号 value of any form, at least 8 characters hidden', async () => {
    const { maskIdValue } = await import('../../src/util/id-number.js');
    expect(maskIdValue('500224198001011235')).toBe('500224********1235');
    expect(maskIdValue('500224198001')).toBe('5002********');
    expect(maskIdValue('12345')).toBe('*****');
  });
});

describe('internal errors on stderr', () => {
  it('the sentence of an unexpected error is masked like every stderr line', async () => {
    const { failureText, stderrWriter } = await import('../../src/cli/main.js');
    const text = failureText(new Error(`ENOENT: no such file, open '/data/${IDS[0]}.jpg'\n    at somewhere`), 'zh');
    expect(text).toBe(`cert-check: 内部错误（ENOENT: no such file, open '/data/${IDS[0]}.jpg'）。请把所用命令和文件情况反馈给维护人员。\n`);
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => written.push(chunk)) as typeof process.stderr.write;
    try {
      stderrWriter(false)(text);
      stderrWriter(true)(text);
    } finally {
      process.stderr.write = original;
    }
    expectNoIdOn(written[0]!);
    expect(written[0]).toContain(`${IDS[0]!.slice(0, 6)}********${IDS[0]!.slice(14)}.jpg`);
    expect(written[1]).toContain(IDS[0]);
  });
});
