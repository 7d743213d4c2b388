/**
 * Finding the header row of a sheet, and turning a sheet's rows into read events with their roles.
 * Shared by the .xlsx and .csv readers.
 */
import { InputError } from '../errors.js';
import { normalizeCell } from '../model/cell.js';
import { DEFAULT_ALIASES, columnLetter, matchHeader, normalizeHeader, type AliasTable, type FieldKey } from '../model/fields.js';
import type { ColumnMap } from '../model/record.js';
import type { Notice, ReadEvent, RowRole, SheetInfo } from './types.js';

/** The header is looked for among the first this many (non-empty) rows of a sheet. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * A header row must name at least this many distinct fields. One or two matches happen by chance: a
 * title row such as “职称证书登记表”, a note row (“姓名、身份证号必须与持证人一致”) or a data cell that
 * happens to read 职称 or 照片. Every real registration sheet has far more (姓名, 身份证号, 职称名称,
 * 批准文号, …), so three keeps false headers out without losing real ones.
 */
export const MIN_HEADER_FIELDS = 3;

/** Header cells numbered as a row number column; not reported as ignored columns. */
const ROW_NUMBER_HEADERS = new Set(['序号', '编号', 'no', 'no.'].map(normalizeHeader));

/** One row as read: 1-based row number, values from column A. */
export interface RawRow {
  row: number;
  values: unknown[];
  numFmts?: (string | number | undefined)[];
}

export interface HeaderResult {
  /** The header row (the row that matched best). */
  row: number;
  map: ColumnMap;
  /** Every row that forms the header: the header row and, in a two-row header, the row that completed it. */
  rows: number[];
  /** duplicate-header / ignored-columns notices. */
  notices: Notice[];
}

/** The text of a header cell: rich text joined, formulas by their result, numbers as printed. */
export function headerText(value: unknown): string {
  return normalizeCell(value).text;
}

const BRACKETED = /[(（【\[［〔][^)）】\]］〕]*[)）】\]］〕]/g;

/**
 * The field a header cell names. Besides the exact names and aliases (after width, space and bracket
 * normalisation), accepts a note in brackets or on a second line: “身份证号（必填）”, “发证时间\n格式 2019-12-20”.
 */
export function matchHeaderCell(text: string, aliases: AliasTable = DEFAULT_ALIASES): FieldKey | null {
  if (!text) return null;
  const direct = matchHeader(text, aliases);
  if (direct) return direct;
  const firstLine = text.split(/\r\n|\r|\n/)[0] ?? '';
  if (firstLine !== text && firstLine.trim()) {
    const m = matchHeaderCell(firstLine, aliases);
    if (m) return m;
  }
  const stripped = text.normalize('NFKC').replace(BRACKETED, '');
  if (stripped !== text.normalize('NFKC') && stripped.trim()) return matchHeader(stripped, aliases);
  return null;
}

interface RowMatch {
  raw: RawRow;
  texts: string[];
  /** Field of each column (null = no field). */
  fields: (FieldKey | null)[];
  distinct: number;
}

function matchRow(raw: RawRow, aliases: AliasTable): RowMatch {
  const texts = raw.values.map(headerText);
  const fields = texts.map((t) => matchHeaderCell(t, aliases));
  const distinct = new Set(fields.filter((f) => f !== null)).size;
  return { raw, texts, fields, distinct };
}

/**
 * Picks the header row among `rows` (the first rows of a sheet): the row naming the most distinct fields,
 * the upper one on a tie, with at least MIN_HEADER_FIELDS. A two-row header (a merged group cell above
 * the real headers, or headers merged vertically over sub-headers) is completed from the row just above
 * or below: its cells fill the columns where the header row names no field. Returns null when no row
 * qualifies.
 */
export function detectHeader(rows: readonly RawRow[], aliases: AliasTable = DEFAULT_ALIASES, sheet = ''): HeaderResult | null {
  const matches = rows.slice(0, HEADER_SEARCH_ROWS).map((r) => matchRow(r, aliases));
  let best: RowMatch | null = null;
  for (const m of matches) if (m.distinct >= MIN_HEADER_FIELDS && (!best || m.distinct > best.distinct)) best = m;
  if (!best) return null;

  const columns: Partial<Record<FieldKey, number>> = {};
  const headers = [...best.texts];
  const notices: Notice[] = [];
  best.fields.forEach((field, i) => {
    if (!field) return;
    const first = columns[field];
    if (first === undefined) {
      columns[field] = i + 1;
      return;
    }
    notices.push({
      id: 'duplicate-header',
      sheet,
      data: { sheet, field, header: best!.texts[i]!, column: columnLetter(i + 1), first: columnLetter(first) },
    });
  });
  const duplicateCols = new Set(notices.map((n) => n.data.column));

  const headerRows = [best.raw.row];
  for (const delta of [-1, 1]) {
    const other = matches.find((m) => m.raw.row === best!.raw.row + delta);
    if (!other) continue;
    // A row below completes the header only when it is empty under every column the header row names
    // (cells under vertically merged headers are); a data row never is, so it is never eaten as a header.
    if (delta === 1 && Object.values(columns).some((c) => other.texts[c - 1])) continue;
    let used = false;
    other.fields.forEach((field, i) => {
      if (!field || columns[field] !== undefined || best!.fields[i]) return;
      columns[field] = i + 1;
      headers[i] = other.texts[i]!;
      used = true;
    });
    if (used) headerRows.push(other.raw.row);
  }
  headerRows.sort((a, b) => a - b);

  const mapped = new Set(Object.values(columns));
  const ignored: string[] = [];
  headers.forEach((h, i) => {
    const col = columnLetter(i + 1);
    if (!h || mapped.has(i + 1) || duplicateCols.has(col) || ROW_NUMBER_HEADERS.has(normalizeHeader(h))) return;
    ignored.push(`${col} ${h.replace(/\s+/g, ' ')}`);
  });
  if (ignored.length) notices.push({ id: 'ignored-columns', sheet, data: { sheet, count: ignored.length, columns: ignored.join(', ') } });

  return { row: best.raw.row, map: { columns, headers }, rows: headerRows, notices };
}

