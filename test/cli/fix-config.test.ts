/** --fix, the configuration file and --lang en, run through the real launcher on the examples. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { FIXED_FILL } from '../../src/report/xlsx/text.js';
import { makeTempDir } from '../read/files.js';

const root = resolve(__dirname, '../..');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

interface Problem { row: number | null; column: string | null; rule: string; messageId: string; severity: string; message: string; suggestion: string | null }
interface Doc { problems: Problem[]; fixes?: { row: number; column: string; from: string; to: string; rules: string[] }[]; summary: { errors: number } }

function cli(args: string[], cwd = tmp.dir): { code: number | null; doc: Doc | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/cert-check.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, doc: r.stdout ? (JSON.parse(r.stdout) as Doc) : null, stderr: r.stderr };
}

const input = join(tmp.dir, 'records.xlsx');
const files = join(tmp.dir, 'files');
beforeAll(() => {
  copyFileSync(join(root, 'examples/records.xlsx'), input);
  cpSync(join(root, 'examples/files'), files, { recursive: true });
});

describe('--fix', () => {
  let before: Doc;
  let fixed: Doc;
  let again: Doc;
  beforeAll(() => {
    before = cli([input, '--assets', files, '--format', 'json', '--no-out']).doc!;
    fixed = cli([input, '--assets', files, '--format', 'json', '--fix']).doc!;
    again = cli([join(tmp.dir, 'records.fixed.xlsx'), '--assets', files, '--format', 'json', '--no-out']).doc!;
  });

  it('applies exactly the findings that carry a certain fix', () => {
    const certain = before.problems.filter((p) => RULES.find((r) => r.id === p.rule) && fixable(p));
    const changed = fixed.fixes!.map((f) => `${f.row}${f.column}`).sort();
    expect(changed).toEqual([...new Set(certain.map((p) => `${p.row}${p.column}`))].sort());
    expect(fixed.fixes!.find((f) => f.column === 'I' && f.row === 10)).toMatchObject({ from: '渝职改办〔2019〕125号', to: '渝职改办【2019】125号', rules: ['approval-no-brackets'] });
    // A shorthand of 2020, a year without a committee list of its own: suggested, never applied.
    expect(fixed.fixes!.find((f) => f.column === 'Q' && f.row === 19)).toBeUndefined();
    expect(before.problems.find((p) => p.column === 'Q' && p.row === 19)).toMatchObject({ rule: 'committee-name', suggestion: '重庆市工程技术建设专业副高级职称评审委员会' });
  });

  it('a second check of the fixed workbook shows only the problems that need a person', () => {
    const fixedCells = new Set(fixed.fixes!.map((f) => `${f.row}${f.column}`));
    expect(again.problems.filter((p) => fixedCells.has(`${p.row}${p.column}`))).toEqual([]);
    expect(again.problems.filter(fixable)).toEqual([]);
    const key = (p: Problem): string => `${p.row}|${p.column}|${p.rule}`;
    const remaining = new Set(again.problems.map(key));
    for (const p of before.problems) if (!fixable(p) && p.row !== null) expect(remaining.has(key(p)), key(p)).toBe(true);
    expect(again.summary.errors).toBeLessThan(before.summary.errors);
    expect(again.summary.errors).toBeGreaterThan(0);
  });

  it('marks changed cells blue with the old value in the note; the original stays untouched', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, 'records.fixed.xlsx'));
    const ws = wb.getWorksheet('登记表')!;
    expect(ws.getCell('I10').value).toBe('渝职改办【2019】125号');
    expect((ws.getCell('I10').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FIXED_FILL);
    expect(JSON.stringify(ws.getCell('I10').note)).toContain('渝职改办〔2019〕125号');
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.readFile(input);
    expect(orig.getWorksheet('登记表')!.getCell('I10').value).toBe('渝职改办〔2019〕125号');
  });
});

/** The rules --fix may apply, by the message ids that carry a certain correction. */
function fixable(p: Problem): boolean {
  const certain: Record<string, true> = {
    'approval-no-brackets': true, 'level-value': true, 'region-by-level': true, 'authority-by-level': true,
    'cert-no-since-2021': true, 'id-number-lowercase-x': true, 'name-spaces': true, 'committee-office': true,
  };
  // The office is left to a person when the cell names a review committee that fits the row.
  if (p.rule === 'committee-office') return p.messageId === 'office' || p.messageId === 'office-form';
  if (certain[p.rule]) return true;
  // A committee's form or misprint is certain in any year; shorthands and typos only with a list of the row's year (none here).
  return p.rule === 'committee-name' && p.suggestion !== null && p.severity === 'warning';
}

