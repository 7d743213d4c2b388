/**
 * .xlsx through exceljs's streaming WorkbookReader: the workbook is never held in memory. Every sheet is
 * read in the order the zip stores it (which is the sheet1.xml, sheet2.xml… order, normally the tab
 * order); rows come as exceljs shapes, indexed from column A, with their number formats.
 */
import './exceljs-utf8.js';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import { DEFAULT_ALIASES, columnLetter } from '../model/fields.js';
import { SheetAssembler, type RawRow, type RowBudget } from './header.js';
import { DEFAULT_MAX_ROWS } from './limits.js';
import type { InputReader, Notice, ReadEvent, ReadOptions } from './types.js';

/** The parts of exceljs's streaming reader that are used (its typings do not declare them). */
interface StyleManagerLike {
  model?: { styles?: ({ numFmtId?: number } | undefined)[] };
  getStyleModel(id: number): object | null;
}

interface WorkbookReaderLike extends AsyncIterable<WorksheetReaderLike> {
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { name?: string }[] };
  styles?: StyleManagerLike;
  stream?: { destroy?: () => void };
}

interface WorksheetReaderLike extends AsyncIterable<RowLike> {
  name?: string;
  /** N of xl/worksheets/sheetN.xml. */
  id?: number | string;
  state?: string;
}

interface CellLike {
  value: unknown;
  style?: { numFmt?: string } & object;
}

interface RowLike {
  number: number;
  eachCell(options: { includeEmpty: boolean }, fn: (cell: CellLike, col: number) => void): void;
}

export const XLSX_READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  entries: 'ignore',
} as const;

/**
 * exceljs knows no format code for the CJK built-in formats (27–36, 50–58, e.g. 31 = yyyy年m月d日), so
 * their cells carry no numFmt and their dates come back as serials. Each style id's model object is
 * shared by every cell of that style, so the model's identity gives back the numFmtId.
 */
const numFmtIdCache = new WeakMap<object, Map<object, number>>();

function numFmtIds(styles: StyleManagerLike | undefined): Map<object, number> {
  if (!styles) return new Map();
  let map = numFmtIdCache.get(styles);
  if (map) return map;
  map = new Map();
  const xfs = styles.model?.styles ?? [];
  for (let i = 1; i < xfs.length; i++) {
    const id = xfs[i]?.numFmtId;
    if (!id) continue;
    const model = styles.getStyleModel(i) as { numFmt?: string } | null;
    if (model && model.numFmt === undefined) map.set(model, id);
  }
  numFmtIdCache.set(styles, map);
  return map;
}

function isFormulaWithoutResult(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return ('formula' in v || 'sharedFormula' in v) && v.result === undefined;
}

export class XlsxReader implements InputReader {
  readonly format = 'xlsx' as const;
  private is1904 = false;

  constructor(
    private readonly path: string,
    private readonly options: ReadOptions = {},
    /** Merged ranges by sheet part, from the sniffing pass (the streaming reader does not report them). */
    private readonly merges: Record<string, string[]> = {},
  ) {}

  /** From the workbook properties; known once the first sheet-start has been emitted. */
  get date1904(): boolean {
    return this.is1904;
  }

  async *events(): AsyncGenerator<ReadEvent> {
    const path = this.path;
    const budget: RowBudget = { path, max: this.options.maxRows ?? DEFAULT_MAX_ROWS, rows: 0 };
    const aliases = this.options.aliases ?? DEFAULT_ALIASES;
    let reader: WorkbookReaderLike | null = null;
    try {
      reader = new ExcelJS.stream.xlsx.WorkbookReader(path, XLSX_READER_OPTIONS) as unknown as WorkbookReaderLike;
      let index = 0;
      for await (const ws of reader) {
        index++;
        this.is1904 = reader.properties?.model?.date1904 === true;
        const fmtIds = numFmtIds(reader.styles);
        const position = reader.model?.sheets?.findIndex((s) => s.name === ws.name) ?? -1;
        const sheet = new SheetAssembler(ws.name ?? `Sheet${index}`, {
          aliases,
          budget,
          hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
          merges: ws.id !== undefined ? this.merges[`xl/worksheets/sheet${ws.id}.xml`] : undefined,
          ...(position >= 0 ? { position } : {}),
        });
        let noResult = 0;
        let firstNoResult = '';
        for await (const row of ws) {
          const rowNumber = Number.isInteger(row.number) && row.number > 0 ? row.number : sheet.last + 1;
          const values: unknown[] = [];
          const fmts: (string | number | undefined)[] = [];
          let anyFmt = false;
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            const value = cell.value;
            values[col - 1] = value;
            const fmt = cell.style?.numFmt ?? (cell.style ? fmtIds.get(cell.style) : undefined);
            if (fmt !== undefined) {
              fmts[col - 1] = fmt;
              anyFmt = true;
            }
            if (isFormulaWithoutResult(value)) {
              if (!noResult) firstNoResult = `${columnLetter(col)}${rowNumber}`;
              noResult++;
            }
          });
          const raw: RawRow = { row: rowNumber, values: Array.from(values) };
          if (anyFmt) raw.numFmts = Array.from({ length: values.length }, (_, i) => fmts[i]);
          yield* sheet.push(raw);
        }
        const extra: Notice[] = noResult
          ? [{ id: 'formula-no-result', sheet: sheet.name, data: { sheet: sheet.name, count: noResult, cell: firstNoResult } }]
          : [];
        yield* sheet.end(extra);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError('corrupt-xlsx', { path, detail: shortDetail(e) });
    } finally {
      reader?.stream?.destroy?.();
    }
  }
}

/** An exceljs/sax/unzip error in a few words (first line, no stack, no absolute paths). */
export function shortDetail(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split('\n')[0] ?? '').replace(/\s+/g, ' ').trim().slice(0, 120) || 'unreadable';
}
