/**
 * The marker cert-check writes into every workbook it makes, and the test a later run applies to a file.
 *
 * The marker lives in the document properties (docProps/custom.xml, shown by Excel and WPS under
 * 文件 → 属性 → 自定义), which Excel, WPS and LibreOffice keep when they save: what kind of file it is, when
 * cert-check wrote it (the very time it also writes as the file's dcterms:modified), a SHA-256 of the sheet
 * parts it wrote, and for an annotated copy what it needs to take its marks off again (result columns,
 * added sheets, the cell formats it appended). Excel keeps at most 255 characters of a property, so the
 * marker's JSON is split over several properties: `cert-check`, `cert-check.2`, …
 *
 * A file cert-check wrote and nobody saved since still has dcterms:modified equal to the marker's time and
 * the same sheet parts: `edited` is false. Saving it in Excel, WPS or LibreOffice changes the saved time
 * (and editing changes the sheet): `edited` is true.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { attr, bytesToUtf8, elementText, escPlain, nextTag, rootTag, unesc, utf8ToBytes } from './xml.js';

export type MarkerKind = 'annotated' | 'fixed' | 'fix-list' | 'template';

export interface Marker {
  version: 1;
  kind: MarkerKind;
  /** When cert-check wrote the file, as written in docProps/core.xml dcterms:modified (W3CDTF, seconds, UTC). */
  written: string;
  /** SHA-256 (base64) of sheet parts as written, by part name. */
  parts: Record<string, string>;
  /**
   * The same parts' CRC-32 (hex) and size as the zip's directory gives them ("9f3a…:73431772"): whether a part is
   * still as written is then known without inflating it (a sheet of 100,000 rows took 0.25 s to hash before
   * every re-run). Markers written before it have none, and their parts are hashed.
   */
  sums?: Record<string, string>;
  /** Annotated and fixed copies: each checked sheet's part, name and first result column (0: none). */
  sheets?: { part: string; name: string; resultCol: number }[];
  /** Sheets cert-check added (问题清单, 汇总): name and part. */
  added?: { name: string; part: string }[];
  /**
   * Cell formats cert-check appended to styles.xml: the first index, then for each appended format the
   * format it marks (-1 for cert-check's own cells) and its fill (ARGB, '' for none).
   */
  xf?: { from: number; base: number[]; fill: string[] };
}

/** What a later run needs to know of a file: what cert-check wrote it as, and whether someone saved it since. */
export interface MarkerState {
  kind: MarkerKind;
  edited: boolean;
}

const KINDS: readonly MarkerKind[] = ['annotated', 'fixed', 'fix-list', 'template'];
export const MARKER_PROPERTY = 'cert-check';
/** Characters of JSON per property (Excel keeps 255). */
const CHUNK = 240;
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';

/** A time as docProps/core.xml writes it: "2026-11-27T06:08:00Z". */
export function w3cdtf(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** SHA-256 of bytes, base64. */
export function partHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}

function isMarkerName(name: string): boolean {
  return name === MARKER_PROPERTY || /^cert-check\.\d+$/.test(name);
}

/** The properties of docProps/custom.xml as [name, text value, raw element]. */
function properties(customXml: string): { name: string; value: string; start: number; end: number; pid: number }[] {
  const out: { name: string; value: string; start: number; end: number; pid: number }[] = [];
  let at = 0;
  for (;;) {
    const t = nextTag(customXml, at);
    if (!t) return out;
    at = t.end;
    if (t.local !== 'property' || t.kind !== 'open') continue;
    const close = customXml.indexOf('property>', t.end);
    if (close < 0) return out;
    const end = close + 'property>'.length;
    const tag = customXml.slice(t.start, t.end);
    const inner = customXml.slice(t.end, customXml.lastIndexOf('</', close));
    const text = /<[^>]*>([^<]*)</.exec(inner)?.[1] ?? '';
    out.push({ name: bytesToUtf8(unesc(attr(tag, 'name') ?? '')), value: bytesToUtf8(unesc(text)), start: t.start, end, pid: Number(attr(tag, 'pid') ?? 0) });
    at = end;
  }
}

/** The marker in docProps/custom.xml (latin1 bytes or text), or null. */
export function parseMarker(customXml: string | null): Marker | null {
  if (!customXml) return null;
  const props = properties(customXml).filter((p) => isMarkerName(p.name));
  if (!props.length) return null;
  const order = (name: string): number => (name === MARKER_PROPERTY ? 1 : Number(name.slice(MARKER_PROPERTY.length + 1)));
  const json = props.sort((a, b) => order(a.name) - order(b.name)).map((p) => p.value).join('');
  try {
    const m = JSON.parse(json) as Marker;
    if (m?.version !== 1 || !KINDS.includes(m.kind) || typeof m.written !== 'string' || typeof m.parts !== 'object' || m.parts === null) return null;
    return m;
  } catch {
    return null;
  }
}

/**
 * docProps/custom.xml with the marker: the file's own properties kept, an earlier marker replaced.
 * `customXml`: the existing part (latin1 bytes) or null. Returns latin1 bytes.
 */
