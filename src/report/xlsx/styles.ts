/**
 * styles.xml, edited by appending: the cell formats (cellXfs) the marks need are copies of a cell's own
 * format that differ in one thing (the fill, mostly), appended after the workbook's own formats together
 * with the fills and fonts they use. Nothing already there is renumbered or changed, so every cell that is
 * not marked keeps its format index and every part that refers to a format stays right.
 *
 * For a new workbook (CSV input, fix list, template) the same class starts from a minimal stylesheet.
 */
import { attr, attrs, children, esc, prefixOf, rootTag, setAttr, type Tag } from './xml.js';

/** What a derived format changes of its base. */
export interface XfChange {
  /** A solid fill (ARGB), or 'none'. */
  fill?: string;
  bold?: boolean;
  /** Font colour (ARGB). */
  color?: string;
  /** Wrapped text, top-aligned. */
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center';
  /** A number format code ('General', '@', 'yyyy-mm-dd', …). */
  numFmt?: string;
  /** Thin borders all round (ARGB colour). */
  border?: string;
  /** A bigger font (points). */
  size?: number;
}

/** Built-in number formats by code (ECMA-376 18.8.30). */
const BUILTIN_CODES: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '# ?/?': 12,
  '# ??/??': 13, 'mm-dd-yy': 14, 'd-mmm-yy': 15, 'd-mmm': 16, 'mmm-yy': 17, 'h:mm AM/PM': 18, 'h:mm:ss AM/PM': 19,
  'h:mm': 20, 'h:mm:ss': 21, 'm/d/yy h:mm': 22, 'mm:ss': 45, '[h]:mm:ss': 46, 'mmss.0': 47, '##0.0E+0': 48, '@': 49,
};

/** The order of styleSheet's children (CT_Stylesheet). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const DEFAULT_FONT = '<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>';

/** A minimal stylesheet (one font, the two required fills, one border, one format). */
export function defaultStylesheet(): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + `<fonts count="1">${Buffer.from(DEFAULT_FONT, 'utf8').toString('latin1')}</fonts>`
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    + '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';
}

interface Section {
  /** The container's open tag (null when the stylesheet lacks it). */
  open: Tag | null;
  end: number;
  /** Its children as written (latin1). */
  items: string[];
  /** Items appended by cert-check. */
  added: string[];
}

