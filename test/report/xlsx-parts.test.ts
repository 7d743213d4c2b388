/** The writer's parts on their own: XML scanning, the zip writer, styles, package parts, the sheet editor. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentTypes, normalizePart, relativeTarget, Rels, relsPartOf, resolveTarget } from '../../src/report/xlsx/package.js';
import { SheetEditor, type RowMarks, type SheetPlan } from '../../src/report/xlsx/sheet-editor.js';
import { readExistingNotes, readExistingVml, SheetNotes } from '../../src/report/xlsx/notes.js';
import { StyleBook } from '../../src/report/xlsx/styles.js';
import { attr, esc, nextTag, removeAttr, setAttr, unesc } from '../../src/report/xlsx/xml.js';
import { ZipWriter, type EntryWriter } from '../../src/report/xlsx/zip.js';
import { elements, zipParts } from './package-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-check-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('XML scanning', () => {
  it('finds tags past quoted ">", comments, CDATA and declarations; null when the text ends inside one', () => {
    const s = '<?xml version="1.0"?><!-- a > b --><f ref="A1>B2" t=\'x>y\'>SUM(A1)</f><![CDATA[<c>]]><x:row r="2"/>';
    const tags: string[] = [];
    for (let at = 0, t = nextTag(s, 0); t; at = t.end, t = nextTag(s, at)) tags.push(`${t.kind}:${t.name}`);
    expect(tags).toEqual(['other:', 'other:', 'open:f', 'close:f', 'other:', 'empty:x:row']);
    expect(nextTag('<c r="A1', 0)).toBeNull();
    expect(nextTag('<!-- unfinished', 0)).toBeNull();
    expect(nextTag('<', 0)).toBeNull();
  });

  it('reads and sets attributes in place', () => {
    expect(attr('<c r="A1" s="3" t="s">', 's')).toBe('3');
    expect(attr("<c r='A1'>", 'r')).toBe('A1');
    expect(attr('<c rs="9">', 's')).toBeUndefined();
    expect(setAttr('<c r="A1" s="3" t="s">', 's', '12')).toBe('<c r="A1" s="12" t="s">');
    expect(setAttr('<c r="A1"/>', 's', '12')).toBe('<c r="A1" s="12"/>');
    expect(removeAttr('<c r="A1" s="3">', 's')).toBe('<c r="A1">');
  });

  it('escapes text: markup, the format\'s own _xHHHH_ escapes protected, what XML cannot hold dropped', () => {
    expect(esc('a<b & "c" >')).toBe('a&lt;b &amp; &quot;c&quot; &gt;');
    expect(esc('_x0041_ stays')).toBe('_x005F_x0041_ stays');
    expect(esc('bell\u0007 tab\t line\n')).toBe('bell tab\t line\n');
    expect(esc('\ud800lone 😀')).toBe('lone 😀');
    expect(unesc('&lt;&#10;&#x41;&amp;')).toBe('<\nA&');
  });
});

describe('the zip writer', () => {
  it('writes deflated, streamed and copied entries that another reader reads back exactly', async () => {
    const first = join(dir, 'a.zip');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const zip = new ZipWriter(out);
    await zip.add('small.xml', '<a>中文</a>');
    const entry = await zip.open('big.xml');
    for (let i = 0; i < 2000; i++) await entry.write(Buffer.from(`<row r="${i}">${'x'.repeat(i % 50)}</row>`));
    await entry.end();
    await zip.add('empty.txt', '');
    await zip.finish();
    out.end();
    writeFileSync(first, Buffer.concat(chunks));
    const parts = await zipParts(first);
    expect(parts.get('small.xml')!.data.toString('utf8')).toBe('<a>中文</a>');
    expect(parts.get('big.xml')!.data.toString('utf8').split('</row>')).toHaveLength(2001);
    expect(parts.get('empty.txt')!.data.length).toBe(0);

    // Copied as stored: the same compressed bytes and CRC.
    const { InputPackage } = await import('../../src/report/xlsx/package.js');
    const input = await InputPackage.open(first);
    const second = join(dir, 'b.zip');
    const out2 = new PassThrough();
    const chunks2: Buffer[] = [];
    out2.on('data', (c: Buffer) => chunks2.push(c));
    const zip2 = new ZipWriter(out2);
    for (const name of input.names) {
      const { entry: e, raw } = await input.stored(name);
      await zip2.copy(name, e, raw);
    }
    await zip2.finish();
    out2.end();
    input.close();
    writeFileSync(second, Buffer.concat(chunks2));
    const copied = await zipParts(second);
    for (const [name, p] of parts) {
      expect(copied.get(name)!.data.equals(p.data), name).toBe(true);
      expect([copied.get(name)!.crc32, copied.get(name)!.compressedSize], name).toEqual([p.crc32, p.compressedSize]);
    }
    expect(readFileSync(second).length).toBeLessThanOrEqual(readFileSync(first).length + 64);
  });

  it('refuses a name twice and an entry started while another is open', async () => {
    const zip = new ZipWriter(new PassThrough());
    await zip.add('a', 'x');
    await expect(zip.add('a', 'y')).rejects.toThrow(/twice/);
    await zip.open('b');
    await expect(zip.add('c', 'z')).rejects.toThrow(/another entry/);
  });
});

const STYLES = '<?xml version="1.0"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;"/></x:numFmts>'
  + '<x:fonts count="1"><x:font><x:sz val="11"/><x:name val="宋体"/></x:font></x:fonts>'
  + '<x:fills count="3"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill><x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFC7CE"/></x:patternFill></x:fill></x:fills>'
  + '<x:borders count="1"><x:border/></x:borders>'
  + '<x:cellXfs count="3"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="49" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"><x:alignment horizontal="center"/></x:xf><x:xf numFmtId="49" fontId="0" fillId="2" borderId="0" applyFill="1"><x:alignment horizontal="center"/></x:xf></x:cellXfs>'
  + '</x:styleSheet>';

describe('the stylesheet, appended to', () => {
  it('derives a format that differs only in the fill, never reusing one of the workbook\'s own', () => {
    const book = new StyleBook(STYLES);
    const m = book.derive(1, { fill: 'FFFFC7CE' }, true);
    expect(m).toBe(3); // format 2 looks the same, but it is the clerk's
    expect(book.sameButFill(m, 1)).toBe(true);
    expect(book.fillColor(m)).toBe('FFFFC7CE');
    expect(book.derive(1, { fill: 'FFFFC7CE' }, true)).toBe(3);
    const out = book.render();
    expect(out.startsWith(STYLES.slice(0, STYLES.indexOf('<x:cellXfs')).replace('<x:fills count="3">', '<x:fills count="3">').slice(0, 50))).toBe(true);
    expect(elements(out, 'xf').slice(0, 3)).toEqual(elements(STYLES, 'xf'));
    expect(elements(out, 'xf')[3]).toContain('<x:alignment horizontal="center"/>');
    expect(out).toContain('<x:cellXfs count="4">');
    expect(book.summary()).toEqual({ from: 3, base: [1], fill: ['FFFFC7CE'] });
  });

  it('reuses the formats of an earlier check (its marker checked against the stylesheet), and maps marks back', () => {
    const first = new StyleBook(STYLES);
    first.derive(1, { fill: 'FFFFEB9C' }, true);
    first.style({ bold: true, wrap: true });
    const again = new StyleBook(first.render(), first.summary());
    expect(again.previousValid).toBe(true);
    expect(again.restore).toEqual(new Map([[3, 1]]));
    expect(again.derive(1, { fill: 'FFFFEB9C' }, true)).toBe(3);
    expect(again.render()).toBe(first.render());
    // A stylesheet another program renumbered: the marker no longer describes it.
    const renumbered = first.render().replace(/fillId="3"/g, 'fillId="2"');
    expect(new StyleBook(renumbered, first.summary()).previousValid).toBe(false);
  });

  it('writes number formats, fonts, borders and alignment, creating what a minimal stylesheet lacks', () => {
    const book = new StyleBook('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const s = book.style({ numFmt: 'yyyy-mm-dd', bold: true, border: 'FF000000', wrap: true, color: 'FFC00000' });
    const out = book.render();
    expect(out).toMatch(/<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"\/><\/numFmts><fonts count="2">/);
    expect(elements(out, 'xf')[s]).toMatch(/numFmtId="164".*fontId="1".*borderId="1"/);
    expect(out).toContain('<alignment wrapText="1" vertical="top"/>');
  });
});

describe('package parts', () => {
  it('resolves relationship targets and names relationship parts', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../comments1.xml')).toBe('xl/comments1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/styles.xml')).toBe('xl/styles.xml');
    expect(relsPartOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(relsPartOf('')).toBe('_rels/.rels');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/vmlDrawing1.vml')).toBe('../drawings/vmlDrawing1.vml');
    expect(normalizePart('xl/./a/../b.xml')).toBe('xl/b.xml');
  });

  it('edits relationships and content types, keeping what was there', () => {
    const rels = new Rels('<Relationships xmlns="x"><Relationship Id="rId1" Type="t1" Target="a.xml"/><Relationship Id="rId3" Type="t3" Target="c.xml"/></Relationships>');
    const id = rels.add('t2', 'b.xml');
    expect(['rId1', 'rId3']).not.toContain(id);
    rels.remove('rId1');
    expect(rels.render()).toBe(`<Relationships xmlns="x"><Relationship Id="rId3" Type="t3" Target="c.xml"/><Relationship Id="${id}" Type="t2" Target="b.xml"/></Relationships>`);
    const empty = new Rels('<Relationships xmlns="x"/>');
    empty.add('t', 'x.xml');
    expect(empty.render()).toBe('<Relationships xmlns="x"><Relationship Id="rId1" Type="t" Target="x.xml"/></Relationships>');
    const ct = new ContentTypes('<Types xmlns="x"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="m"/></Types>');
    ct.setOverride('xl/comments1.xml', 'c');
    ct.ensureDefault('vml', 'v');
    ct.removeOverride('xl/workbook.xml');
    expect(ct.typeOf('xl/comments1.xml')).toBe('c');
    expect(ct.typeOf('xl/drawings/a.vml')).toBe('v');
    expect(ct.typeOf('xl/other.xml')).toBe('application/xml');
    expect(ct.typeOf('xl/workbook.xml')).toBe('application/xml');
  });
});

/** Runs the editor over `xml` fed in pieces of `size` characters, with marks by row. */
async function edit(xml: string, size: number, marks: Record<number, RowMarks>, plan: Partial<SheetPlan> = {}): Promise<string> {
  const styles = new StyleBook(STYLES.replace(/x:/g, ''));
  const notes = new SheetNotes(await readExistingNotes(null, null, 'keep'), await readExistingVml(null, null, () => true), 1);
  const bytes = Buffer.from(xml, 'utf8');
  let at = 0;
  const written: Buffer[] = [];
  const writer: EntryWriter = { bytes: 0, write: async (b) => void written.push(b), end: async () => {} };
  const full: SheetPlan = {
    resultCol: 4, headerRow: 1, labels: ['检查结果', '问题说明', '建议修改'], verdictFills: { pass: 'FFC6EFCE', fix: 'FFFFC7CE', check: 'FFFFEB9C' },
    verdictText: { pass: '通过', fix: '需修改', check: '请核对' }, widths: [{ col: 4, width: 12, exact: true }], resultWidths: [12, 70, 42],
    strip: new Set(), unmark: null, styles, notes, relPrefix: 'r:', legacy: () => ({ mode: notes.count ? 'add' : 'drop', rid: 'rId9' }), ...plan,
  };
  const editor = new SheetEditor({ read: () => (at >= bytes.length ? null : bytes.subarray(at, (at += size))) }, writer, full, (r) => marks[r]);
  await editor.advance(2);
  await editor.finish();
  return Buffer.concat(written).toString('utf8');
}

