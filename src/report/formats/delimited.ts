/**
 * `--format csv` and `--format tsv`: one line per problem, for people who filter in Excel/WPS. UTF-8 with a
 * byte-order mark (without it Excel reads Chinese as the local code page), CRLF line ends, and fields quoted
 * as RFC 4180 says (a field holding the delimiter, a quote, CR or LF is quoted, quotes doubled). A field that
 * Excel would run as a formula (=, +, -, @ first, as a cell value copied from a hostile sheet can be) starts
 * with an apostrophe (OWASP's advice against CSV injection). Inputs that could not be read are not problems
 * of a row: they are on stderr and in the other formats.
 */
import { SEVERITY_LABEL } from '../../i18n/report.js';
import { displayPath, masker, placeLabel } from '../common.js';
import { DELIMITED_HEADERS } from '../../i18n/formats.js';
import { listedFindings } from '../select.js';
import type { CheckResult, FormatOptions } from '../types.js';

/** One field: quoted when RFC 4180 requires it, defused when a spreadsheet would take it for a formula. */
export function field(value: string, delimiter: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function* delimited(result: CheckResult, opts: FormatOptions, delimiter: string): Generator<string> {
  const mask = masker(opts.showPii, result.idValues);
  /** One line; every field is masked here, and only here. */
  const line = (fields: (string | number | null)[]): string =>
    `${fields.map((f) => field(mask(f === null ? '' : String(f)), delimiter)).join(delimiter)}\r\n`;
  let batch = `\uFEFF${line(DELIMITED_HEADERS[opts.lang])}`;
  for (const f of listedFindings(result, opts)) {
    batch += line([
      displayPath(f.file, opts.cwd), f.sheet, f.row, f.column, placeLabel(f, opts.lang), SEVERITY_LABEL[opts.lang][f.severity],
      result.messages.format(f, opts.lang), f.value, f.suggestion, f.rule,
    ]);
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  yield batch;
}

export function csvReport(result: CheckResult, opts: FormatOptions): Iterable<string> {
  return delimited(result, opts, ',');
}

export function tsvReport(result: CheckResult, opts: FormatOptions): Iterable<string> {
  return delimited(result, opts, '\t');
}
