/**
 * The annotated workbook (and the --fix copy): for an .xlsx input, the input's own package with the marks —
 * the checked sheets streamed through the SheetEditor (fills on marked cells, the result columns 检查结果 /
 * 问题说明 / 建议修改, notes), two added sheets (问题清单, 汇总), and every other part copied as stored. For any
 * other input (CSV…), a new workbook holding the input's values, laid out and marked the same way.
 *
 * Re-checking a copy cert-check wrote takes the earlier marks off first (its marker says what they were):
 * result columns, fills, notes, 问题清单 and 汇总; the clerk's own edits stay. ID numbers are NOT masked: the
 * workbook is the clerk's own data.
 *
 * Driven by the pipeline as rows are read: startSheet, addRow (any number), drain (between batches: the
 * sheet is written up to the rows given so far), endSheet, and finish (or abort).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { MessageBook } from '../../engine/messages.js';
import { SEVERITY_LABEL } from '../../i18n/report.js';
import type { Finding, Lang, Severity } from '../../engine/types.js';
import { InputError, ioCause } from '../../errors.js';
import { columnLetter, type FieldKey } from '../../model/fields.js';
import type { Notice, RowRole, SheetInfo } from '../../read/types.js';
import { columnNumber, countByRule, placeLabel, sortFindings, worstSeverity } from '../common.js';
import { formatNotice } from '../../i18n/notices.js';
import { summarize, type CellFix, type CheckResult, type FileResult } from '../types.js';
import { createAtomicFile, type AtomicFile } from './atomic.js';
import { PackageOut, type BookSheet, type SummaryLine } from './book.js';
import { readMarkerDetails, type Marker } from './marker.js';
import { readExistingNotes, readExistingVml, SheetNotes, type NotesMode } from './notes.js';
import { CT, InputPackage, REL, relativeTarget, resolveTarget, type Rels } from './package.js';
import { SheetEditor, type ChunkSource, type RowMarks, type SheetPlan, type WidthChange } from './sheet-editor.js';
import { printTitles, sheetHead, sheetTail, ValueCells, type TableColumn, type TableRow } from './sheet-xml.js';
import { FILLS, FIXED_FILL, isAddedSheetName, localTime, MARK_FILLS, RESULT_HEADERS, VERDICT_FILLS } from './text.js';
import { WORKBOOK_TEXT } from '../../i18n/workbook.js';
import { PUNCT } from '../../i18n/index.js';
import { ZipWriter, type EntryWriter } from './zip.js';
import { writerRow, type WriterRow } from './writer-row.js';

export interface AnnotatedWorkbookOptions {
  lang: Lang;
  messages: MessageBook;
  /** The input's path as the findings name it (`Finding.file`). */
  inputPath: string;
  /** 'xlsx': the input is a workbook package and is copied with the marks; anything else: a new workbook. */
  format?: string;
  /** 'fixed': the --fix copy. */
  kind?: 'annotated' | 'fixed';
  /** The input uses the 1904 date system (a new workbook shifts date serials; settable until the rows come). */
  date1904?: boolean;
  /** The temporary file's name (the writing thread's: the main thread chose it, and removes it on a signal). */
  tempPath?: string;
}

export { writerRow, type WriterRow } from './writer-row.js';

/** Excel's last column (XFD). */
const MAX_COLUMNS = 16384;
/** Widths of the three result columns. */
const RESULT_WIDTHS = [12, 70, 42] as const;
/** An ID column is at least this wide (18 characters show whole). */
const ID_WIDTH = 21;

/** Widths of a new workbook's columns by field (the template's). */
export const FIELD_WIDTHS: Record<FieldKey, number> = {
  name: 10, idNumber: 21, birthDate: 10, series: 16, level: 14, title: 16, method: 10, approvalNo: 22, region: 10,
  hasSpecialty: 12, specialty: 14, localSpecialty: 14, issueDate: 15, obtainDate: 15, authority: 30, committee: 44,
  certNo: 18, photo: 24, attachment: 28,
};

/** Chunks handed to the editor of a new sheet as its rows are made. */
class QueueSource implements ChunkSource {
  private chunks: Buffer[] = [];
  private ended = false;
  push(text: string): void {
    this.chunks.push(Buffer.from(text, 'latin1'));
  }
  end(): void {
    this.ended = true;
  }
  read(): Buffer | null | undefined {
    const c = this.chunks.shift();
    if (c) return c;
    return this.ended ? null : undefined;
  }
}

