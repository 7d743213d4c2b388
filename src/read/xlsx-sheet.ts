/**
 * One worksheet's XML (xl/worksheets/sheetN.xml) turned into rows of cell values, fed by saxes callbacks.
 *
 * It stands in for exceljs's WorksheetReader, which builds a Row and a Cell object (address, style model,
 * typed value wrapper) for every cell only for cert-check to read the value back out: half of the reading
 * time of a large sheet, and most of its garbage. The values are the shapes exceljs gives (string, number,
 * Date, boolean, {richText}, {formula, result}, {error}), so the rest of cert-check reads them as before,
 * with the corrections listed where exceljs 4.4 goes wrong:
 * - a formula's cached result of 0, '' or false is kept (exceljs drops falsy results, so the cell looked
 *   like a formula never calculated);
 * - shared formulas: the master carries `shareType: 'shared'` and every other cell of the range
 *   `sharedFormula: <master address>` (exceljs gives an empty formula), so the annotated copy keeps them;
 * - an inline string of several runs keeps every run (exceljs kept the last), phonetic runs (<rPh>) left out;
 * - `t="str"` and inline text are not entity-decoded a second time ("&amp;lt;" stays "&lt;");
 * - the format's escapes (_x000D_, _x005F_) are undone, in shared strings too;
 * - `t="d"` (ISO 8601 dates) are dates, `t="e"` results are {error};
 * - a cell without `r` follows the previous one, and namespace prefixes (<x:c>) are understood;
 * - a cell with no `s` has style 0, as the format says (exceljs gave it the row's style).
 */
import { isDateFormat, serialToDate } from '../model/dates.js';
import { columnLetter, refColumn } from '../model/fields.js';

export interface SheetRow {
  /** The `r` of <row>, or NaN when the file gives none. */
  row: number;
  values: unknown[];
  /** Number formats by column index, when any cell has one. */
  numFmts?: (string | number | undefined)[];
}

export interface SheetContext {
  /** Shared strings by index (string or {richText}). */
  sharedStrings: readonly unknown[];
  /** The number format of style index `s`: a format code, a built-in id exceljs has no code for, or undefined. */
  numFmt(s: number): string | number | undefined;
  date1904: boolean;
}

interface Tag {
  name: string;
  attributes: Record<string, string>;
}

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Undoes the format's escapes of characters XML cannot hold (ST_Xstring): "_x000D_" is a carriage return,
 * and "_x005F_" an underscore, so "_x005F_x000D_" is the text "_x000D_". exceljs leaves them as they are.
 */
