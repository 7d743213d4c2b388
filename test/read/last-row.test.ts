/** SheetInfo.lastRow, a progress bar's total: the sheet's <dimension>, else (one sheet) the zip check's count. */
import { afterAll, describe, expect, it } from 'vitest';
import { XlsxReader } from '../../src/read/xlsx.js';
import type { ReadEvent, SheetInfo } from '../../src/read/types.js';
import { collect, inlineCell, makeTempDir, minimalXlsx, writeWorkbook, writeZip } from './files.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const HEADER = ['姓名', '身份证号', '职称级别', '批准文号'];
/** A header row and `n` data rows, as inline strings. */
function rows(n: number): string {
  const cols = ['A', 'B', 'C', 'D'];
  const row = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => inlineCell(`${cols[i]}${r}`, v)).join('')}</row>`;
  return [row(1, HEADER), ...Array.from({ length: n }, (_, i) => row(i + 2, [`张${i}`, '11010519491231002X', '中级', '渝职改办【2019】1号']))].join('');
}

/** A one-sheet workbook whose sheet XML carries `dimension` (or none) before its rows. */
function workbook(name: string, dimension: string | null, n: number): string {
  const path = tmp.file(name);
  const parts = minimalXlsx(rows(n));
  const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
  if (dimension) sheet.data = sheet.data.replace('<sheetData>', `<dimension ref="${dimension}"/><sheetData>`);
  writeZip(path, parts);
  return path;
}

const startOf = (events: ReadEvent[]): SheetInfo => (events.find((e) => e.type === 'sheet-start') as { sheet: SheetInfo }).sheet;

describe('SheetInfo.lastRow', () => {
  it('is the last row of the sheet\'s <dimension>, known at sheet-start', async () => {
    const { events } = await collect(workbook('dim.xlsx', 'A1:D40', 39));
    expect(startOf(events).lastRow).toBe(40);
  });

  it('takes the zip check\'s count of rows with a value when the dimension says nothing (a bare "A1")', async () => {
    const path = workbook('bare.xlsx', 'A1', 12);
    const reader = new XlsxReader(path, {}, Promise.resolve({ valueRows: 13, merges: {} }));
    const events: ReadEvent[] = [];
    for await (const e of reader.events()) events.push(e);
    expect(startOf(events).lastRow).toBe(13);
    const none = new XlsxReader(workbook('none.xlsx', null, 12), {}, Promise.resolve({ valueRows: 0, merges: {} }));
    const noEvents: ReadEvent[] = [];
    for await (const e of none.events()) noEvents.push(e);
    expect(startOf(noEvents).lastRow).toBeUndefined();
  });

  it('arrives as a last-row event when the zip check finishes after the sheet started', async () => {
    const path = workbook('late.xlsx', null, 3000);
    let done: (v: { valueRows: number; merges: Record<string, string[]> }) => void = () => {};
    const reader = new XlsxReader(path, {}, new Promise((resolve) => (done = resolve)));
    const events: ReadEvent[] = [];
    for await (const e of reader.events()) {
      events.push(e);
      if (e.type === 'sheet-start') done({ valueRows: 3001, merges: {} });
    }
    expect(startOf(events).lastRow).toBeUndefined();
    const late = events.filter((e) => e.type === 'last-row');
    expect(late).toEqual([{ type: 'last-row', row: 3001 }]);
    expect(events.indexOf(late[0]!)).toBeLessThan(events.findIndex((e) => e.type === 'sheet-end'));
  });

  it('comes from a workbook Excel-style writers make (exceljs writes the dimension)', async () => {
    const path = tmp.file('exceljs.xlsx');
    await writeWorkbook(path, (wb) => {
      const ws = wb.addWorksheet('登记表');
      ws.addRow(HEADER);
      for (let i = 0; i < 25; i++) ws.addRow([`张${i}`, '11010519491231002X', '中级', '渝职改办【2019】1号']);
    });
    const { events } = await collect(path);
    expect(startOf(events).lastRow).toBe(26);
  });
});
