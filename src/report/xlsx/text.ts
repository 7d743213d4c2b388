/** The colours of the workbooks cert-check writes, and how its own sheets and columns are known again (words: src/i18n/workbook.ts). */
import type { Severity } from '../../engine/types.js';
import { WORKBOOK_TEXT } from '../../i18n/workbook.js';

/** The fill of a cell that --fix corrected (light blue). */
export const FIXED_FILL = 'FFBDD7EE';

/** Cell fills (ARGB) by severity. */
export const FILLS: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
export const VERDICT_FILLS = { pass: 'FFC6EFCE', fix: FILLS.error, check: FILLS.warning } as const;

/** Every fill a mark can have: a cell of one of these colours with a cert-check note is a mark. */
export const MARK_FILLS: ReadonlySet<string> = new Set([...Object.values(FILLS), FIXED_FILL]);

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
