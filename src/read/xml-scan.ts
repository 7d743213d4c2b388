/**
 * A small streaming XML scanner for the two big parts of a workbook (the sheet XML and the shared strings), giving
 * the same open-tag / text / close-tag events as saxes, the parser exceljs brings, at a few times its speed: it
 * finds each `<` and `>` with indexOf where saxes looks at every character.
 *
 * What it keeps of saxes, so that a value reads the same either way (test/read/xml-scan.test.ts runs both over
 * real workbooks and hostile pieces and demands the same events):
 * - a self-closing tag gives an open and a close event; names keep their prefix ("x:c");
 * - text is entity-decoded (the five XML entities, decimal and hexadecimal character references), and its line
 *   ends normalised (CR LF and a lone CR are LF); in an attribute value TAB, CR and LF are spaces, while a
 *   character reference (`&#10;`) stays what it says;
 * - comments, processing instructions, the XML declaration and a DOCTYPE give no event; CDATA gives none either
 *   (the readers listened only to text);
 * - one text event per run of text between two pieces of markup, however the chunks cut it.
 * What it refuses, as saxes does (the reader then calls the part damaged): a close tag that does not match the
 * open one, an element or markup left open at the end, an unknown entity or a character reference to a character
 * XML cannot hold, a `<` inside an attribute value, an attribute without a quoted value, text outside the root.
 */

export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

export interface XmlHandler {
  open(tag: XmlTag): void;
  text(text: string): void;
  close(tag: XmlTag): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A character XML 1.0 allows (Char). */
function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

const ENTITY = /&([^;&<]*);?/g;

/** Text with its entities and character references replaced; an unknown or malformed one is an error. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`xml: malformed entity "${whole.slice(0, 12)}"`);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? (/^#x[0-9A-Fa-f]+$/.test(ref) ? parseInt(ref.slice(2), 16) : NaN) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (!isXmlChar(code)) throw new Error(`xml: malformed character entity "&${ref.slice(0, 12)};"`);
      return String.fromCodePoint(code);
    }
    const named = ENTITIES[ref];
    if (named === undefined) throw new Error(`xml: undefined entity "&${ref.slice(0, 12)};"`);
    return named;
  });
}

/** Line ends as XML reads them: CR LF and a lone CR are LF. */
function newlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

const WHITESPACE = /^[ \t\r\n]*$/;

export class XmlScanner {
  /** What is left of the input, from the first byte not yet scanned. */
  private buf = '';
  /** Chunks that cannot end what `buf` holds, joined to it when one that can comes. */
  private held: string[] = [];
  private heldLength = 0;
  /** Inside a comment, CDATA section or processing instruction cut by a chunk: its end marker, and the last characters seen. */
  private skip: string | null = null;
  private skipTail = '';
  /** Open elements, innermost last (their close events carry the same tag, as saxes's do). */
  private readonly stack: XmlTag[] = [];
  private rootSeen = false;

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    if (this.skip !== null) {
      const rest = this.skipping(chunk);
      if (rest === null) return;
      chunk = rest;
    }
    if (!chunk) return;
    // What is left is a run of text (ended by a "<") or a piece of markup (ended by a ">"): a chunk that cannot end
    // it waits, so a long text or tag is not scanned again with every chunk.
    const inMarkup = this.buf.charCodeAt(0) === 0x3c;
    if (chunk.indexOf(inMarkup ? '>' : '<') < 0) {
      this.held.push(chunk);
      this.heldLength += chunk.length;
      if (inMarkup && this.heldLength > MAX_TAG) throw new Error('xml: a tag longer than 4 MB');
      return;
    }
    const text = this.held.length ? this.buf + this.held.join('') + chunk : this.buf + chunk;
    this.held = [];
    this.heldLength = 0;
    const at = this.scan(text);
    this.buf = this.skip !== null ? '' : text.slice(at);
    if (this.buf.length > MAX_TAG && this.buf.charCodeAt(0) === 0x3c) throw new Error('xml: a tag longer than 4 MB');
  }

