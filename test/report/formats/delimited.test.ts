/** `--format csv` / `tsv`: read back with csv-parse (RFC 4180), byte-order mark, CRLF, formula guard, masking. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvReport, field, tsvReport } from '../../../src/report/formats/delimited.js';
import { fileResult, finding, ID, ID_MASKED, mixedFindings, result } from '../fixtures.js';

const ZH = { lang: 'zh' as const, showPii: false, color: false, cwd: '/work' };
const csv = (run: Parameters<typeof csvReport>[0], opts = ZH): string => [...csvReport(run, opts)].join('');
const read = (text: string, delimiter = ','): string[][] => parse(text, { bom: true, delimiter, relax_column_count: false });

describe('csvReport', () => {
  const text = csv(result(mixedFindings()));

  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    expect(text.startsWith('\uFEFF文件,工作表,行,列,字段,级别,问题,原值,建议值,规则\r\n')).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has one line per problem, in reading order, with every column filled as the problem gives it', () => {
    const rows = read(text);
    expect(rows).toHaveLength(7);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['', '5', '5', '17', '17', '20']);
    expect(rows).toContainEqual(['records.xlsx', '登记表', '17', 'J', '批准文号', '错误', '批准文号的年份应写在【】中，不能用 〔〕（见指南 三（四））', '渝职改办〔2019〕125号', '渝职改办【2019】125号', 'approval-no-brackets']);
    expect(rows[1]!.slice(0, 6)).toEqual(['records.xlsx', '', '', '', '文件', '提示']);
  });

  it('quotes fields as RFC 4180 says, and the parser gets every value back', () => {
    const value = '甲,乙 "丙"\r\n丁';
    const rows = read(csv(result([finding({ value, suggestion: 'plain' })])));
    expect(rows[1]![7]).toBe(value);
    expect(field('a,b', ',')).toBe('"a,b"');
    expect(field('say "hi"', ',')).toBe('"say ""hi"""');
    expect(field('line\nbreak', ',')).toBe('"line\nbreak"');
    expect(field('plain', ',')).toBe('plain');
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    const rows = read(csv(result([finding({ value: '=HYPERLINK("http://x","y")', suggestion: '+1' }), finding({ row: 18, value: '@SUM(1)', suggestion: '-2' })])));
    expect(rows.slice(1).map((r) => [r[7], r[8]])).toEqual([["'=HYPERLINK(\"http://x\",\"y\")", "'+1"], ["'@SUM(1)", "'-2"]]);
  });

  it('masks ID numbers unless showPii, and lists errors only with quiet', () => {
    const f = finding({ value: ID, file: `${ID}.csv` });
    const masked = csv(result([f], [fileResult({ path: `${ID}.csv` })]));
    expect(masked).not.toContain(ID);
    expect(masked).toContain(ID_MASKED);
    expect(csv(result([f]), { ...ZH, showPii: true })).toContain(ID);
    expect(read(csv(result(mixedFindings()), { ...ZH, quiet: true })).slice(1).every((r) => r[5] === '错误')).toBe(true);
  });

  it('has English headers and severities with lang en', () => {
    const rows = read(csv(result(mixedFindings()), { ...ZH, lang: 'en' }));
    expect(rows[0]).toEqual(['file', 'sheet', 'row', 'column', 'field', 'severity', 'message', 'value', 'suggestion', 'rule']);
    expect(new Set(rows.slice(1).map((r) => r[5]))).toEqual(new Set(['error', 'warning', 'info']));
  });
});

describe('tsvReport', () => {
  it('separates with tabs and quotes a field holding a tab', () => {
    const text = [...tsvReport(result([finding({ value: 'a\tb' })]), ZH)].join('');
    expect(text.startsWith('\uFEFF文件\t工作表\t行')).toBe(true);
    const rows = read(text, '\t');
    expect(rows[1]![7]).toBe('a\tb');
    expect(rows[1]![0]).toBe('records.xlsx');
  });
});
