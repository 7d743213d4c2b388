/** The terminal report: grouped by file and row, coloured only when the caller says so, ID numbers masked. */
import { Chalk } from 'chalk';
import { SEVERITY_LABEL } from '../i18n/report.js';
import type { Finding, Severity } from '../engine/types.js';
import { rowKey } from '../model/record.js';
import { displayPath, masker, maskFindingTexts, placeLabel } from './common.js';
import { fixedPhotoLines, fixListLine } from './fixed-photos.js';
import { formatNotice } from '../i18n/notices.js';
import { CAP, capFindings, inputAccount, listedFindings, omittedCounts, ruleTable, type CappedRule } from './select.js';
import { cardsLines } from './cards/text.js';
import { maskIdValue } from '../util/id-number.js';
import { copyFormatLine } from './inputs-text.js';
import { outputCounts, summarize, type CheckResult, type FileResult, type ReportOptions } from './types.js';
import { count, PUNCT } from '../i18n/index.js';
import { PRETTY_TEXT } from '../i18n/report.js';

export interface PrettyOptions extends ReportOptions {
  color: boolean;
  /** Paths are shown relative to this folder when inside it (default: the working directory). */
  cwd?: string;
}

/**
 * Whether to colour output written to a stream: NO_COLOR (non-empty) → no; FORCE_COLOR=0 (or "false") → no;
 * FORCE_COLOR set otherwise → yes; else only on a terminal.
 */
export function shouldColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true;
}

/**
 * The report as text, ending with a newline. With --quiet only errors are listed; on a large input each rule
 * lists its first rows (CAP) unless `all`; the summary counts every finding and every input.
 */