/** The inflated sheet part as chunks. */
function streamSource(stream: Readable): ChunkSource {
  const it = stream[Symbol.asyncIterator]();
  return {
    async read() {
      const r = await it.next();
      return r.done ? null : (r.value as Buffer);
    },
  };
}

/** An entry writer that also hashes what it writes (the marker's hash of the sheet part). */
function hashing(entry: EntryWriter): EntryWriter & { digest(): string } {
  const h = createHash('sha256');
  return {
    get bytes() {
      return entry.bytes;
    },
    async write(data) {
      h.update(data);
      await entry.write(data);
    },
    end: () => entry.end(),
    digest: () => h.digest('base64'),
  };
}

interface Current {
  info: SheetInfo;
  sheet: BookSheet;
  plan: SheetPlan | null;
  editor: SheetEditor | null;
  entry: (EntryWriter & { digest(): string }) | null;
  queue: QueueSource | null;
  cells: ValueCells | null;
  marks: Map<number, RowMarks>;
  lastRow: number;
  notes: SheetNotes;
  rels: Rels;
  commentsPart: string | null;
  vmlPart: string | null;
  vmlRid: string | null;
}

export class AnnotatedWorkbook {
  private state: 'open' | 'finished' | 'aborted' = 'open';
  private readonly t: (typeof WORKBOOK_TEXT)[Lang];
  private current: Current | null = null;
  /** 姓名 of rows with problems, for 问题清单 (sheet \0 row). */
  private readonly names = new Map<string, string>();
  private readonly sheetsSeen: SheetInfo[] = [];
  private readonly checked: { part: string; name: string; resultCol: number }[] = [];
  private dataRows = 0;
  /** Blocks of VML shape ids in use, by part (lower case). */
  private readonly vmlBlocks = new Map<string, number[]>();
  private blocksTaken = new Set<number>();
  private legacyResults = false;
  /** What the reader and report should know of this copy (macros left out, earlier marks replaced). */
  readonly notices: Notice[] = [];
  date1904: boolean;

  private constructor(
    private readonly file: AtomicFile,
    private readonly zip: ZipWriter,
    private readonly book: PackageOut,
    private readonly opts: AnnotatedWorkbookOptions,
    private readonly previous: Marker | null,
  ) {
    this.t = WORKBOOK_TEXT[opts.lang];
    this.date1904 = opts.date1904 === true;
    if (book.hadMacros) this.notices.push({ id: 'macros-removed', data: { out: file.outPath } });
    if (previous && (previous.kind === 'annotated' || previous.kind === 'fixed')) this.notices.push({ id: 'marks-replaced', data: { out: file.outPath } });
  }

  /** Opens the temporary file beside `outPath` (and the input's package); an unwritable place is an InputError (output-failed). */
  static async create(outPath: string, opts: AnnotatedWorkbookOptions): Promise<AnnotatedWorkbook> {
    const file = await createAtomicFile(outPath, opts.tempPath);
    let input: InputPackage | null = null;
    try {
      const zip = new ZipWriter(file.stream);
      let book: PackageOut;
      let previous: Marker | null = null;
      if (opts.format === 'xlsx') {
        input = await InputPackage.open(opts.inputPath);
        const details = await readMarkerDetails(opts.inputPath, { hash: false }).catch(() => null);
        previous = details?.marker ?? null;
        const rechecks = previous && (previous.kind === 'annotated' || previous.kind === 'fixed');
        book = await PackageOut.fromInput(zip, input, rechecks ? previous!.xf : undefined);
      } else {
        book = PackageOut.blank(zip);
      }
      const wb = new AnnotatedWorkbook(file, zip, book, opts, previous);
      if (input) {
        for (const name of input.names) {
          if (!/\.vml$/i.test(name)) continue;
          const head = await input.head(name, 4096).catch(() => '');
          const m = /<o:idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/.exec(head);
          wb.vmlBlocks.set(name.toLowerCase(), m ? m[1]!.split(/[\s,]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0) : []);
        }
      }
      return wb;
    } catch (err) {
      input?.close();
      await file.abort();
      if (err instanceof InputError) throw err;
      throw new InputError('output-failed', { out: outPath, detail: ioCause(err) });
    }
  }

  get outPath(): string {
    return this.file.outPath;
  }

