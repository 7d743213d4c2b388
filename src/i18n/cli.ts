/** The command line's words: its help, its usage errors, and the sentences it writes on stderr. */
import { bilingual, type Bilingual, type InLangs } from './index.js';
import type { SeveritySetting } from '../engine/types.js';
import type { CommitteeList } from '../match/committee.js';
import { yearsText } from './words.js';

export const CLI_TEXT = {
  zh: {
    description: '职称电子证书登记信息批量检查',
    inputs: '表格（.xlsx .xls .et .ods）、文本导出（.csv .tsv .txt）或文件夹（含子文件夹）',
    options: {
      assets: '照片和 PDF 所在文件夹（默认：输入文件所在文件夹）',
      noAssets: '不检查照片和 PDF',
      out: '标注后工作簿的路径（仅一个输入时）',
      outDir: '多个输入时标注工作簿的输出文件夹',
      noOut: '不写标注工作簿',
      format: '输出格式（见下方列表）',
      quiet: '只列出错误（汇总仍统计警告和提示）',
      maxWarnings: '警告超过 n 个时退出码为 1',
      all: '问题很多时也列出每一行（默认每条规则只列前 20 行）',
      reportFile: '把 --format 格式的报告写入该文件；终端仍显示普通报告',
      lang: '消息语言',
      showPii: '在终端和 JSON 中显示完整身份证号',
      encoding: '文本文件编码，如 gb18030、utf-8、utf-16le（默认自动识别：BOM、UTF-8、GB18030）',
      delimiter: '文本文件分隔符：, tab ; |（默认按表头行自动识别）',
      maxRows: '每个文件最多处理的数据行数（默认 500000）',
      cache: '照片/PDF 检查结果缓存文件（.json）',
      config: '配置文件（默认 cert-check.config.json）',
      district: '区县配置文件（JSON，格式同默认的 data/district.json）',
      fix: '写出 <name>.fixed.xlsx（代替 .checked.xlsx），应用所有确定的修正',
      fixPhotos: '把过大或格式不对的免冠照另存为不超过 200KB 的 JPG 到该文件夹（原照片不动）',
      fixList: '把所有输入的全部问题写成一个可筛选的 .xlsx 问题清单',
      cards: '为每人每个证书写出一份登记填报单（HTML，可打印）到该文件夹，并写出目录页',
      noCards: '不写填报单（即使配置文件中有 cards）',
      noColor: '不使用颜色',
    },
    committees: {
      description: '列出官方评审机构名称，或与查询最接近的名称',
      year: '按该年份（取得时间）的名单判断',
      level: '按该职称级别在候选名称中选择',
    },
    template: {
      description: '写出空白登记模板（默认 职称电子证书登记模板.xlsx）：表头、下拉选项、文本格式、填写提示',
      written: (path: string) => `已写出登记模板：${path}`,
    },
    rules: { description: '列出全部检查规则：编号、级别、指南条目、说明' },
    internalError: (message: string) => `内部错误（${message}）。请把所用命令和文件情况反馈给维护人员。`,
    noCards: '有输入文件无法读取，未写出填报单。',
    tooManyWarnings: (warnings: number, max: number) => `有 ${warnings} 个警告，超过了 --max-warnings ${max}。`,
  },
  en: {
    description: 'Batch checker for professional-title certificate registration records',
    inputs: 'spreadsheets (.xlsx .xls .et .ods), text exports (.csv .tsv .txt) or folders (sub-folders included)',
    options: {
      assets: 'folder of photos and PDFs (default: the input\'s folder)',
      noAssets: 'do not check photos and PDFs',
      out: 'annotated workbook path (one input)',
      outDir: 'folder for annotated workbooks of several inputs',
      noOut: 'write no annotated workbook',
      format: 'output format (listed below)',
      quiet: 'list errors only (the summary still counts warnings and infos)',
      maxWarnings: 'exit 1 when there are more than n warnings',
      all: 'list every row even on large inputs (default: the first 20 rows of each rule)',
      reportFile: 'write the --format report to this file; the terminal still shows the pretty report',
      lang: 'message language',
      showPii: 'print ID numbers unmasked',
      encoding: 'encoding of text exports, e.g. gb18030, utf-8, utf-16le (default: detect)',
      delimiter: 'delimiter of text exports: , tab ; | (default: found from the header line)',
      maxRows: 'refuse files with more data rows (default 500000)',
      cache: 'cache of photo/PDF results (.json)',
      config: 'configuration file (default cert-check.config.json)',
      district: 'district profile (JSON, like the default data/district.json)',
      fix: 'write <name>.fixed.xlsx (instead of .checked.xlsx) with every certain fix applied',
      fixPhotos: 'write photos that are too large or not JPEG/PNG as JPEGs of at most 200 KB into this folder (originals untouched)',
      fixList: 'write every problem of every input into one filterable .xlsx list',
      cards: 'write a registration sheet (printable HTML) per person and certificate into this folder, with an index page',
      noCards: 'write no registration sheets (even when the config names a folder)',
      noColor: 'no colours',
    },
    committees: {
      description: 'list official committee names, or those closest to a query',
      year: 'judge as a row of this year (date obtained)',
      level: 'choose among candidates by this title level',
    },
    template: {
      description: 'write a blank registration workbook (default 职称电子证书登记模板.xlsx): headers, dropdowns, text formats, input hints',
      written: (path: string) => `Template written: ${path}`,
    },
    rules: { description: 'list every rule: id, severity, guide section, description' },
    internalError: (message: string) => `internal error (${message}). Please report the command and the file to the maintainers.`,
    noCards: 'some inputs could not be read; no registration sheets were written.',
    tooManyWarnings: (warnings: number, max: number) => `${warnings} warnings, more than --max-warnings ${max} allows.`,
  },
} as const satisfies InLangs<unknown>;

