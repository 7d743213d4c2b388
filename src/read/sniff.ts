/**
 * What an input really is, decided by its content (never by its extension), and every way it can be
 * unreadable turned into an InputError: missing, empty, damaged or password-protected .xls/.et, encrypted
 * .xlsx (both OLE2 containers), truncated zip, zip that is no workbook, zip bomb, an .ods that declares more
 * cells than it may, PDF/image/other binary, HTML or XML saved as .xls. A text file also gets its encoding
 * and its delimiter here.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { InputError, ioCause } from '../errors.js';
import type { AliasTable } from '../model/fields.js';
import { CfbError, inspectCfb, OLE2_MAGIC, type CfbFacts } from './cfb.js';
import { detectDelimiter, parseDelimiter, type DelimiterSource } from './delimiter.js';
import {
  MAX_COMPRESSION_RATIO, MAX_CSV_BYTES, MAX_ODS_CONTENT_BYTES, MAX_ODS_UNCOMPRESSED_BYTES, MAX_SHEET_XML_BYTES, MAX_SHEETJS_CELLS,
  MAX_UNCOMPRESSED_BYTES, MAX_XLS_BYTES, MAX_ZIP_ENTRIES, RATIO_MIN_BYTES, DEFAULT_MAX_ROWS, formatBytes,
} from './limits.js';
import { OdsCounter } from './ods-scan.js';

const HEAD_BYTES = 8192;
/** The delimiter is looked for in the header search rows within this much of the start of a text file. */
const DELIMITER_SCAN_BYTES = 64 * 1024;
/** A CSV is text: no NUL in its first KB once decoded. */
const TEXT_CHECK_BYTES = 1024;

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  /** Where the entry's local header starts, and its general-purpose flags (bit 3: data descriptor). */
  offset?: number;
  flags?: number;
}

export interface ZipFacts {
  /** Entry names in the order the zip holds them. */
  entries: string[];
  /** Merged ranges by sheet part (xl/worksheets/sheetN.xml). */
  merges?: Record<string, string[]>;
}

/** What the inflating pass over an .xlsx finds (see `inflateEntries`). */
export interface ZipVerified {
  valueRows: number;
  merges: Record<string, string[]>;
  /**
   * The sheet XML and shared strings were left to the reader, which inflates them anyway (their sizes checked as
   * it goes, the merged ranges collected on the way): the pass inflated only the small parts. `valueRows` is 0.
   */
  leftToReader?: boolean;
}

/**
 * Sheet XML per allowed data row above which the rows wait for the zip check's count (a registration row takes
 * 300–800 bytes): at the default --max-rows, sheets over 128 MB, which the count goes through in about half a
 * second. Smaller sheets are not counted ahead: the reader's own count refuses them at the limit.
 */
export const COUNT_FIRST_BYTES_PER_ROW = 256;

export type Sniffed =
  | {
      format: 'xlsx';
      size: number;
      zip: ZipFacts;
      /**
       * With `deferVerify`, the inflating pass still running: it rejects with the InputError (zip bomb,
       * damaged entry, sure to pass --max-rows) and `zip.merges` is not filled in.
       */
      verified?: Promise<ZipVerified>;
      /** With `deferVerify`: the pass leaves the sheets and shared strings to the reader (ZipVerified.leftToReader). */
      leftToReader?: boolean;
    }
  | {
      /** An Excel 97-2003 workbook (BIFF8 from Excel or WPS, whatever its extension: .xls, .et), or BIFF5 (Excel 95). */
      format: 'xls';
      size: number;
      /** The workbook stream: 'Workbook' (BIFF8) or 'Book' (BIFF5). */
      stream: 'Workbook' | 'Book';
    }
  | {
      /** An OpenDocument spreadsheet (LibreOffice, WPS, …). */
      format: 'ods';
      size: number;
      /** Uncompressed size of content.xml (what the parser holds). */
      contentBytes: number;
      /** Cells holding a value, repeats counted. */
      cells: number;
    }
  | {
      format: 'csv';
      size: number;
      /** iconv-lite encoding name */
      encoding: string;
      /** how it was chosen */
      encodingSource: 'bom' | 'utf-8' | 'utf-8-damaged' | 'fallback' | 'option';
      /** The field delimiter: ',', '\t', ';' or '|'. */
      delimiter: string;
      delimiterSource: DelimiterSource;
    };