  /** What went wrong while writing, as the run reports a workbook it could not write (an InputError, output-failed). */
  outputError(err: unknown): InputError {
    return err instanceof InputError ? err : new InputError('output-failed', { out: this.outPath, detail: ioCause(err) });
  }

  /** The temporary file written until `finish` (for tests and diagnostics). */
  get temporaryPath(): string {
    return this.file.tmpPath;
  }

  private get rechecking(): boolean {
    return this.previous !== null && (this.previous.kind === 'annotated' || this.previous.kind === 'fixed');
  }

  async startSheet(info: SheetInfo): Promise<void> {
    this.assertOpen();
    if (this.current) await this.endSheet();
    this.sheetsSeen.push(info);
    if (this.book.input) await this.startPackageSheet(info);
    else await this.startNewSheet(info);
  }

  /** Where the result columns go, and which columns an earlier check's result cells are in. */
  private resultColumns(info: SheetInfo): { resultCol: number | null; strip: Set<number> } {
    const strip = new Set<number>();
    if (!info.header) return { resultCol: null, strip };
    const headers = info.header.map.headers.map((h) => String(h ?? '').trim());
    for (let i = 0; i + 2 < headers.length; i++) {
      if (RESULT_HEADERS.some((r) => r[0] === headers[i] && r[1] === headers[i + 1] && r[2] === headers[i + 2])) {
        for (let k = 1; k <= 3; k++) strip.add(i + k);
        if (!this.rechecking && !this.legacyResults) {
          this.legacyResults = true;
          this.notices.push({ id: 'marks-replaced', data: { out: this.file.outPath } });
        }
        return { resultCol: i + 1, strip };
      }
    }
    let last = 0;
    headers.forEach((h, i) => {
      if (h) last = i + 1;
    });
    const mapped = Object.values(info.header.map.columns).reduce((m, c) => Math.max(m, c ?? 0), 0);
    const resultCol = Math.max(info.columnCount, last, mapped) + 1;
    // A sheet that uses Excel's last columns has no room: the problems are then in the notes and 问题清单 only.
    return { resultCol: resultCol + 2 > MAX_COLUMNS ? null : resultCol, strip };
  }

  private widths(info: SheetInfo, resultCol: number | null): WidthChange[] {
    const out: WidthChange[] = [];
    const id = info.header?.map.columns.idNumber;
    if (id) out.push({ col: id, width: ID_WIDTH, exact: false });
    if (resultCol !== null) RESULT_WIDTHS.forEach((w, k) => out.push({ col: resultCol + k, width: w, exact: true }));
    return out;
  }

  private notesMode(): NotesMode {
    if (this.rechecking) return 'marker';
    return this.legacyResults ? 'legacy' : 'keep';
  }

  /** The first free block of VML shape ids, not claimed by any drawing but `except`. */
  private freeBlock(except: string | null, kept: number[]): number {
    let max = 0;
    for (const [part, blocks] of this.vmlBlocks) if (part !== except?.toLowerCase()) for (const b of blocks) max = Math.max(max, b);
    for (const b of [...kept, ...this.blocksTaken]) max = Math.max(max, b);
    return max + 1;
  }

  private async startPackageSheet(info: SheetInfo): Promise<void> {
    const book = this.book;
    const input = book.input!;
    const sheet = book.sheets.find((s) => s.name === info.name);
    if (!sheet?.part || !info.header) return;
    const part = sheet.part;
    const { resultCol, strip } = this.resultColumns(info);
    const rels = await book.rels(part);
    const commentsRel = rels.byType(REL.comments)[0];
    const vmlRel = rels.byType(REL.vmlDrawing)[0];
    const commentsPart = commentsRel && !commentsRel.external ? input.spelling(resolveTarget(part, commentsRel.target)) : null;
    const vmlPart = vmlRel && !vmlRel.external ? input.spelling(resolveTarget(part, vmlRel.target)) : null;
    const mode = this.notesMode();
    const existing = await readExistingNotes(commentsPart, commentsPart && input.has(commentsPart) ? await input.inflated(commentsPart) : null, mode);
    const kept = new Set([...existing.kept.values()].map((n) => `${n.row}\u0000${n.col}`));
    const vml = await readExistingVml(vmlPart, vmlPart && input.has(vmlPart) ? await input.inflated(vmlPart) : null, (r, c) => kept.has(`${r}\u0000${c}`));
    const notes = new SheetNotes(existing, vml, this.freeBlock(vmlPart, vml.blocks));
    if (commentsPart) book.claim(commentsPart);
    if (vmlPart) book.claim(vmlPart);
    const sheetXmlHead = await input.head(part, 4096);
    const relPrefix = /\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(sheetXmlHead);
    const cur: Current = {
      info, sheet, plan: null, editor: null, entry: null, queue: null, cells: null, marks: new Map(), lastRow: 0, notes, rels,
      commentsPart, vmlPart, vmlRid: vmlRel?.id ?? null,
    };
    cur.plan = this.plan(info, resultCol, strip, notes, cur, relPrefix ? `${relPrefix[1]}:` : null);
    book.claim(part);
    cur.entry = hashing(await this.zip.open(part));
    cur.editor = new SheetEditor(streamSource(await input.inflated(part)), cur.entry, cur.plan, (r) => this.takeMarks(cur, r));
    this.current = cur;
  }

