/**
 * The words of the reports: severities, places and fields, the guide reference, the pretty report, what folder
 * scans skipped, what --fix-photos did, the README's rule table.
 */
import type { Severity } from '../engine/types.js';
import { FIELDS, type FieldKey } from '../model/fields.js';
import { bytesText, typeLabel } from '../assets/describe.js';
import type { FixedPhoto, SkipReason as PhotoSkipReason } from '../assets/fix-photos.js';
import { FIX_MAX_PIXELS } from '../assets/limits.js';
import { count, type InLangs, type Lang } from './index.js';

export const SEVERITY_LABEL: InLangs<Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** A field as each language names it: its header, its English name. */
export const FIELD_LABEL: InLangs<(field: FieldKey) => string> = {
  zh: (field) => FIELDS[field].header,
  en: (field) => FIELDS[field].en,
};

/** The place of a problem of a whole row, or of no row (a file, a folder). */
export const PLACE_WORDS: InLangs<{ row: string; file: string }> = {
  zh: { row: '整行', file: '文件' },
  en: { row: 'row', file: 'file' },
};

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一…九十九 → 1…99. */
function numeral(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || !text) return null;
  const tens = m[2] ? (m[1] ? NUMERALS[m[1]]! : 1) : 0;
  const ones = m[2] ? (m[3] ? NUMERALS[m[3]]! : 0) : NUMERALS[m[1] ?? '']!;
  return tens * 10 + ones;
}

/** The guide's section marks in Latin numbers for English text: 三（十四） → 3.14, 二（一） → 2.1. */
export function guideSectionEn(section: string): string {
  return section.replace(/、/g, ', ').replace(/([一二三四五六七八九十]+)(?:[（(]([一二三四五六七八九十]+)[）)])?/g, (whole, a: string, b?: string) => {
    const x = numeral(a);
    const y = b ? numeral(b) : null;
    if (x === null || (b && y === null)) return whole;
    return y === null ? String(x) : `${x}.${y}`;
  });
}

/** A section of the guide as each language marks it: 三（四） in Chinese, §3.4 in English. */
export function guideMark(section: string, lang: Lang): string {
  return lang === 'zh' ? section : `§${guideSectionEn(section)}`;
}

/** A message with the guide section it enforces. */
export const GUIDE_REF: InLangs<(text: string, section: string) => string> = {
  zh: (text, section) => `${text}（见指南 ${section}）`,
  en: (text, section) => `${text} (guide ${guideMark(section, 'en')})`,
};

/** A title naming the guide section it quotes (the template's prompts). */
export const GUIDE_TITLE: InLangs<(title: string, section: string) => string> = {
  zh: (title, section) => `${title}（指南${section}）`,
  en: (title, section) => `${title} (guide ${guideMark(section, 'en')})`,
};

