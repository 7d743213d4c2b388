/**
 * What a check run hands its outputs, row by row: the annotated workbook (src/report/annotated-sink.ts), the
 * fix list, the fixed photos and the registration sheets each implement `RowSink`, and the application
 * (src/run/) drives them — start sheet, add rows, end sheet, then finish (or abort).
 */
import type { RecordAssets } from '../assets/types.js';
import type { Finding } from '../engine/types.js';
import type { RunWarning } from '../errors.js';
import type { FieldKey } from '../model/fields.js';
import type { CertRecord } from '../model/record.js';
import type { InputFormat, Notice, RowRole, SheetInfo } from '../read/types.js';
import type { CellFix, CheckResult, OutputKind } from './types.js';

/** The input a sheet belongs to. */
export interface SinkInput {
  /** The input's path as the findings name it (`Finding.file`). */
  path: string;
  format: InputFormat;
  /** The workbook counts dates from 1904 (a Mac workbook). */
  date1904: boolean;
  /** The assets folder of the run (absolute), or null when files are not checked. */
  assetsDir: string | null;
}

/** One row of a sheet once its batch is checked. */
export interface SinkRow {
  /** The row number as the spreadsheet shows it. */
  row: number;
  role: RowRole;
  /** The cells as read, or with --fix as corrected. */
  values: unknown[];
  numFmts?: (string | number | undefined)[];
  /** The record of a data row; null for every other row. */
  record: CertRecord | null;
  findings: Finding[];
  /** The cells --fix changed in this row. */
  changes: readonly CellFix[];
  /** The row's photo and attachment (null: not a data row, or files not checked). */
  assets: RecordAssets | null;
  /** The data row as it would be after the certain corrections: only for a sink that `wantsCorrected`. */
  corrected?: CheckedRow;
}

/** A data row after the certain corrections --fix applies (applied or not), with the problems left. */
export interface CheckedRow {
  /** The row after the certain corrections --fix applies (the same as the sheet's row when none applies). */
  record: CertRecord;
  /** The cells those corrections changed, with the sheet's text. */
  changes: readonly CellFix[];
  /** Every problem of the row after the corrections (errors mean: no sheet). */
  findings: readonly Finding[];
  /** The row's photo and attachment, or null when files are not checked (--no-assets). */
  assets: RecordAssets | null;
  /**
   * The value the guide's rules give for a platform field the sheet has no column for (行政区划,
   * 审核机关（单位）, 评审活动是否设置评审专业): what the rule would correct an empty cell to.
   */
  guideValues: Partial<Record<FieldKey, string>>;
}

/** What a sink did when the run finished: the files it wrote or failed to write, and its part of the result. */
export interface SinkOutcome {
  outputs?: { path: string; kind: OutputKind; written: boolean }[];
  /** What it could not do without spoiling the check (a secondary output that failed). */
  warnings?: RunWarning[];
  result?: Pick<CheckResult, 'fixList' | 'fixedPhotos' | 'cards'>;
}

/**
 * An output fed as the rows are checked. `finish` gets the result the sink covers (the input's, for the
 * annotated workbook; the run's, for the others) and says what it wrote; an InputError it throws is an
 * output that could not be written (exit 2). `abort` removes whatever was begun.
 */
export interface RowSink {
  /** Each data row should carry `corrected` (the registration sheets show rows as corrected). */
  readonly wantsCorrected?: boolean;
  startSheet?(sheet: SheetInfo, input: SinkInput): Promise<void>;
  addRows(rows: readonly SinkRow[]): Promise<void>;
  endSheet?(sheet: SheetInfo): Promise<void>;
  /** What the sink has to say about the input it was given (read before `finish`). */
  readonly notices?: readonly Notice[];
  finish(result: CheckResult): Promise<SinkOutcome>;
  abort(): Promise<void> | void;
}
