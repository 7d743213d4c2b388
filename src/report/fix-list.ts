/**
 * `--fix-list <file>`: one workbook with every problem of every input of the run, for the person who fixes
 * the records, grouped by person: each record's problems follow one another under its file, sheet, row and
 * 姓名 (in bold on the group's first line, grey on the others so a filtered list still says whose they are),
 * each with the cell, the problem, the value as typed and the value to type. Widths fit the text, long text
 * wraps, pages are landscape and fitted to the width with the header row on every page, and one person's
 * problems are never split across two pages. Sheet 汇总: the totals, counts per file and per rule, and the
 * inputs that could not be read.
 *
 * ID numbers are NOT masked: like the annotated workbook, this file is the clerk's own data, made for
 * correcting it (the original value of an ID cell must be visible to be fixed).
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, RunWarning } from '../errors.js';
import { SEVERITY_LABEL } from '../i18n/report.js';
import type { Finding, Lang } from '../engine/types.js';
import { rowKey } from '../model/record.js';
import { FIX_LIST_CATEGORY } from '../read/inputs.js';
import { countByRule, placeLabel, sortFindings } from './common.js';
import type { RowSink, SinkOutcome, SinkRow } from './sink.js';
import { summarize, type CheckResult } from './types.js';
import { writeNewWorkbook, type SummaryLine } from './xlsx/book.js';
import type { TableColumn, TableRow } from './xlsx/sheet-xml.js';
import type { XfChange } from './xlsx/styles.js';
import { FILLS, localTime } from './xlsx/text.js';
import { PUNCT } from '../i18n/index.js';
import { FIX_LIST_TEXT } from '../i18n/workbook.js';

/** What the fix list is made of: the run's result, the 姓名 of each row, and the inputs that failed. */
export interface FixListSource extends CheckResult {
  /** 姓名 by rowKey (FixListSink gathers them from the rows). */
  names?: ReadonlyMap<string, string>;
  failures?: readonly { path: string; error: { text(lang: Lang): string }; kind?: 'input' | 'output' }[];
}

export interface FixListOptions {
  lang: Lang;
}

type Value = string | number | null;
type HeadKey = keyof (typeof FIX_LIST_TEXT)['zh']['head'];

/** The real path of a file, or of its folder joined with its name when it does not exist yet. */
function realish(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(p))), basename(p));
    } catch {
      return resolve(p);
    }
  }
}

/** The columns of the fix list: file and sheet only when the run has several. */
export function fixListColumns(findings: readonly Finding[], source: FixListSource): HeadKey[] {
  // 文件 only when the run read several inputs (a problem of the assets folder names its file in the message).
  const files = new Set(source.files.map((f) => f.path)).size > 1 || (source.files.length === 0 && new Set(findings.map((f) => f.file)).size > 1);
  // 工作表 only when some file has problems (or checked sheets) on more than one sheet.
  const perFile = new Map<string, Set<string>>();
  for (const f of findings) if (f.sheet !== null) perFile.set(f.file, (perFile.get(f.file) ?? new Set()).add(f.sheet));
  const sheets = [...perFile.values()].some((s) => s.size > 1) || source.files.some((f) => f.sheets.length > 1);
  return [...(files ? ['file' as const] : []), ...(sheets ? ['sheet' as const] : []), 'row', 'name', 'cell', 'field', 'severity', 'message', 'value', 'suggestion', 'rule'];
}

/** One line of the fix list per finding, in the columns given. */
export function fixListRow(f: Finding, source: FixListSource, lang: Lang, columns: readonly HeadKey[]): Value[] {
  const name = f.row === null ? null : (source.names?.get(rowKey(f.file, f.sheet, f.row)) ?? null);
  const cells: Record<HeadKey, Value> = {
    file: f.file, sheet: f.sheet, row: f.row, name, cell: f.column && f.row !== null ? `${f.column}${f.row}` : f.column,
    field: placeLabel(f, lang), severity: SEVERITY_LABEL[lang][f.severity], message: source.messages.format(f, lang), value: f.value,
    suggestion: f.suggestion, rule: f.rule,
  };
  return columns.map((c) => cells[c]);
}

const WIDTHS: Record<HeadKey, [number, number, boolean?]> = {
  file: [12, 30, true], sheet: [8, 14], row: [5, 7], name: [8, 12], cell: [6, 8], field: [8, 16, true], severity: [6, 8],
  message: [30, 56, true], value: [10, 26, true], suggestion: [12, 28, true], rule: [10, 24, true],
};

/** Refuses a fix-list path that is one of the input files (links included): inputs are never written. */
export function checkFixListTarget(path: string, inputs: readonly string[]): void {
  const target = realish(path);
  if (inputs.some((input) => realish(input) === target)) throw new InputError('output-is-input', { out: path });
}

