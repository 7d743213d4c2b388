/**
 * `--format junit`: every report is validated against the JUnit schema of Jenkins's xunit plugin
 * (test/fixtures/junit/junit-10.xsd, MIT) by libxml2 (xmllint-wasm), then read back with an XML parser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { junitReport } from '../../../src/report/formats/junit.js';
import { fileResult, finding, ID, mixedFindings, result } from '../fixtures.js';

const SCHEMA = readFileSync(join(__dirname, '../../fixtures/junit/junit-10.xsd'), 'utf8');
const ZH = { lang: 'zh' as const, showPii: false, color: false, cwd: '/work' };
const report = (run: Parameters<typeof junitReport>[0], opts = ZH): string => [...junitReport(run, opts)].join('');

async function expectValid(xml: string): Promise<void> {
  const r = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [SCHEMA] });
  expect(r.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(r.valid).toBe(true);
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name) });
interface Case { name: string; classname: string; failure?: { type: string; message: string; '#text': string }[]; error?: { message: string }; skipped?: { message: string }; 'system-out'?: string }
interface Suite { name: string; tests: string; failures: string; errors: string; skipped: string; testcase: Case[] }
const parse = (xml: string): { testsuites: { tests: string; failures: string; errors: string; testsuite: Suite[] } } => parser.parse(xml);

describe('junitReport', () => {
  it('is valid against the JUnit schema, with and without problems', async () => {
    await expectValid(report(result(mixedFindings())));
    await expectValid(report(result([])));
    await expectValid(report(result(mixedFindings()), { ...ZH, lang: 'en', quiet: true }));
  });

  it('the validator is live: it refuses what the schema forbids', async () => {
    const broken = report(result(mixedFindings())).replace(/<testcase name="[^"]*"/, '<testcase').replace(/(<testsuite name="[^"]*") tests="5"/, '$1');
    const r = await validateXML({ xml: [{ fileName: 'report.xml', contents: broken }], schema: [SCHEMA] });
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.rawMessage).join('\n')).toMatch(/'name' is required[\s\S]*'tests' is required|'tests' is required[\s\S]*'name' is required/);
  });

  it('has a suite per input, a case per row with problems, a failure per error or warning, and a case for the other rows', () => {
    const doc = parse(report(result(mixedFindings())));
    const [suite] = doc.testsuites.testsuite;
    expect(suite!.name).toBe('records.xlsx');
    expect(suite!.testcase.map((c) => c.name)).toEqual(['整个文件', '第 5 行', '第 17 行', '第 20 行', '其余 64 行数据']);
    expect(suite!.testcase.every((c) => c.classname === 'records.登记表' || c.classname === 'records')).toBe(true);
    const row17 = suite!.testcase[2]!;
    expect(row17.failure!.map((f) => f.type)).toEqual(['id-number-lowercase-x', 'approval-no-brackets']);
    expect(row17.failure![1]!.message).toBe('J 批准文号：批准文号的年份应写在【】中，不能用 〔〕（见指南 三（四））');
    expect(row17.failure![1]!['#text']).toBe('级别：错误\n规则：approval-no-brackets\n位置：登记表 J17（批准文号）\n原值：渝职改办〔2019〕125号\n建议：渝职改办【2019】125号');
    // an info is no failure: it goes to the case's output
    expect(suite!.testcase[0]!.failure).toBeUndefined();
    expect(suite!.testcase[0]!['system-out']).toContain('“整个文件”未填写');
    expect(suite!.testcase[4]!.failure).toBeUndefined();
    expect([suite!.tests, suite!.failures, suite!.errors]).toEqual(['5', '3', '0']);
    expect([doc.testsuites.tests, doc.testsuites.failures]).toEqual(['5', '3']);
  });

  it('gives an unreadable input an <error> and a skipped one <skipped>', async () => {
    const run = {
      ...result([]),
      failures: [{ path: 'bad.xlsx', error: new InputError('empty-file', { path: 'bad.xlsx' }) }],
      skipped: [{ path: 'dir/a.checked.xlsx', reason: 'own-output' as const }],
    };
    const xml = report(run);
    await expectValid(xml);
    const suites = parse(xml).testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(['records.xlsx', 'bad.xlsx', 'dir/a.checked.xlsx']);
    expect(suites[0]!.testcase[0]!.name).toBe('全部 67 行数据');
    expect(suites[1]!.testcase[0]!.error!.message).toBe('文件是空的：bad.xlsx。请确认保存了正确的表格。');
    expect(suites[1]!.errors).toBe('1');
    expect(suites[2]!.testcase[0]!.skipped!.message).toBe('cert-check 写出的标注/修正副本，之后没有改动过，不再检查（修改后保存即会重新检查）');
    expect(suites[2]!.skipped).toBe('1');
  });

  it('puts files that are not inputs (unused photos) in one suite, a case per file', async () => {
    const photo = finding({ file: 'files/a.jpg', sheet: null, row: null, column: null, field: null, header: null, rule: 'asset-unused-file', severity: 'warning' });
    const xml = report(result([photo]));
    await expectValid(xml);
    const suites = parse(xml).testsuites.testsuite;
    expect(suites[1]!.name).toBe('素材文件');
    expect(suites[1]!.testcase.map((c) => [c.name, c.failure?.length])).toEqual([['files/a.jpg', 1]]);
  });

  it('escapes markup, quotes and line breaks, and drops what XML cannot hold, still valid', async () => {
    const nasty = finding({ file: 'a&b<c>"d".xlsx', sheet: '表"<1>', value: 'x]]></failure><evil a="1">\u0001\u0007 & "q"\n\ttab\uFFFE', suggestion: '<y/>' });
    const xml = report(result([nasty], [fileResult({ path: 'a&b<c>"d".xlsx', sheets: [{ name: '表"<1>', headerRow: 1, rows: 1 }] })]));
    await expectValid(xml);
    expect(xml).not.toContain('<evil');
    const [suite] = parse(xml).testsuites.testsuite;
    expect(suite!.name).toBe('a&b<c>"d".xlsx');
    expect(suite!.testcase[0]!.failure![0]!['#text']).toContain('原值：x]]></failure><evil a="1">\uFFFD\uFFFD & "q"\n\ttab\uFFFD');
  });

  it('masks ID numbers unless showPii', () => {
    const f = finding({ value: ID, data: { error: ID }, rule: 'id-number', messageId: 'crashed' });
    expect(report(result([f]))).not.toContain(ID);
    expect(report(result([f]), { ...ZH, showPii: true })).toContain(ID);
  });

  it('validates a large report too', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => finding({ row: i + 2 }));
    const xml = report(result(many, [fileResult({ sheets: [{ name: '登记表', headerRow: 1, rows: 5000 }] })]));
    await expectValid(xml);
    const [suite] = parse(xml).testsuites.testsuite;
    expect(suite!.testcase).toHaveLength(3001);
    expect(suite!.testcase.at(-1)!.name).toBe('其余 2,000 行数据');
  });
});