/** Attributes of an xf as a canonical string (order-free), children kept as written. */
function canonicalXf(xf: string, without: readonly string[] = []): string {
  const close = xf.indexOf('>');
  const open = xf.slice(0, close + 1);
  const list = attrs(open).filter(([k]) => !without.includes(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const body = open.endsWith('/>') ? '' : xf.slice(close + 1, xf.lastIndexOf('</'));
  return `${list.map(([k, v]) => `${k}=${v}`).join(' ')}|${body.replace(/\s+/g, '')}`;
}

export class StyleBook {
  private readonly text: string;
  private readonly prefix: string;
  private readonly sections = new Map<string, Section>();
  private readonly numFmtByCode = new Map<string, number>();
  private readonly codeById = new Map<number, string>();
  private nextNumFmt = 164;
  private readonly fillIds = new Map<string, number>();
  private readonly fontIds = new Map<string, number>();
  private readonly borderIds = new Map<string, number>();
  /** Formats appended (or taken over from an earlier check) by canonical text → index. */
  private readonly own = new Map<string, number>();
  private readonly derived = new Map<string, number>();
  /** For each format cert-check appended: the format it marks (-1: none) and its fill. */
  private readonly info = new Map<number, { base: number; fill: string }>();
  /** The workbook's own formats: those below this index are never reused for a mark. */
  readonly ownFrom: number;
  /** An earlier check's formats were found as its marker describes them (see `restore`). */
  readonly previousValid: boolean;

  /**
   * `text`: styles.xml as latin1 bytes (null: a new stylesheet). `previous`: the formats an earlier check
   * appended, as its marker lists them; when the stylesheet still holds them they are reused and `restore`
   * maps each mark back to the format it marked.
   */
  constructor(text: string | null, previous?: { from: number; base: number[]; fill: string[] }) {
    let t = text ?? defaultStylesheet();
    const first = rootTag(t);
    if (!first || first.local !== 'styleSheet') throw new Error('styles.xml: no styleSheet');
    // An empty <styleSheet/> gets room for what is added.
    if (first.kind === 'empty') t = `${t.slice(0, first.start)}${t.slice(first.start, first.end - 2).replace(/\s+$/, '')}></${first.name}>${t.slice(first.end)}`;
    this.text = t;
    const root = rootTag(this.text)!;
    this.prefix = prefixOf(root.name);
    for (const c of children(this.text, root)) {
      if (!ORDER.includes(c.tag.local) || this.sections.has(c.tag.local)) continue;
      this.sections.set(c.tag.local, {
        open: c.tag, end: c.end, added: [],
        items: children(this.text, c.tag).map((x) => this.text.slice(x.tag.start, x.end)),
      });
    }
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']) {
      if (!this.sections.has(name)) this.sections.set(name, { open: null, end: 0, items: [], added: [] });
    }
    if (!this.section('fonts').items.length) this.section('fonts').added.push(Buffer.from(DEFAULT_FONT, 'utf8').toString('latin1'));
    const fills = this.section('fills');
    if (!fills.items.length) fills.added.push('<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>');
    if (!this.section('borders').items.length) this.section('borders').added.push('<border><left/><right/><top/><bottom/><diagonal/></border>');
    if (!this.section('cellXfs').items.length) this.section('cellXfs').added.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    for (const nf of this.section('numFmts').items) {
      const id = Number(attr(nf, 'numFmtId'));
      const code = attr(nf, 'formatCode');
      if (!Number.isInteger(id) || code === undefined) continue;
      this.codeById.set(id, code);
      if (!this.numFmtByCode.has(code)) this.numFmtByCode.set(code, id);
      if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
    }
    this.previousValid = previous !== undefined && this.validPrevious(previous);
    this.ownFrom = this.previousValid ? previous!.from : this.xfCount;
    if (this.previousValid) {
      for (let i = this.ownFrom; i < this.xfCount; i++) {
        this.own.set(canonicalXf(this.xf(i)), i);
        const k = i - previous!.from;
        this.info.set(i, { base: previous!.base[k] ?? -1, fill: previous!.fill[k] ?? '' });
      }
    }
  }

  private validPrevious(prev: { from: number; base: number[]; fill: string[] }): boolean {
    if (!Number.isInteger(prev.from) || prev.from < 1 || !Array.isArray(prev.base) || !Array.isArray(prev.fill)) return false;
    if (prev.from + prev.base.length > this.xfCount) return false;
    return prev.base.every((base, k) => {
      if (base < 0) return true;
      const i = prev.from + k;
      return base < prev.from && (this.fillColor(i) ?? '') === (prev.fill[k] ?? '') && this.sameButFill(i, base);
    });
  }

  /** Each mark of an earlier check (a valid `previous`) → the format it marked. */
  get restore(): Map<number, number> {
    const out = new Map<number, number>();
    for (const [i, x] of this.info) if (x.base >= 0 && x.fill) out.set(i, x.base);
    return out;
  }

  /** What the marker records of the formats cert-check appended. */
  summary(): { from: number; base: number[]; fill: string[] } {
    const base: number[] = [];
    const fill: string[] = [];
    for (let i = this.ownFrom; i < this.xfCount; i++) {
      const x = this.info.get(i);
      base.push(x?.base ?? -1);
      fill.push(x?.fill ?? '');
    }
    return { from: this.ownFrom, base, fill };
  }

  private section(name: string): Section {
    return this.sections.get(name)!;
  }

  /** The index of an item of a section with exactly this text (an earlier check's), else a new one. */
  private item(name: string, text: string): number {
    const s = this.section(name);
    let index = s.items.indexOf(text);
    if (index < 0) {
      const added = s.added.indexOf(text);
      if (added >= 0) return s.items.length + added;
      index = s.items.length + s.added.length;
      s.added.push(text);
    }
    return index;
  }

  private all(name: string): string[] {
    const s = this.section(name);
    return s.added.length ? [...s.items, ...s.added] : s.items;
  }

  get xfCount(): number {
    const s = this.section('cellXfs');
    return s.items.length + s.added.length;
  }

  /** The raw <xf> of cell format `i` (format 0 when out of range). */
  xf(i: number): string {
    const s = this.section('cellXfs');
    return (i < s.items.length ? s.items[i] : s.added[i - s.items.length]) ?? s.items[0] ?? s.added[0]!;
  }

  /** The solid fill colour (ARGB, upper case) of cell format `i`, or null. */
  fillColor(i: number): string | null {
    const fill = this.all('fills')[Number(attr(this.xf(i), 'fillId') ?? 0)];
    if (!fill || !/patternType="solid"/.test(fill)) return null;
    const m = /<(?:\w+:)?fgColor\b[^>]*\brgb="([0-9A-Fa-f]{6,8})"/.exec(fill);
    return m ? m[1]!.toUpperCase().padStart(8, 'F') : null;
  }

  /** Formats `a` and `b` are the same but for their fill. */
  sameButFill(a: number, b: number): boolean {
    const skip = ['fillId', 'applyFill'];
    return canonicalXf(this.xf(a), skip) === canonicalXf(this.xf(b), skip);
  }

  /** The number format code of cell format `i` (built-in formats by id). */
  numFmtOf(i: number): string | number {
    const id = Number(attr(this.xf(i), 'numFmtId') ?? 0);
    return this.codeById.get(id) ?? id;
  }

  /**
   * A cell format equal to `base` but for `change`: one appended by cert-check (in this check or an earlier
   * one) when there is one, else a new one. Never one of the workbook's own formats, so a mark can always be
   * told from what the clerk made.
   */
  derive(base: number, change: XfChange, mark = false): number {
    const key = `${base}|${mark}|${JSON.stringify(change)}`;
    const hit = this.derived.get(key);
    if (hit !== undefined) return hit;
    const xf = this.apply(this.xf(base), change);
    const canon = canonicalXf(xf);
    let index = this.own.get(canon);
    if (index === undefined) {
      index = this.xfCount;
      this.section('cellXfs').added.push(xf);
      this.own.set(canon, index);
      this.info.set(index, { base: mark ? base : -1, fill: mark && change.fill && change.fill !== 'none' ? change.fill : '' });
    }
    this.derived.set(key, index);
    return index;
  }

  /** A format of its own for cert-check's cells (result columns, added sheets): the default format plus `change`. */
  style(change: XfChange): number {
    return this.derive(0, { numFmt: 'General', ...change });
  }

  private apply(xf: string, change: XfChange): string {
    const close = xf.indexOf('>');
    let open = xf.slice(0, close + 1);
    let body = open.endsWith('/>') ? '' : xf.slice(close + 1, xf.lastIndexOf('</'));
    const name = /^<([^\s/>]+)/.exec(open)![1]!;
    if (open.endsWith('/>')) open = `${open.slice(0, -2).replace(/\s+$/, '')}>`;
    if (change.fill !== undefined) {
      open = setAttr(open, 'fillId', String(change.fill === 'none' ? 0 : this.fill(change.fill)));
      open = setAttr(open, 'applyFill', '1');
    }
    if (change.bold !== undefined || change.color !== undefined || change.size !== undefined) {
      open = setAttr(open, 'fontId', String(this.font(Number(attr(open, 'fontId') ?? 0), change)));
      open = setAttr(open, 'applyFont', '1');
    }
    if (change.numFmt !== undefined) {
      open = setAttr(open, 'numFmtId', String(this.numFmt(change.numFmt)));
      open = setAttr(open, 'applyNumberFormat', '1');
    }
    if (change.border !== undefined) {
      open = setAttr(open, 'borderId', String(this.border(change.border)));
      open = setAttr(open, 'applyBorder', '1');
    }
    if (change.wrap !== undefined || change.horizontal !== undefined || change.vertical !== undefined) {
      const p = this.prefix;
      const m = /<(?:\w+:)?alignment\b[^>]*?\/?>(?:<\/(?:\w+:)?alignment>)?/.exec(body);
      let align = m ? m[0].replace(/><\/(?:\w+:)?alignment>$/, '/>') : `<${p}alignment/>`;
      if (change.wrap) align = setAttr(align, 'wrapText', '1');
      if (change.wrap || change.vertical) align = setAttr(align, 'vertical', change.vertical ?? 'top');
      if (change.horizontal) align = setAttr(align, 'horizontal', change.horizontal);
      // alignment is the first child of xf (CT_Xf: alignment, protection, extLst).
      body = m ? body.replace(m[0], align) : align + body;
      open = setAttr(open, 'applyAlignment', '1');
    }
    return `${open}${body}</${name}>`;
  }

  private fill(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      const p = this.prefix;
      id = this.item('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
      this.fillIds.set(argb, id);
    }
    return id;
  }

  private font(base: number, change: XfChange): number {
    const key = `${base}|${change.bold}|${change.color}|${change.size}`;
    let id = this.fontIds.get(key);
    if (id === undefined) {
      const p = this.prefix;
      const fonts = this.all('fonts');
      let font = fonts[base] ?? fonts[0]!;
      const fname = /^<([^\s/>]+)/.exec(font)![1]!;
      if (font.endsWith('/>')) font = `${font.slice(0, -2).replace(/\s+$/, '')}></${fname}>`;
      const open = font.slice(0, font.indexOf('>') + 1);
      let body = font.slice(open.length, font.lastIndexOf('</'));
      if (change.bold !== undefined) {
        body = body.replace(/<(?:\w+:)?b(?:\s+val="[^"]*")?\s*\/>/g, '');
        if (change.bold) body = `<${p}b/>${body}`;
      }
      if (change.color !== undefined) body = `${body.replace(/<(?:\w+:)?color\b[^>]*\/>/g, '')}<${p}color rgb="${change.color}"/>`;
      if (change.size !== undefined) body = `${body.replace(/<(?:\w+:)?sz\b[^>]*\/>/g, '')}<${p}sz val="${change.size}"/>`;
      id = this.item('fonts', `${open}${body}</${fname}>`);
      this.fontIds.set(key, id);
    }
    return id;
  }

  private border(argb: string): number {
    let id = this.borderIds.get(argb);
    if (id === undefined) {
      const p = this.prefix;
      const side = (s: string): string => `<${p}${s} style="thin"><${p}color rgb="${argb}"/></${p}${s}>`;
      id = this.item('borders', `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`);
      this.borderIds.set(argb, id);
    }
    return id;
  }

  private numFmt(code: string): number {
    const builtin = Object.hasOwn(BUILTIN_CODES, code) ? BUILTIN_CODES[code] : undefined;
    if (builtin !== undefined) return builtin;
    const escaped = Buffer.from(esc(code), 'utf8').toString('latin1');
    let id = this.numFmtByCode.get(escaped);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtByCode.set(escaped, id);
      this.codeById.set(id, escaped);
      this.section('numFmts').added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escaped}"/>`);
    }
    return id;
  }

  /** Anything appended. */
  get changed(): boolean {
    return [...this.sections.values()].some((s) => s.added.length > 0);
  }

  /** styles.xml as latin1 bytes: the original with the appended items and their counts. */
  render(): string {
    const p = this.prefix;
    const root = rootTag(this.text)!;
    // Edits from the end backwards, so earlier offsets stay valid; missing containers are created in order.
    type Edit = { at: number; end: number; text: string; seq: number };
    const edits: Edit[] = [];
    let insertAt = root.end;
    for (const name of ORDER) {
      const s = this.sections.get(name);
      if (!s) continue;
      if (s.open) {
        insertAt = s.end;
        if (!s.added.length) continue;
        const count = s.items.length + s.added.length;
        let open = this.text.slice(s.open.start, s.open.end);
        const selfClosing = open.endsWith('/>');
        if (selfClosing) open = `${open.slice(0, -2).replace(/\s+$/, '')}>`;
        open = setAttr(open, 'count', String(count));
        const inner = selfClosing ? '' : this.text.slice(s.open.end, this.text.lastIndexOf('</', s.end - 1));
        edits.push({ at: s.open.start, end: s.end, text: `${open}${inner}${s.added.join('')}</${s.open.name}>`, seq: edits.length });
      } else if (s.added.length) {
        edits.push({ at: insertAt, end: insertAt, text: `<${p}${name} count="${s.added.length}">${s.added.join('')}</${p}${name}>`, seq: edits.length });
      }
    }
    let out = this.text;
    for (const e of edits.sort((a, b) => b.at - a.at || b.seq - a.seq)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
    return out;
  }
}
