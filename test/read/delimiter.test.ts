/** The delimiter of a text export, found from its header line (src/read/delimiter.ts). */
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimiter, splitLine } from '../../src/read/delimiter.js';

const HEADER = ['姓名', '身份证号', '职称名称', '批准文号'];
const ROW = ['张三', '500224198001011235', '工程师', '铜职改办【2019】12号'];
const lines = (d: string, rows: string[][]) => rows.map((r) => r.join(d)).join('\r\n') + '\r\n';

describe('detectDelimiter', () => {
  it.each([
    ['commas', ',', lines(',', [HEADER, ROW])],
    ['tabs (Excel "Unicode 文本", .tsv)', '\t', lines('\t', [HEADER, ROW])],
    ['semicolons', ';', lines(';', [HEADER, ROW])],
    ['pipes', '|', lines('|', [HEADER, ROW])],
    ['tabs under a title line and a blank line', '\t', `职称电子证书登记表\t\t\t\r\n\r\n${lines('\t', [HEADER, ROW])}`],
    ['tabs, with commas inside the cells', '\t', lines('\t', [HEADER, ['张三,李四', '1,2,3,4,5', '工程师,高级工程师', 'a,b']])],
    ['semicolons, with a header cell holding a comma in quotes', ';', lines(';', [['"姓名,全称"', '身份证号', '职称名称', '批准文号'], ROW])],
  ])('%s', (_name, want, text) => {
    expect(detectDelimiter(text, { complete: true })).toEqual({ delimiter: want, source: 'header' });
  });

  it('without a header row under any delimiter: the one that splits the rows most consistently', () => {
    expect(detectDelimiter('a;b;c\nd;e;f\ng;h;i\n', { complete: true })).toEqual({ delimiter: ';', source: 'count' });
    expect(detectDelimiter('一行说明文字\n又一行\n', { complete: true })).toEqual({ delimiter: ',', source: 'default' });
    expect(detectDelimiter('', { complete: true })).toEqual({ delimiter: ',', source: 'default' });
  });

  it('a header line cut by the end of the scanned text is not looked at', () => {
    const text = `${lines('\t', [ROW])}${HEADER.join(',')}`; // the comma "header" is the cut last line
    expect(detectDelimiter(text, { complete: false }).source).not.toBe('header');
    expect(detectDelimiter(text, { complete: true })).toEqual({ delimiter: ',', source: 'header' });
  });
});

describe('parseDelimiter (--delimiter)', () => {
  it.each([
    [',', ','], ['comma', ','], ['，', ','], ['tab', '\t'], ['TAB', '\t'], ['\\t', '\t'], ['\t', '\t'],
    [';', ';'], ['semicolon', ';'], ['；', ';'], ['|', '|'], ['pipe', '|'],
  ])('%j → %j', (given, want) => expect(parseDelimiter(given)).toBe(want));

  it.each(['', ':', 'space', ',,', 'x'])('%j is refused', (given) => expect(parseDelimiter(given)).toBeNull());
});

describe('splitLine', () => {
  it('keeps a delimiter and doubled quotes inside quotes', () => {
    expect(splitLine('"a,b",c,"d ""e"""', ',')).toEqual(['a,b', 'c', 'd "e"']);
    expect(splitLine('a\t\tb\t', '\t')).toEqual(['a', '', 'b', '']);
  });
});
