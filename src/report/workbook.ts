/**
 * The annotated workbook: a copy of the input with every original value in place, the problems marked on
 * their cells (fill + note), three result columns at the right of the data, and two added sheets (问题清单,
 * 汇总). Written with exceljs' streaming writer while the input is read, into a temporary file beside the
 * target that is renamed into place only when complete.
 *
 * Cell copying: strings are always written as strings (text beginning with = + - @ stays text), numbers
 * keep their number format, Date cells stay dates, formula cells keep formula and cached result (shared
 * formulas are written as plain formulas), rich text is kept as rich text, hyperlinks are kept, error
 * values are kept. ID numbers are NOT masked here: the workbook is the clerk's own data.
 */
import { resolve } from 'node:path';
import '../read/exceljs-utf8.js';
import ExcelJS from 'exceljs';
import { SEVERITY_LABEL } from '../engine/messages.js';
import type { Finding, Lang, Severity } from '../engine/types.js';
import type { MessageBook } from '../engine/messages.js';
import { InputError, ioCause } from '../errors.js';
import { normalizeCell } from '../model/cell.js';
import { isDateFormat } from '../model/dates.js';
import { columnLetter } from '../model/fields.js';
import { isBlankRow } from '../model/record.js';
import type { RowRole, SheetInfo } from '../read/types.js';
import { columnNumber, countByRule, placeLabel, sortFindings, worstSeverity } from './common.js';
import { formatNotice } from './notices.js';
import { createTempStream } from '../run/atomic-file.js';
import { spoolNotes } from './spool.js';
import { summarize, type CellFix, type CheckResult, type FileResult } from './types.js';

export interface AnnotatedWorkbookOptions {
  lang: Lang;
  messages: MessageBook;
  /** The input's path as the findings name it (`Finding.file`). */
  inputPath: string;
  /**
   * The input uses the 1904 date system: date-formatted serial numbers are shifted so they show the same
   * date (the output uses the 1900 system). Also settable later through `AnnotatedWorkbook.date1904`.
   */
  date1904?: boolean;
}

const WRAP = { wrapText: true, vertical: 'top' } as const;

type StyleParts = Record<string, unknown>;

/**
 * Shared style objects. exceljs remembers a style's id by object identity, but every cell starts with a style
 * object of its own, so styling cells one by one makes it render and hash each style again (most of the
 * writer's time on large sheets). Cells with equal styles here share one object.
 */
export class StyleCache {
  private readonly byKey = new Map<string, StyleParts>();
  private readonly parts = new WeakMap<object, StyleParts>();

  /** The style of a cell with no formatting of its own, one object for all of them. */
  readonly plain: StyleParts = {};

  constructor() {
    this.byKey.set('{}', this.plain);
    this.parts.set(this.plain, {});
  }

  apply(cell: { style: unknown }, patch: StyleParts): void {
    const current = (cell.style && this.parts.get(cell.style as object)) || {};
    const next = { ...current, ...patch };
    const key = JSON.stringify(next);
    let style = this.byKey.get(key);
    if (!style) {
      style = { ...next };
      this.byKey.set(key, style);
      this.parts.set(style, next);
    }
    cell.style = style;
  }
}

/** How much written sheet data may wait for the compressor before the pipeline pauses (see drain). */
const DRAIN_BYTES = 4 * 1024 * 1024;
/** 问题清单 waits for the archive every this many rows. */
const LIST_DRAIN_ROWS = 512;

/** The fill of a cell that --fix corrected (light blue). */
export const FIXED_FILL = 'FFBDD7EE';

/** Cell fills (ARGB). */
export const FILLS: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const VERDICT_FILLS = { pass: 'FFC6EFCE', fix: FILLS.error, check: FILLS.warning } as const;

