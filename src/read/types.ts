/** What a reader hands the pipeline: every sheet and every row, in order, with the header row found. */
import type { ColumnMap } from '../model/record.js';

/** Why a row is there: rows above the header, the header itself, data rows, or rows of an unchecked sheet. */
export type RowRole = 'before-header' | 'header' | 'data' | 'other';

export interface SheetInfo {
  name: string;
  /** The header row (1-based) and its column map; null when the sheet has no recognisable header. */
  header: { row: number; map: ColumnMap } | null;
  /** Widest row seen in the header search (a hint for writers). */
  columnCount: number;
  /** Every row of the header (more than one for a two-row header); rows with role 'header'. */
  headerRows?: number[];
  /**
   * 0-based position of the sheet among the workbook's tabs. Sheets are emitted in the order the file
   * stores them, which can differ from the tab order (a moved sheet keeps its sheetN.xml).
   */
  position?: number;
  /** The sheet is hidden in the workbook. */
  hidden?: boolean;
  /** Merged ranges of the sheet (e.g. "A1:T1"), where the reader knows them. */
  merges?: string[];
  /**
   * The sheet's last row as known before its rows are read (a progress bar's total): an .xlsx sheet's
   * <dimension>, or for a workbook of one sheet the rows holding a value that the zip check counted.
   */
  lastRow?: number;
}

export type ReadEvent =
  | { type: 'sheet-start'; sheet: SheetInfo }
  | {
      type: 'row';
      /** Row number as the spreadsheet program shows it. */
      row: number;
      role: RowRole;
      /** Cell values as the file holds them (exceljs shapes; strings for CSV), index 0 = column A. */
      values: unknown[];
      numFmts?: (string | number | undefined)[];
    }
  | { type: 'sheet-end'; sheet: SheetInfo }
  | { type: 'notice'; notice: Notice }
  /** The current sheet's last row, learnt after its sheet-start (the zip check's count came later). */
  | { type: 'last-row'; row: number };

/** Something the clerk should know about the input that is not a problem of a row. */
export interface Notice {
  /** Id into the notice messages (src/i18n.ts). */
  id: 'sheet-skipped' | 'duplicate-header' | 'ignored-columns' | 'formula-no-result' | 'truncated-rows' | string;
  sheet?: string;
  data: Record<string, string | number>;
}

export interface ReadOptions {
  /** Text encoding override (e.g. gb18030, utf-8, utf-16le). */
  encoding?: string;
  /** Text delimiter override (',', ';', 'tab', '|'); detected from the header line when absent. */
  delimiter?: string;
  /** Extra header aliases from the config. */
  aliases?: import('../model/fields.js').AliasTable;
  /** Refuse inputs with more data rows than this. */
  maxRows?: number;
}

export type InputFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

export interface InputReader {
  /** What the content is (never the extension): 'xlsx', 'xls' (also WPS .et), 'ods', or 'csv' (any delimited text). */
  format: InputFormat;
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  events(): AsyncIterable<ReadEvent>;
  /** Stops reading and frees what the reader holds (its thread); safe to call more than once. */
  close?(): Promise<void>;
}
