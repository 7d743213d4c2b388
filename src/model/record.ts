/** One registration record per data row: every field's text, its cell, and the dates parsed once. */
import { z } from 'zod';
import { idBirthDate } from '../util/id-number.js';
import { cellDate, isAmbiguousMonth, normalizeCell, type CellKind, type NormalCell } from './cell.js';
import { formatShowsDay, parseDateText, type YMD } from './dates.js';
import { FIELD_KEYS, FIELDS, columnLetter, type FieldKey } from './fields.js';

/** Where a field came from and what the cell held. */
export interface FieldCell {
  /** Column letter, e.g. "J". */
  column: string;
  /** Cell address, e.g. "J17". */
  address: string;
  /** The header text as written in the sheet. */
  header: string;
  kind: CellKind;
  /** Trimmed text as the clerk sees it. */
  text: string;
  /** For number cells (also dates stored as serials). */
  number?: number;
  formula?: boolean;
  /** The cell's text had white space before or after it (the record holds it trimmed). */
  padded?: boolean;
  /** A date cell whose number format shows no day (yyyy"年"m"月"…): Excel stored the 1st; the record has no day. */
  dayHidden?: boolean;
  /** A date written without a day (2019年12月, 2019.12) where a full date is asked: the record has no day. */
  monthOnly?: boolean;
  /** A year-month read 1980.1: January, or October with its 0 dropped (decided by the ID number when it tells). */
  monthAmbiguous?: boolean;
}

const YMDSchema = z.object({ y: z.number().int(), m: z.number().int().min(1).max(12), d: z.number().int().min(1).max(31).nullable() });

/** Parsed date: undefined when the cell is empty or absent, null when it holds no readable date. */
const DateField = YMDSchema.nullable().optional();

const TextValues = z.object(
  Object.fromEntries(FIELD_KEYS.map((k) => [k, z.string().transform((s) => s.trim())])) as Record<FieldKey, z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>,
);

export const RecordSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  /** The row number the spreadsheet program shows. */
  row: z.number().int().positive(),
  v: TextValues,
  birthDate: DateField,
  issueDate: DateField,
  obtainDate: DateField,
});

export interface CertRecord extends z.output<typeof RecordSchema> {
  /** The cells of the columns the sheet has, by field. */
  cells: Partial<Record<FieldKey, FieldCell>>;
}

export type DateFieldKey = 'birthDate' | 'issueDate' | 'obtainDate';

/** The header row's verdict: which column holds which field. */
export interface ColumnMap {
  /** 1-based column of each field found. */
  columns: Partial<Record<FieldKey, number>>;
  /** Header text of every column, index 0 = column A. */
  headers: string[];
}

export interface RowSource {
  file: string;
  sheet: string;
  row: number;
  /** Cell values as read (index 0 = column A). */
  values: readonly unknown[];
  /** Number formats where known, same indexing. */
  numFmts?: readonly (string | number | undefined)[];
  date1904?: boolean;
}

/** Builds and validates the record of one data row. */
export function buildRecord(src: RowSource, map: ColumnMap): CertRecord {
  const cells: Partial<Record<FieldKey, FieldCell>> = {};
  const text = {} as Record<FieldKey, string>;
  const dates: Partial<Record<DateFieldKey, YMD | null | undefined>> = {};
  for (const key of FIELD_KEYS) {
    const col = map.columns[key];
    if (col === undefined) {
      text[key] = '';
      continue;
    }
    const n = normalizeCell(src.values[col - 1], src.numFmts?.[col - 1], src.date1904);
    const column = columnLetter(col);
    const cell: FieldCell = { column, address: `${column}${src.row}`, header: map.headers[col - 1] ?? '', kind: n.kind, text: n.text };
    if (n.number !== undefined) cell.number = n.number;
    if (n.formula) cell.formula = true;
    const raw = src.values[col - 1];
    if (typeof raw === 'string' && n.text && raw.length !== n.text.length) cell.padded = true;
    cells[key] = cell;
    text[key] = n.text;
    const precision = FIELDS[key].date;
    if (precision) dates[key as DateFieldKey] = readDate(n, precision, src.numFmts?.[col - 1], cell);
  }
  // 1980.1 as 出生年月 is January or October: the row's ID number decides when it says October of that year.
  const birth = dates.birthDate;
  if (birth && cells.birthDate?.monthAmbiguous && birth.m === 1) {
    const col = map.columns.idNumber;
    const id = col === undefined ? '' : normalizeCell(src.values[col - 1]).text.toUpperCase();
    const fromId = /^\d{17}[\dX]$/.test(id) ? idBirthDate(id) : null;
    if (fromId && fromId.y === birth.y && fromId.m === 10) dates.birthDate = { ...birth, m: 10 };
  }
  // The values are already what RecordSchema describes (text trimmed by normalizeCell, dates validated by
  // validYMD); parsing every row again would cost a quarter of the checking time on large sheets. The tests
  // hold every built record to the schema (test/model/record.test.ts, test/hostile/properties.test.ts).
  return { file: src.file, sheet: src.sheet, row: src.row, v: text, ...dates, cells };
}

/**
 * A date field's value as far as the cell tells it. 出生年月 is a year and a month: a date cell on the 1st
 * or with a format that shows no day is a year-month. 发证时间/取得时间 are days: a date cell whose format
 * hides the day, and a text without one, keep only their month (and the cell says so).
 */
function readDate(n: NormalCell, precision: 'day' | 'month', numFmt: string | number | undefined, cell: FieldCell): YMD | null | undefined {
  if (precision === 'month') {
    const date = cellDate(n, true);
    if (n.kind === 'date' && date && date.d !== null && (date.d === 1 || !formatShowsDay(numFmt))) return { ...date, d: null };
    if (isAmbiguousMonth(n)) cell.monthAmbiguous = true;
    return date;
  }
  const date = cellDate(n, false);
  if (n.kind === 'date' && date && !formatShowsDay(numFmt)) {
    cell.dayHidden = true;
    return { ...date, d: null };
  }
  if (date === null && n.kind === 'text') {
    const month = parseDateText(n.text, true);
    if (month) {
      cell.monthOnly = true;
      return month;
    }
  }
  return date;
}

/** True when every mapped field of the row is empty (such rows are skipped, not checked). */
/**
 * The key of a row among all the rows of a run: its file, sheet and row number joined by NUL (a problem of a
 * whole file or folder has no sheet or row).
 */
export function rowKey(file: string, sheet: string | null, row: number | null): string {
  return `${file}\u0000${sheet ?? ''}\u0000${row ?? ''}`;
}

export function isBlankRow(values: readonly unknown[], map: ColumnMap): boolean {
  for (const col of Object.values(map.columns)) {
    if (normalizeCell(values[col - 1]).kind !== 'empty') return false;
  }
  return true;
}