  private async startNewSheet(info: SheetInfo): Promise<void> {
    const book = this.book;
    const sheet = book.addSheet(info.name, info.hidden ? 'hidden' : 'visible');
    const { resultCol, strip } = this.resultColumns(info);
    const cur: Current = {
      info, sheet, plan: null, editor: null, entry: null, queue: new QueueSource(), cells: new ValueCells(book.styles, this.date1904),
      marks: new Map(), lastRow: 0, rels: await book.rels(sheet.part!), commentsPart: null, vmlPart: null, vmlRid: null,
      notes: new SheetNotes(await readExistingNotes(null, null, 'keep'), await readExistingVml(null, null, () => true), this.freeBlock(null, [])),
    };
    cur.plan = this.plan(info, resultCol, strip, cur.notes, cur, 'r:');
    cur.plan.settle?.(null);
    // Columns: the fields' usual widths, others by their header.
    const map = info.header?.map;
    const fieldOf = new Map<number, FieldKey>();
    for (const [k, c] of Object.entries(map?.columns ?? {})) if (c) fieldOf.set(c, k as FieldKey);
    const count = Math.max(info.columnCount, map?.headers.length ?? 0);
    const widths = Array.from({ length: count }, (_, i) => {
      const f = fieldOf.get(i + 1);
      if (f) return FIELD_WIDTHS[f];
      const h = String(map?.headers[i] ?? '');
      return Math.min(30, Math.max(9, [...h].length * 2 + 2));
    });
    const freezeRows = info.header ? Math.max(info.header.row, ...(info.headerRows ?? [])) : 0;
    // Printed landscape with the header rows, and the name column when it is among the first three, on every page:
    // a sheet of 20-odd columns fitted to one page's width would print too small to read, so its columns run
    // over several pages, each of which still says whose row it is.
    cur.queue!.push(sheetHead({ widths, freeze: freezeRows ? { rows: freezeRows } : undefined }));
    const nameCol = map?.columns.name ?? 0;
    const titles = [
      ...(nameCol >= 1 && nameCol <= 3 ? [`'${info.name.replace(/'/g, "''")}'!$A:$${columnLetter(nameCol)}`] : []),
      ...(freezeRows ? [printTitles(info.name, freezeRows)] : []),
    ];
    if (titles.length) book.addDefinedName('_xlnm.Print_Titles', titles.join(','), book.indexOf(sheet));
    // The rows are written as they come (drain), like an input's sheet: none waits in memory for the end.
    this.book.claim(sheet.part!);
    cur.entry = hashing(await this.zip.open(sheet.part!));
    cur.editor = new SheetEditor(cur.queue!, cur.entry, cur.plan, (r) => this.takeMarks(cur, r));
    this.current = cur;
  }