export function prettyReport(result: CheckResult, opts: PrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = PRETTY_TEXT[opts.lang];
  const mask = masker(opts.showPii, result.idValues);
  const cwd = opts.cwd ?? process.cwd();
  const show = (p: string): string => displayPath(p, cwd);
  const sevColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const sevLabel = (s: Severity): string => sevColor[s](SEVERITY_LABEL[opts.lang][s]);
  const lines: string[] = [];

  // Files in the run's order, then any file that only findings name (e.g. a folder-wide check).
  const inputs = new Set(result.files.map((f) => f.path));
  const { shown, capped } = capFindings(listedFindings(result, opts), inputs, opts);
  const byFile = new Map<string, Finding[]>();
  for (const f of result.files) byFile.set(f.path, []);
  for (const f of shown) {
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  const fileInfo = new Map<string, FileResult>(result.files.map((f) => [f.path, f]));
  const lastOther = [...byFile.keys()].filter((p) => !inputs.has(p)).pop();
  /** The lines that say what the cap left out of a section, and where to find it. */
  const cappedLines = (section: string | null): string[] => {
    const cut = capped.filter((x: CappedRule) => x.file === section).sort((a, b) => b.more - a.more);
    if (!cut.length) return [];
    const annotated = section === null ? null : fileInfo.get(section)?.annotated ?? null;
    const where = annotated ? t.inAnnotated(show(annotated)) : result.fixList ? show(result.fixList) : null;
    return [`  ${c.dim(t.capTitle(CAP.rows))}`, ...cut.map((x) => `  ${c.dim(t.capMore(x.rule, x.more, where))}`)];
  };

  for (const [path, findings] of byFile) {
    const info = fileInfo.get(path);
    const sheets = info?.sheets ?? [];
    const paren = PUNCT[opts.lang].paren;
    const parts = sheets.map((s) => `${t.sheet(s.name)}${s.headerRow !== null ? paren(t.headerRow(s.headerRow, s.rows)) : ''}`);
    const sep = PUNCT[opts.lang].comma;
    lines.push(c.bold.underline(show(path || '.')) + (parts.length ? `  ${c.dim(parts.join(sep))}` : ''));
    for (const n of info?.notices ?? []) lines.push(`  ${c.cyan(`ℹ ${t.notice}`)}  ${formatNotice(n, opts.lang)}`);

    const multiSheet = new Set(findings.flatMap((f) => (f.sheet === null ? [] : [f.sheet]))).size > 1 || sheets.length > 1;
    let group: string | null = null;
    for (const f of findings) {
      const heading = f.row === null
        ? (f.sheet && multiSheet ? `${t.wholeFile} · ${t.sheet(f.sheet)}` : t.wholeFile)
        : (multiSheet && f.sheet ? `${t.sheet(f.sheet)} · ${t.row(f.row)}` : t.row(f.row));
      const key = rowKey(f.file, f.sheet, f.row);
      if (key !== group) {
        group = key;
        lines.push(`  ${c.bold(heading)}`);
      }
      const place = f.column ? `${f.column} ${placeLabel(f, opts.lang)}` : placeLabel(f, opts.lang);
      const raw = result.messages.format(f, opts.lang);
      const { message, value, suggestion } = maskFindingTexts(f, raw, opts.showPii);
      lines.push(`    ${c.bold(place)}  ${sevLabel(f.severity)}  ${message}`);
      const extra: string[] = [];
      if (value && f.value && !raw.includes(f.value)) extra.push(c.dim(`${t.value}${value}`));
      if (suggestion) extra.push(c.green(`${t.suggest}${suggestion}`));
      if (extra.length) lines.push(`      ${extra.join('  ')}`);
    }
    if (inputs.has(path)) lines.push(...cappedLines(path));
    else if (path === lastOther) lines.push(...cappedLines(null));
    lines.push('');
  }

  // Closing summary: every finding and every input counted, whatever the list above left out.
  const s = summarize(result);
  const account = inputAccount(result, opts.lang);
  const colon = PUNCT[opts.lang].colon;
  const inputLines = (): string[] => {
    if (!account.skipped.length && !account.unreadable.length) return [];
    const given = account.checked + account.skipped.length + account.unreadable.length;
    return [
      `  ${t.inputs(given, account.checked, account.skipped.length, account.unreadable.length)}`,
      ...account.skipped.map((x) => `    ${c.dim(`${t.skipped} ${show(x.path)}${x.folder ? t.folder : ''}${colon}${x.message}`)}`),
      ...(account.otherFiles ? [`    ${c.dim(t.other(account.otherFiles))}`] : []),
      ...account.unreadable.map((x) => `    ${c.red(`✖ ${t.unreadable}${colon}`)}${x.message}`),
    ];
  };
  if (s.errors + s.warnings + s.infos === 0 && account.unreadable.length === 0) {
    lines.push(c.green.bold(t.allClear(s.files, s.rows)));
    lines.push(...inputLines());
  } else {
    lines.push(c.bold(t.summaryTitle));
    lines.push(`  ${t.checked(s.files, s.rows)}${colon}${t.rowsWith(s.rowsWithErrors, s.rowsWithWarnings)}`);
    lines.push(...inputLines());
    const [e, w, i] = t.counts(s.errors, s.warnings, s.infos);
    lines.push(`  ${c.red(e)} · ${c.yellow(w)} · ${c.blue(i)}`);
    const rules = ruleTable(result.findings);
    if (rules.length) {
      lines.push(`  ${t.top}`);
      const width = Math.max(...rules.map((r) => r.rule.length));
      const numWidth = Math.max(5, ...rules.map((r) => count(r.count).length));
      for (const r of rules) {
        lines.push(`    ${count(r.count).padStart(numWidth)}  ${sevLabel(r.severity)}  ${r.rule.padEnd(width)}  ${c.dim(result.messages.description(r.rule, opts.lang))}`);
      }
    }
    const omitted = omittedCounts(result, opts);
    if (opts.quiet && omitted.warnings + omitted.infos > 0) lines.push(`  ${c.dim(t.quietNote(omitted.warnings, omitted.infos))}`);
    if (s.errors === 0 && s.warnings + s.infos > 0) lines.push(`  ${c.green(t.noErrors)}`);
  }
  if (result.fixes) lines.push(c.blue(t.fixed(result.fixes.length)));
  for (const f of result.files) {
    if (!f.annotated) continue;
    lines.push(`${t.annotated}${show(f.annotated)}`);
    const copy = copyFormatLine(f.path, f.format, opts.lang, show);
    if (copy) lines.push(copy);
  }
  if (result.fixList) lines.push(fixListLine(show(result.fixList), opts.lang));
  if (result.fixedPhotos) lines.push(...fixedPhotoLines(result.fixedPhotos, opts.lang, show));
  if (result.cards) lines.push(...cardsLines(result.cards, opts.lang, show, opts.showPii ? (id) => id : maskIdValue));
  if (result.warnings?.length) {
    lines.push(c.yellow.bold(t.warnings));
    for (const w of result.warnings) lines.push(`  ${c.yellow('⚠')} ${w.text(opts.lang)}`);
  }
  const written = outputCounts(result);
  if (written.outputsWritten + written.outputsFailed > 0) lines.push(t.outputs(written.outputsWritten, written.outputsFailed));
  return `${lines.map(mask).join('\n')}\n`;
}
