import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { prettyReport, shouldColor } from '../../src/report/pretty.js';
import { formatNotice } from '../../src/i18n/notices.js';
import { fileResult, finding, ID, ID_MASKED, mixedFindings, result } from './fixtures.js';

const ANSI = /\x1b\[[0-9;]*m/;
const strip = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');
const ZH = { lang: 'zh' as const, showPii: false, color: false, cwd: '/work' };

describe('shouldColor', () => {
  it.each([
    ['terminal', {}, true, true],
    ['pipe', {}, false, false],
    ['NO_COLOR on a terminal', { NO_COLOR: '1' }, true, false],
    ['empty NO_COLOR is ignored', { NO_COLOR: '' }, true, true],
    ['NO_COLOR beats FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false', { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR=1 on a pipe', { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR empty on a pipe', { FORCE_COLOR: '' }, false, true],
    ['FORCE_COLOR=3 on a pipe', { FORCE_COLOR: '3' }, false, true],
  ])('%s', (_name, env, isTTY, expected) => {
    expect(shouldColor({ isTTY }, env)).toBe(expected);
  });

  it('treats a stream without isTTY as no terminal', () => {
    expect(shouldColor({}, {})).toBe(false);
  });
});

describe('prettyReport', () => {
  const out = prettyReport(result(mixedFindings()), ZH);

  it('shows each problem with column letter and header, severity, message and suggestion', () => {
    expect(out).toContain('J 批准文号  错误  批准文号的年份应写在【】中，不能用 〔〕（见指南 三（四））');
    expect(out).toContain('→ 建议：渝职改办【2019】125号');
    expect(out).toContain('B 身份证号  警告  身份证号末位的 x 应为大写 X');
  });

  it('shows the value where the message does not already hold it', () => {
    expect(out).toContain('原值：渝职改办〔2019〕125号');
  });

  it('groups by row in order, with file-level problems in their own group first', () => {
    const lines = out.split('\n');
    const at = (s: string): number => lines.findIndex((l) => l.trim() === s);
    expect(at('整个文件')).toBeGreaterThan(0);
    expect(at('整个文件')).toBeLessThan(at('第 5 行'));
    expect(at('第 5 行')).toBeLessThan(at('第 17 行'));
    expect(at('第 17 行')).toBeLessThan(at('第 20 行'));
    expect(lines.filter((l) => l.trim() === '第 17 行')).toHaveLength(1);
    // a row-level problem names the whole row
    expect(out).toContain('整行  错误  “免冠照”未填写');
    expect(out).toContain('    文件  提示  “整个文件”未填写');
  });

  it('closes with counts, rows with problems, the top rules and the annotated workbook', () => {
    expect(out).toContain('检查了 1 个文件，67 行数据：3 行有错误，1 行有警告');
    expect(out).toContain('错误 4 · 警告 1 · 提示 1');
    expect(out).toMatch(/各规则的问题数：\n\s+2 {2}错误 {2}approval-no-brackets\s+批准文号的年份用【】括起\n\s+2 {2}错误 {2}required-fields\s+必填项不能为空\n\s+1 {2}错误 {2}id-number /);
    expect(out).toContain('已写出标注表格：records.checked.xlsx');
    expect(out).not.toContain('全部通过');
  });

  it('lists every rule in the summary, most frequent first, with its worst severity', () => {
    const rules = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const text = prettyReport(result(rules.flatMap((rule, i) => Array.from({ length: 7 - i }, (_, j) => finding({ rule, row: j + 2, severity: j ? 'warning' : 'info' })))), ZH);
    const summary = text.slice(text.indexOf('各规则的问题数'));
    expect(summary).toMatch(/ 7 {2}警告 {2}r1 /);
    expect(summary).toMatch(/ 3 {2}警告 {2}r5 /);
    expect(summary).toMatch(/ 2 {2}警告 {2}r6 /);
    expect(summary.indexOf('r1')).toBeLessThan(summary.indexOf('r6'));
  });

  it('says 全部通过 on a clean run', () => {
    const text = prettyReport(result([]), ZH);
    expect(text).toContain('全部通过：1 个文件，67 行数据');
    expect(text).not.toContain('各规则');
  });

  it('shows notices per file', () => {
    const files = [fileResult({ notices: [{ id: 'sheet-skipped', sheet: '说明', data: {} }] })];
    expect(prettyReport(result([], files), ZH)).toContain('工作表「说明」中没有找到表头行，未检查');
  });

  it('has no ANSI codes without colour and colours severities with it', () => {
    expect(out).not.toMatch(ANSI);
    const coloured = prettyReport(result(mixedFindings()), { ...ZH, color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\x1b[31m错误\x1b[39m');
    expect(coloured).toContain('\x1b[33m警告\x1b[39m');
    expect(coloured).toContain('\x1b[34m提示\x1b[39m');
    expect(strip(coloured)).toBe(out);
  });

  it('masks ID numbers unless showPii', () => {
    const f = finding({ column: 'B', field: 'idNumber', header: '身份证号', rule: 'id-number', messageId: 'checksum', data: { expected: '5' }, value: ID, suggestion: `${ID}.jpg` });
    const masked = prettyReport(result([f]), ZH);
    expect(masked).toContain(ID_MASKED);
    expect(masked).not.toContain(ID);
    expect(prettyReport(result([f]), { ...ZH, showPii: true })).toContain(`原值：${ID}`);
  });

  it('speaks English with lang en', () => {
    const text = prettyReport(result(mixedFindings()), { ...ZH, lang: 'en' });
    expect(text).toContain('J 批准文号  error  the year of the approval number must be in 【】');
    expect(text).toContain('→ suggestion: 渝职改办【2019】125号');
    expect(text).toContain('row 17');
    expect(text).toContain('Checked 1 file, 67 data rows: 3 rows with errors, 1 with warnings');
    expect(text).toContain('4 errors · 1 warning · 1 info');
    expect(text).not.toMatch(/[错误警告建议]/);
    expect(prettyReport(result([]), { ...ZH, lang: 'en' })).toContain('All clear');
  });

  it('shows paths inside the working folder relative to it', () => {
    const files = [fileResult({ path: '/work/in/a.xlsx', annotated: '/work/in/a.checked.xlsx' })];
    const text = prettyReport(result([], files), ZH);
    expect(text).toContain('in/a.checked.xlsx');
    expect(text).not.toContain('/work/in/a.checked.xlsx');
  });
});

describe('prettyReport: --quiet, the cap on large inputs, every input counted', () => {
  const many = (rule: string, n: number) => Array.from({ length: n }, (_, i) => finding({ rule, row: i + 3 }));

  it('--quiet lists errors only, and the summary still counts and names the rest', () => {
    const text = prettyReport(result(mixedFindings()), { ...ZH, quiet: true });
    expect(text).not.toContain('身份证号末位的 x 应为大写 X');
    expect(text).toContain('批准文号的年份应写在【】中');
    expect(text).toContain('错误 4 · 警告 1 · 提示 1');
    expect(text).toMatch(/ 1 {2}警告 {2}id-number-lowercase-x /);
    expect(text).toContain('--quiet：只列出错误，1 个警告、1 个提示未列出');
    expect(prettyReport(result(mixedFindings()), ZH)).not.toContain('--quiet');
  });

  it('on a large input lists the first 20 rows of each rule and says where the rest is', () => {
    const text = prettyReport(result(many('approval-no-brackets', 3500)), ZH);
    expect(text.split('\n').filter((l) => l.includes('批准文号的年份应写在【】中'))).toHaveLength(20);
    expect(text).toContain('（问题较多：每条规则只列出前 20 行，--all 列出全部）');
    expect(text).toContain('approval-no-brackets …还有 3,480 行：见 records.checked.xlsx 的问题清单');
    // the summary counts all of them
    expect(text).toMatch(/3,500 {2}错误 {2}approval-no-brackets/);
    expect(text).toContain('错误 3,500 · 警告 0 · 提示 0');
    expect(text.split('\n').length).toBeLessThan(120);
  });

  it('points at the fix list, or at --all, when there is no annotated workbook', () => {
    const noOut = [fileResult({ annotated: null })];
    expect(prettyReport({ ...result(many('r', 200), noOut), fixList: 'list.xlsx' }, ZH)).toContain('r …还有 180 行：见 list.xlsx');
    expect(prettyReport(result(many('r', 200), noOut), ZH)).toContain('r …还有 180 行：用 --all 列出全部');
    expect(prettyReport(result(many('r', 200), noOut), { ...ZH, lang: 'en' })).toContain('r …and 180 more rows: list them with --all');
    expect(prettyReport(result(many('r', 200)), { ...ZH, lang: 'en' })).toContain('r …and 180 more rows: see 问题清单 in records.checked.xlsx');
  });

  it('--all lists every row', () => {
    const text = prettyReport(result(many('approval-no-brackets', 300)), { ...ZH, all: true });
    expect(text.split('\n').filter((l) => l.includes('批准文号的年份应写在【】中'))).toHaveLength(300);
    expect(text).not.toContain('还有');
  });

  it('counts every input: checked, skipped with the reason, unreadable with the sentence', () => {
    const run = {
      ...result([finding()], [fileResult(), fileResult({ path: 'b.xlsx' })]),
      skipped: [{ path: 'a.checked.xlsx', reason: 'own-output' as const }],
      failures: [{ path: 'bad.xlsx', error: new InputError('empty-file', { path: 'bad.xlsx' }) }],
    };
    const text = prettyReport(run, ZH);
    expect(text).toContain('检查了 2 个文件，134 行数据');
    expect(text).toContain('输入 4 个：检查了 2 个，跳过 1 个，1 个无法读取');
    expect(text).toContain('跳过 a.checked.xlsx：cert-check 写出的标注/修正副本，之后没有改动过，不再检查（修改后保存即会重新检查）');
    expect(text).toContain('✖ 无法读取：文件是空的：bad.xlsx。请确认保存了正确的表格。');
    expect(prettyReport(run, { ...ZH, lang: 'en' })).toContain('4 inputs: 2 checked, 1 skipped, 1 unreadable');
  });

  it('a clean run with a skipped input still says which', () => {
    const text = prettyReport({ ...result([]), skipped: [{ path: '~$a.xlsx', reason: 'lock-file' }] }, ZH);
    expect(text).toContain('全部通过');
    expect(text).toContain('跳过 ~$a.xlsx：Excel/WPS/LibreOffice 的临时锁定文件（表格正在打开？），关闭表格后会消失');
  });
});

describe('notice messages', () => {
  it.each([
    [{ id: 'sheet-skipped', sheet: '说明', data: {} }, '工作表「说明」中没有找到表头行，未检查', 'Sheet "说明" has no recognisable header row and was not checked'],
    [{ id: 'duplicate-header', sheet: 'S', data: { header: '姓名', columns: 'A, F' } }, '工作表「S」的表头“姓名”出现了不止一次（A, F 列）；请删除或改名多余的列', 'The header "姓名" appears more than once in sheet "S" (columns A, F); remove or rename the extra columns'],
    [{ id: 'duplicate-header', sheet: 'S', data: { sheet: 'S', field: 'name', header: '姓名', column: 'F', first: 'A' } }, '工作表「S」的表头“姓名”出现了不止一次（A 列和 F 列），检查的是 A 列；请删除或改名多余的列', 'The header "姓名" appears more than once in sheet "S" (columns A and F); column A was checked; remove or rename the extra columns'],
    [{ id: 'formula-no-result', sheet: 'S', data: { sheet: 'S', count: 3, cell: 'D7' } }, '工作表「S」中 3 个公式单元格没有保存计算结果（如 D7），按空值检查；请在 Excel/WPS 中打开并保存后再检查', '3 formula cells in sheet "S" have no saved result (e.g. D7) and were checked as empty; open and save the file in Excel/WPS and check again'],
    [{ id: 'sheet-skipped', sheet: '说明', data: { sheet: '说明', rows: 4 } }, '工作表「说明」中没有找到表头行，未检查', 'Sheet "说明" has no recognisable header row and was not checked'],
    [{ id: 'ignored-columns', sheet: 'S', data: { columns: '备注' } }, '工作表「S」中这些列不是登记项目，未检查：备注', 'These columns of sheet "S" are not registration fields and were not checked: 备注'],
    [{ id: 'formula-no-result', sheet: 'S', data: { count: 2, cells: 'C3, C4' } }, '工作表「S」中 2 个公式单元格没有保存计算结果（C3, C4），按空值检查；请在 Excel/WPS 中打开并保存后再检查', '2 formula cells in sheet "S" have no saved result (C3, C4) and were checked as empty; open and save the file in Excel/WPS and check again'],
    [{ id: 'truncated-rows', sheet: 'S', data: { max: 100, count: 5 } }, '工作表「S」超过 100 行，有 5 行未检查', 'Sheet "S" has more than 100 rows; 5 rows were not checked'],
    [{ id: 'something-new', data: { a: 1 } }, 'something-new (a=1)', 'something-new (a=1)'],
  ])('%o', (notice, zh, en) => {
    expect(formatNotice(notice, 'zh')).toBe(zh);
    expect(formatNotice(notice, 'en')).toBe(en);
  });

  it('leaves out what the data does not give', () => {
    expect(formatNotice({ id: 'formula-no-result', data: {} }, 'zh')).toBe('表格中有公式单元格没有保存计算结果，按空值检查；请在 Excel/WPS 中打开并保存后再检查');
    expect(formatNotice({ id: 'truncated-rows', sheet: 'S', data: {} }, 'zh')).toBe('工作表「S」部分行未检查');
  });
});
