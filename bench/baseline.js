// Child process for the benchmark: the cost of the spreadsheet I/O alone — exceljs streaming read of every row
// plus streaming write of the same values to a new workbook, no checks. Reports on fd 3 like measure.js.
import { writeSync, renameSync } from 'node:fs';
import ExcelJS from 'exceljs';

const [input, output] = process.argv.slice(2);
const t0 = performance.now();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${output}.tmp`, useStyles: true, useSharedStrings: false });
let rows = 0;
for await (const sheet of reader) {
  const out = writer.addWorksheet(sheet.name ?? 'Sheet1');
  for await (const row of sheet) {
    out.getRow(row.number).values = row.values;
    out.getRow(row.number).commit();
    rows++;
  }
  out.commit();
}
await writer.commit();
renameSync(`${output}.tmp`, output);
const ms = performance.now() - t0;
writeSync(3, JSON.stringify({ code: 0, rows, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
