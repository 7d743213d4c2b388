/**
 * What a report lists, decided once for every format: --quiet (error-level problems only), the pretty
 * report's per-rule cap on large inputs (--all lifts it), and the account of every input given (checked,
 * skipped with a reason, unreadable with a reason). Summaries always count every finding.
 */
import type { Finding, Lang, Severity } from '../engine/types.js';
import { rowKey } from '../model/record.js';
import { sortFindings } from './common.js';
import { skipReasonText } from './inputs-text.js';
import type { CheckResult, SkipReason } from './types.js';

/** The findings a report lists, in reading order: every one, or with `quiet` the error-level ones. */
export function listedFindings(result: Pick<CheckResult, 'files' | 'findings'>, opts: { quiet?: boolean }): Finding[] {
  const sorted = sortFindings(result);
  return opts.quiet ? sorted.filter((f) => f.severity === 'error') : sorted;
}

/** Warnings and infos a --quiet report leaves out (zero without --quiet). */
export function omittedCounts(result: Pick<CheckResult, 'findings'>, opts: { quiet?: boolean }): { warnings: number; infos: number } {
  let warnings = 0;
  let infos = 0;
  if (opts.quiet) {
    for (const f of result.findings) {
      if (f.severity === 'warning') warnings++;
      else if (f.severity === 'info') infos++;
    }
  }
  return { warnings, infos };
}

/**
 * The pretty report's cap: in a section (one input, or all the files that are not inputs, such as unused
 * photos) listing more than `from` problems, each rule shows the problems of its first `rows` places (a
 * place is a row, or a file for problems of no row); the rest is counted.
 */
export const CAP = { rows: 20, from: 100 } as const;

/** A rule whose problems were cut short in one section. */
export interface CappedRule {
  /** The input's path, or null for the section of files that are not inputs. */
  file: string | null;
  rule: string;
  /** Places (rows) not listed. */
  more: number;
}

/** Which section a finding belongs to: its input, or null (files that are not inputs). */
export function sectionOf(f: Finding, inputs: ReadonlySet<string>): string | null {
  return inputs.has(f.file) ? f.file : null;
}

/** Applies the cap to findings in reading order (unless `all`): the findings to list and the rules cut short. */
export function capFindings(
  listed: readonly Finding[], inputs: ReadonlySet<string>, opts: { all?: boolean },
): { shown: Finding[]; capped: CappedRule[] } {
  if (opts.all) return { shown: [...listed], capped: [] };
  const perSection = new Map<string | null, number>();
  for (const f of listed) {
    const s = sectionOf(f, inputs);
    perSection.set(s, (perSection.get(s) ?? 0) + 1);
  }
  const places = new Map<string, Map<string, number>>(); // section + rule → place → its rank
  const more = new Map<string, CappedRule>();
  const shown: Finding[] = [];
  for (const f of listed) {
    const section = sectionOf(f, inputs);
    if ((perSection.get(section) ?? 0) <= CAP.from) {
      shown.push(f);
      continue;
    }
    const key = `${section ?? ''}\u0000${f.rule}`;
    const place = rowKey(f.file, f.sheet, f.row);
    let ranks = places.get(key);
    if (!ranks) places.set(key, (ranks = new Map()));
    let rank = ranks.get(place);
    if (rank === undefined) {
      ranks.set(place, (rank = ranks.size));
      if (rank >= CAP.rows) {
        const c = more.get(key);
        if (c) c.more++;
        else more.set(key, { file: section, rule: f.rule, more: 1 });
      }
    }
    if (rank < CAP.rows) shown.push(f);
  }
  return { shown, capped: [...more.values()] };
}

/** Per rule: every finding counted (whatever a report lists), with its worst severity; most frequent first. */
export function ruleTable(findings: readonly Finding[]): { rule: string; count: number; severity: Severity }[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const rows = new Map<string, { rule: string; count: number; severity: Severity }>();
  for (const f of findings) {
    const r = rows.get(f.rule);
    if (!r) rows.set(f.rule, { rule: f.rule, count: 1, severity: f.severity });
    else {
      r.count++;
      if (rank[f.severity] < rank[r.severity]) r.severity = f.severity;
    }
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** Every input of the run: checked files, skipped inputs and unreadable ones, with reasons as text. */
export interface InputAccount {
  checked: number;
  skipped: { path: string; reason: SkipReason; message: string; folder?: boolean }[];
  unreadable: { path: string; message: string; errorId?: string }[];
  /** Main outputs (annotated workbooks) that could not be written: their input was read and is counted as checked. */
  unwritten: { path: string; message: string }[];
  /** Photos, PDFs and system files the folder scans met (counted, not listed). */
  otherFiles: number;
}

export function inputAccount(result: CheckResult, lang: Lang): InputAccount {
  return {
    checked: result.files.length,
    skipped: (result.skipped ?? []).map((s) => ({ path: s.path, reason: s.reason, message: skipReasonText(s.reason, lang), ...(s.folder ? { folder: true } : {}) })),
    unreadable: (result.failures ?? []).filter((f) => f.kind !== 'output').map((f) => ({ path: f.path, message: f.error.text(lang), ...(f.error.id ? { errorId: f.error.id } : {}) })),
    unwritten: (result.failures ?? []).filter((f) => f.kind === 'output').map((f) => ({ path: f.path, message: f.error.text(lang) })),
    otherFiles: result.otherFiles ?? 0,
  };
}