export const WORKBOOK_TEXT = {
  zh: {
    result: '检查结果', problems: '问题说明', suggestions: '建议修改',
    pass: '通过', fix: '需修改', check: '请核对',
    listSheet: '问题清单', summarySheet: '汇总',
    list: { file: '文件', sheet: '工作表', row: '行号', name: '姓名', field: '字段', severity: '级别', message: '问题', suggestion: '建议值', rule: '规则', cell: '单元格', value: '原值' },
    suggestion: '建议', rowLevel: '整行',
    title: '检查汇总', input: '输入文件', output: '标注文件', time: '检查时间', sheets: '检查的工作表',
    sheetLine: (name: string, header: number | null, rows: number) => (header === null ? `${name}（未检查）` : `${name}（表头第 ${header} 行，${rows} 行数据）`),
    rows: '数据行数', rowsWithErrors: '有错误的行', rowsWithWarnings: '有警告的行', errors: '错误', warnings: '警告', infos: '提示',
    notices: '说明', byRule: { rule: '规则', description: '规则说明', severity: '级别', count: '数量' },
    noProblems: '全部通过，没有发现问题',
    overflow: '本行的检查结果列已有原始数据，未写入；问题如下：',
    fixedNote: (from: string, rules: string) => `[已自动修正] 原值：${from === '' ? '（空）' : from}（${rules}）`,
  },
  en: {
    result: 'Result', problems: 'Problems', suggestions: 'Suggested values',
    pass: 'Pass', fix: 'Fix needed', check: 'Please check',
    listSheet: 'Problems', summarySheet: 'Summary',
    list: { file: 'File', sheet: 'Sheet', row: 'Row', name: 'Name', field: 'Field', severity: 'Severity', message: 'Problem', suggestion: 'Suggested value', rule: 'Rule', cell: 'Cell', value: 'Value' },
    suggestion: 'Suggestion', rowLevel: 'row',
    title: 'Check summary', input: 'Input', output: 'Annotated workbook', time: 'Checked at', sheets: 'Sheets checked',
    sheetLine: (name: string, header: number | null, rows: number) => (header === null ? `${name} (not checked)` : `${name} (header on row ${header}, ${rows} data rows)`),
    rows: 'Data rows', rowsWithErrors: 'Rows with errors', rowsWithWarnings: 'Rows with warnings', errors: 'Errors', warnings: 'Warnings', infos: 'Infos',
    notices: 'Notes', byRule: { rule: 'Rule', description: 'Description', severity: 'Severity', count: 'Count' },
    noProblems: 'All clear, no problems found',
    overflow: 'The result columns of this row already hold data and were not written; the problems are:',
    fixedNote: (from: string, rules: string) => `[fixed automatically] old value: ${from === '' ? '(empty)' : from} (${rules})`,
  },
} as const;

/** Headers of the three result columns in either language (to recognise a workbook checked before). */
const RESULT_HEADERS = [WORKBOOK_TEXT.zh, WORKBOOK_TEXT.en].map((t) => [t.result, t.problems, t.suggestions].join('\u0000'));

/** Excel's last column (XFD). */
const MAX_COLUMNS = 16384;

/** Excel's limit on the text of one cell. */
const MAX_TEXT = 32767;

// Minimal views of exceljs' streaming writer (its typings describe the normal workbook).
export interface XCell {
  value: unknown;
  /** Prefer StyleCache.apply to the setters below on large sheets (shared style objects). */
  style: unknown;
  numFmt: string;
  fill: unknown;
  font: unknown;
  alignment: unknown;
  note: unknown;
}
export interface XRow {
  getCell(col: number): XCell;
  commit(): void;
}
export interface XSheet {
  name: string;
  state?: string;
  /** exceljs's list of merged ranges, written as <mergeCells> when the sheet is committed. */
  _merges: { toString(): string }[];
  columns: unknown[];
  autoFilter: unknown;
  getRow(row: number): XRow;
  commit(): void;
}
export interface XWriter {
  addWorksheet(name: string, options?: { views?: unknown[]; state?: 'visible' | 'hidden' }): XSheet;
  /** Sheets by id (sparse); the order of this array is the order of the tabs. */
  _worksheets: (XSheet | undefined)[];
  views: unknown[];
  commit(): Promise<void>;
  zip: { on(event: 'error', fn: (err: Error) => void): void; abort?(): void };
}

/** Number formats by built-in id, so a format handed over as a number is kept. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  // zh-CN built-ins (Excel/WPS write these ids without a format code).
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

function formatCode(numFmt: string | number | undefined): string | undefined {
  if (typeof numFmt === 'number') return BUILTIN_FORMATS[numFmt];
  if (typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General') return numFmt;
  return undefined;
}

/** Text clipped to Excel's limit on one cell. */
export function text(s: string): string {
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s;
}