/** The pretty (terminal) report. */
export const PRETTY_TEXT = {
  zh: {
    wholeFile: '整个文件',
    sheet: (s: string) => `工作表「${s}」`,
    headerRow: (n: number, rows: number) => `表头第 ${n} 行，${rows} 行数据`,
    row: (n: number) => `第 ${n} 行`,
    value: '原值：',
    suggest: '→ 建议：',
    notice: '说明',
    summaryTitle: '汇总',
    checked: (files: number, rows: number) => `检查了 ${count(files)} 个文件，${count(rows)} 行数据`,
    inputs: (given: number, checked: number, skipped: number, unreadable: number) =>
      `输入 ${count(given)} 个：检查了 ${count(checked)} 个${skipped ? `，跳过 ${count(skipped)} 个` : ''}${unreadable ? `，${count(unreadable)} 个无法读取` : ''}`,
    skipped: '跳过',
    folder: '（文件夹）',
    other: (n: number) => `另有 ${count(n)} 个照片、PDF 等文件不是登记表，未作为登记表检查`,
    unreadable: '无法读取',
    capTitle: (n: number) => `（问题较多：每条规则只列出前 ${n} 行，--all 列出全部）`,
    capMore: (rule: string, more: number, where: string | null) => `${rule} …还有 ${count(more)} 行：${where ? `见 ${where}` : '用 --all 列出全部'}`,
    inAnnotated: (file: string) => `${file} 的问题清单`,
    quietNote: (w: number, i: number) => `--quiet：只列出错误，${count(w)} 个警告、${count(i)} 个提示未列出`,
    rowsWith: (e: number, w: number) => `${count(e)} 行有错误，${count(w)} 行有警告`,
    counts: (e: number, w: number, i: number) => [`错误 ${count(e)}`, `警告 ${count(w)}`, `提示 ${count(i)}`] as const,
    top: '各规则的问题数：',
    allClear: (files: number, rows: number) => `✔ 全部通过：${count(files)} 个文件，${count(rows)} 行数据，没有发现问题`,
    noErrors: '没有错误；请核对上面的警告和提示',
    annotated: '已写出标注表格：',
    fixed: (n: number) => (n ? `已自动修正 ${n} 个单元格（标蓝，批注中保留原值），其余问题见上` : '没有可以自动修正的单元格'),
    warnings: '运行中的警告：',
    outputs: (w: number, f: number) => `输出文件：已写出 ${w} 个${f ? `，${f} 个未能写出（原因见上）` : ''}`,
  },
  en: {
    wholeFile: 'whole file',
    sheet: (s: string) => `sheet "${s}"`,
    headerRow: (n: number, rows: number) => `header on row ${n}, ${rows} data rows`,
    row: (n: number) => `row ${n}`,
    value: 'value: ',
    suggest: '→ suggestion: ',
    notice: 'note',
    summaryTitle: 'Summary',
    checked: (files: number, rows: number) => `Checked ${count(files)} file${files === 1 ? '' : 's'}, ${count(rows)} data row${rows === 1 ? '' : 's'}`,
    inputs: (given: number, checked: number, skipped: number, unreadable: number) =>
      `${count(given)} input${given === 1 ? '' : 's'}: ${count(checked)} checked${skipped ? `, ${count(skipped)} skipped` : ''}${unreadable ? `, ${count(unreadable)} unreadable` : ''}`,
    skipped: 'skipped',
    folder: ' (folder)',
    other: (n: number) => `and ${count(n)} photos, PDFs and other files that are not records`,
    unreadable: 'unreadable',
    capTitle: (n: number) => `(many problems: each rule lists its first ${n} rows; --all lists every one)`,
    capMore: (rule: string, more: number, where: string | null) => `${rule} …and ${count(more)} more row${more === 1 ? '' : 's'}: ${where ? `see ${where}` : 'list them with --all'}`,
    inAnnotated: (file: string) => `问题清单 in ${file}`,
    quietNote: (w: number, i: number) => `--quiet: errors only; ${count(w)} warning${w === 1 ? '' : 's'} and ${count(i)} info not listed`,
    rowsWith: (e: number, w: number) => `${count(e)} row${e === 1 ? '' : 's'} with errors, ${count(w)} with warnings`,
    counts: (e: number, w: number, i: number) => [`${count(e)} error${e === 1 ? '' : 's'}`, `${count(w)} warning${w === 1 ? '' : 's'}`, `${count(i)} info`] as const,
    top: 'Problems per rule:',
    allClear: (files: number, rows: number) => `✔ All clear: ${count(files)} file${files === 1 ? '' : 's'}, ${count(rows)} data rows, no problems found`,
    noErrors: 'No errors; please look at the warnings and notes above',
    annotated: 'Annotated workbook: ',
    fixed: (n: number) => (n ? `Fixed ${n} cells automatically (blue, the old value kept in a note); the problems above remain` : 'Nothing could be fixed automatically'),
    warnings: 'Warnings of the run:',
    outputs: (w: number, f: number) => `Output files: ${w} written${f ? `, ${f} could not be written (see above)` : ''}`,
  },
} satisfies InLangs<unknown>;

