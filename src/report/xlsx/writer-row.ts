/** A checked row as the workbook writer takes it (kept apart from the writer: the main thread needs only this). */
import type { Finding } from '../../engine/types.js';
import { normalizeCell } from '../../model/cell.js';
import { isBlankRow } from '../../model/record.js';
import type { RowRole, SheetInfo } from '../../read/types.js';
import type { CellFix } from '../types.js';

/**
 * One row as the writer takes it: what it marks, and what it needs of the row's cells — all of them for a new
 * workbook (the writer writes them), else only whether the row is blank and its 姓名 (for 问题清单). It is
 * plain data: the writing thread (./writer-thread.ts) gets it as a message.
 */
export interface WriterRow {
  row: number;
  role: RowRole;
  findings: Finding[];
  /** The cells --fix changed in this row. */
  changes?: readonly CellFix[];
  /** The row's cells (a new workbook only). */
  values?: unknown[];
  numFmts?: (string | number | undefined)[];
  /** A row with no value in any column of the header's map. */
  blank: boolean;
  /** The row's 姓名, when the row has problems and the sheet a name column. */
  name: string | null;
}

/** A checked row as the writer takes it (`withValues`: a new workbook, which writes the cells). */
export function writerRow(
  r: { row: number; role: RowRole; values: unknown[]; numFmts?: (string | number | undefined)[]; findings: Finding[]; changes?: readonly CellFix[] },
  sheet: SheetInfo | null,
  withValues: boolean,
): WriterRow {
  const map = sheet?.header?.map;
  const blank = r.role === 'data' && map !== undefined && r.findings.length === 0 ? isBlankRow(r.values, map) : false;
  const nameCol = map?.columns.name;
  const name = r.role === 'data' && nameCol !== undefined && r.findings.length ? normalizeCell(r.values[nameCol - 1]).text || null : null;
  const out: WriterRow = { row: r.row, role: r.role, findings: r.findings, blank, name };
  if (r.changes?.length) out.changes = r.changes;
  if (withValues) {
    out.values = r.values;
    if (r.numFmts) out.numFmts = r.numFmts;
  }
  return out;
}

