/** What the registration sheets (--cards) are made of: a checked row in, a sheet or a reason out. */
import type { RecordAssets } from '../../assets/types.js';
import type { Finding, Severity } from '../../engine/types.js';
import type { FieldKey } from '../../model/fields.js';
import type { CertRecord } from '../../model/record.js';
import type { CellFix } from '../types.js';

/** One data row as the pipeline hands it over once its batch is checked. */
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

/** Receives the checked rows batch by batch (CheckOptions.cards). */
export interface CardSink {
  rows(rows: readonly CheckedRow[], assetsDir: string | null): Promise<void>;
}

/** How the person gets the value in: the platform fills it, upload a file, choose, type, or leave alone. */
export type CardAction = 'auto' | 'upload' | 'choose' | 'type' | 'default' | 'empty';

/** A file to upload. */
export interface CardFile {
  /** The file's name, and its path inside the assets folder ('/' separated). */
  name: string;
  rel: string;
  size: number;
  /** e.g. "JPEG，358×441" or "PDF，3 页". */
  detail: string;
}

export interface CardProblem {
  severity: Severity;
  /** The platform label of the field, or null for a problem of the whole row. */
  label: string | null;
  message: string;
}

/** One line of the sheet: one field of the platform's form. */
export interface CardLine {
  field: FieldKey;
  /** The guide's section, e.g. 三（四）. */
  section: string;
  /** The platform's label. */
  label: string;
  action: CardAction;
  /** Exactly what to type or choose ('' when nothing: empty or default). */
  value: string;
  /** Where the value comes from when not straight from the sheet (corrected, from the ID, by the guide). */
  note: string | null;
  /** One line of the guide for this field. */
  hint: string;
  file: CardFile | null;
  /** Warnings and notes of this field. */
  problems: CardProblem[];
}

/** One registration sheet: one certificate of one person. */
export interface Card {
  source: { file: string; sheet: string; row: number };
  name: string;
  idNumber: string;
  title: string;
  level: string;
  series: string;
  /** How the title was obtained, as the sheet says (评审 when empty). */
  method: string;
  lines: CardLine[];
  /** Warnings and notes that belong to no line of the sheet. */
  rowProblems: CardProblem[];
  /** The photo to show as a thumbnail (path inside the assets folder), or null. */
  photo: { rel: string; size: number } | null;
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