export interface SniffOptions {
  encoding?: string;
  /** The --delimiter override (',', ';', 'tab', …); detected from the header line when absent. */
  delimiter?: string;
  maxRows?: number;
  deferVerify?: boolean;
  aliases?: AliasTable;
}

/** Decides what `path` holds; throws InputError for everything cert-check cannot read. */
export async function sniff(path: string, options: SniffOptions = {}): Promise<Sniffed> {
  const st = await stat(path).catch(() => null);
  if (!st) throw new InputError('missing-path', { path });
  if (st.isDirectory()) throw new InputError('not-spreadsheet', { path, kind: 'folder (文件夹)' });
  if (st.size === 0) throw new InputError('empty-file', { path });

  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    // Not there any more, or there but not readable (permissions): say which, and why.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError('missing-path', { path, detail: errorDetail(e) });
    throw new InputError('read-failed', { path, detail: ioCause(e, 'read') });
  }
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, st.size));
    await fh.read(head, 0, head.length, 0);

    if (head.subarray(0, 8).equals(OLE2_MAGIC)) return await sniffOle2(path, fh, st.size);

    if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) {
      const entries = await readZipDirectory(path);
      const names = entries.map((e) => e.name);
      if (!names.includes('xl/workbook.xml')) {
        const od = await openDocumentKind(path, names);
        if (od === 'spreadsheet') return await sniffOds(path, fh, st.size, entries, options);
        if (od) throw new InputError('not-spreadsheet', { path, kind: od });
        // Sheets without their workbook part: a damaged workbook, not some other kind of zip.
        if (names.some((n) => n.startsWith('xl/worksheets/'))) throw new InputError('corrupt-xlsx', { path, detail: 'xl/workbook.xml missing' });
        throw new InputError('not-spreadsheet', { path, kind: zipKind(names) });
      }
      checkZipLimits(path, entries);
      await checkLocalHeaders(path, fh, entries);
      // Data rows are at most the rows holding a value, less the header rows of each sheet: a file sure to pass
      // --max-rows is refused as soon as the count passes the limit, before hours of checking and a pile of findings
      // (and before the reading, which runs behind the count, has handed most of its rows over).
      const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length;
      const tooMany = options.maxRows === undefined ? undefined : { rows: options.maxRows + sheets * HEADER_ROWS_PER_SHEET, error: () => new InputError('too-many-rows', { path, max: options.maxRows! }) };
      // Beside a reader, a sheet that cannot pass --max-rows (by its declared size) is not inflated twice: the reader
      // inflates the sheets and the shared strings itself, and this pass only the small parts.
      const sheetBytes = entries.reduce((n, e) => n + (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) ? e.uncompressed : 0), 0);
      const leftToReader = options.deferVerify === true && sheetBytes <= (options.maxRows ?? DEFAULT_MAX_ROWS) * COUNT_FIRST_BYTES_PER_ROW;
      const verified = inflateEntries(path, entries, tooMany, leftToReader);
      if (options.deferVerify) {
        verified.catch(() => {}); // the reader takes the error from here; a reader given up on must not leave it unhandled
        return { format: 'xlsx', size: st.size, zip: { entries: names }, verified, leftToReader };
      }
      return { format: 'xlsx', size: st.size, zip: { entries: names, merges: (await verified).merges } };
    }

    const bom = bomEncoding(head);
    let encoding: string;
    let source: 'bom' | 'utf-8' | 'utf-8-damaged' | 'fallback' | 'option';
    if (options.encoding) {
      if (!iconv.encodingExists(options.encoding)) throw new InputError('bad-encoding', { path, encoding: options.encoding });
      encoding = options.encoding;
      source = 'option';
    } else if (bom) {
      encoding = bom;
      source = 'bom';
    } else {
      const ft = await fileTypeFromBuffer(head).catch(() => undefined);
      // XML is text: it goes on to the markup check below, which names it better.
      if (ft && ft.ext !== 'xml') throw new InputError('not-spreadsheet', { path, kind: binaryKind(ft.ext) });
      const utf8 = await utf8Damage(path);
      encoding = utf8 === 'clean' || utf8 === 'damaged' ? 'utf-8' : 'gb18030';
      source = utf8 === 'clean' ? 'utf-8' : utf8 === 'damaged' ? 'utf-8-damaged' : 'fallback';
    }
    const text = iconv.decode(head.subarray(0, TEXT_CHECK_BYTES), encoding);
    if (text.includes('\u0000')) throw new InputError('not-spreadsheet', { path, kind: 'binary data (二进制数据)' });
    const markup = markupKind(text);
    if (markup) throw new InputError('not-spreadsheet', { path, kind: markup });
    if (st.size > MAX_CSV_BYTES) {
      throw new InputError('too-large', { path, detail: `CSV ${formatBytes(st.size)} > ${formatBytes(MAX_CSV_BYTES)}` });
    }
    let delimiter: string;
    let delimiterSource: DelimiterSource;
    if (options.delimiter !== undefined) {
      const d = parseDelimiter(options.delimiter);
      if (d === null) throw new InputError('bad-delimiter', { delimiter: options.delimiter });
      delimiter = d;
      delimiterSource = 'option';
    } else {
      const start = Buffer.alloc(Math.min(DELIMITER_SCAN_BYTES, st.size));
      await fh.read(start, 0, start.length, 0);
      ({ delimiter, source: delimiterSource } = detectDelimiter(iconv.decode(start, encoding, { stripBOM: true }), {
        complete: start.length === st.size,
        aliases: options.aliases,
      }));
    }
    return { format: 'csv', size: st.size, encoding, encodingSource: source, delimiter, delimiterSource };
  } finally {
    await fh.close();
  }
}

