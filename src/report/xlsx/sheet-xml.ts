/**
 * SpreadsheetML for sheets cert-check makes itself: cells from values, the parts of a worksheet around its
 * rows (views, columns, filter, merges, validations, page setup), and the table-sheet helper that lays out
 * 问题清单, 汇总, the fix list and the template the same way — a bold header row repeated on every printed
 * page and frozen on screen, widths that fit the text, wrapped cells, landscape pages fitted to the width,
 * groups of rows kept on one page.
 */
import { isDateFormat } from '../../model/dates.js';
import { columnLetter } from '../../model/fields.js';
import { normalizeCell } from '../../model/cell.js';
import { displayWidth } from './notes.js';
import type { StyleBook, XfChange } from './styles.js';
import { esc, utf8ToBytes } from './xml.js';

/** Excel's limit on the text of one cell. */
export const MAX_TEXT = 32767;

/** Text clipped to Excel's limit on one cell. */
export function clipText(s: string): string {
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s;
}

/** Days from 1899-12-30 (Excel's serial 0 in the 1900 system, leap-year bug included for dates after Feb 1900). */
export function dateSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Number formats by built-in id, so a format handed over as a number is kept. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** A number format given as code or built-in id → its code (undefined for General). */
export function formatCode(numFmt: string | number | undefined): string | undefined {
  if (typeof numFmt === 'number') return BUILTIN_FORMATS[numFmt];
  if (typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General') return numFmt;
  return undefined;
}

/** Shifts relative references of a shared formula from its master cell to another cell (as Excel does). */
export function slideFormula(formula: string, from: string, to: string): string {
  const a = /^([A-Z]+)(\d+)$/.exec(from);
  const b = /^([A-Z]+)(\d+)$/.exec(to);
  if (!a || !b) return formula;
  const num = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const dc = num(b[1]!) - num(a[1]!);
  const dr = Number(b[2]) - Number(a[2]);
  // Leave text in quotes alone; shift A1 references not followed by "(" (a function name).
  return formula.replace(/("(?:[^"]|"")*")|((?:'[^']*'|[A-Za-z_][\w.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (whole, quoted: string | undefined, sheet: string | undefined, cd: string, col: string, rd: string, row: string, offset: number, all: string) => {
      if (quoted) return whole;
      const prev = all[offset - 1];
      if (prev && /[\w.]/.test(prev)) return whole;
      if (num(col) === 0 || num(col) > 16384) return whole;
      const c = cd ? num(col) : num(col) + dc;
      const r = rd ? Number(row) : Number(row) + dr;
      if (c < 1 || r < 1) return whole;
      return `${sheet ?? ''}${cd}${columnLetter(c)}${rd}${r}`;
    });
}

/** An inline-string cell (text escaped, UTF-8 as latin1 bytes). */
export function textCell(ref: string, text: string, s: number, p = ''): string {
  return `<${p}c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><${p}is><${p}t xml:space="preserve">${utf8ToBytes(esc(clipText(text)))}</${p}t></${p}is></${p}c>`;
}

/** A cell of a scalar value made by cert-check (text, number, boolean, date). */
export function scalarCell(ref: string, v: string | number | boolean | Date | null | undefined, s: number, styles?: StyleBook): string {
  if (v === null || v === undefined || v === '') return s ? `<c r="${ref}" s="${s}"/>` : '';
  if (typeof v === 'string') return textCell(ref, v, s);
  if (typeof v === 'boolean') return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) {
    const ds = styles ? styles.derive(s, { numFmt: 'yyyy-mm-dd' }) : s;
    return `<c r="${ref}" s="${ds}"><v>${dateSerial(v)}</v></c>`;
  }
  return Number.isFinite(v) ? `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${v}</v></c>` : textCell(ref, String(v), s);
}

interface RichRun {
  text?: unknown;
  font?: { bold?: boolean; italic?: boolean; underline?: unknown; strike?: boolean; size?: number; name?: string; color?: { argb?: string } };
}

