/**
 * The notes (comments) of a sheet: the part xl/commentsN.xml that holds their text and the VML drawing that
 * holds the little boxes Excel shows them in.
 *
 * A sheet's existing notes are kept: the clerk's own notes stay as they were written, and a marked cell that
 * already has one keeps it with the problems added after a separator line (`NOTE_SEPARATOR`). Notes
 * cert-check wrote earlier (its author is `NOTE_AUTHOR`) and its additions to the clerk's notes are taken off
 * before the sheet is marked anew. The text of new notes is spooled compressed while the sheet streams by
 * (a zip takes the parts only after the sheet) and written out when the sheet is done.
 */
import { Readable } from 'node:stream';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { columnLetter, refColumn } from '../../model/fields.js';
import { attr, bytesToUtf8, esc, nextTag, unesc, utf8ToBytes, XML_DECL } from './xml.js';

export const NOTE_AUTHOR = 'cert-check';
/** Put between a clerk's own note and the problems cert-check adds to it. */
export const NOTE_SEPARATOR = '\n—— cert-check ——\n';

/** Text is compressed in pieces of about this many characters. */
const PIECE_CHARS = 256 * 1024;

/** Text kept deflated until it is read back once (see the file comment). */
export class CompressedSpool {
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly pieces: Buffer[] = [];
  private ended = false;
  private chars = 0;

  /** Compressed bytes held (for tests and the benchmark). */
  get compressedBytes(): number {
    return this.pieces.reduce((n, p) => n + p.length, 0);
  }

  /** Characters written. */
  get length(): number {
    return this.chars;
  }

  /** Writes latin1 text (bytes). */
  write(text: string): void {
    if (this.ended) throw new Error('write after end');
    this.pending.push(text);
    this.pendingChars += text.length;
    this.chars += text.length;
    if (this.pendingChars >= PIECE_CHARS) this.compress();
  }

  end(): void {
    if (this.ended) return;
    this.compress();
    this.ended = true;
  }

  /** The whole text as a stream of buffers, one inflated piece at a time (each piece is freed as it is read). */
  readable(): Readable {
    this.end();
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
    this.pieces.push(deflateRawSync(Buffer.from(this.pending.join(''), 'latin1'), { level: 1 }));
    this.pending = [];
    this.pendingChars = 0;
  }
}

/** A note kept from the input: its <comment> element (latin1) and where it sits. */
interface KeptNote {
  xml: string;
  row: number;
  col: number;
}

/** "B12" → [12, 2] (column letters by the one parser of src/model/fields.ts). */
function refPosition(ref: string): [number, number] {
  const m = /^\$?[A-Za-z]{1,3}\$?(\d+)$/.exec(ref);
  return m ? [Number(m[1]), refColumn(ref)] : [0, 0];
}

/** Pulls complete elements out of a stream of latin1 text. */
async function* elements(source: AsyncIterable<Buffer>, names: readonly string[]): AsyncGenerator<{ kind: 'element' | 'text'; text: string; local?: string }> {
  let buf = '';
  let at = 0;
  let done = false;
  const it = source[Symbol.asyncIterator]();
  /** Appends the next chunk to what is left; false when the stream has ended. */
  const more = async (): Promise<boolean> => {
    const r = await it.next();
    if (r.done) {
      done = true;
      return false;
    }
    buf = buf.slice(at) + (r.value as Buffer).toString('latin1');
    at = 0;
    return true;
  };
  for (;;) {
    const t = nextTag(buf, at);
    if (!t) {
      if (done) {
        yield { kind: 'text', text: buf.slice(at) };
        return;
      }
      await more();
      continue;
    }
    if ((t.kind === 'open' || t.kind === 'empty') && names.includes(t.local)) {
      let end = t.end;
      if (t.kind === 'open') {
        const close = buf.indexOf(`</${t.name}>`, t.end);
        if (close < 0) {
          if (done) {
            yield { kind: 'text', text: buf.slice(at) };
            return;
          }
          await more();
          continue;
        }
        end = close + t.name.length + 3;
      }
      if (t.start > at) yield { kind: 'text', text: buf.slice(at, t.start) };
      yield { kind: 'element', text: buf.slice(t.start, end), local: t.local };
      at = end;
      continue;
    }
    yield { kind: 'text', text: buf.slice(at, t.end) };
    at = t.end;
  }
}

