/**
 * A small PDF reader for the attachment checks (issue #20): the page count of an intact, unencrypted PDF from
 * its cross-reference sections (tables or streams, incremental updates, hybrid files, linearized files) and
 * its page tree, without a PDF engine — tens of microseconds where pdfjs takes about a millisecond.
 *
 * It answers only when it is sure that pdfjs (the fallback, whose behaviour stays the reference) would
 * give the same facts — `{ status: 'ok', pages, ownerOnly: false }` — and is `unsure`, with the reason,
 * otherwise: encryption (pdfjs knows the password rules), anything pdfjs would have to repair (a section or
 * an object not where the cross-reference data says, a stream length that is wrong, a truncated file), a
 * page tree whose counts do not add up or that shares nodes, filters other than Flate, every construct it
 * does not follow exactly as pdfjs does. It mirrors pdfjs 5's steps: the start of the cross-reference data
 * (startxref, or the first-page section of a valid linearized file), the chain of sections (/XRefStm, /Prev;
 * the newest entry of an object wins), the catalog and its top-level /Pages, /Count (or the linearization
 * dictionary's /N), the first page's inherited boxes, and every indirect value that pdfjs reads without a
 * try/catch while opening the document and its metadata (/Info values, catalog /Lang and /Version, /ID).
 *
 * Bounded: the tokenizer only moves forward through the file; nesting depth, objects fetched, page-tree nodes
 * and inflated bytes are capped; a cross-reference stream or object stream must fit its decoded data. It
 * allocates nothing larger than a bounded inflate of the file's own streams.
 */
import { inflateSync } from 'node:zlib';
import type { PdfFacts } from './types.js';

export type PdfReading = { sure: true; facts: PdfFacts } | { sure: false; reason: string };

/** Bytes all inflated streams of one file may take together. */
export const INFLATE_LIMIT = 16 * 1024 * 1024;
/** Objects one file's reading may fetch (page-tree nodes included). */
const MAX_FETCHES = 200_000;
const MAX_DEPTH = 64;
/** Bytes a page needs at the least (as in inspect.ts: more pages than this allows is pdfjs's 'invalid'). */
const MIN_BYTES_PER_PAGE = 8;

class Unsure extends Error {}
const fail = (reason: string): never => {
  throw new Unsure(reason);
};

class Name {
  constructor(readonly name: string) {}
}
class Ref {
  constructor(readonly num: number, readonly gen: number) {}
}
class Cmd {
  constructor(readonly cmd: string) {}
}
/** A string's content is never needed: only that it is one. */
class Str {}
const STR = new Str();
type Dict = Map<string, Value>;
interface Stream {
  dict: Dict;
  start: number;
  end: number;
}
type Value = number | boolean | null | Name | Ref | Str | Value[] | Dict | StreamValue;
class StreamValue implements Stream {
  constructor(readonly dict: Dict, readonly start: number, readonly end: number) {}
}
const EOF = Symbol('eof');
type Token = number | Name | Str | Cmd | typeof EOF | '[' | ']' | '<<' | '>>' | '{' | '}';

// Character classes as pdfjs's lexer has them.
const WHITE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const isRegular = (c: number): boolean => !WHITE[c] && !DELIM[c];

class Lexer {
  constructor(readonly d: Uint8Array, public pos: number, readonly end: number) {}

