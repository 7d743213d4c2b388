/**
 * sortFindings puts problems in reading order: files in the run's order, sheets in the file's order, rows
 * (file-level problems first), columns (row-level problems first), then as the engine reported them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortFindings } from '../../src/report/common.js';
import type { FileResult } from '../../src/report/types.js';
import { finding } from './fixtures.js';

const FILES: FileResult[] = [
  { path: 'b.xlsx', sheets: [{ name: '二', headerRow: 1, rows: 1 }, { name: '一', headerRow: 1, rows: 1 }], annotated: null, notices: [] },
  { path: 'a.csv', sheets: [{ name: 'a', headerRow: 1, rows: 1 }], annotated: null, notices: [] },
] as FileResult[];

describe('sortFindings', () => {
  it('orders by file, sheet, row and column as read, keeping the engine order otherwise', () => {
    const f = (file: string, sheet: string | null, row: number | null, column: string | null, rule: string) => finding({ file, sheet, row, column, rule });
    const input = [
      f('a.csv', 'a', 3, 'B', '1'), f('b.xlsx', '一', 2, null, '2'), f('b.xlsx', '二', 9, 'AA', '3'), f('b.xlsx', '二', 9, 'C', '4'),
      f('z.xlsx', 'x', 1, 'A', '5'), f('b.xlsx', null, null, null, '6'), f('b.xlsx', '二', 9, 'C', '7'), f('b.xlsx', '三', 1, 'A', '8'),
      f('b.xlsx', '二', null, null, '9'), f('a.csv', 'a', 3, null, '10'),
    ];
    expect(sortFindings({ files: FILES, findings: input }).map((x) => x.rule)).toEqual(['6', '9', '4', '7', '3', '2', '8', '10', '1', '5']);
  });

  it('is a stable sort by (file rank, file, sheet rank, sheet, row, column) on any findings', () => {
    const files = ['a.csv', 'b.xlsx', 'c.xlsx'];
    const sheets = [null, '一', '二', 'a', '三'];
    const columns = [null, 'A', 'C', 'AA', 'zz'];
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(2), fc.nat(4), fc.option(fc.nat(30)), fc.nat(4)), { maxLength: 60 }), (specs) => {
      const input = specs.map(([fi, si, row, ci], i) => finding({ file: files[fi]!, sheet: sheets[si]!, row, column: columns[ci]!, rule: String(i) }));
      const out = sortFindings({ files: FILES, findings: input });
      const fileRank = (x: (typeof input)[number]) => FILES.findIndex((g) => g.path === x.file) < 0 ? Infinity : FILES.findIndex((g) => g.path === x.file);
      const sheetRank = (x: (typeof input)[number]) => {
        if (x.sheet === null) return -1;
        const i = FILES.find((g) => g.path === x.file)?.sheets.findIndex((s) => s.name === x.sheet) ?? -1;
        return i < 0 ? Infinity : i;
      };
      const col = (c: string | null) => (c && /^[A-Z]{1,3}$/i.test(c) ? [...c.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0);
      const key = (x: (typeof input)[number]) => [fileRank(x), x.file, sheetRank(x), x.sheet ?? '', x.row ?? -1, col(x.column), Number(x.rule)] as const;
      for (let i = 1; i < out.length; i++) {
        const a = key(out[i - 1]!);
        const b = key(out[i]!);
        const cmp = a.findIndex((v, k) => v !== b[k]);
        expect(cmp === -1 || a[cmp]! < b[cmp]!).toBe(true);
      }
      expect([...out].map((x) => x.rule).sort()).toEqual(input.map((x) => x.rule).sort());
    }), { numRuns: 300 });
  });
});
