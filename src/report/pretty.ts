/** The terminal report: grouped by file and row, coloured only when the caller says so, ID numbers masked. */
import { relative, isAbsolute } from 'node:path';
import { Chalk } from 'chalk';
import { SEVERITY_LABEL } from '../engine/messages.js';
import type { Finding, Lang, Severity } from '../engine/types.js';
import { masker, maskFindingTexts, placeLabel, sortFindings, topRules } from './common.js';
import { fixedPhotoLines, fixListLine } from './fixed-photos.js';
import { formatNotice } from './notices.js';
import { outputCounts, summarize, type CheckResult, type FileResult, type ReportOptions } from './types.js';

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

const TEXT = {
  zh: {
    wholeFile: '整个文件',
    sheet: (s: string) => `工作表「${s}」`,
    headerRow: (n: number, rows: number) => `表头第 ${n} 行，${rows} 行数据`,
    row: (n: number) => `第 ${n} 行`,
    value: '原值：',
    suggest: '→ 建议：',
    notice: '说明',
    summaryTitle: '汇总',
    checked: (files: number, rows: number) => `检查了 ${files} 个文件，${rows} 行数据`,
    rowsWith: (e: number, w: number) => `${e} 行有错误，${w} 行有警告`,
    counts: (e: number, w: number, i: number) => [`错误 ${e}`, `警告 ${w}`, `提示 ${i}`] as const,
    top: '最常见的问题：',
    allClear: (files: number, rows: number) => `✔ 全部通过：${files} 个文件，${rows} 行数据，没有发现问题`,
    noErrors: '没有错误；请核对上面的警告和提示',
    annotated: '已写出标注表格：',
    fixed: (n: number) => (n ? `已自动修正 ${n} 个单元格（标蓝，批注中保留原值），其余问题见上` : '没有可以自动修正的单元格'),
    warnings: '运行中的警告：',
    outputs: (w: number, f: number) => `输出文件：已写出 ${w} 个${f ? `，${f} 个未能写出（原因见上）` : ''}`,
  },
  en: {
    wholeFile: 'whole file',
    sheet: (s: string) => `sheet "${s}"`,
    headerRow: (n: number, rows: number) => `header on row ${n}, ${rows} data rows`,
    row: (n: number) => `row ${n}`,
    value: 'value: ',
    suggest: '→ suggestion: ',
    notice: 'note',
    summaryTitle: 'Summary',
    checked: (files: number, rows: number) => `Checked ${files} file${files === 1 ? '' : 's'}, ${rows} data row${rows === 1 ? '' : 's'}`,
    rowsWith: (e: number, w: number) => `${e} row${e === 1 ? '' : 's'} with errors, ${w} with warnings`,
    counts: (e: number, w: number, i: number) => [`${e} error${e === 1 ? '' : 's'}`, `${w} warning${w === 1 ? '' : 's'}`, `${i} info`] as const,
    top: 'Most frequent problems:',
    allClear: (files: number, rows: number) => `✔ All clear: ${files} file${files === 1 ? '' : 's'}, ${rows} data rows, no problems found`,
    noErrors: 'No errors; please look at the warnings and notes above',
    annotated: 'Annotated workbook: ',
    fixed: (n: number) => (n ? `Fixed ${n} cells automatically (blue, the old value kept in a note); the problems above remain` : 'Nothing could be fixed automatically'),
    warnings: 'Warnings of the run:',
    outputs: (w: number, f: number) => `Output files: ${w} written${f ? `, ${f} could not be written (see above)` : ''}`,
  },
} satisfies Record<Lang, unknown>;

type Failures = { failures?: readonly { path: string; error: { text(lang: Lang): string } }[] };

