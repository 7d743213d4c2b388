/**
 * A workbook package being written: either the input's own package with some parts changed and some added
 * (the annotated and fixed copies), or a new one (CSV input, fix list, template). Parts are written to the zip
 * as they are ready; at the end the package parts that list the others (workbook.xml and its relationships,
 * [Content_Types].xml, styles, the document properties with the marker) are written, and every part of the
 * input that nothing changed is copied as it is stored — its compressed bytes, not re-encoded.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { columnLetter } from '../../model/fields.js';
import { filterRange, printTitles, sheetHead, sheetTail, tableSheet, textCell, wrappedLines, type TableColumn, type TableRow } from './sheet-xml.js';
import { CT, ContentTypes, InputPackage, MACRO_WORKBOOK_TYPES, REL, Rels, TEMPLATE_WORKBOOK_TYPE, relativeTarget, relsPartOf, resolveTarget, workbookSheets } from './package.js';
import { StyleBook } from './styles.js';
import { attr, children, esc, findElement, namespacePrefix, NS, prefixOf, rootTag, setAttr, utf8ToBytes, XML_DECL } from './xml.js';
import { ZipWriter } from './zip.js';
import { createAtomicFile } from './atomic.js';
import { InputError, ioCause } from '../../errors.js';
import { newCoreXml, partHash, withMarker, withModified, type Marker } from './marker.js';

/** A line of a summary sheet: its cells, bold, or a table head. */
export interface SummaryLine {
  values: readonly (string | number | null)[];
  bold?: boolean;
  head?: boolean;
}

/** A sheet of the workbook being written, in tab order. */
export interface BookSheet {
  name: string;
  /** The worksheet part ("xl/worksheets/sheet1.xml"), or null for chart sheets and the like. */
  part: string | null;
  rid: string;
  sheetId: number;
  /** The <sheet> element as the input wrote it, or null for a sheet added here. */
  raw: string | null;
  state: 'visible' | 'hidden' | 'veryHidden';
}

interface DefinedName {
  raw: string;
  localSheetId: number | null;
}

const MAIN_NS_DECL = `xmlns="${NS.main}" xmlns:r="${NS.rel}"`;

export class PackageOut {
  readonly contentTypes: ContentTypes;
  readonly rootRels: Rels;
  readonly workbookRels: Rels;
  readonly styles: StyleBook;
  readonly sheets: BookSheet[];
  readonly workbookPart: string;
  /** Parts written or to be written by cert-check (never copied from the input). */
  private readonly own = new Set<string>();
  /** Input parts left out of the copy. */
  private readonly dropped = new Set<string>();
  private workbookXml: string;
  private readonly definedNames: DefinedName[];
  private readonly p: string;
  private readonly relPrefix: string | null;
  /** Part names in use (lower case). */
  private readonly used: Set<string>;
  private readonly hashes: Record<string, string> = {};
  /** The workbook was macro-enabled (.xlsm): written as a plain workbook, without its macros. */
  readonly hadMacros: boolean;
  private readonly stylesPart: string;
  private readonly relsOf = new Map<string, { part: string; rels: Rels }>();