export function withMarker(customXml: string | null, marker: Marker): string {
  let text = customXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT_NS}"></Properties>`;
  const props = properties(text);
  for (const p of [...props].reverse()) if (isMarkerName(p.name)) text = text.slice(0, p.start) + text.slice(p.end);
  const root = rootTag(text)!;
  const p = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
  const rootOpen = text.slice(root.start, root.end);
  // The vt: prefix as the root declares it (or declared on each property).
  const vtDecl = /\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/docPropsVTypes"/.exec(rootOpen);
  const vt = vtDecl ? vtDecl[1]! : 'vt';
  const decl = vtDecl ? '' : ` xmlns:vt="${VT_NS}"`;
  let pid = Math.max(1, ...props.filter((x) => !isMarkerName(x.name)).map((x) => x.pid));
  const json = JSON.stringify(marker);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  const added = chunks.map((c, i) => `<${p}property fmtid="${FMTID}" pid="${++pid}" name="${i === 0 ? MARKER_PROPERTY : `${MARKER_PROPERTY}.${i + 1}`}"${decl}><${vt}:lpwstr>${utf8ToBytes(escPlain(c))}</${vt}:lpwstr></${p}property>`).join('');
  if (root.kind === 'empty') {
    return `${text.slice(0, root.start)}${rootOpen.slice(0, -2).replace(/\s+$/, '')}>${added}</${root.name}>${text.slice(root.end)}`;
  }
  const close = text.lastIndexOf('</');
  return text.slice(0, close) + added + text.slice(close);
}

const CORE_NS = {
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  dcmitype: 'http://purl.org/dc/dcmitype/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** A new docProps/core.xml (latin1 bytes). */
export function newCoreXml(written: string, fields: { title?: string; category?: string } = {}): string {
  const ns = Object.entries(CORE_NS).map(([k, v]) => ` xmlns:${k}="${v}"`).join('');
  const text = (tag: string, v: string | undefined): string => (v ? `<${tag}>${utf8ToBytes(escPlain(v))}</${tag}>` : '');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties${ns}>${text('dc:title', fields.title)}<dc:creator>cert-check</dc:creator>`
    + `<cp:lastModifiedBy>cert-check</cp:lastModifiedBy>${text('cp:category', fields.category)}`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${written}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${written}</dcterms:modified></cp:coreProperties>`;
}

/** docProps/core.xml with dcterms:modified set to `written` (added when missing); latin1 bytes. */
export function withModified(coreXml: string | null, written: string): string {
  if (!coreXml) return newCoreXml(written);
  let at = 0;
  for (;;) {
    const t = nextTag(coreXml, at);
    if (!t) break;
    at = t.end;
    if (t.local !== 'modified' || t.kind === 'close') continue;
    if (t.kind === 'empty') {
      const open = coreXml.slice(t.start, t.end - 2).replace(/\s+$/, '');
      return `${coreXml.slice(0, t.start)}${open}>${written}</${t.name}>${coreXml.slice(t.end)}`;
    }
    const close = coreXml.indexOf('</', t.end);
    return coreXml.slice(0, t.end) + written + coreXml.slice(close);
  }
  const root = rootTag(coreXml);
  if (!root || root.kind === 'empty') return newCoreXml(written);
  let open = coreXml.slice(root.start, root.end);
  const dcterms = /\sxmlns:(\w+)="http:\/\/purl\.org\/dc\/terms\/"/.exec(open)?.[1];
  const xsi = /\sxmlns:(\w+)="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance"/.exec(open)?.[1];
  if (!dcterms) open = `${open.slice(0, -1)} xmlns:dcterms="${CORE_NS.dcterms}">`;
  if (!xsi) open = `${open.slice(0, -1)} xmlns:xsi="${CORE_NS.xsi}">`;
  const d = dcterms ?? 'dcterms';
  const x = xsi ?? 'xsi';
  const el = `<${d}:modified ${x}:type="${d}:W3CDTF">${written}</${d}:modified>`;
  const body = coreXml.slice(root.end);
  const close = body.lastIndexOf('</');
  return coreXml.slice(0, root.start) + open + body.slice(0, close) + el + body.slice(close);
}

/** The dcterms:modified of docProps/core.xml, or null. */
export function modifiedOf(coreXml: string | null): string | null {
  return coreXml ? (elementText(coreXml, 'modified')?.trim() ?? null) : null;
}

/**
 * The pure test: given a file's custom and core properties and a way to hash its parts, what cert-check
 * wrote it as and whether it was saved since; null for a file that carries no marker (not cert-check's, or
 * saved by a program that dropped the properties).
 */
export function judgeMarker(customXml: string | null, coreXml: string | null, hashOf: (part: string) => string | null): MarkerState | null {
  const m = parseMarker(customXml);
  if (!m) return null;
  if (modifiedOf(coreXml) !== m.written) return { kind: m.kind, edited: true };
  for (const [part, hash] of Object.entries(m.parts)) if (hashOf(part) !== hash) return { kind: m.kind, edited: true };
  return { kind: m.kind, edited: false };
}

/** Properties larger than this are not read (they are a few hundred bytes). */
const PROPS_MAX = 1024 * 1024;
/** Sheet parts larger than this are not hashed: such a file is taken as edited (an input). */
const HASH_MAX = 1024 * 1024 * 1024;

/** Reads a zip's entries by lower-case name (null when the file is not a zip). */
function openZip(path: string): Promise<{ zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry> } | null> {
  return new Promise((res) => {
    yauzl.open(path, { lazyEntries: false, autoClose: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return res(null);
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (e: yauzl.Entry) => entries.set(e.fileName.toLowerCase(), e));
      zip.once('error', () => {
        zip.close();
        res(null);
      });
      zip.once('end', () => res({ zip, entries }));
    });
  });
}