/** Why a folder scan did not check a file (src/read/inputs.ts SkipReason). */
export const SKIP_REASONS: Record<string, InLangs<string>> = {
  'own-output': {
    zh: 'cert-check 写出的标注/修正副本，之后没有改动过，不再检查（修改后保存即会重新检查）',
    en: 'an annotated or fixed copy cert-check wrote, unchanged since: not checked again (it is, once edited and saved)',
  },
  'fix-list': { zh: 'cert-check 写出的问题清单，不是登记表', en: 'a problem list cert-check wrote, not records' },
  'lock-file': {
    zh: 'Excel/WPS/LibreOffice 的临时锁定文件（表格正在打开？），关闭表格后会消失',
    en: 'a lock file of Excel/WPS/LibreOffice (is the workbook open?); it goes when the workbook is closed',
  },
  'hidden-folder': { zh: '隐藏文件夹，未进入', en: 'a hidden folder, not entered' },
  'linked-folder': {
    zh: '指向别处的文件夹链接，未进入；如需检查，请直接写出该文件夹',
    en: 'a link to a folder elsewhere, not entered; name that folder to check it',
  },
  'too-deep': { zh: '文件夹层级太深（超过 16 层），未进入', en: 'nested too deep (more than 16 folders), not entered' },
  'text-no-header': {
    zh: '文本文件的前 10 行没有表头行，不像登记表；如果是登记表，请直接写出文件名检查',
    en: 'a text file without a header row in its first 10 lines, not records; name the file to check it anyway',
  },
  unsupported: {
    zh: 'cert-check 不读取这种表格（模板、二进制工作簿等）；请在 Excel/WPS 中另存为 .xlsx',
    en: 'a kind of spreadsheet cert-check does not read (a template, a binary workbook…); save it as .xlsx in Excel/WPS',
  },
  'not-spreadsheet': { zh: '不是表格文件', en: 'not a spreadsheet' },
  duplicate: { zh: '与另一个输入是同一个文件（重复给出，或是它的链接），只检查一次', en: 'the same file as another input (given twice, or a link to it); checked once' },
  superseded: {
    zh: '旁边同名的标注/修正副本（.checked/.fixed.xlsx）已修改保存过，检查该副本，不再检查这份原表（如需检查原表，请直接写出文件名）',
    en: 'its annotated or fixed copy beside it (.checked/.fixed.xlsx) was edited and saved: that copy is checked instead of these records (name the file to check it anyway)',
  },
};

/** What the reports say of the inputs themselves: what folder scans skipped, the copy of a non-.xlsx input. */
export const INPUTS_TEXT = {
  zh: {
    title: (n: number) => `未检查的文件（${n} 个）`,
    other: (n: number) => `另有 ${n} 个照片、PDF 等文件不是登记表，未作为登记表检查`,
    folder: '（文件夹）',
    formats: { et: 'WPS 表格（.et）', xls: 'Excel 97-2003 工作簿（.xls）', ods: 'OpenDocument 表格（.ods）', text: (ext: string) => `文本文件（${ext}）` },
    newCopy: (path: string, label: string) => `${path} 是${label}，标注副本是新的 .xlsx 工作簿（原文件未改动）；请在 .xlsx 中修改后再检查`,
  },
  en: {
    title: (n: number) => `Not checked (${n})`,
    other: (n: number) => `and ${n} photos, PDFs and other files that are not records`,
    folder: ' (folder)',
    formats: { et: 'a WPS spreadsheet (.et)', xls: 'an Excel 97-2003 workbook (.xls)', ods: 'an OpenDocument spreadsheet (.ods)', text: (ext: string) => `a text file (${ext})` },
    newCopy: (path: string, label: string) => `${path} is ${label}: the annotated copy is a new .xlsx workbook (the input is untouched); make the corrections there and check it again`,
  },
} as const satisfies InLangs<unknown>;

/** The README's rule table (src/docs/rule-table.ts): its head, and a rule's fields by header or by key. */
export const RULE_TABLE_FIELD: InLangs<(field: FieldKey) => string> = {
  zh: (field) => FIELDS[field].header,
  en: (field) => field,
};

