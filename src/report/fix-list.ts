/**
 * `--fix-list <file>`: one workbook with every problem of every input of the run, for the person who fixes
 * the records. Sheet 问题清单: one row per problem (文件, 工作表, 行号, 姓名, 字段, 列, 级别, 问题, 原值,
 * 建议值, 规则), header frozen, autofilter on every column, the 级别 cell filled by severity. Sheet 汇总:
 * the totals, counts per file and per rule, and the inputs that could not be read.
 *
 * Written with exceljs' streaming writer into a temporary file renamed into place when complete
 * (openAtomicXlsx). ID numbers are NOT masked: like the annotated workbook, this file is the clerk's own
 * data, made for correcting it (the original value of an ID cell must be visible to be fixed).
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { SEVERITY_LABEL } from '../engine/messages.js';
import type { Finding, Lang } from '../engine/types.js';
import { columnLetter } from '../model/fields.js';
import { countByRule, placeLabel, sortFindings } from './common.js';
import { summarize, type CheckResult } from './types.js';
import { FIX_LIST_CATEGORY } from '../read/inputs.js';
import { FILLS, localTime, openAtomicXlsx, solid, text, WORKBOOK_TEXT, type XSheet } from './workbook.js';

/** The key of a row in `names`: file, sheet and row joined by NUL (the same as src/assets' recordKey). */
export function nameKey(file: string, sheet: string | null, row: number | null): string {
  return `${file}\u0000${sheet}\u0000${row}`;
}

/** What the fix list is made of: the run's result, the 姓名 of each row, and the inputs that failed. */
export interface FixListSource extends CheckResult {
  /** 姓名 by nameKey (the pipeline's RunResult.names with `collectNames`). */
  names?: ReadonlyMap<string, string>;
  failures?: readonly { path: string; error: { text(lang: Lang): string }; kind?: 'input' | 'output' }[];
}

export interface FixListOptions {
  lang: Lang;
}

export const FIX_LIST_TEXT = {
  zh: {
    listSheet: WORKBOOK_TEXT.zh.listSheet,
    summarySheet: WORKBOOK_TEXT.zh.summarySheet,
    head: ['文件', '工作表', '行号', '姓名', '字段', '列', '级别', '问题', '原值', '建议值', '规则'],
    title: '问题清单汇总', time: '检查时间', files: '文件数', rows: '数据行数', rowsWithErrors: '有错误的行', rowsWithWarnings: '有警告的行',
    errors: '错误', warnings: '警告', infos: '提示', problems: '问题数',
    byFile: ['文件', '数据行数', '有错误的行', '错误', '警告', '提示'],
    byRule: ['规则', '规则说明', '级别', '数量'],
    failed: '未能读取的文件', unwritten: '未能写出的文件', noProblems: '全部通过，没有发现问题',
  },
  en: {
    listSheet: WORKBOOK_TEXT.en.listSheet,
    summarySheet: WORKBOOK_TEXT.en.summarySheet,
    head: ['File', 'Sheet', 'Row', 'Name', 'Field', 'Column', 'Severity', 'Problem', 'Value', 'Suggested value', 'Rule'],
    title: 'Problem list summary', time: 'Checked at', files: 'Files', rows: 'Data rows', rowsWithErrors: 'Rows with errors', rowsWithWarnings: 'Rows with warnings',
    errors: 'Errors', warnings: 'Warnings', infos: 'Infos', problems: 'Problems',
    byFile: ['File', 'Data rows', 'Rows with errors', 'Errors', 'Warnings', 'Infos'],
    byRule: ['Rule', 'Description', 'Severity', 'Count'],
    failed: 'Could not be read', unwritten: 'Could not be written', noProblems: 'All clear, no problems found',
  },
} as const;

const WIDTHS = [28, 12, 7, 10, 16, 6, 7, 64, 28, 28, 26];

type Value = string | number | null;

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

/** One row of 问题清单 per finding, in the columns of FIX_LIST_TEXT.head. */
export function fixListRow(f: Finding, source: FixListSource, lang: Lang): Value[] {
  const name = f.row === null ? null : (source.names?.get(nameKey(f.file, f.sheet, f.row)) ?? null);
  return [
    f.file, f.sheet, f.row, name, placeLabel(f, lang), f.column, SEVERITY_LABEL[lang][f.severity],
    source.messages.format(f, lang), f.value, f.suggestion, f.rule,
  ];
}

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
  const file = await openAtomicXlsx(path);
  try {
    const wb = file.writer;
    // Marked, so that a fix list saved in the records folder is not taken for records by the next run.
    (wb as unknown as { category?: string }).category = FIX_LIST_CATEGORY;
    const ws = wb.addWorksheet(t.listSheet, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    ws.columns = WIDTHS.map((width) => ({ width }));
    ws.autoFilter = `A1:${columnLetter(t.head.length)}${findings.length + 1}`;
    const head = ws.getRow(1);
    t.head.forEach((h, i) => {
      const cell = head.getCell(i + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.fill = solid('FFD9D9D9');
    });
    head.commit();
    const sevCol = 7;
    const wrapCol = 8;
    findings.forEach((f, k) => {
      const r = ws.getRow(k + 2);
      fixListRow(f, source, lang).forEach((v, i) => {
        if (v === null || v === '') return;
        const cell = r.getCell(i + 1);
        // Strings stay strings (an ID number or 证书编号 is never turned into a number).
        cell.value = typeof v === 'string' ? text(v) : v;
        if (i + 1 === wrapCol) cell.alignment = { wrapText: true, vertical: 'top' };
      });
      r.getCell(sevCol).fill = solid(FILLS[f.severity]);
      r.commit();
    });
    ws.commit();

    writeSummary(wb.addWorksheet(t.summarySheet), source, findings, lang);
  } catch (err) {
    await file.abort();
    throw err;
  }
  await file.commit();
  return resolve(path);
}

function writeSummary(ws: XSheet, source: FixListSource, findings: readonly Finding[], lang: Lang): void {
  const t = FIX_LIST_TEXT[lang];
  ws.columns = [{ width: 32 }, { width: 56 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 10 }];
  let n = 0;
  const add = (values: readonly Value[], bold = false): void => {
    const r = ws.getRow(++n);
    values.forEach((v, i) => {
      if (v === null) return;
      const cell = r.getCell(i + 1);
      cell.value = typeof v === 'string' ? text(v) : v;
      if (bold) cell.font = { bold: true };
    });
    r.commit();
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
  for (const f of source.failures ?? []) add([f.kind === 'output' ? t.unwritten : t.failed, `${f.path}：${f.error.text(lang)}`]);
  n++;

  // Per file: every input read (also those without problems), then any other place findings name (a folder).
  add(t.byFile, true);
  const paths = [...source.files.map((f) => f.path)];
  for (const f of findings) if (!paths.includes(f.file)) paths.push(f.file);
  for (const path of paths) {
    const files = source.files.filter((f) => f.path === path);
    const own = findings.filter((f) => f.file === path);
    const fs = summarize({ ...source, files, findings: own });
    add([path, fs.rows, fs.rowsWithErrors, fs.errors, fs.warnings, fs.infos]);
  }
  n++;

  const counts = countByRule(findings);
  if (counts.length === 0) {
    add([t.noProblems], true);
  } else {
    add(t.byRule, true);
    for (const c of counts) add([c.rule, source.messages.description(c.rule, lang), SEVERITY_LABEL[lang][c.severity], c.count]);
  }
  ws.commit();
}