/** True when no value of the row holds anything (such rows are not emitted). */
export function isEmptyValues(values: readonly unknown[]): boolean {
  for (const v of values) if (normalizeCell(v).kind !== 'empty') return false;
  return true;
}

/** Rows read so far across one input, against --max-rows. */
export interface RowBudget {
  path: string;
  max: number;
  rows: number;
}

export interface SheetOptions {
  aliases: AliasTable;
  budget: RowBudget;
  hidden?: boolean;
  position?: number;
  merges?: string[];
  /** The sheet's last row as known at its start (SheetInfo.lastRow), asked when the header is found. */
  lastRow?: () => number | undefined;
}

/**
 * Turns one sheet's rows into events: buffers the first HEADER_SEARCH_ROWS non-empty rows, finds the
 * header, emits `sheet-start` (then the sheet's notices), every row with its role, and `sheet-end`.
 * Rows of data (and rows of sheets without a header) count against the row budget.
 */
export class SheetAssembler {
  private buffer: RawRow[] = [];
  private info: SheetInfo | null = null;
  private headerRows: number[] = [];
  private lastRow = 0;

  constructor(
    readonly name: string,
    private readonly options: SheetOptions,
  ) {}

  /** The sheet-start has been emitted. */
  get started(): boolean {
    return this.info !== null;
  }

  /** The lastRow the sheet-start carried. */
  get lastRowAtStart(): number | undefined {
    return this.info?.lastRow;
  }

  /** The last row number seen (readers number rows that carry none). */
  get last(): number {
    return this.lastRow;
  }

  *push(raw: RawRow): Generator<ReadEvent> {
    this.lastRow = raw.row;
    if (isEmptyValues(raw.values)) return;
    if (this.info) {
      yield this.rowEvent(raw);
      return;
    }
    this.buffer.push(raw);
    if (this.buffer.length >= HEADER_SEARCH_ROWS) yield* this.flush();
  }

  /** `merges`: the sheet's merged ranges, when they were not known at its start. */
  *end(extra: Notice[] = [], merges?: string[]): Generator<ReadEvent> {
    if (!this.info) yield* this.flush();
    if (merges?.length) this.info!.merges = merges;
    for (const notice of extra) yield { type: 'notice', notice };
    yield { type: 'sheet-end', sheet: this.info! };
  }

  private *flush(): Generator<ReadEvent> {
    const found = detectHeader(this.buffer, this.options.aliases, this.name);
    const columnCount = this.buffer.reduce((n, r) => Math.max(n, r.values.length), 0);
    this.info = { name: this.name, header: found ? { row: found.row, map: found.map } : null, columnCount };
    if (this.options.hidden) this.info.hidden = true;
    if (this.options.position !== undefined) this.info.position = this.options.position;
    if (this.options.merges?.length) this.info.merges = this.options.merges;
    const lastRow = this.options.lastRow?.();
    if (lastRow) this.info.lastRow = lastRow;
    if (found) this.info.headerRows = found.rows;
    this.headerRows = found?.rows ?? [];
    yield { type: 'sheet-start', sheet: this.info };
    if (!found) {
      const data: Record<string, string | number> = { sheet: this.name, rows: this.buffer.length };
      yield { type: 'notice', notice: { id: 'sheet-skipped', sheet: this.name, data } };
    }
    for (const notice of found?.notices ?? []) yield { type: 'notice', notice };
    const rows = this.buffer;
    this.buffer = [];
    for (const raw of rows) yield this.rowEvent(raw);
  }

  private rowEvent(raw: RawRow): ReadEvent {
    const role = this.role(raw.row);
    if (role === 'data' || role === 'other') {
      const budget = this.options.budget;
      if (++budget.rows > budget.max) throw new InputError('too-many-rows', { path: budget.path, max: budget.max });
    }
    const event: ReadEvent = { type: 'row', row: raw.row, role, values: raw.values };
    if (raw.numFmts) event.numFmts = raw.numFmts;
    return event;
  }

  private role(row: number): RowRole {
    if (!this.info?.header) return 'other';
    if (this.headerRows.includes(row)) return 'header';
    return row < this.headerRows[0]! ? 'before-header' : 'data';
  }
}
