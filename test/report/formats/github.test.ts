/**
 * `--format github`: every line is read back the way the Actions runner reads a workflow command
 * (actions/runner src/Runner.Common/ActionCommand.cs, TryParseV2 with UnescapeProperty/UnescapeData),
 * re-implemented here so the test fails if an escape is missing or wrong.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { escapeData, escapeProperty, githubReport } from '../../../src/report/formats/github.js';
import { fileResult, finding, ID, ID_MASKED, mixedFindings, result } from '../fixtures.js';

interface Command {
  command: string;
  properties: Record<string, string>;
  data: string;
}

const COMMANDS = new Set(['error', 'warning', 'notice']);

/** The runner's parser: `::name k=v,k=v::data`, properties split at ',' and the first '=', then unescaped. */
function parseCommand(line: string): Command | null {
  const message = line.trimStart();
  if (!message.startsWith('::')) return null;
  const end = message.indexOf('::', 2);
  if (end < 0) return null;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!COMMANDS.has(command)) return null;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const prop of info.slice(space + 1).trim().split(',').filter(Boolean)) {
      const eq = prop.indexOf('=');
      if (eq > 0 && eq < prop.length - 1) {
        properties[prop.slice(0, eq)] = prop.slice(eq + 1)
          .replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
      }
    }
  }
  const data = message.slice(end + 2).replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
  return { command, properties, data };
}

const ZH = { lang: 'zh' as const, showPii: false, color: false, cwd: '/work' };
const report = (run: Parameters<typeof githubReport>[0], opts = ZH): string => [...githubReport(run, opts)].join('');

describe('githubReport', () => {
  const text = report(result(mixedFindings()));
  const lines = text.split('\n').filter(Boolean);
  const commands = lines.map(parseCommand);

  it('gives one workflow command per problem, then one plain summary line', () => {
    expect(commands.slice(0, -1).every((c) => c !== null)).toBe(true);
    expect(commands).toHaveLength(7);
    expect(commands.at(-1)).toBeNull();
    expect(lines.at(-1)).toBe('cert-check：检查了 1 个文件，67 行数据；错误 4，警告 1，提示 1');
  });

  it('maps severities to error / warning / notice, names the file and the rule', () => {
    expect(commands.slice(0, -1).map((c) => c!.command).sort()).toEqual(['error', 'error', 'error', 'error', 'notice', 'warning']);
    for (const c of commands.slice(0, -1)) expect(c!.properties.file).toBe('records.xlsx');
    expect(commands.map((c) => c?.properties.title)).toContain('approval-no-brackets');
  });

  it('puts sheet, row and column in the message (spreadsheets have no source lines)', () => {
    const brackets = commands.find((c) => c?.properties.title === 'approval-no-brackets' && c.data.includes('第 17 行'))!;
    expect(Object.keys(brackets.properties).sort()).toEqual(['file', 'title']);
    expect(brackets.data).toBe('工作表「登记表」第 17 行 J 列（批准文号）：批准文号的年份应写在【】中，不能用 〔〕（见指南 三（四））\n原值：渝职改办〔2019〕125号  → 建议：渝职改办【2019】125号');
    expect(commands.find((c) => c?.data.includes('整行'))!.data).toMatch(/^工作表「登记表」第 5 行（整行）：/);
    expect(commands.find((c) => c?.command === 'notice')!.data).toMatch(/^整个文件：/);
  });

  it('escapes %, CR and LF in the message and also : and , in properties, as the runner unescapes them', () => {
    expect(escapeData('100% \r\n')).toBe('100%25 %0D%0A');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const path = 'C:\\records, 2024 %0A.xlsx';
    const odd = finding({ file: path, rule: 'approval-no-brackets', value: '第一行\r\n第二行 %25 ::error x', suggestion: '100%' });
    const out = report(result([odd], [fileResult({ path })]));
    expect(out.split('\n').filter(Boolean)).toHaveLength(2);
    const c = parseCommand(out.split('\n')[0]!)!;
    expect(c.properties.file).toBe('C:/records, 2024 %0A.xlsx');
    expect(c.data).toContain('原值：第一行\r\n第二行 %25 ::error x  → 建议：100%');
  });

  it('reports inputs that could not be read as errors on the file, and counts skipped ones', () => {
    const run = {
      ...result([]),
      failures: [{ path: 'bad.xlsx', error: new InputError('empty-file', { path: 'bad.xlsx' }) }],
      skipped: [{ path: 'a.checked.xlsx', reason: 'own-output' as const }],
    };
    const out = report(run).split('\n').filter(Boolean);
    expect(parseCommand(out[0]!)).toEqual({ command: 'error', properties: { file: 'bad.xlsx', title: '无法读取' }, data: '文件是空的：bad.xlsx。请确认保存了正确的表格。' });
    expect(out[1]).toBe('cert-check：检查了 1 个文件，67 行数据；错误 0，警告 0，提示 0；跳过 1 个输入；1 个输入无法读取');
  });

  it('lists errors only with quiet', () => {
    const quiet = report(result(mixedFindings()), { ...ZH, quiet: true }).split('\n').map(parseCommand).filter(Boolean);
    expect(quiet.map((c) => c!.command)).toEqual(['error', 'error', 'error', 'error']);
  });

  it('masks ID numbers in the message and the file name unless showPii', () => {
    const f = finding({ file: `files/${ID}.jpg`, sheet: null, row: null, column: null, rule: 'photo-file', value: `${ID}` });
    const masked = report(result([f], []));
    expect(masked).not.toContain(ID);
    expect(parseCommand(masked.split('\n')[0]!)!.properties.file).toBe(`files/${ID_MASKED}.jpg`);
    expect(report(result([f], []), { ...ZH, showPii: true })).toContain(ID);
  });

  it('masks an ID that follows a % (masking comes before escaping)', () => {
    const f = finding({ value: `%${ID}` });
    expect(report(result([f]))).not.toContain(ID.slice(6, 14));
  });

  it('speaks English with lang en', () => {
    const en = report(result(mixedFindings()), { ...ZH, lang: 'en' });
    expect(en).toContain('sheet "登记表" row 17, column J (批准文号): the year of the approval number must be in 【】');
    expect(en.trim().split('\n').at(-1)).toBe('cert-check: checked 1 file, 67 data rows; 4 errors, 1 warning, 1 info');
  });
});
