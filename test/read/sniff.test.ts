import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputMessageId } from '../../src/errors.js';
import { openInput } from '../../src/read/index.js';
import { MAX_COMPRESSION_RATIO, MAX_SHEET_XML_BYTES, MAX_UNCOMPRESSED_BYTES, RATIO_MIN_BYTES } from '../../src/read/limits.js';
import { checkZipLimits } from '../../src/read/sniff.js';
import { collect, expectInputError, makeTempDir, minimalXlsx, writeOle2, writeWorkbook, writeZip } from './files.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const GOOD = tmp.file('good.xlsx');
beforeAll(async () => {
  await writeWorkbook(GOOD, (wb) => {
    const ws = wb.addWorksheet('登记表');
    ws.addRow(['姓名', '身份证号', '职称名称']);
    for (let i = 0; i < 200; i++) ws.addRow([`人${i}`, '500224198001011235', '工程师']);
  });
});

type Case = [string, InputMessageId, () => Promise<string> | string, string?];

const cases: Case[] = [
  ['a missing path', 'missing-path', () => tmp.file('nope.xlsx')],
  ['an empty file', 'empty-file', () => write('empty.xlsx', Buffer.alloc(0))],
  ['a folder', 'not-spreadsheet', () => { mkdirSync(tmp.file('folder.xlsx'), { recursive: true }); return tmp.file('folder.xlsx'); }, 'folder'],
  ['an encrypted .xlsx (OLE2 with EncryptionInfo)', 'encrypted-xlsx', () => ole('secret.xlsx', ['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'])],
  ['an encrypted .xlsx whose package comes first', 'encrypted-xlsx', () => ole('secret2.xlsx', ['EncryptedPackage'])],
  ['an .xls whose Workbook stream is empty', 'corrupt-xls', () => ole('old.xls', ['Workbook', '\u0005SummaryInformation'])],
  ['an Excel 95 .xls named .xlsx, with an empty Book stream', 'corrupt-xls', () => ole('old-renamed.xlsx', ['Book'])],
  ['an OLE2 file with no workbook, Word or PowerPoint stream', 'not-spreadsheet', () => ole('other.xls', ['Contents']), 'no workbook'],
  ['an .odt', 'not-spreadsheet', () => zip('letter.ods', [{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '<office:document-content/>' }]), '.odt'],
  ['an .ods without styles.xml', 'corrupt-xlsx', () => zip('nostyles.ods', [{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', data: '<office:document-content/>' }])],
  ['an old Word .doc', 'not-spreadsheet', () => ole('letter.xls', ['WordDocument', '1Table']), '.doc'],
  ['a truncated .xlsx', 'corrupt-xlsx', () => write('cut.xlsx', readFileSync(GOOD).subarray(0, Math.floor(readFileSync(GOOD).length / 2)))],
  ['an .xlsx cut just before its end record', 'corrupt-xlsx', () => write('cut2.xlsx', readFileSync(GOOD).subarray(0, readFileSync(GOOD).length - 10))],
  ['a .docx', 'not-spreadsheet', () => zip('report.xlsx', [{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]), 'docx'],
  ['a plain zip', 'not-spreadsheet', () => zip('photos.xlsx', [{ name: 'a.txt', data: 'hello' }]), 'ZIP'],
  ['sheets without their workbook part', 'corrupt-xlsx', () => zip('parts.xlsx', [{ name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' }])],
  ['a PDF', 'not-spreadsheet', () => write('scan.xlsx', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n')), 'PDF'],
  ['a PNG', 'not-spreadsheet', async () => write('photo.csv', await sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } }).png().toBuffer()), 'PNG'],
  ['a JPEG', 'not-spreadsheet', async () => write('photo.xlsx', await sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } }).jpeg().toBuffer()), 'JPEG'],
  ['random bytes', 'not-spreadsheet', () => write('blob.csv', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37 + 11) % 256))), 'binary'],
  ['an HTML table saved as .xls', 'not-spreadsheet', () => write('export.xls', '<html><body><table><tr><td>姓名</td></tr></table></body></html>'), 'HTML'],
  ['Excel 2003 XML', 'not-spreadsheet', () => write('x2003.xls', '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), 'Excel 2003 XML'],
];

function write(name: string, data: Buffer | string): string {
  const p = tmp.file(name);
  writeFileSync(p, data);
  return p;
}
function ole(name: string, streams: string[]): string {
  const p = tmp.file(name);
  writeOle2(p, streams);
  return p;
}
function zip(name: string, entries: { name: string; data: string }[]): string {
  const p = tmp.file(name);
  writeZip(p, entries);
  return p;
}

describe('inputs that cannot be read are InputErrors with the right id', () => {
  it.each(cases)('%s → %s', async (_name, id, make, kind) => {
    const path = await make();
    const err = await expectInputError(() => openInput(path), id);
    expect(err.data.path).toBe(path);
    if (kind) expect(String(err.data.kind)).toContain(kind);
    expect(err.text('zh')).not.toMatch(/\{\w+\}/); // every placeholder filled
  });
});

describe('decided by content, not by extension', () => {
  it('reads an .xlsx named .csv as a workbook', async () => {
    const path = tmp.file('really-xlsx.csv');
    copyFileSync(GOOD, path);
    const { reader, sheets } = await collect(path);
    expect(reader.format).toBe('xlsx');
    expect(sheets[0]!.name).toBe('登记表');
  });

  it('reads CSV text named .xlsx as CSV', async () => {
    const path = write('really-csv.xlsx', '姓名,身份证号,职称名称\n张三,1,工程师\n');
    const { reader, rows } = await collect(path);
    expect(reader.format).toBe('csv');
    expect(rows[1]!.values).toEqual(['张三', '1', '工程师']);
  });

  it('reads a real workbook', async () => {
    const { rows } = await collect(GOOD);
    expect(rows.filter((r) => r.role === 'data')).toHaveLength(200);
  });
});

describe('zip limits', () => {
  it('refuses a zip bomb from its central directory, before exceljs inflates it', async () => {
    // 24 MiB of one repeated byte deflates to ~24 KiB: a ratio near 1000:1.
    const entries = minimalXlsx('');
    entries.push({ name: 'xl/sharedStrings.xml', data: ' '.repeat(RATIO_MIN_BYTES + 8 * 1024 * 1024) });
    const path = tmp.file('bomb.xlsx');
    writeZip(path, entries);
    const err = await expectInputError(() => openInput(path), 'too-large');
    expect(String(err.data.detail)).toContain('xl/sharedStrings.xml');
  });

  const GiB = 1024 ** 3;
  it.each([
    ['a normal workbook', [{ name: 'xl/worksheets/sheet1.xml', compressed: 2_000_000, uncompressed: 30_000_000 }], null],
    ['a small, highly compressible entry', [{ name: 'xl/worksheets/sheet1.xml', compressed: 1_000, uncompressed: 4_000_000 }], null],
    ['sheet XML over the limit', [{ name: 'xl/worksheets/sheet1.xml', compressed: 60 * 1024 ** 2, uncompressed: MAX_SHEET_XML_BYTES / 2 + 1 }, { name: 'xl/worksheets/sheet2.xml', compressed: 60 * 1024 ** 2, uncompressed: MAX_SHEET_XML_BYTES / 2 + 1 }], 'sheet XML'],
    ['all entries over the limit', [{ name: 'xl/media/image1.png', compressed: MAX_UNCOMPRESSED_BYTES, uncompressed: MAX_UNCOMPRESSED_BYTES + 1 }], 'unzipped'],
    ['a ratio above the limit', [{ name: 'xl/styles.xml', compressed: 100_000, uncompressed: 100_000 * (MAX_COMPRESSION_RATIO + 1) }], 'ratio'],
    ['just at the ratio limit', [{ name: 'xl/styles.xml', compressed: 200_000, uncompressed: 200_000 * MAX_COMPRESSION_RATIO }], null],
    ['a GiB-sized image is not sheet XML', [{ name: 'xl/media/image1.png', compressed: GiB, uncompressed: GiB + 5 }], null],
  ])('%s', (_name, entries, detail) => {
    const run = () => checkZipLimits('x.xlsx', entries);
    if (detail === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ id: 'too-large', data: expect.objectContaining({ detail: expect.stringContaining(detail) }) }));
  });
});

describe('merged ranges from the sheet XML', () => {
  it('are found wherever the chunks are cut', async () => {
    const { MergeCollector } = await import('../../src/read/sniff.js');
    const xml = `<worksheet><sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50)}</sheetData><mergeCells count="2"><mergeCell ref="A1:T1"/><mergeCell ref="B3:C4"/></mergeCells></worksheet>`;
    for (const size of [7, 13, 64, 100, xml.length]) {
      const c = new MergeCollector();
      for (let i = 0; i < xml.length; i += size) c.push(Buffer.from(xml.slice(i, i + size), 'latin1'));
      expect(c.refs, `chunks of ${size}`).toEqual(['A1:T1', 'B3:C4']);
    }
  });
});