/** A solid fill of one colour (ARGB). */
export function solid(argb: string): unknown {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

/** A scalar as exceljs writes it; null for what cannot be written. */
function scalar(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return text(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') return { error: (v as { error: string }).error };
  const t = normalizeCell(v).text;
  return t ? text(t) : null;
}

interface RichRun {
  text: string;
  font?: unknown;
}

/** Shifts relative references of a shared formula from its master cell to another cell (as Excel does). */
export function slideFormula(formula: string, from: string, to: string): string {
  const a = /^([A-Z]+)(\d+)$/.exec(from);
  const b = /^([A-Z]+)(\d+)$/.exec(to);
  if (!a || !b) return formula;
  const dc = columnNumber(b[1]!) - columnNumber(a[1]!);
  const dr = Number(b[2]) - Number(a[2]);
  // Leave text in quotes alone; shift A1 references not followed by "(" (a function name).
  return formula.replace(/("(?:[^"]|"")*")|((?:'[^']*'|[A-Za-z_][\w.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (whole, quoted: string | undefined, sheet: string | undefined, cd: string, col: string, rd: string, row: string, offset: number, all: string) => {
      if (quoted) return whole;
      const prev = all[offset - 1];
      if (prev && /[\w.]/.test(prev)) return whole;
      if (columnNumber(col) === 0 || columnNumber(col) > 16384) return whole;
      const c = cd ? columnNumber(col) : columnNumber(col) + dc;
      const r = rd ? Number(row) : Number(row) + dr;
      if (c < 1 || r < 1) return whole;
      return `${sheet ?? ''}${cd}${columnLetter(c)}${rd}${r}`;
    });
}

export class AnnotatedWorkbook {
  private state: 'open' | 'finished' | 'aborted' = 'open';
  private readonly styles = new StyleCache();
  private readonly t: (typeof WORKBOOK_TEXT)[Lang];
  private readonly sheetNames = new Set<string>();
  private readonly names = new Map<string, string>();
  private readonly sheets: SheetInfo[] = [];
  /** The input's sheets as written, with their tab position where the reader knows it. */
  private readonly inputSheets: { ws: XSheet; position: number | undefined }[] = [];
  private current: {
    ws: XSheet;
    info: SheetInfo;
    /** First of the three result columns, or null for an unchecked sheet. */
    resultCol: number | null;
    /** The result columns were found in the input (a workbook checked before): they are rewritten. */
    reuse: boolean;
    lastRow: number;
    /** Shared-formula masters by address. */
    masters: Map<string, string>;
  } | null = null;
  private dataRows = 0;
  /** See AnnotatedWorkbookOptions.date1904; set it before the rows come (the reader knows it at sheet-start). */
  date1904: boolean;
  private readonly writer: XWriter;

  private constructor(
    private readonly file: AtomicXlsx,
    private readonly opts: AnnotatedWorkbookOptions,
  ) {
    this.writer = file.writer;
    this.t = WORKBOOK_TEXT[opts.lang];
    this.date1904 = opts.date1904 === true;
  }

  /** Opens the temporary file beside `outPath`; an unwritable place is an InputError (output-failed). */
  static async create(outPath: string, opts: AnnotatedWorkbookOptions): Promise<AnnotatedWorkbook> {
    return new AnnotatedWorkbook(await openAtomicXlsx(outPath), opts);
  }

  get outPath(): string {
    return this.file.outPath;
  }

  /** The temporary file written until `finish` (for tests and diagnostics). */
  get temporaryPath(): string {
    return this.file.tmpPath;
  }

