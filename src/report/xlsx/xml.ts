/**
 * Small XML tools for editing OOXML parts as text, byte for byte.
 *
 * Parts are handled as "latin1 strings" (one character per byte, `Buffer#toString('latin1')`): every byte
 * of the input survives unchanged, markup is ASCII so it is found the same way, and only the text cert-check
 * inserts is encoded (`utf8ToBytes`). Tags are found by a scanner that respects quoted attribute values,
 * comments, CDATA and processing instructions; nothing is decoded or re-serialised that is not changed.
 */

/** Unicode text → its UTF-8 bytes as a latin1 string (for splicing into a part held as latin1). */
export function utf8ToBytes(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1');
}

/** A latin1 string of UTF-8 bytes → the Unicode text. */
export function bytesToUtf8(bytes: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(bytes) ? bytes : Buffer.from(bytes, 'latin1').toString('utf8');
}

const XML_CHAR = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for an element or attribute value of SpreadsheetML: markup characters escaped, a literal "_x0041_"
 * protected as "_x005F_x0041_" (else it would read back as "A"); what XML 1.0 cannot hold is dropped —
 * control characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF.
 */
export function esc(text: string): string {
  return text.replace(XML_CHAR, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case '_': return '_x005F_';
      default:
        return '';
    }
  });
}

/** Markup escaping only (for parts outside SpreadsheetML's string types: VML, properties). */
export function escPlain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"]|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '');
}

/** Undoes the five predefined entities and numeric character references. */
export function unesc(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
      default: return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** A tag found by `nextTag`. */
export interface Tag {
  /** Offsets of "<" and just after ">". */
  start: number;
  end: number;
  /** Qualified name ("x:row"), '' for comments, CDATA, PIs and declarations. */
  name: string;
  /** Name without its prefix ("row"). */
  local: string;
  kind: 'open' | 'close' | 'empty' | 'other';
}

/**
 * The next tag at or after `from`, or null when the text holds no complete tag from there (more text is
 * needed). Text between tags is skipped: in XML it cannot hold a raw "<".
 */
export function nextTag(s: string, from: number): Tag | null {
  const start = s.indexOf('<', from);
  if (start < 0) return null;
  const c1 = s.charCodeAt(start + 1);
  if (Number.isNaN(c1)) return null;
  if (c1 === 0x21 /* ! */) {
    if (s.startsWith('<!--', start)) {
      const e = s.indexOf('-->', start + 4);
      return e < 0 ? null : { start, end: e + 3, name: '', local: '', kind: 'other' };
    }
    if (s.startsWith('<![CDATA[', start)) {
      const e = s.indexOf(']]>', start + 9);
      return e < 0 ? null : { start, end: e + 3, name: '', local: '', kind: 'other' };
    }
    if (s.length < start + 9) return null;
    const e = s.indexOf('>', start);
    return e < 0 ? null : { start, end: e + 1, name: '', local: '', kind: 'other' };
  }
  if (c1 === 0x3f /* ? */) {
    const e = s.indexOf('?>', start + 2);
    return e < 0 ? null : { start, end: e + 2, name: '', local: '', kind: 'other' };
  }
  const closing = c1 === 0x2f; /* / */
  let i = start + (closing ? 2 : 1);
  const nameStart = i;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) break;
    i++;
  }
  const name = s.slice(nameStart, i);
  // The end of the tag: the first ">" outside quotes.
  let quote = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      const colon = name.indexOf(':');
      const local = colon < 0 ? name : name.slice(colon + 1);
      const kind = closing ? 'close' : s.charCodeAt(i - 1) === 0x2f ? 'empty' : 'open';
      return { start, end: i + 1, name, local, kind };
    }
  }
  return null;
}

/** The prefix of a qualified name with its colon ("x:" of "x:row"), or ''. */
export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

const ATTR_CACHE = new Map<string, RegExp>();
function attrPattern(name: string): RegExp {
  let re = ATTR_CACHE.get(name);
  if (!re) {
    re = new RegExp(`[\\s]${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_CACHE.set(name, re);
  }
  return re;
}

/** The raw (still escaped) value of attribute `name` in a tag's text, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const m = attrPattern(name).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The tag with attribute `name` set to `value` (already escaped), replaced in place or added at the end. */
export function setAttr(tag: string, name: string, value: string): string {
  const m = attrPattern(name).exec(tag);
  if (m) {
    const eq = m[0].indexOf('=');
    return `${tag.slice(0, m.index)}${m[0].slice(0, eq)}="${value}"${tag.slice(m.index + m[0].length)}`;
  }
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${name}="${value}"${tag.slice(close)}`;
}

/** The tag without attribute `name`. */
export function removeAttr(tag: string, name: string): string {
  const m = attrPattern(name).exec(tag);
  return m ? tag.slice(0, m.index) + tag.slice(m.index + m[0].length) : tag;
}

/** Every attribute of a tag, in order (raw values). */
export function attrs(tag: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out.push([m[1]!, m[2] ?? m[3] ?? '']);
  return out;
}

/**
 * The element that starts with the open (or empty) tag `open`: its end offset, found by counting tags of
 * the same name. Null when the text ends first.
 */
export function elementEnd(s: string, open: Tag): number | null {
  if (open.kind === 'empty') return open.end;
  let depth = 1;
  let at = open.end;
  for (;;) {
    const t = nextTag(s, at);
    if (!t) return null;
    at = t.end;
    if (t.name !== open.name) continue;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close' && --depth === 0) return t.end;
  }
}

/** The children of the element opened by `open` (direct children only), as tags with their end offsets. */
export function children(s: string, open: Tag): { tag: Tag; end: number }[] {
  const out: { tag: Tag; end: number }[] = [];
  if (open.kind === 'empty') return out;
  let at = open.end;
  for (;;) {
    const t = nextTag(s, at);
    if (!t || (t.kind === 'close' && t.name === open.name)) return out;
    if (t.kind === 'other') {
      at = t.end;
      continue;
    }
    const end = elementEnd(s, t);
    if (end === null) return out;
    out.push({ tag: t, end });
    at = end;
  }
}

/** The root element's open tag (after the declaration and comments). */
export function rootTag(s: string): Tag | null {
  let at = 0;
  for (;;) {
    const t = nextTag(s, at);
    if (!t) return null;
    if (t.kind === 'open' || t.kind === 'empty') return t;
    at = t.end;
  }
}

/** The first element named `local` (any prefix) at or after `from`, with its end; null when absent. */
export function findElement(s: string, local: string, from = 0): { tag: Tag; end: number } | null {
  let at = from;
  for (;;) {
    const t = nextTag(s, at);
    if (!t) return null;
    if ((t.kind === 'open' || t.kind === 'empty') && t.local === local) {
      const end = elementEnd(s, t);
      return end === null ? null : { tag: t, end };
    }
    at = t.end;
  }
}

/** The text content of the first element named `local`, unescaped; null when absent. */
export function elementText(s: string, local: string): string | null {
  const el = findElement(s, local);
  if (!el) return null;
  if (el.tag.kind === 'empty') return '';
  const close = s.lastIndexOf('</', el.end - 1);
  return unesc(s.slice(el.tag.end, close));
}

/** The prefix the root element binds to namespace `uri` ("r:" for relationships), or null. */
export function namespacePrefix(root: string, uri: string): string | null {
  for (const [name, value] of attrs(root)) {
    if (value !== uri) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return null;
}

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
