/**
 * The input workbook as a package (OPC): its zip entries, read by random access (yauzl), and the small
 * package parts that say what the others are — content types and relationships — as editable text.
 * Part names are matched without regard to case, as OPC says; entry names are kept as the zip spells them.
 */
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { attr, attrs, bytesToUtf8, esc, nextTag, unesc, utf8ToBytes } from './xml.js';

type Zip = yauzl.ZipFile;

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  customProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
  vbaProject: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
} as const;

export const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
} as const;

/** Workbook content types that are not a plain .xlsx workbook (macros, templates). */
export const MACRO_WORKBOOK_TYPES = new Set([
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);
export const TEMPLATE_WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml';

/** "xl/worksheets/../drawings/x.vml" → "xl/drawings/x.vml". */
export function normalizePart(path: string): string {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The part a relationship of `source` points to ("xl/workbook.xml" + "worksheets/sheet1.xml"). */
export function resolveTarget(source: string, target: string): string {
  const t = decodeURIComponent(target.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  if (t.startsWith('/')) return normalizePart(t);
  const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
  return normalizePart(`${dir}/${t}`);
}

/** The relationships part of `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels"). */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** A target for a relationship from `source` to `part`, relative where it can be. */
export function relativeTarget(source: string, part: string): string {
  const from = source.includes('/') ? source.slice(0, source.lastIndexOf('/')).split('/') : [];
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export interface Relationship {
  id: string;
  type: string;
  /** Unescaped Target attribute. */
  target: string;
  external: boolean;
}

/** A relationships part, editable: relationships can be added and removed; the rest stays as written. */
export class Rels {
  private text: string;
  readonly list: Relationship[];

  /** `text`: the part as latin1 bytes, or null for a part that does not exist yet. */
  constructor(text: string | null) {
    this.text = text ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    this.list = [];
    let at = 0;
    for (;;) {
      const t = nextTag(this.text, at);
      if (!t) break;
      at = t.end;
      if (t.local !== 'Relationship' || t.kind === 'close') continue;
      const tag = this.text.slice(t.start, t.end);
      this.list.push({
        id: unesc(attr(tag, 'Id') ?? ''),
        type: unesc(attr(tag, 'Type') ?? ''),
        target: bytesToUtf8(unesc(attr(tag, 'Target') ?? '')),
        external: attr(tag, 'TargetMode') === 'External',
      });
    }
  }

  byType(type: string): Relationship[] {
    return this.list.filter((r) => r.type === type);
  }

  byId(id: string): Relationship | undefined {
    return this.list.find((r) => r.id === id);
  }

  /** Adds a relationship with a new id; returns the id. */
  add(type: string, target: string, external = false): string {
    const ids = new Set(this.list.map((r) => r.id));
    let n = this.list.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.list.push({ id, type, target, external });
    const root = /<([A-Za-z_][\w.-]*:)?Relationships\b([^>]*?)(\/?)>/.exec(this.text);
    const p = root?.[1] ?? '';
    const el = `<${p}Relationship Id="${id}" Type="${esc(type)}" Target="${utf8ToBytes(esc(target))}"${external ? ' TargetMode="External"' : ''}/>`;
    if (root && root[3] === '/') {
      this.text = `${this.text.slice(0, root.index)}<${p}Relationships${root[2]}>${el}</${p}Relationships>${this.text.slice(root.index + root[0].length)}`;
    } else {
      const close = this.text.lastIndexOf('</');
      this.text = this.text.slice(0, close) + el + this.text.slice(close);
    }
    return id;
  }

  remove(id: string): void {
    const i = this.list.findIndex((r) => r.id === id);
    if (i < 0) return;
    this.list.splice(i, 1);
    let at = 0;
    for (;;) {
      const t = nextTag(this.text, at);
      if (!t) return;
      at = t.end;
      if (t.local !== 'Relationship' || t.kind === 'close') continue;
      const tag = this.text.slice(t.start, t.end);
      if (unesc(attr(tag, 'Id') ?? '') !== id) continue;
      const end = t.kind === 'empty' ? t.end : this.text.indexOf('>', this.text.indexOf('</', t.end)) + 1;
      this.text = this.text.slice(0, t.start) + this.text.slice(end);
      return;
    }
  }

  /** The part as latin1 bytes. */
  render(): string {
    return this.text;
  }
}

/** [Content_Types].xml, editable. */
export class ContentTypes {
  private text: string;

  constructor(text: string | null) {
    this.text = text ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="${CT.xml}"/></Types>`;
  }

  private find(kind: 'Default' | 'Override', key: string, value: string): { start: number; end: number; tag: string } | null {
    let at = 0;
    for (;;) {
      const t = nextTag(this.text, at);
      if (!t) return null;
      at = t.end;
      if (t.local !== kind || t.kind === 'close') continue;
      const tag = this.text.slice(t.start, t.end);
      if ((unesc(attr(tag, key) ?? '')).toLowerCase() === value.toLowerCase()) return { start: t.start, end: t.end, tag };
    }
  }

  /** The content type of a part (its override, else the default of its extension). */
  typeOf(part: string): string | undefined {
    const o = this.find('Override', 'PartName', `/${part}`);
    if (o) return unesc(attr(o.tag, 'ContentType') ?? '');
    const ext = part.slice(part.lastIndexOf('.') + 1);
    const d = this.find('Default', 'Extension', ext);
    return d ? unesc(attr(d.tag, 'ContentType') ?? '') : undefined;
  }

  setOverride(part: string, type: string): void {
    this.removeOverride(part);
    this.insert(`<Override PartName="/${utf8ToBytes(esc(part))}" ContentType="${esc(type)}"/>`);
  }

  removeOverride(part: string): void {
    const o = this.find('Override', 'PartName', `/${part}`);
    if (o) this.text = this.text.slice(0, o.start) + this.text.slice(o.end);
  }

  ensureDefault(ext: string, type: string): void {
    if (this.find('Default', 'Extension', ext)) return;
    // Defaults come before overrides by custom: after the root's open tag.
    const root = /<([A-Za-z_][\w.-]*:)?Types\b[^>]*>/.exec(this.text);
    if (!root) return;
    const at = root.index + root[0].length;
    this.text = `${this.text.slice(0, at)}<Default Extension="${esc(ext)}" ContentType="${esc(type)}"/>${this.text.slice(at)}`;
  }

  removeDefault(ext: string): void {
    const d = this.find('Default', 'Extension', ext);
    if (d) this.text = this.text.slice(0, d.start) + this.text.slice(d.end);
  }

  private insert(el: string): void {
    const close = this.text.lastIndexOf('</');
    this.text = this.text.slice(0, close) + el + this.text.slice(close);
  }

  render(): string {
    return this.text;
  }
}

/** The zip of an input workbook, opened for random access. */
export class InputPackage {
  private constructor(
    readonly path: string,
    private readonly zip: Zip,
    /** Entries by lower-case name. */
    private readonly byName: Map<string, yauzl.Entry>,
    /** Entry names in the order the zip holds them. */
    readonly names: readonly string[],
  ) {}

  static open(path: string): Promise<InputPackage> {
    return new Promise((resolvePkg, reject) => {
      yauzl.open(path, { lazyEntries: false, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
        if (err || !zip) return reject(err ?? new Error('unreadable zip'));
        const byName = new Map<string, yauzl.Entry>();
        const names: string[] = [];
        zip.on('entry', (e: yauzl.Entry) => {
          byName.set(e.fileName.toLowerCase(), e);
          names.push(e.fileName);
        });
        zip.once('error', reject);
        zip.once('end', () => resolvePkg(new InputPackage(path, zip, byName, names)));
      });
    });
  }

  /** The entry of a part name (any case), or undefined. */
  entry(part: string): yauzl.Entry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  /** The zip's own spelling of a part name. */
  spelling(part: string): string {
    return this.entry(part)?.fileName ?? part;
  }

  private stream(part: string, decode: boolean): Promise<Readable> {
    const entry = this.entry(part);
    if (!entry) return Promise.reject(new Error(`${part}: no such part`));
    // Options only for the raw bytes: yauzl 3.4.0 reads `decodeFileData: true` as "do not inflate".
    const done = (err: Error | null, stream?: Readable): void => (err || !stream ? rej(err ?? new Error(`${part}: unreadable`)) : res(stream));
    let res!: (s: Readable) => void;
    let rej!: (e: Error) => void;
    const promise = new Promise<Readable>((a, b) => {
      res = a;
      rej = b;
    });
    if (decode) this.zip.openReadStream(entry, done);
    else this.zip.openReadStream(entry, { decodeFileData: false } as yauzl.ZipFileOptions, done);
    return promise;
  }

  /**
   * The part's content, inflated (in large pieces: a sheet of 100,000 rows is tens of megabytes, and each piece
   * costs a callback on the main thread). The sizes the zip declares were checked when the input was sniffed.
   */
  async inflated(part: string): Promise<Readable> {
    const entry = this.entry(part);
    if (!entry || entry.compressionMethod !== 8 || entry.uncompressedSize < 1024 * 1024) return this.stream(part, true);
    const raw = await this.stream(part, false);
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    raw.on('error', (e) => inflate.destroy(e));
    return raw.pipe(inflate);
  }

  /** The part's bytes as stored (for copying), with what the copy needs. */
  async stored(part: string): Promise<{ entry: yauzl.Entry; raw: Readable }> {
    const entry = this.entry(part)!;
    return { entry, raw: await this.stream(part, entry.compressionMethod === 0) };
  }

  /** The whole part as latin1 bytes (for the small parts: workbook, styles, rels, properties). */
  async bytes(part: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of await this.inflated(part)) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('latin1');
  }

  /** The first `n` bytes (or fewer) of a part, as latin1. */
  async head(part: string, n: number): Promise<string> {
    const stream = await this.inflated(part);
    const chunks: Buffer[] = [];
    let got = 0;
    for await (const c of stream) {
      chunks.push(c as Buffer);
      got += (c as Buffer).length;
      if (got >= n) break;
    }
    stream.destroy();
    return Buffer.concat(chunks).toString('latin1').slice(0, n);
  }

  /** The part as latin1 bytes, or null when the package lacks it. */
  async bytesIfAny(part: string): Promise<string | null> {
    return this.has(part) ? this.bytes(part) : null;
  }

  close(): void {
    this.zip.close();
  }
}

/** The sheets of a workbook.xml in tab order: name, sheetId, relationship id, state. */
export interface WorkbookSheet {
  name: string;
  sheetId: number;
  rid: string;
  state: string | null;
}

export function workbookSheets(workbookXml: string, relPrefix: string): WorkbookSheet[] {
  const out: WorkbookSheet[] = [];
  let at = 0;
  let inSheets = false;
  for (;;) {
    const t = nextTag(workbookXml, at);
    if (!t) return out;
    at = t.end;
    if (t.local === 'sheets') {
      if (t.kind === 'open') inSheets = true;
      else if (t.kind === 'close') return out;
      continue;
    }
    if (!inSheets || t.local !== 'sheet' || t.kind === 'close') continue;
    const tag = workbookXml.slice(t.start, t.end);
    const rid = attr(tag, `${relPrefix}id`) ?? attrs(tag).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
    out.push({
      name: bytesToUtf8(unesc(attr(tag, 'name') ?? '')),
      sheetId: Number(attr(tag, 'sheetId') ?? 0),
      rid: unesc(rid),
      state: attr(tag, 'state') ?? null,
    });
  }
}
