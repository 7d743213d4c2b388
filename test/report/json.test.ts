import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonDocument, jsonReport } from '../../src/report/json.js';
import { InputError } from '../../src/errors.js';
import { fileResult, finding, ID, ID_MASKED, mixedFindings, result } from './fixtures.js';

const ZH = { lang: 'zh' as const, showPii: false };

describe('jsonReport', () => {
  it('is exactly the contract document (plus added fields)', () => {
    const doc = JSON.parse(jsonReport(result([finding()]), ZH));
    expect(doc).toEqual({
      version: 1,
      summary: { files: 1, rows: 67, rowsWithErrors: 1, rowsWithWarnings: 0, errors: 1, warnings: 0, infos: 0, outputsWritten: 0, outputsFailed: 0 },
      files: [{ path: 'records.xlsx', sheet: '登记表', headerRow: 2, rows: 67, annotated: 'records.checked.xlsx', notices: [] }],
      problems: [{
        file: 'records.xlsx', sheet: '登记表', row: 17, column: 'J', field: 'approvalNo',
        rule: 'approval-no-brackets', severity: 'error',
        message: '批准文号的年份应写在【】中，不能用 〔〕（见指南 三（四））',
        value: '渝职改办〔2019〕125号', suggestion: '渝职改办【2019】125号',
        messageId: 'brackets', header: '批准文号',
      }],
    });
  });

  it('gives null, not a missing key, where a place is unknown', () => {
    const f = finding({ row: null, sheet: null, column: null, field: null, header: null, value: null, suggestion: null });
    const [p] = JSON.parse(jsonReport(result([f]), ZH)).problems;
    for (const key of ['sheet', 'row', 'column', 'field', 'value', 'suggestion', 'header']) {
      expect(p).toHaveProperty(key, null);
    }
  });

  it('writes messages in the language asked for', () => {
    const [p] = JSON.parse(jsonReport(result([finding()]), { lang: 'en', showPii: false })).problems;
    expect(p.message).toBe('the year of the approval number must be in 【】, not 〔〕 (guide §3.4)');
  });

  it('sorts problems by file, sheet, row, column (file-level and row-level first)', () => {
    const files = [fileResult(), fileResult({ path: 'b.xlsx', sheets: [{ name: 'S2', headerRow: 1, rows: 3 }, { name: 'S1', headerRow: 1, rows: 3 }] })];
    const extra = [
      finding({ file: 'b.xlsx', sheet: 'S1', row: 2, column: 'A' }),
      finding({ file: 'b.xlsx', sheet: 'S2', row: 9, column: 'C' }),
    ];
    const doc = jsonDocument(result([...extra, ...mixedFindings()], files), ZH);
    expect(doc.problems.map((p) => [p.file, p.sheet, p.row, p.column])).toEqual([
      ['records.xlsx', null, null, null],
      ['records.xlsx', '登记表', 5, null],
      ['records.xlsx', '登记表', 5, 'J'],
      ['records.xlsx', '登记表', 17, 'B'],
      ['records.xlsx', '登记表', 17, 'J'],
      ['records.xlsx', '登记表', 20, 'B'],
      // b.xlsx: its sheets in the file's order (S2 before S1)
      ['b.xlsx', 'S2', 9, 'C'],
      ['b.xlsx', 'S1', 2, 'A'],
    ]);
  });

  it('orders column AA after Z', () => {
    const doc = jsonDocument(result([finding({ column: 'AA' }), finding({ column: 'Z' }), finding({ column: 'C' })]), ZH);
    expect(doc.problems.map((p) => p.column)).toEqual(['C', 'Z', 'AA']);
  });

  it('has one files entry per checked sheet, each with the file notices', () => {
    const notice = { id: 'sheet-skipped', sheet: '说明', data: {} };
    const files = [fileResult({ sheets: [{ name: 'A', headerRow: 1, rows: 2 }, { name: 'B', headerRow: 3, rows: 4 }], notices: [notice] })];
    const doc = jsonDocument(result([], files), ZH);
    expect(doc.files.map((f) => [f.sheet, f.headerRow, f.rows])).toEqual([['A', 1, 2], ['B', 3, 4]]);
    expect(doc.files[0]!.notices).toEqual([{ id: 'sheet-skipped', sheet: '说明', data: {}, message: '工作表「说明」中没有找到表头行，未检查' }]);
    expect(doc.summary.rows).toBe(6);
  });

  it('counts rows with errors and warnings once each', () => {
    const doc = jsonDocument(result(mixedFindings()), ZH);
    expect(doc.summary).toEqual({ files: 1, rows: 67, rowsWithErrors: 3, rowsWithWarnings: 1, errors: 4, warnings: 1, infos: 1, outputsWritten: 0, outputsFailed: 0 });
  });

  describe('ID numbers', () => {
    const withIds = [
      finding({ row: 3, column: 'B', field: 'idNumber', header: '身份证号', rule: 'id-number-lowercase-x', messageId: 'lower', severity: 'warning', value: '11010519491231002x', data: {}, suggestion: '11010519491231002X' }),
      finding({ row: 4, rule: 'id-number', messageId: 'crashed', data: { error: `cannot read ${ID}` }, value: ID, suggestion: `${ID}.jpg` }),
    ];

    it.each([
      ['masked by default', false, ['110105********002x', '110105********002X', ID_MASKED, `${ID_MASKED}.jpg`]],
      ['shown with showPii', true, ['11010519491231002x', '11010519491231002X', ID, `${ID}.jpg`]],
    ])('%s', (_name, showPii, [v1, s1, v2, s2]) => {
      const text = jsonReport(result(withIds), { lang: 'zh', showPii });
      const [a, b] = JSON.parse(text).problems;
      expect([a.value, a.suggestion, b.value, b.suggestion]).toEqual([v1, s1, v2, s2]);
      expect(b.message).toContain(showPii ? ID : ID_MASKED);
      expect(text.includes(ID)).toBe(showPii);
    });
  });

  it('is one parseable document with no colour codes or trailing text', () => {
    const text = jsonReport(result(mixedFindings()), ZH);
    expect(text.startsWith('{')).toBe(true);
    expect(text.endsWith('}')).toBe(true);
    expect(text).not.toMatch(/\x1b\[/);
    expect(() => JSON.parse(text)).not.toThrow();
  });

  describe('written in pieces (jsonChunks)', () => {
    const notices = [{ id: 'sheet-skipped', sheet: '说明', data: { sheet: '说明', rows: 3 } }];
    const many = Array.from({ length: 600 }, (_, i) => finding({ row: i + 2, value: `第 ${i} 行\n换行 "引号"` }));
    const runs: [string, Parameters<typeof jsonChunks>[0]][] = [
      ['no problem', result([])],
      ['one problem', result([finding()])],
      ['600 problems, notices', result(many, [fileResult({ notices })])],
      ['fixes, fix list and failures after the problems', {
        ...result(mixedFindings()),
        fixes: [{ file: 'records.xlsx', sheet: '登记表', row: 3, column: 'J', field: 'approvalNo', from: 'a', to: 'b', rules: ['approval-no-brackets'] }],
        fixList: '问题清单.xlsx',
        failures: [{ path: 'bad.xlsx', error: new InputError('empty-file', { path: 'bad.xlsx' }) }],
      }],
    ];
    it.each(runs)('%s: the same text as JSON.stringify of the whole document', (_name, run) => {
      for (const opts of [ZH, { lang: 'en' as const, showPii: true }]) {
        const chunks = [...jsonChunks(run, opts)];
        expect(chunks.join('')).toBe(JSON.stringify(jsonDocument(run, opts), null, 2));
        if (run.findings.length > 300) expect(chunks.length).toBeGreaterThan(3);
      }
    });
  });

  it('adds failures (inputs that could not be read) only when there are some', () => {
    const run = { ...result([]), failures: [{ path: 'bad.xlsx', error: new InputError('empty-file', { path: 'bad.xlsx' }) }] };
    expect(jsonDocument(run, ZH).failures).toEqual([{ path: 'bad.xlsx', message: '文件是空的：bad.xlsx。请确认保存了正确的表格。' }]);
    expect('failures' in jsonDocument(result([]), ZH)).toBe(false);
  });

  it('lists unreadable inputs in files with an error (contract), and skipped inputs with the reason', () => {
    const run = {
      ...result([]),
      failures: [{ path: 'bad.xlsx', error: new InputError('empty-file', { path: 'bad.xlsx' }) }],
      skipped: [{ path: 'a.checked.xlsx', reason: 'own-output' as const }],
    };
    const doc = jsonDocument(run, ZH);
    expect(doc.files.at(-1)).toEqual({
      path: 'bad.xlsx', sheet: null, headerRow: null, rows: 0, annotated: null, notices: [], error: '文件是空的：bad.xlsx。请确认保存了正确的表格。', errorId: 'empty-file',
    });
    expect(doc.summary.files).toBe(1);
    expect(doc.skipped).toEqual([{ path: 'a.checked.xlsx', reason: 'own-output', message: 'cert-check 写出的标注/修正副本，之后没有改动过，不再检查（修改后保存即会重新检查）' }]);
    expect('skipped' in jsonDocument(result([]), ZH)).toBe(false);
    expect([...jsonChunks(run, ZH)].join('')).toBe(JSON.stringify(doc, null, 2));
  });

  it('with quiet lists error-level problems only, counts everything, and says what it left out', () => {
    const doc = jsonDocument(result(mixedFindings()), { ...ZH, quiet: true });
    expect(doc.problems.map((p) => p.severity)).toEqual(['error', 'error', 'error', 'error']);
    expect(doc.summary).toMatchObject({ errors: 4, warnings: 1, infos: 1 });
    expect(doc.omitted).toEqual({ warnings: 1, infos: 1 });
    expect('omitted' in jsonDocument(result(mixedFindings()), ZH)).toBe(false);
  });
});

describe('problems formatted ahead (Reporter.prepare, while the last workbook is finished)', () => {
  it('gives the very document the report gives without it', async () => {
    const { prepareJson } = await import('../../src/report/json.js');
    const fresh = result(mixedFindings());
    const plain = jsonReport(fresh, { lang: 'zh' });
    const ahead = result(mixedFindings());
    prepareJson(ahead, { lang: 'zh' });
    expect(jsonReport(ahead, { lang: 'zh' })).toBe(plain);
  });

  it('is not used for another language, nor once the run knows more malformed ID values to mask', async () => {
    const { prepareJson } = await import('../../src/report/json.js');
    const { IdValues } = await import('../../src/util/id-number.js');
    const odd = 'AB12345678';
    const r = { ...result([finding({ field: 'name', value: `见 ${odd}`, message: undefined } as never)]), idValues: new IdValues() };
    prepareJson(r, { lang: 'zh' });
    expect(jsonReport(r, { lang: 'zh' })).toContain(odd);
    // A malformed 身份证号 value met later in the run: prepared texts that quote it are made again, masked.
    r.idValues.add(odd);
    const doc = jsonReport(r, { lang: 'zh' });
    expect(doc).not.toContain(odd);
    expect(jsonReport(r, { lang: 'en' })).toBe(jsonReport({ ...r }, { lang: 'en' }));
  });
});