  private skipSpace(): void {
    const { d, end } = this;
    while (this.pos < end) {
      const c = d[this.pos]!;
      if (WHITE[c]) this.pos++;
      else if (c === 0x25) {
        // a comment, to the end of the line
        while (this.pos < end && d[this.pos] !== 0x0a && d[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  next(): Token {
    this.skipSpace();
    const { d, end } = this;
    if (this.pos >= end) return EOF;
    const c = d[this.pos]!;
    switch (c) {
      case 0x5b: this.pos++; return '[';
      case 0x5d: this.pos++; return ']';
      case 0x7b: this.pos++; return '{';
      case 0x7d: this.pos++; return '}';
      case 0x3c:
        if (d[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return '<<';
        }
        return this.hexString();
      case 0x3e:
        if (d[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return '>>';
        }
        return fail('stray >');
      case 0x28: return this.literalString();
      case 0x2f: return this.name();
      case 0x29: return fail('stray )');
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number();
    // A keyword: a run of regular characters.
    const start = this.pos;
    while (this.pos < end && isRegular(d[this.pos]!)) this.pos++;
    if (this.pos - start > 128) return fail('long keyword');
    let s = '';
    for (let i = start; i < this.pos; i++) s += String.fromCharCode(d[i]!);
    return new Cmd(s);
  }

  private number(): number {
    const { d, end } = this;
    const start = this.pos;
    if (d[this.pos] === 0x2b || d[this.pos] === 0x2d) this.pos++;
    let digits = 0;
    let dot = false;
    while (this.pos < end) {
      const c = d[this.pos]!;
      if (c >= 0x30 && c <= 0x39) digits++;
      else if (c === 0x2e && !dot) dot = true;
      else break;
      this.pos++;
    }
    // pdfjs is lenient with odd numbers ("--1", "1-2", "1.2.3"): those are left to it.
    if (!digits || (this.pos < end && isRegular(d[this.pos]!))) return fail('odd number');
    let s = '';
    for (let i = start; i < this.pos; i++) s += String.fromCharCode(d[i]!);
    return Number(s);
  }

  private name(): Name {
    const { d, end } = this;
    this.pos++;
    let s = '';
    while (this.pos < end && isRegular(d[this.pos]!)) {
      const c = d[this.pos]!;
      if (c === 0x23) {
        const h = String.fromCharCode(d[this.pos + 1] ?? 0, d[this.pos + 2] ?? 0);
        if (!/^[0-9a-fA-F]{2}$/.test(h)) return fail('bad # escape in a name');
        s += String.fromCharCode(parseInt(h, 16));
        this.pos += 3;
      } else {
        s += String.fromCharCode(c);
        this.pos++;
      }
      if (s.length > 127) return fail('long name');
    }
    return new Name(s);
  }

  private literalString(): Str {
    const { d, end } = this;
    this.pos++;
    let depth = 1;
    while (this.pos < end) {
      const c = d[this.pos++]!;
      if (c === 0x5c) this.pos++; // an escape: the next byte is taken as it is
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return STR;
    }
    return fail('unterminated string');
  }

  private hexString(): Str {
    const { d, end } = this;
    this.pos++;
    while (this.pos < end) {
      const c = d[this.pos++]!;
      if (c === 0x3e) return STR;
      if (!WHITE[c] && !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))) return fail('bad hex string');
    }
    return fail('unterminated hex string');
  }
}

/**
 * Parses values from a lexer with two tokens of lookahead (for "n g R"), as pdfjs's Parser does. `streams`:
 * 'make' reads a stream after a dictionary, 'ignore' returns the dictionary (pdfjs without allowStreams).
 * `length` resolves an indirect stream /Length.
 */
class Parser {
  private buf1: Token = EOF;
  private buf2: Token = EOF;
  /** Where the lexer stood after buf1 and after buf2. */
  private end1 = 0;
  private end2 = 0;

  constructor(readonly lexer: Lexer, private readonly streams: 'make' | 'ignore', private readonly length?: (ref: Ref) => Value) {
    this.refill();
  }

  /** The next token. A token the lexer refuses fails at once, also when read ahead: pdfjs's lexer throws there too. */
  private read(): Token {
    return this.lexer.next();
  }

  private refill(): void {
    this.buf1 = this.read();
    this.end1 = this.lexer.pos;
    this.buf2 = this.read();
    this.end2 = this.lexer.pos;
  }

  private shift(): void {
    this.buf1 = this.buf2;
    this.end1 = this.end2;
    this.buf2 = this.read();
    this.end2 = this.lexer.pos;
  }

  /** The next token as a command name, or null. */
  peekCmd(): string | null {
    return this.buf1 instanceof Cmd ? this.buf1.cmd : null;
  }

  getObj(depth = 0): Value | Cmd | typeof EOF {
    if (depth > MAX_DEPTH) return fail('nested too deeply');
    const t = this.buf1;
    this.shift();
    if (t === EOF) return EOF;
    if (t === '[') {
      const arr: Value[] = [];
      while (this.buf1 !== ']') {
        if (this.buf1 === EOF) return fail('unterminated array');
        const v = this.getObj(depth + 1);
        if (v === EOF || v instanceof Cmd) return fail('command in an array');
        arr.push(v);
      }
      this.shift();
      return arr;
    }
    if (t === '<<') {
      const dict: Dict = new Map();
      while (this.buf1 !== '>>') {
        if (!(this.buf1 instanceof Name)) return fail('dictionary key is not a name');
        const key = this.buf1.name;
        this.shift();
        const next: Token = this.buf1;
        if (next === EOF || next === '>>') return fail('dictionary key without a value');
        const v = this.getObj(depth + 1);
        if (v === EOF || v instanceof Cmd) return fail('command in a dictionary');
        if (dict.has(key)) return fail('duplicate dictionary key');
        dict.set(key, v);
      }
      const afterDict = this.end1;
      const buf2 = this.buf2;
      if (buf2 instanceof Cmd && buf2.cmd === 'stream' && this.streams === 'make') return this.stream(dict, afterDict);
      this.shift();
      return dict;
    }
    if (typeof t === 'number') {
      if (Number.isInteger(t) && Number.isInteger(this.buf1) && this.buf2 instanceof Cmd && this.buf2.cmd === 'R') {
        const ref = new Ref(t, this.buf1 as number);
        this.shift();
        this.shift();
        return ref;
      }
      return t;
    }
    if (t instanceof Cmd) {
      if (t.cmd === 'true') return true;
      if (t.cmd === 'false') return false;
      if (t.cmd === 'null') return null;
      return t;
    }
    if (t === ']' || t === '>>' || t === '{' || t === '}') return fail(`unexpected ${t}`);
    return t; // Name, Str
  }

  /** A stream: /Length direct and right, "endstream" after it. `afterDict`: the offset just after ">>". */
  private stream(dict: Dict, afterDict: number): StreamValue {
    const d = this.lexer.d;
    // After ">>": white space, "stream", then CRLF or LF (pdfjs skips to the next line).
    let p = afterDict;
    while (p < d.length && WHITE[d[p]!]) p++;
    if (String.fromCharCode(...d.subarray(p, p + 6)) !== 'stream') return fail('stream keyword');
    p += 6;
    if (d[p] === 0x0d && d[p + 1] === 0x0a) p += 2;
    else if (d[p] === 0x0a) p += 1;
    else return fail('no end of line after "stream"');
    let length = dict.get('Length');
    if (length instanceof Ref && this.length) length = this.length(length);
    if (!isInt(length) || length < 0) return fail('stream length is not an integer');
    const end = p + length;
    if (end > this.lexer.end) return fail('stream runs past the end');
    let q = end;
    while (q < d.length && WHITE[d[q]!]) q++;
    if (String.fromCharCode(...d.subarray(q, q + 9)) !== 'endstream' || (q + 9 < this.lexer.end && isRegular(d[q + 9]!))) return fail('stream length is wrong');
    this.lexer.pos = q + 9;
    this.refill();
    return new StreamValue(dict, p, end);
  }
}

interface Entry {
  free?: boolean;
  uncompressed?: boolean;
  offset: number;
  gen: number;
}

const isDict = (v: unknown): v is Dict => v instanceof Map;
const nameIs = (v: unknown, name: string): boolean => v instanceof Name && v.name === name;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function find(d: Uint8Array, text: string, from: number, to: number): number {
  const first = text.charCodeAt(0);
  outer: for (let i = from; i + text.length <= to; i++) {
    if (d[i] !== first) continue;
    for (let j = 1; j < text.length; j++) if (d[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

class Reader {
  readonly entries = new Map<number, Entry>();
  private readonly cache = new Map<number, Value>();
  private readonly objStms = new Map<number, { nums: number[]; offsets: number[]; data: Uint8Array; first: number }>();
  private inflated = 0;
  private fetches = 0;

  constructor(readonly d: Uint8Array) {}

  parser(pos: number): Parser {
    if (pos < 0 || pos >= this.d.length) return fail('offset outside the file');
    return new Parser(new Lexer(this.d, pos, this.d.length), 'make', (ref) => this.fetch(ref));
  }

  /** Decoded stream data: none or Flate, with an optional PNG predictor (1 colour, 8 bits). */
  decode(s: Stream): Uint8Array {
    const raw = this.d.subarray(s.start, s.end);
    // pdfjs reads /F and /DP before /Filter and /DecodeParms.
    if (s.dict.has('F') || s.dict.has('DP')) return fail('abbreviated filter keys');
    let filter = s.dict.get('Filter');
    let parms = s.dict.get('DecodeParms');
    if (Array.isArray(filter)) {
      if (filter.length !== 1) return fail('several filters');
      filter = filter[0]!;
      if (Array.isArray(parms)) parms = parms.length === 1 ? parms[0]! : fail('several decode parameters');
    }
    if (filter === undefined) return raw;
    if (!nameIs(filter, 'FlateDecode')) return fail('filter other than Flate');
    let out: Uint8Array;
    try {
      out = inflateSync(raw, { maxOutputLength: INFLATE_LIMIT - this.inflated });
    } catch {
      return fail('inflate failed or too large');
    }
    this.inflated += out.length;
    if (parms === undefined || parms === null) return out;
    if (!isDict(parms)) return fail('decode parameters');
    const predictor = parms.get('Predictor') ?? 1;
    if (predictor === 1) return out;
    if (!isInt(predictor) || predictor < 10 || predictor > 15) return fail('predictor');
    const colors = parms.get('Colors') ?? 1;
    const bits = parms.get('BitsPerComponent') ?? 8;
    const columns = parms.get('Columns') ?? 1;
    if (colors !== 1 || bits !== 8 || !isInt(columns) || columns < 1) return fail('predictor parameters');
    const row = columns + 1;
    if (out.length % row) return fail('partial predictor row');
    const rows = out.length / row;
    const res = new Uint8Array(rows * columns);
    for (let y = 0; y < rows; y++) {
      const type = out[y * row]!;
      const src = y * row + 1;
      const dst = y * columns;
      for (let x = 0; x < columns; x++) {
        const raw8 = out[src + x]!;
        const left = x > 0 ? res[dst + x - 1]! : 0;
        const up = y > 0 ? res[dst - columns + x]! : 0;
        const upLeft = x > 0 && y > 0 ? res[dst - columns + x - 1]! : 0;
        let v: number;
        switch (type) {
          case 0: v = raw8; break;
          case 1: v = raw8 + left; break;
          case 2: v = raw8 + up; break;
          case 3: v = raw8 + ((left + up) >> 1); break;
          case 4: {
            const p = left + up - upLeft;
            const pa = Math.abs(p - left);
            const pb = Math.abs(p - up);
            const pc = Math.abs(p - upLeft);
            v = raw8 + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
            break;
          }
          default: return fail('PNG predictor type');
        }
        res[dst + x] = v & 0xff;
      }
    }
    return res;
  }

  /** Reads the chain of cross-reference sections from `start`; returns the newest trailer. */
  readXRef(start: number): Dict {
    const queue = [start];
    const seen = new Set<number>();
    const xrefStms = new Set<number>();
    let top: Dict | null = null;
    while (queue.length) {
      const at = queue.shift()!;
      if (seen.has(at)) continue;
      seen.add(at);
      if (seen.size > 1000) return fail('too many cross-reference sections');
      const parser = this.parser(at);
      let dict: Dict;
      const first = parser.getObj();
      if (first instanceof Cmd && first.cmd === 'xref') {
        dict = this.readTable(parser);
        const stm = dict.get('XRefStm');
        if (isInt(stm) && !xrefStms.has(stm)) {
          xrefStms.add(stm);
          queue.push(stm);
        } else if (stm !== undefined && !isInt(stm)) return fail('XRefStm');
      } else if (isInt(first)) {
        const gen = parser.getObj();
        const obj = parser.getObj();
        if (!isInt(gen) || !(obj instanceof Cmd) || obj.cmd !== 'obj') return fail('cross-reference stream header');
        const s = parser.getObj();
        if (!(s instanceof StreamValue)) return fail('cross-reference stream');
        dict = this.readStream(s);
      } else {
        return fail('no cross-reference section at the offset');
      }
      top ??= dict;
      const prev = dict.get('Prev');
      if (isInt(prev)) queue.push(prev);
      else if (prev !== undefined) return fail('Prev');
    }
    return top ?? fail('no cross-reference data');
  }

  private put(num: number, e: Entry): void {
    if (!this.entries.has(num)) this.entries.set(num, e);
  }

  private readTable(parser: Parser): Dict {
    for (;;) {
      if (parser.peekCmd() === 'trailer') {
        parser.getObj();
        break;
      }
      const head = parser.getObj();
      const count = parser.getObj();
      if (!isInt(head) || !isInt(count) || head < 0 || count < 0) return fail('cross-reference subsection header');
      let first: number = head;
      for (let i = 0; i < count; i++) {
        const offset = parser.getObj();
        const gen = parser.getObj();
        const type = parser.getObj();
        if (!isInt(offset) || !isInt(gen) || !(type instanceof Cmd) || (type.cmd !== 'n' && type.cmd !== 'f')) return fail('cross-reference entry');
        if (i === 0 && type.cmd === 'f' && first === 1) first = 0;
        this.put(first + i, type.cmd === 'f' ? { free: true, offset, gen } : { uncompressed: true, offset, gen });
      }
    }
    const e0 = this.entries.get(0);
    if (e0 && !e0.free) return fail('object 0 is not free');
    const trailer = parser.getObj();
    if (!isDict(trailer)) return fail('trailer');
    return trailer;
  }

  private readStream(s: StreamValue): Dict {
    const w = s.dict.get('W');
    if (!Array.isArray(w) || w.length < 3 || !w.every((x) => isInt(x) && x >= 0 && x <= 4)) return fail('W');
    const [wt, wo, wg] = w as number[];
    const width = wt! + wo! + wg!;
    if (width === 0) return fail('W');
    const size = s.dict.get('Size');
    const index = s.dict.get('Index') ?? [0, size];
    if (!Array.isArray(index) || index.length % 2 || !index.every(isInt)) return fail('Index');
    const data = this.decode(s);
    let p = 0;
    for (let r = 0; r < index.length; r += 2) {
      const first = index[r] as number;
      const n = index[r + 1] as number;
      if (first < 0 || n < 0 || p + n * width > data.length) return fail('cross-reference stream shorter than its Index');
      for (let i = 0; i < n; i++) {
        let type = 0;
        let offset = 0;
        let gen = 0;
        for (let j = 0; j < wt!; j++) type = (type << 8) | data[p++]!;
        if (wt === 0) type = 1;
        for (let j = 0; j < wo!; j++) offset = (offset << 8) | data[p++]!;
        for (let j = 0; j < wg!; j++) gen = (gen << 8) | data[p++]!;
        if (type === 0) this.put(first + i, { free: true, offset, gen });
        else if (type === 1) this.put(first + i, { uncompressed: true, offset, gen });
        else if (type === 2) this.put(first + i, { offset, gen });
        else return fail('cross-reference entry type');
      }
    }
    return s.dict;
  }

  /** The object a reference names (null for a free or missing one, as pdfjs has it). */
  fetch(ref: Ref): Value {
    const cached = this.cache.get(ref.num);
    if (cached !== undefined) return cached;
    if (++this.fetches > MAX_FETCHES) return fail('too many objects');
    const e = this.entries.get(ref.num);
    if (!e || e.free || !e.offset) return null;
    let v: Value;
    if (e.uncompressed) {
      if (e.gen !== ref.gen) return fail('generation differs from the cross-reference entry');
      const parser = this.parser(e.offset);
      const num = parser.getObj();
      const gen = parser.getObj();
      const obj = parser.getObj();
      if (num !== ref.num || gen !== ref.gen || !(obj instanceof Cmd) || obj.cmd !== 'obj') return fail('object not where the cross-reference data says');
      const value = parser.getObj();
      if (value === EOF || value instanceof Cmd) return fail('object without a value');
      v = value;
    } else {
      if (ref.gen !== 0) return fail('compressed object with a generation');
      const stm = this.objectStream(e.offset);
      if (e.gen >= stm.nums.length || stm.nums[e.gen] !== ref.num) return fail('object not in its object stream');
      const start = stm.first + stm.offsets[e.gen]!;
      const end = e.gen + 1 < stm.offsets.length ? stm.first + stm.offsets[e.gen + 1]! : stm.data.length;
      if (start > end || end > stm.data.length) return fail('object stream offsets');
      const parser = new Parser(new Lexer(stm.data, start, end), 'make');
      const value = parser.getObj();
      if (value === EOF || value instanceof Cmd || value instanceof StreamValue) return fail('object in an object stream');
      v = value;
    }
    this.cache.set(ref.num, v);
    return v;
  }

  private objectStream(num: number): { nums: number[]; offsets: number[]; data: Uint8Array; first: number } {
    const known = this.objStms.get(num);
    if (known) return known;
    const s = this.fetch(new Ref(num, 0));
    if (!(s instanceof StreamValue)) return fail('object stream is not a stream');
    const n = s.dict.get('N');
    const first = s.dict.get('First');
    if (!isInt(n) || !isInt(first) || n < 0 || first < 0) return fail('object stream N/First');
    const data = this.decode(s);
    if (first > data.length || n * 4 > first + 4) return fail('object stream shorter than its N');
    const parser = new Parser(new Lexer(data, 0, first), 'ignore');
    const nums: number[] = [];
    const offsets: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = parser.getObj();
      const b = parser.getObj();
      if (!isInt(a) || !isInt(b) || b < 0 || (i > 0 && b < offsets[i - 1]!)) return fail('object stream header');
      nums.push(a);
      offsets.push(b);
    }
    const stm = { nums, offsets, data, first };
    this.objStms.set(num, stm);
    return stm;
  }

  resolve(v: Value | undefined): Value | undefined {
    return v instanceof Ref ? this.fetch(v) : v;
  }
}

/** pdfjs's Linearization.create: the dictionary when the file is validly linearized, else null. */
function linearization(d: Uint8Array): Dict | null {
  let a: unknown;
  let b: unknown;
  let c: unknown;
  let dict: unknown;
  try {
    const parser = new Parser(new Lexer(d, 0, d.length), 'ignore');
    a = parser.getObj();
    b = parser.getObj();
    c = parser.getObj();
    dict = parser.getObj();
  } catch (err) {
    // Not four objects this reader reads as pdfjs does: pdfjs might still find a linearization dictionary.
    if (err instanceof Unsure) {
      if (find(d, '/Linearized', 0, Math.min(d.length, 4096)) >= 0) throw err;
      return null;
    }
    throw err;
  }
  if (!(isInt(a) && isInt(b) && c instanceof Cmd && c.cmd === 'obj' && isDict(dict))) return null;
  const lin = dict.get('Linearized');
  if (!(typeof lin === 'number' && lin > 0)) return null;
  const int = (key: string, zero = false): boolean => {
    const v = dict.get(key);
    return isInt(v) && (zero ? v >= 0 : v > 0);
  };
  if (!int('L') || dict.get('L') !== d.length) return null;
  const h = dict.get('H');
  if (!Array.isArray(h) || (h.length !== 2 && h.length !== 4) || !h.every((x) => isInt(x) && x > 0)) return null;
  if (!int('O') || !int('E') || !int('N') || !int('T') || (dict.has('P') && !int('P', true))) return null;
  return dict;
}

/** pdfjs's isWhiteSpace (used where it scans bytes itself, not through its lexer). */
const WS = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/** Where pdfjs starts reading cross-reference data; and the linearization dictionary, if it uses it. */
function startOf(d: Uint8Array): { start: number; lin: Dict | null } {
  const lin = linearization(d);
  if (lin) {
    const at = find(d, 'endobj', 0, Math.min(d.length, 1024));
    if (at < 0) return fail('linearized file without endobj in its first 1024 bytes');
    let p = at + 6;
    while (p < d.length && WS(d[p])) p++;
    return { start: p, lin };
  }
  // The last "startxref" of the file (pdfjs searches backwards from the end).
  let at = -1;
  for (let i = d.length - 9; i >= 0; i--) {
    if (d[i] === 0x73 && find(d, 'startxref', i, i + 9) === i) {
      at = i;
      break;
    }
  }
  if (at < 0) return fail('no startxref');
  let p = at + 9;
  while (p < d.length && WS(d[p])) p++;
  const digits = p;
  while (p < d.length && d[p]! >= 0x30 && d[p]! <= 0x39) p++;
  if (p === digits || (p < d.length && !WS(d[p]) && d[p] !== 0x25)) return fail('startxref offset');
  return { start: Number(String.fromCharCode(...d.subarray(digits, p))), lin: null };
}

/** Whether a value holds no reference (an inherited box or number pdfjs reads without a try/catch). */
function direct(v: Value | undefined): boolean {
  if (v instanceof Ref) return false;
  if (Array.isArray(v)) return v.every(direct);
  return true;
}

/** Reads a PDF held whole in `d`. */
export function readPdf(d: Uint8Array): PdfReading {
  try {
    return { sure: true, facts: read(d) };
  } catch (err) {
    if (err instanceof Unsure) return { sure: false, reason: err.message };
    if (err instanceof RangeError) return { sure: false, reason: 'too large' }; // e.g. a string too long to build
    throw err;
  }
}

function read(d: Uint8Array): PdfFacts {
  if (find(d, '%PDF-', 0, 5) !== 0) return fail('no header at the start');
  const r = new Reader(d);
  const { start, lin } = startOf(d);
  const trailer = r.readXRef(start);
  if (trailer.has('Encrypt')) return fail('encrypted');
  const id = trailer.get('ID');
  if (id instanceof Ref) r.fetch(id);
  const root = r.resolve(trailer.get('Root'));
  if (!isDict(root)) return fail('no catalog');
  const pagesRef = root.get('Pages');
  if (!(pagesRef instanceof Ref)) return fail('top-level Pages is not a reference');
  const top = r.fetch(pagesRef);
  if (!isDict(top)) return fail('top-level Pages is not a dictionary');
  for (const key of ['Lang', 'Version']) r.resolve(root.get(key));
  // The document information dictionary: each indirect value is fetched by pdfjs's getMetadata.
  const info = trailer.get('Info');
  if (info instanceof Ref) {
    const dict = r.fetch(info);
      if (isDict(dict)) for (const v of dict.values()) r.resolve(v);
  } else if (isDict(info)) {
    for (const v of info.values()) r.resolve(v);
  }

  // The page tree, walked whole: every kid a reference to a dictionary seen once, /Count right everywhere.
  const seen = new Set<number>([pagesRef.num]);
  if (top.has('Parent')) return fail('top-level Pages has a parent');
  let firstPage: { dict: Dict; chain: Dict[]; ref: Ref } | null = null;
  const count = (node: Dict, nodeRef: Ref, chain: Dict[], depth: number): number => {
    if (depth > MAX_DEPTH) return fail('page tree too deep');
    if (!nameIs(node.get('Type'), 'Pages')) return fail('page tree node without /Type /Pages');
    const kids = node.get('Kids');
    const declared = node.get('Count');
    if (!Array.isArray(kids) || !isInt(declared) || declared < 0) return fail('page tree node Kids/Count');
    let n = 0;
    for (const kid of kids) {
      if (!(kid instanceof Ref)) return fail('kid is not a reference');
      if (seen.has(kid.num)) return fail('page tree node seen twice');
      seen.add(kid.num);
      const k = r.fetch(kid);
      if (!isDict(k)) return fail('kid is not a dictionary');
      const parent = k.get('Parent');
      if (!(parent instanceof Ref) || parent.num !== nodeRef.num || parent.gen !== nodeRef.gen) return fail('kid whose Parent is not its node');
      if (k.has('Kids')) {
        n += count(k, kid, [k, ...chain], depth + 1);
      } else {
        if (!nameIs(k.get('Type'), 'Page')) return fail('page without /Type /Page');
        firstPage ??= { dict: k, chain, ref: kid };
        n++;
      }
    }
    if (n !== declared) return fail('page tree Count does not match its pages');
    return n;
  };
  const pages = count(top, pagesRef, [top], 0);
  if (lin && lin.get('N') !== pages) return fail('linearization page count differs');
  if (pages > Math.max(64, d.length / MIN_BYTES_PER_PAGE)) return fail('more pages than the file can hold');
  if (pages === 0 || !firstPage) return fail('no pages');
  const { dict: page1, chain, ref: page1Ref } = firstPage as { dict: Dict; chain: Dict[]; ref: Ref };
  // A linearized file's first page is the object its /O names (pdfjs fetches it directly).
  if (lin && ((lin.get('P') ?? 0) !== 0 || lin.get('O') !== page1Ref.num || page1Ref.gen !== 0)) return fail('linearization first page differs');
  for (const node of [page1, ...chain]) {
    for (const key of ['MediaBox', 'CropBox', 'Rotate', 'UserUnit']) if (!direct(node.get(key))) return fail(`indirect ${key}`);
  }
  return { status: 'ok', pages, ownerOnly: false };
}
