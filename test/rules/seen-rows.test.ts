import { describe, expect, it } from 'vitest';
import { SeenRows, earlierRow } from '../../rules/utils/seen-rows.js';
import { makeRecord } from '../helpers/records.js';

describe('SeenRows', () => {
  it('gives each row an index and its place back, across sheets and files', () => {
    const seen = new SeenRows();
    const at = (row: number, sheet: string, file: string) => ({ ...makeRecord({}, { row }), sheet, file });
    const a = at(3, '登记表', 'a.xlsx');
    const b = at(9, '补录', 'a.xlsx');
    const c = at(4, '登记表', 'b.xlsx');
    expect([seen.add(a), seen.add(b), seen.add(c), seen.add(a)]).toEqual([0, 1, 2, 3]);
    expect(seen.size).toBe(4);
    expect(seen.at(1)).toEqual({ row: 9, file: 'a.xlsx', sheet: '补录' });
    expect(seen.at(2)).toEqual({ row: 4, file: 'b.xlsx', sheet: '登记表' });
    expect(earlierRow(seen.at(0), b)).toEqual({ row: 3, at: '登记表' });
    expect(earlierRow(seen.at(0), c)).toEqual({ row: 3, at: 'a.xlsx 登记表' });
  });
});
