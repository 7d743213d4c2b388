/**
 * The sheet parser's corrections of exceljs's streaming reader (see src/read/xlsx-sheet.ts), each on a
 * hand-made workbook, and reading order by the workbook's relationships instead of part names.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openInput } from '../../src/read/index.js';
import { refColumn } from '../../src/model/fields.js';
import { decodeXString } from '../../src/read/xlsx-sheet.js';
import { collect, makeTempDir, minimalXlsx, writeWorkbook, writeZip } from './files.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

/** Reads a one-sheet workbook of the given sheetData and returns its cells by address. */
async function cells(name: string, sheetData: string, cellXfs?: string[]): Promise<{ values: Record<string, unknown>; notices: string[] }> {
  const path = tmp.file(name);
  writeZip(path, minimalXlsx(sheetData, cellXfs));
  const read = await collect(path);
  const values: Record<string, unknown> = {};
  for (const r of read.rows) r.values.forEach((v, i) => v !== undefined && (values[`${String.fromCharCode(65 + i)}${r.row}`] = v));
  return { values, notices: read.notices.map((n) => n.id) };
}

describe('cell values', () => {
  it('keeps a formula result of 0, "" or FALSE (not a formula never calculated)', async () => {
    const { values, notices } = await cells('zero.xlsx',
      '<row r="1"><c r="A1"><f>B1*0</f><v>0</v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1" t="b"><f>1=2</f><v>0</v></c><c r="D1"><f>E1</f></c></row>');
    expect(values).toEqual({ A1: { formula: 'B1*0', result: 0 }, B1: { formula: '""', result: '' }, C1: { formula: '1=2', result: false }, D1: { formula: 'E1' } });
    expect(notices).toEqual(['sheet-skipped', 'formula-no-result']);
  });

  it('gives shared formulas their master (so the annotated copy can keep them as formulas)', async () => {
    const { values } = await cells('shared.xlsx',
      '<row r="2"><c r="C2"><f t="shared" ref="C2:C4" si="0">A2*2</f><v>2</v></c></row>' +
      '<row r="3"><c r="C3"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="4"><c r="C4"><f t="shared" si="7"/><v>6</v></c></row>');
    expect(values).toEqual({
      C2: { formula: 'A2*2', shareType: 'shared', ref: 'C2:C4', result: 2 },
      C3: { sharedFormula: 'C2', result: 4 },
      C4: { formula: '', result: 6 }, // its master is not in the sheet: only the cached value is known
    });
  });

  it('joins every run of an inline string, without its phonetic reading, and undoes _xHHHH_ escapes', async () => {
    const { values } = await cells('inline.xlsx',
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh sb="0" eb="2"><t>zhang san</t></rPh></is></c>' +
      '<c r="B1" t="inlineStr"><is><t>第一行_x000D__x000A_第二行 _x005F_x000D_</t></is></c>' +
      '<c r="C1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c></row>');
    expect(values).toEqual({ A1: '张三', B1: '第一行\r\n第二行 _x000D_', C1: { formula: '"&lt;"', result: '&lt;' } });
  });

  it('reads ISO dates (t="d"), errors, booleans, and dates by their number format', async () => {
    const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'];
    const { values } = await cells('kinds.xlsx',
      '<row r="1"><c r="A1" t="d"><v>2019-12-20T00:00:00Z</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="b"><v>1</v></c>' +
      '<c r="D1" s="1"><v>43819</v></c><c r="E1"><v>43819</v></c></row>', xfs);
    expect(values).toEqual({
      A1: new Date(Date.UTC(2019, 11, 20)), B1: { error: '#N/A' }, C1: true, D1: new Date(Date.UTC(2019, 11, 20)), E1: 43819,
    });
  });

  it('places cells without a reference after the previous one, and rows without a number after the previous row', async () => {
    const { values } = await cells('noref.xlsx',
      '<row r="3"><c r="B3" t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>' +
      '<row><c t="inlineStr"><is><t>c</t></is></c></row>');
    expect(values).toEqual({ B3: 'a', C3: 'b', A4: 'c' });
  });

  it('understands namespace prefixes (<x:row>, <x:c>), as some exporters write them', async () => {
    const entries = minimalXlsx('');
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    sheet.data = '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const path = tmp.file('prefix.xlsx');
    writeZip(path, entries);
    const read = await collect(path);
    expect(read.rows.map((r) => r.values)).toEqual([['姓名', 7]]);
  });
});

describe('sheets', () => {
  it('finds each sheet through the workbook relationships, whatever its part is called, in tab order', async () => {
    const entries = minimalXlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>第二</t></is></c></row>');
    const book = entries.find((e) => e.name === 'xl/workbook.xml')!;
    book.data = (book.data as string).replace('<sheet name="登记表" sheetId="1" r:id="rId1"/>',
      '<sheet name="甲" sheetId="5" r:id="rId9"/><sheet name="乙" sheetId="1" r:id="rId1"/>');
    const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = (rels.data as string).replace('</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>');
    entries.push({ name: 'xl/worksheets/data.xml', data: '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>第一</t></is></c></row></sheetData></worksheet>' });
    const path = tmp.file('rels.xlsx');
    writeZip(path, entries);
    const read = await collect(path);
    expect(read.sheets.map((s) => [s.name, s.position])).toEqual([['甲', 0], ['乙', 1]]);
    expect(read.rows.map((r) => r.values[0])).toEqual(['第一', '第二']);
  });

  it('reads a workbook that lost its relationships part by the part names', async () => {
    const entries = minimalXlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>').filter((e) => e.name !== 'xl/_rels/workbook.xml.rels');
    const path = tmp.file('norels.xlsx');
    writeZip(path, entries);
    const read = await collect(path);
    expect(read.sheets.map((s) => s.name)).toEqual(['登记表']);
    expect(read.rows.map((r) => r.values)).toEqual([['姓名']]);
  });

  it('writes nothing to the temporary folder while reading (exceljs spooled sheets there)', async () => {
    const path = tmp.file('spool.xlsx');
    // exceljs stores the sheets before the shared strings, which made its streaming reader spool them.
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('登记表');
      for (let r = 1; r <= 200; r++) ws.getRow(r).values = ['张三', '500224198001011235', `第 ${r} 行`];
    });
    const empty = tmp.file('tmpdir');
    mkdirSync(empty);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = empty;
    try {
      const reader = await openInput(path);
      let seen = -1;
      for await (const ev of reader.events()) if (ev.type === 'row' && seen < 0) seen = readdirSync(empty).length;
      expect(seen).toBe(0);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});

describe('helpers', () => {
  it('refColumn', () => {
    expect([refColumn('A1'), refColumn('Z9'), refColumn('AA10'), refColumn('$B$2'), refColumn('xfd1'), refColumn(''), refColumn(undefined)]).toEqual([1, 26, 27, 2, 16384, 0, 0]);
  });
  it('decodeXString', () => {
    expect(decodeXString('a_x0009_b')).toBe('a\tb');
    expect(decodeXString('_x005F_x0041_')).toBe('_x0041_');
    expect(decodeXString('_x12_ and _xZZZZ_')).toBe('_x12_ and _xZZZZ_');
  });
});
