import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { InputError } from '../../src/errors.js';
import { FIELD_KEYS, type FieldKey } from '../../src/model/fields.js';
import type { SheetInfo } from '../../src/read/types.js';
import { AnnotatedWorkbook } from '../../src/report/xlsx/annotated.js';
import { slideFormula } from '../../src/report/xlsx/sheet-xml.js';
import { FULL_MAP, GOOD_ROW } from '../helpers/records.js';
import { fileResult, MESSAGES, result } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-check-wb-'));
const INPUT = join(dir, 'records.xlsx');

/** A data row in FULL_MAP column order (A = 姓名 … S = 证书附件) plus column T (备注). */
function row(over: Partial<Record<FieldKey, unknown>> = {}, extra?: unknown): unknown[] {
  const all = { ...GOOD_ROW, ...over };
  return [...FIELD_KEYS.map((k) => all[k] ?? null), extra];
}
const col = (k: FieldKey): number => FIELD_KEYS.indexOf(k) + 1;
const letter = (k: FieldKey): string => String.fromCharCode(64 + col(k));

const CHECKED: SheetInfo = {
  name: '登记表',
  header: { row: 2, map: { columns: FULL_MAP.columns, headers: [...FULL_MAP.headers, '备注'] } },
  columnCount: 20,
};
const SKIPPED: SheetInfo = { name: '汇总', header: null, columnCount: 3 };

function f(rowNo: number, over: Partial<Finding>): Finding {
  return {
    rule: 'approval-no-brackets', messageId: 'brackets', severity: 'error', file: INPUT, sheet: '登记表', row: rowNo,
    column: null, field: null, header: null, value: null, data: {}, suggestion: null, ...over,
  };
}

const ISSUED = new Date(Date.UTC(2019, 11, 20));
const X_ID = '11010519491231002x';
const findings = {
  4: [f(4, { column: letter('approvalNo'), field: 'approvalNo', header: '批准文号', value: '渝职改办〔2019〕125号', data: { found: '〔〕' }, suggestion: '渝职改办【2019】125号' })],
  5: [
    f(5, { rule: 'id-number-lowercase-x', messageId: 'lower', severity: 'warning', column: 'B', field: 'idNumber', header: '身份证号', value: X_ID, suggestion: X_ID.toUpperCase() }),
    f(5, { rule: 'required-fields', messageId: 'missing', data: { header: '免冠照' } }),
  ],
  6: [
    f(6, { rule: 'required-fields', messageId: 'missing', field: 'photo', data: { header: '免冠照' } }),
    f(6, { rule: 'id-number', messageId: 'checksum', severity: 'info', column: 'C', field: 'birthDate', header: '出生年月', data: { expected: '5' } }),
  ],
} satisfies Record<number, Finding[]>;
const allFindings = [...findings[6], ...findings[4], ...findings[5]];

let wb: ExcelJS.Workbook;
let out: string;
let tmpSeenDuringWrite: boolean;
let targetSeenDuringWrite: boolean;

