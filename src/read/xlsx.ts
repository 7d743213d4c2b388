/**
 * .xlsx, streamed: the zip is opened for random access (yauzl), the small parts (workbook, its
 * relationships, styles) are read first as exceljs's parsers read them (./workbook-parts.ts, without loading
 * exceljs), then the shared strings (./shared-strings.ts), then every worksheet in tab order is inflated and
 * parsed as it streams by xlsx-sheet.ts, all through the scanner of ./xml-scan.ts. The workbook is never held in memory,
 * and nothing is written to disk (exceljs's streaming reader spools each sheet stored before the shared
 * strings, as Excel and exceljs store them, to a temporary file: the clerk's data would sit in /tmp).
 */
import { Transform, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { InputError } from '../errors.js';
import { DEFAULT_ALIASES } from '../model/fields.js';
import { SheetAssembler, type RawRow, type RowBudget } from './header.js';
import { DEFAULT_MAX_ROWS } from './limits.js';
import { COUNT_FIRST_BYTES_PER_ROW, MergeCollector, zipEntryError, type ZipVerified } from './sniff.js';
import type { InputReader, Notice, ReadEvent, ReadOptions } from './types.js';
import { SharedStringsParser } from './shared-strings.js';
import { SheetParser, type SheetContext } from './xlsx-sheet.js';
import { XmlScanner } from './xml-scan.js';
import { BUILT_IN_NUMFMTS } from './builtin-numfmts.js';
import { parseRelationships, parseStyles, parseWorkbook, type Relationship, type WorkbookModel } from './workbook-parts.js';

/** A worksheet of the workbook, in tab order. */
interface SheetPart {
  name: string;
  part: string;
  hidden: boolean;
}

/**
 * The worksheets in tab order, with the zip part of each (from xl/_rels/workbook.xml.rels). A workbook that
 * lost its relationships part is read by the part names (sheet1.xml, sheet2.xml…), named in tab order.
 */
function sheetParts(workbook: WorkbookModel, workbookRels: readonly Relationship[] | undefined, names: readonly string[]): SheetPart[] {
  const has = (name: string): boolean => names.includes(name);
  const sheets = workbook.sheets;
  if (!workbookRels) {
    const parts = names.flatMap((n) => {
      const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n);
      return m ? [{ part: n, n: Number(m[1]) }] : [];
    });
    return parts.sort((a, b) => a.n - b.n).map(({ part, n }, i) => ({
      name: sheets[i]?.name ?? `Sheet${n}`,
      part,
      hidden: sheets[i]?.state === 'hidden' || sheets[i]?.state === 'veryHidden',
    }));
  }
  const rels = new Map(workbookRels.map((r) => [r.Id, r]));
  const out: SheetPart[] = [];
  for (const [i, sheet] of sheets.entries()) {
    const rel = sheet.rId ? rels.get(sheet.rId) : undefined;
    if (!rel || (rel.Type && !/\/worksheet$/.test(rel.Type))) continue; // a chart sheet, a dialog sheet…
    const target = rel.Target.replace(/\\/g, '/');
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/(^|\/)[^/]+\/\.\.\//g, '$1');
    if (!has(part)) continue;
    out.push({ name: sheet.name ?? `Sheet${i + 1}`, part, hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden' });
  }
  return out;
}

/** The shared-string table of a workbook, read as it streams (./shared-strings.ts). */
async function sharedStrings(stream: Readable): Promise<unknown[]> {
  const parser = new SharedStringsParser();
  const scanner = new XmlScanner(parser);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) scanner.write(decoder.decode(chunk as Buffer, { stream: true }));
  scanner.write(decoder.decode());
  scanner.close();
  return parser.strings;
}

type Zip = yauzl.ZipFile & { entriesByName: Map<string, yauzl.Entry> };


function openZip(path: string): Promise<Zip> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: false, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('unreadable zip'));
      const byName = new Map<string, yauzl.Entry>();
      zip.on('entry', (e: yauzl.Entry) => byName.set(e.fileName, e));
      zip.once('error', reject);
      zip.once('end', () => resolve(Object.assign(zip, { entriesByName: byName })));
    });
  });
}