function runProps(font: RichRun['font']): string {
  if (!font || typeof font !== 'object') return '';
  let p = '';
  if (font.bold) p += '<b/>';
  if (font.italic) p += '<i/>';
  if (font.strike) p += '<strike/>';
  if (font.underline) p += '<u/>';
  if (typeof font.size === 'number') p += `<sz val="${font.size}"/>`;
  if (font.color?.argb && /^[0-9A-Fa-f]{8}$/.test(font.color.argb)) p += `<color rgb="${font.color.argb}"/>`;
  if (typeof font.name === 'string') p += `<rFont val="${utf8ToBytes(esc(font.name))}"/>`;
  return p ? `<rPr>${p}</rPr>` : '';
}

/**
 * Turns the values readers hand over (exceljs shapes: string, number, Date, boolean, {richText}, {formula,
 * result}, {sharedFormula}, {error}, {hyperlink, text}) into cells of a new sheet: strings stay strings (text
 * beginning with = + - @ stays text), numbers keep their number format, dates stay dates, formulas keep formula
 * and cached result (shared formulas written out), rich text keeps its runs, errors stay errors. A value that
 * cannot be written gives no cell.
 */
export class ValueCells {
  /** Shared-formula masters of the current sheet by address. */
  masters = new Map<string, string>();
  /** Hyperlinks of the current sheet: cell and target. */
  links: { ref: string; target: string }[] = [];

  constructor(
    private readonly styles: StyleBook,
    /** The input uses the 1904 date system: date serials are shifted to show the same day. */
    public date1904 = false,
  ) {}

  private fmtStyle(code: string | undefined): number {
    return code ? this.styles.style({ numFmt: code }) : 0;
  }

  /** The cell of value `v` at `ref`, or '' for none. */
  cell(ref: string, v: unknown, numFmt: string | number | undefined): string {
    if (v === null || v === undefined || v === '') return '';
    const code = formatCode(numFmt);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return textCell(ref, String(v), 0);
      const n = this.date1904 && isDateFormat(numFmt) ? v + 1462 : v;
      return `<c r="${ref}"${code ? ` s="${this.fmtStyle(code)}"` : ''}><v>${n}</v></c>`;
    }
    if (typeof v === 'string') return textCell(ref, v, code === '@' ? this.fmtStyle('@') : 0);
    if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) return '';
      return `<c r="${ref}" s="${this.fmtStyle(code && isDateFormat(code) ? code : 'yyyy-mm-dd')}"><v>${dateSerial(v)}</v></c>`;
    }
    if (typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.richText)) {
        const runs = (o.richText as RichRun[]).filter((r) => typeof r?.text === 'string' && r.text !== '');
        if (!runs.length) return '';
        const body = runs.map((r) => `<r>${runProps(r.font)}<t xml:space="preserve">${utf8ToBytes(esc(clipText(r.text as string)))}</t></r>`).join('');
        return `<c r="${ref}" t="inlineStr"><is>${body}</is></c>`;
      }
      if ('formula' in o || 'sharedFormula' in o) {
        let formula = typeof o.formula === 'string' && o.formula ? o.formula : null;
        if (formula) {
          if (o.shareType === 'shared') this.masters.set(ref, formula);
        } else if (typeof o.sharedFormula === 'string' && this.masters.has(o.sharedFormula)) {
          formula = slideFormula(this.masters.get(o.sharedFormula)!, o.sharedFormula, ref);
        }
        const r = o.result;
        const s = code ? ` s="${this.fmtStyle(code)}"` : r instanceof Date ? ` s="${this.fmtStyle('yyyy-mm-dd')}"` : '';
        if (!formula) return r === undefined || r === null ? '' : this.cell(ref, r, numFmt);
        const f = `<f>${utf8ToBytes(esc(formula))}</f>`;
        if (r === undefined || r === null) return `<c r="${ref}"${s}>${f}</c>`;
        if (typeof r === 'number') return `<c r="${ref}"${s}>${f}<v>${this.date1904 && isDateFormat(numFmt) ? r + 1462 : r}</v></c>`;
        if (typeof r === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
        if (r instanceof Date) return `<c r="${ref}"${s}>${f}<v>${dateSerial(r)}</v></c>`;
        if (typeof r === 'object' && typeof (r as { error?: unknown }).error === 'string') return `<c r="${ref}"${s} t="e">${f}<v>${esc((r as { error: string }).error)}</v></c>`;
        return `<c r="${ref}"${s} t="str">${f}<v>${utf8ToBytes(esc(clipText(typeof r === 'string' ? r : normalizeCell(r).text)))}</v></c>`;
      }
      if (typeof o.error === 'string') return `<c r="${ref}" t="e"><v>${esc(o.error)}</v></c>`;
      if (typeof o.hyperlink === 'string' && o.text !== undefined) {
        const label = (typeof o.text === 'string' ? o.text : normalizeCell(o.text).text) || o.hyperlink;
        if (/^(https?|mailto|file):/i.test(o.hyperlink)) this.links.push({ ref, target: o.hyperlink });
        return textCell(ref, label, 0);
      }
    }
    const t = normalizeCell(v).text;
    return t ? textCell(ref, t, 0) : '';
  }
}

