/** Typed errors at the edge: an InputError becomes one clear sentence on stderr and exit 2. */
import { fillTemplate } from './engine/messages.js';
import type { Lang } from './engine/types.js';

export const INPUT_MESSAGES = {
  'missing-path': { zh: '找不到文件或文件夹：{path}。请检查路径是否写对。', en: 'No such file or folder: {path}. Check the path.' },
  'empty-file': { zh: '文件是空的：{path}。请确认保存了正确的表格。', en: 'The file is empty: {path}. Check that the right spreadsheet was saved.' },
  'not-spreadsheet': {
    zh: '{path} 不是 .xlsx 或 .csv 等表格文件（看起来是 {kind}）。cert-check 读取 .xlsx、.xls、.et、.ods 和 .csv/.tsv/.txt 文本；请在 Excel/WPS 中另存为 .xlsx 后再检查。',
    en: '{path} is not an .xlsx or .csv spreadsheet (it looks like {kind}). cert-check reads .xlsx, .xls, .et, .ods and .csv/.tsv/.txt text; save it as .xlsx in Excel/WPS and check again.',
  },
  'corrupt-xls': {
    zh: '{path} 是 Excel 97-2003（.xls/.et）格式的文件，但已损坏或不完整（{detail}），无法读取。请用 Excel/WPS 打开后另存为 .xlsx 再检查，或从原始来源重新获取文件。',
    en: '{path} is an Excel 97-2003 (.xls/.et) file, but it is damaged or incomplete ({detail}). Open it in Excel/WPS and save it as .xlsx, or get the file again.',
  },
  'encrypted-xlsx': {
    zh: '{path} 设置了打开密码（已加密），无法读取。请在 Excel/WPS 中取消密码（文件→信息→保护工作簿）后另存一份再检查。',
    en: '{path} is password-protected (encrypted). Remove the password in Excel/WPS (File → Info → Protect Workbook), save a copy and check again.',
  },
  'corrupt-xlsx': {
    zh: '{path} 已损坏或不完整（{detail}），无法读取。请从原始来源重新获取文件，或用 Excel/WPS 打开后另存为 .xlsx。',
    en: '{path} is damaged or incomplete ({detail}). Get the file again, or open it in Excel/WPS and save it as .xlsx.',
  },
  'no-header': {
    zh: '{path} 中没有找到表头行（前 10 行内应有“{expected}”等列名）。请确认第一张登记表的表头。',
    en: 'No header row found in {path} (the first 10 rows should hold columns such as {expected}). Check the header row.',
  },
  'too-large': {
    zh: '{path} 过大（{detail}），超出本工具的处理上限。请拆分成多个文件后再检查。',
    en: '{path} is too large ({detail}), beyond what cert-check accepts. Split it into several files and check again.',
  },
  'too-many-rows': {
    zh: '{path} 的数据超过 {max} 行（--max-rows）。请拆分文件，或用 --max-rows 调高上限。',
    en: '{path} has more than {max} data rows (--max-rows). Split the file or raise the limit with --max-rows.',
  },
  'bad-encoding': {
    zh: '无法按 {encoding} 编码读取 {path}。请检查 --encoding 的取值（如 gb18030、utf-8）。',
    en: 'Cannot read {path} as {encoding}. Check the --encoding value (e.g. gb18030, utf-8).',
  },
  'no-inputs': {
    zh: '文件夹 {path}（含子文件夹）中没有 .xlsx/.xls/.et/.ods/.csv/.tsv/.txt 登记表{skipped}。请把登记表放进这个文件夹，或直接写出要检查的文件名。',
    en: 'The folder {path} (sub-folders included) holds no .xlsx/.xls/.et/.ods/.csv/.tsv/.txt records{skippedEn}. Put the records there, or name the file to check.',
  },
  'too-many-files': {
    zh: '文件夹 {path} 中的文件太多（超过 {max} 个），不像是一批登记表。请指定登记表所在的文件夹或文件。',
    en: 'The folder {path} holds too many files (more than {max}) to be a batch of records. Name the folder or the files that hold the records.',
  },
  'read-timeout': {
    zh: '读取 {path} 超过 {seconds} 秒仍未完成，文件可能已损坏或过于复杂，已停止。请用 Excel/WPS 打开后另存为 .xlsx 再检查。',
    en: 'Reading {path} took longer than {seconds} s and was stopped; the file may be damaged or too complex. Open it in Excel/WPS, save it as .xlsx and check again.',
  },
  'bad-delimiter': {
    zh: '不认识的分隔符 {delimiter}。--delimiter 可用：逗号 ,（comma）、制表符 tab、分号 ;（semicolon）、竖线 |（pipe）。',
    en: 'Unknown delimiter {delimiter}. --delimiter takes: , (comma), tab, ; (semicolon), | (pipe).',
  },
  'output-is-input': {
    zh: '输出文件 {out} 与输入文件是同一个文件，已拒绝写入以免覆盖原始数据。请用 -o 指定其他文件名。',
    en: 'The output {out} is the input file itself; refusing to overwrite it. Choose another name with -o.',
  },
  'output-failed': { zh: '无法写入 {out}：{detail}。请检查文件是否在 Excel 中打开、目录是否可写。', en: 'Cannot write {out}: {detail}. Is it open in Excel, is the folder writable?' },
  usage: { zh: '{detail}。运行 cert-check --help 查看用法。', en: '{detail}. Run cert-check --help for usage.' },
  'bad-config': { zh: '配置文件 {path} 有误：{detail}', en: 'Configuration {path} is invalid: {detail}' },
} satisfies Record<string, { zh: string; en: string }>;

export type InputMessageId = keyof typeof INPUT_MESSAGES;

/** A problem with the inputs or the command line: exit 2 with one sentence. */
export class InputError extends Error {
  constructor(
    readonly id: InputMessageId,
    readonly data: Record<string, string | number> = {},
  ) {
    super(fillTemplate(INPUT_MESSAGES[id].en, data));
    this.name = 'InputError';
  }

  text(lang: Lang): string {
    return fillTemplate(INPUT_MESSAGES[this.id][lang], this.data);
  }
}