/** Commander's usage errors (English) as Chinese sentences, by its error code; `arg` is the option or command named. */
export const COMMANDER_ZH: Record<string, (arg: string, message: string) => string> = {
  'commander.unknownOption': (arg) => `不认识的选项 ${arg}`,
  'commander.missingArgument': () => '缺少要检查的文件：请写出 .xlsx/.xls/.et/.ods/.csv 文件或文件夹',
  'commander.optionMissingArgument': (arg) => `选项 ${arg} 需要一个值`,
  'commander.invalidArgument': (_arg, message) => `选项的值不对：${message}`,
  'commander.unknownCommand': (arg) => `不认识的命令 ${arg}`,
  'commander.excessArguments': () => '参数太多',
};

/** The details of usage errors the command line finds itself (an InputError's `detail`, said in both languages). */
export const USAGE = {
  maxWarnings: (value: string): Bilingual => bilingual(`--max-warnings 应为 0 或正整数，而不是 ${value}`, `--max-warnings takes 0 or a positive whole number, not ${value}`),
  maxRows: (value: string): Bilingual => bilingual(`--max-rows 应为正整数，而不是 ${value}`, `--max-rows takes a positive whole number, not ${value}`),
  year: (value: string): Bilingual => bilingual(`--year 应为四位年份，而不是 ${value}`, `--year takes a four-digit year, not ${value}`),
  fixListName: (value: string): Bilingual => bilingual(`--fix-list 的文件名应以 .xlsx 结尾，而不是 ${value}`, `the --fix-list file name must end in .xlsx, not ${value}`),
  // Also what catches a forgotten cache name: `--cache a.xlsx b.xlsx` would otherwise overwrite a.xlsx.
  cacheName: (value: string): Bilingual => bilingual(`--cache 的文件名应以 .json 结尾，而不是 ${value}（是否漏写了缓存文件名？）`, `the --cache file name must end in .json, not ${value} (was the cache name left out?)`),
  fixPhotosNoAssets: bilingual('--fix-photos 需要检查照片，不能与 --no-assets 同用', '--fix-photos needs the photos checked; it cannot go with --no-assets'),
  outWithSeveral: bilingual('有多个输入文件时不能用 -o，请改用 --out-dir', '-o cannot be used with several inputs; use --out-dir'),
  fixPhotosInAssets: (target: string, assetsDir: string, same: boolean): Bilingual => bilingual(
    `--fix-photos 的文件夹 ${target} ${same ? '就是' : '位于'}素材文件夹 ${assetsDir}${same ? '' : ' 之内'}：修正后的照片会与原照片混在一起（同名照片被改写，或下次检查时同一人有两张照片），而原照片必须保持不动；请指定素材文件夹之外的文件夹`,
    `the --fix-photos folder ${target} is ${same ? '' : 'inside '}the assets folder ${assetsDir}: the fixed photos would mix with the originals (overwriting them, or giving a person two photos next time), and the originals must stay untouched; choose a folder outside the assets folder`,
  ),
  fixPhotosFile: (target: string): Bilingual => bilingual(`--fix-photos 应为文件夹，而 ${target} 是一个文件`, `--fix-photos needs a folder; ${target} is a file`),
};

