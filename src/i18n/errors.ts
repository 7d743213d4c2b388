/** The words of errors and warnings: what went wrong with an input, a file operation or an output, and what to do. */
import { bilingual, type InLangs } from './index.js';

/** The sentences of input and usage errors (src/errors.ts InputError): exit 2, with what to do. */
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
    zh: '输出文件 {out} 与输入文件是同一个文件，已拒绝写入以免覆盖原始数据。请为输出指定其他文件名。',
    en: 'The output {out} is the input file itself; refusing to overwrite it. Give the output another name.',
  },
  'output-failed': { zh: '无法写入 {out}：{detail}。', en: 'Cannot write {out}: {detail}.' },
  'output-in-assets': {
    zh: '{option} 的输出文件 {out} 位于素材文件夹 {dir} 之内，会覆盖或混入照片和证书附件，已拒绝运行。请把它写到素材文件夹之外。',
    en: 'The {option} output {out} lies inside the assets folder {dir}, where it would replace or mix with the photos and attachments; refusing to run. Write it outside the assets folder.',
  },
  'output-clash': {
    zh: '{out} 既是 {first} 的输出又是 {second} 的输出，两者会互相覆盖，已拒绝运行。请为它们指定不同的文件。',
    en: '{out} is the output of both {first} and {second}; one would overwrite the other, so nothing was run. Give them different files.',
  },
  'output-not-file': {
    zh: '{option} 的输出 {out} 已存在且是{kind}，不是普通文件，已拒绝覆盖。请指定一个文件名。',
    en: 'The {option} output {out} exists and is {kind}, not a regular file; refusing to overwrite it. Give a file name.',
  },
  'output-not-own': {
    zh: '{option} 的输出 {out} 已存在，而它{what}；为免覆盖，已拒绝运行。请换一个文件名，或先移走该文件（是否漏写了 {option} 的文件名？）。',
    en: 'The {option} output {out} already exists and {what}; refusing to overwrite it. Choose another name, or move that file first (was the {option} name left out?).',
  },
  'output-bad-folder': {
    zh: '{option} 的输出 {out} 无法创建：路径中的 {folder} 不是文件夹。请检查路径。',
    en: 'The {option} output {out} cannot be created: {folder} on its path is not a folder. Check the path.',
  },
  'output-no-folder': {
    zh: '{option} 的输出 {out} 所在的文件夹 {folder} 不存在。请先创建该文件夹，或换一个路径。',
    en: 'The folder {folder} of the {option} output {out} does not exist. Create it first, or choose another path.',
  },
  'read-failed': { zh: '无法读取 {path}：{detail}。', en: 'Cannot read {path}: {detail}.' },
  'not-regular-file': {
    zh: '{path} 不是普通文件（是{kind}），不会读取。请指定一个普通文件。',
    en: '{path} is not a regular file (it is {kind}); it is not read. Give a regular file.',
  },
  'file-too-large': {
    zh: '{path} 过大（{size} 字节，上限 {max} 字节），不会读取。请检查是否指定了正确的文件。',
    en: '{path} is too large ({size} bytes, at most {max}); it is not read. Check that it is the right file.',
  },
  usage: { zh: '{detail}。运行 cert-check --help 查看用法。', en: '{detail}. Run cert-check --help for usage.' },
  'bad-config': { zh: '配置文件 {path} 有误：{detail}', en: 'Configuration {path} is invalid: {detail}' },
  'bad-district': {
    zh: '区县配置 {path} 有误：{detail}。请对照 README 中“其他区县”一节改正。',
    en: 'District profile {path} is invalid: {detail}. See "Other districts" in the README.',
  },
} satisfies Record<string, { zh: string; en: string }>;

