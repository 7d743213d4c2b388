/** Reporting on the inputs themselves: unreadable inputs in `files`, skipped files, the copy's format line. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { copyFormatLine, skippedReport, skipReasonText } from '../../src/report/inputs-text.js';
import { jsonDocument } from '../../src/report/json.js';
import { prettyReport } from '../../src/report/pretty.js';
import { fileResult, finding, ID, ID_MASKED, result } from './fixtures.js';

const ZH = { lang: 'zh' as const, showPii: false };
const SKIPPED = [
  { path: `批次/${ID}.docx`, reason: 'not-spreadsheet' },
  { path: '批次/records.checked.xlsx', reason: 'own-output' },
  { path: '批次/.git', reason: 'hidden-folder', folder: true },
];
const FAILED = [{ path: 'broken.xls', error: new InputError('corrupt-xls', { path: 'broken.xls', detail: 'the FAT chain loops at sector 3' }) }];

describe('JSON', () => {
  it('lists an unreadable input in files, with the sentence and its id, and the skipped files with their reasons', () => {
    const doc = jsonDocument({ ...result([finding()]), failures: FAILED, skipped: SKIPPED, otherFiles: 12 }, ZH);
    expect(doc.files.at(-1)).toEqual({
      path: 'broken.xls', sheet: null, headerRow: null, rows: 0, annotated: null, notices: [],
      error: FAILED[0]!.error.text('zh'), errorId: 'corrupt-xls',
    });
    expect(doc.skipped).toEqual([
      { path: `批次/${ID_MASKED}.docx`, reason: 'not-spreadsheet', message: '不是表格文件' },
      { path: '批次/records.checked.xlsx', reason: 'own-output', message: skipReasonText('own-output', 'zh') },
      { path: '批次/.git', reason: 'hidden-folder', message: '隐藏文件夹，未进入', folder: true },
    ]);
    expect(doc.otherFiles).toBe(12);
    expect(doc.summary.files).toBe(1); // the contract's count of files read
  });

  it('adds nothing when nothing was skipped or failed', () => {
    const doc = jsonDocument({ ...result([finding()]), failures: [], skipped: [], otherFiles: 0 }, ZH);
    expect(Object.keys(doc)).toEqual(['version', 'summary', 'files', 'problems']);
    expect(doc.files.every((f) => !('error' in f) && !('format' in f))).toBe(true);
  });

  it('gives each file its format by content', () => {
    const doc = jsonDocument(result([finding()], [fileResult({ format: 'xls' })]), ZH);
    expect(doc.files[0]!.format).toBe('xls');
  });
});

describe('terminal', () => {
  it('lists the skipped files with their reasons and counts the rest, ID numbers masked', () => {
    const text = prettyReport({ ...result([finding()]), skipped: SKIPPED, otherFiles: 12 }, { ...ZH, color: false });
    expect(text).toContain('输入 4 个：检查了 1 个，跳过 3 个');
    expect(text).toContain(`跳过 批次/${ID_MASKED}.docx：不是表格文件`);
    expect(text).toContain('跳过 批次/.git（文件夹）：隐藏文件夹，未进入');
    expect(text).toContain('另有 12 个照片、PDF 等文件不是登记表');
    expect(text).not.toContain(ID);
    const en = prettyReport({ ...result([finding()]), skipped: SKIPPED, otherFiles: 12 }, { lang: 'en', showPii: false, color: false });
    expect(en).toContain('4 inputs: 1 checked, 3 skipped');
    expect(en).toContain('not a spreadsheet');
  });

  it('counts unreadable inputs in the summary (their sentences go to stderr)', () => {
    const text = prettyReport({ ...result([finding()]), failures: FAILED }, { ...ZH, color: false });
    expect(text).toContain('输入 2 个：检查了 1 个，1 个无法读取');
  });

  it('a run that read nothing shows only what was skipped', () => {
    expect(skippedReport({ skipped: SKIPPED.slice(1, 2) }, { ...ZH, color: false })).toBe(
      `未检查的文件（1 个）\n  批次/records.checked.xlsx  ${skipReasonText('own-output', 'zh')}\n`,
    );
  });

  it.each([
    ['a.xls', 'xls', 'Excel 97-2003 工作簿（.xls）'],
    ['a.et', 'xls', 'WPS 表格（.et）'],
    ['a.ods', 'ods', 'OpenDocument 表格（.ods）'],
    ['a.txt', 'csv', '文本文件（.txt）'],
    ['a.csv', 'csv', '文本文件（.csv）'],
  ])('one line says the copy of %s is a new .xlsx', (path, format, label) => {
    expect(copyFormatLine(path, format, 'zh', (p) => p)).toBe(`  ${path} 是${label}，标注副本是新的 .xlsx 工作簿（原文件未改动）；请在 .xlsx 中修改后再检查`);
  });

  it('no such line for an .xlsx (also one named .et)', () => {
    expect(copyFormatLine('a.xlsx', 'xlsx', 'zh', (p) => p)).toBeNull();
    expect(copyFormatLine('a.et', 'xlsx', 'zh', (p) => p)).toBeNull();
  });
});
