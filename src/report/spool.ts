/**
 * Compressed spooling for the parts exceljs's streaming writer cannot stream.
 *
 * A sheet's notes go into two more zip entries (xl/commentsN.xml and the VML drawing) that exceljs opens at
 * the first note and appends to the archive at once. The archive writes its entries one after another, so
 * those two are only read once the sheet itself is finished. Until then every note's XML stays in memory:
 * about 1.2 KB for each marked cell, and over 120 MB for 100,000 rows with a few problems each.
 *
 * A spool keeps that text deflated instead (it is very repetitive XML: about 3 % of its size at level 1), and
 * hands the archive the inflated text once it is complete and the archive asks for it.
 */
import { Readable } from 'node:stream';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Text is compressed in pieces of about this many characters. */
const PIECE_CHARS = 256 * 1024;

/** Minimal writable for exceljs's comment writers: write(text), end(). */
export class CompressedSpool {
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly pieces: Buffer[] = [];
  private ended = false;
  private readonly onEnd: (spool: CompressedSpool) => void;

  /** `onEnd` is called once, when the text is complete. */
  constructor(onEnd: (spool: CompressedSpool) => void) {
    this.onEnd = onEnd;
  }

  /** Compressed bytes held (for tests and the benchmark). */
  get compressedBytes(): number {
    return this.pieces.reduce((n, p) => n + p.length, 0);
  }

  write(chunk: string | Buffer): boolean {
    if (this.ended) throw new Error('write after end');
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= PIECE_CHARS) this.compress();
    return true;
  }

  end(chunk?: string | Buffer): void {
    if (this.ended) return;
    if (chunk !== undefined) this.write(chunk);
    this.compress();
    this.ended = true;
    this.onEnd(this);
  }

  /** The whole text as a stream of UTF-8 buffers, one inflated piece at a time. */
  readable(): Readable {
    const pieces = this.pieces;
    let i = 0;
    return new Readable({
      read() {
        const piece = pieces[i];
        if (piece === undefined) {
          this.push(null);
          return;
        }
        pieces[i++] = Buffer.alloc(0);
        this.push(inflateRawSync(piece));
      },
    });
  }

  private compress(): void {
    if (!this.pending.length) return;
    // Strings of whole characters are joined before encoding, so no character is cut between pieces.
    this.pieces.push(deflateRawSync(Buffer.from(this.pending.join(''), 'utf8'), { level: 1 }));
    this.pending = [];
    this.pendingChars = 0;
  }
}

interface SpoolableWriter {
  _openStream(path: string): unknown;
  zip: { append(source: Readable, data: { name: string }): void };
}

/** The zip entries of notes: xl/commentsN.xml and xl/drawings/vmlDrawingN.vml. */
const NOTE_PARTS = /(?:^|\/)xl\/(?:comments\d+\.xml|drawings\/vmlDrawing\d+\.vml)$/;

/**
 * Makes an exceljs WorkbookWriter spool its notes compressed; they are appended to the archive when the
 * sheet that holds them is committed (before the workbook's own parts, which come at its commit).
 */
export function spoolNotes(writer: SpoolableWriter): void {
  const open = writer._openStream.bind(writer);
  writer._openStream = (path: string) => {
    if (!NOTE_PARTS.test(path)) return open(path);
    const name = path.replace(/^\//, '');
    return new CompressedSpool((spool) => writer.zip.append(spool.readable(), { name }));
  };
}