  startSheet(info: SheetInfo): void {
    this.assertOpen();
    if (this.current) this.commitSheet();
    const ws = this.writer.addWorksheet(info.name, info.hidden ? { state: 'hidden' } : {});
    this.sheetNames.add(info.name.toLowerCase());
    this.inputSheets.push({ ws, position: info.position });
    this.sheets.push(info);
    let resultCol: number | null = null;
    let reuse = false;
    if (info.header) {
      const headers = info.header.map.headers.map((h) => String(h ?? '').trim());
      for (let i = 0; i + 2 < headers.length; i++) {
        if (RESULT_HEADERS.includes(headers.slice(i, i + 3).join('\u0000'))) {
          resultCol = i + 1;
          reuse = true;
          break;
        }
      }
      if (resultCol === null) {
        let last = 0;
        headers.forEach((h, i) => {
          if (h) last = i + 1;
        });
        const mapped = Object.values(info.header.map.columns).reduce((m, c) => Math.max(m, c ?? 0), 0);
        resultCol = Math.max(info.columnCount, last, mapped) + 1;
      }
      // A sheet that uses Excel's last columns has no room for the result columns: the problems are then
      // only in the cells' notes and in 问题清单.
      if (resultCol + 2 > MAX_COLUMNS) resultCol = null;
    }
    if (info.header && resultCol !== null) {
      const columns: unknown[] = Array.from({ length: resultCol - 1 }, () => ({}));
      columns.push({ width: 10 }, { width: 60 }, { width: 36 });
      ws.columns = columns;
    }
    this.current = { ws, info, resultCol, reuse, lastRow: 0, masters: new Map() };
  }

  /**
   * Writes one row of the input: its values, the marks of its findings, and (with --fix) the cells that were
   * corrected — filled blue, with the old value in the note.
   */
  addRow(row: number, role: RowRole, values: unknown[], findings: Finding[], numFmts?: (string | number | undefined)[], changes: readonly CellFix[] = []): void {
    this.assertOpen();
    const cur = this.current;
    if (!cur) throw new Error('AnnotatedWorkbook.addRow called outside a sheet');
    if (row <= cur.lastRow) throw new Error(`AnnotatedWorkbook.addRow: row ${row} after row ${cur.lastRow}`);
    cur.lastRow = row;
    const r = cur.ws.getRow(row);
    const resultCol = cur.resultCol;
    const inResult = (col: number): boolean => resultCol !== null && col >= resultCol && col < resultCol + 3;

    let collides = false;
    for (let i = 0; i < values.length; i++) {
      const col = i + 1;
      if (cur.reuse && inResult(col)) continue;
      const written = this.writeValue(r.getCell(col), values[i], numFmts?.[i], `${columnLetter(col)}${row}`, cur.masters);
      if (written && inResult(col)) collides = true;
    }

    if (resultCol !== null && role === 'header' && row === cur.info.header?.row) {
      const labels = [this.t.result, this.t.problems, this.t.suggestions];
      labels.forEach((label, k) => {
        if (!cur.reuse && collides) return;
        const cell = r.getCell(resultCol + k);
        cell.value = label;
        this.styles.apply(cell, { font: { bold: true } });
      });
    }

    const map = cur.info.header?.map;
    const isData = role === 'data' && map !== undefined && (findings.length > 0 || !isBlankRow(values, map));
    if (isData) {
      this.dataRows++;
      const nameCol = map.columns.name;
      if (nameCol !== undefined) {
        const name = normalizeCell(values[nameCol - 1]).text;
        if (name) this.names.set(`${cur.info.name}\u0000${row}`, name);
      }
    }

    // Marks on the cells: fill by the worst severity, a note with every message and suggestion.
    const byCell = new Map<number, Finding[]>();
    for (const f of findings) {
      const col = columnNumber(f.column) || 1;
      let list = byCell.get(col);
      if (!list) byCell.set(col, (list = []));
      list.push(f);
    }
    const overflow = isData && resultCol !== null && collides && findings.length > 0;
    if (overflow && !byCell.has(1)) byCell.set(1, []);
    for (const change of changes) {
      const col = columnNumber(change.column);
      if (col && !byCell.has(col)) byCell.set(col, []);
    }
    for (const [col, list] of byCell) {
      const cell = r.getCell(col);
      const worst = worstSeverity(list);
      const change = changes.find((c) => columnNumber(c.column) === col);
      if (worst) this.styles.apply(cell, { fill: solid(FILLS[worst]) });
      else if (change) this.styles.apply(cell, { fill: solid(FIXED_FILL) });
      const lines = list.map((f) => this.noteLine(f));
      if (change) lines.unshift(this.t.fixedNote(change.from, change.rules.join(', ')));
      if (col === 1 && overflow) lines.push(this.t.overflow, ...this.problemLines(findings));
      if (lines.length) cell.note = text(lines.join('\n'));
    }

    // The three result columns.
    if (isData && resultCol !== null && !collides) {
      const worst = worstSeverity(findings);
      const verdict = worst === null ? 'pass' : worst === 'error' ? 'fix' : 'check';
      const v = r.getCell(resultCol);
      v.value = this.t[verdict];
      this.styles.apply(v, { fill: solid(VERDICT_FILLS[verdict]) });
      if (findings.length) {
        const p = r.getCell(resultCol + 1);
        p.value = text(this.problemLines(findings).join('\n'));
        this.styles.apply(p, { alignment: WRAP });
        const suggestions = this.suggestionLines(findings);
        if (suggestions.length) {
          const s = r.getCell(resultCol + 2);
          s.value = text(suggestions.join('\n'));
          this.styles.apply(s, { alignment: WRAP });
        }
      }
    }
    r.commit();
  }