  private plan(info: SheetInfo, resultCol: number | null, strip: Set<number>, notes: SheetNotes, cur: Current, relPrefix: string | null): SheetPlan {
    const styles = this.book.styles;
    let unmark: SheetPlan['unmark'] = null;
    if (this.rechecking || this.legacyResults) {
      const restore = styles.previousValid ? styles.restore : new Map<number, number>();
      const dropped = notes.dropped;
      unmark = (s, ref) => {
        const back = restore.get(s);
        if (back !== undefined) return back;
        if (!styles.previousValid && dropped.has(ref)) {
          const fill = styles.fillColor(s);
          if (fill && MARK_FILLS.has(fill)) return styles.derive(s, { fill: 'none' });
        }
        return s;
      };
    }
    const plan: SheetPlan = {
      resultCol,
      headerRow: info.header?.row ?? 1,
      labels: [this.t.result, this.t.problems, this.t.suggestions],
      verdictFills: VERDICT_FILLS,
      verdictText: { pass: this.t.pass, fix: this.t.fix, check: this.t.check },
      widths: info.header ? this.widths(info, resultCol) : [],
      resultWidths: RESULT_WIDTHS,
      strip,
      unmark,
      styles,
      notes,
      relPrefix,
      legacy: () => this.legacyFor(cur),
      settle: (lastUsed) => {
        // Right of what the sheet uses (its <dimension>, merged ranges the reader knows), within reason: a
        // dimension that runs far beyond the data (whole rows formatted) is not followed.
        if (plan.resultCol !== null && strip.size === 0) {
          let used = lastUsed ?? 0;
          const rowsFrom = info.header?.row ?? 1;
          for (const ref of info.merges ?? []) {
            const m = /^([A-Z]+)\d+:([A-Z]+)(\d+)$/.exec(ref);
            if (m && Number(m[3]) >= rowsFrom) used = Math.max(used, columnNumber(m[2]!));
          }
          if (used >= plan.resultCol && used < plan.resultCol + 64 && used + 3 <= MAX_COLUMNS) plan.resultCol = used + 1;
        }
        plan.widths = info.header ? this.widths(info, plan.resultCol) : [];
      },
    };
    return plan;
  }

  /** The sheet's <legacyDrawing>, decided after its last row: kept, added (with a relationship) or dropped. */
  private legacyFor(cur: Current): { mode: 'keep' | 'drop' | 'add'; rid: string } {
    const notes = cur.notes;
    const needed = notes.count > 0 || notes.otherShapes > 0;
    if (!needed) return { mode: 'drop', rid: '' };
    if (cur.vmlRid) return { mode: cur.vmlPart ? 'keep' : 'add', rid: cur.vmlRid };
    cur.vmlPart ??= this.book.freePart('xl/drawings/vmlDrawing', '.vml');
    cur.vmlRid = cur.rels.add(REL.vmlDrawing, relativeTarget(cur.sheet.part!, cur.vmlPart));
    return { mode: 'add', rid: cur.vmlRid };
  }

  private takeMarks(cur: Current, row: number): RowMarks | undefined {
    const m = cur.marks.get(row);
    if (m) cur.marks.delete(row);
    return m;
  }

  /** A new workbook: the rows' cells are written, so `writerRow` must keep them. */
  get writesValues(): boolean {
    return this.book.input === null;
  }

  /** One row given by its cells (the sheet's map says which is the name, and whether the row is blank). */
  addCells(row: number, role: RowRole, values: unknown[], findings: Finding[], numFmts?: (string | number | undefined)[], changes: readonly CellFix[] = []): void {
    this.addRow(writerRow({ row, role, values, numFmts, findings, changes }, this.current?.info ?? null, this.writesValues));
  }

  /**
   * One row of the input: its marks (fills and notes of its problems, the result cells; with --fix the
   * corrected cells, blue with the old value in the note). For a new workbook also its values.
   */
  addRow(r: WriterRow): void {
    this.assertOpen();
    const cur = this.current;
    if (!cur) return; // an unchecked sheet of a package: copied as it is
    const { row, role, findings } = r;
    const changes = r.changes ?? [];
    if (row <= cur.lastRow) throw new Error(`AnnotatedWorkbook.addRow: row ${row} after row ${cur.lastRow}`);
    cur.lastRow = row;
    if (cur.queue) {
      const cells = cur.cells!;
      cells.date1904 = this.date1904;
      const values = r.values ?? [];
      let xml = '';
      for (let i = 0; i < values.length; i++) xml += cells.cell(`${columnLetter(i + 1)}${row}`, values[i], r.numFmts?.[i]);
      cur.queue.push(`<row r="${row}">${xml}</row>`);
    }
    const plan = cur.plan!;
    const info = cur.info;
    const map = info.header?.map;
    const marks: RowMarks = {};
    if (role === 'header' && row === info.header?.row && plan.resultCol !== null) marks.header = true;
    const isData = role === 'data' && map !== undefined && (findings.length > 0 || !r.blank);
    let problems: string[] = [];
    if (isData) {
      this.dataRows++;
      if (r.name && findings.length) this.names.set(`${info.name}\u0000${row}`, r.name);
      const worst = worstSeverity(findings);
      const verdict = worst === null ? 'pass' : worst === 'error' ? 'fix' : 'check';
      problems = findings.length ? this.problemLines(findings) : [];
      marks.result = {
        verdict,
        problems: problems.join('\n'),
        suggestions: findings.length ? this.suggestionLines(findings).join('\n') : '',
      };
    }
    const byCell = new Map<number, Finding[]>();
    for (const f of findings) {
      const col = columnNumber(f.column) || 1;
      let list = byCell.get(col);
      if (!list) byCell.set(col, (list = []));
      list.push(f);
    }
    for (const change of changes) {
      const col = columnNumber(change.column);
      if (col && !byCell.has(col)) byCell.set(col, []);
    }
    if (byCell.size) {
      marks.cells = new Map();
      for (const [col, list] of byCell) {
        const worst = worstSeverity(list);
        const change = changes.find((c) => columnNumber(c.column) === col);
        const lines = list.map((f) => this.noteLine(f));
        if (change) lines.unshift(this.t.fixedNote(change.from, change.rules.join(', ')));
        marks.cells.set(col, {
          fill: worst ? FILLS[worst] : change ? FIXED_FILL : undefined,
          note: lines,
          ...(change ? { value: change.to } : {}),
        });
      }
    }
    if (isData && findings.length) marks.overflow = [this.t.overflow, ...problems];
    if (marks.header || marks.result || marks.cells) cur.marks.set(row, marks);
  }

