/**
 * The corpus of hostile and broken inputs, generated into a temp folder (nothing is committed).
 * Each case names the file, the extra CLI arguments, and what the run must end in: a report (exit 0/1) or
 * a refusal (exit 2 with one sentence), with an optional look at the JSON report or the annotated workbook.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOle2 } from '../read/files.js';
import { FORMAT_CASES } from './formats.js';
import {
  EXCEL_MAX_COLS, GOOD_VALUES, HEADERS, buildMillionRows, buildZipBomb, col, esc, rowXml, writeXlsx,
} from './builders.js';

export interface JsonReport {
  version: number;
  summary: { files: number; rows: number; errors: number; warnings: number; infos: number };
  files: { path: string; sheet: string; headerRow: number; rows: number; annotated: string | null; notices?: unknown[] }[];
  problems: { file: string; sheet: string; row: number | null; column: string | null; field: string | null; rule: string; severity: string; message: string; value?: string | null }[];
}

export interface HostileCase {
  name: string;
  /** Writes the input into `dir`; returns its path. */
  build(dir: string): Promise<string> | string;
  /** Extra CLI arguments (the test adds --format json, --no-assets and the output choice). */
  args?: string[];
  expect: 'report' | 'refuse';
  /** For a refusal: a fragment of the sentence. */
  says?: RegExp;
  /** For a report: what it must say. */
  check?(report: JsonReport, annotated: string | null): void | Promise<void>;
}

/** A one-sheet workbook of the canonical header (row 1) and the given data rows (from row 2). */
function simple(dir: string, name: string, rows: unknown[][], opts: { headers?: unknown[]; after?: string } = {}): Promise<string> {
  const path = join(dir, name);
  const xml = [rowXml(1, opts.headers ?? HEADERS), ...rows.map((r, i) => rowXml(i + 2, r))];
  return writeXlsx(path, xml, { after: opts.after }).then(() => path);
}

function good(over: Record<number, unknown> = {}): unknown[] {
  const v: unknown[] = [...GOOD_VALUES];
  for (const [i, x] of Object.entries(over)) v[Number(i)] = x;
  return v;
}

/** Text that a spreadsheet program would run as a formula if it were written as one. */
export const FORMULA_LIKE = ['=1+1', '+8613800000000', '-2+3', '@SUM(A1:A2)', '=HYPERLINK("http://example.invalid/","点我")', '=cmd|\' /C calc\'!A0'];

const CONTROL = 'a\u0001b\u0007c\u001bd\u0008e';

