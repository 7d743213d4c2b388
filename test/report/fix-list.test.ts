/** --fix-list: one workbook with every problem of every input; several inputs give one summary. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { FIELD_KEYS, FIELDS, type FieldKey } from '../../src/model/fields.js';
import { writeFixList } from '../../src/report/fix-list.js';
import { FIX_LIST_TEXT } from '../../src/i18n/workbook.js';
import { rowKey } from '../../src/model/record.js';
import { FILLS } from '../../src/report/xlsx/text.js';
import { zipParts } from './package-helpers.js';
import { idFrom } from '../assets/fixtures.js';
import { GOOD_ROW } from '../helpers/records.js';
import { makeTempDir, writeWorkbook } from '../read/files.js';
import { fileResult, finding, ID, mixedFindings, result } from './fixtures.js';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/cert-check.js');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const T = FIX_LIST_TEXT.zh.head;
/** The columns of a one-file list. */
const HEAD = [T.row, T.name, T.cell, T.field, T.severity, T.message, T.value, T.suggestion, T.rule];
/** The columns of a list over several files. */
const HEAD_FILES = [T.file, ...HEAD];

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('writeFixList', () => {
  it('lists every problem grouped by person: row and 姓名, then each problem with cell, message, value and the value to type', async () => {
    const findings = mixedFindings();
    const src = { ...result(findings), names: new Map([[rowKey('records.xlsx', '登记表', 17), '张三'], [rowKey('records.xlsx', '登记表', 20), '李四']]) };
    const path = tmp.file('unit.xlsx');
    expect(await writeFixList(path, src, { lang: 'zh' })).toBe(path);
    const wb = await open(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '汇总']);
    const ws = wb.getWorksheet('问题清单')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:I${findings.length + 1}`);
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(HEAD);
    expect(rows).toHaveLength(findings.length + 1);
    // Reading order, person by person: the file-level problem first, then rows 5, 17, 20.
    expect(rows.slice(1).map((r) => r[0] ?? null)).toEqual([null, 5, 5, 17, 17, 20]);
    const byRow = (n: number) => rows.slice(1).filter((r) => r[0] === n);
    expect(byRow(17).map((r) => r[1])).toEqual(['张三', '张三']);
    expect(byRow(20)[0]).toEqual([20, '李四', 'B20', '身份证号', '错误', expect.stringContaining('校验'), '500224198001011234', undefined, 'id-number']);
    // ID numbers are the clerk's own data here: not masked.
    const lower = byRow(17).find((r) => r[8] === 'id-number-lowercase-x')!;
    expect([lower[6], lower[7]]).toEqual(['11010519491231002x', '11010519491231002X']);
    // Severity fills; the person in bold on the first line of the group, grey on the others.
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const sev = row.getCell(5).value as string;
      const key = sev === '错误' ? 'error' : sev === '警告' ? 'warning' : 'info';
      expect((row.getCell(5).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILLS[key]);
    });
    const first17 = rows.findIndex((r) => r[0] === 17) + 1;
    expect(ws.getRow(first17).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(first17 + 1).getCell(2).font?.color?.argb).toBe('FF808080');
  });

  it('prints as it reads: landscape, fitted to the width, the header on every page, widths that fit, long text wrapped', async () => {
    const path = tmp.file('print.xlsx');
    await writeFixList(path, result(mixedFindings()), { lang: 'zh' });
    const ws = (await open(path)).getWorksheet('问题清单')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    const workbook = (await zipParts(path)).get('xl/workbook.xml')!.data.toString('utf8');
    expect(workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">\'问题清单\'!$1:$1</definedName>');
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(widths[5]).toBeGreaterThanOrEqual(30); // 问题
    expect(widths[0]).toBeLessThanOrEqual(7); // 行号
    expect(ws.getCell('F2').alignment?.wrapText).toBe(true);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('never splits one person\'s problems across two printed pages', async () => {
    const findings = [];
    for (let person = 0; person < 90; person++) {
      for (let k = 0; k < 2 + (person % 5); k++) {
        findings.push(finding({ row: person + 3, column: 'J', data: { found: '〔〕' }, value: `渝职改办〔2019〕${person}号${'，很长的原值'.repeat(k)}` }));
      }
    }
    const path = tmp.file('pages.xlsx');
    await writeFixList(path, result(findings), { lang: 'zh' });
    const sheet = (await zipParts(path)).get('xl/worksheets/sheet1.xml')!.data.toString('utf8');
    const breaks = [...sheet.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBeGreaterThan(3);
    const rowOf = (r: number): number => findings[r - 2]!.row!; // sheet row r holds finding r-2
    for (const b of breaks) expect(rowOf(b + 1), `break after row ${b}`).not.toBe(rowOf(b));
  });

  it('sums up per file and per rule on 汇总, and lists the inputs that could not be read', async () => {
    const findings = [
      finding({ file: 'a.xlsx', row: 3 }), finding({ file: 'a.xlsx', row: 4 }),
      finding({ file: 'b.xlsx', row: 2, rule: 'id-number-lowercase-x', messageId: 'lower', severity: 'warning', data: {} }),
    ];
    const files = [fileResult({ path: 'a.xlsx', sheets: [{ name: '登记表', headerRow: 1, rows: 5 }] }), fileResult({ path: 'b.xlsx', sheets: [{ name: '登记表', headerRow: 1, rows: 2 }] }), fileResult({ path: 'c.xlsx', sheets: [{ name: '登记表', headerRow: 1, rows: 7 }] })];
    const failures = [{ path: 'broken.xlsx', error: new InputError('corrupt-xlsx', { path: 'broken.xlsx', detail: 'zip' }) }];
    await writeFixList(tmp.file('sum.xlsx'), { ...result(findings, files), failures }, { lang: 'zh' });
    const wb = await open(tmp.file('sum.xlsx'));
    expect(rowsOf(wb.getWorksheet('问题清单')!)[0]).toEqual(HEAD_FILES);
    const rows = rowsOf(wb.getWorksheet('汇总')!);
    const find = (first: string) => rows.filter((r) => r[0] === first);
    expect(find('文件数')[0]![1]).toBe(3);
    expect(find('数据行数')[0]![1]).toBe(14);
    expect(find('未能读取的文件')[0]![1]).toContain('broken.xlsx');
    expect(find('a.xlsx')[0]).toEqual(['a.xlsx', 5, 2, 2, 0, 0]);
    expect(find('b.xlsx')[0]).toEqual(['b.xlsx', 2, 0, 0, 1, 0]);
    expect(find('c.xlsx')[0]).toEqual(['c.xlsx', 7, 0, 0, 0, 0]);
    expect(find('approval-no-brackets')[0]).toEqual(['approval-no-brackets', expect.any(String), '错误', 2]);
    expect(find('id-number-lowercase-x')[0]!.slice(2)).toEqual(['警告', 1]);
  });

  it('says all clear when there is no problem', async () => {
    await writeFixList(tmp.file('clean.xlsx'), result([]), { lang: 'en' });
    const wb = await open(tmp.file('clean.xlsx'));
    const e = FIX_LIST_TEXT.en.head;
    expect(rowsOf(wb.getWorksheet('Problems')!)).toEqual([[e.row, e.name, e.cell, e.field, e.severity, e.message, e.value, e.suggestion, e.rule]]);
    expect(rowsOf(wb.getWorksheet('Summary')!).flat()).toContain('All clear, no problems found');
  });

  it('refuses to write over an input', async () => {
    const err = await writeFixList('records.xlsx', result([]), { lang: 'zh' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).id).toBe('output-is-input');
  });
});

describe('a folder of three workbooks through the launcher', () => {
  const dir = join(tmp.dir, 'records');
  const people = [
    { file: 'a.xlsx', name: '张三', id: idFrom('50022419800101123'), approvalNo: '铜职改办【2019】12号' },
    { file: 'a.xlsx', name: '李四', id: idFrom('50011219850203456'), approvalNo: '铜职改办〔2019〕12号' },
    { file: 'b.xlsx', name: '王五', id: '11010519491231002x', approvalNo: '铜职改办【2019】12号' },
    { file: 'b.xlsx', name: '赵六', id: idFrom('50010119900304567'), approvalNo: '铜职改办【2019】12号' },
    { file: 'c.xlsx', name: '钱七', id: idFrom('50010119750506789'), approvalNo: '铜职改办【2019】12号' },
  ];
  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: tmp.dir, encoding: 'utf8', timeout: 60_000 });
  const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
  let json: ReturnType<typeof cli>;
  let doc: { summary: { files: number; rows: number; errors: number }; files: { path: string; annotated: string }[]; problems: { file: string; row: number; rule: string; severity: string; value: string | null }[]; fixList: string };
  const hashes = new Map<string, string>();

  beforeAll(async () => {
    mkdirSync(dir);
    for (const file of ['a.xlsx', 'b.xlsx', 'c.xlsx']) {
      await writeWorkbook(join(dir, file), (wb) => {
        const ws = wb.addWorksheet('登记表');
        ws.addRow(FIELD_KEYS.map((k) => FIELDS[k].header));
        people.filter((p) => p.file === file).forEach((p, i) => {
          const v: Partial<Record<FieldKey, unknown>> = {
            ...GOOD_ROW, name: p.name, idNumber: p.id, birthDate: `${p.id.slice(6, 10)}.${p.id.slice(10, 12)}`, approvalNo: p.approvalNo,
            certNo: `TL2019${file[0]}${i}`, photo: '', attachment: '',
          };
          ws.addRow(FIELD_KEYS.map((k) => v[k] ?? null));
        });
      });
      hashes.set(file, sha(join(dir, file)));
    }
    json = cli(['records', '--no-assets', '--out-dir', 'out', '--fix-list', 'fix.xlsx', '--format', 'json', '--show-pii']);
    doc = JSON.parse(json.stdout);
  });

  it('gives one summary over the three files and one annotated workbook each in --out-dir', () => {
    expect(json.status).toBe(1);
    expect(doc.summary.files).toBe(3);
    expect(doc.summary.rows).toBe(5);
    expect(doc.files.map((f) => f.annotated)).toEqual(['a', 'b', 'c'].map((s) => join(tmp.dir, 'out', `${s}.checked.xlsx`)));
    expect(readdirSync(join(tmp.dir, 'out')).sort()).toEqual(['a.checked.xlsx', 'b.checked.xlsx', 'c.checked.xlsx']);
    expect(doc.problems.some((p) => p.file.endsWith('a.xlsx') && p.row === 3 && p.rule === 'approval-no-brackets')).toBe(true);
    expect(doc.problems.some((p) => p.file.endsWith('b.xlsx') && p.row === 2 && p.rule === 'id-number-lowercase-x')).toBe(true);
    expect(doc.problems.filter((p) => p.file.endsWith('c.xlsx'))).toEqual([]);
    for (const [file, hash] of hashes) expect(sha(join(dir, file)), file).toBe(hash);
  });

  it('writes one fix list with every problem of every input, its 姓名, unmasked values, filter and frozen header', async () => {
    expect(doc.fixList).toBe(join(tmp.dir, 'fix.xlsx'));
    const ws = (await open(join(tmp.dir, 'fix.xlsx'))).getWorksheet('问题清单')!;
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(HEAD_FILES);
    expect(rows).toHaveLength(doc.problems.length + 1);
    expect(ws.autoFilter).toBe(`A1:J${doc.problems.length + 1}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const listed = rows.slice(1).map((r) => `${r[0]}|${r[1]}|${r[9]}`).sort();
    expect(listed).toEqual(doc.problems.map((p) => `${p.file}|${p.row}|${p.rule}`).sort());
    for (const r of rows.slice(1)) {
      const person = people.find((p) => String(r[0]).endsWith(p.file) && people.filter((q) => q.file === p.file).indexOf(p) + 2 === r[1]);
      expect(r[2], String(r)).toBe(person!.name);
    }
    const lower = rows.find((r) => r[9] === 'id-number-lowercase-x')!;
    expect(lower[7]).toBe('11010519491231002x');
  });

  it('prints one summary for the whole run in the pretty report, and names the fix list', () => {
    const r = cli(['records', '--no-assets', '--out-dir', 'out2', '--fix-list', 'fix2.xlsx']);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l === '汇总')).toHaveLength(1);
    expect(r.stdout).toContain('检查了 3 个文件，5 行数据');
    expect(r.stdout).toContain('已写出问题清单：fix2.xlsx');
    expect(existsSync(join(tmp.dir, 'fix2.xlsx'))).toBe(true);
  });

  it('a fix list saved in the records folder is not taken for records by the next run', async () => {
    const inFolder = join(dir, '问题清单.xlsx');
    try {
      for (const run of [1, 2]) {
        const r = cli(['records', '--no-assets', '--no-out', '--fix-list', inFolder, '--format', 'json']);
        expect(r.status, `run ${run}: ${r.stderr}`).toBe(1);
        const d = JSON.parse(r.stdout) as typeof doc;
        expect(d.summary.files, `run ${run}`).toBe(3);
      }
      const wb = await open(inFolder);
      expect(wb.category).toBe('cert-check 问题清单');
    } finally {
      rmSync(inFolder, { force: true });
    }
  });

  it.each([
    [['records/a.xlsx', '--fix-list', 'records/a.xlsx'], /同一个文件/],
    [['records', '--fix-list', 'records/b.xlsx'], /同一个文件/],
    [['records', '--fix-list', 'list.csv'], /\.xlsx 结尾/],
  ])('refuses %j before writing anything (exit 2, one sentence)', (args, message) => {
    const r = cli([...args, '--no-assets', '--out-dir', 'refused']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(tmp.dir, 'refused'))).toBe(false);
    for (const [file, hash] of hashes) expect(sha(join(dir, file)), file).toBe(hash);
  });
});