  /** Writes the current sheet up to the rows given so far (between batches). */
  async drain(): Promise<void> {
    const cur = this.current;
    if (!cur?.editor) return;
    await cur.editor.advance(cur.lastRow);
  }

  /**
   * Ends the current sheet. `merges` are its merged ranges when the reader learnt them only by the sheet's
   * end (a new workbook writes them).
   */
  async endSheet(merges?: readonly string[]): Promise<void> {
    this.assertOpen();
    const cur = this.current;
    if (!cur) return;
    this.current = null;
    const book = this.book;
    if (cur.queue) {
      // A new sheet: its hyperlinks and merged ranges, then the end.
      const links = cur.cells!.links.map((l) => ({ ref: l.ref, rid: cur.rels.add(REL.hyperlink, l.target, true) }));
      const rc = cur.plan!.resultCol;
      const ranges = (merges ?? cur.info.merges ?? []).filter((ref) => {
        if (rc === null) return true;
        const [a, b] = ref.split(':').map((x) => columnNumber(x.replace(/\d+$/, '')));
        return !(a! <= rc + 2 && b! >= rc);
      });
      cur.queue.push(sheetTail({ merges: ranges, hyperlinks: links, page: { landscape: true } }));
      cur.queue.end();
    }
    if (!cur.editor) return;
    await cur.editor.finish();
    await cur.entry!.end();
    const part = cur.sheet.part!;
    book.recordHash(part, cur.entry!.digest());
    this.checked.push({ part, name: cur.info.name, resultCol: cur.plan!.resultCol ?? 0 });
    const notes = cur.notes;
    const rels = cur.rels;
    const commentsRel = rels.byType(REL.comments)[0];
    if (notes.count > 0) {
      cur.commentsPart ??= book.freePart('xl/comments', '.xml');
      if (!commentsRel) rels.add(REL.comments, relativeTarget(part, cur.commentsPart));
      await book.writeStream(cur.commentsPart, notes.commentsPart(), CT.comments);
    } else {
      if (commentsRel) rels.remove(commentsRel.id);
      if (cur.commentsPart) book.drop(cur.commentsPart);
    }
    if (notes.count > 0 || notes.otherShapes > 0) {
      if (cur.vmlPart) {
        for (const b of notes.blocks()) this.blocksTaken.add(b);
        this.vmlBlocks.set(cur.vmlPart.toLowerCase(), notes.blocks());
        if (/\.vml$/i.test(cur.vmlPart)) book.contentTypes.ensureDefault('vml', CT.vml);
        await book.writeStream(cur.vmlPart, notes.vmlPart(), /\.vml$/i.test(cur.vmlPart) ? null : CT.vml);
      }
    } else {
      const vmlRel = rels.byType(REL.vmlDrawing)[0];
      if (vmlRel) rels.remove(vmlRel.id);
      if (cur.vmlPart) book.drop(cur.vmlPart);
    }
  }

