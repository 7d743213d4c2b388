/**
 * The checked sheet's XML, streamed through and changed only where the marks need it: a style index on a
 * marked cell (or a new empty cell carrying the mark), the result columns appended to the header and data
 * rows, their widths in <cols>, the sheet's <dimension>, merged ranges that would cover a result cell, and the
 * <legacyDrawing> that shows the notes. Every other byte — other cells, formulas, row heights, panes, filters,
 * validations, conditional formats, hyperlinks, page setup, extensions — passes through unchanged.
 *
 * The editor pulls the input as the pipeline's rows arrive (`advance(row)`), holding at most a chunk of XML and
 * the marks of rows not yet passed, so memory stays flat however long the sheet is. A re-check also takes the
 * marks of an earlier check off on the way: its result columns, its fills (`unmark`).
 */
import { columnLetter, refColumn } from '../../model/fields.js';
import type { SheetNotes } from './notes.js';
import type { StyleBook, XfChange } from './styles.js';
import type { EntryWriter } from './zip.js';
import { wrappedLines } from './sheet-xml.js';
import { attr, esc, nextTag, prefixOf, setAttr, utf8ToBytes, type Tag } from './xml.js';

export type Verdict = 'pass' | 'fix' | 'check';

/** What one cell gets. */
export interface CellMark {
  /** A solid fill (ARGB). */
  fill?: string;
  /** Lines of its note. */
  note?: string[];
  /** --fix: the new text of the cell (null: empty). */
  value?: string | null;
}

/** What one row gets. */
export interface RowMarks {
  /** The header row: the result columns' labels. */
  header?: boolean;
  /** A data row: the three result cells. */
  result?: { verdict: Verdict; problems: string; suggestions: string };
  /** Marked cells by column (1-based). */
  cells?: Map<number, CellMark>;
  /** Lines for the first cell's note when an original value sits where the result columns go. */
  overflow?: string[];
}

/** Column widths to set: exact (the result columns) or at least (an ID column is widened, never narrowed). */
export interface WidthChange {
  col: number;
  width: number;
  exact: boolean;
}

export interface SheetPlan {
  /** The first of the three result columns, or null (no room, or the sheet has none). */
  resultCol: number | null;
  headerRow: number;
  labels: readonly [string, string, string];
  /** Fills of the verdict cell. */
  verdictFills: Record<Verdict, string>;
  verdictText: Record<Verdict, string>;
  widths: WidthChange[];
  /** Widths of the three result columns (for the height of a row of several lines). */
  resultWidths: readonly [number, number, number];
  /** Columns of an earlier check's result cells, taken out of the header and data rows. */
  strip: ReadonlySet<number>;
  /** The cell format to give a cell of format `s` in place of an earlier check's mark (a re-check), or null. */
  unmark: ((s: number, ref: string) => number) | null;
  styles: StyleBook;
  notes: SheetNotes;
  /** The <legacyDrawing> the sheet needs when its notes are written, decided after the last row. */
  legacy: () => { mode: 'keep' | 'drop' | 'add'; rid: string };
  /** The relationships namespace prefix the sheet declares ("r:"), or null when it declares none. */
  relPrefix: string | null;
  /**
   * Called with the last column of the sheet's <dimension> (null without one) before any row is written: the
   * result columns may move right of cells the sheet uses (styled empty cells, merged ranges) that the header
   * search did not see; `resultCol` and `widths` are final after it.
   */
  settle?: (lastUsed: number | null) => void;
}

/** Children of <worksheet> that come after <legacyDrawing> (CT_Worksheet order). */
const AFTER_LEGACY = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

/** Pulls chunks of the input: a Buffer, null at the end, or undefined when nothing is there yet. */
export interface ChunkSource {
  read(): Promise<Buffer | null | undefined> | Buffer | null | undefined;
}

interface Cell {
  start: number;
  end: number;
  /** The open tag (latin1). */
  open: string;
  /** The whole cell as written, or replaced. */
  xml: string;
  col: number;
  s: number;
  hasValue: boolean;
  changed: boolean;
}

