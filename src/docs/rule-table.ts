/** The README's rule table, generated from the rules' metadata (scripts/gen-rule-table.js writes it). */
import type { Lang, Rule, Severity } from '../engine/types.js';
import { PUNCT } from '../i18n/index.js';
import { RULE_TABLE_FIELD, RULE_TABLE_HEAD, SEVERITY_LABEL } from '../i18n/report.js';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';
/** The language of the table in README.md. */
export const README_TABLE_LANG: Lang = 'zh';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

/** The rule's default severity first, then any other severity one of its messages uses. */
function severities(rule: Rule, lang: Lang): string {
  const all = new Set<Severity>([rule.severity]);
  for (const m of Object.values(rule.messages)) if (m.severity) all.add(m.severity);
  return [...all].map((s) => SEVERITY_LABEL[lang][s]).join(' / ');
}

/** A markdown table of the rules, sorted by id: id, severity, guide section, fields, description zh and en. */
export function ruleTable(rules: readonly Rule[], lang: Lang): string {
  const head = RULE_TABLE_HEAD[lang];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const fields = rule.fields.map(RULE_TABLE_FIELD[lang]).join(PUNCT[lang].list);
    lines.push(`| ${[`\`${rule.id}\``, severities(rule, lang), rule.guide ?? '', fields, rule.description.zh, rule.description.en].map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The README with the text between the markers replaced by `table`; throws when a marker is missing. */
export function replaceRuleTable(readme: string, table: string): string {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${RULES_START} … ${RULES_END} markers`);
  return `${readme.slice(0, start + RULES_START.length)}\n${table}\n${readme.slice(end)}`;
}