/**
 * A quick look, before any reading starts: is `path` an .xls/.et or an .ods (parsed whole by SheetJS, so
 * always in a reading process of its own, its heap sized by `bytes`: the file for an .xls, the uncompressed
 * content.xml for an .ods)? Null for anything else, and for anything unreadable (sniff says why). Any
 * compound file counts as an .xls here (an encrypted .xlsx too: the reading process refuses it).
 */
export async function wholeParseKind(path: string): Promise<{ format: 'xls' | 'ods'; bytes: number } | null> {
  try {
    const fh = await open(path, 'r');
    let head: Buffer;
    let size: number;
    try {
      size = (await fh.stat()).size;
      head = Buffer.alloc(Math.min(8, size));
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
    if (head.equals(OLE2_MAGIC)) return { format: 'xls', bytes: size };
    if (head[0] !== 0x50 || head[1] !== 0x4b) return null;
    const entries = await readZipDirectory(path);
    const content = entries.find((e) => e.name === 'content.xml');
    if (!content || entries.some((e) => e.name === 'xl/workbook.xml')) return null;
    return { format: 'ods', bytes: content.uncompressed };
  } catch {
    return null;
  }
}

function errorDetail(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]!.slice(0, 160);
}

/** The encoding a byte-order mark announces, or null. */
export function bomEncoding(head: Uint8Array): string | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** The whole file decodes as UTF-8 without a single invalid sequence (read as a stream, nothing kept). */
export async function isStrictUtf8(path: string): Promise<boolean> {
  const { createReadStream } = await import('node:fs');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * How well a file reads as UTF-8: 'clean' (no invalid sequence), 'damaged' (UTF-8 text with a few
 * invalid bytes, e.g. a cell pasted from another system: at most 1 bad sequence per 10 good multi-byte
 * characters), or 'no' (legacy text such as GBK: about 9 in 10 of its characters are invalid UTF-8).
 * Read as a stream, nothing kept.
 */
export async function utf8Damage(path: string): Promise<'clean' | 'damaged' | 'no'> {
  if (await isStrictUtf8(path)) return 'clean';
  const { createReadStream } = await import('node:fs');
  const decoder = new TextDecoder('utf-8');
  let bad = 0;
  let good = 0;
  const count = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) bad++;
      else if (c >= 0x80) good++;
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) count(decoder.decode(chunk as Buffer, { stream: true }));
  count(decoder.decode());
  return bad * 10 <= good ? 'damaged' : 'no';
}

