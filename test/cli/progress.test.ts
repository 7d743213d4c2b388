/** The terminal's progress line: its text at any width, and that it never starts off a terminal. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { progressLine, startProgress } from '../../src/cli/progress.js';
import type { CheckProgress } from '../../src/run/check-run.js';

const at = (over: Partial<CheckProgress> = {}): CheckProgress => ({
  file: '/work/records/登记表.xlsx', fileIndex: 0, files: 1, sheet: '登记表', row: 1200, lastRow: 5000, rows: 1198, ...over,
});
const CWD = { cwd: '/work' };

describe('progressLine', () => {
  it('shows the row of the total with a bar and a percentage when the total is known', () => {
    expect(progressLine(at(), 'zh', 100, CWD)).toBe(`正在检查 records/登记表.xlsx · 第 1,200 / 5,000 行 [${'#'.repeat(7)}${'.'.repeat(23)}] 24%`);
    expect(progressLine(at(), 'en', 100, CWD)).toBe(`Checking records/登记表.xlsx · row 1,200 / 5,000 [${'#'.repeat(7)}${'.'.repeat(23)}] 24%`);
  });

  it('shows the row alone, without a bar, when the total is not known (CSV) or was wrong', () => {
    expect(progressLine(at({ lastRow: null }), 'zh', 100, CWD)).toBe('正在检查 records/登记表.xlsx · 第 1,200 行');
    expect(progressLine(at({ lastRow: 900 }), 'zh', 100, CWD)).toBe('正在检查 records/登记表.xlsx · 第 1,200 行');
  });

  it('says which input of how many for a folder, and nothing about rows before the first', () => {
    expect(progressLine(at({ fileIndex: 1, files: 10, row: 0, lastRow: null }), 'zh', 100, CWD)).toBe('正在检查 [2/10] records/登记表.xlsx');
  });

  it.each([100, 60, 40, 30, 26])('fits %i columns (Chinese characters are two wide), dropping the bar first', (columns) => {
    const line = progressLine(at({ file: '/work/a/very/long/folder/name/for/the/records/职称电子证书登记表（2024年第一批）.xlsx', fileIndex: 2, files: 12 }), 'zh', columns, CWD);
    expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    if (columns <= 60) expect(line).not.toContain('[#');
    expect(line).toContain('第 1,200 / 5,000 行');
    if (columns >= 60) expect(line).toMatch(/^正在检查 \[3\/12\] …/);
  });

  it('keeps the row before anything else on a very narrow terminal', () => {
    expect(progressLine(at({ fileIndex: 2, files: 12 }), 'zh', 30, CWD)).toBe('[3/12] 第 1,200 / 5,000 行');
    expect(progressLine(at({ fileIndex: 2, files: 12 }), 'zh', 12, CWD)).toBe('[3/12] 第 1…');
  });

  it('masks ID numbers in file names unless showPii', () => {
    const file = '/work/500224198001011235.xlsx';
    expect(progressLine(at({ file }), 'zh', 100, CWD)).toContain('500224********1235');
    expect(progressLine(at({ file }), 'zh', 100, { ...CWD, showPii: true })).toContain('500224198001011235');
  });
});

describe('startProgress', () => {
  const stream = (over: object) => Object.assign(Object.create(process.stderr) as NodeJS.WriteStream, { write: () => true, ...over });

  it('does nothing off a terminal, or on a terminal without columns', async () => {
    expect(await startProgress(stream({ isTTY: false, columns: 80 }), 'zh')).toBeNull();
    expect(await startProgress(stream({ isTTY: true, columns: 0 }), 'zh')).toBeNull();
    expect(await startProgress(stream({ isTTY: true, columns: undefined }), 'zh')).toBeNull();
  });
});
