/**
 * --cards through the real launcher: what the terminal and JSON say about the sheets and the rows that got
 * none, the refusals before any work (exit 2, nothing written), and the `cards` key of the config.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_NAME } from '../../src/report/cards/writer.js';
import { makeTempDir } from '../read/files.js';
import { buildCardsFixture, ID_A, ID_B, type CardsFixture } from './cards-fixture.js';

const root = resolve(__dirname, '../..');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = tmp.dir): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [join(root, 'bin/cert-check.js'), ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const masked = (id: string): string => `${id.slice(0, 6)}********${id.slice(14)}`;

let fx: CardsFixture;
beforeAll(async () => {
  fx = await buildCardsFixture(tmp.dir);
});

describe('the reports', () => {
  it('JSON: where the sheets are, and every row without one with its reasons; ID numbers masked', () => {
    const r = cli(['records.xlsx', '--assets', 'files', '--no-out', '--format', 'json', '--cards', 'out-json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { cards: { dir: string; index: string; sheets: number; people: number; missing: Record<string, unknown>[] } };
    expect(doc.cards).toMatchObject({ dir: join(tmp.dir, 'out-json'), index: join(tmp.dir, 'out-json', INDEX_NAME), sheets: 4, people: 3 });
    expect(doc.cards.missing).toEqual([{
      file: 'records.xlsx', sheet: '登记表', row: 3, name: '李四', idNumber: masked(ID_B), title: '工程师',
      reasons: [{ field: 'birthDate', rule: 'birth-date-matches-id', message: '出生年月 1985-03 与身份证号中的 1985-02 不一致（见指南 三（六））' }],
    }]);
    expect(r.stdout).not.toContain(ID_B);
    expect(r.stdout).not.toContain(ID_A);
    expect(readdirSync(join(tmp.dir, 'out-json')).filter((n) => n.endsWith('.html'))).toHaveLength(5);
  });

  it('terminal: the index written and each row without a sheet, masked unless --show-pii', () => {
    const r = cli(['records.xlsx', '--assets', 'files', '--no-out', '--cards', 'out-pretty']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`已写出填报单：${join('out-pretty', INDEX_NAME)}（3 人，4 份）`);
    expect(r.stdout).toContain('以下 1 行有错误，未生成填报单（改正后重新检查）：');
    expect(r.stdout).toContain(`  records.xlsx 第 3 行 李四（${masked(ID_B)}）：出生年月有错误`);
    expect(r.stdout).not.toContain(ID_B);
    const pii = cli(['records.xlsx', '--assets', 'files', '--no-out', '--cards', 'out-pretty', '--show-pii']);
    expect(pii.stdout).toContain(`李四（${ID_B}）`);
  });

  it('--lang en', () => {
    const r = cli(['records.xlsx', '--assets', 'files', '--no-out', '--cards', 'out-en', '--lang', 'en']);
    expect(r.stdout).toContain(`Registration sheets written: ${join('out-en', INDEX_NAME)} (4 for 3 people)`);
    expect(r.stdout).toContain(`records.xlsx row 3 李四 (${masked(ID_B)}): errors in date of birth`);
  });
});

describe('exit 2 writes nothing', () => {
  const leftovers = (name: string): string[] => readdirSync(tmp.dir).filter((n) => n === name || n.startsWith(`.${name}.`));

  it('an input that cannot be read (after another was checked): no folder, no staging folder', () => {
    writeFileSync(join(tmp.dir, 'broken.xlsx'), Buffer.from('PK\u0003\u0004 this is not a zip at all'));
    const r = cli(['records.xlsx', 'broken.xlsx', '--assets', 'files', '--no-out', '--cards', 'out-broken']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未写出填报单');
    expect(leftovers('out-broken')).toEqual([]);
  });

  it.each([
    { what: 'a folder inside the assets folder', dir: 'files/cards', pattern: /素材文件夹/ },
    { what: 'the assets folder itself', dir: 'files', pattern: /就是素材文件夹/ },
    { what: 'a file', dir: 'records.xlsx', pattern: /是一个文件/ },
    { what: 'a folder below a file', dir: 'records.xlsx/cards', pattern: /无法创建：.*records\.xlsx 是一个文件/ },
    { what: 'a folder of other files', dir: 'busy', pattern: /已有其他文件（如 mine\.txt）/ },
    { what: 'the input\'s own folder', dir: '.', pattern: /已有其他文件|输入文件/ },
  ])('refused before any work: $what', ({ dir, pattern }) => {
    mkdirSync(join(tmp.dir, 'busy'), { recursive: true });
    writeFileSync(join(tmp.dir, 'busy', 'mine.txt'), 'mine');
    const before = readdirSync(join(tmp.dir, 'files')).sort();
    const r = cli(['records.xlsx', '--assets', 'files', '--cards', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(readdirSync(join(tmp.dir, 'files')).sort()).toEqual(before);
    expect(readFileSync(join(tmp.dir, 'busy', 'mine.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(tmp.dir, 'records.checked.xlsx'))).toBe(false);
  });
});

describe('the config', () => {
  it('`cards` in cert-check.config.json writes the sheets there (relative to the config file); --no-cards turns it off', () => {
    const cwd = join(tmp.dir, 'with-config');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'cert-check.config.json'), JSON.stringify({ cards: '填报单' }));
    const off = cli([fx.input, '--assets', fx.assets, '--no-out', '--no-cards'], cwd);
    expect(off.code).toBe(1);
    expect(existsSync(join(cwd, '填报单'))).toBe(false);
    const on = cli([fx.input, '--assets', fx.assets, '--no-out'], cwd);
    expect(on.code).toBe(1);
    expect(readdirSync(join(cwd, '填报单')).filter((n) => n.endsWith('.html'))).toHaveLength(5);
    // Without --assets the assets folder is the input's folder, which holds this one: refused.
    const inside = cli([fx.input, '--no-out'], cwd);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/位于素材文件夹/);
  });

  it('a `cards` that is not a string is a config error (exit 2)', () => {
    const cwd = join(tmp.dir, 'bad-config');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, 'cert-check.config.json'), JSON.stringify({ cards: 3 }));
    const r = cli([fx.input, '--assets', fx.assets, '--no-out'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cards/);
  });
});