const BINARY_KINDS: Record<string, string> = {
  pdf: 'PDF', jpg: 'JPEG', png: 'PNG', gif: 'GIF', bmp: 'BMP', webp: 'WebP', tif: 'TIFF', heic: 'HEIC',
  rar: 'RAR', '7z': '7z', gz: 'gzip', bz2: 'bzip2', xz: 'xz', zip: 'ZIP', exe: 'EXE', mp4: 'MP4', mp3: 'MP3',
  rtf: 'RTF', sqlite: 'SQLite',
};

function binaryKind(ext: string): string {
  return BINARY_KINDS[ext] ?? `.${ext}`;
}

/** HTML or XML text (web systems often save an HTML table as “.xls”). */
function markupKind(text: string): string | null {
  const s = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (!s.startsWith('<')) return null;
  if (s.startsWith('<?xml')) {
    return text.includes('urn:schemas-microsoft-com:office:spreadsheet') ? 'Excel 2003 XML' : 'XML';
  }
  if (/^<(!doctype\s+html|html|table|head|body|meta)\b/.test(s)) return 'HTML';
  return null;
}

/** What a zip without xl/workbook.xml is. */
function zipKind(names: readonly string[]): string {
  const has = (n: string) => names.includes(n);
  if (has('word/document.xml')) return 'Word (.docx)';
  if (has('ppt/presentation.xml')) return 'PowerPoint (.pptx)';
  if (has('xl/workbook.bin')) return 'Excel binary workbook (.xlsb)';
  if (has('mimetype') && has('content.xml')) return 'OpenDocument';
  return 'ZIP';
}

/** The kinds of OpenDocument file by the media type in their mimetype entry (or manifest). */
const OPENDOCUMENT_KINDS: Record<string, string> = {
  text: 'OpenDocument 文本 (.odt)', presentation: 'OpenDocument 演示文稿 (.odp)', graphics: 'OpenDocument 图形 (.odg)',
  formula: 'OpenDocument 公式 (.odf)', chart: 'OpenDocument 图表 (.odc)', database: 'OpenDocument 数据库 (.odb)',
};

/**
 * 'spreadsheet' for an OpenDocument spreadsheet (or its template), a kind name for another OpenDocument
 * file, null for a zip that is no OpenDocument file. Read from the `mimetype` entry the format puts first,
 * else from META-INF/manifest.xml.
 */
async function openDocumentKind(path: string, names: readonly string[]): Promise<string | null> {
  if (!names.includes('content.xml')) return null;
  let media = '';
  if (names.includes('mimetype')) media = (await readZipText(path, 'mimetype', 256)) ?? '';
  if (!/opendocument/.test(media) && names.includes('META-INF/manifest.xml')) {
    const manifest = (await readZipText(path, 'META-INF/manifest.xml', 256 * 1024)) ?? '';
    media = /full-path="\/"[^>]*media-type="([^"]+)"|media-type="([^"]+)"[^>]*full-path="\/"/.exec(manifest)?.slice(1).find(Boolean) ?? '';
  }
  const m = /application\/vnd\.oasis\.opendocument\.([a-z]+)/.exec(media);
  if (!m) return null;
  if (m[1] === 'spreadsheet') return 'spreadsheet';
  return OPENDOCUMENT_KINDS[m[1]!] ?? `OpenDocument (${m[1]})`;
}