/** The text of a <comment>'s runs, unescaped (Unicode). */
export function commentText(xml: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t) return bytesToUtf8(out);
    at = t.end;
    if (t.local === 'rPh') {
      const close = xml.indexOf(`</${t.name}>`, t.end);
      if (close > 0) at = close;
      continue;
    }
    if (t.local !== 't' || t.kind !== 'open') continue;
    const close = xml.indexOf('</', t.end);
    out += unesc(xml.slice(t.end, close));
    at = close;
  }
}

/** Our text lines (the marks of an earlier check) when the note was written before markers existed. */
const OLD_NOTE = /^\[(错误|警告|提示|Error|Warning|Info|error|warning|info|已自动修正|fixed automatically)\]/;

export interface ExistingNotes {
  /** The input's comments part, or null. */
  part: string | null;
  /** The root element's text up to <commentList> (kept, authors extended). */
  head: string;
  /** From </commentList> to the end. */
  tail: string;
  /** The clerk's notes by cell reference. */
  kept: Map<string, KeptNote>;
  /** Cells whose note cert-check wrote, or added to, in an earlier check: the cells it marked. */
  dropped: Set<string>;
  /** Index of NOTE_AUTHOR in the authors list. */
  ourAuthor: number;
}

/**
 * How an earlier check's notes are told from the clerk's: 'keep' takes none off (a first check); 'marker'
 * (a copy with cert-check's marker) and 'legacy' (a copy made before the marker existed) take off the notes
 * cert-check wrote — its author, or text that starts like its notes (a program that saved the copy may have
 * renamed the author: LibreOffice writes " ") — and what it added to the clerk's own notes.
 */
export type NotesMode = 'keep' | 'marker' | 'legacy';

/** Reads a sheet's comments part (streamed), keeping the clerk's notes and taking an earlier check's off. */
export async function readExistingNotes(part: string | null, source: AsyncIterable<Buffer> | null, mode: NotesMode, author = NOTE_AUTHOR): Promise<ExistingNotes> {
  const kept = new Map<string, KeptNote>();
  const dropped = new Set<string>();
  let head = '';
  let tail = '';
  const authors: string[] = [];
  let inList = false;
  let afterList = false;
  if (source) {
    for await (const piece of elements(source, ['authors', 'comment'])) {
      if (piece.kind === 'element' && piece.local === 'authors') {
        let at = 0;
        for (;;) {
          const t = nextTag(piece.text, at);
          if (!t) break;
          at = t.end;
          if (t.local === 'author' && t.kind === 'open') {
            const close = piece.text.indexOf('</', t.end);
            authors.push(bytesToUtf8(unesc(piece.text.slice(t.end, close))));
          } else if (t.local === 'author' && t.kind === 'empty') authors.push('');
        }
        head += '\u0000AUTHORS\u0000';
        continue;
      }
      if (piece.kind === 'element' && piece.local === 'comment') {
        const open = piece.text.slice(0, piece.text.indexOf('>') + 1);
        const ref = unesc(attr(open, 'ref') ?? '');
        const author = authors[Number(attr(open, 'authorId') ?? -1)];
        const text = commentText(piece.text);
        if (mode !== 'keep' && (author === NOTE_AUTHOR || OLD_NOTE.test(text.trimStart()))) {
          dropped.add(ref);
          continue;
        }
        const ours = mode !== 'keep' && text.includes(NOTE_SEPARATOR.trim());
        if (ours) dropped.add(ref);
        const xml = ours ? cutAddition(piece.text) : piece.text;
        const [row, col] = refPosition(ref);
        kept.set(ref, { xml, row, col });
        continue;
      }
      if (!inList && !afterList) {
        head += piece.text;
        if (/<(?:\w+:)?commentList\b[^>]*>$/.test(piece.text)) {
          if (/\/>$/.test(piece.text)) {
            head = head.slice(0, -2).replace(/\s+$/, '') + '>';
            afterList = true;
            tail = `</${/<((?:\w+:)?commentList)/.exec(piece.text)![1]}>`;
          } else inList = true;
        }
      } else if (inList && /<\/(?:\w+:)?commentList>/.test(piece.text)) {
        inList = false;
        afterList = true;
        tail += piece.text;
      } else if (afterList) tail += piece.text;
    }
  }
  let ourAuthor = authors.indexOf(author);
  if (ourAuthor < 0) {
    ourAuthor = authors.length;
    authors.push(author);
  }
  if (!head) {
    head = `${XML_DECL}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\u0000AUTHORS\u0000<commentList>`;
    tail = '</commentList></comments>';
  }
  if (!head.includes('\u0000AUTHORS\u0000')) head = head.replace(/(<(?:\w+:)?commentList\b[^>]*>)$/, '\u0000AUTHORS\u0000$1');
  const p = /<(\w+:)?comments\b/.exec(head)?.[1] ?? '';
  const newAuthors = `<${p}authors>${authors.map((a) => `<${p}author>${utf8ToBytes(esc(a))}</${p}author>`).join('')}</${p}authors>`;
  return { part, head: head.replace('\u0000AUTHORS\u0000', newAuthors), tail, kept, dropped, ourAuthor };
}

