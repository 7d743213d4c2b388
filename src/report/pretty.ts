/** The terminal report: grouped by file and row, coloured only when the caller says so, ID numbers masked. */
import { Chalk } from 'chalk';
import { SEVERITY_LABEL } from '../engine/messages.js';
import type { Finding, Lang, Severity } from '../engine/types.js';
import { rowKey } from '../model/record.js';
import { displayPath, masker, maskFindingTexts, placeLabel } from './common.js';
import { fixedPhotoLines, fixListLine } from './fixed-photos.js';
import { formatNotice } from './notices.js';
import { CAP, capFindings, count, inputAccount, listedFindings, omittedCounts, ruleTable, type CappedRule } from './select.js';
import { cardsLines } from './cards/text.js';
import { copyFormatLine } from './inputs-text.js';
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
    checked: (files: number, rows: number) => `检查了 ${count(files)} 个文件，${count(rows)} 行数据`,
    inputs: (given: number, checked: number, skipped: number, unreadable: number) =>
      `输入 ${count(given)} 个：检查了 ${count(checked)} 个${skipped ? `，跳过 ${count(skipped)} 个` : ''}${unreadable ? `，${count(unreadable)} 个无法读取` : ''}`,
    skipped: '跳过',
    folder: '（文件夹）',
    other: (n: number) => `另有 ${count(n)} 个照片、PDF 等文件不是登记表，未作为登记表检查`,
    unreadable: '无法读取',
    capTitle: (n: number) => `（问题较多：每条规则只列出前 ${n} 行，--all 列出全部）`,
    capMore: (rule: string, more: number, where: string | null) => `${rule} …还有 ${count(more)} 行：${where ? `见 ${where}` : '用 --all 列出全部'}`,
    inAnnotated: (file: string) => `${file} 的问题清单`,
    quietNote: (w: number, i: number) => `--quiet：只列出错误，${count(w)} 个警告、${count(i)} 个提示未列出`,
    rowsWith: (e: number, w: number) => `${count(e)} 行有错误，${count(w)} 行有警告`,
    counts: (e: number, w: number, i: number) => [`错误 ${count(e)}`, `警告 ${count(w)}`, `提示 ${count(i)}`] as const,
    top: '各规则的问题数：',
    allClear: (files: number, rows: number) => `✔ 全部通过：${count(files)} 个文件，${count(rows)} 行数据，没有发现问题`,
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
    checked: (files: number, rows: number) => `Checked ${count(files)} file${files === 1 ? '' : 's'}, ${count(rows)} data row${rows === 1 ? '' : 's'}`,
    inputs: (given: number, checked: number, skipped: number, unreadable: number) =>
      `${count(given)} input${given === 1 ? '' : 's'}: ${count(checked)} checked${skipped ? `, ${count(skipped)} skipped` : ''}${unreadable ? `, ${count(unreadable)} unreadable` : ''}`,
    skipped: 'skipped',
    folder: ' (folder)',
    other: (n: number) => `and ${count(n)} photos, PDFs and other files that are not records`,
    unreadable: 'unreadable',
    capTitle: (n: number) => `(many problems: each rule lists its first ${n} rows; --all lists every one)`,
    capMore: (rule: string, more: number, where: string | null) => `${rule} …and ${count(more)} more row${more === 1 ? '' : 's'}: ${where ? `see ${where}` : 'list them with --all'}`,
    inAnnotated: (file: string) => `问题清单 in ${file}`,
    quietNote: (w: number, i: number) => `--quiet: errors only; ${count(w)} warning${w === 1 ? '' : 's'} and ${count(i)} info not listed`,
    rowsWith: (e: number, w: number) => `${count(e)} row${e === 1 ? '' : 's'} with errors, ${count(w)} with warnings`,
    counts: (e: number, w: number, i: number) => [`${count(e)} error${e === 1 ? '' : 's'}`, `${count(w)} warning${w === 1 ? '' : 's'}`, `${count(i)} info`] as const,
    top: 'Problems per rule:',
    allClear: (files: number, rows: number) => `✔ All clear: ${count(files)} file${files === 1 ? '' : 's'}, ${count(rows)} data rows, no problems found`,
    noErrors: 'No errors; please look at the warnings and notes above',
    annotated: 'Annotated workbook: ',
    fixed: (n: number) => (n ? `Fixed ${n} cells automatically (blue, the old value kept in a note); the problems above remain` : 'Nothing could be fixed automatically'),
    warnings: 'Warnings of the run:',
    outputs: (w: number, f: number) => `Output files: ${w} written${f ? `, ${f} could not be written (see above)` : ''}`,
  },
} satisfies Record<Lang, unknown>;

/**
 * The report as text, ending with a newline. With --quiet only errors are listed; on a large input each rule
 * lists its first rows (CAP) unless `all`; the summary counts every finding and every input.
 */
export function prettyReport(result: CheckResult, opts: PrettyOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = TEXT[opts.lang];
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
  const colon = opts.lang === 'zh' ? '：' : ': ';
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
  if (result.cards) lines.push(...cardsLines(result.cards, opts.lang, show));
  if (result.warnings?.length) {
    lines.push(c.yellow.bold(t.warnings));
    for (const w of result.warnings) lines.push(`  ${c.yellow('⚠')} ${w.text(opts.lang)}`);
  }
  const written = outputCounts(result);
  if (written.outputsWritten + written.outputsFailed > 0) lines.push(t.outputs(written.outputsWritten, written.outputsFailed));
  return `${lines.map(mask).join('\n')}\n`;
}