describe('configuration', () => {
  it('turns a rule off, changes a severity, and adds a committee', () => {
    const base = cli([input, '--assets', files, '--format', 'json', '--no-out']).doc!;
    expect(base.problems.some((p) => p.rule === 'approval-no-brackets')).toBe(true);
    const config = join(tmp.dir, 'cfg.json');
    writeFileSync(config, JSON.stringify({
      rules: { 'approval-no-brackets': 'off', 'photo-colour': 'error' },
      committees: [{ name: '建设副高评委会', levels: ['高级（副高）'], series: ['工程技术'] }],
    }));
    const r = cli([input, '--assets', files, '--format', 'json', '--no-out', '--config', config]);
    expect(r.doc!.problems.some((p) => p.rule === 'approval-no-brackets')).toBe(false);
    expect(r.doc!.problems.find((p) => p.rule === 'photo-colour')?.severity).toBe('error');
    expect(r.doc!.problems.some((p) => p.rule === 'committee-name' && p.row === 19)).toBe(false);
  });

  it('is read from cert-check.config.json in the working folder', () => {
    writeFileSync(join(tmp.dir, 'cert-check.config.json'), JSON.stringify({ rules: { 'approval-no-brackets': 'off' } }));
    try {
      const r = cli([input, '--assets', files, '--format', 'json', '--no-out']);
      expect(r.doc!.problems.some((p) => p.rule === 'approval-no-brackets')).toBe(false);
    } finally {
      writeFileSync(join(tmp.dir, 'cert-check.config.json'), '{}');
    }
  });

  const bad: [string, unknown, RegExp][] = [
    ['unknown rule id', { rules: { 'no-such-rule': 'off' } }, /rules\.no-such-rule：没有这条规则/],
    ['bad severity', { rules: { 'name-spaces': 'loud' } }, /rules\.name-spaces：级别只能是/],
    ['unknown key', { rulez: {} }, /不认识的键 rulez/],
    ['bad alias field', { aliases: { nope: ['x'] } }, /aliases/],
    ['bad committee level', { committees: [{ name: 'X评审委员会', levels: ['超级'] }] }, /committees\.0\.levels\.0/],
  ];
  it.each(bad)('a wrong config stops with exit 2 naming the key: %s', (_name, content, pattern) => {
    const config = join(tmp.dir, 'bad.json');
    writeFileSync(config, JSON.stringify(content));
    const r = cli([input, '--no-assets', '--no-out', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a config that is not JSON', () => {
    const config = join(tmp.dir, 'broken.json');
    writeFileSync(config, '{ rules: ');
    const r = cli([input, '--no-assets', '--no-out', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是有效的 JSON/);
  });

  it('extra header aliases map a column', () => {
    const csv = join(tmp.dir, 'alias.csv');
    writeFileSync(csv, '姓名,身份证件号,职称级别,批准文号\n张三,11010519491231002x,中级,渝职改办【2019】1号\n');
    const config = join(tmp.dir, 'alias.json');
    writeFileSync(config, JSON.stringify({ aliases: { idNumber: ['身份证件号'] } }));
    const plain = cli([csv, '--no-assets', '--no-out', '--format', 'json']).doc!;
    expect(plain.problems.some((p) => p.rule === 'id-number-lowercase-x')).toBe(false);
    const mapped = cli([csv, '--no-assets', '--no-out', '--format', 'json', '--config', config]).doc!;
    expect(mapped.problems.some((p) => p.rule === 'id-number-lowercase-x' && p.column === 'B')).toBe(true);
  });
});

describe('--lang en', () => {
  // The platform is Chinese: the values a clerk must type or will see there stay Chinese in English text.
  const PLATFORM_TERMS = /渝职改办【\d*】(XX|\d*)号|【|】|铜梁区人力资源和社会保障局|重庆市|铜梁区|其他|是|号|初定|确认|评审|考试|认定|我的证书|待完善|建筑工程|渝职改办/g;

  it('has no Chinese in any message template but the platform values it quotes', () => {
    const cjk = /[\u3400-\u9fff]/;
    const english = (t: string): string => t.replace(/\{\w+\}/g, '').replace(PLATFORM_TERMS, '');
    for (const rule of RULES) {
      expect(english(rule.description.en), rule.id).not.toMatch(cjk);
      for (const [id, m] of Object.entries(rule.messages)) expect(english(m.en), `${rule.id}.${id}`).not.toMatch(cjk);
    }
    const doc = cli([input, '--assets', files, '--format', 'json', '--no-out', '--lang', 'en']).doc!;
    for (const p of doc.problems) {
      // Quoted values (committee names, titles…) are the clerk's Chinese data; the words around them are English.
      const words = p.message.replace(/“[^”]*”|"[^"]*"|【[^】]*】|（[^）]*）/g, '').replace(/[^\s,.;:()]*[\u3400-\u9fff][^\s,.;:()]*/g, '');
      expect(/[a-z]{3,}/i.test(words), p.message).toBe(true);
    }
  });
});

describe('the README', () => {
  it('shows a configuration example that loads', async () => {
    const { readFileSync } = await import('node:fs');
    const { settingsFrom, ConfigSchema } = await import('../../src/config.js');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const example = /```json\n(\{[\s\S]*?\})\n```/.exec(readme)![1]!;
    const config = ConfigSchema.parse(JSON.parse(example));
    // Its district profile beside the config file: the README's example of one.
    copyFileSync(join(root, 'test/fixtures/districts/example-dazu.json'), join(tmp.dir, config.district!));
    const settings = settingsFrom(config, join(tmp.dir, 'cert-check.config.json'), RULES.map((r) => r.id));
    expect(settings.severities['name-spaces']).toBe('off');
    expect(settings.data.guide.canonicalSeries('工程')).toBe('工程技术');
    expect(settings.data.district.name).toBe('大足区');
  });
});
