/**
 * Delimited text (.csv, .tsv, .txt): decoded with the encoding sniff chose (BOM — UTF-8, UTF-16LE/BE —, else
 * strict UTF-8, else gb18030, or --encoding), split with the delimiter it found in the header line (or
 * --delimiter) and parsed with csv-parse as a stream (file → iconv-lite → csv-parse; nothing holds the whole file). One
 * sheet named after the file; values are strings; row n is the n-th record (a quoted field with line
 * breaks spans lines but is one row), as a spreadsheet program numbers them.
 */
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { DEFAULT_ALIASES } from '../model/fields.js';
import { SheetAssembler, type RowBudget } from './header.js';
import { DEFAULT_MAX_ROWS, MAX_CSV_RECORD_BYTES } from './limits.js';
import type { InputReader, Notice, ReadEvent, ReadOptions } from './types.js';

/** The sheet name of a CSV: its file name without the extension. */
export function csvSheetName(path: string): string {
  const base = basename(path);
  const ext = extname(base);
  return (ext ? base.slice(0, -ext.length) : base) || base;
}

export class CsvReader implements InputReader {
  readonly format = 'csv' as const;
  readonly date1904 = false;

  constructor(
    private readonly path: string,
    /** iconv-lite encoding name. */
    readonly encoding: string,
    private readonly options: ReadOptions = {},
    /** UTF-8 with a few invalid bytes: they read as U+FFFD, and a notice names the rows that hold one. */
    private readonly damaged = false,
    /** The field delimiter (sniffed from the header line, or --delimiter). */
    readonly delimiter = ',',
  ) {}

  async *events(): AsyncGenerator<ReadEvent> {
    const path = this.path;
    const budget: RowBudget = { path, max: this.options.maxRows ?? DEFAULT_MAX_ROWS, rows: 0 };
    const sheet = new SheetAssembler(csvSheetName(path), { aliases: this.options.aliases ?? DEFAULT_ALIASES, budget });
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    const decoder = iconv.decodeStream(this.encoding, { stripBOM: true });
    const parser = parse({
      bom: true,
      delimiter: this.delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: MAX_CSV_RECORD_BYTES,
      info: true,
    });
    file.on('error', (e) => parser.destroy(e));
    decoder.on('error', (e: Error) => parser.destroy(e));
    file.pipe(decoder).pipe(parser);
    try {
      const badRows: number[] = [];
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
        if (this.damaged && item.record.some((v) => v.includes('\uFFFD'))) badRows.push(item.info.records);
        yield* sheet.push({ row: item.info.records, values: item.record });
      }
      const extra: Notice[] = badRows.length
        ? [{ id: 'bad-bytes', sheet: sheet.name, data: { sheet: sheet.name, count: badRows.length, rows: badRows.slice(0, 10).join(', ') + (badRows.length > 10 ? '…' : '') } }]
        : [];
      yield* sheet.end(extra);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError('corrupt-xlsx', { path, detail: csvDetail(e) });
    } finally {
      file.destroy();
      parser.destroy();
    }
  }
}

function csvDetail(e: unknown): string {
  if (e instanceof CsvError) {
    const line = (e as CsvError & { lines?: number }).lines;
    switch (e.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return `CSV: a quote (") is never closed${line ? `, from line ${line}` : ''}`;
      case 'CSV_MAX_RECORD_SIZE':
        return `CSV: a record is longer than ${MAX_CSV_RECORD_BYTES} characters${line ? ` at line ${line}` : ''} (a quote never closed?)`;
      default:
        return `CSV: ${e.message.split('\n')[0]!.slice(0, 120)}`;
    }
  }
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]!.slice(0, 120);
}