/** The report as text, ending with a newline. */
export function prettyReport(result: CheckResult & Failures, opts: PrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = TEXT[opts.lang];
  const mask = masker(opts.showPii, result.idValues);
  const cwd = opts.cwd ?? process.cwd();
  const show = (p: string): string => {
    if (!isAbsolute(p)) return p;
    const r = relative(cwd, p);
    return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
  };
  const sevColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const sevLabel = (s: Severity): string => sevColor[s](SEVERITY_LABEL[opts.lang][s]);
  const lines: string[] = [];

  // Files in the run's order, then any file that only findings name (e.g. a folder-wide check).
  const byFile = new Map<string, Finding[]>();
  for (const f of result.files) byFile.set(f.path, []);
  for (const f of sortFindings(result)) {
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  const fileInfo = new Map<string, FileResult>(result.files.map((f) => [f.path, f]));

  for (const [path, findings] of byFile) {
    const info = fileInfo.get(path);
    const sheets = info?.sheets ?? [];
    const paren = (x: string): string => (opts.lang === 'zh' ? `（${x}）` : ` (${x})`);
    const parts = sheets.map((s) => `${t.sheet(s.name)}${s.headerRow !== null ? paren(t.headerRow(s.headerRow, s.rows)) : ''}`);
    const sep = opts.lang === 'zh' ? '，' : ', ';
    lines.push(c.bold.underline(show(path || '.')) + (parts.length ? `  ${c.dim(parts.join(sep))}` : ''));
    for (const n of info?.notices ?? []) lines.push(`  ${c.cyan(`ℹ ${t.notice}`)}  ${formatNotice(n, opts.lang)}`);

    const multiSheet = new Set(findings.flatMap((f) => (f.sheet === null ? [] : [f.sheet]))).size > 1 || sheets.length > 1;
    let group: string | null = null;
    for (const f of findings) {
      const heading = f.row === null
        ? (f.sheet && multiSheet ? `${t.wholeFile} · ${t.sheet(f.sheet)}` : t.wholeFile)
        : (multiSheet && f.sheet ? `${t.sheet(f.sheet)} · ${t.row(f.row)}` : t.row(f.row));
      const key = `${f.sheet}\u0000${f.row}`;
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
    lines.push('');
  }

  // Closing summary.
  const s = summarize(result);
  const failures = result.failures ?? [];
  if (s.errors + s.warnings + s.infos === 0 && failures.length === 0) {
    lines.push(c.green.bold(t.allClear(s.files, s.rows)));
  } else {
    lines.push(c.bold(t.summaryTitle));
    lines.push(`  ${t.checked(s.files, s.rows)}${opts.lang === 'zh' ? '：' : ': '}${t.rowsWith(s.rowsWithErrors, s.rowsWithWarnings)}`);
    const [e, w, i] = t.counts(s.errors, s.warnings, s.infos);
    lines.push(`  ${c.red(e)} · ${c.yellow(w)} · ${c.blue(i)}`);
    const top = topRules(result.findings, 5);
    if (top.length) {
      lines.push(`  ${t.top}`);
      const width = Math.max(...top.map((r) => r.rule.length));
      for (const r of top) {
        lines.push(`    ${String(r.count).padStart(5)}  ${r.rule.padEnd(width)}  ${c.dim(result.messages.description(r.rule, opts.lang))}`);
      }
    }
    if (s.errors === 0 && s.warnings + s.infos > 0) lines.push(`  ${c.green(t.noErrors)}`);
  }
  if (result.fixes) lines.push(c.blue(t.fixed(result.fixes.length)));
  for (const f of result.files) if (f.annotated) lines.push(`${t.annotated}${show(f.annotated)}`);
  if (result.fixList) lines.push(fixListLine(show(result.fixList), opts.lang));
  if (result.fixedPhotos) lines.push(...fixedPhotoLines(result.fixedPhotos, opts.lang, show));
  if (result.warnings?.length) {
    lines.push(c.yellow.bold(t.warnings));
    for (const w of result.warnings) lines.push(`  ${c.yellow('⚠')} ${w.text(opts.lang)}`);
  }
  const written = outputCounts(result);
  if (written.outputsWritten + written.outputsFailed > 0) lines.push(t.outputs(written.outputsWritten, written.outputsFailed));
  return `${lines.map(mask).join('\n')}\n`;
}
