/** What the registration sheets (--cards) are made of: a checked row in (src/report/sink.ts), a sheet or a reason out. */
import type { DistrictProfile } from '../../data/district.js';
import type { Severity } from '../../engine/types.js';
import type { FieldKey } from '../../model/fields.js';

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

/** What a hint may depend on: the row's level, how the title was obtained, the year it was obtained, the district. */
export interface HintContext {
  district: DistrictProfile;
  senior: boolean;
  /** Canonical method (评审, 初定, 确认, 考试, 认定) or null when unrecognised. */
  method: string | null;
  obtainYear: number | null;
}

/** The platform's fields a sheet shows: every canonical field but 取得方式 (the platform has no such field). */
export type FormFieldKey = Exclude<FieldKey, 'method'>;
