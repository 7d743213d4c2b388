/**
 * What the reports say about the inputs themselves: why a folder scan skipped a file, the terminal section
 * that lists them, and the line saying that the annotated copy of an .xls/.et/.ods/text input is a new .xlsx
 * workbook (the words are src/i18n/report.ts's).
 */
import { extname, isAbsolute, relative } from 'node:path';
import { Chalk } from 'chalk';
import type { Lang } from '../engine/types.js';
import { INPUTS_TEXT, SKIP_REASONS } from '../i18n/report.js';
import { masker } from './common.js';
import type { ReportOptions } from './types.js';

/** Why a folder scan did not check a file. */
export function skipReasonText(reason: string, lang: Lang): string {
  return SKIP_REASONS[reason]?.[lang] ?? reason;
}

interface Skips {
  skipped?: readonly { path: string; reason: string; folder?: boolean }[];
  otherFiles?: number;
}

/** The lines of the terminal report that list what folder scans skipped (none when nothing was). */
export function skippedLines(result: Skips, opts: ReportOptions & { color: boolean; show: (p: string) => string }): string[] {
  const list = result.skipped ?? [];
  if (!list.length) return [];
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = INPUTS_TEXT[opts.lang];
  const lines = [c.bold(t.title(list.length))];
  for (const s of list) lines.push(`  ${opts.show(s.path)}${s.folder ? t.folder : ''}  ${c.dim(skipReasonText(s.reason, opts.lang))}`);
  if (result.otherFiles) lines.push(`  ${c.dim(t.other(result.otherFiles))}`);
  return lines;
}

/** The report of a run that read nothing, when folder scans skipped files: what they skipped and why. */
export function skippedReport(result: Skips, opts: ReportOptions & { color: boolean; cwd?: string }): string {
  const mask = masker(opts.showPii);
  return `${skippedLines(result, { ...opts, show: shower(opts.cwd) }).map(mask).join('\n')}\n`;
}

/** Paths relative to `cwd` (default: the working directory) when inside it. */
export function shower(cwd = process.cwd()): (p: string) => string {
  return (p) => {
    if (!isAbsolute(p)) return p;
    const r = relative(cwd, p);
    return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
  };
}

/**
 * The line after "annotated workbook: …" for an input that is not an .xlsx: the copy is a new .xlsx
 * workbook of the values, the input is left as it was. Null for an .xlsx input.
 */
export function copyFormatLine(path: string, format: string | undefined, lang: Lang, show: (p: string) => string): string | null {
  const t = INPUTS_TEXT[lang];
  const ext = extname(path).toLowerCase();
  const label = format === 'xls' ? (ext === '.et' ? t.formats.et : t.formats.xls) : format === 'ods' ? t.formats.ods : format === 'csv' ? t.formats.text(ext || '.csv') : null;
  return label ? `  ${t.newCopy(show(path), label)}` : null;
}