/**
 * A clerk's note with what cert-check added (the separator line and everything after it) cut off. The note may
 * have been saved by another program since, which splits text into runs as it likes (LibreOffice does), so the
 * separator is looked for in the note's text and the runs are cut where it starts.
 */
export function cutAddition(xml: string): string {
  const key = NOTE_SEPARATOR.trim();
  const runs = [...xml.matchAll(/<((?:\w+:)?r)>[\s\S]*?<\/\1>/g)];
  const textOf = (x: string): string => commentText(x);
  if (!runs.length) {
    // A single <t>: cut its text before the separator (and the line break before it).
    const m = /<((?:\w+:)?t)\b[^>]*>([\s\S]*?)<\/\1>/.exec(xml);
    if (!m) return xml;
    const t = bytesToUtf8(unesc(m[2]!));
    const i = t.indexOf(key);
    if (i < 0) return xml;
    const start = m.index + m[0].indexOf('>') + 1;
    return xml.slice(0, start) + utf8ToBytes(esc(t.slice(0, i).replace(/\r?\n$/, ''))) + xml.slice(start + m[2]!.length);
  }
  const texts = runs.map((r) => textOf(r[0]));
  const i = texts.join('').indexOf(key);
  if (i < 0) return xml;
  let at = 0;
  let k = 0;
  while (k < texts.length && at + texts[k]!.length <= i) at += texts[k++]!.length;
  // Runs 0..k-1 are kept whole; run k keeps its text before the separator; the rest goes.
  const kept = runs.slice(0, k).map((r) => r[0]);
  const head = texts[k]!.slice(0, i - at);
  if (head) {
    const run = runs[k]![0];
    kept.push(run.replace(/(<((?:\w+:)?t)\b[^>]*>)[\s\S]*?(<\/\2>)/, (_, open: string, _n: string, close: string) => `${open}${utf8ToBytes(esc(head))}${close}`));
  }
  // The line break before the separator is the separator's own.
  const last = kept.length - 1;
  if (last >= 0 && textOf(kept[last]!).endsWith('\n')) kept[last] = kept[last]!.replace(/(\r?\n|&#10;|&#x[aA];)(<\/(?:\w+:)?t>)(?![\s\S]*<\/(?:\w+:)?t>)/, '$2');
  const first = runs[0]!;
  const lastRun = runs[runs.length - 1]!;
  return xml.slice(0, first.index) + kept.join('') + xml.slice(lastRun.index! + lastRun[0].length);
}

/** A new note shape for cell (row, col) (both 1-based), sized for `lines` lines. */
function vmlShape(id: number, row: number, col: number, lines: number): string {
  const height = Math.min(Math.max(lines + 1, 3), 24);
  // Anchor: left column, offset, top row, offset, right column, offset, bottom row, offset (0-based).
  const anchor = `${col}, 15, ${Math.max(row - 2, 0)}, 10, ${col + 4}, 15, ${Math.max(row - 2, 0) + height}, 4`;
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:260pt;height:${height * 15}pt;z-index:${id % 65536};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`
    + '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
    + '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
    + `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>`
    + `<x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`;
}

const VML_HEAD = '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
  + '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="IDMAP"/></o:shapelayout>';
const SHAPETYPE_202 = '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
  + '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

export interface ExistingVml {
  part: string | null;
  /** Everything before the first shape (layout, shape types), latin1. */
  head: string;
  /** Shapes and other elements kept, in order. */
  kept: string[];
  /** Kept shapes that are not notes (buttons, check boxes…). */
  others: number;
  /** Blocks of shape ids the drawing claims (o:idmap). */
  blocks: number[];
}

/** Reads a sheet's VML drawing: keeps every shape but the note boxes of notes that are gone. */
export async function readExistingVml(part: string | null, source: AsyncIterable<Buffer> | null, keepNote: (row: number, col: number) => boolean): Promise<ExistingVml> {
  const out: ExistingVml = { part, head: '', kept: [], others: 0, blocks: [] };
  if (!source) return out;
  let seenShape = false;
  for await (const piece of elements(source, ['shape'])) {
    if (piece.kind === 'element') {
      seenShape = true;
      const isNote = /ObjectType\s*=\s*["']Note["']/.test(piece.text);
      if (isNote) {
        const row = Number(/<x:Row>\s*(\d+)\s*</.exec(piece.text)?.[1] ?? -1) + 1;
        const col = Number(/<x:Column>\s*(\d+)\s*</.exec(piece.text)?.[1] ?? -1) + 1;
        if (!keepNote(row, col)) continue;
      } else out.others++;
      out.kept.push(piece.text);
    } else if (!seenShape) out.head += piece.text;
    else out.kept.push(piece.text);
  }
  // The closing </xml> is written again at the end.
  out.kept = out.kept.map((k) => k.replace(/<\/xml>\s*$/, '')).filter((k) => k !== '');
  out.head = out.head.replace(/<\/xml>\s*$/, '');
  // The blocks of shape ids the kept shapes use (an earlier check's blocks are free again).
  const blocks = new Set<number>();
  for (const k of out.kept) for (const m of k.matchAll(/\bid\s*=\s*["']_x0000_s(\d+)["']/g)) blocks.add(Math.floor(Number(m[1]) / 1024));
  out.blocks = [...blocks].filter((b) => b > 0).sort((a, b) => a - b);
  return out;
}

/** One note to write: the cell, and its text lines. */
export interface NoteText {
  row: number;
  col: number;
  text: string;
}

/**
 * The notes of one sheet being marked: existing notes kept (and extended where a marked cell has one), new
 * notes spooled, both parts rendered when the sheet is done.
 */
export class SheetNotes {
  private readonly comments = new CompressedSpool();
  private readonly shapes = new CompressedSpool();
  /** Clerk's notes extended with problems, by ref. */
  private readonly merged = new Map<string, string>();
  private added = 0;
  private nextId: number;
  private readonly firstBlock: number;

  constructor(
    private readonly existing: ExistingNotes,
    private readonly vml: ExistingVml,
    /** The first free block of shape ids in the package (1024 ids each). */
    firstFreeBlock: number,
    private readonly font: { name: string; size: number } = { name: '宋体', size: 9 },
  ) {
    this.firstBlock = firstFreeBlock;
    this.nextId = firstFreeBlock * 1024 + 1;
  }

  /** Cells an earlier check marked (its note taken off, or its addition to the clerk's). */
  get dropped(): ReadonlySet<string> {
    return this.existing.dropped;
  }

  /** Notes the part will hold. */
  get count(): number {
    return this.existing.kept.size + this.added;
  }

  /** Shapes that are not notes, kept from the input's drawing. */
  get otherShapes(): number {
    return this.vml.others;
  }

  private run(text: string): string {
    return `<r><rPr><sz val="${this.font.size}"/><rFont val="${utf8ToBytes(esc(this.font.name))}"/><charset val="134"/></rPr><t xml:space="preserve">${utf8ToBytes(esc(text))}</t></r>`;
  }

  /** Adds the note of a marked cell (its text lines joined by line breaks). */
  add(note: NoteText): void {
    const ref = `${columnLetter(note.col)}${note.row}`;
    const clerk = this.existing.kept.get(ref);
    if (clerk) {
      const xml = clerk.xml;
      const textClose = xml.lastIndexOf('</', xml.lastIndexOf('</') - 1);
      let body = xml.slice(0, textClose);
      // A note of one plain <t> becomes a run, so the addition can follow as a run of its own.
      body = body.replace(/(<(?:\w+:)?text\b[^>]*>)\s*(<((?:\w+:)?t)\b[^>]*>[\s\S]*?<\/\3>)\s*$/, (_, open: string, t: string) => `${open}<r>${t}</r>`);
      this.merged.set(ref, `${body}${this.run(`${NOTE_SEPARATOR}${note.text}`)}${xml.slice(textClose)}`);
      return;
    }
    this.added++;
    this.comments.write(`<comment ref="${ref}" authorId="${this.existing.ourAuthor}"><text>${this.run(note.text)}</text></comment>`);
    const lines = note.text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / 48)), 0);
    this.shapes.write(vmlShape(this.nextId++, note.row, note.col, lines));
  }

  /** The blocks of shape ids the drawing uses when written. */
  blocks(): number[] {
    const own = new Set(this.vml.blocks);
    const last = Math.floor((this.nextId - 1) / 1024);
    if (this.added) for (let b = this.firstBlock; b <= last; b++) own.add(b);
    return [...own].sort((a, b) => a - b);
  }

  /** The comments part, as pieces of latin1 text and spooled buffers. */
  *commentsPart(): Generator<string | Readable> {
    yield this.existing.head;
    for (const [ref, note] of this.existing.kept) yield this.merged.get(ref) ?? note.xml;
    yield this.comments.readable();
    yield this.existing.tail;
  }

  /** The VML drawing, as pieces of latin1 text and spooled buffers. */
  *vmlPart(): Generator<string | Readable> {
    let head = this.vml.head || VML_HEAD;
    const blocks = this.blocks().join(',') || String(this.firstBlock);
    head = head.includes('data="IDMAP"') ? head.replace('data="IDMAP"', `data="${blocks}"`)
      : /<o:idmap\b/.test(head) ? head.replace(/(<o:idmap\b[^>]*\bdata\s*=\s*)(["'])[^"']*\2/, `$1"${blocks}"`)
        : head.replace(/(<xml\b[^>]*>)/, `$1<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks}"/></o:shapelayout>`);
    for (const ns of [['v', 'urn:schemas-microsoft-com:vml'], ['o', 'urn:schemas-microsoft-com:office:office'], ['x', 'urn:schemas-microsoft-com:office:excel']] as const) {
      if (!new RegExp(`xmlns:${ns[0]}\\s*=`).test(head)) head = head.replace(/<xml\b/, `<xml xmlns:${ns[0]}="${ns[1]}"`);
    }
    if (this.added && !/id\s*=\s*["']_x0000_t202["']/.test(head)) head += SHAPETYPE_202;
    yield head;
    for (const k of this.vml.kept) yield k;
    yield this.shapes.readable();
    yield '</xml>';
  }
}

/** Display width of text in Excel column units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  // Code units, not a string iterator (this runs for every cell of 问题清单): a surrogate pair is one character.
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}