export const CASES: HostileCase[] = [
  { name: 'empty file', build: (d) => write(d, 'empty.xlsx', Buffer.alloc(0)), expect: 'refuse', says: /空/ },
  {
    name: 'random bytes',
    build: (d) => write(d, 'random.xlsx', Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919 + 13) % 251))),
    expect: 'refuse',
    says: /不是 \.xlsx 或 \.csv/,
  },
  {
    name: 'truncated zip',
    build: async (d) => {
      const full = await simple(d, 'whole.xlsx', [good()]);
      const { readFileSync } = await import('node:fs');
      const bytes = readFileSync(full);
      return write(d, 'truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    },
    expect: 'refuse',
    says: /损坏或不完整/,
  },
  { name: 'an .xls with an empty Workbook stream', build: (d) => ole(d, 'old.xls', ['Workbook', '\u0005SummaryInformation']), expect: 'refuse', says: /97-2003/ },
  {
    name: 'encrypted .xlsx (OLE2 container)',
    build: (d) => ole(d, 'encrypted.xlsx', ['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
    expect: 'refuse',
    says: /密码/,
  },
  {
    name: 'zip bomb: 300 MB sheet in ~300 KB',
    build: async (d) => {
      const p = join(d, 'bomb.xlsx');
      await buildZipBomb(p, { mb: 300, kind: 'cell' });
      return p;
    },
    expect: 'refuse',
    says: /过大.*ratio/,
  },
  {
    name: 'zip bomb whose zip headers lie about the size',
    build: async (d) => {
      const p = join(d, 'bomb-lying.xlsx');
      await buildZipBomb(p, { mb: 300, kind: 'cell', lie: true });
      return p;
    },
    expect: 'refuse',
    says: /过大.*zip bomb/,
  },
  {
    name: 'zip bomb of repeated rows, lying',
    build: async (d) => {
      const p = join(d, 'bomb-rows.xlsx');
      await buildZipBomb(p, { mb: 200, kind: 'rows', lie: true });
      return p;
    },
    expect: 'refuse',
    says: /过大/,
  },
  {
    name: '1,048,576 rows with --max-rows 1000',
    build: million,
    args: ['--max-rows', '1000'],
    expect: 'refuse',
    says: /超过 1000 行/,
  },
  {
    name: '1,048,576 rows with the default --max-rows',
    build: million,
    expect: 'refuse',
    says: /超过 500000 行/,
  },
  {
    name: '16,384 columns',
    build: (d) => {
      const headers: unknown[] = [...HEADERS];
      const row: unknown[] = good();
      for (let c = HEADERS.length + 1; c <= EXCEL_MAX_COLS; c++) {
        headers.push(`备注${c}`);
        row.push(c % 2 ? `x${c}` : c);
      }
      return simple(d, 'wide.xlsx', [row, good({ 0: '李四' })], { headers });
    },
    expect: 'report',
    check: async (report, annotated) => {
      if (report.summary.rows !== 2) throw new Error(`rows ${report.summary.rows}`);
      const ws = await firstSheet(annotated!);
      if (ws.getRow(2).getCell(EXCEL_MAX_COLS).value !== `x${EXCEL_MAX_COLS - 1}` && ws.getRow(2).getCell(EXCEL_MAX_COLS).value !== EXCEL_MAX_COLS) {
        throw new Error(`XFD2 = ${String(ws.getRow(2).getCell(EXCEL_MAX_COLS).value)}`);
      }
    },
  },
  {
    name: 'a 2 MB cell',
    build: (d) => simple(d, 'long-cell.xlsx', [good({ 19: '长'.repeat(2 * 1024 * 1024 / 3) }), good({ 0: '李四', 2: '甲'.repeat(700_000) })], { headers: [...HEADERS, '备注'] }),
    expect: 'report',
    check: async (report, annotated) => {
      if (report.summary.rows !== 2) throw new Error(`rows ${report.summary.rows}`);
      // The annotated copy is the input's own workbook: the cell stays as the input holds it, however long.
      const ws = await firstSheet(annotated!);
      const kept = String(ws.getRow(2).getCell(20).value);
      if (kept !== '长'.repeat(2 * 1024 * 1024 / 3)) throw new Error(`T2 holds ${kept.length} characters`);
      if (ws.getRow(3).getCell(1).value !== '李四') throw new Error('row 3 lost');
    },
  },
  {
    name: 'formulas without cached values',
    build: (d) => simple(d, 'formulas.xlsx', [
      good({ 0: { f: 'CONCATENATE("张","三")' }, 12: { f: 'TEXT(DATE(2019,12,20),"yyyy-mm-dd")' } }),
      good({ 0: { f: '"李"&"四"', v: '李四' } }),
    ]),
    expect: 'report',
    check: (report) => {
      const notices = JSON.stringify(report);
      if (!/formula|公式/.test(notices)) throw new Error('no word about the formulas without a result');
    },
  },
  {
    name: 'cells beginning with = + - @ (.xlsx)',
    build: (d) => simple(d, 'formula-like.xlsx', FORMULA_LIKE.map((t, i) => good({ 0: `人${i}`, 19: t, 7: t })), { headers: [...HEADERS, '备注'] }),
    expect: 'report',
    check: async (_report, annotated) => {
      await expectTextCells(annotated!, FORMULA_LIKE.map((t, i) => ({ row: i + 2, col: 20, text: t })));
      await expectTextCells(annotated!, FORMULA_LIKE.map((t, i) => ({ row: i + 2, col: 8, text: t })));
    },
  },
  {
    name: 'cells beginning with = + - @ (.csv)',
    build: (d) => csv(d, 'formula-like.csv', [[...HEADERS, '备注'], ...FORMULA_LIKE.map((t, i) => good({ 0: `人${i}`, 19: t, 7: t }))]),
    expect: 'report',
    check: async (_report, annotated) => {
      await expectTextCells(annotated!, FORMULA_LIKE.map((t, i) => ({ row: i + 2, col: 20, text: t })));
    },
  },
  {
    name: 'control characters in a CSV',
    build: (d) => csv(d, 'control.csv', [HEADERS, good({ 0: CONTROL, 7: `铜职改办【2019】\u000b12号` }), good({ 0: '李四' })]),
    expect: 'report',
    check: async (report, annotated) => {
      if (report.summary.rows !== 2) throw new Error(`rows ${report.summary.rows}`);
      // XML 1.0 cannot hold U+0000–U+001F but tab/LF/CR: the workbook keeps every other character.
      const ws = await firstSheet(annotated!);
      const name = String(ws.getRow(2).getCell(1).value);
      if (name.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '') !== CONTROL.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')) throw new Error(`A2 = ${JSON.stringify(name)}`);
    },
  },
  {
    name: 'NUL bytes at the start of a CSV',
    build: (d) => write(d, 'nul.csv', Buffer.from(`姓名\u0000,身份证号,职称名称\n张三,500224198001011235,工程师\n`, 'utf8')),
    expect: 'refuse',
  },
  {
    name: 'invalid UTF-8 inside a CSV',
    check: (report) => {
      if (report.files[0]?.headerRow !== 1 || report.summary.rows !== 2) throw new Error(`header ${report.files[0]?.headerRow}, rows ${report.summary.rows}`);
      if (!/UTF-8/.test(JSON.stringify(report))) throw new Error('the bad bytes are not mentioned');
    },
    build: (d) => write(d, 'bad-utf8.csv', Buffer.concat([
      Buffer.from(`${HEADERS.join(',')}\n${good().join(',')}\n`, 'utf8'),
      Buffer.from(good({ 0: '李' }).join(','), 'utf8'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]),
    ])),
    expect: 'report',
  },
  {
    name: 'ragged CSV rows',
    build: (d) => write(d, 'ragged.csv', `${HEADERS.join(',')}\n${good().join(',')}\n张四,500224198001011235\n${good({ 0: '王五' }).join(',')},多,出,来,的\n\n,\n`),
    expect: 'report',
    check: (report) => {
      if (report.summary.rows < 3) throw new Error(`rows ${report.summary.rows}`);
    },
  },
  {
    name: 'unbalanced quotes in a CSV',
    build: (d) => write(d, 'quotes.csv', `${HEADERS.join(',')}\n${good().join(',')}\n"张"三,500224198001011235\n"李四,500224198001011235,工程师\n${good({ 0: '王五' }).join(',')}\n`),
    expect: 'refuse',
    says: /引号|quote|损坏/,
  },
  {
    name: 'duplicate headers',
    build: (d) => simple(d, 'dup-headers.xlsx', [good({ 19: '另一个名字' })], { headers: [...HEADERS, '姓名'] }),
    expect: 'report',
    check: (report) => {
      if (!/duplicate-header|重复/.test(JSON.stringify(report))) throw new Error('the duplicate header is not mentioned');
      if (report.summary.rows !== 1) throw new Error(`rows ${report.summary.rows}`);
    },
  },
  {
    name: 'two header rows (a group row above the field names)',
    build: (d) => {
      const path = join(d, 'two-header-rows.xlsx');
      const group = ['基本信息', '', '', '职称信息', '', '', '', '', '', '', '', '', '时间', '', '机构', '', '', '文件'];
      return writeXlsx(path, [rowXml(1, ['铜梁区职称电子证书登记表']), rowXml(2, group), rowXml(3, HEADERS), rowXml(4, good()), rowXml(5, good({ 0: '李四' }))]).then(() => path);
    },
    expect: 'report',
    check: (report) => {
      if (report.files[0]?.headerRow !== 3) throw new Error(`header row ${report.files[0]?.headerRow}`);
      if (report.summary.rows !== 2) throw new Error(`rows ${report.summary.rows}`);
    },
  },
  {
    name: 'merged header cells',
    build: (d) => {
      // Row 1: 姓名 and 身份证号 merged down over two rows, 职称信息 merged across over the title columns;
      // row 2: the title columns' own names.
      const path = join(d, 'merged-header.xlsx');
      const top = ['姓名', '身份证号', '出生年月', '职称信息', '', '', '', '批准文号', '行政区划', '评审活动是否设置评审专业', '评审专业名称',
        '本地评审专业', '发证时间', '取得时间', '审核机关（单位）', '评审机构', '证书编号', '免冠照', '证书附件'];
      const second = ['', '', '', '职称系列', '职称级别', '职称名称', '取得方式'];
      const merges = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:G1', ...[8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((c) => `${col(c)}1:${col(c)}2`)];
      const after = `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${esc(m)}"/>`).join('')}</mergeCells>`;
      return writeXlsx(path, [rowXml(1, top), rowXml(2, second), rowXml(3, good()), rowXml(4, good({ 0: '李四' }))], { after }).then(() => path);
    },
    expect: 'report',
    check: (report) => {
      if (report.summary.rows !== 2) throw new Error(`rows ${report.summary.rows}`);
      const missing = report.problems.filter((p) => p.rule === 'required-fields');
      if (missing.length) throw new Error(`fields not found under the merged header: ${missing.map((p) => p.message).join('; ')}`);
    },
  },
  ...FORMAT_CASES,
];

let millionPath: string | null = null;
async function million(dir: string): Promise<string> {
  if (millionPath) return millionPath;
  millionPath = join(dir, 'million.xlsx');
  await buildMillionRows(millionPath);
  return millionPath;
}

function write(dir: string, name: string, data: Buffer | string): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

function ole(dir: string, name: string, streams: string[]): string {
  const p = join(dir, name);
  writeOle2(p, streams);
  return p;
}

/** A UTF-8 CSV; fields with commas, quotes or line breaks are quoted. */
function csv(dir: string, name: string, rows: unknown[][]): string {
  const field = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return write(dir, name, rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n');
}

async function firstSheet(path: string) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0]!;
}

/** The cells hold exactly the text, as strings (never formulas). */
async function expectTextCells(path: string, cells: { row: number; col: number; text: string }[]): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const ws = await firstSheet(path);
  for (const c of cells) {
    const cell = ws.getRow(c.row).getCell(c.col);
    if (cell.type !== ExcelJS.ValueType.String || cell.value !== c.text) {
      throw new Error(`${cell.address}: type ${cell.type}, value ${JSON.stringify(cell.value)}; expected the text ${JSON.stringify(c.text)}`);
    }
  }
}
