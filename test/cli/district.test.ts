/** Another district's profile through the real launcher: --district, the config's district, a broken profile. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { makeTempDir } from '../read/files.js';

const root = resolve(__dirname, '../..');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

interface Problem { row: number; rule: string; messageId: string; field: string; suggestion: string | null }

function cli(args: string[], cwd = tmp.dir): { code: number | null; problems: Problem[]; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/cert-check.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  const json = args.includes('json') && r.stdout ? (JSON.parse(r.stdout) as { problems: Problem[] }) : null;
  return { code: r.status, problems: json?.problems ?? [], stdout: r.stdout, stderr: r.stderr };
}

const HEADER = '姓名,身份证号,出生年月,职称系列,职称级别,职称名称,取得方式,批准文号,行政区划,评审活动是否设置评审专业,评审专业名称,发证时间,取得时间,审核机关（单位）,评审机构,证书编号';
/** Row 2 is right for 大足区; row 3 is 铜梁区's. */
const CSV = [
  HEADER,
  '张三,500224198001011235,1980-01,工程技术,中级,工程师,评审,大足区职改办【2019】12号,大足区,是,建设,2019-12-20,2019-11-15,大足区人力资源和社会保障局,重庆市工程技术中级职务大足区评审委员会,DZ20190012',
  '李四,500224198001011235,1980-01,工程技术,中级,工程师,评审,铜职改办【2019】12号,铜梁区,是,建设,2019-12-20,2019-11-15,铜梁区人力资源和社会保障局,重庆市工程技术中级职务铜梁区评审委员会,TL20190013',
].join('\n');

const district = (problems: Problem[], row: number): string[] => problems.filter((p) => p.row === row && ['region-by-level', 'authority-by-level', 'committee-name'].includes(p.rule)).map((p) => `${p.rule}:${p.suggestion ?? ''}`).sort();

beforeAll(() => {
  writeFileSync(tmp.file('records.csv'), `${CSV}\n`);
  copyFileSync(join(FIXTURES, 'districts', 'example-dazu.json'), tmp.file('大足区.json'));
});

describe('a district profile', () => {
  it('by default the rows are 铜梁区\'s: the 大足区 row is wrong', () => {
    const r = cli(['records.csv', '--no-assets', '--no-out', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(district(r.problems, 2)).toEqual(['authority-by-level:铜梁区人力资源和社会保障局', 'committee-name:', 'region-by-level:铜梁区']);
    expect(district(r.problems, 3)).toEqual([]);
  });

  it('--district makes them 大足区\'s', () => {
    const r = cli(['records.csv', '--no-assets', '--no-out', '--format', 'json', '--district', '大足区.json']);
    expect(district(r.problems, 2)).toEqual([]);
    expect(district(r.problems, 3)).toEqual(['authority-by-level:大足区人力资源和社会保障局', 'committee-name:', 'region-by-level:大足区']);
  });

  it('so does the config\'s district, relative to the config file', () => {
    writeFileSync(tmp.file('cert-check.config.json'), JSON.stringify({ district: '大足区.json' }));
    try {
      const r = cli(['records.csv', '--no-assets', '--no-out', '--format', 'json']);
      expect(district(r.problems, 2)).toEqual([]);
    } finally {
      writeFileSync(tmp.file('cert-check.config.json'), '{}');
    }
  });

  it('the template and the committee list follow it', () => {
    const t = cli(['--district', '大足区.json', 'template', 'dz.xlsx']);
    expect(t.code).toBe(0);
    const c = cli(['committees', '--district', '大足区.json']);
    expect(c.stdout).toContain('重庆市大足区职称改革办公室');
    expect(c.stdout).not.toContain('铜梁');
  });

  it('a profile that is not one ends the run with exit 2 and one sentence naming the key', () => {
    writeFileSync(tmp.file('bad.json'), JSON.stringify({ name: '大足区' }));
    const r = cli(['records.csv', '--no-assets', '--no-out', '--district', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cert-check: 区县配置 .*bad\.json 有误：place: .*请对照 README 中“其他区县”一节改正。\n$/);
    const missing = cli(['records.csv', '--no-assets', '--no-out', '--district', 'none.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件或文件夹');
  });

  it('an output may not overwrite it', () => {
    const r = cli(['records.csv', '--no-assets', '--no-out', '--district', '大足区.json', '--report-file', '大足区.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输出文件 大足区.json 与输入文件是同一个文件');
  });
});
