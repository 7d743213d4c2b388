/** What reporters receive: the run's findings and what was read. Reporters are functions of this only. */
import type { MessageBook } from '../engine/messages.js';
import type { Finding, Lang } from '../engine/types.js';
import type { FixedPhoto } from '../assets/fix-photos.js';
import type { FieldKey } from '../model/fields.js';
import { rowKey } from '../model/record.js';
import type { Notice } from '../read/types.js';
import type { SkipReason } from '../read/inputs.js';

/** Every kind of file a check run writes. */
export type OutputKind = 'checked' | 'fixed' | 'fix-list' | 'fixed-photo' | 'cache' | 'report' | 'cards';

export interface SheetResult {
  name: string;
  /** Header row number, or null when the sheet was skipped. */
  headerRow: number | null;
  /** Data rows checked. */
  rows: number;
}

export interface FileResult {
  /** The input path as given (relative to the working directory when it was relative). */
  path: string;
  /** The checked sheets (usually one). */
  sheets: SheetResult[];
  /** Path of the annotated workbook written, or null. */
  annotated: string | null;
  notices: Notice[];
  /** What the input is by its content: an annotated copy of anything but an .xlsx is a new .xlsx workbook. */
  format?: import('../read/types.js').InputFormat;
}

/** A cell that --fix changed. */
export interface CellFix {
  file: string;
  sheet: string;
  row: number;
  column: string;
  field: FieldKey;
  /** The cell's text before and after. */
  from: string;
  to: string;
  /** The rules whose certain correction was applied. */
  rules: string[];
}

export interface CheckResult {
  files: FileResult[];
  findings: Finding[];
  /** Cells --fix changed (absent without --fix). */
  fixes?: CellFix[];
  /** What --fix-photos wrote or left alone, photo by photo (absent without --fix-photos). */
  fixedPhotos?: FixedPhoto[];
  /** The --fix-list workbook written (absent without --fix-list). */
  fixList?: string;
  /** The registration sheets written, and the rows that got none (absent without --cards). */
  cards?: CardsReport;
  messages: MessageBook;
  startedAt: Date;
  /** Files and folders a folder scan (or a repeated argument) passed over, and why (absent: none). */
  skipped?: readonly SkippedInput[];
  /** Photos, PDFs and system files the folder scans met (not records, not listed one by one). */
  otherFiles?: number;
  /** Inputs that could not be read (and main outputs that could not be written: kind 'output'), each with its InputError. */
  failures?: readonly FailedInput[];
  /** Warnings of the run, not of a row (secondary outputs that failed, a cache ignored, unreadable asset names). */
  warnings?: readonly { id: string; text(lang: Lang): string }[];
  /** Every file the run wrote or failed to write (annotated workbooks, fix list, fixed photos, cache…). */
  outputs?: readonly { path: string; kind: string; written: boolean }[];
  /** The run's 身份证号 values that only the field tells apart as IDs (src/util/id-number.ts IdValues): masked everywhere. */
  idValues?: { size: number; mask(text: string): string };
}

/** Why an input was passed over (src/read/inputs.ts); the text is made by reporters (src/report/inputs-text.ts). */
export type { SkipReason };

export interface SkippedInput {
  path: string;
  reason: SkipReason;
  /** A folder rather than a file. */
  folder?: boolean;
}

export interface FailedInput {
  path: string;
  error: { id?: string; text(lang: Lang): string };
  /** 'output': a main output (annotated workbook) that could not be written; else an input. */
  kind?: 'input' | 'output';
}

export interface ReportOptions {
  lang: Lang;
  /** Print resident ID numbers unmasked. */
  showPii: boolean;
  /** List error-level problems only (--quiet); summaries still count everything. */
  quiet?: boolean;
  /** Lift the pretty report's per-rule cap on large inputs (--all). */
  all?: boolean;
}

/** What every report format is given besides the result (src/report/formats). */
export interface FormatOptions extends ReportOptions {
  /** Colour (pretty only). */
  color: boolean;
  /** Paths inside this folder are shown relative to it (default: the working directory). */
  cwd?: string;
}

/** A report format: the run's result as text, in pieces (a report of 10⁵ problems is never one string). */
export type Reporter = ((result: CheckResult, opts: FormatOptions) => Iterable<string>) & {
  /**
   * Formats what it can of the report ahead, while the run's last workbook is being finished on its thread
   * (the report then only puts the pieces together). The result passed is the run's as far as it goes; what
   * was not prepared, or changed since, is formatted when the report is made.
   */
  prepare?: (result: CheckResult, opts: FormatOptions) => void;
};

export interface Summary {
  files: number;
  rows: number;
  rowsWithErrors: number;
  rowsWithWarnings: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Files written and outputs that failed (the JSON summary's outputsWritten / outputsFailed). */
export function outputCounts(result: Pick<CheckResult, 'outputs'>): { outputsWritten: number; outputsFailed: number } {
  let written = 0;
  let failed = 0;
  for (const o of result.outputs ?? []) {
    if (o.written) written++;
    else failed++;
  }
  return { outputsWritten: written, outputsFailed: failed };
}

/** Counts for the summary line and the JSON report. */
export function summarize(result: CheckResult): Summary {
  const errRows = new Set<string>();
  const warnRows = new Set<string>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of result.findings) {
    const key = rowKey(f.file, f.sheet, f.row);
    if (f.severity === 'error') {
      errors++;
      if (f.row !== null) errRows.add(key);
    } else if (f.severity === 'warning') {
      warnings++;
      if (f.row !== null) warnRows.add(key);
    } else infos++;
  }
  const rows = result.files.reduce((n, file) => n + file.sheets.reduce((m, s) => m + s.rows, 0), 0);
  return { files: result.files.length, rows, rowsWithErrors: errRows.size, rowsWithWarnings: warnRows.size, errors, warnings, infos };
}

/** A row that got no sheet, and why. */
export interface MissingCard {
  source: { file: string; sheet: string; row: number };
  name: string;
  /** In full: masked by every output that shows it (unless --show-pii). */
  idNumber: string;
  title: string;
  reasons: { field: FieldKey | null; label: string; rule: string; message: string }[];
}

/** What --cards wrote, for the terminal and JSON reports. */
export interface CardsReport {
  /** The folder of the sheets, and the index page in it. */
  dir: string;
  index: string;
  /** Sheets written and the people they are for. */
  sheets: number;
  people: number;
  /** Rows with errors, which got no sheet. */
  missing: MissingCard[];
}
