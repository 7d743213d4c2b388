/**
 * `--format github`: GitHub Actions workflow commands, one `::error` / `::warning` / `::notice` line per
 * problem, which the runner turns into annotations on the file. A spreadsheet has no source lines, so the
 * sheet, row and column go into the message (no `line=`/`col=`). Escaping as the runner unescapes
 * (actions/runner ActionCommand.cs): in the message `%`, CR and LF; in a property also `:` and `,`.
 * Inputs that could not be read are `::error` lines too; a plain summary line closes the log.
 */
import type { Severity } from '../../engine/types.js';
import { PUNCT } from '../../i18n/index.js';
import { displayPath, masker, placeLabel } from '../common.js';
import { inputAccount, listedFindings } from '../select.js';
import { summarize, type CheckResult, type FormatOptions } from '../types.js';
import { GITHUB_TEXT } from '../../i18n/formats.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message of a command (after `::`): `%`, CR and LF escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (`file=…`, `title=…`): also `:` and `,`, which end a property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The report: one workflow command per problem and per unreadable input, then a plain summary line. */
export function* githubReport(result: CheckResult, opts: FormatOptions): Generator<string> {
  const t = GITHUB_TEXT[opts.lang];
  const mask = masker(opts.showPii, result.idValues);
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
    const sep = PUNCT[opts.lang].colon;
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