  /**
   * Waits until the rows written so far have moved on towards the file: yields to the event loop, and while
   * the sheet's compressor holds more than DRAIN_BYTES, waits for it. Called between batches of rows.
   */
  async drain(ws: XSheet | undefined = this.current?.ws): Promise<void> {
    do await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.bufferedBytes(ws) > DRAIN_BYTES && !this.file.failed());
  }

  /** Bytes of the sheet `ws` (the current one by default) written but not yet compressed into the file. */
  bufferedBytes(ws: XSheet | undefined = this.current?.ws): number {
    // The sheet's stream is piped into the archive through readable-stream 2 PassThroughs, which have no
    // writableLength: their state says what waits for the compressor.
    type Pipe = { writableLength?: number; _writableState?: { length?: number } };
    const pipes = (ws as { _stream?: { pipes?: Pipe[] } } | undefined)?._stream?.pipes ?? [];
    return pipes.reduce((n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0), 0) + this.file.pendingBytes();
  }

  /**
   * Ends the current sheet. `merges` are its merged ranges when the reader learnt them only by the sheet's
   * end (they are written with the sheet, so they are taken until then).
   */
  async endSheet(merges?: readonly string[]): Promise<void> {
    this.assertOpen();
    if (this.current && merges?.length) this.current.info = { ...this.current.info, merges: [...merges] };
    if (this.current) this.commitSheet();
  }

  /** Adds 问题清单 and 汇总, writes the file out and renames it into place. */
  async finish(result: CheckResult): Promise<void> {
    this.assertOpen();
    try {
      if (this.current) this.commitSheet();
      const mine = (p: string): boolean => p === this.opts.inputPath || resolve(p) === resolve(this.opts.inputPath);
      const files = result.files.filter((f) => mine(f.path));
      const findings = sortFindings({ files, findings: result.findings.filter((f) => mine(f.file)) });
      await this.writeList(findings, files);
      this.writeSummary(result, findings, files);
      this.arrangeTabs();
      await this.file.commit();
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
    await this.file.abort();
  }

  /**
   * Readers hand sheets over in the order the file stores them, which can differ from the order of the tabs;
   * when every input sheet's tab position is known, the tabs are put back in that order (added sheets last).
   * exceljs' streaming writer lists sheets in the order of its `_worksheets` array and has no public way
   * to change it; the ids (and so the sheet files) stay as they are.
   */
  private arrangeTabs(): void {
    const inputs = this.inputSheets;
    if (inputs.length > 1 && inputs.every((x) => x.position !== undefined)) {
      const sorted = [...inputs].sort((a, b) => a.position! - b.position!);
      if (sorted.some((x, i) => x !== inputs[i])) {
        const all = this.writer._worksheets.filter((w): w is XSheet => w !== undefined);
        const added = all.filter((w) => !inputs.some((x) => x.ws === w));
        this.writer._worksheets = [...sorted.map((x) => x.ws), ...added];
      }
    }
    // A hidden first sheet must not be the one that opens.
    const tabs = this.writer._worksheets.filter((w): w is XSheet => w !== undefined);
    const active = tabs.findIndex((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
    if (active > 0) this.writer.views = [{ x: 0, y: 0, width: 12000, height: 24000, activeTab: active, firstSheet: active }];
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new Error(`AnnotatedWorkbook is ${this.state}`);
  }

  private commitSheet(): void {
    const cur = this.current;
    if (!cur) return;
    // The input's merged ranges (title rows, mostly), except any that would cover the result columns. They go
    // straight into exceljs's list: its mergeCells() would have to touch rows already written.
    const first = cur.resultCol;
    for (const ref of cur.info.merges ?? []) {
      const [a, b] = ref.split(':').map((x) => columnNumber(x.replace(/\d+$/, '')));
      if (first !== null && a! <= first + 2 && b! >= first) continue;
      cur.ws._merges.push({ toString: () => ref });
    }
    cur.ws.commit();
    this.current = null;
  }

  /** Copies one original value; returns whether anything was written. */
  private writeValue(cell: XCell, v: unknown, numFmt: string | number | undefined, address: string, masters: Map<string, string>): boolean {
    if (v === null || v === undefined || v === '') return false;
    cell.style = this.styles.plain;
    const code = formatCode(numFmt);
    if (typeof v === 'number' && Number.isFinite(v)) {
      cell.value = this.date1904 && isDateFormat(numFmt) ? v + 1462 : v;
      if (code) this.styles.apply(cell, { numFmt: code });
      return true;
    }
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) return false;
      cell.value = v;
      this.styles.apply(cell, { numFmt: code && isDateFormat(code) ? code : 'yyyy-mm-dd' });
      return true;
    }
    if (typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.richText)) {
        const runs: RichRun[] = [];
        for (const run of o.richText as unknown[]) {
          const t = (run as { text?: unknown })?.text;
          if (typeof t !== 'string') continue;
          const font = (run as { font?: unknown }).font;
          runs.push(font && typeof font === 'object' ? { text: t, font } : { text: t });
        }
        if (runs.length === 0) return false;
        cell.value = { richText: runs };
        return true;
      }
      if ('formula' in o || 'sharedFormula' in o) {
        let formula = typeof o.formula === 'string' && o.formula ? o.formula : null;
        if (formula) {
          if (o.shareType === 'shared') masters.set(address, formula);
        } else if (typeof o.sharedFormula === 'string' && masters.has(o.sharedFormula)) {
          formula = slideFormula(masters.get(o.sharedFormula)!, o.sharedFormula, address);
        }
        let result = scalar(o.result);
        if (typeof result === 'number' && this.date1904 && isDateFormat(numFmt)) result += 1462;
        if (formula) {
          cell.value = result === null ? { formula } : { formula, result };
        } else if (result !== null) {
          cell.value = result; // a shared formula whose master is unknown: its cached value
        } else return false;
        if (code) this.styles.apply(cell, { numFmt: code });
        else if (o.result instanceof Date) this.styles.apply(cell, { numFmt: 'yyyy-mm-dd' });
        return true;
      }
      if (typeof o.hyperlink === 'string' && o.text !== undefined) {
        const t = scalar(o.text);
        const label = typeof t === 'string' ? t : normalizeCell(o.text).text;
        cell.value = { text: label || o.hyperlink, hyperlink: o.hyperlink };
        return true;
      }
    }
    const s = scalar(v);
    if (s === null) return false;
    cell.value = s;
    if (typeof s === 'number' && code) this.styles.apply(cell, { numFmt: code });
    return true;
  }

  private severityLabel(s: Severity): string {
    return SEVERITY_LABEL[this.opts.lang][s];
  }

  private message(f: Finding): string {
    return this.opts.messages.format(f, this.opts.lang);
  }

  private noteLine(f: Finding): string {
    const colon = this.opts.lang === 'zh' ? '：' : ': ';
    const head = f.column ? '' : `${placeLabel(f, this.opts.lang)}${colon}`;
    const suggestion = f.suggestion ? `\n→ ${this.t.suggestion}${colon}${f.suggestion}` : '';
    return `[${this.severityLabel(f.severity)}] ${head}${this.message(f)}${suggestion}`;
  }

  /** "1. [错误] J 批准文号：…" for every problem of a row. */
  private problemLines(findings: readonly Finding[]): string[] {
    const colon = this.opts.lang === 'zh' ? '：' : ': ';
    return findings.map((f, i) => {
      const place = f.column ? `${f.column} ${placeLabel(f, this.opts.lang)}` : placeLabel(f, this.opts.lang);
      return `${i + 1}. [${this.severityLabel(f.severity)}] ${place}${colon}${this.message(f)}`;
    });
  }

  /** "批准文号：渝职改办【2019】125号" for every suggestion of a row (each once). */
  private suggestionLines(findings: readonly Finding[]): string[] {
    const colon = this.opts.lang === 'zh' ? '：' : ': ';
    const seen = new Set<string>();
    for (const f of findings) {
      if (f.suggestion === null) continue;
      seen.add(`${placeLabel(f, this.opts.lang)}${colon}${f.suggestion}`);
    }
    return [...seen];
  }

  private uniqueSheetName(base: string): string {
    let name = base;
    for (let n = 2; this.sheetNames.has(name.toLowerCase()); n++) name = `${base}(${n})`;
    this.sheetNames.add(name.toLowerCase());
    return name;
  }

  /** 问题清单: one row per problem, header frozen, autofilter on. */
  private async writeList(findings: readonly Finding[], files: readonly FileResult[]): Promise<void> {
    const L = this.t.list;
    const severalFiles = new Set(findings.map((f) => f.file)).size > 1;
    const severalSheets = new Set(findings.flatMap((f) => (f.sheet === null ? [] : [f.sheet]))).size > 1
      || files.reduce((n, f) => n + f.sheets.length, 0) > 1;
    type Col = { header: string; width: number; get: (f: Finding) => string | number | null };
    const cols: Col[] = [];
    if (severalFiles) cols.push({ header: L.file, width: 24, get: (f) => f.file });
    if (severalSheets) cols.push({ header: L.sheet, width: 14, get: (f) => f.sheet });
    cols.push(
      { header: L.row, width: 7, get: (f) => f.row },
      { header: L.name, width: 10, get: (f) => (f.row === null ? null : (this.names.get(`${f.sheet}\u0000${f.row}`) ?? null)) },
      { header: L.field, width: 16, get: (f) => placeLabel(f, this.opts.lang) },
      { header: L.severity, width: 7, get: (f) => this.severityLabel(f.severity) },
      { header: L.message, width: 60, get: (f) => this.message(f) },
      { header: L.suggestion, width: 28, get: (f) => f.suggestion },
      { header: L.rule, width: 24, get: (f) => f.rule },
      { header: L.cell, width: 8, get: (f) => (f.column && f.row !== null ? `${f.column}${f.row}` : null) },
      { header: L.value, width: 28, get: (f) => f.value },
    );
    const ws = this.writer.addWorksheet(this.uniqueSheetName(this.t.listSheet), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    ws.columns = cols.map((c) => ({ width: c.width }));
    ws.autoFilter = `A1:${columnLetter(cols.length)}${findings.length + 1}`;
    const head = ws.getRow(1);
    cols.forEach((c, i) => {
      const cell = head.getCell(i + 1);
      cell.value = c.header;
      this.styles.apply(cell, { font: { bold: true }, fill: solid('FFD9D9D9') });
    });
    head.commit();
    const sevCol = cols.findIndex((c) => c.header === L.severity) + 1;
    for (let k = 0; k < findings.length; k++) {
      const f = findings[k]!;
      const r = ws.getRow(k + 2);
      cols.forEach((c, i) => {
        const v = c.get(f);
        if (v === null || v === '') return;
        const cell = r.getCell(i + 1);
        cell.style = this.styles.plain;
        cell.value = typeof v === 'string' ? text(v) : v;
      });
      this.styles.apply(r.getCell(sevCol), { fill: solid(FILLS[f.severity]) });
      r.commit();
      // A long list streams out as it is written instead of waiting whole in memory.
      if (k % LIST_DRAIN_ROWS === LIST_DRAIN_ROWS - 1) await this.drain(ws);
    }
    ws.commit();
  }

  /** 汇总: inputs, time, totals, counts per rule and severity, notices. */
  private writeSummary(result: CheckResult, findings: readonly Finding[], files: readonly FileResult[]): void {
    const t = this.t;
    const ws = this.writer.addWorksheet(this.uniqueSheetName(t.summarySheet));
    ws.columns = [{ width: 28 }, { width: 60 }, { width: 10 }, { width: 10 }];
    let n = 0;
    const add = (values: (string | number | null)[], bold = false): void => {
      const r = ws.getRow(++n);
      values.forEach((v, i) => {
        if (v === null) return;
        const cell = r.getCell(i + 1);
        cell.value = typeof v === 'string' ? text(v) : v;
        if (bold) this.styles.apply(cell, { font: { bold: true } });
      });
      r.commit();
    };
    const s = summarize({ ...result, files: [...files], findings: [...findings] });
    const rows = files.length ? s.rows : this.dataRows;
    add([t.title], true);
    add([t.input, this.opts.inputPath]);
    add([t.output, this.outPath]);
    add([t.time, localTime(result.startedAt)]);
    const sheetLines = files.length
      ? files.flatMap((f) => f.sheets.map((x) => t.sheetLine(x.name, x.headerRow, x.rows)))
      : this.sheets.filter((x) => x.header).map((x) => t.sheetLine(x.name, x.header!.row, 0));
    add([t.sheets, sheetLines.join('\n')]);
    add([t.rows, rows]);
    add([t.rowsWithErrors, s.rowsWithErrors]);
    add([t.rowsWithWarnings, s.rowsWithWarnings]);
    add([t.errors, s.errors]);
    add([t.warnings, s.warnings]);
    add([t.infos, s.infos]);
    for (const f of files) for (const notice of f.notices) add([t.notices, formatNotice(notice, this.opts.lang)]);
    n++;
    const counts = countByRule(findings);
    if (counts.length === 0) {
      add([t.noProblems], true);
    } else {
      add([t.byRule.rule, t.byRule.description, t.byRule.severity, t.byRule.count], true);
      for (const c of counts) {
        add([c.rule, this.opts.messages.description(c.rule, this.opts.lang), this.severityLabel(c.severity), c.count]);
      }
    }
    ws.commit();
  }
}

