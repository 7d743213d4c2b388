/** The JSON report (`--format json`): exactly the contract's document, with a few added fields. */
import type { Finding } from '../engine/types.js';
import type { FixedPhoto } from '../assets/fix-photos.js';
import type { Notice } from '../read/types.js';
import { maskDeep, masker, maskFindingTexts } from './common.js';
import { maskIdValue } from '../util/id-number.js';
import { formatNotice } from '../i18n/notices.js';
import { inputAccount, listedFindings, omittedCounts } from './select.js';
import { jsonCards, type JsonCards } from './cards/text.js';
import { outputCounts, summarize, type CellFix, type CheckResult, type ReportOptions, type Summary } from './types.js';

export interface JsonNotice {
  id: string;
  sheet: string | null;
  message: string;
  data: Record<string, string | number>;
}

export interface JsonFile {
  path: string;
  /** The checked sheet; null when the file had none. */
  sheet: string | null;
  headerRow: number | null;
  rows: number;
  annotated: string | null;
  /** Added: the file's notices (sheets skipped and the like), the same on every entry of the file. */
  notices: JsonNotice[];
  /** Added: what the input is by its content (xlsx, xls — also a WPS .et —, ods, csv — any delimited text). */
  format?: string;
  /** Only for an input that could not be read (contract): the sentence that says why and what to do, and its id. */
  error?: string;
  errorId?: string;
}

/** Added: a file or folder that a folder scan met and did not check, or an input given twice. */
export interface JsonSkipped {
  path: string;
  /** own-output, fix-list, lock-file, hidden-folder, linked-folder, too-deep, text-no-header, unsupported, not-spreadsheet, duplicate */
  reason: string;
  message: string;
  folder?: boolean;
}

/** Added: a warning of the run (a secondary output that failed, a cache ignored, unreadable asset names). */
export interface JsonWarning {
  id: string;
  message: string;
}

/** Added: a file the run wrote, or failed to write. */
export interface JsonOutput {
  path: string;
  kind: string;
  written: boolean;
}

export interface JsonProblem {
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  field: string | null;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  value: string | null;
  suggestion: string | null;
  /** Added: the message's id within the rule. */
  messageId: string;
  /** Added: the column's header as written in the sheet. */
  header: string | null;
}

export interface JsonDocument {
  version: 1;
  summary: Summary;
  files: JsonFile[];
  problems: JsonProblem[];
  /** Added, with --fix: every cell changed in the .fixed.xlsx (from, to, the rules). */
  fixes?: CellFix[];
  /** Added, with --fix-photos: every photo re-encoded or left alone, and why. */
  fixedPhotos?: FixedPhoto[];
  /** Added, with --fix-list: the problem-list workbook written. */
  fixList?: string;
  /** Added, with --cards: the registration sheets written, and every row that got none and why. */
  cards?: JsonCards;
  /**
   * Added, only when some inputs could not be read (they are in `files` too, with `error`) or an annotated
   * workbook could not be written (kind 'output'): which, and why.
   */
  failures?: { path: string; message: string; kind?: 'output' }[];
  /** Added, only when folder scans skipped something or an input was given twice: which, and why. */
  skipped?: JsonSkipped[];
  /** Added, only when folder scans met any: photos, PDFs and system files (not records, not listed). */
  otherFiles?: number;
  /** Added, only with --quiet: the warnings and infos counted in `summary` but not listed in `problems`. */
  omitted?: { warnings: number; infos: number };
  /** Added, only when there are some: warnings of the run (not of a row). */
  warnings?: JsonWarning[];
  /** Added, only when the run wrote (or tried to write) files: each of them. */
  outputs?: JsonOutput[];
}

/** The report as a document (masked unless `showPii`). */
export function jsonDocument(result: CheckResult, opts: ReportOptions): JsonDocument {
  const doc = jsonParts(result, opts);
  return { ...doc.head, problems: [...doc.problems()], ...doc.tail };
}

/**
 * The document in three parts, each masked unless `showPii`: what comes before the problems, the problems
 * one at a time (formatted and masked as they are taken), and what comes after them.
 */
