/** The words of the workbooks cert-check writes: the annotated copy's columns, notes and added sheets, the fix list. */
import type { InLangs } from './index.js';

/** The annotated workbook (and the --fix copy): result columns, notes, 问题清单 and 汇总. */
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
} as const satisfies InLangs<unknown>;

/** The problem list (--fix-list). */
export const FIX_LIST_TEXT = {
  zh: {
    listSheet: WORKBOOK_TEXT.zh.listSheet,
    summarySheet: WORKBOOK_TEXT.zh.summarySheet,
    head: { file: '文件', sheet: '工作表', row: '行号', name: '姓名', cell: '单元格', field: '字段', severity: '级别', message: '问题', value: '原值', suggestion: '应填写', rule: '规则' },
    title: '问题清单汇总', time: '检查时间', files: '文件数', rows: '数据行数', rowsWithErrors: '有错误的行', rowsWithWarnings: '有警告的行',
    errors: '错误', warnings: '警告', infos: '提示', problems: '问题数',
    byFile: ['文件', '数据行数', '有错误的行', '错误', '警告', '提示'],
    byRule: ['规则', '规则说明', '级别', '数量'],
    failed: '未能读取的文件', unwritten: '未能写出的文件', noProblems: '全部通过，没有发现问题',
  },
  en: {
    listSheet: WORKBOOK_TEXT.en.listSheet,
    summarySheet: WORKBOOK_TEXT.en.summarySheet,
    head: { file: 'File', sheet: 'Sheet', row: 'Row', name: 'Name', cell: 'Cell', field: 'Field', severity: 'Severity', message: 'Problem', value: 'Value', suggestion: 'Type instead', rule: 'Rule' },
    title: 'Problem list summary', time: 'Checked at', files: 'Files', rows: 'Data rows', rowsWithErrors: 'Rows with errors', rowsWithWarnings: 'Rows with warnings',
    errors: 'Errors', warnings: 'Warnings', infos: 'Infos', problems: 'Problems',
    byFile: ['File', 'Data rows', 'Rows with errors', 'Errors', 'Warnings', 'Infos'],
    byRule: ['Rule', 'Description', 'Severity', 'Count'],
    failed: 'Could not be read', unwritten: 'Could not be written', noProblems: 'All clear, no problems found',
  },
} as const satisfies InLangs<unknown>;