const SHEET = '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
  + '<x:dimension ref="A1:C3"/><x:sheetData>'
  + '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>批准文号</x:t></x:is></x:c></x:row>'
  + '<x:row r="2" s="1" customFormat="1"><x:c r="A2" s="1" t="inlineStr"><x:is><x:t>张三</x:t></x:is></x:c><x:c r="C2"><x:f>LEN(A2)</x:f><x:v>2</x:v></x:c></x:row>'
  + '<x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c></x:row>'
  + '</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A3:B3"/><x:mergeCell ref="C2:F2"/></x:mergeCells><x:tableParts count="0"/></x:worksheet>';

describe('the sheet editor', () => {
  const marks: Record<number, RowMarks> = {
    1: { header: true },
    2: { result: { verdict: 'fix', problems: '1. [错误] B 批准文号：未填写', suggestions: '' }, cells: new Map([[2, { fill: 'FFFFC7CE', note: ['[错误] 未填写'] }]]) },
  };

  it('gives the same bytes however the input is cut into pieces', async () => {
    const whole = await edit(SHEET, 1 << 20, marks);
    for (const size of [1, 2, 7, 64]) expect(await edit(SHEET, size, marks), `pieces of ${size}`).toBe(whole);
  });

  it('keeps the prefix, adds addresses where cells lack them, creates a marked cell in the row\'s format, and keeps the rest', async () => {
    const out = await edit(SHEET, 1 << 20, marks);
    expect(out).toContain('<x:dimension ref="A1:F3"/>');
    expect(out).toContain('<x:c r="B1" t="inlineStr">');
    expect(out).toMatch(/<x:c r="D1" s="\d+" t="inlineStr"><x:is><x:t xml:space="preserve">检查结果<\/x:t>/);
    expect(out).toMatch(/<x:c r="B2" s="[3-9]"\/>/); // a new cell, from the row's format (1) with the fill
    expect(out).toContain('<x:c r="C2"><x:f>LEN(A2)</x:f><x:v>2</x:v></x:c>');
    expect(out).toContain('<x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c></x:row>');
    // C2:F2 would cover the result cells of row 2: dropped; A3:B3 stays.
    expect(out).toContain('<x:mergeCells count="1"><x:mergeCell ref="A3:B3"/></x:mergeCells>');
    // The notes' drawing, before <tableParts> as the schema orders it.
    expect(out).toMatch(/<x:legacyDrawing r:id="rId9"\/><x:tableParts/);
    expect(out).toMatch(/<x:cols><x:col min="4" max="4" width="12" customWidth="1"\/><\/x:cols><x:sheetData>/);
  });

  it('writes no result cells over an original value, and says so in the first cell\'s note', async () => {
    const wide = SHEET.replace('<x:c r="C2">', '<x:c r="D2" t="inlineStr"><x:is><x:t>原有</x:t></x:is></x:c><x:c r="E2">');
    const out = await edit(wide, 1 << 20, { 2: { ...marks[2]!, overflow: ['本行的检查结果列已有原始数据', '1. …'] } });
    expect(out).toContain('<x:t>原有</x:t>');
    expect(out).not.toContain('需修改');
  });

  it('takes an earlier check\'s result cells and marks off on a re-check', async () => {
    const checked = SHEET.replace('</x:row><x:row r="2"', '<x:c r="D1" s="2" t="inlineStr"><x:is><x:t>检查结果</x:t></x:is></x:c></x:row><x:row r="2"')
      .replace('<x:c r="C2">', '<x:c r="B2" s="2"/><x:c r="C2">').replace('<x:v>2</x:v></x:c></x:row>', '<x:v>2</x:v></x:c><x:c r="D2" s="2" t="inlineStr"><x:is><x:t>需修改</x:t></x:is></x:c></x:row>');
    const out = await edit(checked, 5, { 1: { header: true }, 2: { result: { verdict: 'pass', problems: '', suggestions: '' } } }, {
      strip: new Set([4, 5, 6]), unmark: (s) => (s === 2 ? 1 : s),
    });
    expect(out).not.toContain('需修改');
    expect(out).toContain('通过');
    expect(out).toContain('<x:c r="B2" s="1"/>');
    expect(out.match(/检查结果/g)).toHaveLength(1);
  });
});