function entryStream(zip: Zip, name: string): Promise<Readable> {
  const entry = zip.entriesByName.get(name)!;
  const large = entry.compressionMethod === 8 && !entry.isEncrypted() && entry.uncompressedSize >= INFLATE_SELF_BYTES;
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, stream?: Readable): void => {
      if (err || !stream) return reject(err ?? new Error(`${name}: unreadable`));
      resolve(large ? inflateChecked(stream, entry.uncompressedSize) : stream);
    };
    // yauzl 3.4.0 reads `decodeFileData: false` as "the bytes as stored" (see src/report/xlsx/package.ts).
    if (large) zip.openReadStream(entry, { decodeFileData: false } as yauzl.ZipFileOptions, done);
    else zip.openReadStream(entry, done);
  });
}

/**
 * Parts from this size up are inflated here in pieces of 256 KB: yauzl's own inflation hands over pieces of
 * ~16 KB, 4,500 callbacks for the sheet of 100,000 rows, which cost the reading thread 0.4 s.
 */
const INFLATE_SELF_BYTES = 1024 * 1024;

/**
 * The stored bytes of a part, inflated, held to the size the zip declares as yauzl's validateEntrySizes does: more
 * is an error as soon as it comes ("too many bytes": a zip bomb), less at the end.
 */
function inflateChecked(raw: Readable, declared: number): Readable {
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  let size = 0;
  const checked = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > declared) return cb(new Error(`too many bytes in the stream. expected ${declared}. got at least ${size}`));
      cb(null, chunk);
    },
    flush(cb) {
      cb(size === declared ? null : new Error(`not enough bytes in the stream. expected ${declared}. got only ${size}`));
    },
  });
  raw.on('error', (e) => inflate.destroy(e));
  inflate.on('error', (e) => checked.destroy(e));
  checked.on('close', () => {
    raw.destroy();
    inflate.destroy();
  });
  return raw.pipe(inflate).pipe(checked);
}

export class XlsxReader implements InputReader {
  readonly format = 'xlsx' as const;
  private is1904 = false;

  /** Rows holding a value in all sheets, once the zip check beside the reading has counted them. */
  private valueRows: number | undefined;

  constructor(
    private readonly path: string,
    private readonly options: ReadOptions = {},
    /**
     * The sniffing pass's inflating check, running beside the reading: it gives the merged ranges of each
     * sheet part, and its InputError (zip bomb, damaged part, sure to pass --max-rows) stops the reading.
     */
    private readonly verified: Promise<ZipVerified> = Promise.resolve({ valueRows: 0, merges: {} }),
    /** The zip check left the sheets and shared strings to this reader (ZipVerified.leftToReader): it collects the merged ranges. */
    private readonly leftToReader = false,
    /** Options given after the reading started (header aliases…): awaited before the first sheet. */
    private readonly later: Promise<ReadOptions> | null = null,
  ) {
    verified.then((v) => (this.valueRows = v.valueRows || undefined), () => {}); // the error is taken in events()
  }

  /** From the workbook properties; known once the first sheet-start has been emitted. */
  get date1904(): boolean {
    return this.is1904;
  }

