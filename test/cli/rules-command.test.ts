/** `cert-check rules`: every registered rule once, with id, severity (default or configured), guide section, description. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { displayWidth, rulesCommand } from '../../src/cli/rules-command.js';
import { makeTempDir } from '../read/files.js';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/cert-check.js');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

/** The table's rule lines: id → the rest of the line. */
function ruleLines(text: string): Map<string, string> {
  const ids = new Set(RULES.map((r) => r.id));
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const id = line.split(/\s+/)[0]!;
    if (ids.has(id)) {
      expect(out.has(id), `${id} listed twice`).toBe(false);
      out.set(id, line.slice(id.length));
    }
  }
  return out;
}

describe('rulesCommand', () => {
  const zh = rulesCommand({ lang: 'zh' });

  it('lists every registered rule exactly once, sorted by id', () => {
    const lines = ruleLines(zh);
    expect([...lines.keys()]).toEqual(RULES.map((r) => r.id).sort());
    expect(zh).toContain(`共 ${RULES.length} 条规则`);
  });

  it('gives each rule its default severity, guide section and description', () => {
    const lines = ruleLines(zh);
    const label = { error: '错误', warning: '警告', info: '提示' } as const;
    for (const rule of RULES) {
      const line = lines.get(rule.id)!;
      expect(line, rule.id).toContain(label[rule.severity]);
      if (rule.guide) expect(line, rule.id).toContain(rule.guide);
      expect(line, rule.id).toContain(rule.description.zh);
    }
  });

  it.each([
    ['photo-colour', 'error', '错误（配置）'],
    ['photo-shape', 'off', '关闭（配置）'],
    ['approval-no-brackets', 'warning', '警告（配置）'],
  ] as const)('shows %s as configured (%s)', (id, setting, shown) => {
    const line = ruleLines(rulesCommand({ lang: 'zh', severities: { [id]: setting } })).get(id)!;
    expect(line).toContain(shown);
  });

  it('aligns the columns by display width (Chinese characters count two)', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('三（四）')).toBe(8);
    const rows = zh.split('\n').filter((l) => /^[a-z]/.test(l));
    const descStart = new Set(rows.map((l) => {
      const rule = RULES.find((r) => l.startsWith(`${r.id} `))!;
      return displayWidth(l.slice(0, l.indexOf(rule.description.zh)));
    }));
    expect(descStart.size).toBe(1);
  });

  it('speaks English with --lang en', () => {
    const en = rulesCommand({ lang: 'en' });
    expect(en).toContain(`${RULES.length} rules`);
    const line = ruleLines(en).get('photo-size')!;
    expect(line).toContain('error');
    expect(line).toContain(RULES.find((r) => r.id === 'photo-size')!.description.en);
  });
});

describe('cert-check rules through the launcher', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: tmp.dir, encoding: 'utf8', timeout: 60_000 });

  it('prints every rule and exits 0', () => {
    const r = cli(['rules']);
    expect(r.status).toBe(0);
    expect([...ruleLines(r.stdout).keys()]).toHaveLength(RULES.length);
  });

  it('shows the severities of the configuration file in the working directory', () => {
    writeFileSync(join(tmp.dir, 'cert-check.config.json'), JSON.stringify({ rules: { 'photo-shape': 'off', 'photo-colour': 'error' } }));
    const r = cli(['rules']);
    expect(r.status).toBe(0);
    const lines = ruleLines(r.stdout);
    expect(lines.get('photo-shape')).toContain('关闭（配置）');
    expect(lines.get('photo-colour')).toContain('错误（配置）');
    expect(lines.get('photo-size')).not.toContain('配置');
  });

  it('refuses a broken configuration with one sentence (exit 2)', () => {
    writeFileSync(join(tmp.dir, 'bad.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const r = cli(['rules', '--config', 'bad.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no-such-rule');
  });
});