export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  return code && !err.message.startsWith(code) ? `${code}: ${err.message}` : err.message;
}

/** "2026-11-27 14:08:00 (UTC+08:00)" in the machine's time zone. */
export function localTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const zone = `UTC${off >= 0 ? '+' : '-'}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} (${zone})`;
}

/** A streaming workbook written atomically (see `openAtomicXlsx`). */
export interface AtomicXlsx {
  readonly outPath: string;
  /** The temporary file written until `commit`. */
  readonly tmpPath: string;
  readonly writer: XWriter;
  /** Bytes waiting to reach the temporary file. */
  pendingBytes(): number;
  /** The file or the archive failed (commit will say how). */
  failed(): boolean;
  /** Writes the workbook out and renames the temporary file into place; an InputError (output-failed) on failure. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is left as it was. Safe to call twice. */
  abort(): Promise<void>;
}

/**
 * Opens exceljs' streaming writer on a temporary file beside `outPath` (as the annotated workbook does);
 * `commit` renames it into place only when complete. For the other workbooks cert-check writes (fix list,
 * template). An unwritable place is an InputError (output-failed).
 */
export async function openAtomicXlsx(outPath: string): Promise<AtomicXlsx> {
  const out = resolve(outPath);
  let tmp: Awaited<ReturnType<typeof createTempStream>>;
  try {
    tmp = await createTempStream(out);
  } catch (err) {
    throw new InputError('output-failed', { out: outPath, detail: ioCause(err) });
  }
  const stream = tmp.stream;
  // Deflate level 1: the copy is a working file, and the fastest level saves a third of the writing time.
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } }) as unknown as XWriter;
  spoolNotes(writer as unknown as Parameters<typeof spoolNotes>[0]);
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    const fail = (err: Error): void => {
      failure ??= err;
      reject(err);
    };
    stream.on('error', fail);
    writer.zip.on('error', fail);
  });
  failed.catch(() => {});
  let state: 'open' | 'done' = 'open';
  const abort = async (): Promise<void> => {
    if (state !== 'open') return;
    state = 'done';
    try {
      writer.zip.abort?.();
    } catch {
      // the archive is being thrown away
    }
    await tmp.abort();
  };
  return {
    outPath: out,
    tmpPath: tmp.path,
    writer,
    abort,
    pendingBytes: () => stream.writableLength,
    failed: () => failure !== null,
    async commit() {
      if (state !== 'open') throw new Error('AtomicXlsx is closed');
      try {
        await Promise.race([writer.commit(), failed]);
        if (!stream.closed) await new Promise<void>((res) => stream.once('close', () => res()));
        if (failure) throw failure;
        await tmp.commit();
        state = 'done';
      } catch (err) {
        await abort();
        if (err instanceof InputError) throw err;
        throw new InputError('output-failed', { out: outPath, detail: ioCause(err) });
      }
    },
  };
}