export const RULE_TABLE_HEAD: InLangs<string[]> = {
  zh: ['规则', '级别', '指南', '字段', '说明', 'Description'],
  en: ['Rule', 'Severity', 'Guide', 'Fields', '说明', 'Description'],
};

/** What --fix-photos did, photo by photo. */
export const FIXED_PHOTOS_TEXT = {
  zh: {
    title: (written: number, skipped: number) => `照片修正（--fix-photos）：已写出 ${written} 张，未处理 ${skipped} 张`,
    written: (p: FixedPhoto, show: (s: string) => string) =>
      `✔ ${show(p.source)} → ${show(p.target!)}（${typeLabel(p.type)} ${bytesText(p.sizeBefore)} 字节 → JPEG ${bytesText(p.size!)} 字节，${p.width}×${p.height}，质量 ${p.quality}）`
      + (p.renamed ? `；文件名已变，表中“免冠照”请改为 ${p.target!.split(/[\\/]/).pop()}` : ''),
    skipped: (p: FixedPhoto, show: (s: string) => string) => `✖ ${show(p.source)}：${SKIP_ZH[p.skipped ?? 'cannot-decode']}${p.error ? `（${p.error}）` : ''}`,
    fixList: '已写出问题清单：',
    none: '照片修正（--fix-photos）：没有过大或格式不对的照片，未写出任何文件',
  },
  en: {
    title: (written: number, skipped: number) => `Photo fixes (--fix-photos): ${written} written, ${skipped} left alone`,
    written: (p: FixedPhoto, show: (s: string) => string) =>
      `✔ ${show(p.source)} → ${show(p.target!)} (${typeLabel(p.type)} ${bytesText(p.sizeBefore)} bytes → JPEG ${bytesText(p.size!)} bytes, ${p.width}×${p.height}, quality ${p.quality})`
      + (p.renamed ? `; the name changed: write ${p.target!.split(/[\\/]/).pop()} in the sheet's photo cell` : ''),
    skipped: (p: FixedPhoto, show: (s: string) => string) => `✖ ${show(p.source)}: ${SKIP_EN[p.skipped ?? 'cannot-decode']}${p.error ? ` (${p.error})` : ''}`,
    fixList: 'Problem list written: ',
    none: 'Photo fixes (--fix-photos): no photo is too large or in the wrong format; nothing written',
  },
} as const satisfies InLangs<unknown>;

const SKIP_ZH: Record<PhotoSkipReason, string> = {
  grey: '黑白照片无法变为彩色，未处理；请重新拍摄或提供彩色免冠照',
  damaged: '照片已损坏、无法完整解码，未处理；请重新导出或重新拍摄',
  'cannot-decode': '无法读取该图片格式，未处理；请用图片软件另存为 JPG',
  'cannot-shrink': '压缩到最小仍超过 200KB，未处理；请用图片软件处理',
  'name-taken': '同一文件夹中有同名照片已写出同名 JPG，未处理；请给照片改用不同的文件名',
  'write-failed': '无法写入修正后的照片',
  'too-many-pixels': `图片像素过多（超过 ${count(FIX_MAX_PIXELS)} 像素），未处理；请用图片软件缩小后另存为 JPG`,
  'unsafe-target': '修正后的照片会覆盖输入文件、素材文件或其他输出，未写出',
};

const SKIP_EN: Record<PhotoSkipReason, string> = {
  grey: 'a greyscale photo cannot be made colour; left alone: take or supply a colour photo',
  damaged: 'the photo is damaged and does not decode; left alone: export or take it again',
  'cannot-decode': 'this picture format cannot be read; left alone: save it as JPEG in an image editor',
  'cannot-shrink': 'still over 200 KB at the smallest size; left alone: edit it in an image editor',
  'name-taken': 'another photo of the same name was already written as that JPEG; left alone: rename one of them',
  'write-failed': 'the fixed photo could not be written',
  'too-many-pixels': `the picture has too many pixels (over ${count(FIX_MAX_PIXELS)}); left alone: shrink it in an image editor and save it as JPEG`,
  'unsafe-target': 'the fixed photo would overwrite an input, an asset or another output; not written',
};
