/**
 * Text about the inputs themselves, in Chinese and English: why a folder scan skipped a file, the terminal
 * section that lists them, and the line saying that the annotated copy of an .xls/.et/.ods/text input is
 * a new .xlsx workbook.
 */
import { extname, isAbsolute, relative } from 'node:path';
import { Chalk } from 'chalk';
import type { Lang } from '../engine/types.js';
import { masker } from './common.js';
import type { ReportOptions } from './types.js';

const REASONS: Record<string, Record<Lang, string>> = {
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
  duplicate: { zh: '重复给出的输入，只检查一次', en: 'given more than once; checked once' },
};

/** Why a folder scan did not check a file. */
export function skipReasonText(reason: string, lang: Lang): string {
  return REASONS[reason]?.[lang] ?? reason;
}

interface Skips {
  skipped?: readonly { path: string; reason: string; folder?: boolean }[];
  otherFiles?: number;
}

const TEXT = {
  zh: {
    title: (n: number) => `未检查的文件（${n} 个）`,
    other: (n: number) => `另有 ${n} 个照片、PDF 等文件不是登记表，未作为登记表检查`,
    folder: '（文件夹）',
  },
  en: {
    title: (n: number) => `Not checked (${n})`,
    other: (n: number) => `and ${n} photos, PDFs and other files that are not records`,
    folder: ' (folder)',
  },
} as const;

/** The lines of the terminal report that list what folder scans skipped (none when nothing was). */
export function skippedLines(result: Skips, opts: ReportOptions & { color: boolean; show: (p: string) => string }): string[] {
  const list = result.skipped ?? [];
  if (!list.length) return [];
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const t = TEXT[opts.lang];
  const lines = [c.bold(t.title(list.length))];
  for (const s of list) lines.push(`  ${opts.show(s.path)}${s.folder ? t.folder : ''}  ${c.dim(skipReasonText(s.reason, opts.lang))}`);
  if (result.otherFiles) lines.push(`  ${c.dim(t.other(result.otherFiles))}`);
  return lines;
}

/** The report of a run that read nothing, when folder scans skipped files: what they skipped and why. */
export function skippedReport(result: Skips, opts: ReportOptions & { color: boolean; cwd?: string }): string {
  const mask = masker(opts.showPii);
  return `${skippedLines(result, { ...opts, show: shower(opts.cwd) }).map(mask).join('\n')}\n`;
}

/** Paths relative to `cwd` (default: the working directory) when inside it. */
export function shower(cwd = process.cwd()): (p: string) => string {
  return (p) => {
    if (!isAbsolute(p)) return p;
    const r = relative(cwd, p);
    return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
  };
}

/** What an input is, as the clerk knows it: by its content, named by its extension where that says more. */
function formatLabel(path: string, format: string, lang: Lang): string | null {
  const ext = extname(path).toLowerCase();
  switch (format) {
    case 'xls':
      if (ext === '.et') return lang === 'zh' ? 'WPS 表格（.et）' : 'a WPS spreadsheet (.et)';
      return lang === 'zh' ? 'Excel 97-2003 工作簿（.xls）' : 'an Excel 97-2003 workbook (.xls)';
    case 'ods':
      return lang === 'zh' ? 'OpenDocument 表格（.ods）' : 'an OpenDocument spreadsheet (.ods)';
    case 'csv':
      return lang === 'zh' ? `文本文件（${ext || '.csv'}）` : `a text file (${ext || '.csv'})`;
    default:
      return null;
  }
}

/**
 * The line after "annotated workbook: …" for an input that is not an .xlsx: the copy is a new .xlsx
 * workbook of the values, the input is left as it was. Null for an .xlsx input.
 */
export function copyFormatLine(path: string, format: string | undefined, lang: Lang, show: (p: string) => string): string | null {
  const label = format ? formatLabel(path, format, lang) : null;
  if (!label) return null;
  return lang === 'zh'
    ? `  ${show(path)} 是${label}，标注副本是新的 .xlsx 工作簿（原文件未改动）；请在 .xlsx 中修改后再检查`
    : `  ${show(path)} is ${label}: the annotated copy is a new .xlsx workbook (the input is untouched); make the corrections there and check it again`;
}
