/**
 * The progress line on a terminal: which input of how many, the row reached, and a bar when the sheet's last
 * row is known before reading it ("正在检查 [2/10] a.xlsx · 第 1,200 / 5,000 行 [####......] 24%"). Only on
 * stderr, only when it is a terminal with a width: never on a pipe, a file or a terminal without columns.
 */
import stringWidth from 'string-width';
import type { CheckProgress } from '../run/check-run.js';
import type { Lang } from '../engine/types.js';
import { PROGRESS_TEXT } from '../i18n/cli.js';
import { displayPath, masker } from '../report/common.js';

export interface ProgressView {
  update(p: CheckProgress): void;
  stop(): void;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** The bar is ASCII: block characters are "ambiguous" in East Asian terminals and may take two columns. */
function bar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** Cuts a path from the left ("…/dir/a.xlsx") to fit `width` columns. */
function fitPath(path: string, width: number): string {
  if (stringWidth(path) <= width) return path;
  const chars = [...path];
  while (chars.length > 1 && stringWidth(`…${chars.join('')}`) > width) chars.shift();
  return `…${chars.join('')}`;
}

/**
 * The line for a progress state, at most `columns` wide (ID numbers masked: file names can hold them). The
 * bar is dropped before the file name is shortened.
 */
export function progressLine(p: CheckProgress, lang: Lang, columns: number, opts: { cwd?: string; showPii?: boolean } = {}): string {
  const t = PROGRESS_TEXT[lang];
  const which = p.files > 1 ? `[${p.fileIndex + 1}/${p.files}] ` : '';
  const file = masker(Boolean(opts.showPii))(displayPath(p.file, opts.cwd));
  const total = p.lastRow !== null && p.lastRow >= p.row ? p.lastRow : null;
  const where = p.row === 0 ? '' : ` · ${total === null ? t.row(count(p.row)) : t.rowOf(count(p.row), count(total))}`;
  const head = t.checking(which);
  const percent = total ? ` ${Math.floor((p.row / total) * 100)}%` : '';
  const fixed = stringWidth(head + where);
  if (total) {
    const room = columns - fixed - stringWidth(file) - percent.length - 3;
    const width = Math.min(30, room);
    if (width >= 10) return `${head}${file}${where} ${bar(p.row / total, width)}${percent}`;
  }
  if (fixed + stringWidth(file) <= columns) return `${head}${file}${where}`;
  // Narrower: a shorter file name, then the row alone, then whatever fits of it.
  if (columns - fixed >= 12) return `${head}${fitPath(file, columns - fixed)}${where}`;
  const bare = `${which}${where.replace(/^ · /, '')}`.trim() || `${head}${file}`;
  return stringWidth(bare) <= columns ? bare : cut(bare, columns);
}

/** The start of `text` that fits `width` columns, ending in "…". */
function cut(text: string, width: number): string {
  const chars = [...text];
  while (chars.length > 1 && stringWidth(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** A progress line on `stream` (ora's spinner), or null when the stream is no terminal or has no width. */
export async function startProgress(
  stream: NodeJS.WriteStream, lang: Lang, opts: { cwd?: string; showPii?: boolean } = {},
): Promise<ProgressView | null> {
  if (!stream.isTTY || !stream.columns) return null;
  const { default: ora } = await import('ora');
  const spinner = ora({ text: PROGRESS_TEXT[lang].starting, stream }).start();
  return {
    update(p) {
      // ora puts its frame and a space before the text; one column more keeps the cursor off the edge.
      spinner.text = progressLine(p, lang, Math.max(20, (stream.columns || 80) - 3), opts);
    },
    stop() {
      spinner.stop();
    },
  };
}