/** Why a file operation failed, by the system's error code: a phrase per language, and another for writing where it differs. */
export const CAUSES: Record<string, InLangs<string> & { write?: InLangs<string> }> = {
  EACCES: {
    zh: '没有读取权限（EACCES）；请让管理员开放读取权限，或把文件复制到自己的文件夹',
    en: 'permission denied (EACCES); ask for read access, or copy the file to a folder of your own',
    write: {
      zh: '没有写入权限（EACCES）；请换一个有写入权限的文件夹（-o、--out-dir），或让管理员开放权限',
      en: 'permission denied (EACCES); choose a folder you may write to (-o, --out-dir), or ask for write access',
    },
  },
  EROFS: {
    zh: '所在的文件系统是只读的（EROFS，如光盘、只读共享或只读挂载）；请把输出写到可写的文件夹（-o、--out-dir）',
    en: 'the file system is read-only (EROFS: a disc, a read-only share or mount); write the output to a writable folder (-o, --out-dir)',
  },
  ENOSPC: { zh: '磁盘空间已满（ENOSPC）；请清理空间或换一个磁盘', en: 'the disk is full (ENOSPC); free some space or use another disk' },
  EDQUOT: { zh: '超出了磁盘配额（EDQUOT）；请清理空间或换一个磁盘', en: 'the disk quota is exceeded (EDQUOT); free some space or use another disk' },
  ENOENT: {
    zh: '文件不存在（ENOENT）；请检查路径',
    en: 'no such file (ENOENT); check the path',
    write: { zh: '所在的文件夹不存在或已被删除（ENOENT）；请检查路径', en: 'the folder does not exist or was removed (ENOENT); check the path' },
  },
  ENOTDIR: { zh: '路径中有一部分不是文件夹（ENOTDIR）；请检查路径', en: 'part of the path is not a folder (ENOTDIR); check the path' },
  EISDIR: { zh: '这是一个文件夹（EISDIR）；请写出文件名', en: 'it is a folder (EISDIR); give a file name' },
  EBUSY: { zh: '文件正被其他程序占用（EBUSY），例如在 Excel/WPS 中打开；请关闭后再试', en: 'the file is in use (EBUSY), e.g. open in Excel/WPS; close it and try again' },
  ETXTBSY: { zh: '文件正被其他程序占用（ETXTBSY）；请关闭后再试', en: 'the file is in use (ETXTBSY); close it and try again' },
  EMFILE: { zh: '同时打开的文件太多（EMFILE）；请稍后再试', en: 'too many open files (EMFILE); try again later' },
  EIO: { zh: '读写出错（EIO），磁盘或网络共享可能有问题；请检查后再试', en: 'an I/O error (EIO): the disk or network share may be failing; check it and try again' },
  ENAMETOOLONG: { zh: '文件名或路径太长（ENAMETOOLONG）；请缩短', en: 'the file name or path is too long (ENAMETOOLONG); shorten it' },
  ELOOP: { zh: '路径中的链接太多或循环（ELOOP）；请检查路径', en: 'too many or circular links on the path (ELOOP); check the path' },
  EFBIG: { zh: '文件超过了文件系统允许的大小（EFBIG）', en: 'the file is larger than the file system allows (EFBIG)' },
};
CAUSES.EPERM = {
  zh: '操作不被允许（EPERM）；请检查文件权限',
  en: 'operation not permitted (EPERM); check the permissions',
  write: CAUSES.EACCES!.write!,
};

export const UNKNOWN_CAUSE: InLangs<string> = { zh: '未知原因', en: 'unknown reason' };

/** The warnings of a run (src/errors.ts RunWarning): what it could not do without spoiling the check. */
export const WARNING_MESSAGES = {
  'cache-ignored': {
    zh: '缓存文件 {path} 无法使用（{detail}），已忽略，本次运行后重新写入',
    en: 'The cache {path} could not be used ({detail}); it was ignored and will be written anew',
  },
  'cache-failed': { zh: '缓存文件 {path} 未能写出：{detail}', en: 'The cache {path} was not written: {detail}' },
  'fix-list-failed': { zh: '问题清单 {path} 未能写出：{detail}', en: 'The problem list {path} was not written: {detail}' },
  'fixed-photos-failed': {
    zh: '有 {count} 张修正后的照片未能写出到 {path}：{detail}',
    en: '{count} fixed photos could not be written to {path}: {detail}',
  },
  'output-failed': { zh: '{path} 未能写出：{detail}', en: '{path} was not written: {detail}' },
  'unreadable-names': {
    zh: '素材文件夹中有 {count} 个文件或文件夹的名称不是有效的 UTF-8 编码，无法按名称查找，未检查：{names}（按 GBK 显示）。这通常是在 Linux/macOS 上解压 Windows 压缩包造成的；请用能选择编码的解压工具重新解压（如 unzip -O GBK），或把它们重新命名',
    en: '{count} files or folders of the assets folder have names that are not valid UTF-8 and cannot be looked up by name; they were not checked: {names} (shown as GBK). This usually comes from unzipping a Windows archive on Linux/macOS; unzip it again with the right encoding (e.g. unzip -O GBK) or rename them',
  },
  'unreadable-entry': {
    zh: '素材文件夹中的 {path} 无法读取，未检查：{detail}',
    en: '{path} in the assets folder cannot be read and was not checked: {detail}',
  },
} satisfies Record<string, { zh: string; en: string }>;

/** The details of a configuration (or district profile) that cannot be used. */
export const CONFIG_TEXT = {
  zh: {
    wholeFile: '（整个文件）',
    unknownKey: (key: string, keys: string) => `${key}：不认识的键 ${keys}`,
    severity: (key: string) => `${key}：级别只能是 off、warn、error 或 info`,
    aliasKeys: (keys: string) => `aliases：字段名应为 ${keys} 之一`,
    notJson: (message: string) => `不是有效的 JSON（${message}）`,
    noRule: (id: string) => `rules.${id}：没有这条规则（运行 cert-check rules 查看全部规则）`,
  },
  en: {
    wholeFile: '(the whole file)',
    unknownKey: (key: string, keys: string) => `${key}: unknown key ${keys}`,
    severity: (key: string) => `${key}: severity must be off, warn, error or info`,
    aliasKeys: (keys: string) => `aliases: field keys are ${keys}`,
    notJson: (message: string) => `not valid JSON (${message})`,
    noRule: (id: string) => `rules.${id}: no such rule (run cert-check rules to list them)`,
  },
} as const satisfies InLangs<unknown>;

/** What a path is when it is no regular file (a file cert-check was told to read, or to write). */
export const FILE_KINDS = {
  folder: bilingual('文件夹', 'a folder'),
  fifo: bilingual('命名管道（FIFO）', 'a named pipe (FIFO)'),
  characterDevice: bilingual('字符设备', 'a character device'),
  blockDevice: bilingual('块设备', 'a block device'),
  socket: bilingual('套接字', 'a socket'),
  link: bilingual('符号链接', 'a symbolic link'),
  special: bilingual('特殊文件', 'a special file'),
};
