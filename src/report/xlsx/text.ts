/** The words and colours of the workbooks cert-check writes, in Chinese and English. */
import type { Severity } from '../../engine/types.js';

/** The fill of a cell that --fix corrected (light blue). */
export const FIXED_FILL = 'FFBDD7EE';

/** Cell fills (ARGB) by severity. */
export const FILLS: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
export const VERDICT_FILLS = { pass: 'FFC6EFCE', fix: FILLS.error, check: FILLS.warning } as const;

/** Every fill a mark can have: a cell of one of these colours with a cert-check note is a mark. */
export const MARK_FILLS: ReadonlySet<string> = new Set([...Object.values(FILLS), FIXED_FILL]);

export const WORKBOOK_TEXT = {
  zh: {
    result: '检查结果', problems: '问题说明', suggestions: '建议修改',
    pass: '通过', fix: '需修改', check: '请核对',
    listSheet: '问题清单', summarySheet: '汇总',
    list: { file: '文件', sheet: '工作表', row: '行号', name: '姓名', field: '字段', severity: '级别', message: '问题', suggestion: '建议值', rule: '规则', cell: '单元格', value: '原值' },
    suggestion: '建议', rowLevel: '整行',
    title: '检查汇总', input: '输入文件', output: '标注文件', time: '检查时间', sheets: '检查的工作表',
    sheetLine: (name: string, header: number | null, rows: number) => (header === null ? `${name}（未检查）` : `${name}（表头第 ${header} 行，${rows} 行数据）`),
    rows: '数据行数', rowsWithErrors: '有错误的行', rowsWithWarnings: '有警告的行', errors: '错误', warnings: '警告', infos: '提示',
    notices: '说明', byRule: { rule: '规则', description: '规则说明', severity: '级别', count: '数量' },
    noProblems: '全部通过，没有发现问题',
    overflow: '本行的检查结果列已有原始数据，未写入；问题如下：',
    fixedNote: (from: string, rules: string) => `[已自动修正] 原值：${from === '' ? '（空）' : from}（${rules}）`,
    howTo: '怎样修改：在原工作表中修改标色的单元格（鼠标移到单元格上可看批注），改好后保存，再检查一次。',
  },
  en: {
    result: 'Result', problems: 'Problems', suggestions: 'Suggested values',
    pass: 'Pass', fix: 'Fix needed', check: 'Please check',
    listSheet: 'Problems', summarySheet: 'Summary',
    list: { file: 'File', sheet: 'Sheet', row: 'Row', name: 'Name', field: 'Field', severity: 'Severity', message: 'Problem', suggestion: 'Suggested value', rule: 'Rule', cell: 'Cell', value: 'Value' },
    suggestion: 'Suggestion', rowLevel: 'row',
    title: 'Check summary', input: 'Input', output: 'Annotated workbook', time: 'Checked at', sheets: 'Sheets checked',
    sheetLine: (name: string, header: number | null, rows: number) => (header === null ? `${name} (not checked)` : `${name} (header on row ${header}, ${rows} data rows)`),
    rows: 'Data rows', rowsWithErrors: 'Rows with errors', rowsWithWarnings: 'Rows with warnings', errors: 'Errors', warnings: 'Warnings', infos: 'Infos',
    notices: 'Notes', byRule: { rule: 'Rule', description: 'Description', severity: 'Severity', count: 'Count' },
    noProblems: 'All clear, no problems found',
    overflow: 'The result columns of this row already hold data and were not written; the problems are:',
    fixedNote: (from: string, rules: string) => `[fixed automatically] old value: ${from === '' ? '(empty)' : from} (${rules})`,
    howTo: 'How to fix: correct the coloured cells on the checked sheet (hover over a cell for its note), save, and check again.',
  },
} as const;

/** Headers of the three result columns in either language (to find them in a workbook checked before). */
export const RESULT_HEADERS: readonly (readonly [string, string, string])[] = [WORKBOOK_TEXT.zh, WORKBOOK_TEXT.en].map((t) => [t.result, t.problems, t.suggestions] as const);

/** Names of the sheets an annotated workbook adds, in either language (with "(2)"… of older copies). */
export function isAddedSheetName(name: string): boolean {
  const base = name.replace(/\(\d+\)$/, '');
  return [WORKBOOK_TEXT.zh, WORKBOOK_TEXT.en].some((t) => base === t.listSheet || base === t.summarySheet);
}

/** "2026-11-27 14:08:00 (UTC+08:00)" in the machine's time zone. */
export function localTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const zone = `UTC${off >= 0 ? '+' : '-'}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} (${zone})`;
}