async function entryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined, max: number): Promise<Buffer | null> {
  if (!entry || entry.uncompressedSize > max) return null;
  const stream = await new Promise<NodeJS.ReadableStream | null>((res) => zip.openReadStream(entry, (e, s) => res(e || !s ? null : s)));
  if (!stream) return null;
  const chunks: Buffer[] = [];
  try {
    for await (const c of stream) chunks.push(c as Buffer);
  } catch {
    return null;
  }
  return Buffer.concat(chunks);
}

/**
 * SHA-256 (base64) of an entry's content, or null when it cannot be read whole. The content is inflated here
 * from the stored bytes in large pieces and hashed piece by piece: yauzl's own inflation hands over pieces of
 * ~14 KB (6,000 callbacks for the sheet of 100,000 rows), which made checking an existing -o file before every
 * re-run take 0.5–0.6 s; this way it takes about 0.25 s, and the sheet is never held whole. The content must be
 * exactly the size the zip declares, as yauzl's validateEntrySizes demands of `entryBytes`.
 */
async function entryHash(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined, max: number): Promise<string | null> {
  if (!entry || entry.uncompressedSize > max) return null;
  if (entry.compressionMethod !== 8 || entry.isEncrypted()) {
    const bytes = await entryBytes(zip, entry, max);
    return bytes ? partHash(bytes) : null;
  }
  // yauzl 3.4.0 reads `decodeFileData: false` as "the bytes as stored" (see package.ts).
  const raw = await new Promise<Readable | null>((res) => {
    zip.openReadStream(entry, { decodeFileData: false } as yauzl.ZipFileOptions, (e, s) => res(e || !s ? null : s));
  });
  if (!raw) return null;
  const inflate = createInflateRaw({ chunkSize: 1024 * 1024 });
  raw.on('error', (e) => inflate.destroy(e));
  raw.pipe(inflate);
  const h = createHash('sha256');
  let size = 0;
  try {
    for await (const c of inflate) {
      size += (c as Buffer).length;
      if (size > entry.uncompressedSize) {
        raw.destroy();
        inflate.destroy();
        return null;
      }
      h.update(c as Buffer);
    }
  } catch {
    return null;
  }
  return size === entry.uncompressedSize ? h.digest('base64') : null;
}

/** The marker of the workbook at `path` (whole), or null: for the writer, which takes its marks off again. */
export async function readMarkerDetails(path: string, opts: { hash?: boolean } = {}): Promise<{ marker: Marker; state: MarkerState } | null> {
  const z = await openZip(path);
  if (!z) return null;
  try {
    const custom = await entryBytes(z.zip, z.entries.get('docprops/custom.xml'), PROPS_MAX);
    const marker = parseMarker(custom?.toString('latin1') ?? null);
    if (!marker) return null;
    const core = await entryBytes(z.zip, z.entries.get('docprops/core.xml'), PROPS_MAX);
    const coreXml = core?.toString('latin1') ?? null;
    const hashes = new Map<string, string | null>();
    if (opts.hash !== false && modifiedOf(coreXml) === marker.written) {
      for (const [part, hash] of Object.entries(marker.parts)) {
        const entry = z.entries.get(part.toLowerCase());
        const sum = marker.sums?.[part];
        if (typeof sum === 'string' && entry) hashes.set(part, sum === `${(entry.crc32 >>> 0).toString(16)}:${entry.uncompressedSize}` ? hash : null);
        else hashes.set(part, await entryHash(z.zip, entry, HASH_MAX));
      }
    }
    const state = judgeMarker(custom!.toString('latin1'), coreXml, (part) => hashes.get(part) ?? null)!;
    return { marker, state };
  } finally {
    z.zip.close();
  }
}

/**
 * What cert-check wrote the file at `path` as, and whether it was edited and saved since; null for any file
 * without cert-check's marker (or not a zip at all). Never throws. For folder scans: an untouched copy is
 * cert-check's own output (skip it), an edited one is the clerk's work (check it).
 */
export async function readMarker(path: string): Promise<MarkerState | null> {
  try {
    return (await readMarkerDetails(path))?.state ?? null;
  } catch {
    return null;
  }
}

