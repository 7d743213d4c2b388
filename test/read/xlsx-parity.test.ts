/**
 * The reader's own sheet parser (src/read/xlsx-sheet.ts) against exceljs's whole-workbook reader as the
 * reference: on every workbook of the exceljs corpus, the examples and the scenario, each
 * non-empty cell reads as the same text and kind. Cells where exceljs is known to be wrong (formulas whose
 * cached result it drops or whose shared formula it empties) are left out here and tested on their own in
 * xlsx-sheet.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
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
  const date1904 = wb.properties.date1904 === true;
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

const FILES = [
  ...readdirSync(EXCELJS_CORPUS).filter((f) => f.endsWith('.xlsx') && !NO_REFERENCE.has(f)).map((f) => join(EXCELJS_CORPUS, f)),
  join(REPO_ROOT, 'examples/records.xlsx'),
  join(REPO_ROOT, 'test/fixtures/scenario.xlsx'),
].sort();

describe('sheet parser parity with exceljs', () => {
  let compared = 0;
  it.each(FILES)('%s', async (path) => {
    let expected: Map<string, Cells>;
    try {
      expected = await byExceljs(path);
    } catch {
      return; // exceljs cannot read it (the corpus test checks cert-check ends cleanly on it)
    }
    let actual: Map<string, Cells>;
    try {
      actual = await byCertCheck(path);
    } catch (e) {
      // cert-check refuses only what is really broken: then exceljs read nothing either.
      expect([...expected.values()].every((c) => c.size === 0), String(e)).toBe(true);
      return;
    }
    for (const [name, cells] of actual) {
      const want = expected.get(name);
      if (!want) continue;
      for (const address of misread.get(`${path}|${name}`) ?? []) cells.delete(address);
      expect(Object.fromEntries(cells), `${path} ${name}`).toEqual(Object.fromEntries(want));
      compared += cells.size;
    }
  }, 20_000);

  it('compared cells', () => expect(compared).toBeGreaterThan(1000));
});