/** Output handed to the compressor at once (fewer, larger writes: each write has a cost of its own). */
const FLUSH = 256 * 1024;

export class SheetEditor {
  private buf = '';
  private pos = 0;
  private phase: 'head' | 'rows' | 'tail' | 'done' = 'head';
  private ended = false;
  private out: string[] = [];
  private outLen = 0;
  private lastRow = 0;
  private p = '';
  private colStyle: (c: number) => number = () => 0;
  private depth = 1;
  private legacyDone = false;
  private maxCol = 0;
  private rowsMarked = 0;
  /** Height of one line of text (the sheet's default row height). */
  private lineHeight = 15;

  constructor(
    private readonly source: ChunkSource,
    private readonly writer: EntryWriter,
    private readonly plan: SheetPlan,
    private readonly marksOf: (row: number) => RowMarks | undefined,
  ) {}

  /** Rows whose marks were written. */
  get marked(): number {
    return this.rowsMarked;
  }

  /** Passes every row up to `row` (the pipeline has given their marks). */
  async advance(row: number): Promise<void> {
    await this.run(row);
    await this.flush(false);
  }

  /** Passes the rest of the sheet. */
  async finish(): Promise<void> {
    await this.run(Number.POSITIVE_INFINITY);
    if (this.phase !== 'done') {
      this.emit(this.buf.slice(this.pos));
      this.pos = this.buf.length;
    }
    await this.flush(true);
  }

  private emit(s: string): void {
    if (!s) return;
    this.out.push(s);
    this.outLen += s.length;
  }

  private async flush(all: boolean): Promise<void> {
    if (!this.outLen || (!all && this.outLen < FLUSH)) return;
    const text = this.out.join('');
    this.out = [];
    this.outLen = 0;
    await this.writer.write(Buffer.from(text, 'latin1'));
  }

