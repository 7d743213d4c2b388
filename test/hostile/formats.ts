/**
 * The spreadsheet formats' part of the hostile corpus: broken and hostile .xls/.et and .ods files, made from the
 * LibreOffice-saved fixtures (test/fixtures/formats) by planting one fault each, or written here. Each must
 * end in a refusal (exit 2, one sentence) within the corpus's time and heap bounds, or, where the file is
 * sound after all, in a report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { REPO_ROOT } from '../helpers/paths.js';
import type { HostileCase } from './build-corpus.js';
import { HEADERS, GOOD_VALUES, writeZipStream } from './builders.js';
import { biffRecords, mapCfb, readStream } from './cfb-edit.js';

const XLS = join(REPO_ROOT, 'test/fixtures/formats/records.xls');
const ODS = join(REPO_ROOT, 'test/fixtures/formats/records.ods');

/** The fixture .xls with `edit` applied to a copy of its bytes. */
function editedXls(dir: string, name: string, edit: (buf: Buffer) => void): string {
  const buf = Buffer.from(readFileSync(XLS));
  edit(buf);
  const p = join(dir, name);
  writeFileSync(p, buf);
  return p;
}

const ODS_HEAD = '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
  + 'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
  + '<office:body><office:spreadsheet><table:table table:name="登记表">';
