/** `cert-check committees` through the launcher: --year, the configuration's lists, a bad year. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

const JIANSHE = '重庆市工程技术建设专业副高级职称评审委员会';

describe('cert-check committees through the launcher', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cert-check-committees-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, 'bin/cert-check.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

  it('judges a name as of --year and says which list it used', () => {
    const r = cli(['committees', '建设副高评委会', '--year', '2019']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^按 2019 年判断：2019 年没有自己的名单/);
    expect(r.stdout).toContain(`请完整填写：${JIANSHE}（只作建议：没有当年的名单）`);
  });

  it('uses the lists of the configuration', () => {
    writeFileSync(join(dir, 'cert-check.config.json'), JSON.stringify({ committees: { lists: [{ years: [2014, 2016], source: '大足区职改办', committees: [{ name: '重庆市工程技术中级职务大足区评审委员会' }] }] } }));
    const r = cli(['committees', '重庆市工程技术中级职务大足区评委会', '--year', '2015']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain('配置文件中的评审机构（2014—2016年）');
    expect(r.stdout).toContain('请完整填写：重庆市工程技术中级职务大足区评审委员会（当年名单中唯一对应');
    rmSync(join(dir, 'cert-check.config.json'));
  });

  it('refuses a --year that is no year with one sentence', () => {
    const r = cli(['committees', 'x', '--year', '98']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--year 应为四位年份/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