/** Why an existing file at an output the user named is not cert-check's to replace (the {what} of output-not-own). */
export const FOREIGN_OUTPUT = {
  notOwn: bilingual('不是 cert-check 写出的工作簿（可能是登记表）', 'is not a workbook cert-check wrote (it may be records)'),
  edited: bilingual('是 cert-check 写出的工作簿，但之后有人改动并保存过', 'is a workbook cert-check wrote, but someone has edited and saved it since'),
  otherKind: bilingual('是 cert-check 写出的另一种文件（模板或问题清单）', 'is another kind of file cert-check wrote (a template or a fix list)'),
  spreadsheet: bilingual('是一份表格文件，不是报告', 'is a spreadsheet, not a report'),
};

/** The terminal's progress line. */
export const PROGRESS_TEXT = {
  zh: {
    starting: '正在检查…',
    checking: (which: string) => `正在检查 ${which}`,
    row: (row: string) => `第 ${row} 行`,
    rowOf: (row: string, total: string) => `第 ${row} / ${total} 行`,
  },
  en: {
    starting: 'Checking…',
    checking: (which: string) => `Checking ${which}`,
    row: (row: string) => `row ${row}`,
    rowOf: (row: string, total: string) => `row ${row} / ${total}`,
  },
} as const satisfies InLangs<unknown>;

/** `cert-check rules`: its table. */
export const RULES_COMMAND_TEXT = {
  zh: {
    head: ['规则', '级别', '指南', '说明'],
    severity: { error: '错误', warning: '警告', info: '提示', off: '关闭' } as Record<SeveritySetting, string>,
    configured: '（配置）',
    none: '—',
    title: (n: number) => `共 ${n} 条规则（级别：错误 = 平台会拒绝或指南不允许；警告 = 可能有误，请人工核对；提示 = 供参考）`,
  },
  en: {
    head: ['Rule', 'Severity', 'Guide', 'Description'],
    severity: { error: 'error', warning: 'warning', info: 'info', off: 'off' } as Record<SeveritySetting, string>,
    configured: ' (config)',
    none: '-',
    title: (n: number) => `${n} rules (error: the platform refuses it or the guide forbids it; warning: probably wrong, a person should look; info: for reference)`,
  },
} as const satisfies InLangs<unknown>;