export function decodeXString(text: string): string {
  return text.includes('_x') ? text.replace(X_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** "x:row" → "row". */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** A date code (a built-in id exceljs has no code for stays a number, as in exceljs: records read it as a date). */
function isDateCode(fmt: string | number | undefined): boolean {
  return typeof fmt === 'string' && isDateFormat(fmt);
}

/** What the text of the current element goes to. */
const enum Into { Nothing, Value, Formula, Inline }

/**
 * Receives saxes's opentag/text/closetag and collects finished rows in `rows` (taken by the caller after
 * each chunk of XML). Also counts formula cells without a cached result.
 */
export class SheetParser {
  /** Rows finished since the caller last emptied this. */
  rows: SheetRow[] = [];
  /** Formula cells with no cached result, and the first of them. */
  noResult = 0;
  firstNoResult = '';
  /** The last row the sheet's <dimension> declares (before <sheetData>), when it declares more than one. */
  declaredLastRow: number | undefined;

  private inData = false;
  private row: SheetRow | null = null;
  private lastRow = 0;
  private anyFmt = false;
  private lastCol = 0;
  // The cell being read.
  private inCell = false;
  private ref = '';
  private col = 0;
  private s = 0;
  private t = '';
  private v: string | null = null;
  private f: string | null = null;
  private fShared = false;
  private fSi = '';
  private fRef = '';
  private inline: string | null = null;
  private inPhonetic = false;
  private into = Into.Nothing;
  /** Shared-formula masters: si → address of the master cell. */
  private readonly masters = new Map<string, string>();

  constructor(private readonly ctx: SheetContext) {}

  open(tag: Tag): void {
    const name = local(tag.name);
    const a = tag.attributes;
    switch (name) {
      case 'dimension': {
        // "A1:T5002" → 5002; a bare "A1" is what writers put when they do not keep the range.
        const last = /^[A-Za-z$]*\$?\d+:[A-Za-z$]*\$?(\d+)$/.exec(a.ref ?? '')?.[1];
        if (!this.inData && last) this.declaredLastRow = Number(last);
        return;
      }
      case 'sheetData':
        this.inData = true;
        return;
      case 'row': {
        if (!this.inData) return;
        const r = a.r === undefined ? NaN : parseInt(a.r, 10);
        this.row = { row: r, values: [] };
        this.lastRow = Number.isInteger(r) && r > 0 ? r : this.lastRow + 1;
        this.anyFmt = false;
        this.lastCol = 0;
        return;
      }
      case 'c':
        if (!this.row) return;
        this.inCell = true;
        this.ref = a.r ?? '';
        this.col = refColumn(a.r) || this.lastCol + 1;
        this.s = a.s === undefined ? 0 : parseInt(a.s, 10) || 0;
        this.t = a.t ?? 'n';
        this.v = null;
        this.f = null;
        this.fShared = false;
        this.inline = null;
        return;
      case 'v':
        if (!this.inCell) return;
        this.v = '';
        this.into = Into.Value;
        return;
      case 'f':
        if (!this.inCell) return;
        this.f = '';
        this.fShared = a.t === 'shared';
        this.fSi = a.si ?? '';
        this.fRef = a.ref ?? '';
        this.into = Into.Formula;
        return;
      case 'is':
        if (this.inCell) this.inline = '';
        return;
      case 'rPh':
        this.inPhonetic = true;
        return;
      case 't':
        if (this.inline !== null && !this.inPhonetic) this.into = Into.Inline;
        return;
      default:
    }
  }

  text(text: string): void {
    switch (this.into) {
      case Into.Value:
        this.v += text;
        return;
      case Into.Formula:
        this.f += text;
        return;
      case Into.Inline:
        this.inline += text;
        return;
      default:
    }
  }

  close(tag: Tag): void {
    const name = local(tag.name);
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        this.into = Into.Nothing;
        return;
      case 'rPh':
        this.inPhonetic = false;
        return;
      case 'c':
        if (this.inCell) this.endCell();
        return;
      case 'row':
        if (!this.row) return;
        this.rows.push(this.row);
        this.row = null;
        return;
      case 'sheetData':
        this.inData = false;
        return;
      default:
    }
  }

  private endCell(): void {
    this.inCell = false;
    this.into = Into.Nothing;
    const col = this.col;
    this.lastCol = col;
    const row = this.row!;
    const fmt = this.ctx.numFmt(this.s);
    const value = this.f !== null ? this.formulaValue(col) : this.plainValue(fmt);
    if (value === undefined) return;
    row.values[col - 1] = value;
    if (fmt !== undefined) {
      if (!this.anyFmt) {
        row.numFmts = [];
        this.anyFmt = true;
      }
      row.numFmts![col - 1] = fmt;
    }
  }

  private plainValue(fmt: string | number | undefined): unknown {
    const v = this.v;
    switch (this.t) {
      case 'inlineStr': {
        const text = this.inline ?? v;
        return text === null ? undefined : decodeXString(text);
      }
      case 's': {
        if (v === null) return undefined;
        const s = this.ctx.sharedStrings[parseInt(v, 10)];
        return s === null ? undefined : s;
      }
      case 'str':
        return v === null ? undefined : decodeXString(v);
      case 'b':
        return v === null ? undefined : parseInt(v, 10) !== 0;
      case 'e':
        return v === null ? undefined : { error: v };
      case 'd': {
        if (v === null) return undefined;
        const d = new Date(v);
        return Number.isNaN(d.getTime()) ? v : d;
      }
      default: {
        if (v === null) return this.inline === null ? undefined : decodeXString(this.inline);
        const n = parseFloat(v);
        return isDateCode(fmt) && Number.isFinite(n) ? serialToDate(n, this.ctx.date1904) : n;
      }
    }
  }

  private formulaValue(col: number): unknown {
    const address = this.ref || `${columnLetter(col)}${this.lastRow}`;
    const out: Record<string, unknown> = {};
    const formula = this.f!;
    if (formula) {
      out.formula = formula;
      if (this.fShared && this.fSi) {
        out.shareType = 'shared';
        if (this.fRef) out.ref = this.fRef;
        this.masters.set(this.fSi, address);
      }
    } else if (this.fShared && this.masters.has(this.fSi)) {
      out.sharedFormula = this.masters.get(this.fSi);
    } else {
      out.formula = '';
    }
    const v = this.v;
    if (v !== null) {
      if (this.t === 'str') out.result = decodeXString(v);
      else if (this.t === 'b') out.result = parseInt(v, 10) !== 0;
      else if (this.t === 'e') out.result = { error: v };
      else out.result = parseFloat(v);
    } else {
      if (!this.noResult) this.firstNoResult = address;
      this.noResult++;
    }
    return out;
  }
}