/** The head of a new worksheet: views (frozen rows/columns), columns. */
export function sheetHead(opts: {
  widths?: readonly (number | { width: number; style?: number; hidden?: boolean })[];
  freeze?: { rows: number; cols?: number };
  fitToPage?: boolean;
  tabSelected?: boolean;
}): string {
  let xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  if (opts.fitToPage) xml += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  const rows = opts.freeze?.rows ?? 0;
  const cols = opts.freeze?.cols ?? 0;
  xml += `<sheetViews><sheetView workbookViewId="0"${opts.tabSelected ? ' tabSelected="1"' : ''}>`;
  if (rows || cols) {
    const top = `${columnLetter(cols + 1)}${rows + 1}`;
    const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
    xml += `<pane${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''} topLeftCell="${top}" activePane="${pane}" state="frozen"/>`
      + `<selection pane="${pane}" activeCell="${top}" sqref="${top}"/>`;
  }
  xml += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
  const widths = opts.widths ?? [];
  if (widths.length) {
    xml += '<cols>';
    widths.forEach((w, i) => {
      const c = typeof w === 'number' ? { width: w } : w;
      xml += `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.style ? ` style="${c.style}"` : ''}${c.hidden ? ' hidden="1"' : ''}/>`;
    });
    xml += '</cols>';
  }
  return `${xml}<sheetData>`;
}

/** A data validation of a new sheet. */
export interface Validation {
  sqref: string;
  type: 'list' | 'any' | 'textLength' | 'custom';
  formula?: string;
  allowBlank?: boolean;
  prompt?: { title: string; text: string };
  error?: { title: string; text: string; style?: 'stop' | 'warning' | 'information' };
}