  private constructor(
    readonly zip: ZipWriter,
    readonly input: InputPackage | null,
    parts: {
      contentTypes: string | null; rootRels: string | null; workbookPart: string; workbookXml: string; workbookRels: string | null;
      styles: string | null; stylesPart: string | null; previousXf?: Marker['xf'];
    },
  ) {
    this.contentTypes = new ContentTypes(parts.contentTypes);
    this.rootRels = new Rels(parts.rootRels);
    this.workbookPart = parts.workbookPart;
    this.workbookXml = parts.workbookXml;
    this.workbookRels = new Rels(parts.workbookRels);
    const root = rootTag(this.workbookXml)!;
    this.p = prefixOf(root.name);
    this.relPrefix = namespacePrefix(this.workbookXml.slice(root.start, root.end), NS.rel);
    this.used = new Set((input?.names ?? []).map((n) => n.toLowerCase()));
    // Styles: the workbook's own, or a new part.
    this.styles = new StyleBook(parts.styles, parts.previousXf);
    let stylesPart = parts.stylesPart;
    if (!stylesPart) {
      stylesPart = this.freePart('xl/styles', '.xml', true);
      this.workbookRels.add(REL.styles, relativeTarget(this.workbookPart, stylesPart));
      this.contentTypes.setOverride(stylesPart, CT.styles);
    }
    this.stylesPart = stylesPart;
    this.own.add(stylesPart.toLowerCase());
    for (const part of [this.workbookPart, relsPartOf(this.workbookPart), '[Content_Types].xml', '_rels/.rels']) this.own.add(part.toLowerCase());
    // Sheets in tab order.
    this.sheets = [];
    const sheetsEl = findElement(this.workbookXml, 'sheets');
    if (sheetsEl) {
      const list = workbookSheets(this.workbookXml, this.relPrefix ?? 'r:');
      const raws = children(this.workbookXml, sheetsEl.tag).filter((c) => c.tag.local === 'sheet').map((c) => this.workbookXml.slice(c.tag.start, c.end));
      list.forEach((s, i) => {
        const rel = this.workbookRels.byId(s.rid);
        const part = rel && !rel.external && rel.type === REL.worksheet ? resolveTarget(this.workbookPart, rel.target) : null;
        this.sheets.push({
          name: s.name, part: part && input ? input.spelling(part) : part, rid: s.rid, sheetId: s.sheetId, raw: raws[i] ?? null,
          state: s.state === 'hidden' || s.state === 'veryHidden' ? s.state : 'visible',
        });
      });
    }
    const dn = findElement(this.workbookXml, 'definedNames');
    this.definedNames = dn ? children(this.workbookXml, dn.tag).map((c) => {
      const raw = this.workbookXml.slice(c.tag.start, c.end);
      const local = attr(raw.slice(0, c.tag.end - c.tag.start), 'localSheetId');
      return { raw, localSheetId: local === undefined ? null : Number(local) };
    }) : [];
    // A macro-enabled workbook (or a template) is written as a plain workbook; its macros are left out.
    const type = this.contentTypes.typeOf(this.workbookPart);
    this.hadMacros = type !== undefined && MACRO_WORKBOOK_TYPES.has(type);
    if (type !== undefined && (this.hadMacros || type === TEMPLATE_WORKBOOK_TYPE)) this.contentTypes.setOverride(this.workbookPart, CT.workbook);
    for (const rel of this.workbookRels.byType(REL.vbaProject)) {
      const part = resolveTarget(this.workbookPart, rel.target);
      for (const p of [part, relsPartOf(part), part.replace(/vbaProject\.bin$/i, 'vbaProjectSignature.bin')]) this.drop(p);
      this.workbookRels.remove(rel.id);
    }
    if (this.contentTypes.typeOf('cert-check-probe.bin') === 'application/vnd.ms-office.vbaProject') this.contentTypes.removeDefault('bin');
  }

  /** The input's own package, to be written with changes. */
  static async fromInput(zip: ZipWriter, input: InputPackage, previousXf?: Marker['xf']): Promise<PackageOut> {
    const contentTypes = await input.bytesIfAny('[Content_Types].xml');
    const rootRels = await input.bytesIfAny('_rels/.rels');
    const root = new Rels(rootRels);
    const office = root.byType(REL.officeDocument)[0];
    let workbookPart = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
    if (!input.has(workbookPart)) workbookPart = 'xl/workbook.xml';
    workbookPart = input.spelling(workbookPart);
    const workbookXml = await input.bytes(workbookPart);
    const workbookRels = await input.bytesIfAny(relsPartOf(workbookPart));
    const rels = new Rels(workbookRels);
    const stylesRel = rels.byType(REL.styles)[0];
    const stylesPart = stylesRel ? resolveTarget(workbookPart, stylesRel.target) : null;
    const styles = stylesPart && input.has(stylesPart) ? await input.bytes(stylesPart) : null;
    return new PackageOut(zip, input, {
      contentTypes, rootRels, workbookPart, workbookXml, workbookRels,
      styles, stylesPart: stylesPart && input.has(stylesPart) ? input.spelling(stylesPart) : null, previousXf,
    });
  }

