import { describe, expect, it } from 'vitest';
import { buildAliasTable } from '../../src/model/fields.js';
import { detectHeader, matchHeaderCell, MIN_HEADER_FIELDS, type RawRow } from '../../src/read/header.js';

const rows = (...lines: unknown[][]): RawRow[] => lines.map((values, i) => ({ row: i + 1, values }));

describe('matchHeaderCell', () => {
  it.each([
    ['姓名', 'name'],
    ['身份证号码', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['审核机关（单位）', 'authority'],
    ['审核机关(单位)', 'authority'],
    ['审核机关 ( 单位 )', 'authority'],
    ['ＡＢ', null],
    ['批准\n文号', 'approvalNo'],
    ['*姓名', 'name'],
    ['身份证号（必填）', 'idNumber'],
    ['发证时间\n（格式：2019-12-20）', 'issueDate'],
    ['证书编号(2021年前必填)', 'certNo'],
    ['职称 系列', 'series'],
    ['序号', null],
    ['备注', null],
    ['2021年职称电子证书登记表', null],
    ['', null],
  ])('%j → %s', (text, field) => {
    expect(matchHeaderCell(text)).toBe(field);
  });

  it('uses extra aliases from the config', () => {
    const aliases = buildAliasTable({ certNo: ['原证书号'] });
    expect(matchHeaderCell('原证书号', aliases)).toBe('certNo');
    expect(matchHeaderCell('原证书号')).toBeNull();
  });
});

describe('detectHeader', () => {
  it('finds the header below title rows, with a 序号 column and rich text', () => {
    const found = detectHeader(
      rows(
        ['2021年职称电子证书登记表'],
        ['填报单位：铜梁区', undefined, '姓名、身份证号须与本人一致'],
        ['序号', '姓名', { richText: [{ text: '身份证' }, { text: '号码' }] }, '职称名称', '备注'],
        [1, '张三', '500224198001011235', '工程师', ''],
      ),
    );
    expect(found?.row).toBe(3);
    expect(found?.map.columns).toEqual({ name: 2, idNumber: 3, title: 4 });
    expect(found?.map.headers).toEqual(['序号', '姓名', '身份证号码', '职称名称', '备注']);
    expect(found?.rows).toEqual([3]);
    expect(found?.notices).toEqual([{ id: 'ignored-columns', sheet: '', data: { sheet: '', count: 1, columns: 'E 备注' } }]);
  });

  it(`needs at least ${MIN_HEADER_FIELDS} distinct fields`, () => {
    expect(detectHeader(rows(['姓名', '身份证号'], ['张三', '500224198001011235']))).toBeNull();
    expect(detectHeader(rows(['姓名', '姓名', '姓名'], ['张三', '李四', '王五']))).toBeNull();
    expect(detectHeader(rows(['姓名', '身份证号', '职称名称']))?.row).toBe(1);
  });

  it('picks the row with the most fields, the upper one on a tie', () => {
    expect(detectHeader(rows(['姓名', '身份证号', '照片'], ['姓名', '身份证号', '职称名称', '批准文号']))?.row).toBe(2);
    expect(detectHeader(rows(['姓名', '身份证号', '照片'], ['姓名', '身份证号', '职称名称']))?.row).toBe(1);
  });

  it('keeps the first of duplicate headers and reports the second', () => {
    const found = detectHeader(rows(['姓名', '身份证号', '职称名称', '身份证号码']), undefined, 'S');
    expect(found?.map.columns.idNumber).toBe(2);
    expect(found?.notices).toEqual([
      { id: 'duplicate-header', sheet: 'S', data: { sheet: 'S', field: 'idNumber', header: '身份证号码', column: 'D', first: 'B' } },
    ]);
  });

  it('reads headers over merged group cells above them', () => {
    const found = detectHeader(
      rows(
        ['基本信息', undefined, undefined, '证书信息', undefined, undefined],
        ['姓名', '身份证号', '出生年月', '批准文号', '发证时间', '取得时间'],
        ['张三', '500224198001011235', '1980.01', '渝职改办【2019】1号', '2019-12-20', '2019-11-15'],
      ),
    );
    expect(found?.row).toBe(2);
    expect(found?.rows).toEqual([2]);
    expect(Object.keys(found!.map.columns)).toHaveLength(6);
  });

  it('completes a two-row header from the row above (vertical merges over a group)', () => {
    const found = detectHeader(
      rows(
        ['姓名', '身份证号', '证书信息', undefined, undefined],
        [undefined, undefined, '批准文号', '发证时间', '取得时间'],
        ['张三', '500224198001011235', '渝职改办【2019】1号', '2019-12-20', '2019-11-15'],
      ),
    );
    expect(found?.row).toBe(2);
    expect(found?.rows).toEqual([1, 2]);
    expect(found?.map.columns).toEqual({ name: 1, idNumber: 2, approvalNo: 3, issueDate: 4, obtainDate: 5 });
    expect(found?.map.headers).toEqual(['姓名', '身份证号', '批准文号', '发证时间', '取得时间']);
  });

  it('completes a two-row header from the row below (sub-headers under a group cell)', () => {
    const found = detectHeader(
      rows(
        ['序号', '姓名', '身份证号', '职称名称', '时间', undefined],
        [undefined, undefined, undefined, undefined, '发证时间', '取得时间'],
        [1, '张三', '500224198001011235', '工程师', '2019-12-20', '2019-11-15'],
      ),
    );
    expect(found?.row).toBe(1);
    expect(found?.rows).toEqual([1, 2]);
    expect(found?.map.columns).toMatchObject({ name: 2, idNumber: 3, title: 4, issueDate: 5, obtainDate: 6 });
  });

  it('never takes a data row below the header as part of it', () => {
    // The data row's 备注 cell happens to read 照片: still a data row, because it has a name and an ID.
    const found = detectHeader(rows(['姓名', '身份证号', '职称名称', '备注', undefined], ['张三', '500224198001011235', '工程师', '', '照片']));
    expect(found?.rows).toEqual([1]);
    expect(found?.map.columns.photo).toBeUndefined();
  });

  it('looks only at the first 10 rows', () => {
    const filler = Array.from({ length: 10 }, (_, i) => [`说明 ${i}`]);
    expect(detectHeader(rows(...filler, ['姓名', '身份证号', '职称名称']))).toBeNull();
  });
});