/** The end of a new worksheet: from </sheetData> to </worksheet>. */
export function sheetTail(opts: {
  autoFilter?: string;
  merges?: readonly string[];
  validations?: readonly Validation[];
  hyperlinks?: readonly { ref: string; rid: string }[];
  page?: { landscape?: boolean; fitToWidth?: boolean };
  rowBreaks?: readonly number[];
  legacyRid?: string;
}): string {
  let xml = '</sheetData>';
  if (opts.autoFilter) xml += `<autoFilter ref="${opts.autoFilter}"/>`;
  if (opts.merges?.length) xml += `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  if (opts.validations?.length) {
    xml += `<dataValidations count="${opts.validations.length}">`;
    for (const v of opts.validations) {
      let a = v.type === 'any' ? '' : ` type="${v.type}"`;
      if (v.error) a += ` errorStyle="${v.error.style ?? 'stop'}"`;
      if (v.allowBlank) a += ' allowBlank="1"';
      if (v.prompt) a += ' showInputMessage="1"';
      if (v.error) a += ' showErrorMessage="1"';
      if (v.error) a += ` errorTitle="${utf8ToBytes(esc(v.error.title))}" error="${utf8ToBytes(esc(v.error.text))}"`;
      if (v.prompt) a += ` promptTitle="${utf8ToBytes(esc(v.prompt.title))}" prompt="${utf8ToBytes(esc(v.prompt.text))}"`;
      xml += `<dataValidation${a} sqref="${v.sqref}">${v.formula ? `<formula1>${utf8ToBytes(esc(v.formula))}</formula1>` : ''}</dataValidation>`;
    }
    xml += '</dataValidations>';
  }
  if (opts.hyperlinks?.length) xml += `<hyperlinks>${opts.hyperlinks.map((h) => `<hyperlink ref="${h.ref}" r:id="${h.rid}"/>`).join('')}</hyperlinks>`;
  xml += '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
  if (opts.page) {
    xml += `<pageSetup paperSize="9"${opts.page.landscape ? ' orientation="landscape"' : ''}${opts.page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  }
  if (opts.rowBreaks?.length) {
    xml += `<rowBreaks count="${opts.rowBreaks.length}" manualBreakCount="${opts.rowBreaks.length}">${opts.rowBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
  }
  if (opts.legacyRid) xml += `<legacyDrawing r:id="${opts.legacyRid}"/>`;
  return `${xml}</worksheet>`;
}

/** A column of a table sheet. */
export interface TableColumn {
  header: string;
  /** Narrowest and widest width (Excel units); the width fits the longest text in between. */
  min: number;
  max: number;
  /** Wrapped text (long text), top-aligned. */
  wrap?: boolean;
}

export type TableValue = string | number | boolean | Date | null | undefined;

/** A row of a table sheet: values by column, optional style changes by column, and its group. */
export interface TableRow {
  values: readonly TableValue[];
  styles?: readonly (XfChange | undefined)[];
  /** Rows of one group (one person) stay on one printed page together. */
  group?: string;
  /** Starts a group: a line above it. */
  first?: boolean;
}

/** Points per line of 11-point text, and the printable height of a landscape A4 page in points. */
const LINE_PT = 14.5;
const PAGE_PT = (595 - 0.6 * 72 * 2 - 15) * 0.98;
const PAGE_WIDTH_PT = (842 - 0.5 * 72 * 2) * 0.98;
const PT_PER_WIDTH = 5.6;

/** Lines a text takes in a wrapped column of `width` (Excel units). */
export function wrappedLines(text: string, width: number): number {
  const per = Math.max(1, Math.floor(width - 1));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / per)), 0);
}

/**
 * A table sheet: header row (bold, grey, frozen, repeated on printed pages, filter), widths that fit the
 * text, wrapped long columns with row heights that show every line, landscape pages fitted to the width,
 * and rows of one group never split across pages. `rows` is called twice (widths, then cells): the sheet is
 * written in pieces, never whole in memory. Yields the sheet XML (latin1) in pieces.
 */
export function* tableSheet(
  columns: readonly TableColumn[], rows: () => Iterable<TableRow>, styles: StyleBook, opts: { filter?: boolean; legacyRid?: string } = {},
): Generator<string> {
  const widths = columns.map((c) => Math.min(c.max, Math.max(c.min, displayWidth(c.header) + 2)));
  let count = 0;
  for (const r of rows()) {
    count++;
    columns.forEach((c, i) => {
      if (widths[i]! >= c.max) return;
      const v = r.values[i];
      if (v === null || v === undefined || v === '') return;
      const text = v instanceof Date ? '2000-01-01' : String(v);
      let w = 0;
      for (const line of text.split('\n')) w = Math.max(w, displayWidth(line));
      widths[i] = Math.min(c.max, Math.max(widths[i]!, w + 2));
    });
  }
  const head = styles.style({ bold: true, fill: 'FFD9D9D9', wrap: true, border: 'FFBFBFBF' });
  const bodyStyles = new Map<string, number>();
  // A cell without a change of its own (nine of ten) takes one of two styles: no key to make for it.
  const plain: (number | undefined)[] = [undefined, undefined];
  /** The style of a change object already seen (rows usually share their change objects): no key to make. */
  const byChange = [new Map<XfChange, number>(), new Map<XfChange, number>()];
  const body = (wrap: boolean, change?: XfChange): number => {
    if (!change) return (plain[wrap ? 1 : 0] ??= body(wrap, {}));
    const seen = byChange[wrap ? 1 : 0]!;
    const known = seen.get(change);
    if (known !== undefined) return known;
    const key = `${wrap}|${JSON.stringify(change)}`;
    let s = bodyStyles.get(key);
    if (s === undefined) bodyStyles.set(key, (s = styles.style({ wrap, vertical: 'top', border: 'FFD9D9D9', ...change })));
    if (seen.size < 1024) seen.set(change, s);
    return s;
  };
  const headLines = Math.max(...columns.map((c, i) => wrappedLines(c.header, widths[i]!)));
  const letters = columns.map((_, i) => columnLetter(i + 1));
  const lastRow = count + 1;
  yield sheetHead({ widths, freeze: { rows: 1 }, fitToPage: true });
  yield `<row r="1" ht="${(headLines * LINE_PT + 3).toFixed(1)}" customHeight="1">${columns.map((c, i) => textCell(`${columnLetter(i + 1)}1`, c.header, head)).join('')}</row>`;
  const breaks: number[] = [];
  // Printed scale: fitted to the page width (never enlarged); the header row is repeated on every page.
  const scale = Math.min(1, PAGE_WIDTH_PT / widths.reduce((n, w) => n + w * PT_PER_WIDTH + 5, 0));
  const pageRows = PAGE_PT / scale - (headLines * LINE_PT + 3);
  let used = 0;
  let groupStart = 0;
  let groupHeight = 0;
  let prevGroup: string | undefined;
  let k = 0;
  let pending: string[] = [];
  for (const row of rows()) {
    const r = k + 2;
    const lines = Math.max(1, ...columns.map((c, i) => {
      const v = row.values[i];
      if (v === null || v === undefined || v === '' || !c.wrap) return 1;
      return wrappedLines(String(v), widths[i]!);
    }));
    const ht = lines * LINE_PT + 3;
    if (k === 0 || row.group === undefined || row.group !== prevGroup) {
      groupStart = r;
      groupHeight = 0;
    }
    prevGroup = row.group;
    groupHeight += ht;
    if (used + ht > pageRows) {
      // The page is full: break before this row's group when the group fits on a page of its own.
      const whole = groupHeight <= pageRows && groupStart > 2;
      const breakAt = whole ? groupStart - 1 : r - 1;
      if (breakAt > 1 && breaks[breaks.length - 1] !== breakAt) breaks.push(breakAt);
      used = whole ? groupHeight : ht;
    } else used += ht;
    const line = row.first && k > 0 ? { border: 'FF808080' } : undefined;
    let xml = '';
    for (let i = 0; i < columns.length; i++) {
      const change = row.styles?.[i];
      const s = body(columns[i]!.wrap === true, line ? { ...line, ...(change ?? {}) } : change);
      xml += scalarCell(`${letters[i]}${r}`, row.values[i], s, styles);
    }
    pending.push(`<row r="${r}"${lines > 1 ? ` ht="${ht.toFixed(1)}" customHeight="1"` : ''}>${xml}</row>`);
    if (pending.length >= 256) {
      yield pending.join('');
      pending = [];
    }
    k++;
  }
  if (pending.length) yield pending.join('');
  yield sheetTail({
    autoFilter: opts.filter ? `A1:${columnLetter(columns.length)}${lastRow}` : undefined,
    page: { landscape: true, fitToWidth: true },
    rowBreaks: breaks,
    legacyRid: opts.legacyRid,
  });
}

/** The print titles of a sheet whose first `rows` rows are its header: 'name'!$1:$1. */
export function printTitles(sheetName: string, rows = 1): string {
  return `'${sheetName.replace(/'/g, "''")}'!$1:$${rows}`;
}

/** The filter range's defined name text: 'name'!$A$1:$I$40. */
export function filterRange(sheetName: string, columns: number, lastRow: number): string {
  return `'${sheetName.replace(/'/g, "''")}'!$A$1:$${columnLetter(columns)}$${lastRow}`;
}