  /** Adds 问题清单 and 汇总, writes the package's own parts and the rest of the input, and renames the file into place. */
  async finish(result: CheckResult): Promise<void> {
    this.assertOpen();
    try {
      if (this.current) await this.endSheet();
      const book = this.book;
      // An earlier check's added sheets go; new ones take their names.
      const old = this.previous?.added?.map((a) => a.name) ?? [];
      for (const name of old) book.removeSheet(name);
      if (this.legacyResults) for (const s of [...book.sheets]) if (isAddedSheetName(s.name)) book.removeSheet(s.name);
      if (!this.book.input) this.arrangeTabs();
      const mine = (p: string): boolean => p === this.opts.inputPath || resolve(p) === resolve(this.opts.inputPath);
      const files = result.files.filter((f) => mine(f.path));
      const findings = sortFindings({ files, findings: result.findings.filter((f) => mine(f.file)) });
      const added: { name: string; part: string }[] = [];
      const list = await this.writeList(findings, files);
      added.push({ name: list.name, part: list.part! });
      const summary = await this.writeSummary(result, findings, files);
      added.push({ name: summary.name, part: summary.part! });
      book.activeVisible();
      await book.finish({
        version: 1, kind: this.opts.kind === 'fixed' ? 'fixed' : 'annotated',
        sheets: this.checked, added, xf: book.styles.summary(),
      }, new Date());
      await this.file.commit();
      book.close();
      this.state = 'finished';
    } catch (err) {
      await this.abort();
      if (err instanceof InputError) throw err;
      throw new InputError('output-failed', { out: this.outPath, detail: ioCause(err) });
    }
  }

