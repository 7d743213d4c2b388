import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { sniff } from '../../src/read/sniff.js';
import { collect, expectInputError, makeTempDir } from './files.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const ID = '500224198001011235';
const TEXT = [
  '铜梁区2021年职称电子证书登记表,,,,',
  '序号,姓名,身份证号码,审核机关（单位）,批准文号',
  `1,张三,${ID},铜梁区人力资源和社会保障局,铜职改办【2019】12号`,
  `2,李𠀀,11010519491231002X,重庆市职称改革办公室,渝职改办〔2019〕125号`,
].join('\r\n');

describe('encodings', () => {
  it.each([
    ['utf-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8'],
    ['utf-16le with BOM', iconv.encode(TEXT, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['utf-16be with BOM', iconv.encode(TEXT, 'utf-16be', { addBOM: true }), 'utf-16be'],
    ['gb18030', iconv.encode(TEXT, 'gb18030'), 'gb18030'],
  ])('%s is detected and read', async (name, bytes, encoding) => {
    const path = tmp.file(`${name.replace(/\W+/g, '-')}.csv`);
    writeFileSync(path, bytes);
    expect((await sniff(path)).format === 'csv' && (await sniff(path) as { encoding: string }).encoding).toBe(encoding);
    const { sheets, rows, reader } = await collect(path);
    expect(reader.format).toBe('csv');
    expect(sheets[0]!.header?.row).toBe(2);
    expect(sheets[0]!.header?.map.headers[1]).toBe('姓名'); // no BOM left on any header
    expect(sheets[0]!.header?.map.columns).toEqual({ name: 2, idNumber: 3, authority: 4, approvalNo: 5 });
    expect(rows.map((r) => [r.row, r.role])).toEqual([[1, 'before-header'], [2, 'header'], [3, 'data'], [4, 'data']]);
    expect(rows[3]!.values).toEqual(['2', '李𠀀', '11010519491231002X', '重庆市职称改革办公室', '渝职改办〔2019〕125号']);
  });

  it('reads GBK (no BOM, not UTF-8) as gb18030', async () => {
    const path = tmp.file('gbk.csv');
    writeFileSync(path, iconv.encode('姓名,身份证号,职称名称\n张三,500224198001011235,高级工程师\n', 'gbk'));
    const { rows } = await collect(path);
    expect(rows[1]!.values).toEqual(['张三', ID, '高级工程师']);
  });

  it('follows the encoding option over detection', async () => {
    const path = tmp.file('override.csv');
    writeFileSync(path, iconv.encode('姓名,身份证号,职称名称\n张三,1,工程师\n', 'gbk'));
    const { rows } = await collect(path, { encoding: 'gb18030' });
    expect(rows[1]!.values[0]).toBe('张三');
    await expectInputError(() => collect(path, { encoding: 'klingon-8' }), 'bad-encoding');
  });

  it('names the sheet after the file', async () => {
    const path = tmp.file('铜梁区 第一批.csv');
    writeFileSync(path, '姓名,身份证号,职称名称\n');
    expect((await collect(path)).sheets[0]!.name).toBe('铜梁区 第一批');
  });
});

describe('rows as a spreadsheet program counts them', () => {
  it.each([
    ['a quoted field with a line break is one row', '姓名,身份证号,职称名称\n"张\n三",1,工程师\n李四,2,工程师\n', [[1, 3], [2, 3], [3, 3]]],
    ['a blank line is a row of its own (not emitted)', '姓名,身份证号,职称名称\n\n李四,2,工程师\n', [[1, 3], [3, 3]]],
    ['ragged rows keep their own length', '姓名,身份证号,职称名称\n张三\n李四,2,工程师,多余,更多\n', [[1, 3], [2, 1], [3, 5]]],
    ['mixed line endings', '姓名,身份证号,职称名称\r\n张三,1,工程师\n李四,2,工程师\r王五,3,工程师\r\n', [[1, 3], [2, 3], [3, 3], [4, 3]]],
    ['a stray quote inside a field', '姓名,身份证号,职称名称\n张"三,1,工程师\n', [[1, 3], [2, 3]]],
  ])('%s', async (_name, text, expected) => {
    const path = tmp.file('rows.csv');
    writeFileSync(path, text);
    const { rows } = await collect(path);
    expect(rows.map((r) => [r.row, r.values.length])).toEqual(expected);
  });

  it('keeps quotes and line breaks in values', async () => {
    const path = tmp.file('values.csv');
    writeFileSync(path, '姓名,身份证号,职称名称\n"张\n三",张"三,"a,b"\n');
    expect((await collect(path)).rows[1]!.values).toEqual(['张\n三', '张"三', 'a,b']);
  });

  it('refuses a quote that is never closed', async () => {
    const path = tmp.file('unclosed.csv');
    writeFileSync(path, '姓名,身份证号,职称名称\n张三,"1,工程师\n李四,2,工程师\n');
    const err = await expectInputError(() => collect(path), 'corrupt-xlsx');
    expect(String(err.data.detail)).toContain('quote');
  });

  it('stops with too-many-rows past maxRows', async () => {
    const path = tmp.file('many.csv');
    writeFileSync(path, ['姓名,身份证号,职称名称', ...Array.from({ length: 20 }, (_, i) => `人${i},${i},工程师`)].join('\n'));
    expect((await collect(path, { maxRows: 20 })).rows).toHaveLength(21);
    await expectInputError(() => collect(path, { maxRows: 19 }), 'too-many-rows');
  });

  it('reports a CSV without header as a skipped sheet', async () => {
    const path = tmp.file('noheader.csv');
    writeFileSync(path, 'a,b,c\n1,2,3\n');
    const { sheets, notices, rows } = await collect(path);
    expect(sheets[0]!.header).toBeNull();
    expect(notices.map((n) => n.id)).toEqual(['sheet-skipped']);
    expect(rows.map((r) => r.role)).toEqual(['other', 'other']);
  });
});