  async *events(): AsyncGenerator<ReadEvent> {
    const path = this.path;
    let zip: Zip | null = null;
    let open: Readable | null = null;
    let verifyError: unknown = null;
    /** The part being inflated (for what an error of the inflation means). */
    let part: string | null = null;
    this.verified.catch((e: unknown) => (verifyError = e));
    try {
      zip = await openZip(path);
      const z = zip;
      const has = (name: string): boolean => z.entriesByName.has(name);
      // The small parts as exceljs reads them, without loading exceljs (./workbook-parts.ts).
      const text = async (name: string): Promise<string> => {
        part = name;
        const chunks: Buffer[] = [];
        for await (const c of (open = await entryStream(z, name))) chunks.push(c as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      };
      const rels = has('xl/_rels/workbook.xml.rels') ? parseRelationships(await text('xl/_rels/workbook.xml.rels')) : undefined;
      const workbook = parseWorkbook(await text('xl/workbook.xml'));
      const numFmt = has('xl/styles.xml') ? parseStyles(await text('xl/styles.xml'), (id) => BUILT_IN_NUMFMTS[id]) : () => undefined;
      part = 'xl/sharedStrings.xml';
      const strings = has(part) ? await sharedStrings((open = await entryStream(z, part))) : [];
      this.is1904 = workbook.date1904;
      // A reader opened ahead (src/read/threaded.ts prewarmReader) learns the rest of its options here, before a row.
      const options = this.later ? { ...this.options, ...(await this.later) } : this.options;
      const budget: RowBudget = { path, max: options.maxRows ?? DEFAULT_MAX_ROWS, rows: 0 };
      const aliases = options.aliases ?? DEFAULT_ALIASES;
      const ctx: SheetContext = { sharedStrings: strings, numFmt, date1904: this.is1904 };

      const parts = sheetParts(workbook, rels, [...z.entriesByName.keys()]);
      // Sheets that declare more XML than --max-rows rows would take wait for the zip check's count before their
      // first row: a sheet sure to pass the limit is refused before its rows are checked and their problems kept.
      const declared = parts.reduce((n, p) => n + (z.entriesByName.get(p.part)?.uncompressedSize ?? 0), 0);
      if (declared > budget.max * COUNT_FIRST_BYTES_PER_ROW) await this.verified;
      for (const [position, sheetPart] of parts.entries()) {
        const parser = new SheetParser(ctx);
        const sheet = new SheetAssembler(sheetPart.name, {
          aliases,
          budget,
          hidden: sheetPart.hidden,
          position,
          // For a progress bar: the sheet's <dimension>, else (one sheet) the zip check's count if it is done.
          lastRow: () => parser.declaredLastRow ?? (parts.length === 1 ? this.valueRows : undefined),
        });
        const sax = new XmlScanner(parser);
        const decoder = new TextDecoder('utf-8');
        const toEvents = function* (): Generator<ReadEvent> {
          const rows = parser.rows;
          parser.rows = [];
          for (const r of rows) {
            const raw: RawRow = { row: Number.isInteger(r.row) && r.row > 0 ? r.row : sheet.last + 1, values: r.values };
            if (r.numFmts) raw.numFmts = r.numFmts;
            yield* sheet.push(raw);
          }
        };
        part = sheetPart.part;
        open = await entryStream(z, sheetPart.part);
        let sized = false;
        // The zip check left this sheet to the reader: its merged ranges are collected here.
        const merges = this.leftToReader ? new MergeCollector() : null;
        for await (const chunk of open) {
          merges?.push(chunk as Buffer);
          sax.write(decoder.decode(chunk as Buffer, { stream: true }));
          if (verifyError) throw verifyError;
          yield* toEvents();
          // The zip check finished after the sheet started: its count still gives the progress bar a total.
          if (!sized && sheet.started && parts.length === 1 && this.valueRows && parser.declaredLastRow === undefined) {
            sized = true;
            if (sheet.lastRowAtStart === undefined) yield { type: 'last-row', row: this.valueRows };
          }
        }
        sax.write(decoder.decode());
        sax.close();
        yield* toEvents();
        open = null;
        const extra: Notice[] = parser.noResult
          ? [{ id: 'formula-no-result', sheet: sheet.name, data: { sheet: sheet.name, count: parser.noResult, cell: parser.firstNoResult } }]
          : [];
        yield* sheet.end(extra, merges ? merges.refs : (await this.verified).merges[sheetPart.part]);
      }
      await this.verified;
    } catch (e) {
      if (e instanceof InputError) throw e;
      // The check knows better what is wrong with a part (a zip bomb, say) than the parser that choked on it.
      const checked = await this.verified.then(() => null, (v: unknown) => v);
      if (checked instanceof InputError) throw checked;
      // A part that inflates to more than it declares, which the zip check left to this reader: a zip bomb.
      if (part && /too many bytes/.test(String((e as Error)?.message))) throw zipEntryError(path, e, part, [...(zip?.entriesByName.values() ?? [])].map((x) => ({ name: x.fileName, uncompressed: x.uncompressedSize })));
      throw new InputError('corrupt-xlsx', { path, detail: shortDetail(e) });
    } finally {
      open?.destroy();
      zip?.close();
    }
  }
}

/** An exceljs/sax/unzip error in a few words (first line, no stack, no absolute paths). */
export function shortDetail(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split('\n')[0] ?? '').replace(/\s+/g, ' ').trim().slice(0, 120) || 'unreadable';
}
