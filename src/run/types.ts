/** What a check run is asked to do, where it is, and what it gives back. */
import type { NamingPatterns } from '../assets/naming.js';
import type { ReferenceData, Lang, Rule, SeveritySetting } from '../engine/types.js';
import type { InputError, RunWarning } from '../errors.js';
import type { YMD } from '../model/dates.js';
import type { AliasTable } from '../model/fields.js';
import type { SkippedFile } from '../read/index.js';
import type { RowSink } from '../report/sink.js';
import type { CheckResult, OutputKind } from '../report/types.js';
import type { IdValues } from '../util/id-number.js';
import type { RunPlan } from './outcome.js';

export interface CheckOptions {
  inputs: string[];
  /** Folder of photos and PDFs; default: the first input's folder. Null: do not check assets. */
  assets?: string | null;
  /** Annotated workbook path (one input only). */
  out?: string;
  outDir?: string;
  /** Write no annotated workbook. */
  noOut?: boolean;
  /** Apply every certain correction and write <name>.fixed.xlsx instead of the .checked.xlsx. */
  fix?: boolean;
  lang: Lang;
  encoding?: string;
  /** Text delimiter override (--delimiter). */
  delimiter?: string;
  maxRows?: number;
  cacheFile?: string;
  aliases?: AliasTable;
  severities?: Readonly<Record<string, SeveritySetting>>;
  data?: ReferenceData;
  assetPatterns?: NamingPatterns;
  today?: YMD;
  rules?: readonly Rule[];
  /** Called as each input starts and every few hundred rows (a terminal's progress line). */
  onProgress?: (progress: CheckProgress) => void;
  /** Called with the assets folder (absolute) before any input is read; may throw an InputError (--fix-photos). */
  onAssetsDir?: (dir: string) => void;
  /**
   * Called once before anything is written, with every input, the annotated workbook of each and the
   * assets folder as listed: the command line's output guard (src/run/output-guard.ts) refuses the run
   * here (an InputError) when an output would overwrite an input, an asset or another output.
   */
  beforeWork?: (plan: RunPlan) => void;
  /**
   * Called when the last input's rows are checked, while its annotated workbook is being finished on its thread:
   * the report can format its problems meanwhile (Reporter.prepare). The result is the run's as far as it goes.
   */
  whileWriting?: (result: RunResult) => void;
  /**
   * Outputs of the whole run (fix list, fixed photos, registration sheets): each sees every sheet and row of
   * every input, then finishes with the run's result (in this order), or is aborted when nothing could be
   * read or the run fails.
   */
  sinks?: readonly RowSink[];
}

/** Where a run is: which input of how many, and the row reached in its sheet. */
export interface CheckProgress {
  file: string;
  /** 0-based position of the input, and how many inputs there are. */
  fileIndex: number;
  files: number;
  sheet: string | null;
  /** The last row read (as the spreadsheet numbers it), 0 before the first. */
  row: number;
  /** The sheet's last row when known before reading it (SheetInfo.lastRow), else null. */
  lastRow: number | null;
  /** Data rows checked in this input so far. */
  rows: number;
}

/** The result, plus inputs that could not be read and main outputs that could not be written (exit 2). */
export interface RunResult extends CheckResult {
  /** kind 'output': an annotated workbook (or fixed copy) that could not be written; `path` is the output. */
  failures: { path: string; error: InputError; kind?: 'input' | 'output' }[];
  /** What the run could not do without spoiling the check (secondary outputs, unreadable asset names…). */
  warnings: RunWarning[];
  /** Every file written, and every output that failed (main and secondary), for the summary. */
  outputs: { path: string; kind: OutputKind; written: boolean }[];
  /** The assets folder checked (absolute), or null. */
  assetsDir: string | null;
  /** Files and folders that folder scans did not check, with the reason. */
  skipped: SkippedFile[];
  /** Photos, PDFs and system files in the scanned folders (counted, not listed). */
  otherFiles: number;
  /** Malformed 身份证号 values, for the reports to mask wherever they appear. */
  idValues: IdValues;
}