  /** A new, empty workbook. */
  static blank(zip: ZipWriter): PackageOut {
    const rootRels = new Rels(null);
    rootRels.add(REL.officeDocument, 'xl/workbook.xml');
    const ct = new ContentTypes(null);
    ct.setOverride('xl/workbook.xml', CT.workbook);
    const workbookXml = `${XML_DECL}<workbook ${MAIN_NS_DECL}><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="16000" activeTab="0"/></bookViews><sheets></sheets></workbook>`;
    return new PackageOut(zip, null, {
      contentTypes: ct.render(), rootRels: rootRels.render(), workbookPart: 'xl/workbook.xml', workbookXml, workbookRels: null,
      styles: null, stylesPart: null,
    });
  }

  /** A part name not used in the package: `${stem}${n}${ext}`, n from 1 (with `bare`, first without a number). */
  freePart(stem: string, ext: string, bare = false): string {
    for (let n = bare ? 0 : 1; ; n++) {
      const name = `${stem}${n || ''}${ext}`;
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }

  /** Marks an input part as written by cert-check (it will not be copied). */
  claim(part: string): void {
    this.own.add(part.toLowerCase());
    this.used.add(part.toLowerCase());
  }

  /** Leaves an input part out. */
  drop(part: string): void {
    this.dropped.add(part.toLowerCase());
    this.contentTypes.removeOverride(part);
  }

  /** The relationships of a part (the input's, or new), for editing; written at the end. */
  async rels(part: string): Promise<Rels> {
    const key = part.toLowerCase();
    let entry = this.relsOf.get(key);
    if (!entry) {
      const relsPart = relsPartOf(part);
      entry = { part, rels: new Rels(this.input && this.input.has(relsPart) ? await this.input.bytes(relsPart) : null) };
      this.relsOf.set(key, entry);
      this.claim(this.input?.spelling(relsPart) ?? relsPart);
    }
    return entry.rels;
  }

  /** Writes a part from text (latin1 bytes) and records its content type. */
  async writePart(part: string, text: string, type: string | null): Promise<void> {
    this.claim(part);
    const data = Buffer.from(text, 'latin1');
    if (type) this.contentTypes.setOverride(part, type);
    await this.zip.add(part, data);
  }

  /** Writes a part streamed from pieces (latin1 text or readable buffers); with `hash`, records its SHA-256 for the marker. */
  async writeStream(part: string, pieces: Iterable<string | Readable>, type: string | null, hash = false): Promise<void> {
    this.claim(part);
    if (type) this.contentTypes.setOverride(part, type);
    const entry = await this.zip.open(part);
    const h = hash ? createHash('sha256') : null;
    const put = async (b: Buffer): Promise<void> => {
      h?.update(b);
      await entry.write(b);
    };
    for (const piece of pieces) {
      if (typeof piece === 'string') await put(Buffer.from(piece, 'latin1'));
      else for await (const chunk of piece) await put(chunk as Buffer);
    }
    await entry.end();
    if (h) this.hashes[part] = h.digest('base64');
  }

  /**
   * Adds a table sheet (tableSheet: bold frozen header repeated on printed pages, fitted widths, wrapped
   * text, landscape fitted to the width), with its filter and print titles as defined names.
   */
  async addTable(name: string, columns: readonly TableColumn[], rows: () => Iterable<TableRow>, opts: { filter?: boolean; hash?: boolean; state?: BookSheet['state'] } = {}): Promise<BookSheet> {
    const sheet = this.addSheet(name, opts.state);
    let lastRow = 1;
    const styles = this.styles;
    const pieces = function* (): Generator<string> {
      for (const piece of tableSheet(columns, rows, styles, { filter: opts.filter })) {
        const m = /<autoFilter ref="A1:[A-Z]+(\d+)"/.exec(piece);
        if (m) lastRow = Number(m[1]);
        yield piece;
      }
    };
    await this.writeStream(sheet.part!, pieces(), null, opts.hash);
    const index = this.indexOf(sheet);
    if (opts.filter) this.addDefinedName('_xlnm._FilterDatabase', filterRange(name, columns.length, lastRow), index, true);
    this.addDefinedName('_xlnm.Print_Titles', printTitles(name), index);
    return sheet;
  }

  /** Records the hash of a sheet part as written (for the marker). */
  recordHash(part: string, bytes: Buffer | string): void {
    this.hashes[part] = typeof bytes === 'string' ? bytes : partHash(bytes);
  }

  /** The CRC-32 and size of each hashed part as the zip stores them ("crc32hex:size"): a later run compares them without inflating. */
  private partSums(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const part of Object.keys(this.hashes)) {
      const w = this.zip.written(part);
      if (w) out[part] = `${w.crc32.toString(16)}:${w.size}`;
    }
    return out;
  }