/** One small entry of a zip as text, or null when it is missing, larger than `max` or unreadable. */
function readZipText(path: string, name: string, max: number): Promise<string | null> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      const done = (v: string | null): void => {
        zip.close();
        resolve(v);
      };
      zip.on('error', () => done(null));
      zip.on('end', () => done(null));
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        if (e.uncompressedSize > max) return done(null);
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return done(null);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => done(null));
          stream.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * An OLE2 file: an .xls/.et (its container checked whole, see ./cfb.ts), an encrypted .xlsx, or another
 * Office 97-2003 document.
 */
async function sniffOle2(path: string, fh: FileHandle, size: number): Promise<Sniffed> {
  let facts: CfbFacts | null = null;
  let damage = '';
  try {
    facts = await inspectCfb(fh, size);
  } catch (e) {
    if (!(e instanceof CfbError)) throw e;
    damage = e.message;
  }
  // A damaged container is still named by the streams a byte scan finds.
  const names = facts?.names ?? (await ole2ScanNames(fh, size));
  if (names.some((n) => n === 'EncryptionInfo' || n === 'EncryptedPackage')) throw new InputError('encrypted-xlsx', { path });
  if (names.includes('WordDocument')) throw new InputError('not-spreadsheet', { path, kind: 'Word 97-2003 (.doc)' });
  if (names.includes('PowerPoint Document')) throw new InputError('not-spreadsheet', { path, kind: 'PowerPoint 97-2003 (.ppt)' });
  if (!facts) {
    // A cut file loses its directory (written last) with the stream names: the extension then tells.
    if (names.includes('Workbook') || names.includes('Book') || /\.(xls|et)$/i.test(path)) throw new InputError('corrupt-xls', { path, detail: damage });
    throw new InputError('corrupt-xlsx', { path, detail: `Office 97-2003 compound file: ${damage}` });
  }
  if (!facts.workbook) throw new InputError('not-spreadsheet', { path, kind: 'Office 97-2003 (no workbook inside)' });
  if (facts.biffEncrypted) throw new InputError('encrypted-xlsx', { path });
  if (size > MAX_XLS_BYTES) throw new InputError('too-large', { path, detail: `.xls ${formatBytes(size)} > ${formatBytes(MAX_XLS_BYTES)}` });
  return { format: 'xls', size, stream: facts.workbook };
}

/**
 * An .ods: the same zip checks as an .xlsx (entries end to end, sizes that agree), then every entry is
 * inflated to its end, each stopped as soon as it gives more than it declared (SheetJS inflates them all
 * into memory), counting on the way the rows and cells content.xml declares (./ods-scan.ts).
 */
async function sniffOds(path: string, fh: FileHandle, size: number, entries: ZipEntryInfo[], options: SniffOptions): Promise<Sniffed> {
  const content = entries.find((e) => e.name === 'content.xml')!;
  const total = entries.reduce((n, e) => n + e.uncompressed, 0);
  if (content.uncompressed > MAX_ODS_CONTENT_BYTES) {
    throw new InputError('too-large', { path, detail: `content.xml ${formatBytes(content.uncompressed)} > ${formatBytes(MAX_ODS_CONTENT_BYTES)}` });
  }
  if (total > MAX_ODS_UNCOMPRESSED_BYTES) {
    throw new InputError('too-large', { path, detail: `unzipped ${formatBytes(total)} > ${formatBytes(MAX_ODS_UNCOMPRESSED_BYTES)}` });
  }
  await checkLocalHeaders(path, fh, entries);
  const counter = new OdsCounter();
  await inflateAll(path, entries, (name) => (name === 'content.xml' ? (c) => counter.push(c) : null));
  if (options.maxRows !== undefined && counter.valueRows - counter.tables * HEADER_ROWS_PER_SHEET > options.maxRows) {
    throw new InputError('too-many-rows', { path, max: options.maxRows });
  }
  if (counter.cells > MAX_SHEETJS_CELLS) {
    throw new InputError('too-large', { path, detail: `content.xml declares ${counter.cells.toLocaleString('en')} cells with values > ${MAX_SHEETJS_CELLS.toLocaleString('en')}` });
  }
  return { format: 'ods', size, contentBytes: content.uncompressed, cells: counter.cells };
}

