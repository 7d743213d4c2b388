/**
 * `--format github`: GitHub Actions workflow commands, one `::error` / `::warning` / `::notice` line per
 * problem, which the runner turns into annotations on the file. A spreadsheet has no source lines, so the
 * sheet, row and column go into the message (no `line=`/`col=`). Escaping as the runner unescapes
 * (actions/runner ActionCommand.cs): in the message `%`, CR and LF; in a property also `:` and `,`.
 * Inputs that could not be read are `::error` lines too; a plain summary line closes the log.
 */
import { SEVERITY_LABEL } from '../../engine/messages.js';
import type { Finding, Lang, Severity } from '../../engine/types.js';
import { displayPath, masker, placeLabel } from '../common.js';
import { count, inputAccount, listedFindings } from '../select.js';
import { summarize, type CheckResult, type FormatOptions } from '../types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message of a command (after `::`): `%`, CR and LF escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (`file=…`, `title=…`): also `:` and `,`, which end a property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const TEXT = {
  zh: {
    where: (f: Finding, place: string) => {
      const sheet = f.sheet ? `工作表「${f.sheet}」` : '';
      if (f.row === null) return `${sheet}${sheet ? '：' : ''}整个文件`;
      return `${sheet}第 ${f.row} 行${f.column ? ` ${f.column} 列（${place}）` : '（整行）'}`;
    },
    value: '原值：',
    suggest: '→ 建议：',
    unreadable: '无法读取',
    summary: (files: number, rows: number, e: number, w: number, i: number) =>
      `cert-check：检查了 ${count(files)} 个文件，${count(rows)} 行数据；${SEVERITY_LABEL.zh.error} ${count(e)}，${SEVERITY_LABEL.zh.warning} ${count(w)}，${SEVERITY_LABEL.zh.info} ${count(i)}`,
    inputs: (skipped: number, unreadable: number) => `${skipped ? `；跳过 ${count(skipped)} 个输入` : ''}${unreadable ? `；${count(unreadable)} 个输入无法读取` : ''}`,
  },
  en: {
    where: (f: Finding, place: string) => {
      const sheet = f.sheet ? `sheet "${f.sheet}" ` : '';
      if (f.row === null) return `${sheet}whole file`;
      return `${sheet}row ${f.row}${f.column ? `, column ${f.column} (${place})` : ' (whole row)'}`;
    },
    value: 'value: ',
    suggest: '→ suggestion: ',
    unreadable: 'unreadable',
    summary: (files: number, rows: number, e: number, w: number, i: number) =>
      `cert-check: checked ${count(files)} file${files === 1 ? '' : 's'}, ${count(rows)} data rows; ${count(e)} error${e === 1 ? '' : 's'}, ${count(w)} warning${w === 1 ? '' : 's'}, ${count(i)} info`,
    inputs: (skipped: number, unreadable: number) => `${skipped ? `; ${count(skipped)} input${skipped === 1 ? '' : 's'} skipped` : ''}${unreadable ? `; ${count(unreadable)} input${unreadable === 1 ? '' : 's'} unreadable` : ''}`,
  },
} satisfies Record<Lang, unknown>;

/** The report: one workflow command per problem and per unreadable input, then a plain summary line. */
export function* githubReport(result: CheckResult, opts: FormatOptions): Generator<string> {
  const t = TEXT[opts.lang];
  const mask = masker(opts.showPii);
  /** One command line; every text in it is masked here, and only here. */
  const command = (severity: Severity, props: { file: string; title: string }, message: string): string =>
    `::${COMMAND[severity]} file=${escapeProperty(mask(props.file))},title=${escapeProperty(mask(props.title))}::${escapeData(mask(message))}\n`;
  const file = (p: string): string => displayPath(p, opts.cwd).replace(/\\/g, '/');

  let batch = '';
  for (const f of listedFindings(result, opts)) {
    const message = result.messages.format(f, opts.lang);
    const extra: string[] = [];
    if (f.value && !message.includes(f.value)) extra.push(`${t.value}${f.value}`);
    if (f.suggestion) extra.push(`${t.suggest}${f.suggestion}`);
    const sep = opts.lang === 'zh' ? '：' : ': ';
    const text = `${t.where(f, placeLabel(f, opts.lang))}${sep}${message}${extra.length ? `\n${extra.join('  ')}` : ''}`;
    batch += command(f.severity, { file: file(f.file), title: f.rule }, text);
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  const account = inputAccount(result, opts.lang);
  for (const x of account.unreadable) batch += command('error', { file: file(x.path), title: t.unreadable }, x.message);
  const s = summarize(result);
  yield `${batch}${mask(t.summary(s.files, s.rows, s.errors, s.warnings, s.infos) + t.inputs(account.skipped.length, account.unreadable.length))}\n`;
}
