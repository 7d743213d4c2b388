/**
 * The workbook part, its relationships and the styles read without exceljs give what exceljs's own parsers gave
 * the reader: the sheets in tab order with their states and relationships, the 1904 date system, and the number
 * format of every cell format — on every workbook of the fixtures and the exceljs corpus.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../src/read/exceljs-utf8.js';
import { BUILT_IN_NUMFMTS } from '../../src/read/builtin-numfmts.js';
import { parseRelationships, parseStyles, parseWorkbook } from '../../src/read/workbook-parts.js';
import { zipPartsOrNull } from '../report/package-helpers.js';
import { FIXTURES, fixtureWorkbooks } from '../helpers/paths.js';

interface ExceljsBook {
  _parseRels(s: Readable): Promise<void>;
  _parseWorkbook(s: Readable): Promise<void>;
  _parseStyles(s: Readable): Promise<void>;
  workbookRels?: Record<string, string>[];
  model?: { sheets?: { name?: string; rId?: string; state?: string; id?: number }[] };
  properties?: { model?: { date1904?: boolean } };
  styles?: { model?: { styles?: ({ numFmtId?: number } | undefined)[] }; getStyleModel(id: number): { numFmt?: string } | null };
}

const workbooks = fixtureWorkbooks((n) => /\.xls[xm]$/.test(n));

describe('workbook, relationships and styles as exceljs read them', () => {
  it('the built-in number formats are exceljs\'s, but for the CJK ids it keeps as ids', () => {
    const table = createRequire(import.meta.url)('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string }>;
    const withCode = Object.fromEntries(Object.entries(table).flatMap(([id, v]) => (v.f === undefined ? [] : [[id, v.f]])));
    expect({ ...BUILT_IN_NUMFMTS }).toEqual(withCode);
    expect(Object.keys(table).length).toBeGreaterThan(Object.keys(withCode).length); // 27–36, 50–58: no code
  });

  it('has workbooks to compare', () => {
    expect(workbooks.length).toBeGreaterThan(20);
  });

  it.each(workbooks)('%s', async (name) => {
    const parts = await zipPartsOrNull(join(FIXTURES, name));
    if (!parts) return; // not a whole zip (a hostile fixture): nothing to compare
    if (!parts.has('xl/workbook.xml')) return;
    const book = new ExcelJS.stream.xlsx.WorkbookReader(join(FIXTURES, name), { styles: 'cache' } as never) as unknown as ExceljsBook;
    const stream = (part: string) => Readable.from([parts.get(part)!.data]);
    const text = (part: string) => parts.get(part)!.data.toString('utf8');
    if (parts.has('xl/_rels/workbook.xml.rels')) {
      await book._parseRels(stream('xl/_rels/workbook.xml.rels'));
      expect(parseRelationships(text('xl/_rels/workbook.xml.rels'))).toEqual(book.workbookRels);
    }
    await book._parseWorkbook(stream('xl/workbook.xml'));
    const workbook = parseWorkbook(text('xl/workbook.xml'));
    expect(workbook.sheets).toEqual((book.model?.sheets ?? []).map((s) => ({ name: s.name, id: s.id, state: s.state, rId: s.rId })));
    expect(workbook.date1904).toBe(book.properties?.model?.date1904 === true);
    if (parts.has('xl/styles.xml')) {
      await book._parseStyles(stream('xl/styles.xml'));
      const mine = parseStyles(text('xl/styles.xml'), (id) => BUILT_IN_NUMFMTS[id]);
      const count = book.styles?.model?.styles?.length ?? 0;
      for (let s = 0; s < count + 3; s++) {
        const model = book.styles!.getStyleModel(s);
        let expected: string | number | undefined = model?.numFmt;
        if (expected === undefined && model) expected = book.styles!.model?.styles?.[s]?.numFmtId || undefined;
        expect(mine(s), `${name} s=${s}`).toEqual(expected);
      }
    }
  });
});