  /** More input; false when there is none now (the source is starved or ended). */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const chunk = await this.source.read();
    if (chunk === undefined) return false;
    if (chunk === null) {
      this.ended = true;
      return false;
    }
    this.buf = this.buf.slice(this.pos) + chunk.toString('latin1');
    this.pos = 0;
    return true;
  }

  private async run(upto: number): Promise<void> {
    for (;;) {
      if (this.outLen >= FLUSH) await this.flush(false);
      const progressed = this.phase === 'head' ? this.head() : this.phase === 'rows' ? this.rows(upto) : this.phase === 'tail' ? this.tail() : 'done';
      if (progressed === 'done' || progressed === 'wait') return;
      if (progressed === 'more' && !(await this.more())) return;
    }
  }

  /** Up to and including <sheetData>: dimension and cols edited. */
  private head(): 'ok' | 'more' | 'done' {
    let at = this.pos;
    let root: Tag | null = null;
    for (;;) {
      const t = nextTag(this.buf, at);
      if (!t) return this.ended ? 'done' : 'more';
      at = t.end;
      if (!root && (t.kind === 'open' || t.kind === 'empty') && t.local === 'worksheet') {
        root = t;
        this.p = prefixOf(t.name);
      }
      if (t.local === 'sheetData' && (t.kind === 'open' || t.kind === 'empty')) {
        const head = this.buf.slice(this.pos, t.start);
        this.emit(this.editHead(head));
        this.emit(this.buf.slice(t.start, t.end));
        this.pos = t.end;
        this.phase = t.kind === 'empty' ? 'tail' : 'rows';
        return 'ok';
      }
    }
  }

  private editHead(head: string): string {
    const plan = this.plan;
    const p = this.p;
    let out = head;
    const dim = attr(/<(?:\w+:)?dimension\b[^>]*>/.exec(out)?.[0] ?? '', 'ref');
    const dimEnd = dim ? /:?\$?([A-Z]{1,3})\$?\d+$/.exec(dim)?.[1] : undefined;
    plan.settle?.(dimEnd ? refColumn(dimEnd) : null);
    // <dimension ref="A1:T54">: widened to the result columns.
    if (plan.resultCol !== null) {
      out = out.replace(/<(?:\w+:)?dimension\b[^>]*>/, (tag) => {
        const ref = attr(tag, 'ref');
        const m = ref && /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
        if (!m) return tag;
        const last = plan.resultCol! + 2;
        const endCol = m[3] ?? m[1]!;
        if (refColumn(endCol) >= last) return tag;
        return setAttr(tag, 'ref', `${m[1]}${m[2]}:${columnLetter(last)}${m[4] ?? m[2]}`);
      });
    }
    const rowHeight = Number(attr(/<(?:\w+:)?sheetFormatPr\b[^>]*>/.exec(out)?.[0] ?? '', 'defaultRowHeight'));
    if (rowHeight >= 10 && rowHeight <= 60) this.lineHeight = rowHeight;
    // <cols>: the column styles (for cells a mark creates), and the widths.
    const cols = /<((?:\w+:)?cols)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/.exec(out);
    const ranges = cols ? parseCols(cols[0]) : [];
    this.colStyle = (c) => {
      const r = ranges.find((x) => x.min <= c && c <= x.max);
      return r?.style ?? 0;
    };
    if (plan.widths.length) {
      const defaultWidth = Number(attr(/<(?:\w+:)?sheetFormatPr\b[^>]*>/.exec(out)?.[0] ?? '', 'defaultColWidth') ?? 8.43);
      const edited = renderCols(editCols(ranges, plan.widths, defaultWidth), p);
      out = cols ? out.slice(0, cols.index) + edited + out.slice(cols.index + cols[0].length) : out + edited;
    }
    return out;
  }

  private rows(upto: number): 'ok' | 'more' | 'wait' {
    const t = nextTag(this.buf, this.pos);
    if (!t) return 'more';
    if (t.local === 'sheetData' && t.kind === 'close') {
      this.emit(this.buf.slice(this.pos, t.end));
      this.pos = t.end;
      this.phase = 'tail';
      return 'ok';
    }
    if (t.local !== 'row' || t.kind === 'close') {
      this.emit(this.buf.slice(this.pos, t.end));
      this.pos = t.end;
      return 'ok';
    }
    let end = t.end;
    if (t.kind === 'open') {
      const close = this.buf.indexOf(`</${t.name}>`, t.end);
      if (close < 0) return 'more';
      end = close + t.name.length + 3;
    }
    const open = this.buf.slice(t.start, t.end);
    const rAttr = attr(open, 'r');
    const r = rAttr ? parseInt(rAttr, 10) : this.lastRow + 1;
    if (r > upto) return 'wait';
    this.lastRow = r;
    this.emit(this.buf.slice(this.pos, t.start));
    const text = this.buf.slice(t.start, end);
    this.emit(this.row(text, r, t.end - t.start, t.kind === 'empty', open));
    this.pos = end;
    return 'ok';
  }

  /** One row: unchanged unless it has marks or carries an earlier check's. */
  private row(text: string, r: number, openLen: number, empty: boolean, open: string): string {
    const marks = this.marksOf(r);
    const plan = this.plan;
    const recheck = plan.unmark !== null || (plan.strip.size > 0 && r >= plan.headerRow);
    if (!marks && !recheck) return text;
    if (marks) this.rowsMarked++;
    const p = this.p;
    const rc = plan.resultCol;

    // Fast path: only result cells to append after the row's last cell.
    if (marks && !recheck && !marks.cells?.size && !marks.overflow && !empty && rc !== null) {
      const lastOpen = text.lastIndexOf(`<${p}c `);
      const bare = text.indexOf(`<${p}c>`) >= 0;
      if (!bare) {
        const lastTag = lastOpen >= 0 ? text.slice(lastOpen, text.indexOf('>', lastOpen) + 1) : '';
        const lastCol = lastOpen >= 0 ? refColumn(attr(lastTag, 'r')) : 0;
        if (lastOpen < 0 || (lastCol > 0 && lastCol < rc)) {
          const base = lastOpen >= 0 ? Number(attr(lastTag, 's') ?? 0) : this.rowBase(open, rc - 1);
          const added = this.resultCells(r, marks, base);
          if (!added) return text;
          const close = text.lastIndexOf('</');
          return this.height(this.spans(text.slice(0, openLen), rc + 2), marks) + text.slice(openLen, close) + added + text.slice(close);
        }
      }
    }

    const cells: Cell[] = [];
    const others: string[] = [];
    let at = openLen;
    let lastCol = 0;
    if (!empty) {
      for (;;) {
        const t = nextTag(text, at);
        if (!t || (t.kind === 'close' && t.local === 'row')) break;
        if (t.local === 'c' && (t.kind === 'open' || t.kind === 'empty')) {
          let end = t.end;
          let hasValue = false;
          if (t.kind === 'open') {
            const close = text.indexOf(`</${t.name}>`, t.end);
            end = close + t.name.length + 3;
            hasValue = /<(?:\w+:)?(?:v|is|f)\b/.test(text.slice(t.end, close));
          }
          const cellOpen = text.slice(t.start, t.end);
          const col = refColumn(attr(cellOpen, 'r')) || lastCol + 1;
          lastCol = col;
          cells.push({ start: t.start, end, open: cellOpen, xml: text.slice(t.start, end), col, s: Number(attr(cellOpen, 's') ?? 0), hasValue, changed: !attr(cellOpen, 'r') });
          at = end;
          continue;
        }
        const end = t.kind === 'open' ? (text.indexOf(`</${t.name}>`, t.end) + t.name.length + 3) : t.end;
        others.push(text.slice(t.start, end));
        at = end;
      }
    }

    let kept = cells;
    if (plan.strip.size && r >= plan.headerRow) kept = kept.filter((c) => !plan.strip.has(c.col));
    let changed = kept.length !== cells.length;
    if (plan.unmark) {
      for (const c of kept) {
        const s = plan.unmark(c.s, `${columnLetter(c.col)}${r}`);
        if (s !== c.s) {
          c.s = s;
          c.changed = true;
          changed = true;
        }
      }
    }
    const inResult = (col: number): boolean => rc !== null && col >= rc && col < rc + 3;
    const collides = kept.some((c) => c.hasValue && inResult(c.col));
    const originals = new Map(kept.map((c) => [c.col, c.s]));
    const byCol = new Map(kept.map((c) => [c.col, c]));
    const fresh: Cell[] = [];

    // Marked cells: fill (and --fix's new value); a cell the file lacks is created with the mark.
    const notes = new Map<number, string[]>();
    for (const [col, mark] of marks?.cells ?? []) {
      let cell = byCol.get(col);
      const ref = `${columnLetter(col)}${r}`;
      if (!cell) {
        const base = this.rowBase(open, col);
        cell = { start: 0, end: 0, open: `<${p}c r="${ref}" s="${base}"/>`, xml: '', col, s: base, hasValue: false, changed: true };
        fresh.push(cell);
        byCol.set(col, cell);
      }
      if (mark.fill) {
        cell.s = plan.styles.derive(cell.s, { fill: mark.fill }, true);
        cell.changed = true;
        changed = true;
      }
      if (mark.value !== undefined) {
        cell.xml = mark.value === null || mark.value === ''
          ? `<${p}c r="${ref}" s="${cell.s}"/>`
          : `<${p}c r="${ref}" s="${cell.s}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${utf8ToBytes(esc(mark.value))}</${p}t></${p}is></${p}c>`;
        cell.open = '';
        cell.changed = true;
        changed = true;
      }
      if (mark.note?.length) notes.set(col, [...mark.note]);
    }
    if (marks?.overflow && collides && marks.result?.problems) {
      notes.set(1, [...(notes.get(1) ?? []), ...marks.overflow]);
      if (!byCol.has(1)) {
        const base = this.rowBase(open, 1);
        const cell: Cell = { start: 0, end: 0, open: `<${p}c r="A${r}" s="${base}"/>`, xml: '', col: 1, s: base, hasValue: false, changed: true };
        fresh.push(cell);
        byCol.set(1, cell);
      }
    }
    for (const [col, lines] of notes) plan.notes.add({ row: r, col, text: lines.join('\n') });
    if (fresh.length) changed = true;

    // The result columns (not over an original value).
    let added = '';
    if (marks && rc !== null && !collides) {
      const last = [...kept].reverse().find((c) => c.col < rc);
      const base = last ? (originals.get(last.col) ?? last.s) : this.rowBase(open, rc - 1);
      added = this.resultCells(r, marks, base);
      if (added) {
        kept = kept.filter((c) => !inResult(c.col));
        changed = true;
      }
    }
    if (!changed) return text;

    const all = [...kept.filter((c) => !fresh.includes(c)), ...fresh].sort((a, b) => a.col - b.col);
    const parts: string[] = [];
    let addedAt = -1;
    for (const c of all) {
      if (added && addedAt < 0 && c.col > rc! + 2) {
        parts.push(added);
        addedAt = parts.length;
      }
      parts.push(c.changed ? this.cellXml(c, r) : c.xml);
    }
    if (added && addedAt < 0) parts.push(added);
    const maxCol = Math.max(all.length ? all[all.length - 1]!.col : 0, added ? rc! + 2 : 0);
    let rowOpen = this.spans(empty ? `${open.slice(0, -2).replace(/\s+$/, '')}>` : text.slice(0, openLen), maxCol);
    if (added) rowOpen = this.height(rowOpen, marks!);
    const rowName = /^<([^\s/>]+)/.exec(open)![1]!;
    return `${rowOpen}${parts.join('')}${others.join('')}</${rowName}>`;
  }

  /** A cell with its (new) style and an address. */
  private cellXml(c: Cell, r: number): string {
    if (!c.open) return c.xml; // --fix wrote it whole
    let open = c.open;
    if (String(c.s) !== (attr(open, 's') ?? '0')) open = setAttr(open, 's', String(c.s));
    if (!attr(open, 'r')) open = open.replace(/^(<[^\s/>]+)/, `$1 r="${columnLetter(c.col)}${r}"`);
    return open + c.xml.slice(c.open.length);
  }

  /** The format a new cell of the row takes: the row's own (customFormat) or the column's. */
  private rowBase(rowOpen: string, col: number): number {
    if (attr(rowOpen, 'customFormat') === '1' || attr(rowOpen, 'customFormat') === 'true') return Number(attr(rowOpen, 's') ?? 0);
    return this.colStyle(col);
  }

  /**
   * A row whose result text takes several lines is made tall enough to show them (Excel and LibreOffice do
   * not fit a row's height to wrapped text when they open a file), unless the clerk set its height by hand.
   */
  private height(open: string, marks: RowMarks): string {
    const r = marks.result;
    if (!r || (!r.problems && !r.suggestions)) return open;
    const custom = attr(open, 'customHeight');
    if (custom === '1' || custom === 'true') return open;
    const widths = this.plan.resultWidths;
    const lines = Math.max(wrappedLines(r.problems, widths[1]), r.suggestions ? wrappedLines(r.suggestions, widths[2]) : 1);
    if (lines < 2) return open;
    const need = Math.min(409, Math.round(lines * this.lineHeight * 10) / 10 + 2);
    const now = Number(attr(open, 'ht') ?? 0);
    return now >= need ? open : setAttr(open, 'ht', String(need));
  }

  /** spans="1:20" widened to `maxCol`. */
  private spans(open: string, maxCol: number): string {
    if (maxCol > this.maxCol) this.maxCol = maxCol;
    const spans = attr(open, 'spans');
    if (!spans) return open;
    const m = /^(\d+):(\d+)$/.exec(spans);
    if (!m || Number(m[2]) >= maxCol) return open;
    return setAttr(open, 'spans', `${m[1]}:${maxCol}`);
  }

  /** Formats of result cells by base format and kind (derived once, not per row). */
  private readonly resultStyles = new Map<string, number>();

  private resultStyle(base: number, kind: string, change: XfChange): number {
    const key = `${base}|${kind}`;
    let s = this.resultStyles.get(key);
    if (s === undefined) this.resultStyles.set(key, (s = this.plan.styles.derive(base, change)));
    return s;
  }

  /** Column letters of the result cells, and the end of a result cell (after its address) by style and text. */
  private readonly letters = new Map<number, string>();
  private readonly cellEnds = new Map<string, string>();

  private cellEnd(s: number, text: string, constant: boolean): string {
    const p = this.p;
    const key = constant ? `${s}\u0000${text}` : '';
    let end = constant ? this.cellEnds.get(key) : undefined;
    if (end === undefined) {
      end = `" s="${s}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${utf8ToBytes(esc(text))}</${p}t></${p}is></${p}c>`;
      if (constant) this.cellEnds.set(key, end);
    }
    return end;
  }

  /** The result cells of a row (labels on the header row), styled after the row's last cell. */
  private resultCells(r: number, marks: RowMarks, base: number): string {
    const plan = this.plan;
    const rc = plan.resultCol!;
    const p = this.p;
    // Verdicts and labels repeat on every row: their escaped text is made once.
    const cell = (col: number, s: number, text: string, constant = false): string => {
      let letter = this.letters.get(col);
      if (letter === undefined) this.letters.set(col, (letter = columnLetter(col)));
      return `<${p}c r="${letter}${r}${this.cellEnd(s, text, constant)}`;
    };
    if (marks.header) {
      const s = this.resultStyle(base, 'label', { numFmt: 'General', wrap: true, bold: true });
      return plan.labels.map((label, k) => cell(rc + k, s, label, true)).join('');
    }
    if (!marks.result) return '';
    const { verdict, problems, suggestions } = marks.result;
    const text: XfChange = { numFmt: 'General', wrap: true, fill: 'none' };
    let out = cell(rc, this.resultStyle(base, verdict, { numFmt: 'General', fill: plan.verdictFills[verdict], vertical: 'top' }), plan.verdictText[verdict], true);
    if (problems) out += cell(rc + 1, this.resultStyle(base, 'text', text), problems);
    if (suggestions) out += cell(rc + 2, this.resultStyle(base, 'text', text), suggestions);
    return out;
  }

  /** After </sheetData>: merged ranges over result cells dropped, <legacyDrawing> kept, added or dropped. */
  private tail(): 'ok' | 'more' | 'done' {
    const t = nextTag(this.buf, this.pos);
    if (!t) {
      if (this.ended) {
        this.emit(this.buf.slice(this.pos));
        this.pos = this.buf.length;
        this.phase = 'done';
        return 'done';
      }
      return 'more';
    }
    const before = this.buf.slice(this.pos, t.start);
    if (t.kind === 'close' && t.local === 'worksheet' && this.depth === 1) {
      this.emit(before + this.legacyElement());
      this.emit(this.buf.slice(t.start, t.end));
      this.emit(this.buf.slice(t.end));
      this.pos = this.buf.length;
      this.phase = 'done';
      return 'done';
    }
    if (this.depth === 1 && (t.kind === 'open' || t.kind === 'empty')) {
      if (t.local === 'mergeCells') {
        const close = t.kind === 'empty' ? t.end : this.buf.indexOf(`</${t.name}>`, t.end);
        if (close < 0) return 'more';
        const end = t.kind === 'empty' ? t.end : close + t.name.length + 3;
        this.emit(before + this.editMerges(this.buf.slice(t.start, end), t));
        this.pos = end;
        return 'ok';
      }
      if (t.local === 'legacyDrawing') {
        const { mode } = this.plan.legacy();
        this.legacyDone = true;
        this.emit(before);
        if (mode !== 'drop') this.emit(this.buf.slice(t.start, t.end));
        const end = t.kind === 'empty' ? t.end : this.buf.indexOf('>', this.buf.indexOf(`</${t.name}`, t.end)) + 1;
        if (end <= 0) return 'more';
        this.pos = end;
        return 'ok';
      }
      if (AFTER_LEGACY.has(t.local)) this.emit(before + this.legacyElement());
      else this.emit(before);
    } else this.emit(before);
    this.emit(this.buf.slice(t.start, t.end));
    if (t.kind === 'open') this.depth++;
    else if (t.kind === 'close') this.depth--;
    this.pos = t.end;
    return 'ok';
  }

  /** A <legacyDrawing> for new notes, once, where the schema wants it. */
  private legacyElement(): string {
    if (this.legacyDone) return '';
    this.legacyDone = true;
    const { mode, rid } = this.plan.legacy();
    if (mode !== 'add') return '';
    const rp = this.plan.relPrefix;
    return rp === null
      ? `<${this.p}legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rid}"/>`
      : `<${this.p}legacyDrawing ${rp}id="${rid}"/>`;
  }

  /** <mergeCells> without ranges that would cover a result cell (rows of the header and below). */
  private editMerges(xml: string, open: Tag): string {
    const rc = this.plan.resultCol;
    if (rc === null) return xml;
    let count = 0;
    let dropped = 0;
    const body = xml.replace(/<(?:\w+:)?mergeCell\b[^>]*\/>/g, (tag) => {
      const ref = attr(tag, 'ref') ?? '';
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
      if (m) {
        const [c1, r1, c2, r2] = [refColumn(m[1]), Number(m[2]), refColumn(m[3]), Number(m[4])];
        if (c1 <= rc + 2 && c2 >= rc && r2 >= this.plan.headerRow && r1 <= this.lastRow) {
          dropped++;
          return '';
        }
      }
      count++;
      return tag;
    });
    if (!dropped) return xml;
    if (!count) return '';
    const openTag = xml.slice(0, open.end - open.start);
    return setAttr(openTag, 'count', String(count)) + body.slice(openTag.length);
  }
}