const ODS_TAIL = '</table:table></office:spreadsheet></office:body></office:document-content>';
const odsCell = (v: string) => `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;
const odsRow = (cells: string[]) => `<table:table-row>${cells.map(odsCell).join('')}</table:table-row>`;

/** An .ods written here: mimetype, manifest, styles and a content.xml streamed from `content` (sizes may lie). */
async function writeOds(path: string, content: Iterable<string> | AsyncIterable<string>, declare?: { uncompressed: number }): Promise<string> {
  await writeZipStream(path, [
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
    {
      name: 'META-INF/manifest.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        + '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        + '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    { name: 'styles.xml', data: '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>' },
    { name: 'content.xml', data: content, declare },
  ]);
  return path;
}

/** `mb` MB of one empty row repeated, between a header row and the end: deflates ~1000:1. */
async function* emptyRowsBomb(mb: number): AsyncGenerator<string> {
  yield ODS_HEAD + odsRow(HEADERS) + odsRow(GOOD_VALUES);
  const piece = '<table:table-row><table:table-cell/></table:table-row>'.repeat(20_000);
  for (let n = 0; n < mb * 1024 * 1024; n += piece.length) yield piece;
  yield ODS_TAIL;
}

export const FORMAT_CASES: HostileCase[] = [
  {
    name: '.xls cut to 60 %',
    build: (d) => {
      const p = join(d, 'cut.xls');
      const bytes = readFileSync(XLS);
      writeFileSync(p, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      return p;
    },
    expect: 'refuse',
    says: /97-2003.*(损坏|不完整)/,
  },
  {
    name: '.xls whose Workbook stream loops in the FAT',
    build: (d) => editedXls(d, 'fat-loop.xls', (buf) => {
      const map = mapCfb(buf);
      const chain = map.chain(map.entries.find((e) => e.name === 'Workbook')!.start);
      buf.writeUInt32LE(chain[0]!, map.fatEntry(chain[3]!)); // the 4th sector leads back to the first
    }),
    expect: 'refuse',
    says: /97-2003.*loops/,
  },
  {
    name: '.xls whose directory chain loops',
    build: (d) => editedXls(d, 'dir-loop.xls', (buf) => {
      const map = mapCfb(buf);
      const first = buf.readUInt32LE(0x30);
      buf.writeUInt32LE(first, map.fatEntry(first)); // the directory's only sector points at itself
    }),
    expect: 'refuse',
    says: /97-2003.*loops/,
  },
  {
    name: '.xls whose directory entries link in a ring',
    build: (d) => editedXls(d, 'dir-ring.xls', (buf) => {
      const map = mapCfb(buf);
      const wb = map.entries.findIndex((e) => e.name === 'Workbook');
      const ole = map.entries.findIndex((e) => e.name === '\u0001Ole');
      // Workbook's right sibling is \1Ole, and \1Ole's right sibling is Workbook.
      buf.writeUInt32LE(ole, map.entries[wb]!.offset + 72);
      buf.writeUInt32LE(wb, map.entries[ole]!.offset + 72);
    }),
    expect: 'refuse',
    says: /97-2003.*(ring|linked twice)/,
  },
  {
    name: '.xls whose Workbook stream declares more than the file holds',
    build: (d) => editedXls(d, 'long-stream.xls', (buf) => {
      const map = mapCfb(buf);
      buf.writeUInt32LE(50 * 1024 * 1024, map.entries.find((e) => e.name === 'Workbook')!.offset + 120);
    }),
    expect: 'refuse',
    says: /97-2003.*shorter than declared/,
  },
  {
    name: '.xls with an opening password (BIFF FILEPASS record)',
    build: (d) => editedXls(d, 'password.xls', (buf) => {
      const map = mapCfb(buf);
      const second = biffRecords(readStream(buf, map, 'Workbook'))[1]!; // the record after BOF becomes FILEPASS
      buf.writeUInt16LE(0x002f, map.streamOffset('Workbook', second.pos));
    }),
    expect: 'refuse',
    says: /密码/,
  },
  {
    name: '.xls whose BIFF records are garbage',
    build: (d) => editedXls(d, 'garbage.xls', (buf) => {
      const map = mapCfb(buf);
      const size = map.entries.find((e) => e.name === 'Workbook')!.size;
      for (let i = 64; i < size; i++) buf[map.streamOffset('Workbook', i)] = (i * 7919 + 13) % 251;
    }),
    expect: 'refuse',
  },
  {
    // A sheet may declare (DIMENSIONS) far more than it holds: BIFF stores every cell, so the parse costs
    // what the file holds, and the records are read as they are.
    name: '.xls whose sheets declare 65,536 × 256 cells and hold 20 rows',
    build: (d) => editedXls(d, 'huge-dimensions.xls', (buf) => {
      const map = mapCfb(buf);
      for (const r of biffRecords(readStream(buf, map, 'Workbook')).filter((x) => x.type === 0x0200)) {
        buf.writeUInt32LE(65536, map.streamOffset('Workbook', r.pos + 8));
        buf.writeUInt16LE(256, map.streamOffset('Workbook', r.pos + 14));
      }
    }),
    expect: 'report',
    check: (report) => {
      if (report.summary.rows !== 20) throw new Error(`rows ${report.summary.rows}`);
    },
  },
  {
    // SheetJS writes BIFF in time quadratic in the rows: 5,000 are enough to pass --max-rows 1000.
    name: '.xls of 5,000 rows with --max-rows 1000',
    build: (d) => {
      const rows = [HEADERS, ...Array.from({ length: 5_000 }, (_, i) => GOOD_VALUES.map((v, c) => (c === 0 ? `${v}${i}` : v)))];
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { dense: true }), '登记表');
      const p = join(d, 'tall.xls');
      writeFileSync(p, XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer);
      return p;
    },
    args: ['--max-rows', '1000'],
    expect: 'refuse',
    says: /超过 1000 行/,
  },
  {
    name: '.ods cut to 60 %',
    build: (d) => {
      const p = join(d, 'cut.ods');
      const bytes = readFileSync(ODS);
      writeFileSync(p, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      return p;
    },
    expect: 'refuse',
    says: /损坏或不完整/,
  },
  {
    name: '.ods zip bomb: 300 MB of content.xml in a few hundred KB',
    build: (d) => writeOds(join(d, 'bomb.ods'), emptyRowsBomb(300)),
    expect: 'refuse',
    says: /过大.*content\.xml/,
  },
  {
    name: '.ods zip bomb whose zip headers lie about the size',
    build: (d) => writeOds(join(d, 'bomb-lying.ods'), emptyRowsBomb(200), { uncompressed: 64 * 1024 }),
    expect: 'refuse',
    says: /过大.*zip bomb/,
  },
  {
    name: '.ods declaring a sheet of 400,000 × 16,384 cells (repeat attributes)',
    build: (d) => writeOds(join(d, 'huge-sheet.ods'), [
      ODS_HEAD, odsRow(HEADERS),
      `<table:table-row table:number-rows-repeated="400000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>`,
      ODS_TAIL,
    ]),
    expect: 'refuse',
    says: /过大.*cells/,
  },
  {
    // SheetJS reads the text of a cell without a type as a string: such cells count too.
    name: '.ods declaring 400,000 × 16,384 cells without value types',
    build: (d) => writeOds(join(d, 'huge-untyped.ods'), [
      ODS_HEAD, odsRow(HEADERS),
      `<table:table-row table:number-rows-repeated="400000"><table:table-cell table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row>`,
      ODS_TAIL,
    ]),
    expect: 'refuse',
    says: /过大.*cells/,
  },
  {
    name: '.ods declaring 1,000,000 repeated data rows',
    build: (d) => writeOds(join(d, 'tall.ods'), [
      ODS_HEAD, odsRow(HEADERS),
      `<table:table-row table:number-rows-repeated="1000000">${GOOD_VALUES.map(odsCell).join('')}</table:table-row>`,
      ODS_TAIL,
    ]),
    expect: 'refuse',
    says: /超过 500000 行/,
  },
  {
    name: '.ods whose content.xml is not XML',
    build: (d) => writeOds(join(d, 'not-xml.ods'), ['\u0000\u0001 this is not XML <<<< >>>> <table:table-row']),
    expect: 'refuse',
  },
];
