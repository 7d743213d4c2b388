import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { README_TABLE_LANG, replaceRuleTable, ruleTable, RULES_END, RULES_START } from '../../src/docs/rule-table.js';
import type { Rule } from '../../src/engine/types.js';
import { FIELD_KEYS } from '../../src/model/fields.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ruleFiles = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
const ids = RULES.map((r) => r.id);
const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('rule registry', () => {
  it('registers every file in rules/', () => {
    const unregistered = ruleFiles.map((f) => basename(f, '.ts')).filter((id) => !ids.includes(id));
    expect(unregistered).toEqual([]);
  });

  it('has a file for every registered rule, and ids are unique and sorted', () => {
    expect(ids.filter((id) => !ruleFiles.includes(`${id}.ts`))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });

  it.each(ruleFiles)('%s exports the rule whose id is its file name', async (file) => {
    const mod = (await import(pathToFileURL(join(root, 'rules', file)).href)) as { default: Rule };
    expect(mod.default.id).toBe(basename(file, '.ts'));
    expect(RULES).toContain(mod.default);
  });

  it.each(ids)('%s has a test file test/rules/<id>.test.ts', (id) => {
    expect(existsSync(join(root, 'test', 'rules', `${id}.test.ts`))).toBe(true);
  });

  // The dialect (rule-tester.ts) asserts the suggestion and the fix of every invalid case and checks at run time
  // that each message is tested; here, on the files: one table for the rule, and every messageId in an invalid case.
  it.each(RULES.map((r) => [r.id, r] as const))('%s is tested in the one dialect, every message in an invalid case', (id, rule) => {
    const text = readFileSync(join(root, 'test', 'rules', `${id}.test.ts`), 'utf8');
    expect(text.match(/\btestRule\(rule, /g) ?? [], 'one testRule(rule, …) table').toHaveLength(1);
    const expected = new Set([...text.matchAll(/\bmessageId: '([\w-]+)'/g)].map((m) => m[1]));
    expect(Object.keys(rule.messages).filter((m) => !expected.has(m))).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has complete metadata and bilingual messages', (id, rule) => {
    expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rule.description.zh.trim()).not.toBe('');
    expect(rule.description.en.trim()).not.toBe('');
    expect(rule.fields.every((f) => (FIELD_KEYS as readonly string[]).includes(f))).toBe(true);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    for (const [messageId, m] of Object.entries(rule.messages)) {
      expect(m.zh?.trim(), `${id}.${messageId}.zh`).toBeTruthy();
      expect(m.en?.trim(), `${id}.${messageId}.en`).toBeTruthy();
      // Both languages fill the same placeholders (English may add *En twins of Chinese labels).
      expect(placeholders(m.zh).filter((p) => !placeholders(m.en).includes(p) && !placeholders(m.en).includes(`${p}En`)), `${id}.${messageId}`).toEqual([]);
      // The formatter names the guide section: templates must not repeat it.
      expect(m.zh).not.toContain('见指南');
    }
  });
});

describe('README rule table', () => {
  it('is the table generated from the rules (node scripts/gen-rule-table.js)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(RULES_START);
    expect(readme).toContain(RULES_END);
    expect(readme).toBe(replaceRuleTable(readme, ruleTable(RULES, README_TABLE_LANG)));
  });

  it('lists every rule with its guide section, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const table = ruleTable(RULES, lang);
      expect(table.split('\n')).toHaveLength(RULES.length + 2);
      for (const r of RULES) {
        const line = table.split('\n').find((l) => l.startsWith(`| \`${r.id}\` |`));
        expect(line, r.id).toBeDefined();
        expect(line).toContain(r.description.zh);
        expect(line).toContain(r.description.en);
        if (r.guide) expect(line).toContain(r.guide);
      }
    }
  });

  it('replaces only the text between the markers', () => {
    const readme = `# x\n\n${RULES_START}\nold\n${RULES_END}\ntail\n`;
    expect(replaceRuleTable(readme, 'T')).toBe(`# x\n\n${RULES_START}\nT\n${RULES_END}\ntail\n`);
    expect(() => replaceRuleTable('# no markers', 'T')).toThrow(/markers/);
  });
});