  get partHashes(): Record<string, string> {
    return { ...this.hashes };
  }

  /** Adds a sheet at the end of the tabs; returns it. Its part is written by the caller. */
  addSheet(name: string, state: BookSheet['state'] = 'visible'): BookSheet {
    const part = this.freePart('xl/worksheets/sheet', '.xml');
    this.claim(part);
    const rid = this.workbookRels.add(REL.worksheet, relativeTarget(this.workbookPart, part));
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const sheet: BookSheet = { name, part, rid, sheetId, raw: null, state };
    this.sheets.push(sheet);
    this.contentTypes.setOverride(part, CT.worksheet);
    return sheet;
  }

  /** Removes a sheet (an earlier check's 问题清单 or 汇总) with its part, relationships and names. */
  removeSheet(name: string): void {
    const index = this.sheets.findIndex((s) => s.name === name);
    if (index < 0) return;
    const [sheet] = this.sheets.splice(index, 1);
    this.workbookRels.remove(sheet!.rid);
    if (sheet!.part) {
      this.drop(sheet!.part);
      this.drop(relsPartOf(sheet!.part));
    }
    for (let i = this.definedNames.length - 1; i >= 0; i--) {
      const d = this.definedNames[i]!;
      if (d.localSheetId === index) this.definedNames.splice(i, 1);
      else if (d.localSheetId !== null && d.localSheetId > index) {
        d.localSheetId--;
        const close = d.raw.indexOf('>');
        d.raw = setAttr(d.raw.slice(0, close + 1), 'localSheetId', String(d.localSheetId)) + d.raw.slice(close + 1);
      }
    }
    this.workbookXml = this.workbookXml.replace(/<(?:\w+:)?workbookView\b[^>]*>/g, (tag) => {
      let t = tag;
      for (const a of ['activeTab', 'firstSheet']) {
        const v = attr(t, a);
        if (v === undefined) continue;
        const n = Number(v);
        if (n === index) t = setAttr(t, a, '0');
        else if (n > index) t = setAttr(t, a, String(n - 1));
      }
      return t;
    });
  }

  /** Adds a defined name (`text` Unicode, escaped here). */
  addDefinedName(name: string, text: string, localSheetId: number | null, hidden = false): void {
    const p = this.p;
    this.definedNames.push({
      raw: `<${p}definedName name="${name}"${localSheetId === null ? '' : ` localSheetId="${localSheetId}"`}${hidden ? ' hidden="1"' : ''}>${utf8ToBytes(esc(text))}</${p}definedName>`,
      localSheetId,
    });
  }

