import { EXCELJS_CORPUS } from '../helpers/paths.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { normalizeCell } from '../../src/model/cell.js';
import { buildRecord } from '../../src/model/record.js';
import { noHeaderError } from '../../src/read/index.js';
import type { ReadEvent } from '../../src/read/types.js';
import { collect, expectInputError, inlineCell, makeTempDir, minimalXlsx, writeWorkbook, writeZip, type Collected } from './files.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const ID = '500224198001011235';

describe('a registration workbook with title rows, aliases and every kind of cell', () => {
  const path = tmp.file('records.xlsx');
  let read: Collected;

  beforeAll(async () => {
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('登记表');
      ws.mergeCells('A1:L1');
      ws.getCell('A1').value = '2021年职称电子证书登记表';
      ws.getRow(2).values = [
        '序号', '姓名', '公民身份号码', '出生年月', '职称名称', '审核机关(单位)', '发证时间', '取得时间',
        { richText: [{ text: '批准' }, { font: { bold: true }, text: '文号' }] }, '证书编号\n（2021年前必填）', '照片', '备注',
      ];
      ws.getRow(3).values = [
        1, '张三', ID, '1980.01', '工程师', '铜梁区人力资源和社会保障局', new Date(Date.UTC(2019, 11, 20)), 43784,
        '铜职改办【2019】12号', 'TL20190012', { text: 'a.jpg', hyperlink: 'http://example.com/a.jpg' }, true,
      ];
      ws.getCell('H3').numFmt = 'yyyy-mm-dd';
      ws.getRow(4).values = [
        { formula: 'A3+1', result: 2 }, { richText: [{ text: '李' }, { text: '四' }] }, 500224198001011000, '1980年1月',
        '工程师', { error: '#N/A' }, '2019年12月20日', '2019/11/15', { formula: 'I3' }, '', '', '',
      ];
      ws.getRow(6).values = [3, '王五', ID, '1980.01'];

      const notes = wb.addWorksheet('填表说明');
      notes.getCell('A1').value = '填表说明';
      notes.getCell('A2').value = '1. 姓名、身份证号须与本人一致';

      const dup = wb.addWorksheet('重复列');
      dup.getRow(1).values = ['姓名', '身份证号', '职称名称', '身份证号码'];
      dup.getRow(2).values = ['张三', ID, '工程师', '11010519491231002X'];
    });
    read = await collect(path);
  });

  it('emits every sheet in order, each started and ended', () => {
    const kinds = read.events.filter((e) => e.type === 'sheet-start' || e.type === 'sheet-end').map((e) => `${e.type}:${'sheet' in e ? e.sheet.name : ''}`);
    expect(kinds).toEqual(['sheet-start:登记表', 'sheet-end:登记表', 'sheet-start:填表说明', 'sheet-end:填表说明', 'sheet-start:重复列', 'sheet-end:重复列']);
    expect(read.reader.format).toBe('xlsx');
    expect(read.reader.date1904).toBe(false);
  });

  it('finds the header under the merged title and maps aliases and half-width brackets', () => {
    const sheet = read.sheets[0]!;
    expect(sheet.header?.row).toBe(2);
    expect(sheet.header?.map.columns).toEqual({
      name: 2, idNumber: 3, birthDate: 4, title: 5, authority: 6, issueDate: 7, obtainDate: 8, approvalNo: 9, certNo: 10, photo: 11,
    });
    expect(sheet.header?.map.headers[8]).toBe('批准文号');
    expect(sheet.columnCount).toBe(12);
  });

  it('knows the merged ranges the streaming reader does not report', () => {
    expect(read.sheets[0]!.merges).toEqual(['A1:L1']);
    expect(read.sheets[1]!.merges).toBeUndefined();
  });

  it('gives every row its role and its spreadsheet row number, from column A', () => {
    const rows = read.rows.filter((r) => r.values.length && read.events.indexOf(r) < read.events.findIndex((e) => e.type === 'sheet-end'));
    expect(rows.map((r) => [r.row, r.role])).toEqual([[1, 'before-header'], [2, 'header'], [3, 'data'], [4, 'data'], [6, 'data']]);
    expect(rows[2]!.values[0]).toBe(1);
    expect(rows[2]!.values[1]).toBe('张三');
  });

  it('passes cells through so the record model reads them', () => {
    const sheet = read.sheets[0]!;
    const data = read.rows.filter((r) => r.role === 'data' && r.row <= 6);
    const rec = (i: number) =>
      buildRecord({ file: path, sheet: sheet.name, row: data[i]!.row, values: data[i]!.values, numFmts: data[i]!.numFmts, date1904: read.reader.date1904 }, sheet.header!.map);
    const r3 = rec(0);
    expect(r3.v.idNumber).toBe(ID);
    expect(r3.issueDate).toEqual({ y: 2019, m: 12, d: 20 }); // Date cell
    expect(r3.obtainDate).toEqual({ y: 2019, m: 11, d: 15 }); // serial with yyyy-mm-dd
    expect(r3.v.photo).toBe('a.jpg'); // hyperlink text
    expect(r3.v.approvalNo).toBe('铜职改办【2019】12号');

    const r4 = rec(1);
    expect(r4.v.name).toBe('李四'); // rich text
    expect(r4.cells.idNumber?.kind).toBe('number'); // the ID typed as a number stays a number
    expect(r4.birthDate).toEqual({ y: 1980, m: 1, d: null });
    expect(r4.cells.authority?.kind).toBe('error');
    expect(r4.issueDate).toEqual({ y: 2019, m: 12, d: 20 }); // text date
    expect(r4.obtainDate).toEqual({ y: 2019, m: 11, d: 15 });
    expect(r4.cells.approvalNo).toMatchObject({ formula: true, kind: 'empty' });
    expect(normalizeCell(data[1]!.values[0])).toMatchObject({ kind: 'number', text: '2', formula: true });
  });

  it('reports formulas without a cached result once per sheet', () => {
    expect(read.notices.filter((n) => n.id === 'formula-no-result')).toEqual([
      { id: 'formula-no-result', sheet: '登记表', data: { sheet: '登记表', count: 1, cell: 'I4' } },
    ]);
  });

  it('skips a sheet without a header with a notice, its rows as other', () => {
    const sheet = read.sheets[1]!;
    expect(sheet.header).toBeNull();
    expect(read.notices).toContainEqual({ id: 'sheet-skipped', sheet: '填表说明', data: { sheet: '填表说明', rows: 2 } });
    const start = read.events.findIndex((e) => e.type === 'sheet-start' && e.sheet.name === '填表说明');
    const end = read.events.findIndex((e) => e.type === 'sheet-end' && e.sheet.name === '填表说明');
    const roles = read.events.slice(start, end).flatMap((e) => (e.type === 'row' ? [e.role] : []));
    expect(roles).toEqual(['other', 'other']);
  });

  it('keeps the first of two columns for the same field and says so', () => {
    expect(read.sheets[2]!.header?.map.columns.idNumber).toBe(2);
    expect(read.notices).toContainEqual({
      id: 'duplicate-header', sheet: '重复列', data: { sheet: '重复列', field: 'idNumber', header: '身份证号码', column: 'D', first: 'B' },
    });
  });

  it('finds no header error while one sheet has a header', () => {
    expect(noHeaderError(path, read.sheets)).toBeNull();
  });
});

