/**
 * .xls/.et (BIFF8 from Excel and WPS, BIFF5 from Excel 95) and .ods, read with SheetJS (the maintained
 * build published as @e965/xlsx). SheetJS parses a whole workbook at once, so the file is checked first
 * (./cfb.ts for the compound file, ./ods-scan.ts for the cells an .ods declares, limits in ./limits.ts), and
 * the parse runs in a reading process of its own (./sheetjs-process.ts) under a heap cap and a time limit.
 *
 * The cells come out in the shapes the .xlsx reader gives (see ./xlsx-sheet.ts), so that the same records
 * give the same findings: text as strings, numbers as numbers with their number format, a number with a
 * date format as a Date at UTC midnight (the format kept, so that a year-month format still reads as one),
 * booleans, errors as {error}. A formula cell gives its cached value only: the annotated copy of such an
 * input is a new workbook of values, and a formula translated from BIFF could be wrong there.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { isDateFormat, serialToDate } from '../model/dates.js';
import { DEFAULT_ALIASES, columnLetter } from '../model/fields.js';
import { SheetAssembler, type RawRow, type RowBudget } from './header.js';
import { DEFAULT_MAX_ROWS } from './limits.js';
import type { InputReader, ReadEvent, ReadOptions } from './types.js';

/** The parts of a SheetJS cell, workbook and sheet that are read (its own typings are looser). */
interface SjsCell {
  t: 'b' | 'n' | 'e' | 's' | 'd' | 'z';
  v?: unknown;
  z?: string | number;
  w?: string;
}
interface SjsSheet {
  '!data'?: (SjsCell | undefined)[][];
  '!merges'?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  '!type'?: string;
}
interface SjsBook {
  SheetNames: string[];
  Sheets: Record<string, SjsSheet | undefined>;
  Workbook?: { WBProps?: { date1904?: boolean }; Sheets?: { Hidden?: number }[] };
}
interface SheetJS {
  read(data: Buffer, opts: Record<string, unknown>): SjsBook;
  set_cptable(table: unknown): void;
  utils: { encode_range(r: { s: { r: number; c: number }; e: { r: number; c: number } }): string };
}

let sheetjs: Promise<SheetJS> | null = null;
let codepages: Promise<void> | null = null;

/** SheetJS, loaded once and only when an .xls or .ods is read. */
function loadSheetJS(): Promise<SheetJS> {
  return (sheetjs ??= import('@e965/xlsx') as unknown as Promise<SheetJS>);
}

/** BIFF5 (Excel 95) keeps text in the file's code page (GBK for Chinese Excel): SheetJS needs its tables. */
async function loadCodepages(x: SheetJS): Promise<void> {
  codepages ??= import('@e965/xlsx/dist/cpexcel.full.mjs').then((cp: unknown) => x.set_cptable(cp));
  return codepages;
}

/** BIFF error codes → the text Excel shows. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

/** A cell as the .xlsx reader gives it, with its number format (undefined for General). */
export function cellValue(cell: SjsCell | undefined, date1904: boolean): { value: unknown; fmt?: string } | undefined {
  if (!cell) return undefined;
  const fmt = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : undefined;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? { value: cell.v, fmt } : undefined;
    case 'n': {
      if (typeof cell.v !== 'number') return undefined;
      const value = fmt && Number.isFinite(cell.v) && isDateFormat(fmt) ? serialToDate(cell.v, date1904) : cell.v;
      return { value, fmt };
    }
    case 'b':
      return { value: Boolean(cell.v), fmt };
    case 'e':
      return { value: { error: cell.w ?? (typeof cell.v === 'number' ? ERRORS[cell.v] : undefined) ?? '#N/A' }, fmt };
    case 'd':
      return cell.v instanceof Date ? { value: cell.v, fmt } : undefined;
    default:
      return undefined;
  }
}

export class SheetjsReader implements InputReader {
  private constructor(
    readonly format: 'xls' | 'ods',
    private readonly path: string,
    private readonly options: ReadOptions,
    private book: SjsBook | null,
    readonly date1904: boolean,
  ) {}

  /**
   * Reads and parses the whole file (the expensive step, bounded by the reading process's limits); a file
   * SheetJS cannot parse is refused here.
   */
  static async open(path: string, format: 'xls' | 'ods', options: ReadOptions = {}, biff5 = false): Promise<SheetjsReader> {
    const x = await loadSheetJS();
    if (biff5) await loadCodepages(x);
    const data = await readFile(path);
    let book: SjsBook;
    // SheetJS writes warnings about .ods number formats it does not know to the console: not to the clerk.
    const { error, warn } = console;
    console.error = console.warn = () => {};
    try {
      book = x.read(data, {
        type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false,
        cellStyles: false, sheetStubs: false, bookVBA: false, bookDeps: false, WTF: false,
      });
    } catch (e) {
      const detail = shortDetail(e);
      if (/password|encrypt/i.test(detail)) throw new InputError('encrypted-xlsx', { path });
      throw new InputError(format === 'xls' ? 'corrupt-xls' : 'corrupt-xlsx', { path, detail });
    } finally {
      console.error = error;
      console.warn = warn;
    }
    if (!Array.isArray(book?.SheetNames) || !book.Sheets) throw new InputError(format === 'xls' ? 'corrupt-xls' : 'corrupt-xlsx', { path, detail: 'no sheets' });
    return new SheetjsReader(format, path, options, book, book.Workbook?.WBProps?.date1904 === true);
  }

  async *events(): AsyncGenerator<ReadEvent> {
    const book = this.book;
    if (!book) return;
    const budget: RowBudget = { path: this.path, max: this.options.maxRows ?? DEFAULT_MAX_ROWS, rows: 0 };
    const aliases = this.options.aliases ?? DEFAULT_ALIASES;
    try {
      for (const [position, name] of book.SheetNames.entries()) {
        const ws = book.Sheets[name];
        // A chart sheet or a macro sheet holds no records.
        if (!ws || (ws['!type'] && ws['!type'] !== 'sheet')) continue;
        const hidden = (book.Workbook?.Sheets?.[position]?.Hidden ?? 0) > 0;
        const merges = (ws['!merges'] ?? []).slice(0, MAX_MERGES).map((m) => `${ref(m.s)}:${ref(m.e)}`);
        const sheet = new SheetAssembler(name, { aliases, budget, hidden, position, merges });
        const data = ws['!data'] ?? [];
        for (let r = 0; r < data.length; r++) {
          const cells = data[r];
          if (!cells) continue;
          const raw: RawRow = { row: r + 1, values: [] };
          for (let c = 0; c < cells.length; c++) {
            const got = cellValue(cells[c], this.date1904);
            if (!got) continue;
            raw.values[c] = got.value;
            if (got.fmt !== undefined) (raw.numFmts ??= [])[c] = got.fmt;
          }
          data[r] = []; // what was read is let go as the sheet is walked
          if (raw.values.length) yield* sheet.push(raw);
        }
        book.Sheets[name] = undefined;
        yield* sheet.end([], merges);
      }
    } finally {
      this.book = null;
    }
  }

  async close(): Promise<void> {
    this.book = null;
  }
}

/** More merged ranges than this in one sheet are not kept (as in the .xlsx reader). */
const MAX_MERGES = 10_000;

/** {r: 0, c: 0} → "A1". */
function ref(p: { r: number; c: number }): string {
  return `${columnLetter(p.c + 1)}${p.r + 1}`;
}

/** A SheetJS error in a few words (first line, no stack). */
function shortDetail(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split('\n')[0] ?? '').replace(/\s+/g, ' ').trim().slice(0, 120) || 'unreadable';
}
