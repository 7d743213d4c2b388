/**
 * Limits against hostile or accidental giant inputs. Each is checked before the expensive work starts
 * (the zip's central directory is read with yauzl before exceljs opens the file), except the row limit,
 * which is checked while reading and stops the read as soon as it is passed.
 *
 * - MAX_SHEET_XML_BYTES: total uncompressed size of the worksheet XML plus the shared strings (which
 *   exceljs caches in memory). 1 GiB is ~2 million rows of 20 columns: far beyond any registration batch.
 * - MAX_UNCOMPRESSED_BYTES: total uncompressed size of every zip entry (images, themes… are inflated and
 *   thrown away by the streaming reader, which still costs time).
 * - MAX_COMPRESSION_RATIO: an entry that inflates more than this many times and to more than
 *   RATIO_MIN_BYTES is a zip bomb. Deflate tops out near 1032:1; real sheet XML compresses 5–30:1 and even
 *   very repetitive sheets stay well under 200:1. Small entries may have any ratio (a 1 MB run of empty
 *   styled rows is harmless).
 * - MAX_ZIP_ENTRIES: a central directory with more entries than this is not a workbook anyone typed.
 * - MAX_CSV_BYTES: a CSV larger than this is refused (CSV is read as a stream, so this guards time only).
 * - DEFAULT_MAX_ROWS: the CLI's default for --max-rows (data rows of one input, all sheets together).
 * - MAX_XLS_BYTES, MAX_ODS_CONTENT_BYTES, MAX_ODS_UNCOMPRESSED_BYTES, MAX_SHEETJS_CELLS: .xls/.et and .ods
 *   are parsed whole by SheetJS (no streaming reader exists for them), which keeps 300–450 bytes per cell:
 *   these bound what it is given. BIFF8 holds at most 65,536 rows a sheet; a 65,000-row × 19-column .xls is
 *   20 MB and 1.2 million cells (~570 MB of heap). Larger record sets belong in .xlsx, which is streamed.
 * - READ_TIMEOUT_S: how long the reading process of an .xls/.et/.ods may take to answer (the parse, then each
 *   batch of rows) before it is stopped (CERT_CHECK_READ_TIMEOUT_S sets it by hand). The 65,000-row files
 *   above parse in 2–6 s.
 *
 * The sizes in a zip's central directory are declared by the file; a file that lies about them is still
 * stopped by the row limit, but one giant row inside a lying entry is not (see the report in src/read).
 */
export const MAX_SHEET_XML_BYTES = 1024 ** 3;
export const MAX_UNCOMPRESSED_BYTES = 2 * 1024 ** 3;
export const MAX_COMPRESSION_RATIO = 200;
export const RATIO_MIN_BYTES = 16 * 1024 ** 2;
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_CSV_BYTES = 512 * 1024 ** 2;
/** A CSV record longer than this is malformed (usually a quote that is never closed). */
export const MAX_CSV_RECORD_BYTES = 1024 ** 2;
export const DEFAULT_MAX_ROWS = 500_000;
export const MAX_XLS_BYTES = 128 * 1024 ** 2;
export const MAX_ODS_CONTENT_BYTES = 256 * 1024 ** 2;
export const MAX_ODS_UNCOMPRESSED_BYTES = 512 * 1024 ** 2;
export const MAX_SHEETJS_CELLS = 3_000_000;
export const READ_TIMEOUT_S = 60;

/** 1536 → "1.5 KiB". */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(1)} ${units[i]}`;
}