beforeAll(async () => {
  writeFileSync(INPUT, 'not really read');
  out = join(dir, 'records.checked.xlsx');
  const w = await AnnotatedWorkbook.create(out, { lang: 'zh', messages: MESSAGES, inputPath: INPUT });
  await w.startSheet(CHECKED);
  w.addCells(1, 'before-header', ['2019年职称证书登记表'], []);
  w.addCells(2, 'header', [...FULL_MAP.headers, '备注'], []);
  w.addCells(3, 'data', row({ issueDate: ISSUED, obtainDate: 43784 }, { formula: 'LEN(A3)', result: 2 }), [], row({}, undefined).map((_, i) => (i === col('obtainDate') - 1 ? 'yyyy"年"m"月"d"日"' : undefined)));
  w.addCells(4, 'data', row({ approvalNo: '渝职改办〔2019〕125号' }, '=1+1'), findings[4]);
  w.addCells(5, 'data', row({ idNumber: X_ID, name: '李四' }, '+86 23 1234'), findings[5]);
  w.addCells(6, 'data', row({ photo: '' }, '@home'), findings[6]);
  w.addCells(7, 'data', row(Object.fromEntries(FIELD_KEYS.map((k) => [k, '']))), []);
  w.addCells(9, 'other', ['填表人：王五', null, '-5'], []);
  tmpSeenDuringWrite = existsSync(w.temporaryPath);
  targetSeenDuringWrite = existsSync(out);
  await w.endSheet();
  await w.startSheet(SKIPPED);
  w.addCells(1, 'other', ['说明', 12.5, '=SUM(1)'], []);
  w.addCells(3, 'other', [null, { richText: [{ text: '粗', font: { bold: true } }, { text: '体' }] }, new Date(Date.UTC(2020, 0, 2))], []);
  await w.endSheet();
  await w.finish(result(allFindings, [fileResult({ path: INPUT, sheets: [{ name: '登记表', headerRow: 2, rows: 4 }], annotated: out })]));
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sheet = (name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const argb = (c: ExcelJS.Cell): string | undefined => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const noteText = (c: ExcelJS.Cell): string => {
  const n = c.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
};

describe('annotated workbook', () => {
  it('keeps every sheet of the input under its own name, then adds 问题清单 and a non-colliding 汇总', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['登记表', '汇总', '问题清单', '汇总(2)']);
  });

  it('keeps original values in place with their types', () => {
    const ws = sheet('登记表');
    expect(ws.getCell('A1').value).toBe('2019年职称证书登记表');
    expect(ws.getRow(2).values).toEqual([undefined, ...FULL_MAP.headers, '备注', '检查结果', '问题说明', '建议修改']);
    expect(ws.getCell('A3').value).toBe('张三');
    expect(ws.getCell('B3').value).toBe(GOOD_ROW.idNumber); // a text ID stays text, unmasked
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(3, col('issueDate')).value).toEqual(ISSUED);
    const obtained = ws.getCell(3, col('obtainDate'));
    expect(obtained.numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(obtained.value instanceof Date ? obtained.value.toISOString() : obtained.value).toBe('2019-11-15T00:00:00.000Z');
    expect(ws.getCell('T3').value).toEqual({ formula: 'LEN(A3)', result: 2 });
    expect(ws.getCell('A9').value).toBe('填表人：王五');
  });

  it.each([
    ['T4', '=1+1'],
    ['T5', '+86 23 1234'],
    ['T6', '@home'],
    ['C9', '-5'],
  ])('writes the text %s = %s as text, never a formula', (address, text) => {
    const cell = sheet('登记表').getCell(address);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(text);
    expect(cell.formula).toBeUndefined();
  });

  it('copies an unchecked sheet as it is (numbers, text, rich text, dates)', () => {
    const ws = sheet('汇总');
    expect(ws.getCell('A1').value).toBe('说明');
    expect(ws.getCell('B1').value).toBe(12.5);
    expect(ws.getCell('C1').value).toBe('=SUM(1)');
    expect(ws.getCell('C1').type).toBe(ExcelJS.ValueType.String);
    expect((ws.getCell('B3').value as ExcelJS.CellRichTextValue).richText.map((r) => r.text)).toEqual(['粗', '体']);
    expect(ws.getCell('C3').value).toEqual(new Date(Date.UTC(2020, 0, 2)));
    expect(ws.getCell('D1').value).toBeNull(); // no result columns on an unchecked sheet
  });

  it('fills and notes the cells with problems, and only those', () => {
    const ws = sheet('登记表');
    const j4 = ws.getCell(`${letter('approvalNo')}4`);
    expect(argb(j4)).toBe('FFFFC7CE');
    expect(noteText(j4)).toContain('批准文号的年份应写在【】中，不能用 〔〕');
    expect(noteText(j4)).toContain('渝职改办【2019】125号');
    const b5 = ws.getCell('B5');
    expect(argb(b5)).toBe('FFFFEB9C');
    expect(noteText(b5)).toContain('身份证号末位的 x 应为大写 X');
    expect(noteText(b5)).toContain(X_ID.toUpperCase()); // not masked in the clerk's own workbook
    expect(argb(ws.getCell('C6'))).toBe('FFDDEBF7');
    for (const address of ['A3', 'J3', 'B4', 'A4', 'J5']) {
      expect(argb(ws.getCell(address)), address).toBeUndefined();
      expect(ws.getCell(address).note, address).toBeUndefined();
    }
  });

  it('marks a row-level problem (no field, or a field without a column) on the row\'s first cell', () => {
    const ws = sheet('登记表');
    expect(argb(ws.getCell('A5'))).toBe('FFFFC7CE');
    expect(noteText(ws.getCell('A5'))).toContain('整行：“免冠照”未填写');
    expect(argb(ws.getCell('A6'))).toBe('FFFFC7CE');
    expect(noteText(ws.getCell('A6'))).toContain('免冠照：“免冠照”未填写');
  });

  it('adds 检查结果, 问题说明 and 建议修改 after the widest column, bold headers', () => {
    const ws = sheet('登记表');
    for (const a of ['U2', 'V2', 'W2']) expect(ws.getCell(a).font?.bold, a).toBe(true);
    expect(['U3', 'U4', 'U5', 'U6'].map((a) => ws.getCell(a).value)).toEqual(['通过', '需修改', '需修改', '需修改']);
    expect(ws.getCell('V3').value).toBeNull();
    expect(ws.getCell('V4').value).toBe('1. [错误] H 批准文号：批准文号的年份应写在【】中，不能用 〔〕（见指南 三（四））');
    expect(ws.getCell('W4').value).toBe('H 批准文号：渝职改办【2019】125号');
    expect(String(ws.getCell('V5').value).split('\n')).toEqual([
      '1. [警告] B 身份证号：身份证号末位的 x 应为大写 X（见指南 三（一））',
      '2. [错误] 整行：“免冠照”未填写（见指南 二（二））',
    ]);
    expect(ws.getCell('W5').value).toBe(`B 身份证号：${X_ID.toUpperCase()}`);
    expect(ws.getCell('U7').value).toBeNull(); // a blank row gets no verdict
    expect(ws.getCell('U9').value).toBeNull(); // nor a row that is not data
    expect(ws.getCell('X2').value).toBeNull();
  });

  it('lists every problem in 问题清单, sorted, with a frozen header and an autofilter', () => {
    const ws = sheet('问题清单');
    expect(ws.getRow(1).values).toEqual([undefined, '行号', '姓名', '字段', '级别', '问题', '建议值', '规则', '单元格', '原值']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:I6');
    const rows = [2, 3, 4, 5, 6].map((r) => (ws.getRow(r).values as unknown[]).slice(1, 8));
    expect(rows).toEqual([
      [4, '张三', '批准文号', '错误', '批准文号的年份应写在【】中，不能用 〔〕（见指南 三（四））', '渝职改办【2019】125号', 'approval-no-brackets'],
      [5, '李四', '整行', '错误', '“免冠照”未填写（见指南 二（二））', undefined, 'required-fields'],
      [5, '李四', '身份证号', '警告', '身份证号末位的 x 应为大写 X（见指南 三（一））', X_ID.toUpperCase(), 'id-number-lowercase-x'],
      [6, '张三', '免冠照', '错误', '“免冠照”未填写（见指南 二（二））', undefined, 'required-fields'],
      [6, '张三', '出生年月', '提示', '身份证号校验位不对（按前 17 位应为 5），请核对是否有数字录错（见指南 三（一））', undefined, 'id-number'],
    ]);
    expect(ws.getCell('I4').value).toBe(X_ID); // unmasked
    expect(argb(ws.getCell('D4'))).toBe('FFFFEB9C');
  });

  it('counts per rule and severity in 汇总, with totals and the inputs', () => {
    const ws = sheet('汇总(2)');
    const rows = new Map<string, unknown[]>();
    ws.eachRow((r) => {
      const v = (r.values as unknown[]).slice(1);
      rows.set(`${v[0]}\u0000${v[2] ?? ''}`, v);
    });
    expect(rows.get('输入文件\u0000')?.[1]).toBe(INPUT);
    expect(rows.get('检查时间\u0000')?.[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)$/);
    expect(rows.get('数据行数\u0000')?.[1]).toBe(4);
    expect(rows.get('有错误的行\u0000')?.[1]).toBe(3);
    expect(rows.get('错误\u0000')?.[1]).toBe(3);
    expect(rows.get('警告\u0000')?.[1]).toBe(1);
    expect(rows.get('提示\u0000')?.[1]).toBe(1);
    expect(rows.get('required-fields\u0000错误')).toEqual(['required-fields', '必填项不能为空', '错误', 2]);
    expect(rows.get('approval-no-brackets\u0000错误')?.[3]).toBe(1);
    expect(rows.get('id-number\u0000提示')?.[3]).toBe(1);
  });

  it('wrote through a temporary file: target absent while writing, no temporary file left', () => {
    expect(tmpSeenDuringWrite).toBe(true);
    expect(targetSeenDuringWrite).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('annotated workbook: lifecycle', () => {
  const simpleSheet: SheetInfo = { name: 'S', header: { row: 1, map: { columns: { name: 1 }, headers: ['姓名'] } }, columnCount: 1 };

  it('abort removes the temporary file and leaves an existing target untouched', async () => {
    const target = join(dir, 'abort.xlsx');
    writeFileSync(target, 'previous result');
    const w = await AnnotatedWorkbook.create(target, { lang: 'zh', messages: MESSAGES, inputPath: 'x.xlsx' });
    await w.startSheet(simpleSheet);
    w.addCells(1, 'header', ['姓名'], []);
    w.addCells(2, 'data', ['张三'], []);
    expect(existsSync(w.temporaryPath)).toBe(true);
    await w.abort();
    await w.abort(); // twice is harmless
    expect(existsSync(w.temporaryPath)).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('previous result');
  });

  it('finish replaces an existing target only at the end', async () => {
    const target = join(dir, 'replace.xlsx');
    writeFileSync(target, 'previous result');
    const w = await AnnotatedWorkbook.create(target, { lang: 'zh', messages: MESSAGES, inputPath: 'x.xlsx' });
    await w.startSheet(simpleSheet);
    w.addCells(1, 'header', ['姓名'], []);
    w.addCells(2, 'data', ['张三'], []);
    await w.endSheet();
    expect(readFileSync(target, 'utf8')).toBe('previous result');
    await w.finish(result([], [fileResult({ path: 'x.xlsx', sheets: [{ name: 'S', headerRow: 1, rows: 1 }] })]));
    expect(existsSync(w.temporaryPath)).toBe(false);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(target);
    expect(back.getWorksheet('S')!.getCell('B2').value).toBe('通过');
    await w.abort(); // after finish: does nothing
    expect(existsSync(target)).toBe(true);
  });

  it('reports an unwritable place as an output-failed InputError', async () => {
    const target = join(dir, 'no-such-folder', 'out.xlsx');
    const err = await AnnotatedWorkbook.create(target, { lang: 'zh', messages: MESSAGES, inputPath: 'x.xlsx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).id).toBe('output-failed');
  });
});

describe('annotated workbook: inputs of other shapes', () => {
  async function roundTrip(name: string, build: (w: AnnotatedWorkbook) => Promise<void>, lang: 'zh' | 'en' = 'zh', findings: Finding[] = []): Promise<ExcelJS.Workbook> {
    const target = join(dir, name);
    const w = await AnnotatedWorkbook.create(target, { lang, messages: MESSAGES, inputPath: INPUT });
    await build(w);
    await w.finish(result(findings, [fileResult({ path: INPUT })]));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(target);
    return back;
  }

  it('keeps the input\'s merged ranges, and puts the result columns right of them', async () => {
    const info: SheetInfo = {
      name: 'merged', header: { row: 2, map: { columns: { name: 1, idNumber: 2, certNo: 3 }, headers: ['姓名', '身份证号', '证书编号'] } },
      columnCount: 3, merges: ['A1:C1', 'B4:E4'],
    };
    const back = await roundTrip('merged.xlsx', async (w) => {
      await w.startSheet(info);
      w.addCells(1, 'before-header', ['登记表'], []);
      w.addCells(2, 'header', ['姓名', '身份证号', '证书编号'], []);
      w.addCells(3, 'data', ['张三', '11010519491231002X', 'A1'], []);
    }, 'zh', []);
    const ws = back.getWorksheet('merged')!;
    expect(ws.model.merges).toEqual(['A1:C1', 'B4:E4']);
    expect(ws.getCell('A1').value).toBe('登记表');
    expect(ws.getCell('D2').value).toBeNull();
    expect(ws.getCell('F2').value).toBe('检查结果');
  });

  it('writes CSV text as text, with the same annotations', async () => {
    const info: SheetInfo = { name: 'records', header: { row: 1, map: { columns: { name: 1, idNumber: 2, certNo: 3 }, headers: ['姓名', '身份证号', '证书编号'] } }, columnCount: 3 };
    const finding = f(2, { sheet: 'records', rule: 'id-number', messageId: 'length', column: 'B', field: 'idNumber', header: '身份证号', data: { length: 4 } });
    const back = await roundTrip('csv.xlsx', async (w) => {
      await w.startSheet(info);
      w.addCells(1, 'header', ['姓名', '身份证号', '证书编号'], []);
      w.addCells(2, 'data', ['张三', '0012', '=A1'], [finding]);
      w.addCells(3, 'data', ['李四', '2019-12-20', '1.5E+3'], []);
    }, 'zh', [finding]);
    const ws = back.getWorksheet('records')!;
    for (const a of ['B2', 'C2', 'B3', 'C3']) expect(ws.getCell(a).type, a).toBe(ExcelJS.ValueType.String);
    expect([ws.getCell('B2').value, ws.getCell('C2').value, ws.getCell('B3').value]).toEqual(['0012', '=A1', '2019-12-20']);
    expect(argb(ws.getCell('B2'))).toBe('FFFFC7CE');
    expect(ws.getCell('D1').value).toBe('检查结果');
    expect(ws.getCell('D2').value).toBe('需修改');
    expect(ws.getCell('D3').value).toBe('通过');
  });

  it('a new workbook (CSV, .xls, .ods input) prints landscape with the header rows and the name column on every page; dates fit', async () => {
    const info: SheetInfo = {
      name: "clerk's", header: { row: 2, map: { columns: { name: 1, idNumber: 2, issueDate: 3 }, headers: ['姓名', '身份证号', '发证时间'] } }, columnCount: 3,
    };
    const back = await roundTrip('print.xlsx', async (w) => {
      await w.startSheet(info);
      w.addCells(1, 'before-header', ['登记表'], []);
      w.addCells(2, 'header', ['姓名', '身份证号', '发证时间'], []);
      w.addCells(3, 'data', ['张三', '11010519491231002X', ISSUED], [], [undefined, '@', 'yyyy"年"m"月"d"日"']);
    });
    const ws = back.getWorksheet("clerk's")!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBeFalsy(); // 20-odd columns fitted to one width would print too small to read
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    expect(ws.pageSetup.printTitlesColumn).toBe('A:A');
    // "2019年12月20日" in an 11-point font needs about 15 characters of width, or the clerk sees ###.
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(15);
  });

  it('speaks English with lang en', async () => {
    const back = await roundTrip('en.xlsx', async (w) => {
      await w.startSheet({ name: 'S', header: { row: 1, map: { columns: { name: 1 }, headers: ['姓名'] } }, columnCount: 1 });
      w.addCells(1, 'header', ['姓名'], []);
      w.addCells(2, 'data', ['张三'], []);
    }, 'en');
    expect(back.worksheets.map((s) => s.name)).toEqual(['S', 'Problems', 'Summary']);
    expect(back.getWorksheet('S')!.getRow(1).values).toEqual([undefined, '姓名', 'Result', 'Problems', 'Suggested values']);
    expect(back.getWorksheet('S')!.getCell('B2').value).toBe('Pass');
    expect(back.getWorksheet('Problems')!.getRow(1).values).toEqual([undefined, 'Row', 'Name', 'Field', 'Severity', 'Problem', 'Suggested value', 'Rule', 'Cell', 'Value']);
  });

  it('rewrites its own result columns when the input was checked before', async () => {
    const headers = ['姓名', '检查结果', '问题说明', '建议修改'];
    const back = await roundTrip('rerun.xlsx', async (w) => {
      await w.startSheet({ name: 'S', header: { row: 1, map: { columns: { name: 1 }, headers } }, columnCount: 4 });
      w.addCells(1, 'header', headers, []);
      w.addCells(2, 'data', ['张三', '需修改', '1. [错误] 旧的问题', '旧建议'], []);
    });
    const ws = back.getWorksheet('S')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...headers]);
    expect(ws.getRow(2).values).toEqual([undefined, '张三', '通过']);
  });

  it('never overwrites an original value that sits where the result columns go', async () => {
    const info: SheetInfo = { name: 'S', header: { row: 1, map: { columns: { name: 1, approvalNo: 2 }, headers: ['姓名', '批准文号'] } }, columnCount: 2 };
    const finding = f(2, { sheet: 'S', column: 'B', field: 'approvalNo', header: '批准文号', data: { found: '〔〕' }, suggestion: 'X【2019】1号' });
    const back = await roundTrip('wide.xlsx', async (w) => {
      await w.startSheet(info);
      w.addCells(1, 'header', ['姓名', '批准文号'], []);
      w.addCells(2, 'data', ['张三', 'X〔2019〕1号', '多出来的值'], [finding]);
    }, 'zh', [finding]);
    const ws = back.getWorksheet('S')!;
    expect(ws.getCell('C2').value).toBe('多出来的值');
    expect(ws.getCell('D2').value).toBeNull();
    expect(noteText(ws.getCell('A2'))).toContain('本行的检查结果列已有原始数据');
    expect(noteText(ws.getCell('A2'))).toContain('1. [错误] B 批准文号');
    expect(argb(ws.getCell('B2'))).toBe('FFFFC7CE');
  });

  it('keeps number formats given by built-in id, and shared formulas as formulas', async () => {
    const back = await roundTrip('formats.xlsx', async (w) => {
      await w.startSheet({ name: 'S', header: null, columnCount: 3 });
      w.addCells(1, 'other', [45047, { formula: 'A1+1', result: 45048, shareType: 'shared', ref: 'B1:B2' }, 0.25], [], [31, 31, '0%']);
      w.addCells(2, 'other', [45049, { sharedFormula: 'B1', result: 45050 }, { error: '#N/A' }], [], [31, 31]);
    });
    const ws = back.getWorksheet('S')!;
    expect(ws.getCell('A1').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws.getCell('C1').numFmt).toBe('0%');
    expect(ws.getCell('C1').value).toBe(0.25);
    expect(ws.getCell('B1').formula).toBe('A1+1');
    expect(ws.getCell('B2').formula).toBe('A2+1');
    expect(ws.getCell('C2').value).toEqual({ error: '#N/A' });
  });

  it('puts the tabs back in their order, keeps hidden sheets hidden, and opens on a visible one', async () => {
    const back = await roundTrip('tabs.xlsx', async (w) => {
      // the file stores 隐藏 first, but its tab is the last one
      await w.startSheet({ name: '隐藏', header: null, columnCount: 1, position: 2, hidden: true });
      w.addCells(1, 'other', ['h'], []);
      await w.startSheet({ name: '甲', header: null, columnCount: 1, position: 0, hidden: true });
      w.addCells(1, 'other', ['a'], []);
      await w.startSheet({ name: '乙', header: null, columnCount: 1, position: 1 });
      w.addCells(1, 'other', ['b'], []);
    });
    expect(back.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['甲', 'hidden'], ['乙', 'visible'], ['隐藏', 'hidden'], ['问题清单', 'visible'], ['汇总', 'visible'],
    ]);
    expect(back.getWorksheet('隐藏')!.getCell('A1').value).toBe('h');
    expect(back.views[0]?.activeTab).toBe(1);
  });

  it('labels the result columns on the header row only (two-row headers)', async () => {
    const back = await roundTrip('two-row-header.xlsx', async (w) => {
      await w.startSheet({ name: 'S', header: { row: 2, map: { columns: { name: 1, idNumber: 2 }, headers: ['姓名', '身份证号'] } }, columnCount: 2, headerRows: [2, 3] });
      w.addCells(2, 'header', ['姓名', '证件'], []);
      w.addCells(3, 'header', [null, '身份证号'], []);
      w.addCells(4, 'data', ['张三', '500224198001011235'], []);
    });
    const ws = back.getWorksheet('S')!;
    expect(ws.getCell('C2').value).toBe('检查结果');
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('C4').value).toBe('通过');
  });

  it('shifts date serials of a 1904 workbook so they show the same day', async () => {
    const back = await roundTrip('1904.xlsx', async (w) => {
      w.date1904 = true;
      await w.startSheet({ name: 'S', header: null, columnCount: 2 });
      w.addCells(1, 'other', [43585, 43585], [], ['yyyy-mm-dd', '0']); // 2023-05-01 in the 1904 system (45047 in the 1900 system)
    });
    const ws = back.getWorksheet('S')!;
    expect(ws.getCell('A1').value).toEqual(new Date(Date.UTC(2023, 4, 1)));
    expect(ws.getCell('B1').value).toBe(43585); // not a date: untouched
  });

  it('throws on rows out of order (a pipeline bug, not the clerk\'s)', async () => {
    const w = await AnnotatedWorkbook.create(join(dir, 'order.xlsx'), { lang: 'zh', messages: MESSAGES, inputPath: INPUT });
    await w.startSheet({ name: 'S', header: null, columnCount: 1 });
    w.addCells(2, 'other', ['a'], []);
    expect(() => w.addCells(2, 'other', ['b'], [])).toThrow(/row 2/);
    await w.abort();
  });
});

describe('slideFormula', () => {
  it.each([
    ['A1+1', 'B1', 'B2', 'A2+1'],
    ['$A$1+A1', 'B1', 'C3', '$A$1+B3'],
    ['SUM(A1:A3)', 'B1', 'B2', 'SUM(A2:A4)'],
    ['Sheet2!A1*2', 'B1', 'B2', 'Sheet2!A2*2'],
    ['"A1"&A1', 'B1', 'B2', '"A1"&A2'],
    ['LOG10(A1)', 'B1', 'B2', 'LOG10(A2)'],
    ['A$1+$A1', 'B2', 'C3', 'B$1+$A2'],
  ])('%s from %s to %s → %s', (formula, from, to, expected) => {
    expect(slideFormula(formula, from, to)).toBe(expected);
  });
});