  /** The sheet's index among the tabs. */
  indexOf(sheet: BookSheet): number {
    return this.sheets.indexOf(sheet);
  }

  /** Makes the first visible sheet the one that opens when the active tab is hidden. */
  activeVisible(): void {
    const active = Number(attr(/<(?:\w+:)?workbookView\b[^>]*>/.exec(this.workbookXml)?.[0] ?? '', 'activeTab') ?? 0);
    if (this.sheets[active]?.state === 'visible') return;
    const first = this.sheets.findIndex((s) => s.state === 'visible');
    if (first < 0) return;
    this.workbookXml = this.workbookXml.replace(/<(?:\w+:)?workbookView\b[^>]*>/, (tag) => setAttr(setAttr(tag, 'activeTab', String(first)), 'firstSheet', String(first)));
  }

  private renderWorkbook(): string {
    const p = this.p;
    let xml = this.workbookXml;
    const rid = (id: string): string => (this.relPrefix === null ? `xmlns:r="${NS.rel}" r:id="${id}"` : `${this.relPrefix}id="${id}"`);
    const sheetTags = this.sheets.map((s) => s.raw ?? `<${p}sheet name="${utf8ToBytes(esc(s.name))}" sheetId="${s.sheetId}"${s.state === 'visible' ? '' : ` state="${s.state}"`} ${rid(s.rid)}/>`).join('');
    const sheetsEl = findElement(xml, 'sheets');
    if (sheetsEl) {
      const open = sheetsEl.tag.kind === 'empty' ? `${xml.slice(sheetsEl.tag.start, sheetsEl.tag.end - 2)}>` : xml.slice(sheetsEl.tag.start, sheetsEl.tag.end);
      xml = `${xml.slice(0, sheetsEl.tag.start)}${open}${sheetTags}</${sheetsEl.tag.name}>${xml.slice(sheetsEl.end)}`;
    }
    const names = this.definedNames.map((d) => d.raw).join('');
    const dn = findElement(xml, 'definedNames');
    if (dn) {
      xml = names ? `${xml.slice(0, dn.tag.start)}<${dn.tag.name}>${names}</${dn.tag.name}>${xml.slice(dn.end)}` : xml.slice(0, dn.tag.start) + xml.slice(dn.end);
    } else if (names) {
      // After <sheets> (and <functionGroups>, <externalReferences>), before <calcPr> and the rest.
      const after = ['externalReferences', 'functionGroups', 'sheets'].map((n) => findElement(xml, n)).find((e) => e);
      if (after) xml = `${xml.slice(0, after.end)}<${p}definedNames>${names}</${p}definedNames>${xml.slice(after.end)}`;
    }
    return xml;
  }

