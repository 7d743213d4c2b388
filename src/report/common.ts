/** Helpers the reporters share: ordering findings, masking, per-rule counts, labels of a finding's place. */
import { isAbsolute, relative } from 'node:path';
import { fieldLabel } from '../engine/messages.js';
import { PLACE_WORDS } from '../i18n/report.js';
import type { Finding, Lang, Severity } from '../engine/types.js';
import { refColumn } from '../model/fields.js';
import { maskIds, maskIdsQuoting, maskIdValue } from '../util/id-number.js';
import type { CheckResult } from './types.js';

/** "J" → 10, "AA" → 27; 0 for null or anything that is not a column letter. */
export function columnNumber(letter: string | null): number {
  return letter && /^[A-Z]{1,3}$/i.test(letter) ? refColumn(letter) : 0;
}

/**
 * Findings in reading order: by file (in the order the run read them), sheet (in the file's order), row
 * (problems of no row first), column (row-level problems first); otherwise as the engine reported them.
 */
export function sortFindings(result: Pick<CheckResult, 'files' | 'findings'>): Finding[] {
  const fileOrder = new Map<string, number>();
  const sheetOrder = new Map<string, number>();
  result.files.forEach((f, i) => {
    fileOrder.set(f.path, i);
    f.sheets.forEach((s, j) => sheetOrder.set(`${f.path}\u0000${s.name}`, j));
  });
  const fileRank = (f: Finding): number => fileOrder.get(f.file) ?? Number.MAX_SAFE_INTEGER;
  const sheetRank = (f: Finding): number =>
    f.sheet === null ? -1 : (sheetOrder.get(`${f.file}\u0000${f.sheet}`) ?? Number.MAX_SAFE_INTEGER);
  // Each finding's ranks are looked up once, not in every comparison (10⁵ findings are sorted in a blink).
  const indexed = result.findings.map((f, i) => ({ f, i, file: fileRank(f), sheet: sheetRank(f), row: f.row ?? -1, column: columnNumber(f.column) }));
  indexed.sort((a, b) =>
    a.file - b.file
    || compareText(a.f.file, b.f.file)
    || a.sheet - b.sheet
    || compareText(a.f.sheet ?? '', b.f.sheet ?? '')
    || a.row - b.row
    || a.column - b.column
    || a.i - b.i);
  return indexed.map((x) => x.f);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A path as reports show it: relative to `cwd` when inside it, else as given. */
export function displayPath(p: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(p)) return p;
  const r = relative(cwd, p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
}

/**
 * Masks ID numbers unless PII is to be shown: by shape (maskIds), and the run's malformed 身份证号 values
 * (`ids`, CheckResult.idValues) wherever they appear.
 */
export function masker(showPii: boolean, ids?: { size: number; mask(text: string): string }): (text: string) => string {
  if (showPii) return (t) => t;
  return ids?.size ? (t) => ids.mask(t) : maskIds;
}

/** The texts of a finding as a report shows them: the 身份证号 value masked whole (any form) unless `showPii`. */
export interface FindingTexts {
  message: string;
  value: string | null;
  suggestion: string | null;
}

/**
 * Masks what a finding of the 身份证号 field quotes: its value and suggestion whole, whatever their form,
 * and the value wherever the message repeats it; every other text by shape (maskIds). Unchanged with showPii.
 */
export function maskFindingTexts(f: Pick<Finding, 'field' | 'value' | 'suggestion'>, message: string, showPii: boolean): FindingTexts {
  if (showPii) return { message, value: f.value, suggestion: f.suggestion };
  const id = f.field === 'idNumber';
  return {
    message: maskIdsQuoting(message, id ? f.value : null),
    value: f.value === null ? null : id ? maskIdValue(f.value) : maskIds(f.value),
    suggestion: f.suggestion === null ? null : id ? maskIdValue(f.suggestion) : maskIds(f.suggestion),
  };
}

/** Every string inside a JSON-able value, masked (keys are left alone). */
export function maskDeep<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, mask)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, mask);
    return out as T;
  }
  return value;
}

export interface RuleCount {
  rule: string;
  severity: Severity;
  count: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Counts per rule and severity, most frequent first (ties: by severity, then rule id). */
export function countByRule(findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.severity}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { rule: f.rule, severity: f.severity, count: 1 });
  }
  return [...counts.values()].sort((a, b) =>
    b.count - a.count || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareText(a.rule, b.rule));
}

/** The worst severity of some findings, or null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/**
 * The name of the place a finding sits in: the sheet's header text, else the field's label; "整行" for a
 * problem of a whole row, "文件" for one of no row.
 */
export function placeLabel(f: Finding, lang: Lang): string {
  const header = f.header?.trim();
  if (header) return header;
  if (f.field === null && f.row === null) return PLACE_WORDS[lang].file;
  return fieldLabel(f.field, lang);
}
