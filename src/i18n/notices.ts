/**
 * Text of the readers' notices (src/read/types.ts `Notice`), in Chinese and English. Notices are data like
 * findings: the reader gives an id and data, only reporters make text. A template copes with data it does
 * not get (the optional parts are left out), and an unknown id still gives a readable line.
 *
 * Data keys read (all optional): sheet (else `notice.sheet`), reason, header, columns, column, first, used,
 * cells, cell, count, max, rows.
 */
import type { Notice } from '../read/types.js';
import type { InLangs, Lang } from './index.js';

type Data = Record<string, string | number>;
type Template = (n: Notice, d: (key: string) => string | null) => string;

/** The sheet a notice is about, quoted for the language. */
function sheetOf(n: Notice, lang: Lang): string {
  const name = n.sheet ?? (n.data.sheet !== undefined ? String(n.data.sheet) : null);
  return name === null ? SHEET_WORDS[lang].file : SHEET_WORDS[lang].sheet(name);
}

const SHEET_WORDS = {
  zh: { file: '表格', sheet: (name: string) => `工作表「${name}」`, all: (cells: string) => `（${cells}）`, first: (cell: string) => `（如 ${cell}）` },
  en: { file: 'the file', sheet: (name: string) => `sheet "${name}"`, all: (cells: string) => ` (${cells})`, first: (cell: string) => ` (e.g. ${cell})` },
} as const satisfies InLangs<unknown>;

export const NOTICE_MESSAGES: Record<string, Record<Lang, Template>> = {
  'sheet-skipped': {
    zh: (n, d) => `${sheetOf(n, 'zh')}中没有找到表头行，未检查${d('reason') ? `（${d('reason')}）` : ''}`,
    en: (n, d) => `${cap(sheetOf(n, 'en'))} has no recognisable header row and was not checked${d('reason') ? ` (${d('reason')})` : ''}`,
  },
  'duplicate-header': {
    zh: (n, d) => {
      const cols = d('columns') ? `${d('columns')} 列` : d('first') && d('column') ? `${d('first')} 列和 ${d('column')} 列` : d('column') ? `${d('column')} 列` : null;
      const used = d('used') ?? d('first');
      return `${sheetOf(n, 'zh')}的表头“${d('header') ?? '?'}”出现了不止一次${cols ? `（${cols}）` : ''}`
        + `${used ? `，检查的是 ${used} 列` : ''}；请删除或改名多余的列`;
    },
    en: (n, d) => {
      const cols = d('columns') ?? (d('first') && d('column') ? `${d('first')} and ${d('column')}` : d('column'));
      const used = d('used') ?? d('first');
      return `The header "${d('header') ?? '?'}" appears more than once in ${sheetOf(n, 'en')}${cols ? ` (columns ${cols})` : ''}`
        + `${used ? `; column ${used} was checked` : ''}; remove or rename the extra columns`;
    },
  },
  'ignored-columns': {
    zh: (n, d) => `${sheetOf(n, 'zh')}中这些列不是登记项目，未检查：${d('columns') ?? d('count') ?? ''}`,
    en: (n, d) => `These columns of ${sheetOf(n, 'en')} are not registration fields and were not checked: ${d('columns') ?? d('count') ?? ''}`,
  },
  'formula-no-result': {
    zh: (n, d) =>
      `${sheetOf(n, 'zh')}中${d('count') ? ` ${d('count')} 个` : '有'}公式单元格没有保存计算结果${cellsOf(d, 'zh')}，`
      + '按空值检查；请在 Excel/WPS 中打开并保存后再检查',
    en: (n, d) =>
      `${d('count') ? `${d('count')} formula cells` : 'Formula cells'} in ${sheetOf(n, 'en')} have no saved result${cellsOf(d, 'en')}`
      + ' and were checked as empty; open and save the file in Excel/WPS and check again',
  },
  'bad-bytes': {
    zh: (n, d) =>
      `${sheetOf(n, 'zh')}按 UTF-8 读取，但${d('count') ? ` ${d('count')} 行` : '部分行'}含有无法识别的字节${d('rows') ? `（第 ${d('rows')} 行）` : ''}，`
      + '已显示为 �；请核对这些行，或用 --encoding 指定编码',
    en: (n, d) =>
      `${cap(sheetOf(n, 'en'))} reads as UTF-8, but ${d('count') ? `${d('count')} rows hold` : 'some rows hold'} bytes that are not UTF-8${d('rows') ? ` (rows ${d('rows')})` : ''},`
      + ' shown as �; check those rows, or give the encoding with --encoding',
  },
  'macros-removed': {
    zh: (_n, d) => `这个工作簿含有宏（.xlsm）：${d('out') ? `标注副本 ${d('out')} ` : '标注副本'}是不含宏的 .xlsx 文件，宏没有复制（原文件不变）`,
    en: (_n, d) => `The workbook holds macros (.xlsm): ${d('out') ? `the annotated copy ${d('out')}` : 'the annotated copy'} is a plain .xlsx without them (the original is unchanged)`,
  },
  'marks-replaced': {
    zh: (_n, d) => `这是 cert-check 写出的标注副本：上次的检查结果列、标色、批注和问题清单、汇总已换成这次的结果${d('out') ? `，写在 ${d('out')}，请打开这个文件修改` : ''}`,
    en: (_n, d) => `This is a copy cert-check annotated before: its earlier result columns, fills, notes, problem list and summary were replaced by this check's${d('out') ? `, written to ${d('out')}; open that file to make corrections` : ''}`,
  },
  'truncated-rows': {
    zh: (n, d) =>
      `${sheetOf(n, 'zh')}${d('max') ? `超过 ${d('max')} 行，` : ''}${d('count') ?? d('rows') ? `有 ${d('count') ?? d('rows')} 行` : '部分行'}未检查`,
    en: (n, d) =>
      `${cap(sheetOf(n, 'en'))}${d('max') ? ` has more than ${d('max')} rows;` : ':'} ${d('count') ?? d('rows') ? `${d('count') ?? d('rows')} rows were` : 'some rows were'} not checked`,
  },
};

/** The cells a notice names: all of them (`cells`) or the first (`cell`). */
function cellsOf(d: (key: string) => string | null, lang: Lang): string {
  const all = d('cells');
  if (all) return SHEET_WORDS[lang].all(all);
  const first = d('cell');
  if (first) return SHEET_WORDS[lang].first(first);
  return '';
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lookup(data: Data): (key: string) => string | null {
  return (key) => {
    const v = data[key];
    return v === undefined || v === '' ? null : String(v);
  };
}

/** One line of text for a notice. */
export function formatNotice(n: Notice, lang: Lang): string {
  const data = n.data ?? {};
  const template = NOTICE_MESSAGES[n.id]?.[lang];
  if (template) return template(n, lookup(data));
  const details = Object.entries(data).map(([k, v]) => `${k}=${v}`).join(', ');
  const where = n.sheet ? `${sheetOf(n, lang)}: ` : '';
  return `${where}${n.id}${details ? ` (${details})` : ''}`;
}