  /**
   * Writes the package parts (workbook, relationships, content types, styles, properties with `marker`)
   * and copies every input part not written or dropped; then the zip's central directory.
   */
  async finish(marker: Omit<Marker, 'parts' | 'written'>, written: Date, fields: { title?: string; category?: string } = {}): Promise<void> {
    const stamp = new Date(Math.floor(written.getTime() / 1000) * 1000);
    const w = `${stamp.toISOString().slice(0, 19)}Z`;
    // Document properties: dcterms:modified = the marker's time.
    const coreRel = this.rootRels.byType(REL.coreProperties)[0];
    const corePart = coreRel ? resolveTarget('', coreRel.target) : 'docProps/core.xml';
    const coreIn = this.input && this.input.has(corePart) ? await this.input.bytes(corePart) : null;
    const core = coreIn ? withModified(coreIn, w) : newCoreXml(w, fields);
    if (!coreRel) this.rootRels.add(REL.coreProperties, corePart);
    await this.writePart(this.input?.spelling(corePart) ?? corePart, core, CT.core);
    const customRel = this.rootRels.byType(REL.customProperties)[0];
    const customPart = customRel ? resolveTarget('', customRel.target) : 'docProps/custom.xml';
    const customIn = this.input && this.input.has(customPart) ? await this.input.bytes(customPart) : null;
    if (!customRel) this.rootRels.add(REL.customProperties, customPart);
    await this.writePart(this.input?.spelling(customPart) ?? customPart, withMarker(customIn, { ...marker, written: w, parts: this.partHashes, sums: this.partSums() } as Marker), CT.custom);

    await this.writePart(this.stylesPart, this.styles.render(), null);
    for (const { part, rels } of this.relsOf.values()) {
      if (this.dropped.has(part.toLowerCase())) continue;
      const relsPart = relsPartOf(part);
      if (rels.list.length) await this.writePart(this.input?.spelling(relsPart) ?? relsPart, rels.render(), null);
    }
    await this.writePart(this.workbookPart, this.renderWorkbook(), null);
    await this.writePart(relsPartOf(this.workbookPart), this.workbookRels.render(), null);
    await this.writePart('_rels/.rels', this.rootRels.render(), null);
    if (this.input) {
      for (const name of this.input.names) {
        const key = name.toLowerCase();
        if (this.own.has(key) || this.dropped.has(key) || this.zip.has(name)) continue;
        const { entry, raw } = await this.input.stored(name);
        await this.zip.copy(name, entry, raw);
      }
    }
    await this.writePart('[Content_Types].xml', this.contentTypes.render(), null);
    await this.zip.finish();
  }

  /**
   * Adds a sheet of lines (汇总): label and value pairs and small tables, the second column wrapped, bold
   * lines and grey table heads, landscape fitted to the width.
   */
  async addLines(name: string, lines: readonly SummaryLine[], widths: readonly number[]): Promise<BookSheet> {
    const styles = this.styles;
    const sheet = this.addSheet(name);
    const bold = styles.style({ bold: true, vertical: 'top' });
    const head = styles.style({ bold: true, fill: 'FFD9D9D9', vertical: 'top', wrap: true });
    const wrap = styles.style({ wrap: true, vertical: 'top' });
    const plain = styles.style({ vertical: 'top' });
    const body = lines.map((line, i) => {
      const r = i + 1;
      const n = Math.max(1, ...line.values.map((v, k) => (typeof v === 'string' && k === 1 ? wrappedLines(v, widths[k] ?? 10) : 1)));
      const cells = line.values.map((v, k) => {
        if (v === null || v === undefined || v === '') return '';
        const ref = `${columnLetter(k + 1)}${r}`;
        const s = line.head ? head : line.bold ? bold : k === 1 ? wrap : plain;
        return typeof v === 'number' ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : textCell(ref, v, s);
      }).join('');
      return `<row r="${r}"${n > 1 ? ` ht="${(n * 14.5 + 3).toFixed(1)}" customHeight="1"` : ''}>${cells}</row>`;
    }).join('');
    const xml = sheetHead({ widths, fitToPage: true }) + body + sheetTail({ page: { landscape: true, fitToWidth: true } });
    await this.writeStream(sheet.part!, [xml], null);
    return sheet;
  }

  /** Closes the input. */
  close(): void {
    this.input?.close();
  }
}

/**
 * Writes a new workbook to `outPath` atomically: `build` adds its sheets to a blank package; the marker
 * (of `kind`) and the document properties are written at the end. Returns the absolute path written.
 */
export async function writeNewWorkbook(
  outPath: string, kind: Marker['kind'], build: (book: PackageOut) => Promise<void>, fields: { title?: string; category?: string } = {},
): Promise<string> {
  const file = await createAtomicFile(outPath);
  try {
    const book = PackageOut.blank(new ZipWriter(file.stream));
    await build(book);
    book.activeVisible();
    await Promise.race([book.finish({ version: 1, kind }, new Date(), fields), file.failure]);
  } catch (err) {
    await file.abort();
    if (err instanceof InputError) throw err;
    throw new InputError('output-failed', { out: outPath, detail: ioCause(err) });
  }
  await file.commit();
  return file.outPath;
}