/**
 * Inflates every entry of a zip to its end (yauzl's validateEntrySizes stops an entry as soon as it gives
 * more bytes than it declared); `sink(name)` may return a function that sees the entry's bytes.
 */
function inflateAll(path: string, entries: readonly ZipEntryInfo[], sink: (name: string) => ((chunk: Buffer) => void) | null): Promise<void> {
  const corrupt = (detail: string) => new InputError('corrupt-xlsx', { path, detail });
  return new Promise<void>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(corrupt(`zip: ${errorDetail(err ?? 'unreadable')}`));
      let failed = false;
      const fail = (e: unknown, name: string) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(zipEntryError(path, e, name, entries));
      };
      zip.on('error', (e) => fail(e, 'zip'));
      zip.on('end', () => resolve());
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return fail(err2 ?? 'unreadable', e.fileName);
          const see = sink(e.fileName);
          stream.on('error', (x) => fail(x, e.fileName));
          stream.on('end', () => zip.readEntry());
          stream.on('data', (c: Buffer) => {
            if (!see || failed) return;
            try {
              see(c);
            } catch (x) {
              stream.destroy();
              fail(x, e.fileName);
            }
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The central directory of a zip; a file that is not a complete zip → corrupt-xlsx. */
export function readZipDirectory(path: string): Promise<ZipEntryInfo[]> {
  return new Promise((resolve, reject) => {
    const corrupt = (e: unknown) => reject(new InputError('corrupt-xlsx', { path, detail: `zip: ${errorDetail(e)}` }));
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return corrupt(err ?? 'unreadable');
      if (zip.entryCount > MAX_ZIP_ENTRIES) {
        zip.close();
        return reject(new InputError('too-large', { path, detail: `${zip.entryCount} zip entries > ${MAX_ZIP_ENTRIES}` }));
      }
      const entries: ZipEntryInfo[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({
          name: e.fileName, compressed: e.compressedSize, uncompressed: e.uncompressedSize,
          offset: e.relativeOffsetOfLocalHeader, flags: e.generalPurposeBitFlag,
        });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', corrupt);
      zip.readEntry();
    });
  });
}

const SHEET_XML = /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml)$/;

/** Refuses zip bombs and giant workbooks from their central directory (limits in ./limits.ts). */
export function checkZipLimits(path: string, entries: readonly ZipEntryInfo[]): void {
  let sheetXml = 0;
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (SHEET_XML.test(e.name)) sheetXml += e.uncompressed;
    if (e.uncompressed > RATIO_MIN_BYTES && e.uncompressed > MAX_COMPRESSION_RATIO * Math.max(e.compressed, 1)) {
      const ratio = Math.round(e.uncompressed / Math.max(e.compressed, 1));
      throw new InputError('too-large', {
        path,
        detail: `${e.name}: ${formatBytes(e.compressed)} → ${formatBytes(e.uncompressed)}, ratio ${ratio}:1 > ${MAX_COMPRESSION_RATIO}:1`,
      });
    }
  }
  if (sheetXml > MAX_SHEET_XML_BYTES) {
    throw new InputError('too-large', { path, detail: `sheet XML ${formatBytes(sheetXml)} > ${formatBytes(MAX_SHEET_XML_BYTES)}` });
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw new InputError('too-large', { path, detail: `unzipped ${formatBytes(total)} > ${formatBytes(MAX_UNCOMPRESSED_BYTES)}` });
  }
}

/** The parts exceljs' streaming reader inflates and parses (everything else is skipped unread). */
/** Rows of a sheet that are not data (title rows and the header): the header search looks at ten. */
const HEADER_ROWS_PER_SHEET = 10;

/**
 * Counts the rows of sheet XML that hold a value (a </row> after a <v> or <is>) as the bytes stream by;
 * rows without a value (styled empty rows, formulas without a result) are not counted. Tags may be cut
 * between two chunks: the last bytes of a chunk are kept for the next.
 */
class ValueRowCounter {
  rows = 0;
  private hasValue = false;
  private carry = Buffer.alloc(0);

