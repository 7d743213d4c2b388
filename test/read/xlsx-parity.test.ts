/**
 * The reader's own sheet parser (src/read/xlsx-sheet.ts) against exceljs's whole-workbook reader as the
 * reference: on every workbook of the exceljs corpus, the examples and the scenario, both see the same sheets
 * and each non-empty cell reads as the same text and kind. A file either reader refuses is listed with the
 * reason, and the test checks that it stays refused; any other failure to read is a failure of the test. Cells where exceljs is known to be wrong (formulas whose
 * cached result it drops or whose shared formula it empties) are left out here and tested on their own in
 * xlsx-sheet.test.ts.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { normalizeCell } from '../../src/model/cell.js';
import { columnLetter } from '../../src/model/fields.js';
import '../../src/read/exceljs-utf8.js';
import { openInput } from '../../src/read/index.js';
import { EXCELJS_CORPUS, REPO_ROOT } from '../helpers/paths.js';

type Cells = Map<string, string>;
/** Addresses by sheet where the reference misreads, left out on both sides. */
const misread = new Map<string, Set<string>>();

const key = (v: unknown, fmt: string | number | undefined, date1904: boolean): string => {
  const n = normalizeCell(v, fmt, date1904);
  return `${n.kind}:${n.text}`;
};

/** Whether exceljs's value is one of its known misreadings (see the module comment). */
function exceljsWrong(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return ('formula' in o || 'sharedFormula' in o) && (!o.formula || o.result === undefined || o.result === null);
}

async function byExceljs(path: string): Promise<Map<string, Cells>> {
  // The whole-workbook reader: unlike exceljs's streaming one it applies styles and shared strings
  // whatever the order of the parts in the zip.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const date1904 = wb.properties?.date1904 === true; // missing-bits.xlsx has no workbook properties
  const sheets = new Map<string, Cells>();
  for (const ws of wb.worksheets) {
    const cells: Cells = new Map();
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const address = `${columnLetter(col)}${rowNumber}`;
        if (cell.type === ExcelJS.ValueType.Merge || exceljsWrong(cell.value)) {
          if (!misread.has(`${path}|${ws.name}`)) misread.set(`${path}|${ws.name}`, new Set());
          misread.get(`${path}|${ws.name}`)!.add(address);
          return;
        }
        const k = key(cell.value, cell.numFmt, date1904);
        if (k !== 'empty:') cells.set(address, k);
      });
    });
    sheets.set(ws.name, cells);
  }
  return sheets;
}

async function byCertCheck(path: string): Promise<Map<string, Cells>> {
  const sheets = new Map<string, Cells>();
  const reader = await openInput(path);
  let current: Cells = new Map();
  for await (const ev of reader.events()) {
    if (ev.type === 'sheet-start') sheets.set(ev.sheet.name, (current = new Map()));
    if (ev.type !== 'row') continue;
    ev.values.forEach((v, i) => {
      if (v === undefined || exceljsWrong(v)) return;
      const k = key(v, ev.numFmts?.[i], reader.date1904);
      if (k !== 'empty:') current.set(`${columnLetter(i + 1)}${ev.row}`, k);
    });
  }
  return sheets;
}

/** exceljs's whole-workbook reader expands its whole-sheet data validation cell by cell and never ends. */
const NO_REFERENCE = new Set(['test-issue-1842.xlsx']);
/** Files exceljs refuses, and why: each must stay refused by exceljs and be refused by cert-check (exit 2). */
const EXCELJS_REFUSES: Record<string, string> = {
  'invalid-xml.xlsx': 'a part is not well-formed XML',
};
/** Files cert-check refuses although exceljs opens them, and why: exceljs must find no sheet in them. */
const CERT_CHECK_REFUSES: Record<string, string> = {
  'missing-bits.xlsx': 'the workbook part lists no sheet that the package holds',
};

const FILES = [
  ...readdirSync(EXCELJS_CORPUS).filter((f) => f.endsWith('.xlsx') && !NO_REFERENCE.has(f)).map((f) => join(EXCELJS_CORPUS, f)),
  join(REPO_ROOT, 'examples/records.xlsx'),
  join(REPO_ROOT, 'test/fixtures/scenario.xlsx'),
].sort();

describe('sheet parser parity with exceljs', () => {
  let compared = 0;
  let files = 0;
  it.each(FILES)('%s', async (path) => {
    const name = basename(path);
    if (EXCELJS_REFUSES[name]) {
      await expect(byExceljs(path), 'exceljs reads it now: move it out of EXCELJS_REFUSES').rejects.toThrow();
      await expect(byCertCheck(path)).rejects.toBeInstanceOf(InputError);
      return;
    }
    // A file exceljs read before and cannot read now fails here: the comparison would otherwise be skipped.
    const expected = await byExceljs(path);
    if (CERT_CHECK_REFUSES[name]) {
      expect([...expected.keys()]).toEqual([]);
      await expect(byCertCheck(path)).rejects.toBeInstanceOf(InputError);
      return;
    }
    const actual = await byCertCheck(path);
    // The same sheets both ways: none that only one of them sees.
    expect([...actual.keys()].sort(), path).toEqual([...expected.keys()].sort());
    for (const [sheet, cells] of actual) {
      for (const address of misread.get(`${path}|${sheet}`) ?? []) cells.delete(address);
      expect(Object.fromEntries(cells), `${path} ${sheet}`).toEqual(Object.fromEntries(expected.get(sheet)!));
      compared += cells.size;
    }
    files++;
  }, 20_000);

  it('compared every file and many cells', () => {
    expect(files).toBe(FILES.length - Object.keys(EXCELJS_REFUSES).length - Object.keys(CERT_CHECK_REFUSES).length);
    expect(files).toBeGreaterThan(30);
    expect(compared).toBeGreaterThan(1000);
  });
});
