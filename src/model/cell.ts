/** Turns a cell value as a reader hands it over (exceljs shapes, or CSV text) into checkable text. */
import { formatYMD, fromDate, fromSerial, isDateFormat, parseDateText, validYMD, type YMD } from './dates.js';

export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'boolean' | 'error';

export interface NormalCell {
  kind: CellKind;
  /** Trimmed text as the clerk sees it; numbers as JS prints them, dates as YYYY-MM-DD. */
  text: string;
  number?: number;
  /** For Date cells and serials with a date format. */
  date?: YMD;
  /** The cell holds a formula (its cached result, if any, is what was normalised). */
  formula?: boolean;
}

const EMPTY: NormalCell = { kind: 'empty', text: '' };

/** Reads any cell value without throwing: text, numbers, dates, booleans, rich text, formulas, errors. */
export function normalizeCell(value: unknown, numFmt?: string | number, date1904 = false): NormalCell {
  if (value === null || value === undefined) return EMPTY;
  switch (typeof value) {
    case 'string': {
      const text = value.trim();
      return text ? { kind: 'text', text } : EMPTY;
    }
    case 'number': {
      if (!Number.isFinite(value)) return { kind: 'error', text: String(value) };
      if (isDateFormat(numFmt)) {
        const date = fromSerial(value, date1904);
        if (date) return { kind: 'date', text: formatYMD(date), number: value, date };
      }
      return { kind: 'number', text: String(value), number: value }; // no exponent below 1e21
    }
    case 'boolean':
      return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE' };
    case 'object':
      break;
    default:
      return { kind: 'text', text: String(value).trim() };
  }
  if (value instanceof Date) {
    const date = fromDate(value);
    return date ? { kind: 'date', text: formatYMD(date), date } : { kind: 'error', text: 'Invalid Date' };
  }
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    const text = (v.richText as { text?: unknown }[]).map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    return normalizeCell(text);
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const inner = normalizeCell(v.result, numFmt, date1904);
    return { ...inner, formula: true };
  }
  if ('error' in v) return { kind: 'error', text: String(v.error ?? '#ERROR') };
  if ('text' in v) return normalizeCell(v.text, numFmt, date1904);
  return EMPTY;
}

/**
 * True when a year-month cell reads 1980.1: January as typed, or October kept by Excel (a number 1980.10
 * is 1980.1) or exported that way to a CSV.
 */
export function isAmbiguousMonth(cell: NormalCell): boolean {
  if (cell.kind === 'number') return /^\d{4}\.1$/.test(String(cell.number));
  if (cell.kind === 'text') return /^\d{4}\s*[.．]\s*1$/.test(cell.text.normalize('NFKC'));
  return false;
}

/**
 * The date a cell holds: Date cells, date-formatted serials, text in the usual forms, yyyymmdd numbers,
 * and (with `allowMonth`) year-months such as 1980.03 typed as a number. Undefined when empty, null when
 * the cell holds something that is not a date.
 */
export function cellDate(cell: NormalCell, allowMonth: boolean): YMD | null | undefined {
  switch (cell.kind) {
    case 'empty':
      return undefined;
    case 'date':
      return cell.date ?? null;
    case 'number': {
      const n = cell.number!;
      if (Number.isInteger(n)) {
        if (n >= 19000101 && n <= 21991231) return parseDateText(String(n), false);
        if (allowMonth && n >= 190001 && n <= 219912) return parseDateText(String(n), true);
        if (n >= 1 && n < 2958466 && n > 3000) return fromSerial(n); // an unformatted serial
        return null;
      }
      if (allowMonth) {
        // 1980.03 typed as a number: 1980.3 is March; 1980.1 is January, or October with its 0 dropped
        // (monthAmbiguous; the record decides by the ID number).
        const [y, frac = ''] = String(n).split('.');
        return frac.length <= 2 ? validYMD(Number(y), Number(frac), null) : null;
      }
      return null;
    }
    case 'text':
      return parseDateText(cell.text, allowMonth);
    default:
      return null;
  }
}

/** What clerks type for "none": 无, 暂无, 空, /, -, — (a cell holding one is empty to the checks). */
const PLACEHOLDER = /^(?:无|暂无|没有|空|空白|无编号|暂无编号|未编号|[/\\\-—–_－~～]+|n\/?a|null)$/i;

/** True for a placeholder that stands for an empty cell (无, /, -, 空, 暂无…). */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.normalize('NFKC').replace(/[\s\u3000]+/g, ''));
}
