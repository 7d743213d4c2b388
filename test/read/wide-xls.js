// A wide .xls (BIFF8) of any number of rows and up to 256 columns, in seconds (SheetJS's own BIFF writer takes
// time quadratic in the rows): SheetJS writes a two-row sheet (the header, then a row of numbers), and the
// rows after it are planted as MULRK records before the sheet's first record after its cells, the sheet's
// DIMENSIONS widened to match. Each planted row holds four texts (name, ID number, title, approval number:
// LABEL records) and numbers in every other column (6 bytes a cell), so the file is as dense as an .xls gets.
// Plain JavaScript so that test/read/measure-wide-xls.js runs it without a build.
import * as XLSX from '@e965/xlsx';

const HEADER = ['姓名', '身份证号', '职称名称', '批准文号'];

/** One BIFF record. */
function record(type, body) {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(body.length, 2);
  return Buffer.concat([head, body]);
}

/** LABEL (0x0204): a text cell, its string in UTF-16LE. */
function label(row, col, text) {
  const body = Buffer.alloc(9 + 2 * text.length);
  body.writeUInt16LE(row, 0);
  body.writeUInt16LE(col, 2);
  body.writeUInt16LE(15, 4); // the default cell format
  body.writeUInt16LE(text.length, 6);
  body[8] = 1; // UTF-16LE
  body.write(text, 9, 'utf16le');
  return record(0x0204, body);
}

/** MULRK (0x00BD): integers in the columns first..last of a row. */
function mulrk(row, first, last, value) {
  const n = last - first + 1;
  const body = Buffer.alloc(6 + 6 * n);
  body.writeUInt16LE(row, 0);
  body.writeUInt16LE(first, 2);
  for (let i = 0; i < n; i++) {
    body.writeUInt16LE(15, 4 + 6 * i);
    body.writeInt32LE(((value(first + i) | 0) << 2) | 2, 6 + 6 * i); // RK: a 30-bit integer
  }
  body.writeUInt16LE(last, 4 + 6 * n);
  return record(0x00bd, body);
}

/**
 * The bytes of an .xls of `rows` rows (the header included) and `cols` columns (5–256).
 * @param {{ rows: number; cols: number }} size
 * @returns {Buffer}
 */
export function wideXls({ rows, cols }) {
  if (cols < 5 || cols > 256 || rows < 2 || rows > 65536) throw new Error('an .xls holds 2–65,536 rows of 5–256 columns');
  const seed = [HEADER, Array.from({ length: cols }, (_, c) => c + 0.5)];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(seed, { dense: true }), '登记表');
  const cfb = XLSX.CFB.read(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }), { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  const stream = Buffer.from(entry.content);
  // The sheet's records: DIMENSIONS (0x0200) is widened, the planted rows go after its last cell.
  let pos = 0;
  let bofs = 0;
  let dims = -1;
  let afterCells = -1;
  while (pos < stream.length) {
    const type = stream.readUInt16LE(pos);
    const len = stream.readUInt16LE(pos + 2);
    if (type === 0x0809) bofs++;
    if (bofs === 2 && type === 0x0200) dims = pos + 4;
    if (bofs === 2 && (type === 0x0203 || type === 0x0204)) afterCells = pos + 4 + len;
    pos += 4 + len;
  }
  if (dims < 0 || afterCells < 0) throw new Error('unexpected SheetJS output');
  stream.writeUInt32LE(rows, dims + 4);
  stream.writeUInt16LE(cols, dims + 10);
  const planted = [];
  for (let r = 2; r < rows; r++) {
    planted.push(
      label(r, 0, `张${r}`), label(r, 1, '500224198001011235'), label(r, 2, '工程师'), label(r, 3, `渝职改办【2019】${r}号`),
      mulrk(r, 4, cols - 1, (c) => r * 1000 + c),
    );
  }
  entry.content = Buffer.concat([stream.subarray(0, afterCells), ...planted, stream.subarray(afterCells)]);
  entry.size = entry.content.length;
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }));
}
