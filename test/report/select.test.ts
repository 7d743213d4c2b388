/** What reports list: --quiet, the per-rule cap on large inputs, the rule table, the account of every input. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { CAP, capFindings, inputAccount, listedFindings, omittedCounts, ruleTable } from '../../src/report/select.js';
import { fileResult, finding, mixedFindings, result } from './fixtures.js';

/** `n` rows (from row 2) of one rule in one file. */
const rowsOf = (rule: string, n: number, over: Parameters<typeof finding>[0] = {}) =>
  Array.from({ length: n }, (_, i) => finding({ rule, row: i + 2, ...over }));

describe('listedFindings', () => {
  it('lists everything in reading order, or with quiet the errors only', () => {
    const all = listedFindings(result(mixedFindings()), {});
    expect(all).toHaveLength(6);
    expect(all.map((f) => f.row)).toEqual([null, 5, 5, 17, 17, 20]);
    const quiet = listedFindings(result(mixedFindings()), { quiet: true });
    expect(quiet.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error']);
  });

  it('counts what quiet leaves out, and nothing without quiet', () => {
    expect(omittedCounts(result(mixedFindings()), { quiet: true })).toEqual({ warnings: 1, infos: 1 });
    expect(omittedCounts(result(mixedFindings()), {})).toEqual({ warnings: 0, infos: 0 });
  });
});

describe('capFindings', () => {
  const inputs = new Set(['records.xlsx']);

  it('leaves a section of up to CAP.from problems whole', () => {
    const listed = rowsOf('r', CAP.from);
    expect(capFindings(listed, inputs, {})).toEqual({ shown: listed, capped: [] });
  });

  it('past CAP.from, lists each rule\'s first CAP.rows rows and counts the rest', () => {
    const listed = [...rowsOf('big', 3500), ...rowsOf('small', 5, { row: 9000 })];
    const { shown, capped } = capFindings(listed, inputs, {});
    expect(shown.filter((f) => f.rule === 'big').map((f) => f.row)).toEqual(Array.from({ length: CAP.rows }, (_, i) => i + 2));
    expect(shown.filter((f) => f.rule === 'small')).toHaveLength(5);
    expect(capped).toEqual([{ file: 'records.xlsx', rule: 'big', more: 3500 - CAP.rows }]);
  });

  it('counts rows, not problems: every problem of a listed row stays, a hidden row counts once', () => {
    const listed = rowsOf('r', 150).flatMap((f) => [f, { ...f, column: 'K' }]);
    const { shown, capped } = capFindings(listed, inputs, {});
    expect(shown).toHaveLength(CAP.rows * 2);
    expect(capped[0]!.more).toBe(150 - CAP.rows);
  });

  it('caps each input on its own, and files that are not inputs (unused photos) together', () => {
    const other = new Set(['a.xlsx', 'b.xlsx']);
    const photos = Array.from({ length: 130 }, (_, i) => finding({ file: `files/p${i}.jpg`, sheet: null, row: null, column: null, rule: 'asset-unused-file' }));
    const listed = [...rowsOf('r', 150, { file: 'a.xlsx' }), ...rowsOf('r', 30, { file: 'b.xlsx' }), ...photos];
    const { shown, capped } = capFindings(listed, other, {});
    expect(shown.filter((f) => f.file === 'b.xlsx')).toHaveLength(30);
    expect(shown.filter((f) => f.rule === 'asset-unused-file')).toHaveLength(CAP.rows);
    expect(capped).toEqual([
      { file: 'a.xlsx', rule: 'r', more: 130 },
      { file: null, rule: 'asset-unused-file', more: 110 },
    ]);
  });

  it('lifts the cap with all', () => {
    const listed = rowsOf('r', 500);
    expect(capFindings(listed, inputs, { all: true }).shown).toHaveLength(500);
  });
});

describe('ruleTable', () => {
  it('counts every finding per rule with its worst severity, most frequent first', () => {
    const table = ruleTable([...rowsOf('a', 2, { severity: 'warning' }), finding({ rule: 'a', severity: 'error' }), ...rowsOf('b', 5, { severity: 'info' })]);
    expect(table).toEqual([{ rule: 'b', count: 5, severity: 'info' }, { rule: 'a', count: 3, severity: 'error' }]);
  });
});

describe('inputAccount', () => {
  it('names every input: checked, skipped with a reason, unreadable with the sentence', () => {
    const run = {
      ...result([], [fileResult(), fileResult({ path: 'b.xlsx' })]),
      skipped: [{ path: 'a.checked.xlsx', reason: 'own-output' as const }, { path: '~$a.xlsx', reason: 'lock-file' as const }],
      failures: [{ path: 'bad.xlsx', error: new InputError('empty-file', { path: 'bad.xlsx' }) }],
    };
    expect(inputAccount(run, 'zh')).toEqual({
      checked: 2,
      skipped: [
        { path: 'a.checked.xlsx', reason: 'own-output', message: 'cert-check 写出的标注/修正副本，之后没有改动过，不再检查（修改后保存即会重新检查）' },
        { path: '~$a.xlsx', reason: 'lock-file', message: 'Excel/WPS/LibreOffice 的临时锁定文件（表格正在打开？），关闭表格后会消失' },
      ],
      unreadable: [{ path: 'bad.xlsx', message: '文件是空的：bad.xlsx。请确认保存了正确的表格。', errorId: 'empty-file' }],
        otherFiles: 0,
        unwritten: [],
    });
    expect(inputAccount(run, 'en').skipped[0]!.message).toBe('an annotated or fixed copy cert-check wrote, unchanged since: not checked again (it is, once edited and saved)');
  });
});