/** `cert-check committees`: the lists, and the verdict on a name. */
export const COMMITTEES_TEXT = {
  zh: {
    title: (n: number) => `评审机构名称（共 ${n} 个）。每行按其年份（取得时间，否则发证时间，否则批准文号的年份）对照当年的名单；没有当年名单的年份，以最近的名单作参考。`,
    list: (l: CommitteeList, n: number) => `名单：${l.title}（${yearsText(l.years, 'zh')}，${l.source}，${n} 个）`,
    offices: '初定、确认：职称改革办公室',
    committees: (levels: string) => `${levels}评审委员会`,
    user: '配置文件添加',
    item: (n: number) => `附件2第${n}项`,
    closest: (q: string, n: number) => `与“${q}”最接近的 ${n} 个名称：`,
    own: (y: number, titles: string) => `按 ${y} 年判断，使用 ${y} 年的名单：${titles}。`,
    nearest: (y: number, titles: string) => `按 ${y} 年判断：${y} 年没有自己的名单，以最近的名单作参考：${titles}（名单外的名称只提示核对，不判错、不自动修改）。`,
    noYear: '未指定年份（--year）：没有按年份的名单可对照，名单外的名称只提示核对。',
    exact: (q: string) => `“${q}”是名单中的名称。`,
    form: (name: string) => `写法与名单中的名称不一致，应写作：${name}`,
    misprint: (name: string) => `照抄了指南附件2的印刷错误，正式名称是：${name}`,
    office: (name: string) => `这是职称改革办公室（初定、确认填写）：${name}`,
    otherOffice: '这是一个职称改革办公室，不在名单中。',
    incomplete: (name: string, fix: boolean) => `名称不完整，请完整填写：${name}${fix ? '（当年名单中唯一对应，--fix 会改正）' : '（只作建议：没有当年的名单）'}`,
    incompleteSome: (list: string) => `名称不完整，可能是：${list}`,
    incompleteNone: '名称不完整，名单中没有与之对应的评审委员会，请按批准文件完整填写。',
    typo: (name: string) => `与当年名单中的名称只差一两个字，应写作：${name}`,
    typoSome: (list: string) => `与当年名单中的名称只差一两个字，可能是：${list}`,
    period: (name: string) => `与名单中的“${name}”只是不同时期的写法，请与批准文件核对（不判错、不自动修改）。`,
    unlisted: (list: string) => `不在所用名单中，无法核对，请与批准文件核对。最接近的：${list}`,
    sep: '；',
  },
  en: {
    title: (n: number) => `Committee names (${n}). Each row is judged against the list of its year (date obtained, else issue date, else the approval number's year); a year without a list of its own uses the nearest list as a reference.`,
    list: (l: CommitteeList, n: number) => `List: ${l.title} (${yearsText(l.years, 'en')}, ${l.source}, ${n})`,
    offices: '初定/确认: title-reform offices',
    committees: (levels: string) => `Committees awarding ${levels} titles`,
    user: 'from the configuration',
    item: (n: number) => `annex 2 item ${n}`,
    closest: (q: string, n: number) => `The ${n} names closest to "${q}":`,
    own: (y: number, titles: string) => `Judged as ${y}, against the list of ${y}: ${titles}.`,
    nearest: (y: number, titles: string) => `Judged as ${y}: ${y} has no list of its own; the nearest is only a reference: ${titles} (a name not on it gets a warning, never an error or a fix).`,
    noYear: 'No year given (--year): there is no list of the year to judge against; a name not on a list only gets a warning.',
    exact: (q: string) => `"${q}" is a listed name.`,
    form: (name: string) => `differs from the listed spelling; write ${name}`,
    misprint: (name: string) => `copies a misprint of the guide's annex 2; the official name is ${name}`,
    office: (name: string) => `a title-reform office (for 初定/确认): ${name}`,
    otherOffice: 'a title-reform office not on the lists.',
    incomplete: (name: string, fix: boolean) => `incomplete; write the full name: ${name}${fix ? ' (the one match on the list of the year: --fix corrects it)' : ' (a suggestion only: the year has no list)'}`,
    incompleteSome: (list: string) => `incomplete; it may be: ${list}`,
    incompleteNone: 'incomplete, and no listed committee matches it: write the full name from the approval document.',
    typo: (name: string) => `one or two characters off a name on the list of the year; write ${name}`,
    typoSome: (list: string) => `one or two characters off names on the list of the year: ${list}`,
    period: (name: string) => `differs from "${name}" only by the spelling of another period: check the approval document (no error, no fix).`,
    unlisted: (list: string) => `not on the list used; cannot be verified: check the approval document. Closest: ${list}`,
    sep: '; ',
  },
} as const satisfies InLangs<unknown>;

/** How the output guard names the annotated workbook when no option placed it. */
export const DEFAULT_WORKBOOK_OPTION = bilingual('标注工作簿（默认位置）', 'the annotated workbook (default place)');
