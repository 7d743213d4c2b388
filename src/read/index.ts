/**
 * Reading inputs: `openInput` sniffs a file by content and returns the reader for it (.xlsx, .xls/.et/.ods,
 * delimited text); `scanInputs` turns the command line's files and folders into the list of inputs, what
 * folder scans skipped and why, and the paths that cannot be used.
 *
 * Event order per sheet: `sheet-start` (after the first rows were buffered for the header search), the
 * sheet's notices (sheet-skipped, duplicate-header, ignored-columns), every non-empty row with its role,
 * then formula-no-result if any, then `sheet-end`. Read problems surface as InputError, either from
 * `openInput` or thrown by `events()` (corrupt XML, --max-rows exceeded…): the pipeline treats both as
 * exit 2. `reader.date1904` is known from the first sheet-start on.
 */
import { InputError } from '../errors.js';
import { FIELDS } from '../model/fields.js';
import { CsvReader } from './csv.js';
import { SheetjsReader } from './sheetjs.js';
import { sniff } from './sniff.js';
import type { InputReader, ReadOptions, SheetInfo } from './types.js';
import { XlsxReader } from './xlsx.js';

export { classifyFolderEntry, expandInputs, isInputName, scanInputs, type InputScan, type SkippedFile, type SkipReason } from './inputs.js';
export { detectHeader, matchHeaderCell, HEADER_SEARCH_ROWS, MIN_HEADER_FIELDS } from './header.js';
export * from './limits.js';
export type { InputFormat, InputReader, ReadEvent, ReadOptions, RowRole, SheetInfo, Notice } from './types.js';

/**
 * `later`: options that come after the reading started (a reading thread opened ahead, src/read/threaded.ts): an
 * .xlsx reads its workbook, styles and shared strings meanwhile; any other input waits for them first.
 */
export async function openInput(path: string, options: ReadOptions = {}, later: Promise<ReadOptions> | null = null): Promise<InputReader> {
  // The inflating check of an .xlsx runs beside the reading (its inflation is off this thread).
  const kind = await sniff(path, { ...options, deferVerify: true });
  if (kind.format === 'xlsx') return new XlsxReader(path, options, kind.verified ?? Promise.resolve({ valueRows: 0, merges: kind.zip.merges ?? {} }), kind.leftToReader === true, later);
  if (later) options = { ...options, ...(await later) };
  if (kind.format === 'xls') return SheetjsReader.open(path, 'xls', options, kind.stream === 'Book');
  if (kind.format === 'ods') return SheetjsReader.open(path, 'ods', options);
  return new CsvReader(path, kind.encoding, options, kind.encodingSource === 'utf-8-damaged', kind.delimiter);
}

/**
 * The error for an input none of whose sheets had a header row (the reader itself only emits
 * sheet-skipped notices): call it with the SheetInfo of every sheet-end; null when some sheet had one.
 */
export function noHeaderError(path: string, sheets: readonly SheetInfo[]): InputError | null {
  if (sheets.some((s) => s.header)) return null;
  const expected = [FIELDS.name.header, FIELDS.idNumber.header, FIELDS.title.header, FIELDS.approvalNo.header].join('、');
  return new InputError('no-header', { path, expected });
}
