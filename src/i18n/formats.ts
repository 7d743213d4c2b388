/** The words of the report formats for machines and CI (src/report/formats): GitHub commands, JUnit, CSV/TSV, the --format help. */
import type { Finding } from '../engine/types.js';
import { count, type InLangs } from './index.js';
import { SEVERITY_LABEL } from './report.js';

/** GitHub Actions workflow commands. */
export const GITHUB_TEXT = {
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
} satisfies InLangs<unknown>;

/** JUnit XML. */
export const JUNIT_TEXT = {
  zh: {
    row: (n: number) => `第 ${n} 行`,
    wholeFile: '整个文件',
    rest: (n: number) => `其余 ${count(n)} 行数据`,
    all: (n: number) => `全部 ${count(n)} 行数据`,
    read: '读取文件',
    assets: '素材文件',
    severity: '级别：',
    rule: '规则：',
    cell: '位置：',
    value: '原值：',
    suggest: '建议：',
  },
  en: {
    row: (n: number) => `row ${n}`,
    wholeFile: 'whole file',
    rest: (n: number) => `the other ${count(n)} data rows`,
    all: (n: number) => `all ${count(n)} data rows`,
    read: 'read the file',
    assets: 'asset files',
    severity: 'severity: ',
    rule: 'rule: ',
    cell: 'place: ',
    value: 'value: ',
    suggest: 'suggestion: ',
  },
} satisfies InLangs<unknown>;

/** The header line of the CSV and TSV reports. */
export const DELIMITED_HEADERS: InLangs<string[]> = {
  zh: ['文件', '工作表', '行', '列', '字段', '级别', '问题', '原值', '建议值', '规则'],
  en: ['file', 'sheet', 'row', 'column', 'field', 'severity', 'message', 'value', 'suggestion', 'rule'],
};

/** Each --format choice, as its help line says it. */
export const FORMAT_DESCRIPTIONS = {
  pretty: { zh: '终端报告，按文件和行分组（默认，给人看）', en: 'terminal report grouped by file and row (default, for people)' },
  json: { zh: '一个 JSON 文档（给脚本和 CI）', en: 'one JSON document (for scripts and CI)' },
  github: { zh: 'GitHub Actions 工作流命令（::error 注释）', en: 'GitHub Actions workflow commands (::error annotations)' },
  junit: { zh: 'JUnit XML（GitLab、Jenkins 的测试报告）', en: 'JUnit XML (GitLab and Jenkins test reports)' },
  csv: { zh: 'CSV，每个问题一行（UTF-8 带 BOM，可用 Excel 打开筛选）', en: 'CSV, one line per problem (UTF-8 with BOM, opens in Excel)' },
  tsv: { zh: '制表符分隔，每个问题一行（UTF-8 带 BOM）', en: 'tab-separated, one line per problem (UTF-8 with BOM)' },
} satisfies Record<string, InLangs<string>>;

export const FORMATS_HEADING: InLangs<string> = { zh: '输出格式（-f, --format）：', en: 'Formats (-f, --format):' };