  /** Stops writing and removes the temporary file; the target is left as it was. Safe to call twice. */
  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    this.book.close();
    await this.file.abort();
  }

  /** A new workbook's sheets in the input's tab order (readers hand them over in file order). */
  private arrangeTabs(): void {
    const sheets = this.book.sheets;
    const pos = new Map(this.sheetsSeen.map((s) => [s.name, s.position]));
    if (sheets.length < 2 || !sheets.every((s) => pos.get(s.name) !== undefined)) return;
    sheets.sort((a, b) => pos.get(a.name)! - pos.get(b.name)!);
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new Error(`AnnotatedWorkbook is ${this.state}`);
  }

  private severityLabel(s: Severity): string {
    return SEVERITY_LABEL[this.opts.lang][s];
  }

  /** Each finding's message, formatted once (a row's note, its result cell and the 问题清单 all show it). */
  private readonly messages = new WeakMap<Finding, string>();

  private message(f: Finding): string {
    let m = this.messages.get(f);
    if (m === undefined) this.messages.set(f, (m = this.opts.messages.format(f, this.opts.lang)));
    return m;
  }

  private noteLine(f: Finding): string {
    const colon = PUNCT[this.opts.lang].colon;
    const head = f.column ? '' : `${placeLabel(f, this.opts.lang)}${colon}`;
    const suggestion = f.suggestion ? `\n→ ${this.t.suggestion}${colon}${f.suggestion}` : '';
    return `[${this.severityLabel(f.severity)}] ${head}${this.message(f)}${suggestion}`;
  }

  /** "1. [错误] J 批准文号：…" for every problem of a row. */
  private problemLines(findings: readonly Finding[]): string[] {
    const colon = PUNCT[this.opts.lang].colon;
    return findings.map((f, i) => {
      const place = f.column ? `${f.column} ${placeLabel(f, this.opts.lang)}` : placeLabel(f, this.opts.lang);
      return `${i + 1}. [${this.severityLabel(f.severity)}] ${place}${colon}${this.message(f)}`;
    });
  }

  /** "1. 批准文号：渝职改办【2019】125号" for every suggestion of a row (each once), numbered. */
  private suggestionLines(findings: readonly Finding[]): string[] {
    const colon = PUNCT[this.opts.lang].colon;
    const seen = new Set<string>();
    for (const f of findings) {
      if (f.suggestion === null) continue;
      seen.add(`${f.column ? `${f.column} ` : ''}${placeLabel(f, this.opts.lang)}${colon}${f.suggestion}`);
    }
    const lines = [...seen];
    return lines.length > 1 ? lines.map((l, i) => `${i + 1}. ${l}`) : lines;
  }

  private uniqueSheetName(base: string): string {
    const taken = new Set(this.book.sheets.map((s) => s.name.toLowerCase()));
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}(${n})`;
    return name;
  }

  /** 问题清单: one row per problem, header frozen and printed on every page, autofilter on. */
  private async writeList(findings: readonly Finding[], files: readonly FileResult[]): Promise<BookSheet> {
    const L = this.t.list;
    const lang = this.opts.lang;
    const severalSheets = new Set(findings.flatMap((f) => (f.sheet === null ? [] : [f.sheet]))).size > 1
      || files.reduce((n, f) => n + f.sheets.length, 0) > 1;
    type Col = TableColumn & { get: (f: Finding) => string | number | null };
    const cols: Col[] = [];
    if (severalSheets) cols.push({ header: L.sheet, min: 8, max: 16, get: (f) => f.sheet });
    cols.push(
      { header: L.row, min: 5, max: 7, get: (f) => f.row },
      { header: L.name, min: 8, max: 12, get: (f) => (f.row === null ? null : (this.names.get(`${f.sheet}\u0000${f.row}`) ?? null)) },
      { header: L.field, min: 8, max: 18, wrap: true, get: (f) => placeLabel(f, lang) },
      { header: L.severity, min: 6, max: 8, get: (f) => this.severityLabel(f.severity) },
      { header: L.message, min: 30, max: 60, wrap: true, get: (f) => this.message(f) },
      { header: L.suggestion, min: 12, max: 30, wrap: true, get: (f) => f.suggestion },
      { header: L.rule, min: 10, max: 26, get: (f) => f.rule },
      { header: L.cell, min: 6, max: 8, get: (f) => (f.column && f.row !== null ? `${f.column}${f.row}` : null) },
      { header: L.value, min: 10, max: 30, wrap: true, get: (f) => f.value },
    );
    const sevCol = cols.findIndex((c) => c.header === L.severity);
    // One style change per severity, the same object for every row of it (the table keeps a style per change).
    const severityStyles = Object.fromEntries((Object.keys(FILLS) as Severity[]).map((sev) => {
      const styles: (object | undefined)[] = [];
      styles[sevCol] = { fill: FILLS[sev] };
      return [sev, styles];
    })) as Record<Severity, (object | undefined)[]>;
    const rows = function* (): Generator<TableRow> {
      for (const f of findings) {
        const styles = severityStyles[f.severity];
        yield { values: cols.map((c) => c.get(f)), styles, group: `${f.sheet}\u0000${f.row}` };
      }
    };
    return this.book.addTable(this.uniqueSheetName(this.t.listSheet), cols, rows, { filter: true });
  }

  /** 汇总: inputs, time, totals, counts per rule and severity, notices, how to fix. */
  private async writeSummary(result: CheckResult, findings: readonly Finding[], files: readonly FileResult[]): Promise<BookSheet> {
    const t = this.t;
    const lang = this.opts.lang;
    const s = summarize({ ...result, files: [...files], findings: [...findings] });
    const rows = files.length ? s.rows : this.dataRows;
    const lines: SummaryLine[] = [];
    const add = (values: (string | number | null)[], bold = false, head = false): void => {
      lines.push({ values, bold, head });
    };
    add([t.title], true);
    add([t.input, this.opts.inputPath]);
    add([t.output, this.outPath]);
    add([t.time, localTime(result.startedAt)]);
    const sheetLines = files.length
      ? files.flatMap((f) => f.sheets.map((x) => t.sheetLine(x.name, x.headerRow, x.rows)))
      : this.sheetsSeen.filter((x) => x.header).map((x) => t.sheetLine(x.name, x.header!.row, 0));
    add([t.sheets, sheetLines.join('\n')]);
    add([t.rows, rows]);
    add([t.rowsWithErrors, s.rowsWithErrors]);
    add([t.rowsWithWarnings, s.rowsWithWarnings]);
    add([t.errors, s.errors]);
    add([t.warnings, s.warnings]);
    add([t.infos, s.infos]);
    for (const f of files) for (const notice of f.notices) add([t.notices, formatNotice(notice, lang)]);
    if (findings.length) add([t.notices, t.howTo]);
    add([]);
    const counts = countByRule(findings);
    if (counts.length === 0) add([t.noProblems], true);
    else {
      add([t.byRule.rule, t.byRule.description, t.byRule.severity, t.byRule.count], true, true);
      for (const c of counts) add([c.rule, this.opts.messages.description(c.rule, lang), this.severityLabel(c.severity), c.count]);
    }
    return this.book.addLines(this.uniqueSheetName(t.summarySheet), lines, [28, 70, 10, 8]);
  }
}