  /** Inside a comment, CDATA section or processing instruction: what follows its end, or null while it goes on. */
  private skipping(chunk: string): string | null {
    const end = this.skip!;
    const t = this.skipTail + chunk;
    const at = t.indexOf(end);
    if (at < 0) {
      this.skipTail = t.slice(-(end.length - 1));
      return null;
    }
    this.skip = null;
    this.skipTail = '';
    return t.slice(at + end.length);
  }

  /** The end of the input: anything left open is an error. */
  close(): void {
    const rest = this.held.length ? this.buf + this.held.join('') : this.buf;
    this.held = [];
    this.buf = '';
    if (this.skip !== null) throw new Error('xml: unclosed comment, CDATA section or processing instruction');
    if (rest.includes('<')) throw new Error('xml: unclosed markup at the end');
    if (rest) this.textRun(rest);
    if (this.stack.length) throw new Error(`xml: unclosed tag <${this.stack[this.stack.length - 1]!.name}>`);
    if (!this.rootSeen) throw new Error('xml: document must contain a root element');
  }

  /** Scans complete pieces of `s`; returns where the incomplete rest starts. */
  private scan(s: string): number {
    const h = this.handler;
    let at = 0;
    for (;;) {
      const lt = s.indexOf('<', at);
      if (lt < 0) return at; // the text runs on into the next chunk
      if (lt > at) this.textRun(s.slice(at, lt));
      const c = s.charCodeAt(lt + 1);
      if (Number.isNaN(c)) return lt;
      if (c === 0x2f /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        // The close tag names the innermost open element (whitespace may follow the name).
        const top = this.stack[this.stack.length - 1];
        const end = top ? lt + 2 + top.name.length : -1;
        if (!top || !s.startsWith(top.name, lt + 2) || (end !== gt && !WHITESPACE.test(s.slice(end, gt)))) {
          const name = s.slice(lt + 2, gt).trimEnd();
          throw new Error(top ? `xml: unexpected close tag </${name}>, expected </${top.name}>` : `xml: unmatched closing tag </${name}>`);
        }
        this.stack.pop();
        h.close(top);
        at = gt + 1;
        continue;
      }
      if (c === 0x3f /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return this.skipFrom(s, lt + 2, '?>');
        at = end + 2;
        continue;
      }
      if (c === 0x21 /* ! */) {
        if (s.startsWith('<!--', lt) || s.startsWith('<![CDATA[', lt)) {
          const [open, close] = s.startsWith('<!--', lt) ? [4, '-->'] : [9, ']]>'];
          const end = s.indexOf(close, lt + open);
          if (end < 0) return this.skipFrom(s, lt + open, close);
          at = end + close.length;
          continue;
        }
        const next = this.doctype(s, lt);
        if (next < 0) return lt;
        at = next;
        continue;
      }
      const next = this.openTag(s, lt);
      if (next < 0) return lt;
      at = next;
    }
  }

  private textRun(raw: string): void {
    if (!this.stack.length && !WHITESPACE.test(raw)) throw new Error('xml: text data outside of root node');
    this.handler.text(newlines(decodeEntities(raw)));
  }

  /** A comment, CDATA section or processing instruction not ended in `s`: skipped until `end` comes. */
  private skipFrom(s: string, from: number, end: string): number {
    this.skip = end;
    this.skipTail = s.slice(Math.max(from, s.length - (end.length - 1)));
    return s.length;
  }

  /** `<!DOCTYPE …>` at `lt` (no event): where it ends, or -1 when it is not complete yet. */
  private doctype(s: string, lt: number): number {
    if (s.length - lt < 9) return -1;
    if (!s.startsWith('<!DOCTYPE', lt)) throw new Error('xml: unrecognised markup <!');
    // A DOCTYPE with an internal subset ends at "]>"; one without, at the first ">".
    const bracket = s.indexOf('[', lt);
    const gt = s.indexOf('>', lt);
    if (gt < 0) return -1;
    if (bracket < 0 || bracket > gt) return gt + 1;
    const end = s.indexOf(']>', bracket);
    return end < 0 ? -1 : end + 2;
  }