describe('dates stored as serials with a CJK built-in format', () => {
  it.each([
    [31, '2019-12-20'], // yyyy年m月d日
    [14, '2019-12-20'], // m/d/yyyy
    [0, '43819'], // General: a plain number
  ])('numFmtId %i → %s', async (numFmtId, text) => {
    const path = tmp.file(`fmt${numFmtId}.xlsx`);
    const header = `<row r="1">${inlineCell('A1', '姓名')}${inlineCell('B1', '身份证号')}${inlineCell('C1', '发证时间')}</row>`;
    const data = `<row r="2">${inlineCell('A2', '张三')}${inlineCell('B2', ID)}<c r="C2" s="1"><v>43819</v></c></row>`;
    writeZip(path, minimalXlsx(header + data, ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`]));
    const { rows, reader } = await collect(path);
    const row = rows.find((r) => r.row === 2)!;
    expect(normalizeCell(row.values[2], row.numFmts?.[2], reader.date1904).text).toBe(text);
  });
});

describe('the 1904 date system', () => {
  it('is taken from the workbook properties', async () => {
    const path = tmp.file('1904.xlsx');
    await writeWorkbook(path, (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.addRow(['姓名', '身份证号', '发证时间']);
      ws.addRow(['张三', ID, new Date(Date.UTC(2019, 11, 20))]);
    });
    const { reader, rows } = await collect(path);
    expect(reader.date1904).toBe(true);
    expect(normalizeCell(rows[1]!.values[2], rows[1]!.numFmts?.[2], reader.date1904).text).toBe('2019-12-20');
  });
});

describe('workbooks whose header spans two rows', () => {
  it('reads sub-headers under a merged group cell, vertical merges beside them', async () => {
    const path = tmp.file('two-row.xlsx');
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('S');
      ws.getRow(1).values = ['姓名', '身份证号', '证书信息'];
      ws.getRow(2).values = [null, null, '批准文号', '发证时间', '取得时间'];
      ws.mergeCells('A1:A2');
      ws.mergeCells('B1:B2');
      ws.mergeCells('C1:E1');
      ws.getRow(3).values = ['张三', ID, '渝职改办【2019】1号', '2019-12-20', '2019-11-15'];
    });
    const { sheets, rows } = await collect(path);
    expect(sheets[0]!.header?.map.columns).toEqual({ name: 1, idNumber: 2, approvalNo: 3, issueDate: 4, obtainDate: 5 });
    expect(sheets[0]!.headerRows).toEqual([1, 2]);
    expect(rows.map((r) => [r.row, r.role])).toEqual([[1, 'header'], [2, 'header'], [3, 'data']]);
  });
});

describe('a workbook without any header', () => {
  it('emits only notices and other rows; noHeaderError names the file', async () => {
    const path = tmp.file('no-header.xlsx');
    await writeWorkbook(path, (wb) => {
      wb.addWorksheet('A').addRow(['hello', 'world']);
      wb.addWorksheet('B').addRow([1, 2, 3]);
    });
    const { sheets, notices, rows } = await collect(path);
    expect(sheets.map((s) => s.header)).toEqual([null, null]);
    expect(notices.map((n) => n.id)).toEqual(['sheet-skipped', 'sheet-skipped']);
    expect(rows.every((r) => r.role === 'other')).toBe(true);
    expect(noHeaderError(path, sheets)?.id).toBe('no-header');
  });
});

describe('limits', () => {
  const path = tmp.file('rows.xlsx');
  beforeAll(async () => {
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['标题']);
      ws.addRow(['姓名', '身份证号', '职称名称']);
      for (let i = 0; i < 5; i++) ws.addRow([`人${i}`, ID, '工程师']);
    });
  });

  it('accepts exactly maxRows data rows', async () => {
    const { rows } = await collect(path, { maxRows: 5 });
    expect(rows.filter((r) => r.role === 'data')).toHaveLength(5);
  });

  it('stops with too-many-rows as soon as the data rows exceed maxRows', async () => {
    const seen: number[] = [];
    const err = await expectInputError(async () => {
      const { openInput } = await import('../../src/read/index.js');
      const reader = await openInput(path, { maxRows: 3 });
      for await (const e of reader.events()) if (e.type === 'row' && e.role === 'data') seen.push(e.row);
    }, 'too-many-rows');
    expect(err.data).toMatchObject({ max: 3 });
    expect(seen).toEqual([3, 4, 5]);
  });
});

describe('the zip check beside the reading', () => {
  it('refuses a sheet sure to pass --max-rows as soon as its count passes, not after inflating the whole sheet', async () => {
    const { sniff, MergeCollector } = await import('../../src/read/sniff.js');
    const rows: string[] = [`<row r="1">${inlineCell('A1', '姓名')}${inlineCell('B1', '身份证号')}</row>`];
    for (let r = 2; r <= 60_000; r++) rows.push(`<row r="${r}">${inlineCell(`A${r}`, `人${r}`)}${inlineCell(`B${r}`, ID)}</row>`);
    const path = tmp.file('many-rows.xlsx');
    writeZip(path, minimalXlsx(rows.join('')));
    const chunks = async (maxRows: number): Promise<{ pushes: number; error: unknown }> => {
      const push = vi.spyOn(MergeCollector.prototype, 'push');
      try {
        const error = await sniff(path, { maxRows }).then(() => null, (e: unknown) => e);
        return { pushes: push.mock.calls.length, error };
      } finally {
        push.mockRestore();
      }
    };
    const whole = await chunks(1_000_000);
    expect(whole.error).toBeNull();
    const refused = await chunks(100);
    expect(refused.error).toMatchObject({ id: 'too-many-rows', data: { max: 100 } });
    expect(whole.pushes).toBeGreaterThan(20);
    expect(refused.pushes).toBeLessThan(whole.pushes / 4);
  });

  it('beside a reader, leaves a sheet that cannot pass --max-rows to it: inflated once, its merged ranges and a lying size found by the reader', async () => {
    const { sniff, MergeCollector } = await import('../../src/read/sniff.js');
    const { openInput } = await import('../../src/read/index.js');
    const rows: string[] = [`<row r="1">${inlineCell('A1', '姓名')}${inlineCell('B1', '身份证号')}</row>`];
    for (let r = 2; r <= 3000; r++) rows.push(`<row r="${r}">${inlineCell(`A${r}`, `人${r}`)}${inlineCell(`B${r}`, ID)}</row>`);
    const path = tmp.file('left-to-reader.xlsx');
    const parts = minimalXlsx(rows.join('')).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: e.data.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>') } : e));
    writeZip(path, parts);
    const push = vi.spyOn(MergeCollector.prototype, 'push');
    try {
      const kind = await sniff(path, { deferVerify: true, maxRows: 500_000 });
      expect(kind.format === 'xlsx' && kind.leftToReader).toBe(true);
      await (kind.format === 'xlsx' ? kind.verified : null);
      expect(push).not.toHaveBeenCalled(); // the zip check did not inflate the sheet
      const events: ReadEvent[] = [];
      for await (const e of (await openInput(path, { maxRows: 500_000 })).events()) events.push(e);
      expect(push.mock.calls.length).toBeGreaterThan(0); // the reader did, once
      expect(events.filter((e) => e.type === 'row')).toHaveLength(3000);
      expect(events.find((e) => e.type === 'sheet-end')).toMatchObject({ sheet: { merges: ['A1:B1'] } });
    } finally {
      push.mockRestore();
    }
  });

  it('a large sheet (inflated by the reader in large pieces) that inflates to more than it declares is a zip bomb, to less a damaged file', async () => {
    const { openInput } = await import('../../src/read/index.js');
    const rows: string[] = [`<row r="1">${inlineCell('A1', '姓名')}${inlineCell('B1', '身份证号')}</row>`];
    for (let r = 2; r <= 12_000; r++) rows.push(`<row r="${r}">${inlineCell(`A${r}`, `人${r}`)}${inlineCell(`B${r}`, ID)}</row>`);
    const path = tmp.file('large-sheet.xlsx');
    writeZip(path, minimalXlsx(rows.join('')));
    const read = async (file: string): Promise<number> => {
      let n = 0;
      for await (const e of (await openInput(file)).events()) if (e.type === 'row') n++;
      return n;
    };
    expect(await read(path)).toBe(12_000);
    const bytes = readFileSync(path);
    const name = Buffer.from('xl/worksheets/sheet1.xml', 'utf8');
    for (const [delta, id] of [[-1, 'too-large'], [1, 'corrupt-xlsx']] as const) {
      const lying = Buffer.from(bytes);
      // The declared size, in the local header and in the central directory alike.
      for (let at = lying.indexOf(name); at >= 0; at = lying.indexOf(name, at + 1)) {
        const central = at >= 46 && lying.readUInt32LE(at - 46) === 0x02014b50;
        const field = central ? at - 46 + 24 : at - 30 + 22;
        expect(lying.readUInt32LE(field)).toBeGreaterThan(1024 * 1024);
        lying.writeUInt32LE(lying.readUInt32LE(field) + delta, field);
      }
      const file = tmp.file(`large-sheet${delta}.xlsx`);
      writeFileSync(file, lying);
      const err = await expectInputError(() => read(file), id);
      if (id === 'too-large') expect(err.data.detail).toMatch(/sheet1\.xml.*zip bomb/);
    }
  });

  it('holds back the rows of a sheet whose XML is too large for --max-rows rows until the count says, so none is handed over', async () => {
    const { openInput } = await import('../../src/read/index.js');
    const rows: string[] = [`<row r="1">${inlineCell('A1', '姓名')}${inlineCell('B1', '身份证号')}${inlineCell('C1', '职称名称')}</row>`];
    for (let r = 2; r <= 400; r++) rows.push(`<row r="${r}">${inlineCell(`A${r}`, `人${r}`)}${inlineCell(`B${r}`, ID)}${inlineCell(`C${r}`, '工程师')}</row>`);
    const path = tmp.file('too-many-for-its-size.xlsx');
    writeZip(path, minimalXlsx(rows.join('')));
    const seen: number[] = [];
    const err = await expectInputError(async () => {
      const reader = await openInput(path, { maxRows: 100 }); // 400 rows of ~190 bytes: more than 100 × 256 bytes
      for await (const e of reader.events()) if (e.type === 'row') seen.push(e.row);
    }, 'too-many-rows');
    expect(err.data).toMatchObject({ max: 100 });
    expect(seen).toEqual([]);
    // The same sheet within the limit is read whole.
    const { rows: read } = await collect(path, { maxRows: 500 });
    expect(read.filter((r) => r.role === 'data')).toHaveLength(399);
  });
});

describe('damaged workbooks', () => {
  it('turns invalid sheet XML into corrupt-xlsx', async () => {
    const path = tmp.file('bad-xml.xlsx');
    writeZip(path, minimalXlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row'));
    await expectInputError(() => collect(path), 'corrupt-xlsx');
  });

  it('reads the whole-sheet data validation file quickly', async () => {
    const { sheets } = await collect(join(EXCELJS_CORPUS, 'test-issue-1842.xlsx'));
    expect(sheets).toHaveLength(1);
  }, 10_000);
});
