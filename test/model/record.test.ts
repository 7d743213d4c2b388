/** The record of one row: text trimmed, dates in every usual form, cells located; always what RecordSchema says. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordSchema } from '../../src/model/record.js';
import { makeRecord } from '../helpers/records.js';

describe('dates as clerks write them', () => {
  const day: [string, unknown, string | number | undefined, { y: number; m: number; d: number | null } | null][] = [
    ['ISO text', '2019-12-20', undefined, { y: 2019, m: 12, d: 20 }],
    ['slashes', '2019/12/20', undefined, { y: 2019, m: 12, d: 20 }],
    ['dots', '2019.12.20', undefined, { y: 2019, m: 12, d: 20 }],
    ['年月日', '2019年12月20日', undefined, { y: 2019, m: 12, d: 20 }],
    ['compact text', '20191220', undefined, { y: 2019, m: 12, d: 20 }],
    ['compact number', 20191220, undefined, { y: 2019, m: 12, d: 20 }],
    ['Date cell (UTC)', new Date(Date.UTC(2019, 11, 20)), undefined, { y: 2019, m: 12, d: 20 }],
    ['serial with built-in format 31', 43819, 31, { y: 2019, m: 12, d: 20 }],
    ['serial with yyyy-mm-dd', 43819, 'yyyy-mm-dd', { y: 2019, m: 12, d: 20 }],
    ['a day that does not exist', '2019-02-30', undefined, null],
    ['not a date', '去年', undefined, null],
    // The day is not known: kept as a year-month, and the cell says why (dates-readable reports it).
    ['text without a day', '2019年12月', undefined, { y: 2019, m: 12, d: null }],
    ['2019.12 as text', '2019.12', undefined, { y: 2019, m: 12, d: null }],
    ['a Date cell formatted yyyy"年"m"月"', new Date(Date.UTC(2019, 11, 1)), 'yyyy"年"m"月"', { y: 2019, m: 12, d: null }],
    ['a serial with the zh-CN built-in 27', 43800, 27, { y: 2019, m: 12, d: null }],
    ['a serial with mmm-yy', 43800, 'mmm-yy', { y: 2019, m: 12, d: null }],
  ];
  it.each(day)('发证时间 %s', (_name, value, numFmt, expected) => {
    const r = makeRecord({ issueDate: value }, { numFmts: numFmt === undefined ? {} : { issueDate: numFmt } });
    expect(r.issueDate).toEqual(expected);
  });

  const month: [string, unknown, { y: number; m: number; d: number | null } | null][] = [
    ['1980.03 as text', '1980.03', { y: 1980, m: 3, d: null }],
    ['1980.03 typed as a number', 1980.03, { y: 1980, m: 3, d: null }],
    ['1980.3 typed as a number is March', 1980.3, { y: 1980, m: 3, d: null }],
    ['1980.1 typed as a number: January unless the ID says October', 1980.1, { y: 1980, m: 1, d: null }],
    ['1980.12 typed as a number', 1980.12, { y: 1980, m: 12, d: null }],
    ['a Date cell on the 1st is a year-month', new Date(Date.UTC(1980, 2, 1)), { y: 1980, m: 3, d: null }],
    ['1980年3月', '1980年3月', { y: 1980, m: 3, d: null }],
    ['1980-03', '1980-03', { y: 1980, m: 3, d: null }],
    ['198003', 198003, { y: 1980, m: 3, d: null }],
    ['a full day', '1980-03-15', { y: 1980, m: 3, d: 15 }],
    ['month 13', '1980.13', null],
  ];
  it.each(month)('出生年月 %s', (_name, value, expected) => {
    expect(makeRecord({ birthDate: value }).birthDate).toEqual(expected);
  });

  it('marks a cell whose day is hidden by its format, or missing from its text', () => {
    expect(makeRecord({ issueDate: new Date(Date.UTC(2019, 11, 1)) }, { numFmts: { issueDate: 'yyyy"年"m"月"' } }).cells.issueDate).toMatchObject({ dayHidden: true });
    expect(makeRecord({ obtainDate: '2019年12月' }).cells.obtainDate).toMatchObject({ monthOnly: true });
    expect(makeRecord({ issueDate: '2019-12-20' }).cells.issueDate!.dayHidden).toBeUndefined();
  });

  it('reads 出生年月 1980.1 as January, or as October when the row\'s ID number says October', () => {
    const october = '500224198010201231';
    expect(makeRecord({ birthDate: 1980.1 }).birthDate).toEqual({ y: 1980, m: 1, d: null });
    expect(makeRecord({ birthDate: 1980.1 }).cells.birthDate).toMatchObject({ monthAmbiguous: true });
    expect(makeRecord({ birthDate: 1980.1, idNumber: october }).birthDate).toEqual({ y: 1980, m: 10, d: null });
    expect(makeRecord({ birthDate: '1980.1', idNumber: october }).birthDate).toEqual({ y: 1980, m: 10, d: null });
    expect(makeRecord({ birthDate: '1980.01', idNumber: october }).birthDate).toEqual({ y: 1980, m: 1, d: null });
    expect(makeRecord({ birthDate: 1981.1, idNumber: october }).birthDate).toEqual({ y: 1981, m: 1, d: null });
  });

  it('an empty cell is undefined, an absent column too', () => {
    expect(makeRecord({ issueDate: '' }).issueDate).toBeUndefined();
    expect(makeRecord({}, { omit: ['issueDate'] }).issueDate).toBeUndefined();
  });
});

describe('text and cells', () => {
  it('trims text, remembers padding, keeps the cell address and kind', () => {
    const r = makeRecord({ name: ' 张三\u3000', idNumber: 500224198001011235 }, { row: 17 });
    expect(r.v.name).toBe('张三');
    expect(r.cells.name).toMatchObject({ column: 'A', address: 'A17', header: '姓名', kind: 'text', padded: true });
    expect(r.cells.idNumber).toMatchObject({ kind: 'number', column: 'B' });
    expect(r.v.committee).toBe('重庆市工程技术中级职务铜梁区评审委员会');
  });

  it('every record built from any cell values is what RecordSchema describes', () => {
    const cell = fc.oneof(
      fc.string(), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null),
      fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01') }),
      fc.record({ richText: fc.array(fc.record({ text: fc.string() })) }),
      fc.record({ formula: fc.string(), result: fc.oneof(fc.string(), fc.integer()) }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('name', 'idNumber', 'birthDate', 'issueDate', 'obtainDate', 'level', 'certNo'), cell), (values) => {
        const r = makeRecord(values as never);
        expect(() => RecordSchema.parse(r)).not.toThrow();
        for (const t of Object.values(r.v)) expect(t).toBe(t.trim());
      }),
      { numRuns: 300 },
    );
  });
});