  /** An open (or self-closing) tag at `lt`: its events given, where it ends; -1 when it is not complete yet. */
  private openTag(s: string, lt: number): number {
    // The tag ends at the first ">" outside quotes.
    let i = lt + 1;
    for (let c = s.charCodeAt(i); c !== 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd && c !== 0x2f && c !== 0x3e; c = s.charCodeAt(++i)) {
      if (Number.isNaN(c)) return -1;
    }
    if (i === lt + 1) throw new Error('xml: disallowed character in tag name');
    const name = s.slice(lt + 1, i);
    const attributes: Record<string, string> = {};
    for (;;) {
      // Skip whitespace.
      let c = s.charCodeAt(i);
      while (c === 0x20 || c === 0x9 || c === 0xa || c === 0xd) c = s.charCodeAt(++i);
      if (Number.isNaN(c)) return -1;
      if (c === 0x3e /* > */) {
        this.opened(name, attributes, false);
        return i + 1;
      }
      if (c === 0x2f /* / */) {
        const d = s.charCodeAt(i + 1);
        if (Number.isNaN(d)) return -1;
        if (d !== 0x3e) throw new Error('xml: forward-slash in opening tag not followed by >');
        this.opened(name, attributes, true);
        return i + 2;
      }
      // The attribute's name runs to "=" or whitespace.
      const nameAt = i;
      for (c = s.charCodeAt(i); c !== 0x3d && c !== 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd; c = s.charCodeAt(++i)) {
        if (Number.isNaN(c)) return -1;
        if (c === 0x3e || c === 0x2f || c === 0x3c || c === 0x22 || c === 0x27) throw new Error('xml: attribute without value');
      }
      const attr = s.slice(nameAt, i);
      while (c === 0x20 || c === 0x9 || c === 0xa || c === 0xd) c = s.charCodeAt(++i);
      if (Number.isNaN(c)) return -1;
      if (c !== 0x3d) throw new Error('xml: attribute without value');
      c = s.charCodeAt(++i);
      while (c === 0x20 || c === 0x9 || c === 0xa || c === 0xd) c = s.charCodeAt(++i);
      if (Number.isNaN(c)) return -1;
      if (c !== 0x22 && c !== 0x27) throw new Error('xml: unquoted attribute value');
      // The value: scanned once for its end and for what needs more than a slice.
      const quote = c;
      const valueAt = i + 1;
      let plain = true;
      for (c = s.charCodeAt(++i); c !== quote; c = s.charCodeAt(++i)) {
        if (Number.isNaN(c)) return -1;
        if (c === 0x3c) throw new Error('xml: disallowed character in attribute value');
        if (c === 0x26 || c === 0x9 || c === 0xa || c === 0xd) plain = false;
      }
      if (Object.hasOwn(attributes, attr)) throw new Error(`xml: duplicate attribute: ${attr}`);
      const raw = s.slice(valueAt, i);
      attributes[attr] = plain ? raw : attrValue(raw);
      const after = s.charCodeAt(++i);
      if (!Number.isNaN(after) && after !== 0x20 && after !== 0x9 && after !== 0xa && after !== 0xd && after !== 0x3e && after !== 0x2f) {
        throw new Error('xml: no whitespace between attributes');
      }
    }
  }

  private opened(name: string, attributes: Record<string, string>, selfClosing: boolean): void {
    if (!this.stack.length) {
      if (this.rootSeen) throw new Error('xml: text data outside of root node');
      this.rootSeen = true;
    }
    const tag = { name, attributes };
    this.handler.open(tag);
    if (selfClosing) this.handler.close(tag);
    else this.stack.push(tag);
  }
}

/** A tag (with its attributes) longer than this is refused: no workbook writes one, and it would be scanned again with every chunk. */
const MAX_TAG = 4 * 1024 * 1024;


/** An attribute value as XML reads it: entities decoded, TAB, CR and LF as spaces (CR LF as one). */
function attrValue(raw: string): string {
  const spaced = /[\t\r\n]/.test(raw) ? raw.replace(/\r\n|[\t\r\n]/g, ' ') : raw;
  return decodeEntities(spaced);
}