  push(chunk: Buffer): void {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    // Next position of each tag at or after `from`; -1 when the rest of the buffer has none.
    let v = buf.indexOf('<v>', 0, 'latin1');
    let is = buf.indexOf('<is>', 0, 'latin1');
    let from = 0;
    for (let end = buf.indexOf('</row>', 0, 'latin1'); end >= 0; end = buf.indexOf('</row>', from, 'latin1')) {
      if ((v >= 0 && v < end) || (is >= 0 && is < end)) this.hasValue = true;
      if (this.hasValue) this.rows++;
      this.hasValue = false;
      from = end + 6;
      if (v >= 0 && v < from) v = buf.indexOf('<v>', from, 'latin1');
      if (is >= 0 && is < from) is = buf.indexOf('<is>', from, 'latin1');
    }
    if (v >= 0 || is >= 0) this.hasValue = true;
    this.carry = Buffer.from(buf.subarray(Math.max(from, buf.length - 5)));
  }
}

/**
 * The merged ranges of a sheet (`<mergeCell ref="A1:T1"/>`, after the sheet data), collected in the same
 * pass: exceljs's streaming reader ignores them, and the annotated copy should keep its title rows merged.
 */
export class MergeCollector {
  readonly refs: string[] = [];
  private carry = '';

  push(chunk: Buffer): void {
    // Merged ranges follow the sheet data: most chunks hold none, and are not decoded at all.
    const seam = this.carry + chunk.subarray(0, 16).toString('latin1');
    if (chunk.indexOf('<mergeCell', 0, 'latin1') < 0 && !seam.includes('<mergeCell')) {
      this.carry = chunk.subarray(Math.max(0, chunk.length - 64)).toString('latin1');
      return;
    }
    const text = this.carry + chunk.toString('latin1');
    const re = /<mergeCell\s+ref="([A-Z]{1,3}\d{1,7}:[A-Z]{1,3}\d{1,7})"/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (this.refs.length < MAX_MERGES) this.refs.push(m[1]!);
      last = re.lastIndex;
    }
    // Keep a tail long enough to hold a tag cut in two by the chunk boundary.
    this.carry = text.slice(Math.max(last, text.length - 64));
  }
}

/** More merged ranges than this in one sheet are not kept (they are formatting, not data). */
const MAX_MERGES = 10_000;

const PARSED_PART = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/;

/**
 * The sizes in the central directory are declared by the file. Before any of it is trusted:
 * - the entries lie end to end from byte 0 to the central directory (no hidden entry between them, which
 *   a sequential unzipper would see and the central directory does not list), each local header agreeing
 *   with the central directory on its sizes (checkLocalHeaders, a few bytes per entry);
 * - every part the reader parses inflates to exactly its declared size (yauzl's validateEntrySizes stops the
 *   inflation as soon as a part gives more bytes than it declared: a lying zip bomb costs at most the
 *   declared size, already within the limits), counting the rows that hold a value (ValueRowCounter) and
 *   collecting merged ranges on the way (inflateEntries: one inflation of the sheet XML, ~1 s per 300 MB,
 *   no memory). `sniff` with `deferVerify` runs this second pass beside the reading instead of before it.
 */
async function checkLocalHeaders(path: string, fh: FileHandle, entries: readonly ZipEntryInfo[]): Promise<void> {
  const corrupt = (detail: string) => new InputError('corrupt-xlsx', { path, detail });
  const sorted = [...entries].filter((e) => e.offset !== undefined).sort((a, b) => a.offset! - b.offset!);
  let expected = 0;
  for (const e of sorted) {
    const header = Buffer.alloc(30);
    const { bytesRead } = await fh.read(header, 0, 30, e.offset!);
    if (bytesRead < 30 || header.readUInt32LE(0) !== 0x04034b50) throw corrupt(`zip: no local header for ${e.name}`);
    const gap = e.offset! - expected;
    // Between two entries there may be the previous entry's data descriptor (12/16 bytes, 20/24 in ZIP64).
    if (gap !== 0 && !(expected > 0 && [12, 16, 20, 24].includes(gap))) throw corrupt(`zip: ${gap} unlisted bytes before ${e.name}`);
    const flags = header.readUInt16LE(6);
    const localCompressed = header.readUInt32LE(18);
    const localSize = header.readUInt32LE(22);
    const described = (flags & 0x08) !== 0;
    if (!described && (localCompressed !== e.compressed || localSize !== e.uncompressed) && localCompressed !== 0xffffffff) {
      throw corrupt(`zip: the sizes of ${e.name} disagree`);
    }
    expected = e.offset! + 30 + header.readUInt16LE(26) + header.readUInt16LE(28) + e.compressed;
  }
}