interface ColRange {
  min: number;
  max: number;
  /** The <col> as written. */
  tag: string;
  width: number | null;
  style: number;
}

function parseCols(xml: string): ColRange[] {
  const out: ColRange[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?col\b[^>]*?\/?>/g)) {
    const tag = m[0];
    if (/^<(?:\w+:)?cols\b/.test(tag)) continue;
    const min = Number(attr(tag, 'min'));
    const max = Number(attr(tag, 'max'));
    if (!Number.isInteger(min) || !Number.isInteger(max)) continue;
    const width = attr(tag, 'width');
    out.push({ min, max, tag: tag.endsWith('/>') ? tag : `${tag.slice(0, -1)}/>`, width: width === undefined ? null : Number(width), style: Number(attr(tag, 'style') ?? 0) });
  }
  return out.sort((a, b) => a.min - b.min);
}

/** The column ranges with the widths set (ranges split where only some of their columns change). */
export function editCols(ranges: readonly ColRange[], changes: readonly WidthChange[], defaultWidth: number): ColRange[] {
  let out = [...ranges];
  for (const ch of changes) {
    const i = out.findIndex((x) => x.min <= ch.col && ch.col <= x.max);
    const current = i >= 0 ? out[i]! : null;
    const now = current?.width ?? defaultWidth;
    if (!ch.exact && now >= ch.width) continue;
    const width = ch.width;
    const set = (tag: string): string => setAttr(setAttr(setAttr(setAttr(tag, 'min', String(ch.col)), 'max', String(ch.col)), 'width', String(width)), 'customWidth', '1');
    if (!current) {
      out.push({ min: ch.col, max: ch.col, tag: set('<col/>'), width, style: 0 });
    } else {
      const pieces: ColRange[] = [];
      if (current.min < ch.col) pieces.push({ ...current, max: ch.col - 1, tag: setAttr(current.tag, 'max', String(ch.col - 1)) });
      pieces.push({ ...current, min: ch.col, max: ch.col, width, tag: set(current.tag) });
      if (current.max > ch.col) pieces.push({ ...current, min: ch.col + 1, tag: setAttr(current.tag, 'min', String(ch.col + 1)) });
      out = [...out.slice(0, i), ...pieces, ...out.slice(i + 1)];
    }
    out.sort((a, b) => a.min - b.min);
  }
  return out;
}

function renderCols(ranges: readonly ColRange[], p: string): string {
  return `<${p}cols>${ranges.map((r) => (r.tag.startsWith(`<${p}col`) || !p ? r.tag : r.tag.replace(/^<col\b/, `<${p}col`))).join('')}</${p}cols>`;
}