function jsonParts(result: CheckResult, opts: ReportOptions): {
  head: Pick<JsonDocument, 'version' | 'summary' | 'files'>;
  problems: () => Generator<JsonProblem>;
  tail: Omit<JsonDocument, 'version' | 'summary' | 'files' | 'problems'>;
} {
  const mask = masker(opts.showPii, result.idValues);
  const notice = (n: Notice): JsonNotice => ({ id: n.id, sheet: n.sheet ?? null, message: formatNotice(n, opts.lang), data: { ...n.data } });
  const files: JsonFile[] = [];
  for (const file of result.files) {
    const notices = file.notices.map(notice);
    if (file.sheets.length === 0) {
      files.push({ path: file.path, sheet: null, headerRow: null, rows: 0, annotated: file.annotated, notices });
    }
    for (const s of file.sheets) {
      files.push({ path: file.path, sheet: s.name, headerRow: s.headerRow, rows: s.rows, annotated: file.annotated, notices });
    }
    if (file.format) for (let i = files.length - Math.max(1, file.sheets.length); i < files.length; i++) files[i]!.format = file.format;
  }
  // Inputs that could not be read are files of the report too, with the sentence that says why.
  const account = inputAccount(result, opts.lang);
  for (const x of account.unreadable) {
    files.push({ path: x.path, sheet: null, headerRow: null, rows: 0, annotated: null, notices: [], error: x.message, ...(x.errorId ? { errorId: x.errorId } : {}) });
  }
  const tail: Omit<JsonDocument, 'version' | 'summary' | 'files' | 'problems'> = {};
  if (result.fixes) {
    tail.fixes = opts.showPii ? result.fixes : result.fixes.map((c) => (c.field === 'idNumber' ? { ...c, from: maskIdValue(c.from), to: maskIdValue(c.to) } : c));
  }
  if (result.fixedPhotos) tail.fixedPhotos = result.fixedPhotos;
  if (result.fixList) tail.fixList = result.fixList;
  if (result.cards) {
    const cards = jsonCards(result.cards);
    tail.cards = opts.showPii ? cards : { ...cards, missing: cards.missing.map((m) => ({ ...m, idNumber: maskIdValue(m.idNumber) })) };
  }
  const failures = [
    ...account.unreadable.map(({ path, message }) => ({ path, message })),
    ...account.unwritten.map(({ path, message }) => ({ path, message, kind: 'output' as const })),
  ];
  if (failures.length) tail.failures = failures;
  if (account.skipped.length) tail.skipped = account.skipped;
  if (account.otherFiles) tail.otherFiles = account.otherFiles;
  if (opts.quiet) tail.omitted = omittedCounts(result, opts);
  if (result.warnings?.length) tail.warnings = result.warnings.map((w) => ({ id: w.id, message: w.text(opts.lang) }));
  if (result.outputs?.length) tail.outputs = result.outputs.map((o) => ({ path: o.path, kind: o.kind, written: o.written }));
  return {
    head: maskDeep({ version: 1 as const, summary: { ...summarize(result), ...outputCounts(result) }, files }, mask),
    *problems() {
      for (const f of listedFindings(result, opts)) yield jsonProblem(f, result, opts, mask);
    },
    tail: maskDeep(tail, mask),
  };
}

/** One problem as the report lists it, masked unless `showPii`. */
function jsonProblem(f: Finding, result: CheckResult, opts: ReportOptions, mask: (text: string) => string): JsonProblem {
  const t = maskFindingTexts(f, result.messages.format(f, opts.lang), opts.showPii);
  return maskDeep({
    file: f.file,
    sheet: f.sheet,
    row: f.row,
    column: f.column,
    field: f.field,
    rule: f.rule,
    severity: f.severity,
    message: t.message,
    value: t.value,
    suggestion: t.suggestion,
    messageId: f.messageId,
    header: f.header,
  }, mask);
}

/** A problem's text in the document (indented as it stands in the array). */
function problemText(p: JsonProblem): string {
  return JSON.stringify(p, null, 2).replace(/\n/g, '\n    ');
}

/**
 * Problems' texts formatted ahead (prepareJson), by finding, with what they were formatted for: the language,
 * --show-pii, and how many malformed 身份证号 values the run had then (a later one must mask them too).
 */
const prepared = new WeakMap<Finding, { key: string; text: string }>();

function preparedKey(result: CheckResult, opts: ReportOptions): string {
  return `${opts.lang}|${opts.showPii ? 1 : 0}|${result.idValues?.size ?? 0}`;
}

/** Formats every problem of the result now (Reporter.prepare): the report then only joins the texts. */
export function prepareJson(result: CheckResult, opts: ReportOptions): void {
  const mask = masker(opts.showPii, result.idValues);
  const key = preparedKey(result, opts);
  for (const f of result.findings) prepared.set(f, { key, text: problemText(jsonProblem(f, result, opts, mask)) });
}

/**
 * The JSON report in pieces, exactly the text of `JSON.stringify(jsonDocument(…), null, 2)`, so that a run
 * with hundreds of thousands of problems never holds the whole text (or a second copy of every problem).
 */
export function* jsonChunks(result: CheckResult, opts: ReportOptions): Generator<string> {
  const { head, tail } = jsonParts(result, opts);
  const headText = JSON.stringify(head, null, 2);
  yield `${headText.slice(0, -2)},\n  "problems": [`;
  const mask = masker(opts.showPii, result.idValues);
  const key = preparedKey(result, opts);
  let n = 0;
  let batch: string[] = [];
  for (const f of listedFindings(result, opts)) {
    const ahead = prepared.get(f);
    const text = ahead?.key === key ? ahead.text : problemText(jsonProblem(f, result, opts, mask));
    batch.push(`${n++ ? ',' : ''}\n    ${text}`);
    if (batch.length >= 256) {
      yield batch.join('');
      batch = [];
    }
  }
  yield `${batch.join('')}${n ? '\n  ]' : ']'}`;
  const tailText = JSON.stringify(tail, null, 2);
  yield tailText === '{}' ? '\n}' : `,\n${tailText.slice(2)}`;
}

/** The JSON report: one document, no trailing text (the caller adds the newline). */
export function jsonReport(result: CheckResult, opts: ReportOptions): string {
  return [...jsonChunks(result, opts)].join('');
}