/** Inflates every parsed part to its end: a lying size or damaged data is found here; rows and merges are counted. */
async function inflateEntries(path: string, entries: readonly ZipEntryInfo[], tooMany?: { rows: number; error: () => InputError }, leftToReader = false): Promise<ZipVerified> {
  const corrupt = (detail: string) => new InputError('corrupt-xlsx', { path, detail });
  const counter = new ValueRowCounter();
  const merges: Record<string, MergeCollector> = {};
  await new Promise<void>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(corrupt(`zip: ${errorDetail(err ?? 'unreadable')}`));
      let failed = false;
      const fail = (e: unknown, name: string) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(e instanceof InputError ? e : zipEntryError(path, e, name, entries));
      };
      zip.on('error', (e) => fail(e, 'zip'));
      zip.on('end', () => resolve());
      zip.on('entry', (e: yauzl.Entry) => {
        if (!PARSED_PART.test(e.fileName) || (leftToReader && READER_PART.test(e.fileName))) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return fail(err2 ?? 'unreadable', e.fileName);
          stream.on('error', (x) => fail(x, e.fileName));
          stream.on('end', () => zip.readEntry());
          if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.fileName)) {
            const collector = (merges[e.fileName] = new MergeCollector());
            stream.on('data', (c: Buffer) => {
              counter.push(c);
              collector.push(c);
              if (tooMany && counter.rows > tooMany.rows) {
                stream.destroy();
                fail(tooMany.error(), e.fileName);
              }
            });
          } else stream.resume();
        });
      });
      zip.readEntry();
    });
  });
  const found: Record<string, string[]> = {};
  for (const [part, c] of Object.entries(merges)) if (c.refs.length) found[part] = c.refs;
  return leftToReader ? { valueRows: 0, merges: found, leftToReader } : { valueRows: counter.rows, merges: found };
}

/** The parts the reader inflates whole as it reads. */
const READER_PART = /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml)$/;

// ---------------------------------------------------------------------------------------------------
// OLE2 (Compound File Binary): .xls/.et, and encrypted .xlsx (an OOXML file with a password is an OLE2
// container holding the streams EncryptionInfo and EncryptedPackage). The container is checked in ./cfb.ts.

/** The stream names that a byte scan of the first 8 MB of a (damaged) OLE2 file finds. */
async function ole2ScanNames(fh: FileHandle, size: number): Promise<string[]> {
  const buf = Buffer.alloc(Math.min(size, 8 << 20));
  await fh.read(buf, 0, buf.length, 0);
  return ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book', 'WordDocument', 'PowerPoint Document'].filter((n) => buf.includes(Buffer.from(n, 'utf16le')));
}

/** What a zip entry that failed to inflate means: a zip bomb (more bytes than it declares) or a damaged file. */
export function zipEntryError(path: string, e: unknown, name: string, entries: readonly { name: string; uncompressed: number }[]): InputError {
  const msg = errorDetail(e);
  if (/too many bytes/.test(msg)) {
    const declared = entries.find((x) => x.name === name)?.uncompressed ?? 0;
    return new InputError('too-large', { path, detail: `${name} inflates beyond its declared ${formatBytes(declared)} (zip bomb)` });
  }
  return new InputError('corrupt-xlsx', { path, detail: `zip: ${name}: ${msg}` });
}