/** Writes the fix list to `path` (atomically); returns the absolute path written. */
export async function writeFixList(path: string, source: FixListSource, opts: FixListOptions): Promise<string> {
  const lang = opts.lang;
  const t = FIX_LIST_TEXT[lang];
  checkFixListTarget(path, [...source.files.map((f) => f.path), ...(source.failures ?? []).filter((f) => f.kind !== 'output').map((f) => f.path)]);
  const findings = sortFindings(source);
  const keys = fixListColumns(findings, source);
  const columns: TableColumn[] = keys.map((k) => ({ header: t.head[k], min: WIDTHS[k][0], max: WIDTHS[k][1], wrap: WIDTHS[k][2] === true }));
  const who = new Set<HeadKey>(['file', 'sheet', 'row', 'name']);
  const sevCol = keys.indexOf('severity');
  const rows = function* (): Generator<TableRow> {
    let group = '';
    for (const f of findings) {
      const key = rowKey(f.file, f.sheet, f.row);
      const first = key !== group;
      group = key;
      const styles: (XfChange | undefined)[] = keys.map((k) => (who.has(k) ? (first ? { bold: true } : { color: 'FF808080' }) : undefined));
      styles[sevCol] = { ...(styles[sevCol] ?? {}), fill: FILLS[f.severity] };
      yield { values: fixListRow(f, source, lang, keys), styles, group: key, first };
    }
  };
  return writeNewWorkbook(path, 'fix-list', async (book) => {
    await book.addTable(t.listSheet, columns, rows, { filter: true, hash: true });
    await book.addLines(t.summarySheet, summaryLines(source, findings, lang), [32, 56, 12, 10, 10, 10]);
  }, { title: t.title, category: FIX_LIST_CATEGORY });
}

/** `--fix-list` as a sink of the run: the 姓名 of every data row as it goes by, then the list. */
export class FixListSink implements RowSink {
  private readonly names = new Map<string, string>();

  constructor(private readonly path: string, private readonly lang: Lang) {}

  async addRows(rows: readonly SinkRow[]): Promise<void> {
    for (const { record } of rows) if (record?.v.name) this.names.set(rowKey(record.file, record.sheet, record.row), record.v.name);
  }

  /** Writes the list; one that cannot be written is a warning of the run, never its end. */
  async finish(result: CheckResult): Promise<SinkOutcome> {
    try {
      const fixList = await writeFixList(this.path, { ...result, names: this.names }, { lang: this.lang });
      return { result: { fixList }, outputs: [{ path: fixList, kind: 'fix-list', written: true }] };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const detail = e.data.detail ?? e.text(this.lang);
      return { warnings: [new RunWarning('fix-list-failed', { path: this.path, detail })], outputs: [{ path: this.path, kind: 'fix-list', written: false }] };
    }
  }

  abort(): void {}
}

function summaryLines(source: FixListSource, findings: readonly Finding[], lang: Lang): SummaryLine[] {
  const t = FIX_LIST_TEXT[lang];
  const lines: SummaryLine[] = [];
  const add = (values: readonly Value[], bold = false, head = false): void => {
    lines.push({ values, bold, head });
  };
  const s = summarize(source);
  add([t.title], true);
  add([t.time, localTime(source.startedAt)]);
  add([t.files, s.files]);
  add([t.rows, s.rows]);
  add([t.rowsWithErrors, s.rowsWithErrors]);
  add([t.rowsWithWarnings, s.rowsWithWarnings]);
  add([t.errors, s.errors]);
  add([t.warnings, s.warnings]);
  add([t.infos, s.infos]);
  for (const f of source.failures ?? []) add([f.kind === 'output' ? t.unwritten : t.failed, `${f.path}${PUNCT[lang].colon}${f.error.text(lang)}`]);
  add([]);

  // Per file: every input read (also those without problems), then any other place findings name (a folder).
  add(t.byFile, true, true);
  const paths = [...source.files.map((f) => f.path)];
  for (const f of findings) if (!paths.includes(f.file)) paths.push(f.file);
  for (const path of paths) {
    const files = source.files.filter((f) => f.path === path);
    const own = findings.filter((f) => f.file === path);
    const fs = summarize({ ...source, files, findings: own });
    add([path, fs.rows, fs.rowsWithErrors, fs.errors, fs.warnings, fs.infos]);
  }
  add([]);

  const counts = countByRule(findings);
  if (counts.length === 0) {
    add([t.noProblems], true);
  } else {
    add(t.byRule, true, true);
    for (const c of counts) add([c.rule, source.messages.description(c.rule, lang), SEVERITY_LABEL[lang][c.severity], c.count]);
  }
  return lines;
}
